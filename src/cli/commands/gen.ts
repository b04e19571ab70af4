/**
 * `docgen gen`: generate TypeScript into --out (safe swap + manifest); `--check` compares without
 * writing (drift in CI); `--watch` regenerates on every change under the inputs.
 */
import { Option, type Command } from "commander";
import { emitOptionsOf, loadConfig, type DateStyle } from "../config.js";
import { UserError } from "../errors.js";
import { Cache, defaultCacheDir } from "../cache.js";
import { withPackageAndManifest } from "../generate.js";
import { assertSafeOutDir, diffOutput, writeOutput } from "../output.js";
import { generate, inBackgroundProcess, type PhaseTiming } from "../pipeline.js";
import { createProgress } from "../progress.js";
import { codeSummary, formatDiagnosticLine, modelSummary, severitySummary } from "../report.js";
import { resolveInputs, withInputs, type CommonOptions } from "./shared.js";

interface GenOptions extends CommonOptions {
  out?: string;
  check?: boolean;
  force?: boolean;
  verbose?: boolean;
  watch?: boolean;
  package?: boolean;
  cache: boolean;
  cacheDir: string;
  stats?: boolean;
  daemon: boolean;
  dates?: DateStyle;
}

export function registerGen(program: Command): void {
  withInputs(program.command("gen").description("generate TypeScript into --out"))
    .option("-o, --out <dir>", "output folder (default: the config file's out)")
    .option("--check", "write nothing; exit 1 and list the files that would change")
    .option("--force", "write even into a folder holding files docgen did not generate")
    .option("--package", "also write package.json and tsconfig.json, making --out an npm package (default: when the config file has \"package\")")
    .option("--watch", "keep running; regenerate (incrementally, debounced) when an input changes")
    .addOption(new Option("--dates <style>", "DateTimeOffset and Date values as ISO strings or as Date objects (default: the config file's dates, else string)").choices(["string", "Date"]))
    .option("--verbose", "print every diagnostic")
    .option("--cache-dir <dir>", "cache of parsed pages and emitted files", defaultCacheDir())
    .option("--no-cache", "neither read nor write the cache")
    .option("--stats", "print peak memory and cache hits on stderr")
    .option("--no-daemon", "run in this process, not in the background process (which keeps what every run loads; off in CI and with DOCGEN_DAEMON=0)")
    .action(async (options: GenOptions) => {
      const started = performance.now();
      const config = await loadConfig(options.config);
      const inputs = resolveInputs(options, config);
      const out = options.out ?? config.out;
      if (!out) throw new UserError("no output folder given; pass --out <dir> (for example --out generated) or set \"out\" in docgen.config.json");
      const emit = emitOptionsOf({ ...config, ...(options.dates ? { dates: options.dates } : {}) });
      const generateOptions = {
        emit,
        ...(options.package || config.package ? { package: config.package ?? {} } : {}),
      };
      if (options.watch) {
        if (options.check) throw new UserError("--watch and --check cannot be combined; use --check in CI and --watch while editing");
        const { watchAndGenerate } = await import("../watch.js");
        await watchAndGenerate({ inputs, out, force: options.force ?? false, ignore: config.ignore ?? [], versions: config.versions, generate: generateOptions });
        return;
      }
      // Refuse a bad --out before any work, so that nothing is parsed for a run that cannot write.
      if (!options.check) assertSafeOutDir(out, inputs, options.force ?? false);
      const cache = options.cache ? new Cache(options.cacheDir) : null;
      const timings: PhaseTiming[] = [];
      const generation = await generate(inputs, {
        timings,
        cache,
        progress: createProgress(),
        ignore: config.ignore ?? [],
        versions: config.versions,
        emit,
        ...(options.jobs ? { jobs: options.jobs } : {}),
      });
      if (options.verbose) for (const d of generation.diagnostics) process.stderr.write(formatDiagnosticLine(d) + "\n");
      // After the output is settled, so that a refused --out still ends with its one error line.
      const report = (): void => {
        if (generation.diagnostics.length > 0) process.stderr.write(`docgen: diagnostics by code: ${codeSummary(generation.diagnostics)}\n`);
        if (!options.stats) return;
        const { hits: h, misses: m, read, model, versions } = cache?.stats ?? { hits: null, misses: null, read: 0, model: "merged", versions: undefined };
        const merged = model === "merged" && versions !== undefined ? ` (${versions.merged} of ${versions.of} API versions${versions.patched > 0 ? `, ${versions.patched} patched` : ""})` : "";
        const hits = h && m ? `; input files read ${read}; cache hits page ${h.page}, chunk ${h.format}, file ${h.output}, run ${h.run}; misses page ${m.page}, chunk ${m.format}, file ${m.output}, run ${m.run}; model ${model}${merged}` : "";
        const where = inBackgroundProcess() ? ` (background process ${process.pid}, since it started)` : "";
        const phases = `; seconds ${timings.map((t) => `${t.phase} ${t.seconds.toFixed(2)}`).join(", ")}`;
        process.stderr.write(`docgen: stats: maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB${where}, jobs ${options.jobs ?? "default"}${hits}${phases}\n`);
      };
      const files = withPackageAndManifest(generation.files, generateOptions);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (options.check) {
        report();
        const diff = diffOutput(out, files);
        const stale = [...diff.added.map((f) => `added ${f}`), ...diff.changed.map((f) => `changed ${f}`), ...diff.removed.map((f) => `removed ${f}`)];
        if (stale.length > 0) {
          for (const line of stale) process.stdout.write(`  ${line}\n`);
          process.stdout.write(`docgen: ${out} is stale: ${stale.length} file(s) would change; run docgen gen (npm run gen)\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`docgen: ${out} is up to date (${files.length} files, ${seconds}s)\n`);
        return;
      }
      const writing = performance.now();
      const diff = writeOutput(out, files);
      const written = diff.added.length + diff.changed.length;
      timings.push({ phase: "write", seconds: (performance.now() - writing) / 1000 });
      report();
      const unchanged = files.length - written;
      const what = `${written} ${written === 1 ? "file" : "files"} to ${out}${unchanged > 0 ? ` (${unchanged} unchanged)` : ""}`;
      process.stdout.write(`docgen: wrote ${what}: ${modelSummary(generation)}; ${severitySummary(generation.diagnostics)} (${seconds}s)\n`);
    });
}

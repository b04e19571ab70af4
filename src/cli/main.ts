/**
 * The `docgen` command line: gen, model, check. Bad input ends with one line on stderr and exit
 * code 2; `check` exits 1 when the docs have errors; `gen --check` exits 1 when output is stale.
 */
import { writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { UserError } from "./errors.js";
import { assertSafeOutDir, diffOutput, withManifest, writeOutput } from "./output.js";
import { loadModel } from "./pipeline.js";
import { countBySeverity, formatDiagnosticLine, modelSummary, severitySummary } from "./report.js";

interface InputOptions {
  input: string[];
}

const program = new Command()
  .name("docgen")
  .description("Generate TypeScript types, validators and request functions from Graph-style API reference docs.")
  .showHelpAfterError("(run docgen --help for usage)")
  .exitOverride();

program
  .command("gen")
  .description("generate TypeScript into --out")
  .requiredOption("-i, --input <paths...>", "documents: folders and/or files")
  .requiredOption("-o, --out <dir>", "output folder")
  .option("--check", "write nothing; exit 1 and list the files that would change")
  .option("--force", "write even into a folder holding files docgen did not generate")
  .option("--verbose", "print every diagnostic")
  .action(async (options: InputOptions & { out: string; check?: boolean; force?: boolean; verbose?: boolean }) => {
    const started = performance.now();
    if (!options.check) assertSafeOutDir(options.out, options.input, options.force ?? false);
    const model = await loadModel(options.input);
    if (options.verbose) for (const d of model.diagnostics) process.stderr.write(formatDiagnosticLine(d) + "\n");
    // Loaded here, not at start-up: ts-morph and prettier take most of a second to load and only gen needs them.
    const { emitModel } = await import("../emitters/emit.js");
    const files = withManifest(await emitModel(model));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (options.check) {
      const diff = diffOutput(options.out, files);
      const stale = [...diff.added.map((f) => `added ${f}`), ...diff.changed.map((f) => `changed ${f}`), ...diff.removed.map((f) => `removed ${f}`)];
      if (stale.length > 0) {
        for (const line of stale) process.stdout.write(`  ${line}\n`);
        process.stdout.write(`docgen: ${options.out} is stale: ${stale.length} file(s) would change; run docgen gen (npm run gen)\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`docgen: ${options.out} is up to date (${files.length} files, ${seconds}s)\n`);
      return;
    }
    writeOutput(options.out, files);
    process.stdout.write(`docgen: wrote ${files.length} files to ${options.out}: ${modelSummary(model)}; ${severitySummary(model.diagnostics)} (${seconds}s)\n`);
  });

program
  .command("model")
  .description("print the API model as JSON (see docs/model.md)")
  .requiredOption("-i, --input <paths...>", "documents: folders and/or files")
  .option("-o, --out <file>", "write to a file instead of stdout")
  .action(async (options: InputOptions & { out?: string }) => {
    const json = JSON.stringify(await loadModel(options.input), null, 2) + "\n";
    if (options.out) writeFileSync(options.out, json);
    else process.stdout.write(json);
  });

program
  .command("check")
  .description("report problems in the docs; exit 1 when there are errors")
  .requiredOption("-i, --input <paths...>", "documents: folders and/or files")
  .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
  .action(async (options: InputOptions & { format: string }) => {
    const model = await loadModel(options.input);
    const diagnostics = model.diagnostics;
    if (options.format === "json") {
      process.stdout.write(JSON.stringify({ diagnostics, summary: countBySeverity(diagnostics) }, null, 2) + "\n");
    } else {
      for (const d of diagnostics) process.stdout.write(formatDiagnosticLine(d) + "\n");
      process.stdout.write(`docgen check: ${severitySummary(diagnostics)}\n`);
    }
    if (countBySeverity(diagnostics).error > 0) process.exitCode = 1;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UserError) {
    process.stderr.write(`docgen: error: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`docgen: internal error: ${message} (please report this with the input that caused it)\n`);
    if (process.env["DOCGEN_DEBUG"] && error instanceof Error) process.stderr.write(`${error.stack ?? ""}\n`);
    process.exitCode = 3;
  }
}

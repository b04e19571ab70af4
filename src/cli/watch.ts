/**
 * `docgen gen --watch`: regenerate whenever a document under the inputs changes. Incremental: the
 * pages of unchanged files stay in memory (only changed or new files are parsed again), the model
 * is rebuilt from the pages (merging is cheap), only API versions whose slice of the model
 * changed are emitted again, and in those only the chunks whose statements changed are rendered
 * (the others are kept in memory from the previous run, by content id, as the gen cache does). Changes are debounced; every run prints one summary line. A run that
 * fails (say, an input was deleted) prints one error line and the watch goes on.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { GeneratedFile, PlanMemos } from "../emitters/emit.js";
import type { PlanMemo } from "../emitters/unit-plan.js";
import type { PlannedChunk } from "../emitters/emit-file.js";
import { compareText } from "../model/diagnostics.js";
import { buildModel } from "../model/merge.js";
import type { PageModel } from "../model/page.js";
import type { ApiModel } from "../model/types.js";
import { versionFolder } from "../emitters/naming.js";
import { selectVersions } from "./commands/shared.js";
import type { GenerateOptions } from "./generate.js";
import { findInputFiles } from "./inputs.js";
import { assertSafeOutDir, withManifest, writeOutput } from "./output.js";
import { packageFiles } from "./package.js";
import { parseInputFile } from "./pipeline.js";
import { WorkerPool } from "./workers/pool.js";
import { modelSummary, severitySummary } from "./report.js";

export interface WatchOptions {
  inputs: string[];
  out: string;
  force: boolean;
  ignore: string[];
  versions: readonly string[] | undefined;
  generate: GenerateOptions;
  /** Quiet period after the last change before a run starts. */
  debounceMs?: number;
}


export async function watchAndGenerate(options: WatchOptions): Promise<void> {
  const pages = new Map<string, PageModel>();
  const emitted = new Map<string, { key: string; files: GeneratedFile[] }>();
  const chunks = new Map<string, ChunkMemo>();
  const dirty = new Set<string>();
  let firstRun = true;
  // Files are re-parsed one at a time on this thread; a large page goes to a worker (see WorkerPool).
  const pool = new WorkerPool(1);

  const run = async (): Promise<void> => {
    const started = performance.now();
    const files = await findInputFiles(options.inputs, process.cwd(), options.ignore);
    const present = new Set(files.map((f) => f.absolute));
    let parsed = 0;
    for (const key of [...pages.keys()]) if (!present.has(key)) pages.delete(key);
    for (const file of files) {
      if (pages.has(file.absolute) && !dirty.has(file.absolute)) continue;
      pages.set(file.absolute, await parseInputFile(file, pool));
      parsed++;
    }
    dirty.clear();
    const model = buildModel(files.map((f) => pages.get(f.absolute)).filter((p): p is PageModel => p !== undefined));
    const { files: output, versionsEmitted } = await emitIncrementally(selectVersions(model, options.versions), options.generate, emitted, chunks);
    if (firstRun) assertSafeOutDir(options.out, options.inputs, options.force);
    const diff = writeOutput(options.out, output);
    const changed = diff.added.length + diff.changed.length + diff.removed.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = firstRun ? `parsed ${files.length} ${files.length === 1 ? "file" : "files"}` : `re-parsed ${parsed} of ${files.length} ${files.length === 1 ? "file" : "files"}`;
    process.stdout.write(
      `docgen watch: ${what}, emitted ${versionsEmitted.length > 0 ? versionsEmitted.join(", ") : "nothing"}, ${changed} output files changed: ${modelSummary(model)}; ${severitySummary(model.diagnostics)} (${seconds}s)\n`,
    );
    firstRun = false;
  };

  await run();
  const debounceMs = options.debounceMs ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (absolute: string): void => {
    dirty.add(absolute);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run).catch((error: unknown) => {
        process.stderr.write(`docgen watch: error: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    }, debounceMs);
  };
  const watchers: FSWatcher[] = options.inputs.map((input) => {
    const absolute = path.resolve(input);
    if (statSync(absolute).isDirectory()) {
      return watch(absolute, { recursive: true }, (_event, name) => {
        schedule(name ? path.resolve(absolute, name.toString()) : absolute);
      });
    }
    // A file is watched through its folder: editors that save by renaming replace the file's inode.
    const base = path.basename(absolute);
    return watch(path.dirname(absolute), (_event, name) => {
      if (name === null || name.toString() === base) schedule(absolute);
    });
  });
  process.stdout.write(`docgen watch: watching ${options.inputs.join(", ")}; press Ctrl+C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running;
  await pool.close();
}

/**
 * One version's rendered chunks by content id (see `emit-file.ts`): a version emitted again renders
 * only the chunks whose statements changed. Holds the chunks of the version's latest emission, and
 * the plan memos of its files (`unit-plan.ts`: only the declarations a change reaches are planned again).
 */
class ChunkMemo {
  private previous = new Map<string, string>();
  private current = new Map<string, string>();
  private readonly formatted = new Map<string, string>();
  private readonly memos = new Map<string, PlanMemo>();

  readonly plans: PlanMemos = {
    read: (path) => this.memos.get(path) ?? null,
    write: (path, memo) => {
      if (memo !== null) this.memos.set(path, memo);
      else this.memos.delete(path);
    },
    afresh: () => this.memos.clear(),
  };

  readonly render = async (chunks: readonly PlannedChunk[]): Promise<string[]> => {
    const { renderChunk } = await import("../emitters/render.js");
    return Promise.all(
      chunks.map(async (chunk) => {
        const text = this.current.get(chunk.id) ?? this.previous.get(chunk.id) ?? (await renderChunk(chunk));
        this.current.set(chunk.id, text);
        return text;
      }),
    );
  };

  readonly format = async (source: string): Promise<string> => {
    const { formatTypeScript } = await import("../emitters/format.js");
    const text = this.formatted.get(source) ?? (await formatTypeScript(source));
    this.formatted.set(source, text);
    return text;
  };

  /** Called after an emission: the chunks it did not use are dropped. */
  settle(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** Emits only the API versions whose types and operations differ from the previous run. */
async function emitIncrementally(
  model: ApiModel,
  options: GenerateOptions,
  cache: Map<string, { key: string; files: GeneratedFile[] }>,
  chunks: Map<string, ChunkMemo>,
): Promise<{ files: GeneratedFile[]; versionsEmitted: string[] }> {
  const { emitModel } = await import("../emitters/emit.js");
  const folders = [...new Set([...model.types.map((t) => versionFolder(t.apiVersion)), ...model.operations.map((o) => versionFolder(o.apiVersion))])].sort(compareText);
  const versionsEmitted: string[] = [];
  const code: GeneratedFile[] = [];
  for (const folder of folders) {
    const slice: ApiModel = {
      types: model.types.filter((t) => versionFolder(t.apiVersion) === folder),
      operations: model.operations.filter((o) => versionFolder(o.apiVersion) === folder),
      diagnostics: [],
    };
    const key = JSON.stringify([slice.types, slice.operations, options.emit]);
    let entry = cache.get(folder);
    if (!entry || entry.key !== key) {
      const memo = chunks.get(folder) ?? new ChunkMemo();
      entry = { key, files: await emitModel(slice, { ...options.emit, render: memo.render, format: memo.format, plans: memo.plans }) };
      memo.settle();
      chunks.set(folder, memo);
      cache.set(folder, entry);
      versionsEmitted.push(folder);
    }
    code.push(...entry.files);
  }
  for (const folder of [...cache.keys()]) if (!folders.includes(folder)) cache.delete(folder);
  for (const folder of [...chunks.keys()]) if (!folders.includes(folder)) chunks.delete(folder);
  const all = options.package ? [...code, ...packageFiles(code, options.package)] : code;
  return { files: withManifest(all.sort((a, b) => compareText(a.path, b.path))), versionsEmitted };
}

/**
 * The composer: ApiModel → generated files. One folder per API version; in each, the runtime
 * helpers (copied once, so the output has no dependency on docgen) and one file per construct,
 * each written by its emitter into a ts-morph source file and formatted with Biome
 * (`emit-file.ts`). The caller may run the per-file work elsewhere (the CLI uses worker threads);
 * files are collected by position, so the result never depends on which finished first.
 */
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, ApiVersion } from "../model/types.js";
import type { EmitOptions } from "./context.js";
import { emittedFiles, joinChunks, planFile, type PlannedChunk, type VersionSlice } from "./emit-file.js";
import { fileOfBytes, type GeneratedFile } from "./generated-file.js";
import { runtimeFiles } from "./runtime.js";
import { versionFolder } from "./naming.js";
import { StaleMemoError, type PlanMemo } from "./unit-plan.js";

export type { GeneratedFile } from "./generated-file.js";

/** A rendered chunk: its text, or the text as UTF-8 (the CLI reads the chunks it cached so). */
export type RenderedChunk = string | Uint8Array;

/**
 * Renders the planned chunks of one file, in the same order (`renderChunk` each by default; the
 * CLI serves unchanged chunks from its cache and renders the others in worker threads), or gives
 * the file's whole text as the one element (the CLI, when it has these very chunks joined in its
 * cache). Called for each file as soon as it is planned, so rendering overlaps the planning of the
 * next files.
 */
export type ChunkRenderer = (chunks: readonly PlannedChunk[], path: string) => Promise<RenderedChunk[]>;

/** A file from its rendered chunks: joined as text when every chunk is text, else as bytes. */
function fileOfChunks(path: string, rendered: readonly RenderedChunk[]): GeneratedFile {
  const texts = rendered.filter((chunk): chunk is string => typeof chunk === "string");
  if (texts.length === rendered.length) return { path, content: joinChunks(texts) };
  return fileOfBytes(path, Buffer.concat(rendered.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk))));
}

// Loaded on first use, as is the formatter below: planning needs neither (see kinds.ts).
const renderEach: ChunkRenderer = async (chunks) => {
  const { renderChunk } = await import("./render.js");
  return Promise.all(chunks.map(renderChunk));
};

async function formatEach(source: string): Promise<string> {
  const { formatTypeScript } = await import("./format.js");
  return formatTypeScript(source);
}

/** How to render (hooks) and what to generate (the user's emit options). */
export interface EmitModelOptions extends EmitOptions {
  render?: ChunkRenderer;
  /** Formats a runtime helper file (`formatTypeScript` by default; the CLI caches the result). */
  format?: (source: string) => Promise<string>;
  /** Files (by output path) not to generate: the CLI has them from its cache. They are left out of the result. */
  skip?: (path: string) => boolean;
  /**
   * Called once every file is planned, with the paths of the files emitted (those not skipped),
   * while chunks may still be rendering (the CLI stores what it can meanwhile).
   */
  planned?: (paths: readonly string[]) => void;
  /** The plan memos of the files (unit-plan.ts): the one of a file's last plan, and the one of this plan to keep. */
  plans?: PlanMemos;
}

/** Where plan memos are kept between emissions (the CLI: in its cache), by output path. */
export interface PlanMemos {
  read(path: string): PlanMemo | null;
  /** The memo of this plan of the file; null: none to keep (the file is not planned by units). */
  write(path: string, memo: PlanMemo | null): void;
  /** Forgets the memos read: from now on none is read, and each written replaces the stored one whole. */
  afresh(): void;
}

/**
 * Emits the model's files. When a plan memo turns out not to match what its units plan now (a
 * docgen bug: `StaleMemoError`, unit-plan.ts), every file is planned again without the memos.
 */
export async function emitModel(model: ApiModel, options: EmitModelOptions = {}): Promise<GeneratedFile[]> {
  try {
    return await emitOnce(model, options);
  } catch (error) {
    if (!(error instanceof StaleMemoError) || options.plans === undefined) throw error;
    options.plans.afresh();
    return emitOnce(model, options);
  }
}

async function emitOnce(model: ApiModel, options: EmitModelOptions): Promise<GeneratedFile[]> {
  const { render: renderHook, format: formatHook, skip = () => false, planned, plans, ...emitOptions } = options;
  const render = renderHook ?? renderEach;
  const formatted = new Map<string, Promise<string>>();
  // Once per helper: they are the same in every version.
  const format = (source: string): Promise<string> => {
    let text = formatted.get(source);
    if (text === undefined) formatted.set(source, (text = (formatHook ?? formatEach)(source)));
    return text;
  };
  const versions = new Set<ApiVersion | null>([...model.types.map((t) => t.apiVersion), ...model.operations.map((o) => o.apiVersion)]);
  const ordered = [...versions].sort((a, b) => compareText(versionFolder(a), versionFolder(b)));
  const files: GeneratedFile[] = [];
  const jobs: Array<{ path: string; rendered: Promise<RenderedChunk[]> }> = [];
  for (const apiVersion of ordered) {
    const slice: VersionSlice = {
      apiVersion,
      types: model.types.filter((t) => t.apiVersion === apiVersion),
      operations: model.operations.filter((o) => o.apiVersion === apiVersion),
    };
    const folder = versionFolder(apiVersion);
    // The runtime helpers go through the same formatter as emitted code.
    for (const file of runtimeFiles()) {
      const path = `${folder}/${file.path}`;
      if (!skip(path)) files.push({ path, content: await format(file.content) });
    }
    for (const name of emittedFiles(emitOptions)) {
      const path = `${folder}/${name}`;
      if (skip(path)) continue;
      const plan = planFile(slice, name, emitOptions, plans?.read(path) ?? null);
      plans?.write(path, plan.memo);
      const rendered = render(plan.chunks, path);
      // Awaited below, after the other files are planned; until then a failure must not count as unhandled.
      rendered.catch(() => undefined);
      jobs.push({ path, rendered });
      // Planning is synchronous: without this pause, worker messages (the renderer's worker is
      // ready, a chunk is done) and the renderer's queued sends would wait until every file is planned.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  planned?.([...files.map((file) => file.path), ...jobs.map((job) => job.path)]);
  const emitted = await Promise.all(jobs.map(async (job) => fileOfChunks(job.path, await job.rendered)));
  return [...files, ...emitted].sort((a, b) => compareText(a.path, b.path));
}

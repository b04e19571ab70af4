/**
 * The composer: ApiModel → generated files. One folder per API version; in each, the runtime
 * helpers (copied once, so the output has no dependency on docgen) and one file per construct,
 * each written by its emitter into a ts-morph source file and formatted with prettier
 * (`emit-file.ts`). The caller may run the per-file work elsewhere (the CLI uses worker threads);
 * files are collected by position, so the result never depends on which finished first.
 */
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, ApiVersion } from "../model/types.js";
import type { EmitOptions } from "./context.js";
import { emittedFiles, joinChunks, planChunks, renderChunk, type Chunk, type VersionSlice } from "./emit-file.js";
import { formatTypeScript } from "./format.js";
import { runtimeFiles } from "./runtime.js";
import { versionFolder } from "./naming.js";

export interface GeneratedFile {
  /** Path relative to the output folder, with forward slashes (`beta/interfaces.ts`). */
  path: string;
  content: string;
}

/** Renders one chunk of a file (`renderChunk` by default; the CLI uses worker threads and a cache). */
export type ChunkRenderer = (chunk: Chunk) => Promise<string>;

/** How to render (hooks) and what to generate (the user's emit options). */
export interface EmitModelOptions extends EmitOptions {
  render?: ChunkRenderer;
  /** Called once all chunks are planned, with their number. */
  planned?: (chunks: number) => void;
}

export async function emitModel(model: ApiModel, options: EmitModelOptions = {}): Promise<GeneratedFile[]> {
  const { render: renderHook, planned, ...emitOptions } = options;
  const render = renderHook ?? renderChunk;
  const versions = new Set<ApiVersion | null>([...model.types.map((t) => t.apiVersion), ...model.operations.map((o) => o.apiVersion)]);
  const ordered = [...versions].sort((a, b) => compareText(versionFolder(a), versionFolder(b)));
  const files: GeneratedFile[] = [];
  // The runtime helpers go through the same formatter as emitted code; they are the same in every version.
  const runtime = await Promise.all(runtimeFiles().map(async (file) => ({ path: file.path, content: await formatTypeScript(file.content) })));
  const jobs: Array<{ path: string; chunks: Chunk[] }> = [];
  for (const apiVersion of ordered) {
    const slice: VersionSlice = {
      apiVersion,
      types: model.types.filter((t) => t.apiVersion === apiVersion),
      operations: model.operations.filter((o) => o.apiVersion === apiVersion),
    };
    const folder = versionFolder(apiVersion);
    for (const file of runtime) files.push({ path: `${folder}/${file.path}`, content: file.content });
    for (const name of emittedFiles(emitOptions)) jobs.push({ path: `${folder}/${name}`, chunks: planChunks(slice, name, emitOptions) });
  }
  planned?.(jobs.reduce((n, job) => n + job.chunks.length, 0));
  const emitted = await Promise.all(jobs.map(async (job) => ({ path: job.path, content: joinChunks(await Promise.all(job.chunks.map(render))) })));
  return [...files, ...emitted].sort((a, b) => compareText(a.path, b.path));
}

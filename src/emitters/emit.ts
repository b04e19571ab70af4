/**
 * The composer: ApiModel → generated files. One folder per API version; in each, the runtime
 * helpers (copied once, so the output has no dependency on docgen) and one file per construct,
 * each written by its emitter into a ts-morph source file and formatted with prettier
 * (`emit-file.ts`). The caller may run the per-file work elsewhere (the CLI uses worker threads);
 * files are collected by position, so the result never depends on which finished first.
 */
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, ApiVersion } from "../model/types.js";
import { EMITTERS, emitFile, type VersionSlice } from "./emit-file.js";
import { formatTypeScript } from "./format.js";
import { runtimeFiles } from "./runtime.js";
import { versionFolder } from "./naming.js";

export interface GeneratedFile {
  /** Path relative to the output folder, with forward slashes (`beta/interfaces.ts`). */
  path: string;
  content: string;
}

/** Produces one formatted file; `emitFile` by default. */
export type FileEmitter = (slice: VersionSlice, name: string) => Promise<string>;

/** Files in the order that balances parallel work best: the big ones first. */
const SCHEDULE = ["interfaces.ts", "validators.ts", "requests.ts", "enums.ts", "index.ts"];

export async function emitModel(model: ApiModel, emitOne: FileEmitter = emitFile): Promise<GeneratedFile[]> {
  const versions = new Set<ApiVersion | null>([...model.types.map((t) => t.apiVersion), ...model.operations.map((o) => o.apiVersion)]);
  const ordered = [...versions].sort((a, b) => compareText(versionFolder(a), versionFolder(b)));
  const files: GeneratedFile[] = [];
  // The runtime helpers go through the same formatter as emitted code; they are the same in every version.
  const runtime = await Promise.all(runtimeFiles().map(async (file) => ({ path: file.path, content: await formatTypeScript(file.content) })));
  const jobs: Array<{ slice: VersionSlice; folder: string; name: string }> = [];
  for (const apiVersion of ordered) {
    const slice: VersionSlice = {
      apiVersion,
      types: model.types.filter((t) => t.apiVersion === apiVersion),
      operations: model.operations.filter((o) => o.apiVersion === apiVersion),
    };
    const folder = versionFolder(apiVersion);
    for (const file of runtime) files.push({ path: `${folder}/${file.path}`, content: file.content });
    for (const [name] of EMITTERS) jobs.push({ slice, folder, name });
  }
  jobs.sort((a, b) => SCHEDULE.indexOf(a.name) - SCHEDULE.indexOf(b.name));
  const emitted = await Promise.all(jobs.map(async (job) => ({ path: `${job.folder}/${job.name}`, content: await emitOne(job.slice, job.name) })));
  return [...files, ...emitted].sort((a, b) => compareText(a.path, b.path));
}

/**
 * The one-way pipeline the commands share: documents → pages → model (→ files, in gen).
 *
 * Pages are parsed in worker threads (`--jobs`, default: the available cores) and collected in
 * input order, so the model never depends on scheduling. With a cache (gen), each page is keyed by
 * docgen's fingerprint, its displayed path and its text; a whole run by the list of page keys, so a
 * rerun with nothing changed reads its files from one cache entry and parses nothing.
 */
import { makeDiagnostic, type DiagnosticCode } from "../model/diagnostics.js";
import { buildModel } from "../model/merge.js";
import type { PageModel } from "../model/page.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import type { EmitOptions } from "../emitters/context.js";
import type { GeneratedFile } from "../emitters/emit.js";
import { versionFolder } from "../emitters/naming.js";
import type { Chunk } from "../emitters/emit-file.js";
import { Cache, sha256 } from "./cache.js";
import { UserError } from "./errors.js";
import { displayPath, findInputFiles, readInput, type InputFile } from "./inputs.js";
import { createProgress, type Progress } from "./progress.js";
import { defaultJobs, TaskOutOfMemory, WorkerPool } from "./workers/pool.js";

export interface PipelineOptions {
  /** Worker threads; 1 works on the main thread. Default: the available cores, fewer for few documents. */
  jobs?: number;
  /** Where parsed pages and emitted files are cached; null (default) caches nothing. */
  cache?: Cache | null;
  progress?: Progress;
  /** Globs of documents to skip inside input folders (the config file's `ignore`). */
  ignore?: readonly string[];
}

/** What `generate` emits: which API versions, with which emit options (both part of the run cache key). */
export interface GenerateOptions extends PipelineOptions {
  /** API version folders to emit (the config file's `versions`); all when absent. */
  versions?: readonly string[] | undefined;
  emit?: EmitOptions;
}

/** Below this many pages per thread, starting worker threads costs more than it saves. */
const PAGES_PER_WORKER = 24;

function poolSize(jobs: number | undefined, documents: number): number {
  return jobs ?? Math.max(1, Math.min(defaultJobs(), Math.ceil(documents / PAGES_PER_WORKER)));
}

export async function loadModel(inputs: readonly string[], options: PipelineOptions = {}): Promise<ApiModel> {
  const documents = await readDocuments(inputs, options.cache ?? null, options.ignore ?? []);
  const pool = new WorkerPool(poolSize(options.jobs, documents.length));
  try {
    return buildModel(await parsePages(documents, pool, options));
  } finally {
    await pool.close();
  }
}

/** What `docgen gen` needs: the files, the counts for its summary line and the diagnostics. */
export interface Generation {
  files: GeneratedFile[];
  types: number;
  operations: number;
  diagnostics: Diagnostic[];
}

export async function generate(inputs: readonly string[], options: GenerateOptions = {}): Promise<Generation> {
  const cache = options.cache ?? null;
  const progress = options.progress ?? createProgress(false);
  const documents = await readDocuments(inputs, cache, options.ignore ?? []);
  const settings = JSON.stringify({ emit: options.emit ?? {}, versions: options.versions ?? null });
  const runKey = cache?.key("run", settings, ...documents.map((d) => `${d.file}\0${d.key}`)) ?? null;
  if (cache !== null && runKey !== null) {
    const cached = cache.readJson("run", runKey, isGeneration);
    if (cached !== null) return cached;
  }
  const pool = new WorkerPool(poolSize(options.jobs, documents.length));
  try {
    const parsed = buildModel(await parsePages(documents, pool, { ...options, progress }));
    const model = selectVersions(parsed, options.versions);
    // Loaded here, not at start-up: ts-morph and prettier take most of a second to load and only gen needs them.
    const { emitModel } = await import("../emitters/emit.js");
    // Each chunk of a generated file is keyed by its statements: after an edit only changed chunks are rendered.
    const render = async (chunk: Chunk): Promise<string> => {
      const key = cache?.key("format", JSON.stringify(chunk)) ?? null;
      // Stored as a JSON string, so that a truncated or damaged entry fails to parse and is a miss.
      const cached = cache !== null && key !== null ? cache.readJson("format", key, (v: unknown): v is string => typeof v === "string") : null;
      if (cached !== null) {
        progress.tick();
        return cached;
      }
      const result = await pool.run({ kind: "chunk", chunk });
      progress.tick();
      if (result.kind !== "chunk") throw new Error("worker answered an emit job with a parse result");
      if (cache !== null && key !== null) cache.write("format", key, JSON.stringify(result.content));
      return result.content;
    };
    const generation: Generation = {
      files: await emitModel(model, { ...options.emit, render, planned: (chunks) => progress.phase("emit", chunks) }),
      types: model.types.length,
      operations: model.operations.length,
      diagnostics: model.diagnostics,
    };
    progress.stop();
    if (cache !== null && runKey !== null) cache.write("run", runKey, JSON.stringify(generation));
    return generation;
  } finally {
    progress.stop();
    await pool.close();
  }
}

interface Document {
  file: string;
  /** The text, or the reason the file cannot be read. */
  text: string | null;
  problem: string;
  /** The diagnostic for an unreadable document. */
  code: DiagnosticCode;
  /** The page cache key (a hash of docgen's fingerprint, the path and the text). */
  key: string;
}

async function readDocuments(inputs: readonly string[], cache: Cache | null, ignore: readonly string[]): Promise<Document[]> {
  const files = await findInputFiles(inputs, process.cwd(), ignore);
  return files.map(({ absolute, explicit, symlink }): Document => {
    if (symlink !== undefined) {
      const file = displayPath(absolute);
      return { file, text: null, problem: symlink, code: "input-symlink-outside", key: sha256(file, symlink) };
    }
    const doc = readInput(absolute);
    if ("text" in doc) return { file: doc.file, text: doc.text, problem: "", code: "input-unreadable", key: cache?.key("page", doc.file, doc.text) ?? sha256(doc.file, doc.text) };
    if (explicit) throw new UserError(`"${doc.file}" ${doc.problem}`);
    return { file: doc.file, text: null, problem: doc.problem, code: "input-unreadable", key: sha256(doc.file, doc.problem) };
  });
}

async function parsePages(documents: readonly Document[], pool: WorkerPool, options: PipelineOptions): Promise<PageModel[]> {
  const cache = options.cache ?? null;
  const progress = options.progress ?? createProgress(false);
  progress.phase("parse", documents.length);
  const pages = await Promise.all(
    documents.map(async (doc): Promise<PageModel> => {
      if (doc.text === null) {
        progress.tick();
        return unreadablePage(doc.file, doc.problem, doc.code);
      }
      const cached = cache?.readJson("page", doc.key, isPageModel) ?? null;
      if (cached !== null) {
        progress.tick();
        return cached;
      }
      const page = await parseInPool(pool, doc.file, doc.text, cache?.entryPath("page", doc.key) ?? null);
      progress.tick();
      return page;
    }),
  );
  progress.stop();
  return pages;
}

/** The model restricted to the configured API versions (diagnostics kept whole). */
export function selectVersions(model: ApiModel, versions: readonly string[] | undefined): ApiModel {
  if (!versions) return model;
  const keep = new Set(versions);
  return {
    types: model.types.filter((t) => keep.has(versionFolder(t.apiVersion))),
    operations: model.operations.filter((o) => keep.has(versionFolder(o.apiVersion))),
    diagnostics: model.diagnostics,
  };
}

/**
 * Parses one document in the pool. A page that runs its worker out of memory is reported on that
 * page (`page-too-large`) and skipped; the run goes on.
 */
async function parseInPool(pool: WorkerPool, file: string, text: string, cacheFile: string | null): Promise<PageModel> {
  try {
    const result = await pool.run({ kind: "parse", file, text, cacheFile });
    if (result.kind !== "parse") throw new Error("worker answered a parse job with a chunk result");
    return result.page;
  } catch (error) {
    if (!(error instanceof TaskOutOfMemory)) throw error;
    const size = `${(text.length / 1e6).toFixed(1)} million characters`;
    return unreadablePage(
      file,
      `(${size}) needs more memory than parsing one page may take here (${error.heapMb} MB); split it into smaller pages (each table, code block and paragraph is held whole) or run docgen on a machine with more free memory`,
      "page-too-large",
    );
  }
}

/** One input file → its page (`--watch` re-parses single files this way; `pool` runs the parse, see parseInPool). */
export async function parseInputFile({ absolute, explicit, symlink }: InputFile, pool: WorkerPool): Promise<PageModel> {
  if (symlink !== undefined) return unreadablePage(displayPath(absolute), symlink, "input-symlink-outside");
  const doc = readInput(absolute);
  if ("text" in doc) return parseInPool(pool, doc.file, doc.text, null);
  if (explicit) throw new UserError(`"${doc.file}" ${doc.problem}`);
  return unreadablePage(doc.file, doc.problem);
}

/** A file found in an input folder that is not a readable document: reported, then skipped. */
function unreadablePage(file: string, problem: string, code: DiagnosticCode = "input-unreadable"): PageModel {
  const diagnostic = makeDiagnostic(code, { file, line: 1, column: 1 }, `This file ${problem}; it was skipped.`);
  return { file, format: "markdown", title: null, kind: "unknown", apiVersion: null, types: [], operations: [], typeRefs: [], diagnostics: [diagnostic] };
}

// Cache entries are written by this docgen build only (the key includes its fingerprint); these
// checks guard against damaged files, not against other shapes.
function isPageModel(value: unknown): value is PageModel {
  return typeof value === "object" && value !== null && "file" in value && "types" in value && "operations" in value && "diagnostics" in value;
}

function isGeneration(value: unknown): value is Generation {
  return typeof value === "object" && value !== null && "files" in value && "types" in value && "operations" in value && "diagnostics" in value;
}

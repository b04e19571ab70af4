/**
 * The one-way pipeline the commands share: documents → pages → model (→ files, in gen).
 *
 * Pages are parsed in worker threads (`--jobs`, default: the available cores) and collected in
 * input order, so the model never depends on scheduling. With a cache (gen; BENCHMARKS.md
 * "Content-hash cache"): files whose `stat` is unchanged are not read (`file-index.ts`); each page's
 * hashes (`page-meta.ts`) give the keys of the run's summary (its API versions' shares) and of every generated file
 * (`output-keys.ts`), so only changed pages are parsed and only files whose key is new are
 * generated. Their model is the stored one patched when only descriptions changed
 * (`model-store.ts`, `model/patch-descriptions.ts`), else the stored merge of their API versions
 * with what the few changed pages contribute to merged again (`model/patch-structure.ts`), or, when
 * that cannot be done, the pages of their API versions merged again (from one store entry per
 * version, `page-store.ts`; a version an edit did not touch keeps its cached files and its share of
 * the summary); in them only chunks whose statements changed are
 * rendered (the others by content id from the cache; see `emitters/emit-file.ts`). Then the cache
 * is pruned to what the run refers to (`cache-sweep.ts`).
 */
import path from "node:path";
import { makeDiagnostic, type DiagnosticCode } from "../model/diagnostics.js";
import { buildModel, joinDiagnostics, joinModels, versionMerges, type VersionMerge } from "../model/merge.js";
import type { PageModel } from "../model/page.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import type { EmitOptions } from "../emitters/context.js";
import type { ChunkRenderer, EmitModelOptions, RenderedChunk } from "../emitters/emit.js";
import { fileOfBytes, type GeneratedFile } from "../emitters/generated-file.js";
import { versionFolder } from "../emitters/naming.js";
import { sha256, type Cache } from "./cache.js";
import { FileIndex, shownHere, shownOf, statFile } from "./file-index.js";
import { isPageModel, PageIndex, PageStore } from "./page-store.js";
import { UserError } from "./errors.js";
import { chunkTexts, decodeFormatted, decodeOutput, encodedOutputSize, encodeFormatted, encodeOutput, isRunSummary, type OutputEntry, type RunSummary } from "./run-entry.js";
import { PageMeta, pageHashes, type PageHashes } from "./page-meta.js";
import { folderOfVersion, joinedKey, OutputKeys, runSettings, versionOfPath } from "./output-keys.js";
import { PlanStore } from "./plan-store.js";
import { journalKey } from "./journal.js";
import { MERGE_PARTS, readMerge, readModel, writeMerge, type StoredMerge, type StoredPage } from "./model-store.js";
import { sweepCache } from "./cache-sweep.js";
import { patchDescriptions, touchedBy } from "../model/patch-descriptions.js";
import { patchStructure, type PageChange } from "../model/patch-structure.js";
import { compareText } from "../model/diagnostics.js";
import { runtimeFiles } from "../emitters/runtime.js";
import { displayPath, findInputFiles, readInput, type InputFile } from "./inputs.js";
import { createProgress, type Progress } from "./progress.js";
import { defaultJobs, TaskOutOfMemory, WorkerPool } from "./workers/pool.js";
import type { Task, TaskResult } from "./workers/tasks.js";

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
  /** Filled with the wall-clock seconds of each phase of the run, in order (`--stats`). */
  timings?: PhaseTiming[];
}

/** Where a cache keeps V8's cached code (workers/code-cache.ts): with this build's entries, swept with them. */
function codeCacheOf(cache: Cache | null): string | null {
  return cache !== null ? path.join(cache.root, "code") : null;
}

/** Below this many pages per thread, starting worker threads costs more than it saves. */
const PAGES_PER_WORKER = 24;

function poolSize(jobs: number | undefined, documents: number): number {
  return jobs ?? Math.max(1, Math.min(defaultJobs(), Math.ceil(documents / PAGES_PER_WORKER)));
}

export async function loadModel(inputs: readonly string[], options: PipelineOptions = {}): Promise<ApiModel> {
  const files = await findInputFiles(inputs, process.cwd(), options.ignore ?? []);
  const documents = readDocuments(files, options.cache ?? null);
  const pool = new WorkerPool(poolSize(options.jobs, documents.length));
  try {
    return buildModel(await parsePages(documents, pool, options));
  } finally {
    await pool.close({ wait: false });
  }
}

/** What `docgen gen` needs: the files, the counts for its summary line and the diagnostics. */
export interface Generation {
  files: GeneratedFile[];
  types: number;
  operations: number;
  diagnostics: Diagnostic[];
}

export interface PhaseTiming {
  /** inputs: finding and reading (or `stat`-ing) them; parse: pages parsed or hashes known; model: merged or patched; emit: planned and rendered; cache: entries written and pruned. */
  phase: string;
  seconds: number;
}

/** Records how long each phase took into `list`: `end(phase)` closes the phase that began when the previous one ended. */
class Phases {
  private last = performance.now();

  constructor(private readonly list: PhaseTiming[]) {}

  end(phase: "inputs" | "parse" | "model" | "emit" | "cache"): void {
    const now = performance.now();
    this.list.push({ phase, seconds: (now - this.last) / 1000 });
    this.last = now;
  }
}

let residentPool: WorkerPool | null = null;

/**
 * The worker pool of a long-lived process (the background process): gen runs without `--jobs` use
 * it and leave it open, so its workers keep what they loaded (the parser, ts-morph, the formatter) for
 * the next run. null: each run starts and closes a pool of its own.
 */
export function useResidentWorkers(pool: WorkerPool | null): void {
  residentPool = pool;
}

/** Whether this process is a long-lived one serving runs (it has resident workers). */
export function inBackgroundProcess(): boolean {
  return residentPool !== null;
}

export async function generate(inputs: readonly string[], options: GenerateOptions = {}): Promise<Generation> {
  const cache = options.cache ?? null;
  const progress = options.progress ?? createProgress(false);
  const phases = new Phases(options.timings ?? []);
  const files = await findInputFiles(inputs, process.cwd(), options.ignore ?? []);
  const resident = options.jobs === undefined ? residentPool : null;
  const pool = resident ?? new WorkerPool(poolSize(options.jobs, files.length));
  // Workers load ts-morph and the formatter while this thread merges and plans (see warmRenderers);
  // started once, as soon as the run knows how much it parses. A run with nothing to emit never starts it.
  let warmed: Promise<unknown> | null | undefined;
  const codeCache = codeCacheOf(cache);
  const warm = (): Promise<unknown> | null => (warmed ??= warmRenderers(pool, codeCache));
  // A cache an earlier run left (its file index exists) means a run after an edit, most likely:
  // it renders a few chunks, and one worker loading the renderers now, while this thread reads the
  // inputs, is ready for them sooner (a run that changes nothing stops the worker unused).
  if (cache?.holdsRun() === true) warm();
  try {
    const documents = readDocuments(files, cache);
    phases.end("inputs");
    const run: Run = { documents, pool, warm, options: { ...options, progress }, progress, phases };
    return cache !== null ? await generateCached(run, cache) : await generateAll(run);
  } finally {
    progress.stop();
    if (pool !== resident) await pool.close({ wait: false });
  }
}

/** What one gen run works with. */
interface Run {
  documents: Document[];
  pool: WorkerPool;
  /** Starts warming workers for rendering (the first call decides how many; see warmRenderers); null without workers. */
  warm: () => Promise<unknown> | null;
  options: GenerateOptions;
  progress: Progress;
  phases: Phases;
}

/** Without a cache: every page parsed and merged, every file emitted. */
async function generateAll(run: Run): Promise<Generation> {
  const pages = await parsePages(run.documents, run.pool, run.options, { onQueued: run.warm });
  run.phases.end("parse");
  const model = selectVersions(buildModel(pages), run.options.versions);
  run.phases.end("model");
  const files = await emitFiles(run, model, null, () => false, { formats: new Map(), sizes: new Map(), latest: null });
  run.phases.end("emit");
  return { files, types: model.types.length, operations: model.operations.length, diagnostics: model.diagnostics };
}

/**
 * Emits the files `skip` does not name; the format entries each file's text came from go to
 * `formats`. `hooks.planned` runs once the files are planned, while their changed chunks render in a worker; `hooks.plans` keeps their plan memos.
 */
async function emitFiles(run: Run, model: ApiModel, cache: Cache | null, skip: (path: string) => boolean, joins: Joins, hooks: Pick<EmitModelOptions, "planned" | "plans"> = {}): Promise<GeneratedFile[]> {
  // Loaded here, not at start-up: only gen needs the emitters (which load neither ts-morph nor the formatter to plan).
  const { emitModel } = await import("../emitters/emit.js");
  const files = await emitModel(model, {
    ...run.options.emit,
    skip,
    render: chunkRenderer(run.pool, run.warm(), cache, run.progress, joins),
    format: (source) => formatCached(source, cache),
    ...hooks,
  });
  run.progress.stop();
  return files;
}

/**
 * With a cache (see the file header): the keys of the run's summary and files come from the pages'
 * hashes; files whose entries exist are taken from the cache; for the others the model is the
 * stored one with its descriptions patched when only descriptions changed, else the stored merges
 * of their API versions patched or their pages merged.
 */
async function generateCached(run: Run, cache: Cache): Promise<Generation> {
  const meta = PageMeta.load(cache);
  const known = new Map<Document, PageModel>();
  const hashes = await hashesOf(run, meta, known);
  run.phases.end("parse");
  const keys = new OutputKeys(cache, runSettings(run.options.emit ?? {}, run.options.versions), run.documents.map((doc, i) => ({ file: doc.file, hashes: hashes[i] ?? EMPTY_HASHES })));
  // Each version's share of the run's summary; all of them (as the last run left them: the sweep keeps no other) are the summary.
  const shares = new Map(keys.versions().map((version) => [version, cache.readJson("run", keys.share(version), isRunSummary)]));
  const summary = summaryOf([...shares.values()]);
  const reused = cachedFiles(cache, keys, summary?.files ?? (await candidateFiles(keys, run.options)));
  const unusedPages = meta.unused();
  meta.save();
  if (summary !== null && reused.size === summary.files.length) {
    cache.stats.model = "none";
    sweepCache(cache, {}, { page: unusedPages });
    run.phases.end("cache");
    return { ...summary, files: summary.files.map((path) => fileOfBytes(path, reused.get(path)?.bytes ?? Buffer.alloc(0))) };
  }
  const versions = hashes.map((h) => h.version);
  // Without the run's summary (an edit beyond descriptions): a version whose share and files are all
  // cached needs no model (its pages' structure is as it was).
  const needed =
    summary !== null
      ? [...new Set(summary.files.filter((path) => !reused.has(path)).map(versionOfPath))]
      : keys.versions().filter((version) => shares.get(version)?.files.every((path) => reused.has(path)) !== true);
  // The page entries of the stored merges: kept while a merge refers to them (a patch reads them), deleted once none does.
  const pageEntries = { kept: new Set<string>(), released: new Set<string>() };
  const patched = summary !== null ? await patchedModel(run, cache, keys, known, versions, needed, pageEntries.kept) : null;
  // The merges are stored while the changed chunks render (see storeMerges).
  const toStore: StoredMerges = [];
  const merged = patched !== null ? null : needed.length > 0 ? await mergedModel(run, cache, keys, known, versions, needed, pageEntries.released, toStore) : new Map<string, ApiModel>();
  if (merged?.size === 0) cache.stats.model = "none";
  const model = patched ?? joinModels([...(merged?.values() ?? [])]);
  run.phases.end("model");
  const joins: Joins = { formats: new Map(), sizes: new Map(), latest: (path) => keys.latest(path) };
  const plans = new PlanStore(cache, keys);
  let whole: RunSummary | null = null;
  // Once every file is planned, while the changed chunks render: the merges, the plan memos and the
  // run's summaries are stored, and the cache swept of what the run does not refer to (the files'
  // chunks are known by then: their texts only are not).
  const store = (emittedPaths: readonly string[]): void => {
    for (const { version, pages, merge, previous } of toStore.splice(0)) writeMerge(cache, keys, version, pages, merge, previous);
    plans.store();
    const paths = [...emittedPaths, ...reused.keys()].sort(compareText);
    // The counts and diagnostics: the summary's (a patched model holds only the versions with files
    // to generate), else each version's share: of the model merged now (stored), or cached.
    whole = summary;
    if (whole === null) {
      const shareOf = (version: string): RunSummary | null => {
        const part = merged?.get(version);
        if (part === undefined) return shares.get(version) ?? null;
        return { types: part.types.length, operations: part.operations.length, diagnostics: part.diagnostics, files: paths.filter((path) => versionOfPath(path) === version) };
      };
      const parts = keys.versions().flatMap((version) => {
        const share = shareOf(version);
        return share !== null ? [[version, share] as const] : [];
      });
      whole = joinSummaries(parts.map(([, share]) => share));
      storeShares(cache, keys, parts.filter(([version]) => merged?.has(version) === true));
    }
    const emittedFormats = emittedPaths.map((path) => formatsOf(cache, path, joins.formats));
    sweepRun(cache, keys, paths, [...emittedFormats, ...[...reused.values()].map((entry) => entry.formats)], {
      unusedPages: [...new Set([...unusedPages, ...pageEntries.released])].filter((key) => !pageEntries.kept.has(key)),
    });
  };
  // Set by `store`, which emitModel calls before it returns.
  const summarised = (): RunSummary => {
    if (whole === null) throw new Error("the files were emitted without being planned");
    return whole;
  };
  const emitted = await emitFiles(run, model, cache, (path) => reused.has(path), joins, { planned: store, plans });
  run.phases.end("emit");
  for (const file of emitted) {
    const sizes = joins.sizes.get(file.path);
    storeOutput(cache, keys, file.path, { bytes: file.bytes ?? Buffer.from(file.content, "utf8"), formats: formatsOf(cache, file.path, joins.formats), ...(sizes !== undefined ? { sizes } : {}) });
  }
  const files = [...emitted, ...[...reused].map(([path, entry]) => fileOfBytes(path, entry.bytes))].sort((a, b) => compareText(a.path, b.path));
  run.phases.end("cache");
  const counts = summarised();
  return { files, types: counts.types, operations: counts.operations, diagnostics: counts.diagnostics };
}

/** The run's summary when every API version's share is cached (null when one is missing). */
function summaryOf(shares: ReadonlyArray<RunSummary | null>): RunSummary | null {
  const found = shares.filter((share) => share !== null);
  return found.length > 0 && found.length === shares.length ? joinSummaries(found) : null;
}

/** The summary of a run from its API versions' shares (the diagnostics joined as buildModel joins them). */
function joinSummaries(shares: readonly RunSummary[]): RunSummary {
  return {
    types: shares.reduce((sum, share) => sum + share.types, 0),
    operations: shares.reduce((sum, share) => sum + share.operations, 0),
    diagnostics: joinDiagnostics(shares.map((share) => share.diagnostics)),
    files: shares.flatMap((share) => share.files).sort(compareText),
  };
}

/**
 * The files a run may generate when its summary is not cached (an edit beyond descriptions): every
 * file of every version folder its pages name. A version whose pages are all unchanged has its
 * files' entries from the last run (their keys depend on its own pages only), so they are not
 * generated again; a path that is not generated any more has no entry under its key.
 */
async function candidateFiles(keys: OutputKeys, options: GenerateOptions): Promise<string[]> {
  // Loaded here, not at start-up: a run whose summary is cached does not need it.
  const { emittedFiles } = await import("../emitters/emit-file.js");
  const names = [...runtimeFiles().map((file) => file.path), ...emittedFiles(options.emit ?? {})];
  return keys.versions().flatMap((version) => names.map((name) => `${folderOfVersion(version)}/${name}`));
}

/** The given generated files whose entries are in the cache, by path. */
function cachedFiles(cache: Cache, keys: OutputKeys, paths: readonly string[]): Map<string, OutputEntry> {
  const reused = new Map<string, OutputEntry>();
  for (const path of paths) {
    const entry = cache.readDecodedBytes("output", keys.file(path), decodeOutput);
    if (entry !== null) reused.set(path, entry);
  }
  return reused;
}

/** What the sweep after a run needs besides the run's files: the page keys known but not used. */
interface RunPages {
  unusedPages: readonly string[];
}

/**
 * Writes a file generated now (its entry shares the text with any file of the same chunks: see
 * joinedKey); a text joined from rendered chunks is also the path's latest (`OutputKeys.latest`),
 * which the next run takes unchanged chunks from.
 */
function storeOutput(cache: Cache, keys: OutputKeys, path: string, entry: OutputEntry): void {
  const shared = joinedKey(cache, entry.formats);
  if (shared === null) {
    cache.write("output", keys.file(path), encodeOutput(entry));
    return;
  }
  const size = encodedOutputSize(entry);
  cache.writeShared("output", keys.file(path), shared, size, () => encodeOutput(entry));
  if (entry.sizes !== undefined) cache.writeShared("output", keys.latest(path), shared, size, () => encodeOutput(entry));
}

/**
 * Writes the shares of the run's summary of the API versions merged in the run (the others' are
 * cached). The summary itself is not written: joined from the shares when read, it is what was
 * joined here, and it would be most of their size again (the diagnostics) to write after every edit.
 */
function storeShares(cache: Cache, keys: OutputKeys, versions: ReadonlyArray<readonly [string, RunSummary]>): void {
  for (const [version, share] of versions) cache.writeJson("run", keys.share(version), share);
}

/**
 * Prunes every entry of the kinds the run writes that it does not refer to (`paths`: its files,
 * `formats`: the format entries each was joined from), and the page entries it did not use.
 */
function sweepRun(cache: Cache, keys: OutputKeys, paths: readonly string[], formats: ReadonlyArray<readonly string[]>, pages: RunPages): void {
  const versions = keys.versions();
  sweepCache(cache, {
    files: [cache.key("files"), journalKey(cache.key("files"))],
    pages: versions.flatMap((version) => [PageStore.key(cache, version), PageStore.indexKey(cache, version)]),
    meta: [cache.key("meta"), journalKey(cache.key("meta"))],
    run: versions.map((version) => keys.share(version)),
    model: versions.flatMap((version) => [keys.merge(version), ...Array.from({ length: MERGE_PARTS }, (_, index) => keys.mergePart(version, index))]),
    plan: paths.flatMap((path) => PlanStore.keysOf(keys, path)),
    output: [...paths.flatMap((path) => [keys.file(path), keys.latest(path)]), ...formats.flatMap((list) => joinedKey(cache, list) ?? [])],
    format: formats.flat(),
  }, { page: pages.unusedPages });
}

const EMPTY_HASHES: PageHashes = { version: "", structure: "", typeDocs: "", propertyDocs: "", operationDocs: "" };

/** A runtime helper's format entry is keyed by its source; an emitted file's by its chunks (recorded while rendering). */
function formatsOf(cache: Cache, path: string, formats: ReadonlyMap<string, string[]>): string[] {
  const runtime = runtimeFiles().find((file) => path.endsWith(`/${file.path}`));
  return runtime !== undefined ? [cache.key("format", "source", runtime.content)] : (formats.get(path) ?? []);
}

/** Above this many pages without known hashes (a cold run, a large change), all pages are loaded at once (the page store). */
const FEW_PAGES = 64;

/** Every document's page hashes: known ones from the meta entry, the others from their pages (kept in `known`). */
async function hashesOf(run: Run, meta: PageMeta, known: Map<Document, PageModel>): Promise<PageHashes[]> {
  const hashes = run.documents.map((doc) => (doc.problem !== null ? pageHashes(unreadablePage(doc.file, doc.problem, doc.code)) : meta.get(doc.key)));
  const missing = run.documents.filter((_, i) => hashes[i] === null);
  if (missing.length === 0) return hashes.map((h) => h ?? EMPTY_HASHES);
  const all = missing.length > FEW_PAGES;
  const docs = all ? run.documents : missing;
  // After an edit one worker starts loading the renderers now, before the few pages are parsed.
  if (!all) run.warm();
  // Pages parsed now are hashed as they arrive, while workers parse the others (a cold run).
  const parsed = new Map<Document, PageHashes>();
  // Every page asked for: the stores of the versions the known pages have.
  const stores = all ? [...new Set(hashes.flatMap((h) => (h !== null ? [h.version] : [])))] : null;
  const pages = await parsePages(docs, run.pool, run.options, { stores, onQueued: run.warm, onParsed: (doc, page) => parsed.set(doc, pageHashes(page)) });
  docs.forEach((doc, i) => {
    const page = pages[i];
    if (page !== undefined) known.set(doc, page);
  });
  return run.documents.map((doc, i) => {
    const found = hashes[i];
    if (found !== null && found !== undefined) return found;
    const page = known.get(doc);
    const computed = parsed.get(doc) ?? (page !== undefined ? pageHashes(page) : EMPTY_HASHES);
    meta.set(doc.key, computed);
    return computed;
  });
}

/**
 * The models of the API versions `needed`, each version's apart (by version; merging never mixes
 * versions: model/merge.ts): the stored merge patched for the pages that changed when that can be
 * done (see patchedVersion), else the version's pages merged; to be stored (`toStore`) under the
 * version's key for later runs to patch. `versions`: each document's page's.
 */
async function mergedModel(run: Run, cache: Cache, keys: OutputKeys, known: ReadonlyMap<Document, PageModel>, versions: readonly string[], needed: readonly string[], released: Set<string>, toStore: StoredMerges): Promise<Map<string, ApiModel>> {
  const merges = new Map<string, VersionMerge>();
  // The stored merges patched: only their parts holding what the patch replaced are written again.
  const patchedFrom = new Map<string, StoredMerge>();
  const byVersion = new Map(needed.map((version) => [version, run.documents.filter((_, i) => versions[i] === version)]));
  const pagesOf = (version: string): Document[] => byVersion.get(version) ?? [];
  for (const version of needed) {
    const documents = pagesOf(version);
    const stored = readMerge(cache, keys, version);
    // Rewritten below: the pages only the stored merge refers to are not needed any more.
    const current = new Set(documents.map((doc) => doc.key));
    for (const key of Object.values(stored?.pages ?? {})) if (!current.has(key)) released.add(key);
    const patched = stored !== null ? patchedVersion(cache, version, stored, documents, known) : null;
    if (patched === null || stored === null) continue;
    merges.set(version, patched);
    patchedFrom.set(version, stored);
  }
  const rest = needed.filter((version) => !merges.has(version));
  if (rest.length > 0) {
    const documents = rest.flatMap(pagesOf);
    const pages = await parsePages(documents, run.pool, run.options, { stores: documents.every((doc) => known.has(doc)) ? null : rest, known });
    for (const [version, merge] of versionMerges(pages)) merges.set(version, merge);
  }
  const merged = new Map<string, ApiModel>();
  for (const version of needed) {
    const merge = merges.get(version);
    if (merge === undefined) continue;
    toStore.push({ version, pages: pagesOf(version), merge, previous: patchedFrom.get(version) ?? null });
    merged.set(version, selectVersions(joinModels([merge.model]), run.options.versions));
  }
  cache.stats.model = "merged";
  cache.stats.versions = { merged: needed.length, patched: needed.length - rest.length, of: keys.versions().length };
  return merged;
}

/** Merges of API versions to store (model-store.ts), with the pages they were merged from. */
type StoredMerges = Array<{ version: string; pages: readonly StoredPage[]; merge: VersionMerge; previous: StoredMerge | null }>;

/** Above this many changed pages, a version's pages are merged rather than its stored merge patched. */
const PATCH_STRUCTURE_PAGES = 16;

/**
 * The stored merge of a version patched for the few of its pages (`documents`: all of them) that
 * changed since (model/patch-structure.ts); null when the pages are not the same files, too many
 * changed, a page is not at hand, or the change cannot be patched.
 */
function patchedVersion(cache: Cache, version: string, stored: StoredMerge, documents: readonly Document[], known: ReadonlyMap<Document, PageModel>): VersionMerge | null {
  const changed = changedSince(stored.pages, documents);
  if (changed === null || changed.length > PATCH_STRUCTURE_PAGES) return null;
  const fromCache = storedPages(cache);
  const page = (key: string | undefined): PageModel | null => (key === undefined ? null : fromCache(version, key));
  const changes: PageChange[] = [];
  for (const doc of changed) {
    const before = page(stored.pages[doc.file]);
    const after = known.get(doc) ?? page(doc.key);
    if (before === null || after === null) return null;
    changes.push({ before, after });
  }
  const byFile = new Map(documents.map((doc) => [doc.file, doc]));
  return patchStructure(stored.merge, changes, (file) => page(byFile.get(file)?.key));
}

/**
 * The pages the cache holds, by API version and page key: from the version's page store (its index
 * loaded once), else a page's entry of its own; null when neither holds it.
 */
function storedPages(cache: Cache): (version: string, key: string) => PageModel | null {
  const indexes = new Map<string, PageIndex | null>();
  return (version, key) => {
    let index = indexes.get(version);
    if (index === undefined) indexes.set(version, (index = PageIndex.load(cache, version)));
    return index?.get(key) ?? cache.readJson("page", key, isPageModel);
  };
}

/**
 * The documents whose page key differs from the one a stored merge records for their file; null
 * when the stored merge was of other files.
 */
function changedSince(pages: Readonly<Record<string, string>>, documents: readonly Document[]): Document[] | null {
  if (Object.keys(pages).length !== documents.length || documents.some((doc) => !Object.hasOwn(pages, doc.file))) return null;
  return documents.filter((doc) => pages[doc.file] !== doc.key);
}

/**
 * The stored model of the versions `needed` (those with files to generate) with the descriptions of
 * the changed pages patched in, or null when that cannot be done (see patch-descriptions.ts). The
 * stored merges are not rewritten: the page keys they refer to for the changed pages go to `kept`.
 */
async function patchedModel(run: Run, cache: Cache, keys: OutputKeys, known: ReadonlyMap<Document, PageModel>, versions: readonly string[], needed: readonly string[], kept: Set<string>): Promise<ApiModel | null> {
  const stored = readModel(cache, keys, needed);
  const documents = run.documents.filter((_, i) => needed.includes(versions[i] ?? ""));
  const changedDocs = stored !== null ? changedSince(stored.pages, documents) : null;
  if (stored === null || changedDocs === null) return null;
  const changed = new Set(changedDocs.map((doc) => doc.file));
  // The stored merge still refers to the pages as they were (a structural patch later reads them).
  for (const file of changed) {
    const key = stored.pages[file];
    if (key !== undefined) kept.add(key);
  }
  const touched = touchedBy(stored.model, changed);
  if (touched.files.size > PATCH_PAGES) return null;
  // The pages that did not change are the stored ones (as a structural patch takes them: reading one
  // from the page store is much cheaper than parsing it); the rest are parsed.
  const fromCache = storedPages(cache);
  const pages: PageModel[] = [];
  const rest: Document[] = [];
  run.documents.forEach((doc, i) => {
    if (!touched.files.has(doc.file)) return;
    const page = known.get(doc) ?? (doc.problem === null ? fromCache(versions[i] ?? "", doc.key) : null);
    if (page !== null) pages.push(page);
    else rest.push(doc);
  });
  if (rest.length > 0) pages.push(...(await parsePages(rest, run.pool, run.options, { stores: null, known })));
  const model = patchDescriptions(stored.model, touched, pages);
  if (model !== null) cache.stats.model = "patched";
  return model;
}

/** Above this many pages to merge again for a patch, merging every page is not much slower. */
const PATCH_PAGES = 1024;

/**
 * Has workers load ts-morph and the formatter while this thread merges and plans, so that rendering does
 * not wait for the loading. Called once the pages to parse are queued: when the workers parse
 * (a cold run), each loads after its last page, while the page store is written and the model
 * merged; otherwise (after an edit) one worker loads at once, and the few changed chunks go to it
 * (a second worker would load ts-morph again).
 */
function warmRenderers(pool: WorkerPool, codeCache: string | null): Promise<unknown> | null {
  if (pool.size <= 1) return null;
  const workers = pool.queued > 0 ? pool.size : 1;
  return Promise.all(Array.from({ length: workers }, () => pool.run({ kind: "warm", codeCache }).catch(() => null)));
}

/**
 * Up to this many parse or render tasks run on the main thread, which has the parser and the
 * emitters loaded already: starting a worker and loading them there costs more than a few tasks.
 */
const INLINE_TASKS = 4;

/** What the renderer records of each file's text, and where it finds the text a file last had. */
interface Joins {
  /** The format entries (its chunks') each file's text is joined from, by path. */
  formats: Map<string, string[]>;
  /** The length in bytes of each of those chunks' texts, by path (`OutputEntry.sizes`). */
  sizes: Map<string, number[]>;
  /** The key of the entry of the text a path was last written with (`OutputKeys.latest`); null without a cache. */
  latest: ((path: string) => string) | null;
}

/**
 * The renderer of one run (emitModel calls it once per file, as soon as the file is planned): each
 * chunk's text, unchanged chunks (by content id) from the cache, the others rendered and cached.
 * Unchanged chunks are taken from the text the file last had when they are in it (one entry read
 * instead of one per chunk: after an edit, hundreds), else from their own entries.
 * A file with many to render uses all workers; a few go one after the other, across files, to the
 * warmed worker (a second worker would load ts-morph again), or to this thread when there are no
 * workers.
 */
function chunkRenderer(pool: WorkerPool, warm: Promise<unknown> | null, cache: Cache | null, progress: Progress, joins: Joins): ChunkRenderer {
  let queue: Promise<unknown> = warm ?? Promise.resolve();
  const inWarmWorker = (task: Task): Promise<TaskResult> => {
    const result = queue.then(() => pool.run(task));
    queue = result.catch(() => null);
    return result;
  };
  let started = false;
  return (chunks, path) => {
    if (started) progress.grow(chunks.length);
    else progress.phase("emit", chunks.length);
    started = true;
    const keys = chunks.map((chunk) => cache?.key("format", chunk.id) ?? null);
    const known = keys.filter((key) => key !== null);
    joins.formats.set(path, known);
    // Every chunk has a format key (with a cache): the file's text is named by them, and located in an earlier one.
    const complete = cache !== null && known.length === keys.length;
    // The whole text when this list of chunks was joined before (see joinedKey): one entry to read instead of a chunk's each.
    const joined = complete ? joinedKey(cache, known) : null;
    const whole = cache !== null && joined !== null && cache.has("output", joined) ? cache.readDecodedBytes("output", joined, decodeOutput) : null;
    if (whole !== null) {
      if (whole.sizes !== undefined) joins.sizes.set(path, whole.sizes);
      chunks.forEach(() => progress.tick());
      return Promise.resolve([whole.bytes]);
    }
    const last = complete && joins.latest !== null ? cache.readUncounted("output", joins.latest(path), decodeOutput) : null;
    const inLast = last !== null ? chunkTexts(last) : null;
    // Read as bytes: the file is joined, compared and written as bytes (see fileOfBytes).
    const cached = keys.map((key): Uint8Array | null => {
      if (cache === null || key === null) return null;
      const text = inLast?.get(key);
      if (text === undefined) return cache.readDecodedBytes("format", key, decodeFormatted);
      // Served from the cache as its own entry would be (counted so: `CacheStats`).
      cache.stats.hits.format++;
      return text;
    });
    const misses = cached.filter((text) => text === null).length;
    const run = misses > INLINE_TASKS ? (task: Task) => pool.run(task) : warm !== null ? inWarmWorker : (task: Task) => pool.runHere(task);
    const rendered = Promise.all(
      chunks.map(async (chunk, i): Promise<RenderedChunk> => {
        const hit = cached[i];
        if (hit !== null && hit !== undefined) {
          progress.tick();
          return hit;
        }
        const result = await run({ kind: "chunk", chunk: { context: chunk.context, statements: chunk.statements } });
        progress.tick();
        if (result.kind !== "chunk") throw new Error(`worker answered an emit job with a ${result.kind} result`);
        const key = keys[i];
        if (cache !== null && key !== null && key !== undefined) cache.write("format", key, encodeFormatted(result.content));
        return result.content;
      }),
    );
    if (!complete) return rendered;
    // The file is its chunks' texts joined (emit-file.ts joinChunks): each one's length in bytes locates it there.
    return rendered.then((texts) => {
      joins.sizes.set(path, texts.map((text) => (typeof text === "string" ? Buffer.byteLength(text, "utf8") : text.length)));
      return texts;
    });
  };
}

/** A runtime helper file formatted, from the cache when formatted before (it changes only with docgen). */
async function formatCached(source: string, cache: Cache | null): Promise<string> {
  const key = cache?.key("format", "source", source) ?? null;
  const cached = cache !== null && key !== null ? cache.readDecodedBytes("format", key, decodeFormatted) : null;
  if (cached !== null) return cached.toString("utf8");
  // Loaded only now: the formatter is needed here only when the helpers are not cached.
  const { formatTypeScript } = await import("../emitters/format.js");
  const formatted = await formatTypeScript(source);
  if (cache !== null && key !== null) cache.write("format", key, encodeFormatted(formatted));
  return formatted;
}

interface Document {
  file: string;
  absolute: string;
  /** The text when it was read; null when not read (unchanged since the last run: read on demand) or unreadable. */
  text: string | null;
  /** Why the file is not a readable document (then it is reported and skipped), or null. */
  problem: string | null;
  /** The diagnostic for an unreadable document. */
  code: DiagnosticCode;
  /** The page cache key (a hash of docgen's fingerprint, the path and the text's hash). */
  key: string;
}

/**
 * The input documents and their keys. With a cache, a file whose `stat` is what the file index
 * recorded is not read (its text's hash is the recorded one); see `file-index.ts`.
 */
function readDocuments(files: readonly InputFile[], cache: Cache | null): Document[] {
  const index = cache !== null ? FileIndex.load(cache) : null;
  const cwd = process.cwd();
  const cwdPrefix = cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`;
  const documents = files.map(({ absolute, explicit, symlink }): Document => {
    if (symlink !== undefined) {
      const file = displayPath(absolute);
      return { file, absolute, text: null, problem: symlink, code: "input-symlink-outside", key: sha256(file, symlink) };
    }
    const stat = index !== null ? statFile(absolute) : null;
    const known = index?.unchanged(absolute, stat) ?? null;
    if (known !== null) {
      const shown = shownHere(known, absolute, cwd, cwdPrefix);
      const file = shown?.file ?? displayPath(absolute, cwd);
      if (known.problem !== null && explicit) throw new UserError(`"${file}" ${known.problem}`);
      if (known.problem !== null) return unreadable(file, absolute, known.problem);
      const key = shown?.key ?? pageKey(cache, file, known.hash ?? "");
      if (shown === undefined) index?.show(absolute, known, shownOf(file, key, absolute, cwd, cwdPrefix));
      return { file, absolute, text: null, problem: null, code: "input-unreadable", key };
    }
    const doc = readDocument(absolute, explicit, cache);
    const { file, key } = doc.document;
    index?.record(absolute, stat, doc.problem === null ? { hash: doc.hash } : { problem: doc.problem }, doc.problem === null ? shownOf(file, key, absolute, cwd, cwdPrefix) : undefined);
    return doc.document;
  });
  index?.save();
  return documents;
}

/** Reads one document (counted in the cache's stats); a problem with a file named on the command line is fatal. */
function readDocument(absolute: string, explicit: boolean, cache: Cache | null): { document: Document; hash: string; problem: string | null } {
  if (cache !== null) cache.stats.read++;
  const doc = readInput(absolute);
  if ("text" in doc) {
    const hash = sha256(doc.text);
    return { document: { file: doc.file, absolute, text: doc.text, problem: null, code: "input-unreadable", key: pageKey(cache, doc.file, hash) }, hash, problem: null };
  }
  if (explicit) throw new UserError(`"${doc.file}" ${doc.problem}`);
  // A file that cannot be read at all may be readable next time: only lasting problems are recorded.
  const lasting = doc.problem.startsWith("cannot be read") ? null : doc.problem;
  return { document: unreadable(doc.file, absolute, doc.problem), hash: "", problem: lasting };
}

function unreadable(file: string, absolute: string, problem: string): Document {
  return { file, absolute, text: null, problem, code: "input-unreadable", key: sha256(file, problem) };
}

function pageKey(cache: Cache | null, file: string, hash: string): string {
  return cache?.key("page", file, hash) ?? sha256(file, hash);
}

/** Where parsePages may take pages from besides parsing them, and who hears of each page parsed. */
interface PageSources {
  /**
   * The API versions ("" for none) whose page stores to read (when every page of those versions is
   * asked for); null: no store is read or written. Default: none read, stores written when many
   * pages were parsed.
   */
  stores?: readonly string[] | null;
  /** Pages this run has already. */
  known?: ReadonlyMap<Document, PageModel>;
  /** Called once the pages to parse are queued (before any is parsed). */
  onQueued?: () => void;
  /** Called with each page as soon as it is parsed (while other pages are still being parsed in workers). */
  onParsed?: (doc: Document, page: PageModel) => void;
}

/** The documents' pages: from the page store, from `known`, from their page entries, or parsed. */
async function parsePages(documents: Document[], pool: WorkerPool, options: PipelineOptions, from: PageSources = {}): Promise<PageModel[]> {
  const { stores = [], known, onQueued, onParsed } = from;
  const cache = options.cache ?? null;
  const progress = options.progress ?? createProgress(false);
  progress.phase("parse", documents.length);
  const store = cache !== null && stores !== null ? PageStore.load(cache, stores) : null;
  const notInStore = new Set<string>();
  const found = documents.map((doc): PageModel | null => {
    if (doc.problem !== null || cache === null) return null;
    const stored = store?.get(doc.key) ?? null;
    if (stored !== null) {
      cache.stats.hits.page++;
      return stored;
    }
    notInStore.add(doc.key);
    return known?.get(doc) ?? cache.readJson("page", doc.key, isPageModel);
  });
  const misses = documents.filter((doc, i) => found[i] === null && doc.problem === null).length;
  const run = (task: Task): Promise<TaskResult> => (misses <= INLINE_TASKS ? pool.runHere(task) : pool.run(task));
  // Pages the rewritten store will hold need no entries of their own (a cold run would write one per page besides).
  const rewrite = store !== null && PageStore.rewrites(notInStore.size, documents.filter((doc) => doc.problem === null).length);
  const codeCache = codeCacheOf(cache);
  const parsing = Promise.all(
    documents.map(async (doc, i): Promise<PageModel> => {
      const page = found[i];
      if (page !== null && page !== undefined) {
        progress.tick();
        return page;
      }
      if (doc.text === null && doc.problem === null) reread(doc, cache);
      if (doc.problem !== null || doc.text === null) {
        progress.tick();
        return unreadablePage(doc.file, doc.problem ?? "cannot be read", doc.code);
      }
      const parsed = await parseWith(run, doc.file, doc.text, rewrite ? null : (cache?.entryPath("page", doc.key) ?? null), codeCache);
      if (rewrite) store?.prepare(doc.key, parsed);
      progress.tick();
      onParsed?.(doc, parsed);
      return parsed;
    }),
  );
  onQueued?.();
  const pages = await parsing;
  progress.stop();
  const entries: Array<readonly [string, PageModel]> = [];
  documents.forEach((doc, i) => {
    const page = pages[i];
    if (doc.problem === null && page !== undefined) entries.push([doc.key, page]);
  });
  store?.update(entries, notInStore);
  return pages;
}

/** Reads a document the file index said was unchanged but whose page is not cached (any more). */
function reread(doc: Document, cache: Cache | null): void {
  const { document } = readDocument(doc.absolute, false, cache);
  Object.assign(doc, document);
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
async function parseWith(run: (task: Task) => Promise<TaskResult>, file: string, text: string, cacheFile: string | null, codeCache: string | null): Promise<PageModel> {
  try {
    const result = await run({ kind: "parse", file, text, cacheFile, codeCache });
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

/** One input file → its page (`--watch` re-parses single files this way; `pool` runs the parse, see parseWith). */
export async function parseInputFile({ absolute, explicit, symlink }: InputFile, pool: WorkerPool): Promise<PageModel> {
  if (symlink !== undefined) return unreadablePage(displayPath(absolute), symlink, "input-symlink-outside");
  const doc = readInput(absolute);
  if ("text" in doc) return parseWith((task) => pool.run(task), doc.file, doc.text, null, null);
  if (explicit) throw new UserError(`"${doc.file}" ${doc.problem}`);
  return unreadablePage(doc.file, doc.problem);
}

/** A file found in an input folder that is not a readable document: reported, then skipped. */
function unreadablePage(file: string, problem: string, code: DiagnosticCode = "input-unreadable"): PageModel {
  const diagnostic = makeDiagnostic(code, { file, line: 1, column: 1 }, `This file ${problem}; it was skipped.`);
  return { file, format: "markdown", title: null, kind: "unknown", apiVersion: null, types: [], operations: [], typeRefs: [], diagnostics: [diagnostic] };
}

/**
 * Pruning the cache. Each docgen build keeps its entries in a folder of its own (`Cache.root`).
 * After a run that wrote to the cache:
 * - in this build's folder, every entry the run does not refer to is deleted: pages that changed or
 *   went, chunks and files no longer generated, earlier summaries and models. So the folder holds
 *   one run's worth (for the corpus: the pages and their store, the chunks, the files, one model)
 *   however many runs there were;
 * - of the other builds' folders, the most recently used `OTHER_BUILDS` are kept (switching between
 *   two builds, say two branches, keeps hitting) and the others deleted whole.
 * Two configurations sharing one cache folder prune each other's entries, which costs only misses
 * (give each its own `--cache-dir`).
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { CACHE_KINDS, writeEntry, type Cache, type CacheKind } from "./cache.js";

/** Keys kept, per kind; kinds not listed are not swept. */
export type KeptEntries = Partial<Record<CacheKind, readonly string[]>>;

/** Folders of other docgen builds kept besides this build's. */
const OTHER_BUILDS = 1;

/**
 * Deletes the entries of the kinds in `keep` that it does not list, and the entries `gone` names
 * (kinds too large to list on every run: the pages, whose unused keys the page meta knows).
 *
 * Listing every folder of the kinds swept (hundreds of fan-out folders for the chunks) took 30 ms
 * of a run after a one-page edit, so the keys each sweep kept are recorded (`SWEPT_FILE`) and the
 * next sweep deletes those it does not keep, without listing. Entries no sweep recorded (written
 * by a run that ended before its sweep) are deleted by the full sweep, which lists: when there is
 * no record, and every FULL_SWEEP_EVERY sweeps.
 */
export function sweepCache(cache: Cache, keep: KeptEntries, gone: KeptEntries = {}): void {
  for (const kind of CACHE_KINDS) for (const key of gone[kind] ?? []) rmSync(cache.entryPath(kind, key), { force: true });
  const kinds = CACHE_KINDS.filter((kind) => keep[kind] !== undefined);
  if (kinds.length > 0) {
    const previous = readSwept(cache);
    const full = previous === null || previous.sweeps >= FULL_SWEEP_EVERY - 1;
    const kept: Partial<Record<CacheKind, string[]>> = { ...(previous?.kept ?? {}) };
    for (const kind of kinds) {
      const retained = new Set(keep[kind]);
      if (full) sweepListed(cache, kind, retained);
      else for (const key of previous.kept[kind] ?? []) if (!retained.has(key)) rmSync(cache.entryPath(kind, key), { force: true });
      kept[kind] = [...retained];
    }
    writeEntry(path.join(cache.root, SWEPT_FILE), JSON.stringify({ sweeps: full ? 0 : previous.sweeps + 1, kept }));
  }
  sweepBuilds(cache);
}

/** Sweeps between full sweeps (see sweepCache). */
const FULL_SWEEP_EVERY = 16;

/** The record of the last sweep's kept keys, in the build's folder (not an entry of any kind). */
const SWEPT_FILE = "swept.json";

interface Swept {
  /** Sweeps since the last full one. */
  sweeps: number;
  kept: Partial<Record<CacheKind, string[]>>;
}

function readSwept(cache: Cache): Swept | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path.join(cache.root, SWEPT_FILE), "utf8"));
    return isSwept(value) ? value : null;
  } catch {
    return null;
  }
}

function isSwept(value: unknown): value is Swept {
  if (typeof value !== "object" || value === null || !("sweeps" in value && "kept" in value)) return false;
  const { sweeps, kept } = value;
  if (typeof sweeps !== "number" || typeof kept !== "object" || kept === null) return false;
  return Object.entries(kept).every(([kind, keys]) => CACHE_KINDS.some((known) => known === kind) && Array.isArray(keys) && keys.every((key) => typeof key === "string"));
}

/** Deletes the entries of `kind` that `kept` does not hold, listing its folders. */
function sweepListed(cache: Cache, kind: CacheKind, kept: ReadonlySet<string>): void {
  const folder = path.join(cache.root, kind);
  for (const fan of list(folder)) {
    for (const name of list(path.join(folder, fan))) {
      // Temporary names are entries being written (maybe by another run).
      if (name.endsWith(".tmp") || kept.has(fan + name)) continue;
      rmSync(path.join(folder, fan, name), { force: true });
    }
  }
}

/** Marks this build's folder as used now and deletes all but the latest other builds' folders. */
function sweepBuilds(cache: Cache): void {
  const now = new Date();
  try {
    utimesSync(cache.root, now, now);
  } catch {
    return;
  }
  const own = path.basename(cache.root);
  // Only names of the form Cache.root gives: a cache folder pointed at anything else loses nothing.
  const others = list(cache.dir)
    .filter((name) => name !== own && /^[0-9a-f]{16}$/.test(name))
    .map((name) => ({ name, used: modified(path.join(cache.dir, name)) }))
    .sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
  for (const { name } of others.slice(OTHER_BUILDS)) rmSync(path.join(cache.dir, name), { recursive: true, force: true });
}

function modified(folder: string): number {
  try {
    return statSync(folder).mtimeMs;
  } catch {
    return 0;
  }
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

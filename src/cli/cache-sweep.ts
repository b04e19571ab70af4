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
import { readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { CACHE_KINDS, type Cache, type CacheKind } from "./cache.js";

/** Keys kept, per kind; kinds not listed are not swept. */
export type KeptEntries = Partial<Record<CacheKind, readonly string[]>>;

/** Folders of other docgen builds kept besides this build's. */
const OTHER_BUILDS = 1;

/**
 * Deletes the entries of the kinds in `keep` that it does not list, and the entries `gone` names
 * (kinds too large to list on every run: the pages, whose unused keys the page meta knows).
 */
export function sweepCache(cache: Cache, keep: KeptEntries, gone: KeptEntries = {}): void {
  for (const kind of CACHE_KINDS) {
    for (const key of gone[kind] ?? []) rmSync(cache.entryPath(kind, key), { force: true });
    const keys = keep[kind];
    if (keys === undefined) continue;
    const kept = new Set(keys);
    const folder = path.join(cache.root, kind);
    for (const fan of list(folder)) {
      for (const name of list(path.join(folder, fan))) {
        // Temporary names are entries being written (maybe by another run).
        if (name.endsWith(".tmp") || kept.has(fan + name)) continue;
        rmSync(path.join(folder, fan, name), { force: true });
      }
    }
  }
  sweepBuilds(cache);
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

/**
 * The parsed pages of a run in one cache entry (kind "pages") per API version, by page key. Reading
 * one 30 MB JSON text is several times faster than reading and parsing 8,000 small entries, which
 * is what a rerun after an edit otherwise spends most of its time on; one entry per version lets a
 * run that merges one version again (an edit beyond descriptions) read that version's pages only.
 * The stores are rewritten only when many pages were not in them (a cold run, a large change):
 * pages parsed since then are served from their own page entries, so an edit costs no rewrite.
 * Beside each store, its index (`PageIndex`) gives where each page's JSON is in it, so that a run
 * needing a few pages of a version (a patched merge) reads those without reading the store.
 */
import { byApiVersion } from "../model/merge.js";
import type { PageModel } from "../model/page.js";
import { asciiJson, type Cache } from "./cache.js";

/** Rewrite the store when more pages than this (plus 1 in 64 of the pages) were not in it. */
const REWRITE_AFTER = 16;

export class PageStore {
  /** JSON texts of pages made ahead of `update` (see `prepare`), by page key. */
  private readonly texts = new Map<string, string>();

  private constructor(
    private readonly cache: Cache,
    private readonly stores: ReadonlyArray<Record<string, unknown>>,
  ) {}

  /** The stores of these API versions ("" for none). */
  static load(cache: Cache, versions: readonly string[]): PageStore {
    return new PageStore(cache, versions.map((version) => cache.readJson("pages", PageStore.key(cache, version), isObject) ?? {}));
  }

  /** The key of a version's store. */
  static key(cache: Cache, version: string): string {
    return cache.key("pages", version);
  }

  /** The key of the index of a version's store. */
  static indexKey(cache: Cache, version: string): string {
    return cache.key("pages", version, "index");
  }

  get(pageKey: string): PageModel | null {
    for (const pages of this.stores) {
      if (!Object.hasOwn(pages, pageKey)) continue;
      const page = pages[pageKey];
      return isPageModel(page) ? page : null;
    }
    return null;
  }

  /** Whether `update` rewrites the store when `missing` of `pages` pages were not in it (then none of them needs an entry of its own). */
  static rewrites(missing: number, pages: number): boolean {
    return missing > REWRITE_AFTER + pages / 64;
  }

  /**
   * Makes a page's JSON text for the rewrite now: the pipeline calls it as each parsed page arrives,
   * while this thread waits for the workers anyway, so that `update` (with the workers idle until
   * the model is merged) only joins the texts.
   */
  prepare(pageKey: string, page: PageModel): void {
    this.texts.set(pageKey, asciiJson(page));
  }

  /**
   * When the pages of `missing` (keys) were not in the stores and that is many, rewrites the store
   * of every API version with a missing page, with this run's pages of that version.
   */
  update(pages: ReadonlyArray<readonly [string, PageModel]>, missing: ReadonlySet<string>): void {
    if (!PageStore.rewrites(missing.size, pages.length)) return;
    for (const [version, entries] of byApiVersion(pages, ([, page]) => page.apiVersion)) {
      if (!entries.some(([key]) => missing.has(key))) continue;
      // The object `writeJson` would write, its members' texts made ahead where they were.
      const members = entries.map(([key, page]) => `${JSON.stringify(key)}:${this.texts.get(key) ?? asciiJson(page)}`);
      const text = `{${members.join(",")}}`;
      // Kept decoded by a long-lived process as written (parsed pages are plain JSON data and nothing changes them: test/model/pages-unchanged.test.ts).
      this.cache.writeDecoded("pages", PageStore.key(this.cache, version), Object.fromEntries(entries), isObject, text);
      // The text is ASCII (asciiJson), so offsets in it are offsets in the file.
      const at: Record<string, [number, number]> = {};
      let offset = 1;
      entries.forEach(([key], i) => {
        const member = members[i] ?? "";
        const value = JSON.stringify(key).length + 1;
        at[key] = [offset + value, member.length - value];
        offset += member.length + 1;
      });
      this.cache.writeJson("pages", PageStore.indexKey(this.cache, version), { at });
    }
    this.texts.clear();
  }
}

/**
 * Where each page of a version's store is (start and length of its JSON in the store's file), to
 * read a few pages without reading the store. A page is read only when the text before it names its
 * key, so an index that does not match its store (a run stopped between writing them) only misses.
 */
export class PageIndex {
  private constructor(
    private readonly cache: Cache,
    private readonly store: string,
    private readonly at: Readonly<Record<string, readonly [number, number]>>,
  ) {}

  /** The index of a version's store; null when there is none (or it is damaged). */
  static load(cache: Cache, version: string): PageIndex | null {
    const index = cache.readJson("pages", PageStore.indexKey(cache, version), isIndex);
    return index !== null ? new PageIndex(cache, PageStore.key(cache, version), index.at) : null;
  }

  get(pageKey: string): PageModel | null {
    const at = Object.hasOwn(this.at, pageKey) ? this.at[pageKey] : undefined;
    if (at === undefined) return null;
    const label = `${JSON.stringify(pageKey)}:`;
    const [start, length] = at;
    const data = this.cache.readRange("pages", this.store, start - label.length, label.length + length);
    if (data === null || data.toString("latin1", 0, label.length) !== label) return null;
    try {
      const page: unknown = JSON.parse(data.toString("latin1", label.length));
      if (!isPageModel(page)) return null;
      this.cache.stats.hits.page++;
      return page;
    } catch {
      return null;
    }
  }
}

function isIndex(value: unknown): value is { at: Record<string, [number, number]> } {
  return isObject(value) && isObject(value["at"]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Cache entries are written by this docgen build only (the key includes its fingerprint); these
// checks guard against damaged files, not against other shapes.
export function isPageModel(value: unknown): value is PageModel {
  return typeof value === "object" && value !== null && "file" in value && "types" in value && "operations" in value && "diagnostics" in value;
}

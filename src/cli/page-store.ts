/**
 * The parsed pages of a run in one cache entry (kind "pages") per API version, by page key. Reading
 * one 30 MB JSON text is several times faster than reading and parsing 8,000 small entries, which
 * is what a rerun after an edit otherwise spends most of its time on; one entry per version lets a
 * run that merges one version again (an edit beyond descriptions) read that version's pages only.
 * The stores are rewritten only when many pages were not in them (a cold run, a large change):
 * pages parsed since then are served from their own page entries, so an edit costs no rewrite.
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
      // Kept decoded by a long-lived process as written (parsed pages are plain JSON data and nothing changes them: test/model/pages-unchanged.test.ts).
      this.cache.writeDecoded("pages", PageStore.key(this.cache, version), Object.fromEntries(entries), isObject, `{${members.join(",")}}`);
    }
    this.texts.clear();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Cache entries are written by this docgen build only (the key includes its fingerprint); these
// checks guard against damaged files, not against other shapes.
export function isPageModel(value: unknown): value is PageModel {
  return typeof value === "object" && value !== null && "file" in value && "types" in value && "operations" in value && "diagnostics" in value;
}

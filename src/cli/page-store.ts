/**
 * Every parsed page of a run in one cache entry (kind "pages"), by page key. Reading one 30 MB JSON
 * text is several times faster than reading and parsing 8,000 small entries, which is what a rerun
 * after an edit otherwise spends most of its time on. The store is rewritten only when many pages
 * were not in it (a cold run, a large change): pages parsed since then are served from their own
 * page entries, so an edit costs no rewrite of the store.
 */
import type { PageModel } from "../model/page.js";
import { asciiJson, type Cache } from "./cache.js";

/** Rewrite the store when more pages than this (plus 1 in 64 of the pages) were not in it. */
const REWRITE_AFTER = 16;

export class PageStore {
  /** JSON texts of pages made ahead of `update` (see `prepare`), by page key. */
  private readonly texts = new Map<string, string>();

  private constructor(
    private readonly cache: Cache,
    private readonly pages: Record<string, unknown>,
  ) {}

  static load(cache: Cache): PageStore {
    const data = cache.readJson("pages", cache.key("pages"), isObject);
    return new PageStore(cache, data ?? {});
  }

  get(pageKey: string): PageModel | null {
    const page = Object.hasOwn(this.pages, pageKey) ? this.pages[pageKey] : undefined;
    return isPageModel(page) ? page : null;
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

  /** Rewrites the store with this run's pages when `missing` of them were not in it and that is many. */
  update(pages: ReadonlyArray<readonly [string, PageModel]>, missing: number): void {
    if (!PageStore.rewrites(missing, pages.length)) return;
    // The object `writeJson` would write, its members' texts made ahead where they were.
    const members = pages.map(([key, page]) => `${JSON.stringify(key)}:${this.texts.get(key) ?? asciiJson(page)}`);
    this.texts.clear();
    // Kept decoded by a long-lived process as written (parsed pages are plain JSON data and nothing changes them: test/model/pages-unchanged.test.ts).
    this.cache.writeDecoded("pages", this.cache.key("pages"), Object.fromEntries(pages), isObject, `{${members.join(",")}}`);
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

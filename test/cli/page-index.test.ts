/**
 * The page store's index (page-store.ts PageIndex): every page of a rewritten store is read back
 * alone, as stored; an index that no longer matches its store (the store rewritten with other
 * pages, or cut short) gives no page rather than another page's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache } from "../../src/cli/cache.js";
import { PageIndex, PageStore } from "../../src/cli/page-store.js";
import type { PageModel } from "../../src/model/page.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT } from "../helpers.js";

const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-page-index-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A page of its own per number, with a non-ASCII description (the store escapes it). */
function page(n: number, prefix = "key", thing = "Thing"): readonly [string, PageModel] {
  const version = "beta";
  const text = [`# thing${n} resource type`, "", `${thing} ${n} — naïve.`, "", "## Properties", "", "| Property | Type | Description |", "|:---|:---|:---|", `| label${n} | String | The label ✓. |`, "", "```http", `GET https://graph.microsoft.com/${version}/things/{id}`, "```", ""].join("\n");
  return [`${prefix}-${version}-${n}`, parseDocument(`resources/thing${n}.md`, text)];
}

/** Writes the stores of `pages` (all missing from them: a rewrite). */
function store(cache: Cache, pages: ReadonlyArray<readonly [string, PageModel]>): void {
  PageStore.load(cache, []).update(pages, new Set(pages.map(([key]) => key)));
}

/** A cache in a folder of its own holding the store of 40 pages, and that store's index. */
function indexed(folder: string): { cache: Cache; pages: Array<readonly [string, PageModel]>; version: string; index: PageIndex | null } {
  const cache = new Cache(path.join(tmp, folder), "test-version");
  const pages = Array.from({ length: 40 }, (_, i) => page(i));
  store(cache, pages);
  const version = pages[0]?.[1].apiVersion ?? "";
  return { cache, pages, version, index: PageIndex.load(cache, version) };
}

describe("page index", () => {
  it("reads each page of a store alone, as stored", () => {
    const { pages, index } = indexed("one");
    expect(index).not.toBeNull();
    for (const [key, model] of pages) expect(index?.get(key), key).toEqual(model);
    expect(index?.get("key-unknown")).toBeNull();
  });

  it("gives no page when the store no longer matches the index", () => {
    const { cache, pages, version, index } = indexed("two");
    // The store rewritten with other pages, its index left as it was (a run stopped between the two
    // writes): other keys and texts of the same lengths, so each page's JSON sits where the index says.
    const file = cache.entryPath("pages", PageStore.key(cache, version));
    const kept = readFileSync(file);
    const others = Array.from({ length: 40 }, (_, i) => page(i, "kez", "Thang"));
    const otherCache = new Cache(path.join(tmp, "three"), "test-version");
    store(otherCache, others);
    writeFileSync(file, readFileSync(otherCache.entryPath("pages", PageStore.key(otherCache, version))));
    for (const [key] of pages) expect(index?.get(key), key).toBeNull();
    // Cut short: the pages past the cut are not read.
    writeFileSync(file, kept.subarray(0, Math.floor(kept.length / 2)));
    const read = pages.map(([key]) => index?.get(key) ?? null);
    expect(read.at(-1)).toBeNull();
    expect(read[0]).toEqual(pages[0]?.[1]);
  });
});

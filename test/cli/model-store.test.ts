/**
 * The stored merge (model-store.ts): read back as written (examples left out); after a patch only
 * the parts holding what it merged again are written, and what is read then is the patched merge;
 * a part that is not the one its head names (another run's, or damaged) makes the merge unreadable
 * rather than wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache } from "../../src/cli/cache.js";
import { MERGE_PARTS, readMerge, writeMerge } from "../../src/cli/model-store.js";
import { contentDigest } from "../../src/emitters/unit-plan.js";
import { OutputKeys } from "../../src/cli/output-keys.js";
import { mergeVersion, type VersionMerge } from "../../src/model/merge.js";
import type { PageModel } from "../../src/model/page.js";
import { patchStructure } from "../../src/model/patch-structure.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT } from "../helpers.js";

const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-model-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A resource page and its update page per number: 80 pages, 40 types, 40 operations, some diagnostics. */
function pages(edited = -1): PageModel[] {
  return Array.from({ length: 40 }, (_, n) => {
    const extra = n === edited ? "\n| added | Int32 | Added by the edit. |" : "";
    const resource = [`# thing${n} resource type`, "", `Thing ${n} — naïve.`, "", "## Properties", "", "| Property | Type | Description |", "|:---|:---|:---|", `| id | String | The id. |`, `| label${n} | String | The label ✓. |${extra}`, `| odd | NotAType${n} | Undocumented. |`, ""].join("\n");
    const update = [`# Update thing${n}`, "", "## HTTP request", "", "```http", `PATCH /things${n}/{id}`, "```", "", "## Request body", "", "| Property | Type | Description |", "|:---|:---|:---|", `| label${n} | String | The label. |`, "", "## Example", "", "```http", `PATCH https://graph.microsoft.com/beta/things${n}/1`, "", '{"label": "x"}', "```", ""].join("\n");
    return [parseDocument(`resources/thing${n}.md`, resource), parseDocument(`api/thing${n}-update.md`, update)];
  }).flat();
}

function keysOf(cache: Cache, list: readonly PageModel[]): OutputKeys {
  const hashes = (page: PageModel) => ({ version: "", structure: JSON.stringify(page.types.map((t) => t.properties.length)), typeDocs: "", propertyDocs: "", operationDocs: "" });
  return new OutputKeys(cache, "settings", list.map((page) => ({ file: page.file, hashes: hashes(page) })));
}

const stored = (list: readonly PageModel[]) => list.map((page) => ({ file: page.file, key: `key of ${page.file}` }));

/** What a stored merge keeps of a merge: all but the operations' examples. */
function kept(merge: VersionMerge): unknown {
  return { types: merge.model.types, operations: merge.model.operations.map((op) => ({ ...op, examples: [] })), diagnostics: merge.diagnostics, all: merge.model.diagnostics };
}

/** Counts the parts a write writes. */
function countingWrites(cache: Cache): { parts: () => number } {
  let parts = 0;
  const write = cache.write.bind(cache);
  cache.write = (kind, key, content) => {
    if (kind === "model" && typeof content === "string" && content.startsWith('{"id":')) parts++;
    return write(kind, key, content);
  };
  return { parts: () => parts };
}

describe("stored merge", () => {
  it("is read back as written, but for examples", () => {
    const cache = new Cache(path.join(tmp, "round"), "test");
    const list = pages();
    const keys = keysOf(cache, list);
    const merge = mergeVersion(list);
    expect(Object.keys(merge.diagnostics).length).toBeGreaterThan(MERGE_PARTS);
    writeMerge(cache, keys, "", stored(list), merge);
    const read = readMerge(cache, keys, "");
    expect(read).not.toBeNull();
    expect(read && kept(read.merge)).toEqual(kept(merge));
    expect(read?.pages).toEqual(Object.fromEntries(stored(list).map((page) => [page.file, page.key])));
    expect(read?.structure).toBe(keys.structure(""));
    // Each type and operation read back has the content digest stored with it: the one a copy of it gets.
    for (const item of [...(read?.merge.model.types ?? []), ...(read?.merge.model.operations ?? [])]) expect(contentDigest(item)).toBe(contentDigest(structuredClone(item)));
    expect(readMerge(cache, keys, "", "another structure")).toBeNull();
  });

  it("writes again only the parts a patch changed, and reads back the patched merge", () => {
    const cache = new Cache(path.join(tmp, "patch"), "test");
    const before = pages();
    writeMerge(cache, keysOf(cache, before), "", stored(before), mergeVersion(before));
    const after = pages(7);
    const keys = keysOf(cache, after);
    const previous = readMerge(cache, keys, "");
    if (previous === null) throw new Error("not stored");
    const changed = after.filter((page, i) => JSON.stringify(page) !== JSON.stringify(before[i]));
    expect(changed.map((page) => page.file)).toEqual(["resources/thing7.md"]);
    const byFile = new Map(before.map((page) => [page.file, page]));
    const patched = patchStructure(previous.merge, changed.map((page) => ({ before: byFile.get(page.file) ?? page, after: page })), (file) => byFile.get(file) ?? null);
    if (patched === null) throw new Error("not patched");
    const writes = countingWrites(cache);
    writeMerge(cache, keys, "", stored(after), patched, previous);
    // thing7's type and its diagnostics' entry: a part or two of the 16.
    expect(writes.parts()).toBeGreaterThan(0);
    expect(writes.parts()).toBeLessThanOrEqual(2);
    expect(kept(readMerge(cache, keys, "")?.merge ?? mergeVersion([]))).toEqual(kept(mergeVersion(after)));
    // Written without the merge it was patched from, every part is written.
    const all = countingWrites(cache);
    writeMerge(cache, keys, "", stored(after), patched);
    expect(all.parts()).toBe(MERGE_PARTS);
  });

  it("is not read when a part is not the one its head names", () => {
    const cache = new Cache(path.join(tmp, "damaged"), "test");
    const list = pages();
    const keys = keysOf(cache, list);
    writeMerge(cache, keys, "", stored(list), mergeVersion(list));
    expect(readMerge(cache, keys, "")).not.toBeNull();
    // Another run's part 1 (a merge of other pages) in place of this one's.
    const other = new Cache(path.join(tmp, "other"), "test");
    const otherPages = pages().slice(2);
    const otherKeys = keysOf(other, otherPages);
    writeMerge(other, otherKeys, "", stored(otherPages), mergeVersion(otherPages));
    const part = cache.entryPath("model", keys.mergePart("", 0));
    writeFileSync(part, readFileSync(other.entryPath("model", otherKeys.mergePart("", 0))));
    expect(readMerge(cache, keys, "")).toBeNull();
    writeFileSync(part, "{");
    expect(readMerge(cache, keys, "")).toBeNull();
  });
});

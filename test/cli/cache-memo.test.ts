/**
 * The background process's memo of decoded cache entries (cache.ts keepDecodedEntries): an entry
 * read twice is decoded once while its file is unchanged, decoded again when another process
 * rewrote it, forgotten once its file changed or went, and a damaged entry stays a miss.
 */
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Cache, endRunOfDecodedEntries, keepDecodedEntries } from "../../src/cli/cache.js";
import { ROOT } from "../helpers.js";

const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-memo-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => keepDecodedEntries([]));

function isRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

describe("decoded cache entries kept in memory", () => {
  it("decodes an unchanged entry once, and again after its file changed", () => {
    const cache = new Cache(path.join(tmp, "a"), "test");
    keepDecodedEntries(["meta"]);
    cache.writeJson("meta", cache.key("meta"), { a: "1" });
    const first = cache.readJson("meta", cache.key("meta"), isRecord);
    expect(first).toEqual({ a: "1" });
    expect(cache.readJson("meta", cache.key("meta"), isRecord)).toBe(first);
    // Another process rewrites the entry (same length: the new file's inode tells, as every entry is written by a rename).
    new Cache(path.join(tmp, "a"), "test").writeJson("meta", cache.key("meta"), { a: "2" });
    const second = cache.readJson("meta", cache.key("meta"), isRecord);
    expect(second).toEqual({ a: "2" });
    expect(second).not.toBe(first);
  });

  it("keeps values written with writeDecoded, and only of the kinds asked for", () => {
    const cache = new Cache(path.join(tmp, "b"), "test");
    keepDecodedEntries(["files"]);
    const value = { x: "y" };
    cache.writeDecoded("files", cache.key("files"), value, isRecord);
    expect(cache.readJson("files", cache.key("files"), isRecord)).toBe(value);
    cache.writeDecoded("meta", cache.key("meta"), value, isRecord);
    const meta = cache.readJson("meta", cache.key("meta"), isRecord);
    expect(meta).toEqual(value);
    expect(meta).not.toBe(value);
  });

  it("keeps entries across runs that do not use them, and forgets them once their files changed or went", () => {
    const cache = new Cache(path.join(tmp, "c"), "test");
    keepDecodedEntries(["run"]);
    cache.writeJson("run", "k1", { n: "1" });
    cache.writeJson("run", "k2", { n: "2" });
    cache.writeJson("run", "k3", { n: "3" });
    const one = cache.readJson("run", "k1", isRecord);
    cache.readJson("run", "k2", isRecord);
    cache.readJson("run", "k3", isRecord);
    expect(endRunOfDecodedEntries()).toBe(3);
    expect(endRunOfDecodedEntries()).toBe(3);
    expect(cache.readJson("run", "k1", isRecord)).toBe(one);
    rmSync(cache.entryPath("run", "k2"));
    cache.writeJson("run", "k3", { n: "three" });
    expect(endRunOfDecodedEntries()).toBe(1);
    expect(cache.readJson("run", "k3", isRecord)).toEqual({ n: "three" });
    expect(cache.readJson("run", "k2", isRecord)).toBeNull();
  });

  it("never keeps a damaged entry, and counts hits and misses as without the memo", () => {
    const cache = new Cache(path.join(tmp, "d"), "test");
    keepDecodedEntries(["run"]);
    cache.write("run", "bad", "{ not json");
    expect(cache.readJson("run", "bad", isRecord)).toBeNull();
    expect(cache.readJson("run", "bad", isRecord)).toBeNull();
    cache.writeJson("run", "good", { ok: "yes" });
    cache.readJson("run", "good", isRecord);
    cache.readJson("run", "good", isRecord);
    expect(cache.stats.misses.run).toBe(2);
    expect(cache.stats.hits.run).toBe(2);
  });
});

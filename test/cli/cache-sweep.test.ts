/**
 * Pruning the cache (cache-sweep.ts): a sweep deletes what the last sweep kept and this one does
 * not, without listing the cache's folders; entries no sweep kept (a run that ended before its
 * sweep) go at the next full sweep, which lists them: when there is no record of the last sweep,
 * and every so many sweeps.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache } from "../../src/cli/cache.js";
import { sweepCache } from "../../src/cli/cache-sweep.js";
import { ROOT } from "../helpers.js";

const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-cache-sweep-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("sweepCache", () => {
  it("deletes what the last sweep kept and this one does not, and what no sweep kept at the next full sweep", () => {
    const cache = new Cache(path.join(tmp, "a"), "test");
    const key = (name: string): string => cache.key("output", name);
    const has = (name: string): boolean => existsSync(cache.entryPath("output", key(name)));
    for (const name of ["a", "b", "c"]) cache.write("output", key(name), name);
    // No record yet: a full sweep.
    sweepCache(cache, { output: [key("a"), key("b")] });
    expect([has("a"), has("b"), has("c")]).toEqual([true, true, false]);
    // Written by a run that ended before its sweep: no record names it.
    cache.write("output", key("stray"), "stray");
    sweepCache(cache, { output: [key("a")] });
    expect([has("a"), has("b"), has("stray")]).toEqual([true, false, true]);
    // Within 16 sweeps, a full one.
    for (let i = 0; i < 16 && has("stray"); i++) sweepCache(cache, { output: [key("a")] });
    expect([has("a"), has("stray")]).toEqual([true, false]);
  });

  it("sweeps in full when the record of the last sweep is damaged", () => {
    const cache = new Cache(path.join(tmp, "b"), "test");
    const key = (name: string): string => cache.key("output", name);
    cache.write("output", key("a"), "a");
    sweepCache(cache, { output: [key("a")] });
    cache.write("output", key("stray"), "stray");
    writeFileSync(path.join(cache.root, "swept.json"), "{");
    sweepCache(cache, { output: [key("a")] });
    expect(existsSync(cache.entryPath("output", key("stray")))).toBe(false);
    expect(existsSync(cache.entryPath("output", key("a")))).toBe(true);
  });
});

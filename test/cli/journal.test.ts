/**
 * Journaled cache entries (journal.ts): a save that changes few records appends a line and leaves
 * the base as it is; loading applies the lines of the base's generation only, so a line cut short
 * or one of an older base changes nothing; the base is written again after so many lines or
 * changes, and the journal then starts afresh.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache } from "../../src/cli/cache.js";
import { journalChecks, journalKey, loadJournaled, saveJournaled } from "../../src/cli/journal.js";
import { ROOT } from "../helpers.js";

const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-journal-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Item {
  n: number;
}
const isItem = (value: unknown): value is Item => typeof value === "object" && value !== null && "n" in value && typeof value.n === "number";
const CHECKS = journalChecks(isItem);

function setup(folder: string) {
  const cache = new Cache(path.join(tmp, folder), "test");
  const key = cache.key("meta");
  const base = (): string => readFileSync(cache.entryPath("meta", key), "utf8");
  const journal = (): string => (existsSync(cache.entryPath("meta", journalKey(key))) ? readFileSync(cache.entryPath("meta", journalKey(key)), "utf8") : "");
  const load = () => loadJournaled(cache, "meta", key, CHECKS);
  /** Loads, applies `change` to a copy of the records (the unchanged ones the very objects loaded), saves. */
  const save = (change: (records: Map<string, Item>) => void): void => {
    const loaded = load();
    const next = new Map(loaded.records);
    change(next);
    saveJournaled(cache, "meta", key, loaded, next);
  };
  return { cache, key, base, journal, load, save };
}

const plain = (records: ReadonlyMap<string, Item>): Record<string, number> => Object.fromEntries([...records].map(([name, item]) => [name, item.n]));

describe("journaled entries", () => {
  it("appends a line for a few changes, leaving the base, and loads the base with its lines applied", () => {
    const { base, journal, load, save } = setup("a");
    save((records) => {
      for (let i = 0; i < 10; i++) records.set(`k${i}`, { n: i });
    });
    const written = base();
    expect(journal()).toBe("");
    save((records) => {
      records.set("k3", { n: 33 });
      records.delete("k4");
      records.set("k10", { n: 10 });
    });
    expect(base()).toBe(written);
    expect(journal().trim().split("\n").filter(Boolean)).toHaveLength(1);
    expect(plain(load().records)).toEqual({ k0: 0, k1: 1, k2: 2, k3: 33, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10 });
    // Nothing changed: nothing written.
    save(() => undefined);
    expect(journal().trim().split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("ignores a line cut short and the lines of an older base", () => {
    const { cache, key, journal, load, save } = setup("b");
    save((records) => records.set("a", { n: 1 }));
    save((records) => records.set("b", { n: 2 }));
    appendFileSync(cache.entryPath("meta", journalKey(key)), '{"generation":"x","set":{"c":{"n":');
    expect(plain(load().records)).toEqual({ a: 1, b: 2 });
    // The line after one cut short is read.
    save((records) => records.set("d", { n: 4 }));
    expect(plain(load().records)).toEqual({ a: 1, b: 2, d: 4 });
    // More changes than a line takes: the base is written again (a new generation), the journal emptied.
    save((records) => {
      for (let i = 0; i < 300; i++) records.set(`m${i}`, { n: i });
    });
    expect(journal()).toBe("");
    expect(load().records.size).toBe(303);
    expect(load().lines).toBe(0);
  });

  it("writes the base again once the journal holds 64 lines", () => {
    const { journal, load, save } = setup("c");
    save((records) => records.set("a", { n: 0 }));
    for (let i = 1; i <= 64; i++) save((records) => records.set("a", { n: i }));
    expect(load().lines).toBe(64);
    save((records) => records.set("a", { n: 65 }));
    expect(journal()).toBe("");
    expect(plain(load().records)).toEqual({ a: 65 });
  });
});

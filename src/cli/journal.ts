/**
 * A map kept in one cache entry (its base) and a journal of changes appended beside it, for the
 * entries every run reads and few runs change much: the file index (`file-index.ts`) and the page
 * meta (`page-meta.ts`), 2 and 3 MB for the corpus. After a one-page edit a run changes a record or
 * two of each; rewriting them took 50 ms, appending a line takes well under one. The base is
 * written again (and the journal started afresh) when the journal holds JOURNAL_LINES lines or a
 * run changes more than JOURNAL_CHANGES records.
 *
 * Each base has a generation (random); a journal line applies to the base of its generation only,
 * so a base written again, or a journal line cut short (a run ended while appending: the line does
 * not parse), leaves no change applied twice or half. Lines are appended whole with `O_APPEND`.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { writeEntry, type Cache, type CacheKind } from "./cache.js";

/** Lines a journal takes before its base is written again. */
const JOURNAL_LINES = 64;

/** Changed records above which a run writes the base again rather than a journal line. */
const JOURNAL_CHANGES = 256;

/** A journaled map as loaded: its records, and what its next save appends to. */
export interface Journaled<V> {
  records: Map<string, V>;
  /** The base's generation, or null when there is none (the next save writes it). */
  generation: string | null;
  /** Lines of that generation in the journal. */
  lines: number;
}

interface Base<V> {
  generation: string;
  records: Record<string, V>;
}

interface Line<V> {
  generation: string;
  set: Record<string, V>;
  remove: string[];
}

/** The journal's file name: beside the base entry, swept with it (`journalKey`). */
export function journalKey(key: string): string {
  return `${key}.journal`;
}

/** The checks of a journaled map's records and of its base: made once per map (the decoded-entry memo, cache.ts, knows a base by its check). */
export interface JournalChecks<V> {
  record: (value: unknown) => value is V;
  base: (value: unknown) => value is Base<V>;
}

export function journalChecks<V>(isRecord: (value: unknown) => value is V): JournalChecks<V> {
  return {
    record: isRecord,
    base: (value: unknown): value is Base<V> => {
      if (typeof value !== "object" || value === null || !("generation" in value && "records" in value)) return false;
      const { generation, records } = value;
      return typeof generation === "string" && typeof records === "object" && records !== null && !Array.isArray(records) && Object.values(records).every(isRecord);
    },
  };
}

/** Loads a journaled map (empty when there is none, or its base is damaged). */
export function loadJournaled<V>(cache: Cache, kind: CacheKind, key: string, checks: JournalChecks<V>): Journaled<V> {
  const base = cache.readJson(kind, key, checks.base);
  if (base === null) return { records: new Map(), generation: null, lines: 0 };
  const records = new Map(Object.entries(base.records));
  let lines = 0;
  for (const text of readJournal(cache, kind, key)) {
    const line = parseLine(text, checks.record);
    if (line === null || line.generation !== base.generation) continue;
    lines++;
    for (const removed of line.remove) records.delete(removed);
    for (const [name, record] of Object.entries(line.set)) records.set(name, record);
  }
  return { records, generation: base.generation, lines };
}

/**
 * Saves `next` (the whole map now) over `loaded`: a journal line of what changed (records that are
 * not the very objects loaded, and those gone), or the base written again (see the file header).
 */
export function saveJournaled<V>(cache: Cache, kind: CacheKind, key: string, loaded: Journaled<V>, next: ReadonlyMap<string, V>): void {
  const set: Record<string, V> = Object.create(null);
  let changes = 0;
  for (const [name, record] of next) {
    if (loaded.records.get(name) === record) continue;
    set[name] = record;
    changes++;
  }
  const remove = [...loaded.records.keys()].filter((name) => !next.has(name));
  changes += remove.length;
  if (changes === 0) return;
  if (loaded.generation !== null && loaded.lines < JOURNAL_LINES && changes <= JOURNAL_CHANGES) {
    const line: Line<V> = { generation: loaded.generation, set, remove };
    try {
      // After a newline too: a line a run cut short ends there instead of swallowing this one.
      appendFileSync(cache.entryPath(kind, journalKey(key)), `\n${JSON.stringify(line)}\n`);
      return;
    } catch {
      // Not appendable (the entry's folder gone meanwhile): the base is written again below.
    }
  }
  const base: Base<V> = { generation: randomBytes(9).toString("base64"), records: Object.fromEntries(next) };
  cache.writeJson(kind, key, base);
  // A journal of the older generation is ignored; emptied so that it does not grow.
  writeEntry(cache.entryPath(kind, journalKey(key)), "");
}

function readJournal(cache: Cache, kind: CacheKind, key: string): string[] {
  try {
    return readFileSync(cache.entryPath(kind, journalKey(key)), "utf8").split("\n");
  } catch {
    return [];
  }
}

function parseLine<V>(text: string, isRecord: (value: unknown) => value is V): Line<V> | null {
  if (text === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || !("generation" in value && "set" in value && "remove" in value)) return null;
  const { generation, set, remove } = value;
  if (typeof generation !== "string" || typeof set !== "object" || set === null || !Array.isArray(remove) || !remove.every((name) => typeof name === "string")) return null;
  const records: Record<string, V> = {};
  for (const [name, record] of Object.entries(set)) {
    if (!isRecord(record)) return null;
    records[name] = record;
  }
  return { generation, set: records, remove };
}

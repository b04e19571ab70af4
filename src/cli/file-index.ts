/**
 * Which input files changed since the last run, without reading the unchanged ones. The cache keeps
 * one index (kind "files") from each input file's absolute path to what a `stat` said about it when
 * it was last read (size, modification and change times in nanoseconds, inode) and the hash of its
 * text (or the reason it is not a readable document). A file whose `stat` is unchanged has the
 * recorded hash; any other file is read and hashed again.
 *
 * Trusting a `stat` is what git does for its index, with the same guard against "racy" files: a
 * file changed within the file system's timestamp granularity of the moment it was recorded could
 * change again with identical times, so a record whose change time is less than RACY_NS before the
 * moment of its `stat` is never trusted (the file is read again, which costs one hash). The change
 * time (ctime) cannot be set by tools that restore modification times, so an edit always shows.
 */
import { statSync } from "node:fs";
import type { Cache } from "./cache.js";
import { journalChecks, loadJournaled, saveJournaled, type Journaled } from "./journal.js";

/** Timestamp granularity guarded against: 2 s covers every common file system (FAT's is 2 s). */
const RACY_NS = 2_000_000_000;

export interface FileRecord {
  /** `stat` fields as decimal strings (bigint nanoseconds). */
  size: string;
  mtime: string;
  ctime: string;
  ino: string;
  /** When the `stat` was taken, in nanoseconds since the epoch. */
  at: string;
  /** sha256 of the text, or null when the file is not a readable document. */
  hash: string | null;
  /** Why it is not a readable document (binary, empty, not UTF-8). */
  problem: string | null;
  /**
   * The file as shown (its path relative to the working directory) and its page key: taken again
   * while the working directory and the text are the same (see `shownHere`), instead of computing
   * them for every input on every run. `cwd`: the working directory, for a file not below it (for
   * one below it, the display path itself shows which directory it was).
   */
  shown?: { file: string; key: string; cwd?: string };
}

export interface FileStat {
  size: string;
  mtime: string;
  ctime: string;
  ino: string;
  at: string;
}

/** The `stat` of a file now, or null when it cannot be taken (the caller then reads the file and reports). */
export function statFile(absolute: string): FileStat | null {
  try {
    // Taken before the stat: a change after this moment has a later ctime, unless racy (see above).
    const at = BigInt(Date.now()) * 1_000_000n;
    const stat = statSync(absolute, { bigint: true });
    return { size: String(stat.size), mtime: String(stat.mtimeNs), ctime: String(stat.ctimeNs), ino: String(stat.ino), at: String(at) };
  } catch {
    return null;
  }
}

export class FileIndex {
  private readonly next = new Map<string, FileRecord>();

  private constructor(
    private readonly cache: Cache,
    private readonly loaded: Journaled<FileRecord>,
  ) {}

  /** The index in one journaled entry (journal.ts): a run that read one changed file appends its record. */
  static load(cache: Cache): FileIndex {
    return new FileIndex(cache, loadJournaled(cache, "files", cache.key("files"), CHECKS));
  }

  /** The record of a file whose `stat` is the one recorded (and not racy); null when it must be read. */
  unchanged(absolute: string, stat: FileStat | null): FileRecord | null {
    const record = this.loaded.records.get(absolute);
    if (record === undefined || stat === null) return null;
    const same = record.size === stat.size && record.mtime === stat.mtime && record.ctime === stat.ctime && record.ino === stat.ino;
    // As numbers, not BigInts (7,949 files a run): a quarter of a microsecond off at most, nothing to a 2 s window.
    if (!same || Number(record.ctime) > Number(record.at) - RACY_NS) return null;
    this.next.set(absolute, record);
    return record;
  }

  /** Records what was read from a file after taking `stat` (before reading it), and how it is shown. */
  record(absolute: string, stat: FileStat | null, outcome: { hash: string } | { problem: string }, shown?: FileRecord["shown"]): void {
    if (stat === null) return;
    const previous = this.loaded.records.get(absolute);
    const record: FileRecord = { ...stat, hash: "hash" in outcome ? outcome.hash : null, problem: "problem" in outcome ? outcome.problem : null, ...(shown !== undefined ? { shown } : {}) };
    // The same record as before (a racy file read again, unchanged) is not a change to save.
    this.next.set(absolute, previous !== undefined && JSON.stringify(previous) === JSON.stringify(record) ? previous : record);
  }

  /** Records how an unchanged file is shown (its record had it not, or for another working directory). */
  show(absolute: string, record: FileRecord, shown: FileRecord["shown"]): void {
    this.next.set(absolute, { ...record, shown });
  }

  /** Saves the index of this run's files, when it differs from the one loaded. */
  save(): void {
    saveJournaled(this.cache, "files", this.cache.key("files"), this.loaded, this.next);
  }
}

function isRecord(r: unknown): r is FileRecord {
  return typeof r === "object" && r !== null && "size" in r && "mtime" in r && "ctime" in r && "ino" in r && "at" in r && "hash" in r && "problem" in r;
}

const CHECKS = journalChecks(isRecord);

/**
 * How a file is shown, from its record, when the record's display path is still the file's: for a
 * file below the working directory, when it is still the file's path below `cwdPrefix` (the
 * working directory and a separator; on Windows, whose separator the display path does not use,
 * never); for one outside it (`../docs/a.md`), when the record's working directory is `cwd`. One
 * comparison instead of `path.relative` and a hash for each input.
 */
export function shownHere(record: FileRecord, absolute: string, cwd: string, cwdPrefix: string): FileRecord["shown"] | undefined {
  const shown = record.shown;
  if (shown === undefined) return undefined;
  if (shown.cwd !== undefined) return shown.cwd === cwd ? shown : undefined;
  return absolute.length === cwdPrefix.length + shown.file.length && absolute === cwdPrefix + shown.file ? shown : undefined;
}

/** What a record keeps of how a file is shown (see `shownHere`). */
export function shownOf(file: string, key: string, absolute: string, cwd: string, cwdPrefix: string): NonNullable<FileRecord["shown"]> {
  return absolute === cwdPrefix + file ? { file, key } : { file, key, cwd };
}

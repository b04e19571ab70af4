/**
 * A content-hash cache for `docgen gen`: parsed pages, formatted chunks and whole runs, stored as
 * files under `node_modules/.cache/docgen` (or `--cache-dir`). Every key includes docgen's own
 * fingerprint (package version plus a hash of the running build and of the formatter's version), so a
 * new docgen never reads entries an older one wrote. Entries are written to a temporary name and
 * renamed, so a crashed or concurrent run never leaves half an entry; an entry that does not parse
 * is a miss. The cache only ever saves time: output is the same with or without it.
 */
import { createHash, hash } from "node:crypto";
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { statFile } from "./file-index.js";

/**
 * page: one parsed page; pages: every page of a run (page-store.ts); files: what inputs looked like
 * (file-index.ts); meta: every page's hashes (page-meta.ts); format: a formatted chunk or file;
 * output: one generated file, run: a run's summary (run-entry.ts); model: a merged model (model-store.ts);
 * code: V8's compiled code of the modules a rendering worker loads (workers/code-cache.ts).
 */
export type CacheKind = "page" | "pages" | "files" | "meta" | "format" | "output" | "run" | "model" | "plan" | "code";

export const CACHE_KINDS: readonly CacheKind[] = ["page", "pages", "files", "meta", "format", "output", "run", "model", "plan", "code"];

/** sha256 of the parts, each followed by a NUL (hashed in one call: a run computes one per input file). */
export function sha256(...parts: readonly string[]): string {
  return hash("sha256", parts.map((part) => `${part}\0`).join(""), "hex");
}

let fingerprintMemo: string | null = null;

/**
 * docgen's identity for cache keys: its package version, a hash of the compiled code it runs
 * (dist/), and the versions of the formatter and ts-morph (whose output is part of the emitted files).
 */
export function docgenFingerprint(): string {
  if (fingerprintMemo !== null) return fingerprintMemo;
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const root = path.dirname(dist);
  const hash = createHash("sha256");
  const pkg = readJson(path.join(root, "package.json"));
  hash.update(`docgen@${pkg.version}\0`);
  hash.update(distDigest(dist));
  for (const dependency of ["@biomejs/js-api", "@biomejs/wasm-nodejs", "ts-morph"]) {
    const require = createRequire(import.meta.url);
    let version = "unknown";
    try {
      version = readJson(require.resolve(`${dependency}/package.json`)).version;
    } catch {
      // A dependency without a resolvable package.json only weakens the key; the dist hash still applies.
    }
    hash.update(`${dependency}@${version}\0`);
  }
  fingerprintMemo = `${pkg.version}-${hash.digest("hex").slice(0, 16)}`;
  return fingerprintMemo;
}

/**
 * A digest of the compiled code (dist/*.js and the parser's bundle, dist/parser/bundle.cjs; 3.4 MB): read and hashed once per build and kept in
 * `dist/.digest.json` with a stamp of the files' names, sizes, change times and inodes, which a
 * `stat` of each (a millisecond) checks on later runs instead of hashing them again (15 ms). Any
 * rebuild, edit or reinstall of a file changes its stamp. Without a writable dist/, hashed each time.
 */
export function distDigest(dist: string): string {
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js") || f.endsWith(".cjs"))
    .sort();
  const stamp = sha256(
    ...files.map((file) => {
      const stat = statFile(path.join(dist, file));
      return stat !== null ? `${file}\0${stat.size}\0${stat.mtime}\0${stat.ctime}\0${stat.ino}` : `${file}\0-`;
    }),
  );
  const memo = path.join(dist, ".digest.json");
  try {
    const kept: unknown = JSON.parse(readFileSync(memo, "utf8"));
    if (typeof kept === "object" && kept !== null && "stamp" in kept && "digest" in kept && kept.stamp === stamp && typeof kept.digest === "string") return kept.digest;
  } catch {
    // No digest kept (or a damaged one): computed below.
  }
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(path.join(dist, file))).update("\0");
  const digest = hash.digest("hex");
  writeEntry(memo, JSON.stringify({ stamp, digest }));
  return digest;
}

function readJson(file: string): { version: string } {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  const version = typeof data === "object" && data !== null ? Object.getOwnPropertyDescriptor(data, "version")?.value : undefined;
  return { version: typeof version === "string" ? version : "0.0.0" };
}

export function defaultCacheDir(cwd = process.cwd()): string {
  return path.join(cwd, "node_modules", ".cache", "docgen");
}

/** Hit and miss counts per kind, for `--stats` and the tests. */
export interface CacheStats {
  /** Entries served, by kind; a chunk taken from the text its file last had (pipeline.ts `chunkRenderer`) counts as its format entry's hit. */
  hits: Record<CacheKind, number>;
  misses: Record<CacheKind, number>;
  /** Input files read (new, changed, or not known unchanged from their stat). */
  read: number;
  /** How the run got its model: none needed (every file cached), the stored one patched, or pages merged. */
  model: "none" | "patched" | "merged";
  /**
   * With a merged model: how many API versions were merged (of them, how many by patching their
   * stored merge), of how many the run's pages have (none: every page was merged, as without a cache).
   */
  versions?: { merged: number; patched: number; of: number };
}

function perKind(): Record<CacheKind, number> {
  return { page: 0, pages: 0, files: 0, meta: 0, format: 0, output: 0, run: 0, model: 0, plan: 0, code: 0 };
}

export class Cache {
  readonly dir: string;
  readonly stats: CacheStats = { hits: perKind(), misses: perKind(), read: 0, model: "merged" };
  private readonly version: string;

  /** The folder of this docgen build's entries (`<dir>/<hash of the fingerprint>`): the sweep prunes other builds' folders whole. */
  readonly root: string;

  constructor(dir: string, version = docgenFingerprint()) {
    this.dir = path.resolve(dir);
    this.version = version;
    this.root = path.join(this.dir, sha256(version).slice(0, 16));
  }

  /** The key of an entry: docgen's fingerprint, the kind, and the parts that determine its value. */
  key(kind: CacheKind, ...parts: readonly string[]): string {
    return sha256(this.version, kind, ...parts);
  }

  /** Where the entry for `key` lives (two-level fan-out keeps folders small). */
  entryPath(kind: CacheKind, key: string): string {
    return path.join(this.root, kind, key.slice(0, 2), key.slice(2));
  }

  /** Whether this build's cache holds a run (its file index): the next run is most likely one after an edit. */
  holdsRun(): boolean {
    return this.has("files", this.key("files"));
  }

  /**
   * An entry written as text. Every such entry is ASCII (JSON by asciiJson, keys and digests), which
   * Latin-1 decodes to the same string without UTF-8's checks: a run after an edit reads about 27 MB
   * of them (its stored merge, file index, page meta and plan memos), 7-10 ms less (measured).
   */
  read(kind: CacheKind, key: string): string | null {
    return this.readWith(kind, key, (file) => readFileSync(file, "latin1"));
  }

  /** An entry's bytes, or null when it does not exist (or cannot be read). */
  readBytes(kind: CacheKind, key: string): Buffer | null {
    return this.readWith(kind, key, (file) => readFileSync(file));
  }

  /** `length` bytes of an entry from `start` (all of them, or null: not counted as a hit or a miss). */
  readRange(kind: CacheKind, key: string, start: number, length: number): Buffer | null {
    let fd: number | null = null;
    try {
      fd = openSync(this.entryPath(kind, key), "r");
      const data = Buffer.alloc(length);
      return start >= 0 && readSync(fd, data, 0, length, start) === length ? data : null;
    } catch {
      return null;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }

  /** An entry as `load` reads its file, counted as a hit; null (a miss) when it cannot be read. */
  private readWith<R>(kind: CacheKind, key: string, load: (file: string) => R): R | null {
    try {
      const data = load(this.entryPath(kind, key));
      this.stats.hits[kind]++;
      return data;
    } catch {
      this.stats.misses[kind]++;
      return null;
    }
  }

  readJson<T>(kind: CacheKind, key: string, isValid: (value: unknown) => value is T): T | null {
    return this.readDecoded(
      kind,
      key,
      (text) => {
        const value: unknown = JSON.parse(text);
        return isValid(value) ? value : null;
      },
      isValid,
    );
  }

  /**
   * An entry decoded by `decode`; an entry it rejects (null) or that makes it throw is damaged: a
   * miss. `decoder` names the decoding for the memo (see keepDecodedEntries): `decode` itself when
   * not given.
   */
  readDecoded<T>(kind: CacheKind, key: string, decode: (text: string) => T | null, decoder: object = decode): T | null {
    return this.decodeEntry(kind, key, () => this.read(kind, key), decode, decoder);
  }

  /** As readDecoded, for an entry decoded from its bytes (read without decoding them as text). */
  readDecodedBytes<T>(kind: CacheKind, key: string, decode: (data: Buffer) => T | null): T | null {
    return this.decodeEntry(kind, key, () => this.readBytes(kind, key), decode, decode);
  }

  /** As readDecodedBytes, counted neither as a hit nor as a miss: for an entry read in place of others, which are counted. */
  readUncounted<T>(kind: CacheKind, key: string, decode: (data: Buffer) => T | null): T | null {
    const hits = this.stats.hits[kind];
    const misses = this.stats.misses[kind];
    const value = this.readDecodedBytes(kind, key, decode);
    this.stats.hits[kind] = hits;
    this.stats.misses[kind] = misses;
    return value;
  }

  private decodeEntry<R, T>(kind: CacheKind, key: string, read: () => R | null, decode: (raw: R) => T | null, decoder: object): T | null {
    const file = this.entryPath(kind, key);
    const memo = decodedMemo?.kinds.has(kind) === true ? decodedMemo : null;
    const stamp = memo !== null ? stampOf(file) : null;
    if (memo !== null && stamp !== null) {
      const kept = memo.get(file, stamp, decoder);
      if (kept !== undefined) {
        this.stats.hits[kind]++;
        // The memo holds what this decoder returned for this very file (same stamp): a T.
        return kept as T;
      }
    }
    const raw = read();
    if (raw === null) return null;
    try {
      const value = decode(raw);
      if (value !== null) {
        if (memo !== null && stamp !== null) memo.set(file, stamp, decoder, value);
        return value;
      }
    } catch {
      // A damaged entry is a miss; it is overwritten below by the caller's write.
    }
    this.stats.hits[kind]--;
    this.stats.misses[kind]++;
    return null;
  }

  /** Writes an entry; false when it could not be written (the cache is then only not used). */
  write(kind: CacheKind, key: string, content: string | Uint8Array): boolean {
    return writeEntry(this.entryPath(kind, key), content);
  }

  /**
   * Writes an entry whose content is also the entry of `shared` (a key naming that content): when
   * that entry exists with the content's `size` in bytes, the entry of `key` is made a hard link to
   * it and `content` is never built; otherwise the content is written there first. So a generated
   * file whose key changed but whose text did not (every file of an API version after a
   * structural edit of one of its pages) is not written again. Written whole where links cannot be made.
   */
  writeShared(kind: CacheKind, key: string, shared: string, size: number, content: () => Uint8Array): boolean {
    const source = this.entryPath(kind, shared);
    const target = this.entryPath(kind, key);
    if (source === target) return this.write(kind, key, content());
    let existing = statOf(source);
    if (existing?.size !== size) {
      if (!writeEntry(source, content())) return false;
      existing = statOf(source);
    }
    // Linked already (a file's latest text, unchanged): nothing to do.
    const linked = statOf(target);
    if (existing !== null && linked !== null && existing.ino === linked.ino && existing.dev === linked.dev) return true;
    return placeEntry(target, (temporary) => linkSync(source, temporary), true) || this.write(kind, key, content());
  }

  /** Whether the entry exists (not counted as a hit or a miss). */
  has(kind: CacheKind, key: string): boolean {
    return existsSync(this.entryPath(kind, key));
  }

  /** Writes `value` as JSON for `readJson`, in ASCII (see asciiJson). */
  writeJson(kind: CacheKind, key: string, value: unknown): void {
    this.write(kind, key, asciiJson(value));
  }

  /**
   * Writes `value` as `writeJson` does (or `text`, its JSON made ahead) and, when decoded entries of
   * its kind are kept, keeps it as what `readJson(kind, key, isValid)` will return. Only for values
   * made of JSON's own types (strings, numbers, booleans, null, arrays, plain objects; no undefined),
   * which JSON gives back equal.
   */
  writeDecoded<T>(kind: CacheKind, key: string, value: T, isValid: (value: unknown) => value is T, text?: string): void {
    // Kept only when written: the file at its path may otherwise be an older entry's.
    if (!this.write(kind, key, text ?? asciiJson(value)) || decodedMemo?.kinds.has(kind) !== true) return;
    const file = this.entryPath(kind, key);
    const stamp = stampOf(file);
    if (stamp !== null) decodedMemo.set(file, stamp, isValid, value);
  }
}

/**
 * Decoded entries kept in memory by a long-lived process (the background process, see
 * daemon/server.ts), so that a run after a small edit does not read and decode again the entries
 * every run reads. An entry is used only while its file has the same modification time, size and
 * inode as when it was kept (another docgen process may have rewritten it) and for the same decoder,
 * and is forgotten once its file has changed or gone (the sweep removes entries no run refers to).
 * Values are shared between runs: the kinds kept are those whose values no caller changes.
 */
class DecodedMemo {
  private readonly entries = new Map<string, { stamp: string; decoder: object; value: unknown }>();

  constructor(readonly kinds: ReadonlySet<CacheKind>) {}

  get(file: string, stamp: string, decoder: object): unknown {
    const entry = this.entries.get(file);
    if (entry === undefined || entry.stamp !== stamp || entry.decoder !== decoder) return undefined;
    return entry.value;
  }

  set(file: string, stamp: string, decoder: object, value: unknown): void {
    this.entries.set(file, { stamp, decoder, value });
  }

  /** Forgets the entries whose files changed or went since they were kept (after a run: its sweep may have removed some). */
  endRun(): void {
    for (const [file, entry] of this.entries) if (stampOf(file) !== entry.stamp) this.entries.delete(file);
  }

  get size(): number {
    return this.entries.size;
  }
}

let decodedMemo: DecodedMemo | null = null;

/** Keeps decoded entries of these kinds in memory from now on (a long-lived process; see DecodedMemo); none: keeps nothing. */
export function keepDecodedEntries(kinds: readonly CacheKind[]): void {
  decodedMemo = kinds.length > 0 ? new DecodedMemo(new Set(kinds)) : null;
}

/** Ends a run for the memo of decoded entries: those whose files changed or went are forgotten. Returns how many are kept. */
export function endRunOfDecodedEntries(): number {
  decodedMemo?.endRun();
  return decodedMemo?.size ?? 0;
}

function stampOf(file: string): string | null {
  const stat = statFile(file);
  return stat !== null ? `${stat.mtime}:${stat.size}:${stat.ino}` : null;
}

/**
 * JSON with every non-ASCII character escaped (`\u00e9`). Reading a 30 MB entry back is then
 * faster: decoding pure ASCII as UTF-8 takes the fast path and the text is a one-byte string, which
 * JSON.parse also reads faster (the page store: about 15 % less time to read and parse).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Where an entry is written before it is renamed into place (unique per process and write). */
function temporaryPath(target: string): string {
  return `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** A file's `stat`, or null when there is none or it cannot be taken (a file where the cache's folder should be: the cache is then only not used). */
function statOf(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** Writes a cache entry atomically; a cache that cannot be written is silently not used (false). */
export function writeEntry(target: string, content: string | Uint8Array): boolean {
  return placeEntry(target, (temporary) => writeFileSync(temporary, content));
}

/**
 * Puts an entry in place atomically: `make` makes it at a temporary path, renamed then; false when
 * either fails. `link`: `make` links an existing file, which may be the target's already (another
 * process linked it meanwhile), and renaming a link onto another link of the same file does nothing
 * (POSIX): the temporary name is then removed.
 */
function placeEntry(target: string, make: (temporary: string) => void, link = false): boolean {
  let temporary: string | null = null;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    temporary = temporaryPath(target);
    make(temporary);
    renameSync(temporary, target);
    if (link) rmSync(temporary, { force: true });
    return true;
  } catch {
    // Read-only or full disk: generation must not fail because of the cache (nor leave a temporary file).
    try {
      if (temporary !== null) rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do.
    }
    return false;
  }
}

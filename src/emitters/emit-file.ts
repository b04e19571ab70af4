/**
 * One generated file from one API version's slice of the model, in chunks.
 *
 * The emitter's statements are cut into chunks (content-defined, see CHUNK_MIN_SIZE); each chunk is
 * printed by ts-morph and formatted by Biome on its own (`render.ts`), and the formatted chunks
 * are joined. Chunks are self-contained plain data, so the CLI renders them in worker threads and
 * caches them by content: a change to one page re-renders only the chunks whose statements changed.
 * Planning loads neither ts-morph nor the formatter (see `kinds.ts`).
 */
import { createHash, hash } from "node:crypto";
import type { ApiVersion, OperationModel, TypeModel } from "../model/types.js";
import { createContext, type EmitOptions, type Emitter, type Statement } from "./context.js";
import { emitDates } from "./dates.js";
import { emitEnums } from "./enums.js";
import { emitIndex } from "./index-file.js";
import { emitInterfaces } from "./interfaces.js";
import { emitRequests } from "./requests.js";
import { emitValidators } from "./validators.js";

export interface VersionSlice {
  apiVersion: ApiVersion | null;
  types: TypeModel[];
  operations: OperationModel[];
}

export const EMITTERS: ReadonlyArray<readonly [string, Emitter]> = [
  ["enums.ts", emitEnums],
  ["interfaces.ts", emitInterfaces],
  ["validators.ts", emitValidators],
  ["requests.ts", emitRequests],
  ["index.ts", emitIndex],
  ["dates.ts", emitDates],
];

/** The files of a version folder: `dates.ts` only with `dates: "Date"`. */
export function emittedFiles(options: EmitOptions): string[] {
  return EMITTERS.map(([name]) => name).filter((name) => name !== "dates.ts" || options.dates === "Date");
}


/**
 * Chunk sizes, in characters of the statements' serialised form (what their digests hash; about
 * the size of their printed text). Boundaries are content-defined: once a chunk has CHUNK_MIN_SIZE
 * characters, it ends after a statement with a probability proportional to that statement's size
 * (its hash modulo CHUNK_SPREAD_SIZE is below its size), so chunks average about CHUNK_MIN_SIZE +
 * CHUNK_SPREAD_SIZE characters whether a file holds large statements (interfaces with their doc
 * comments) or small ones (re-exports); a chunk also ends at CHUNK_MAX_SIZE characters or at
 * CHUNK_MAX statements. A boundary depends only on the chunk's own statements, so inserting or
 * removing a statement (a new type, a deleted operation) moves no boundary elsewhere in the file:
 * after an edit only the chunks holding changed statements (and the one after, whose context may
 * change) are rendered again, and the rest come from the cache.
 *
 * The sizes trade the first run against the next: a rendering worker that has just loaded renders
 * about 1 MB/s (its code is not optimised yet), so after an edit the changed chunk's size is on the
 * critical path (a chunk of 80 KB took 100-150 ms, one of 15 KB 20-30 ms), while every chunk costs
 * a message, a formatter call and a cache entry in a cold run (BENCHMARKS.md).
 */
export const CHUNK_MIN_SIZE = 8192;
const CHUNK_SPREAD_SIZE = 24576;
export const CHUNK_MAX_SIZE = 65536;
export const CHUNK_MAX = 256;

export interface Chunk {
  /** The previous chunk's last statement, printed only for the separator before this chunk; null for the first chunk. */
  context: Statement | null;
  statements: Statement[];
}

/** A planned chunk and `id`, a hash of its content (statements and context): what its rendered text depends on. */
export interface PlannedChunk extends Chunk {
  id: string;
}

/** Runs the file's emitter and cuts its statements into chunks (at least one). */
export function planChunks(slice: VersionSlice, name: string, options: EmitOptions = {}): PlannedChunk[] {
  const emitter = EMITTERS.find(([fileName]) => fileName === name)?.[1];
  if (emitter === undefined) throw new Error(`no emitter for ${name}`);
  const emitted = emitter(createContext(slice.apiVersion, slice.types, slice.operations, options));
  // A file with nothing to declare must still be a module, or `export *` of it fails to compile.
  const statements: Statement[] = emitted.length > 0 ? emitted : ["export {};"];
  const serialised = statements.map(serialise);
  // One-shot hashing: a hash object per statement cost twice as much (tens of thousands of statements per version).
  const digests = serialised.map((text) => hash("sha256", text, "buffer"));
  const chunks: PlannedChunk[] = [];
  let start = 0;
  let size = 0;
  for (let end = 1; end <= statements.length; end++) {
    const length = serialised[end - 1]?.length ?? 0;
    const last = digests[end - 1];
    size += length;
    const cut = size >= CHUNK_MIN_SIZE && last !== undefined && last.readUInt32BE(0) % CHUNK_SPREAD_SIZE < length;
    const boundary = end === statements.length || end - start >= CHUNK_MAX || size >= CHUNK_MAX_SIZE || cut;
    if (!boundary) continue;
    size = 0;
    const id = createHash("sha256");
    id.update(start === 0 ? "first" : (digests[start - 1]?.toString("hex") ?? ""));
    for (const digest of digests.slice(start, end)) id.update(digest);
    chunks.push({ context: start === 0 ? null : (statements[start - 1] ?? null), statements: statements.slice(start, end), id: id.digest("hex") });
    start = end;
  }
  return chunks;
}

/** A statement as its digest hashes it; its length is the statement's size for chunking. */
function serialise(statement: Statement): string {
  return typeof statement === "string" ? `s${statement}` : `o${JSON.stringify(statement)}`;
}

/** A statement's size as chunk boundaries count it (see CHUNK_MIN_SIZE). */
export function statementSize(statement: Statement): number {
  return serialise(statement).length;
}

export function joinChunks(rendered: readonly string[]): string {
  return rendered.join("");
}

/**
 * One generated file from one API version's slice of the model, in chunks.
 *
 * The emitter's statements are cut into chunks (content-defined, see CHUNK_MIN_SIZE); each chunk is
 * printed by ts-morph and formatted by Biome on its own (`render.ts`), and the formatted chunks
 * are joined. Chunks are self-contained plain data, so the CLI renders them in worker threads and
 * caches them by content: a change to one page re-renders only the chunks whose statements changed.
 * Planning loads neither ts-morph nor the formatter (see `kinds.ts`).
 */
import { hash } from "node:crypto";
import type { ApiVersion, OperationModel, TypeModel } from "../model/types.js";
import { createContext, type EmitContext, type EmitOptions, type Emitter, type Statement } from "./context.js";
import { emitDates } from "./dates.js";
import { emitEnums } from "./enums.js";
import { emitIndex } from "./index-file.js";
import { emitInterfaces, interfaceUnits } from "./interfaces.js";
import { emitRequests, requestUnits } from "./requests.js";
import { planUnits, plannedNow, serialise, type PlanMemo, type PlannedStatement } from "./unit-plan.js";
import { emitValidators, validatorUnits } from "./validators.js";

export interface VersionSlice {
  apiVersion: ApiVersion | null;
  types: TypeModel[];
  operations: OperationModel[];
}

/**
 * The emitted files of a version folder, in the order they are planned (the output is sorted by
 * path whatever it is): the files an edit most often changes first, so that their changed chunks
 * reach the rendering worker while the others are planned (`enums.ts` changes only with an enum,
 * and is planned whole: 10-17 ms of the bench's beta edit before its first chunk, otherwise).
 */
export const EMITTERS: ReadonlyArray<readonly [string, Emitter]> = [
  ["interfaces.ts", emitInterfaces],
  ["validators.ts", emitValidators],
  ["requests.ts", emitRequests],
  ["enums.ts", emitEnums],
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
 * about 1 MB/s (its code is not optimised yet), so after an edit the changed chunks' size is on the
 * critical path (a chunk of validators of 68 KB took 55-115 ms, one of 15-25 KB 10-25 ms), while
 * every chunk costs a message, a formatter call and a cache entry in a cold run. Measured on the
 * corpus (BENCHMARKS.md): chunks of 8-64 KB (about 690) against 4-16 KB (about 2,000): a beta edit
 * 0.97 -> 0.93 s (A/B medians of 10), a cold run's emit phase 5.1-5.4 -> 6.1-6.5 s.
 */
export const CHUNK_MIN_SIZE = 4096;
const CHUNK_SPREAD_SIZE = 8192;
export const CHUNK_MAX_SIZE = 16384;
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
  return planFile(slice, name, options, null).chunks;
}

/**
 * The file's chunks, and the plan memo to keep for the next plan of it (null when the file is not
 * planned by units, or with `dates: "Date"`; see unit-plan.ts) with how many of its units were
 * emitted (the others were served by the memo). `memo`: the memo of its last plan.
 */
export function planFile(slice: VersionSlice, name: string, options: EmitOptions, memo: PlanMemo | null): { chunks: PlannedChunk[]; memo: PlanMemo | null; emitted?: number } {
  const emitter = EMITTERS.find(([fileName]) => fileName === name)?.[1];
  if (emitter === undefined) throw new Error(`no emitter for ${name}`);
  const ctx = contextOf(slice, options);
  // The files planned by units (all but the cheap ones), unless dates are revived (see unit-plan.ts).
  const byUnits =
    options.dates === "Date"
      ? null
      : name === "interfaces.ts"
        ? planUnits(ctx, interfaceUnits, memo)
        : name === "requests.ts"
          ? planUnits(ctx, requestUnits, memo)
          : name === "validators.ts"
            ? planUnits(ctx, validatorUnits, memo)
            : null;
  if (byUnits !== null) return { chunks: chunked(byUnits.statements), memo: byUnits.memo, emitted: byUnits.emitted };
  return { chunks: chunked(emitter(ctx).map(plannedNow)), memo: null };
}

/** One context per slice and options: the files of a version share its names and what emitters compute once per context. */
const contexts = new WeakMap<VersionSlice, { options: EmitOptions; ctx: EmitContext }>();

function contextOf(slice: VersionSlice, options: EmitOptions): EmitContext {
  const known = contexts.get(slice);
  if (known !== undefined && known.options === options) return known.ctx;
  const ctx = createContext(slice.apiVersion, slice.types, slice.operations, options);
  contexts.set(slice, { options, ctx });
  return ctx;
}

/** Planned statements cut into chunks (see CHUNK_MIN_SIZE); their statements are made when a chunk's are asked for. */
function chunked(planned: readonly PlannedStatement[]): PlannedChunk[] {
  // A file with nothing to declare must still be a module, or `export *` of it fails to compile.
  const statements = planned.length > 0 ? planned : [plannedNow("export {};")];
  const chunks: PlannedChunk[] = [];
  let start = 0;
  let size = 0;
  for (let end = 1; end <= statements.length; end++) {
    const statement = statements[end - 1];
    const length = statement?.size ?? 0;
    size += length;
    const cut = size >= CHUNK_MIN_SIZE && statement !== undefined && leadingUint32(statement.digest) % CHUNK_SPREAD_SIZE < length;
    const boundary = end === statements.length || end - start >= CHUNK_MAX || size >= CHUNK_MAX_SIZE || cut;
    if (!boundary) continue;
    size = 0;
    const members = statements.slice(start, end);
    const context = start === 0 ? null : (statements[start - 1] ?? null);
    // The digests are base64 (no newline in them): joined, they hash as the list they are.
    const id = hash("sha256", [context?.digest ?? "first", ...members.map((member) => member.digest)].join("\n"), "hex");
    chunks.push(lazyChunk(context, members, id));
    start = end;
  }
  return chunks;
}

/** Each base64 digit's value by its character code. */
const BASE64_VALUES = new Uint8Array(128);
for (const [value, digit] of [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].entries()) BASE64_VALUES[digit.charCodeAt(0)] = value;

/**
 * The first four bytes of a base64 digest as a big-endian unsigned number (its first 32 bits: five
 * digits and the high two bits of the sixth), without decoding the digest.
 */
export function leadingUint32(digest: string): number {
  let bits = 0;
  for (let i = 0; i < 5; i++) bits = bits * 64 + (BASE64_VALUES[digest.charCodeAt(i) & 127] ?? 0);
  return bits * 4 + ((BASE64_VALUES[digest.charCodeAt(5) & 127] ?? 0) >> 4);
}

/** A chunk whose statements are made when first asked for (most chunks come from the cache). */
function lazyChunk(context: PlannedStatement | null, members: readonly PlannedStatement[], id: string): PlannedChunk {
  let made: { context: Statement | null; statements: Statement[] } | null = null;
  const make = () => (made ??= { context: context?.statement() ?? null, statements: members.map((member) => member.statement()) });
  return {
    id,
    get context() {
      return make().context;
    },
    get statements() {
      return make().statements;
    },
  };
}

/** A statement's size as chunk boundaries count it (see CHUNK_MIN_SIZE). */
export function statementSize(statement: Statement): number {
  return serialise(statement).length;
}

export function joinChunks(rendered: readonly string[]): string {
  return rendered.join("");
}

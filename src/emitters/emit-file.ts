/**
 * One generated file from one API version's slice of the model, in chunks.
 *
 * The emitter's statements are cut into chunks (content-defined, see CHUNK_MIN); each chunk is printed by ts-morph
 * and formatted by prettier on its own, and the formatted chunks are joined. Chunks are
 * self-contained plain data, so the CLI renders them in worker threads and caches them by
 * content: a change to one page re-renders only the chunks whose statements changed.
 *
 * The joined text is what printing and formatting the whole file at once gives: ts-morph
 * separates two statements by a newline or a blank line depending on the pair, so each chunk is
 * printed after the previous chunk's last statement (its `context`) and that statement's text is
 * cut off again, keeping the separator; prettier formats top-level statements independently and
 * keeps one blank line where the printed text had one, which the join reproduces.
 */
import { createHash } from "node:crypto";
import { IndentationText, NewLineKind, Project, QuoteKind } from "ts-morph";
import type { ApiVersion, OperationModel, TypeModel } from "../model/types.js";
import { createContext, type EmitOptions, type Emitter, type Statement } from "./context.js";
import { emitEnums } from "./enums.js";
import { formatTypeScript } from "./format.js";
import { emitIndex } from "./index-file.js";
import { emitInterfaces } from "./interfaces.js";
import { emitRequests } from "./requests.js";
import { GENERATED_HEADER } from "./ts-code.js";
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
];

/**
 * Chunk sizes, in statements. Boundaries are content-defined: a chunk ends after a statement whose
 * hash has its low bits zero (once the chunk has CHUNK_MIN statements), or at CHUNK_MAX. A boundary
 * depends only on the statement before it, so inserting or removing a statement (a new type, a
 * deleted operation) moves no boundary elsewhere in the file: after an edit only the chunks holding
 * changed statements (and the one after, whose context may change) are rendered again, and the rest
 * come from the cache. Chunks average about CHUNK_MIN + CHUNK_SPREAD statements.
 */
export const CHUNK_MIN = 36;
const CHUNK_SPREAD = 64;
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
  const digests = statements.map((statement) => createHash("sha256").update(typeof statement === "string" ? `s${statement}` : `o${JSON.stringify(statement)}`).digest());
  const chunks: PlannedChunk[] = [];
  let start = 0;
  for (let end = 1; end <= statements.length; end++) {
    const size = end - start;
    const last = digests[end - 1];
    const boundary = end === statements.length || size >= CHUNK_MAX || (size >= CHUNK_MIN && last !== undefined && last.readUInt32BE(0) % CHUNK_SPREAD === 0);
    if (!boundary) continue;
    const id = createHash("sha256");
    id.update(start === 0 ? "first" : (digests[start - 1]?.toString("hex") ?? ""));
    for (const digest of digests.slice(start, end)) id.update(digest);
    chunks.push({ context: start === 0 ? null : (statements[start - 1] ?? null), statements: statements.slice(start, end), id: id.digest("hex") });
    start = end;
  }
  return chunks;
}

let project: Project | null = null;

function print(statements: readonly Statement[]): string {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const sourceFile = project.createSourceFile("chunk.ts", "", { overwrite: true });
  sourceFile.addStatements([...statements]);
  const text = sourceFile.getFullText();
  project.removeSourceFile(sourceFile);
  return text;
}

/** A chunk printed and formatted; a chunk after the first starts with "\n" when a blank line separates it from the previous one. */
export async function renderChunk(chunk: Chunk): Promise<string> {
  if (chunk.context === null) return formatTypeScript(GENERATED_HEADER + print(chunk.statements));
  const before = print([chunk.context]).trimEnd();
  const both = print([chunk.context, ...chunk.statements]);
  if (!both.startsWith(before)) throw new Error("ts-morph printed a statement differently in context");
  const rest = both.slice(before.length);
  const blankLine = /^[ \t]*\r?\n[ \t]*\r?\n/.test(rest);
  return (blankLine ? "\n" : "") + (await formatTypeScript(rest));
}

export function joinChunks(rendered: readonly string[]): string {
  return rendered.join("");
}

/**
 * One generated file from one API version's slice of the model, in chunks.
 *
 * The emitter's statements are cut into chunks of CHUNK_SIZE; each chunk is printed by ts-morph
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
import { IndentationText, NewLineKind, Project, QuoteKind } from "ts-morph";
import type { ApiVersion, OperationModel, TypeModel } from "../model/types.js";
import { createContext, type EmitOptions, type Emitter, type Statement } from "./context.js";
import { emitDates } from "./dates.js";
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
  ["dates.ts", emitDates],
];

/** The files of a version folder: `dates.ts` only with `dates: "Date"`. */
export function emittedFiles(options: EmitOptions): string[] {
  return EMITTERS.map(([name]) => name).filter((name) => name !== "dates.ts" || options.dates === "Date");
}

/** Statements per chunk: small enough to spread over cores and to re-render little after an edit. */
export const CHUNK_SIZE = 100;

export interface Chunk {
  /** The previous chunk's last statement, printed only for the separator before this chunk; null for the first chunk. */
  context: Statement | null;
  statements: Statement[];
}

/** Runs the file's emitter and cuts its statements into chunks (at least one). */
export function planChunks(slice: VersionSlice, name: string, options: EmitOptions = {}): Chunk[] {
  const emitter = EMITTERS.find(([fileName]) => fileName === name)?.[1];
  if (emitter === undefined) throw new Error(`no emitter for ${name}`);
  const statements = emitter(createContext(slice.apiVersion, slice.types, slice.operations, options));
  // A file with nothing to declare must still be a module, or `export *` of it fails to compile.
  if (statements.length === 0) return [{ context: null, statements: ["export {};"] }];
  const chunks: Chunk[] = [];
  for (let start = 0; start < statements.length; start += CHUNK_SIZE) {
    chunks.push({ context: start === 0 ? null : (statements[start - 1] ?? null), statements: statements.slice(start, start + CHUNK_SIZE) });
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

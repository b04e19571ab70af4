/**
 * Rendering one chunk of a generated file (`emit-file.ts`): printed by ts-morph, formatted by Biome.
 *
 * The joined chunks are what printing and formatting the whole file at once gives: ts-morph
 * separates two statements by a newline or a blank line depending on the pair, so each chunk is
 * printed after the previous chunk's last statement (its `context`) and that statement's text is
 * cut off again, keeping the separator; Biome formats top-level statements independently and
 * keeps one blank line where the printed text had one, which the join reproduces.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import type { Statement } from "./context.js";
import type { Chunk } from "./emit-file.js";
import { formatTypeScript } from "./format.js";
import { GENERATED_HEADER } from "./ts-code.js";

/**
 * ts-morph is a CommonJS package: imported from an ES module, Node first scans its source (and the
 * TypeScript compiler's it re-exports, about 10 MB) for the names it exports, about 0.1 s in every
 * rendering worker (its CPU profile) before the code cache (workers/code-cache.ts) is used at all;
 * `require` skips that scan.
 */
const tsMorph: typeof TsMorph = createRequire(import.meta.url)("ts-morph");
const { printStructure, StructureKind } = tsMorph;

/**
 * The text ts-morph writes for `statements` into an empty source file (`addStatements`), from its
 * structure printer alone: no source file is made, so the TypeScript compiler neither parses the
 * text nor wraps its nodes (about a quarter of the CPU time of rendering the corpus). The same text
 * as `addStatements` (test/emitters/render.test.ts; every generated file of the corpus compared).
 */
export function printStatements(statements: readonly Statement[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: [...statements] }, { indentNumberOfSpaces: 2, newLine: "\n", useSingleQuote: false });
}

/** A chunk printed and formatted; a chunk after the first starts with "\n" when a blank line separates it from the previous one. */
export async function renderChunk(chunk: Chunk): Promise<string> {
  if (chunk.context === null) return formatTypeScript(GENERATED_HEADER + printStatements(chunk.statements));
  const before = printStatements([chunk.context]).trimEnd();
  const both = printStatements([chunk.context, ...chunk.statements]);
  if (!both.startsWith(before)) throw new Error("ts-morph printed a statement differently in context");
  const rest = both.slice(before.length);
  const blankLine = /^[ \t]*\r?\n[ \t]*\r?\n/.test(rest);
  return (blankLine ? "\n" : "") + (await formatTypeScript(rest));
}

/**
 * The shortcuts of rendering give what the plain way gives: the structure printer the text of
 * ts-morph's `addStatements` into a source file, and prettier's `babel-ts` parser the formatting
 * of its `typescript` parser, for the seed model and random hostile models (names, descriptions
 * and values full of quotes, comment and template syntax, unicode line breaks).
 */
import fc from "fast-check";
import { format } from "prettier";
import { IndentationText, NewLineKind, Project, QuoteKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import type { EmitOptions, Statement } from "../../src/emitters/context.js";
import { EMITTERS, planChunks } from "../../src/emitters/emit-file.js";
import { PRETTIER_OPTIONS } from "../../src/emitters/format.js";
import { printStatements } from "../../src/emitters/render.js";
import { buildModel } from "../../src/model/merge.js";
import type { ApiModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { seedModel } from "../helpers.js";
import { structuredPages } from "../hostile/arbitraries.js";

const project = new Project({
  useInMemoryFileSystem: true,
  manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double, useTrailingCommas: true },
});

/** What render.ts did before: the statements added to an empty source file. */
function addToSourceFile(statements: readonly Statement[]): string {
  const sourceFile = project.createSourceFile("chunk.ts", "", { overwrite: true });
  sourceFile.addStatements([...statements]);
  const text = sourceFile.getFullText();
  project.removeSourceFile(sourceFile);
  return text;
}

/** Each emitter's statements of each API version of the model, with the emit options. */
function statementLists(model: ApiModel, options: EmitOptions): Statement[][] {
  const versions = [...new Set([...model.types.map((t) => t.apiVersion), ...model.operations.map((o) => o.apiVersion)])];
  return versions.flatMap((apiVersion) => {
    const slice = { apiVersion, types: model.types.filter((t) => t.apiVersion === apiVersion), operations: model.operations.filter((o) => o.apiVersion === apiVersion) };
    return EMITTERS.map(([name]) => planChunks(slice, name, options).flatMap((chunk) => chunk.statements));
  });
}

const HOSTILE_OPTIONS: EmitOptions = { dates: "Date", enumStyle: "union-and-const", naming: { types: "asDocumented", typePrefix: "x", operations: "snake_case" } };
const hostileModels = fc.sample(structuredPages, { numRuns: 16, seed: 20261204 }).map((pages, i) => buildModel(pages.map((text, j) => parseDocument(`m${i}/p${j}.md`, text))));
const cases: Array<[string, Statement[][]]> = [
  ["the seed model", statementLists(seedModel(), {})],
  ...hostileModels.map((model, i): [string, Statement[][]] => [`hostile model ${i}`, statementLists(model, i % 2 === 0 ? {} : HOSTILE_OPTIONS)]),
];

describe("rendering shortcuts", () => {
  it("has statements of every kind to compare", () => {
    const kinds = new Set(cases.flatMap(([, lists]) => lists.flat().map((s) => (typeof s === "string" ? "string" : String(s.kind)))));
    expect([...kinds].sort()).toEqual(["11", "13", "16", "19", "38", "41", "string"].sort());
  });

  for (const [label, lists] of cases) {
    it(`${label}: the structure printer writes what addStatements writes, whole files and single statements`, () => {
      for (const statements of lists) {
        expect(printStatements(statements)).toBe(addToSourceFile(statements));
        for (const statement of statements.slice(0, 20)) expect(printStatements([statement])).toBe(addToSourceFile([statement]));
      }
    });

    it(`${label}: babel-ts formats the printed code exactly as the typescript parser`, async () => {
      for (const statements of lists) {
        const source = printStatements(statements);
        expect(await format(source, PRETTIER_OPTIONS)).toBe(await format(source, { ...PRETTIER_OPTIONS, parser: "typescript" }));
      }
    });
  }
});

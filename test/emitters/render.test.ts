/**
 * Rendering, for the seed model and random hostile models (names, descriptions and values full of
 * quotes, comment and template syntax, unicode line breaks): the structure printer's shortcut gives
 * the text of ts-morph's `addStatements` into a source file, and the formatter takes every printed
 * file and is stable on its own output (formatting twice changes nothing).
 */
import fc from "fast-check";
import { IndentationText, NewLineKind, Project, QuoteKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import type { EmitOptions, Statement } from "../../src/emitters/context.js";
import { EMITTERS, planChunks } from "../../src/emitters/emit-file.js";
import { formatTypeScript } from "../../src/emitters/format.js";
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

describe("rendering", () => {
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

    it(`${label}: the formatter takes the printed code and is stable on its own output`, async () => {
      for (const statements of lists) {
        const formatted = await formatTypeScript(printStatements(statements));
        expect(await formatTypeScript(formatted)).toBe(formatted);
      }
    });
  }
});

describe("the formatter", () => {
  it("writes the project's style: 2 spaces, double quotes, semicolons, trailing commas, 100 columns", async () => {
    const long = Array.from({ length: 12 }, (_, i) => `'member${i}'`).join(", ");
    expect(await formatTypeScript(`export const xs = [${long}]\nexport const o = {a: 'b'}\n`)).toBe(
      `export const xs = [\n${Array.from({ length: 12 }, (_, i) => `  "member${i}",\n`).join("")}];\nexport const o = { a: "b" };\n`,
    );
  });

  it("refuses code that does not parse instead of passing it through", async () => {
    await expect(formatTypeScript("export const = ;")).rejects.toThrow(/generated code does not parse/);
  });
});

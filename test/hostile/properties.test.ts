/**
 * Property-based tests: random markdown never makes the parser or the merge throw, the model always
 * serialises, and the code generated for random (hostile) models always compiles under tsc --strict
 * (with the default emit options, and every other model with dates as Date and renamed types and functions).
 * `npm run fuzz` runs many more cases (FUZZ_RUNS, FUZZ_MODELS).
 */
import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitModel } from "../../src/emitters/emit.js";
import { checkExamples } from "../../src/model/example-check.js";
import { buildModel } from "../../src/model/merge.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT } from "../helpers.js";
import { chaoticPage, structuredPages } from "./arbitraries.js";
import { codeOnly, compileStrict, tsFiles } from "./compile.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? "300");
const MODELS = Number(process.env["FUZZ_MODELS"] ?? "12");
const SEED = process.env["FUZZ_SEED"] === undefined ? {} : { seed: Number(process.env["FUZZ_SEED"]) };
const BASE = path.join(ROOT, "test/.tmp/fuzz");
/** Generated folders of a failed run stay in test/.tmp/fuzz (with each model's pages.json) to reproduce it. */
let keep = false;

afterAll(() => {
  if (!keep) rmSync(BASE, { recursive: true, force: true });
});

/** True when the value survives JSON unchanged (no undefined in arrays, NaN, functions, cycles, classes). */
function serialises(value: unknown): boolean {
  const text = JSON.stringify(value);
  return typeof text === "string" && JSON.stringify(JSON.parse(text)) === text && isPlain(value);
}
function isPlain(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlain);
  if (typeof value === "object") return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every((v) => v === undefined || isPlain(v));
  return false;
}

describe("random documents", () => {
  it("never make the parser throw; the page model serialises", () => {
    fc.assert(
      fc.property(chaoticPage, fc.constantFrom("p.md", "beta/api/p.md", "p.txt"), (text, file) => {
        const page = parseDocument(file, text);
        expect(serialises(page)).toBe(true);
        for (const d of page.diagnostics) expect(d.line >= 1 && d.column >= 1 && d.file === file).toBe(true);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it("never make the merge or docgen check's example checks throw; the model serialises", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(chaoticPage, structuredPages.map((p) => p.join("\n\n"))), { maxLength: 4 }), (texts) => {
        const model = buildModel(texts.map((text, i) => parseDocument(`p${i}.md`, text)));
        expect(serialises(model)).toBe(true);
        for (const d of checkExamples(model)) expect(d.line >= 1 && d.column >= 1 && /^p\d+\.md$/.test(d.file)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 3), ...SEED },
    );
  });
});

describe("random hostile models", () => {
  it("generate code that compiles under tsc --strict and carries doc text only in comments and strings", async () => {
    mkdirSync(BASE, { recursive: true });
    const root = mkdtempSync(path.join(BASE, "models-"));
    // fc.sample reports no seed when a case fails, so pick one and name it in every assertion (FUZZ_SEED=N reruns it).
    const seed = SEED.seed ?? Math.floor(Math.random() * 2 ** 31);
    const samples = fc.sample(structuredPages, { numRuns: MODELS, seed });
    for (const [i, pages] of samples.entries()) {
      const model = buildModel(pages.map((text, j) => parseDocument(`m${i}/p${j}.md`, text)));
      expect(serialises(model), `FUZZ_SEED=${seed}`).toBe(true);
      const dir = path.join(root, `m${i}`);
      // A sample may name no valid type or route at all: its model is empty and emits no files.
      mkdirSync(dir, { recursive: true });
      // Every other model with the non-default emit options: Date objects, the docs' own type names
      // with a prefix, snake_case functions, const enums (hostile names must still make valid code).
      const options = i % 2 === 0 ? {} : ({ dates: "Date", enumStyle: "union-and-const", naming: { types: "asDocumented", typePrefix: "x", operations: "snake_case" } } as const);
      for (const file of await emitModel(model, options)) {
        const target = path.join(dir, file.path);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
      for (const file of tsFiles(dir)) expect(codeOnly(file), `${file} (FUZZ_SEED=${seed})`).not.toMatch(/process\.exit|<\/script>/);
      writeFileSync(path.join(dir, "pages.json"), JSON.stringify(pages, null, 2));
    }
    const folders = samples.map((_, i) => path.join(root, `m${i}`));
    // One tsc run for all models; errors name the model folder (its pages.json reproduces it).
    const compiled = compileStrict(...folders);
    keep = compiled.status !== 0;
    expect(compiled, `FUZZ_SEED=${seed}; pages.json in each model folder under ${root}`).toEqual({ status: 0, output: "" });
  });
});

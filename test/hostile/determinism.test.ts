/**
 * Determinism: the same documents give byte-identical models and files whatever order they arrive
 * in, run after run. (A --jobs option, once it exists, belongs here too: jobs 1 vs N.)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withManifest } from "../../src/cli/output.js";
import { emitModel } from "../../src/emitters/emit.js";
import { buildModel } from "../../src/model/merge.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT, runCli } from "../helpers.js";

const FOLDERS = ["test/fixtures/hostile", "docs-input"];
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Every readable document of the fixture folders, as [file, text]. */
function documents(): Array<[string, string]> {
  const docs: Array<[string, string]> = [];
  for (const folder of FOLDERS) {
    for (const name of readdirSync(path.join(ROOT, folder))) {
      try {
        const text = decoder.decode(readFileSync(path.join(ROOT, folder, name)));
        if (text.trim() !== "" && !text.includes("\0")) docs.push([`${folder}/${name}`, text]);
      } catch {
        // not UTF-8: the CLI reports it; not a page here
      }
    }
  }
  return docs;
}

const modelOf = (docs: ReadonlyArray<readonly [string, string]>) => buildModel(docs.map(([file, text]) => parseDocument(file, text)));

describe("determinism", () => {
  const docs = documents();
  const reference = JSON.stringify(modelOf(docs));

  it("the model does not depend on the order pages arrive in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), (shuffled) => {
        expect(JSON.stringify(modelOf(shuffled))).toBe(reference);
      }),
      { numRuns: 10 },
    );
  });

  it("nor do the generated files, byte for byte", async () => {
    const expected = await emitModel(modelOf(docs));
    const [shuffled] = fc.sample(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), { numRuns: 1, seed: 42 });
    expect(await emitModel(modelOf(shuffled ?? []))).toEqual(expected);
    expect(await emitModel(modelOf(docs))).toEqual(expected);
  });

  it("the CLI gives the same check output and model whatever order the inputs are named in", () => {
    const forward = ["test/fixtures/hostile", "docs-input"];
    const backward = [...forward].reverse();
    const a = runCli(["model", "--input", ...forward]);
    const b = runCli(["model", "--input", ...backward]);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("writes the manifest in a fixed order", async () => {
    const files = withManifest(await emitModel(modelOf(docs.slice(0, 3))));
    const manifest = files.find((f) => f.path === ".docgen-manifest.json")?.content ?? "";
    const listed: unknown = JSON.parse(manifest);
    expect(listed).toEqual({ generator: "docgen", files: files.filter((f) => f.path !== ".docgen-manifest.json").map((f) => f.path).sort() });
  });
});

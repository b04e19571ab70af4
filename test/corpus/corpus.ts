/**
 * The whole corpus, generated once per test file: the pages under `../shared/corpus/graph-docs-2021/beta`
 * (or `$DOCGEN_CORPUS`), read in place, through the same pipeline as `docgen gen`, written to
 * `test/.tmp/<name>/`.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadModel } from "../../src/cli/pipeline.js";
import { emitModel } from "../../src/emitters/emit.js";
import type { ApiModel } from "../../src/model/types.js";
import { ROOT } from "../helpers.js";

export const CORPUS = path.resolve(process.env["DOCGEN_CORPUS"] ?? path.join(ROOT, "../shared/corpus/graph-docs-2021/beta"));

export { STRICT_TSC } from "../helpers.js";

export interface CorpusOutput {
  model: ApiModel;
  /** Absolute folder holding one sub-folder per API version. */
  out: string;
  /** The version folders written (`beta`, `v1.0`). */
  folders: string[];
}

export async function generateCorpus(name: string): Promise<CorpusOutput> {
  const inputs = ["api", "resources"].map((dir) => path.join(CORPUS, dir));
  for (const input of inputs) {
    if (!existsSync(input)) throw new Error(`The corpus is missing: ${input} (set DOCGEN_CORPUS to the folder holding api/ and resources/)`);
  }
  // Relative inputs, as a user would type them: source positions in the model stay short and portable.
  const model = await loadModel(inputs.map((input) => path.relative(process.cwd(), input)));
  const files = await emitModel(model);
  const out = path.join(ROOT, "test/.tmp", name);
  rmSync(out, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  const folders = [...new Set(files.map((file) => file.path.split("/")[0] ?? ""))].filter(Boolean).sort();
  return { model, out, folders };
}

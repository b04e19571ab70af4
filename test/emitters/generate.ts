/** Emits an inline model into a fresh folder under test/.tmp and imports a version's index at run time. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { emitModel } from "../../src/emitters/emit.js";
import type { ApiModel } from "../../src/model/types.js";
import { ROOT } from "../helpers.js";

export async function generateInto(model: ApiModel, prefix: string): Promise<string> {
  const base = path.join(ROOT, "test/.tmp");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `${prefix}-`));
  for (const file of await emitModel(model)) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return dir;
}

export async function importGenerated(dir: string, folder: string): Promise<Record<string, unknown>> {
  const loaded: unknown = await import(pathToFileURL(path.join(dir, folder, "index.ts")).href);
  if (typeof loaded !== "object" || loaded === null) throw new Error("generated index did not load");
  return { ...loaded };
}

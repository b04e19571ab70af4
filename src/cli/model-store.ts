/**
 * The model of the last run that merged every page (kind "model"), under the run's summary key
 * (`output-keys.ts`: the settings and every page's structure), with the page key each file had.
 * A later run whose pages differ from those only in descriptions (so: the same summary key) patches
 * this model's descriptions from the changed pages (`model/patch-descriptions.ts`) instead of
 * loading and merging every page. Examples are left out: no emitter reads them (the merge has
 * already turned what they say into `countable` and inferred types).
 */
import type { ApiModel } from "../model/types.js";
import type { Cache } from "./cache.js";

export interface StoredModel {
  /** Page key by displayed file path, for every document the model was merged from. */
  pages: Record<string, string>;
  model: ApiModel;
}

export function writeModel(cache: Cache, key: string, pages: ReadonlyArray<readonly [string, string]>, model: ApiModel): void {
  const stored: StoredModel = { pages: Object.fromEntries(pages), model: { ...model, operations: model.operations.map((op) => ({ ...op, examples: [] })), diagnostics: [] } };
  cache.writeJson("model", key, stored);
}

export function readModel(cache: Cache, key: string): StoredModel | null {
  return cache.readJson("model", key, isStoredModel);
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes.
function isStoredModel(value: unknown): value is StoredModel {
  if (typeof value !== "object" || value === null || !("pages" in value && "model" in value)) return false;
  const { pages, model } = value;
  return typeof pages === "object" && pages !== null && typeof model === "object" && model !== null && "types" in model && "operations" in model && Array.isArray(model.types) && Array.isArray(model.operations);
}

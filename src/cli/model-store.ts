/**
 * The model of each API version as last merged (kind "model"; the merge never mixes versions),
 * under the version's key (`OutputKeys.version`: the settings and the structure of that version's
 * pages), with the page key each of its pages had. A later run whose pages of that version differ
 * from those only in descriptions (so: the same key) loads it and patches the descriptions from
 * the changed pages (`model/patch-descriptions.ts`) instead of loading and merging the version's
 * pages. Examples are left out: no emitter reads them (the merge has already turned what they say
 * into `countable` and inferred types).
 */
import type { ApiModel } from "../model/types.js";
import type { Cache } from "./cache.js";
import type { OutputKeys } from "./output-keys.js";

export interface StoredModel {
  /** Page key by displayed file path, for every page of the versions loaded. */
  pages: Record<string, string>;
  model: ApiModel;
}

/** A page of the run: its file, page key and API version ("" for none). */
export interface StoredPage {
  file: string;
  key: string;
  version: string;
}

/** Writes one entry per version of `pages`. */
export function writeModel(cache: Cache, keys: OutputKeys, pages: readonly StoredPage[], model: ApiModel): void {
  for (const version of new Set(pages.map((page) => page.version))) {
    const of = (item: { apiVersion: string | null }): boolean => (item.apiVersion ?? "") === version;
    const stored: StoredModel = {
      pages: Object.fromEntries(pages.filter((page) => page.version === version).map((page) => [page.file, page.key])),
      model: { types: model.types.filter(of), operations: model.operations.filter(of).map((op) => ({ ...op, examples: [] })), diagnostics: [] },
    };
    cache.writeJson("model", keys.version("model", version), stored);
  }
}

/** The stored model of these versions (in this order), or null when one is missing or damaged. */
export function readModel(cache: Cache, keys: OutputKeys, versions: readonly string[]): StoredModel | null {
  const whole: StoredModel = { pages: {}, model: { types: [], operations: [], diagnostics: [] } };
  for (const version of versions) {
    const stored = cache.readJson("model", keys.version("model", version), isStoredModel);
    if (stored === null) return null;
    Object.assign(whole.pages, stored.pages);
    whole.model.types.push(...stored.model.types);
    whole.model.operations.push(...stored.model.operations);
  }
  return whole;
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes.
function isStoredModel(value: unknown): value is StoredModel {
  if (typeof value !== "object" || value === null || !("pages" in value && "model" in value)) return false;
  const { pages, model } = value;
  return typeof pages === "object" && pages !== null && typeof model === "object" && model !== null && "types" in model && "operations" in model && Array.isArray(model.types) && Array.isArray(model.operations);
}

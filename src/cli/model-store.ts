/**
 * The model of the last run that merged every page (kind "model"), one entry per API version (the
 * merge never mixes versions), under the run's summary key (`output-keys.ts`: the settings and
 * every page's structure), each with the page key its pages had. A later run whose pages differ
 * from those only in descriptions (so: the same summary key) loads the versions it has files to
 * regenerate for and patches their descriptions from the changed pages
 * (`model/patch-descriptions.ts`) instead of loading and merging every page. Examples are left
 * out: no emitter reads them (the merge has already turned what they say into `countable` and
 * inferred types).
 */
import type { ApiModel } from "../model/types.js";
import type { Cache } from "./cache.js";

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

export function modelKey(cache: Cache, summaryKey: string, version: string): string {
  return cache.key("model", summaryKey, version);
}

/** Writes one entry per version of `pages`. */
export function writeModel(cache: Cache, summaryKey: string, pages: readonly StoredPage[], model: ApiModel): void {
  for (const version of new Set(pages.map((page) => page.version))) {
    const of = (item: { apiVersion: string | null }): boolean => (item.apiVersion ?? "") === version;
    const stored: StoredModel = {
      pages: Object.fromEntries(pages.filter((page) => page.version === version).map((page) => [page.file, page.key])),
      model: { types: model.types.filter(of), operations: model.operations.filter(of).map((op) => ({ ...op, examples: [] })), diagnostics: [] },
    };
    cache.writeJson("model", modelKey(cache, summaryKey, version), stored);
  }
}

/** The stored model of these versions (in this order), or null when one is missing or damaged. */
export function readModel(cache: Cache, summaryKey: string, versions: readonly string[]): StoredModel | null {
  const whole: StoredModel = { pages: {}, model: { types: [], operations: [], diagnostics: [] } };
  for (const version of versions) {
    const stored = cache.readJson("model", modelKey(cache, summaryKey, version), isStoredModel);
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

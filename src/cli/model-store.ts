/**
 * The merge of each API version as last done (kind "model"; the merge never mixes versions), one
 * entry per version (`OutputKeys.merge`: the settings and the version, so that the next run finds
 * it whatever changed), with the page key each of its pages had and a digest of its pages'
 * structure then (`OutputKeys.structure`). A later run loads it:
 * - when the structure is the same (pages changed in descriptions only), to patch the descriptions
 *   from the changed pages (`model/patch-descriptions.ts`) instead of merging the version's pages;
 * - otherwise, when few pages changed, to merge again only what they contribute to
 *   (`model/patch-structure.ts`), and store the result.
 * Examples are left out: no emitter reads them (the merge has already turned what they say into
 * `countable` and inferred types), and a patch merges an operation again from its pages.
 */
import type { VersionMerge } from "../model/merge.js";
import type { ApiModel, OperationModel, TypeModel } from "../model/types.js";
import type { Cache } from "./cache.js";
import type { OutputKeys } from "./output-keys.js";

export interface StoredMerge {
  /** `OutputKeys.structure` of the version's pages when merged. */
  structure: string;
  /** Page key by displayed file path, for every page of the version. */
  pages: Record<string, string>;
  /** The merge; its model's diagnostics are left out (they are `diagnostics`, joined). */
  merge: VersionMerge;
}

/** A page of the run: its file and page key. */
export interface StoredPage {
  file: string;
  key: string;
}

/** Writes the merge of one version of the run's pages (all of them). */
export function writeMerge(cache: Cache, keys: OutputKeys, version: string, pages: readonly StoredPage[], merge: VersionMerge): void {
  const stored: StoredMerge = {
    structure: keys.structure(version),
    pages: Object.fromEntries(pages.map((page) => [page.file, page.key])),
    merge: { model: { types: merge.model.types, operations: merge.model.operations.map((op) => ({ ...op, examples: [] })), diagnostics: [] }, diagnostics: merge.diagnostics },
  };
  cache.writeJson("model", keys.merge(version), stored);
}

/** The stored merge of a version, whatever its pages were then; null when there is none (or it is damaged). */
export function readMerge(cache: Cache, keys: OutputKeys, version: string): StoredMerge | null {
  const stored = cache.readJson("model", keys.merge(version), isStoredMerge);
  if (stored === null) return null;
  stored.merge.model.diagnostics = Object.values(stored.merge.diagnostics).flat();
  return stored;
}

/** The stored model of these versions (in this order) when their pages' structure is what it was then; null otherwise. */
export function readModel(cache: Cache, keys: OutputKeys, versions: readonly string[]): { pages: Record<string, string>; model: ApiModel } | null {
  const pages: Record<string, string> = {};
  const types: TypeModel[] = [];
  const operations: OperationModel[] = [];
  for (const version of versions) {
    const stored = readMerge(cache, keys, version);
    if (stored === null || stored.structure !== keys.structure(version)) return null;
    Object.assign(pages, stored.pages);
    types.push(...stored.merge.model.types);
    operations.push(...stored.merge.model.operations);
  }
  return { pages, model: { types, operations, diagnostics: [] } };
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes.
function isStoredMerge(value: unknown): value is StoredMerge {
  if (typeof value !== "object" || value === null || !("structure" in value && "pages" in value && "merge" in value)) return false;
  const { pages, merge } = value;
  if (typeof pages !== "object" || pages === null || typeof merge !== "object" || merge === null || !("model" in merge && "diagnostics" in merge)) return false;
  const { model, diagnostics } = merge;
  return typeof diagnostics === "object" && diagnostics !== null && typeof model === "object" && model !== null && "types" in model && "operations" in model && Array.isArray(model.types) && Array.isArray(model.operations);
}

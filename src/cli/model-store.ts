/**
 * The merge of each API version as last done (kind "model"; the merge never mixes versions), one
 * entry per version (`OutputKeys.merge`: the settings and the version, so that the next run finds
 * it whatever changed), with the page key each of its pages had and a digest of its pages'
 * structure then (`OutputKeys.structure`), in parts (see MERGE_PARTS). A later run loads it:
 * - when the structure is the same (pages changed in descriptions only), to patch the descriptions
 *   from the changed pages (`model/patch-descriptions.ts`) instead of merging the version's pages;
 * - otherwise, when few pages changed, to merge again only what they contribute to
 *   (`model/patch-structure.ts`), and store the result.
 * Examples are left out: no emitter reads them (the merge has already turned what they say into
 * `countable` and inferred types), and a patch merges an operation again from its pages.
 */
import type { VersionMerge } from "../model/merge.js";
import type { ApiModel, Diagnostic, OperationModel, TypeModel } from "../model/types.js";
import { contentDigest, knownDigest } from "../emitters/unit-plan.js";
import { asciiJson, sha256, type Cache } from "./cache.js";
import type { OutputKeys } from "./output-keys.js";

export interface StoredMerge {
  /** `OutputKeys.structure` of the version's pages when merged. */
  structure: string;
  /** Page key by displayed file path, for every page of the version. */
  pages: Record<string, string>;
  /** The merge; its model's diagnostics are left out (they are `diagnostics`, joined). */
  merge: VersionMerge;
  /** The id of each part the merge was read from: `writeMerge` keeps a part whose slice of the merge holds the very objects read. */
  partIds: readonly string[];
}

/**
 * The merge is stored in MERGE_PARTS parts besides its head (the structure, the pages and each
 * part's id), each part a slice of its types, of its operations and of its diagnostics (by what
 * they are about), in order. A patch (model/patch-structure.ts) replaces a few types and
 * operations in place and keeps the others as the very objects it was given, so after it only the
 * parts holding what it replaced are written again: the rest of beta's 13 MB is neither serialised
 * nor written. A part is read only when its id is the one the head names (the head is written
 * last; a run interrupted between the two, or two runs writing at once, leave a merge that is not
 * read, and the version is merged again). 64 parts of beta are about 0.23 MB each: a beta edit
 * that replaces a type and an operation writes two (with 16 parts, twice as much: 34-47 ms against
 * 17-33 ms of its run, measured).
 */
export const MERGE_PARTS = 64;

/** A part's content (its id, in the head, is a digest of it). */
interface MergePart {
  types: TypeModel[];
  operations: OperationModel[];
  diagnostics: Array<[string, Diagnostic[]]>;
}

interface StoredHead {
  structure: string;
  pages: Record<string, string>;
  parts: string[];
}

/** A page of the run: its file and page key. */
export interface StoredPage {
  file: string;
  key: string;
}

/**
 * Writes the merge of one version of the run's pages (all of them). `previous`: the stored merge
 * it was patched from, whose parts are kept where they hold the same objects.
 */
export function writeMerge(cache: Cache, keys: OutputKeys, version: string, pages: readonly StoredPage[], merge: VersionMerge, previous: StoredMerge | null = null): void {
  const partAt = partsOf(merge);
  // The previous merge's slices are the parts it was read from (the same lengths, the same bounds).
  const partBefore = previous !== null ? partsOf(previous.merge) : null;
  const ids: string[] = [];
  for (let index = 0; index < MERGE_PARTS; index++) {
    const part = partAt(index);
    const kept = previous?.partIds[index];
    const before = partBefore?.(index) ?? null;
    if (kept !== undefined && before !== null && sameItems(before.types, part.types) && sameItems(before.operations, part.operations) && sameEntries(before.diagnostics, part.diagnostics)) {
      ids.push(kept);
      continue;
    }
    // With the content digest of each type and operation (emitters/unit-plan.ts): a plan memo checks them all.
    const digests = { types: part.types.map(contentDigest), operations: part.operations.map(contentDigest) };
    const text = asciiJson({ ...part, operations: part.operations.map((op) => ({ ...op, examples: [] })), digests });
    const id = sha256(text);
    cache.write("model", keys.mergePart(version, index), `{"id":${JSON.stringify(id)},"part":${text}}`);
    ids.push(id);
  }
  const head: StoredHead = { structure: keys.structure(version), pages: Object.fromEntries(pages.map((page) => [page.file, page.key])), parts: ids };
  cache.writeJson("model", keys.merge(version), head);
}

/**
 * The stored merge of a version, whatever its pages were then (or only when their structure was
 * `structure`); null when there is none (or it is damaged).
 */
export function readMerge(cache: Cache, keys: OutputKeys, version: string, structure?: string): StoredMerge | null {
  const head = cache.readJson("model", keys.merge(version), isStoredHead);
  if (head === null || (structure !== undefined && head.structure !== structure)) return null;
  const parts: MergePart[] = [];
  for (const [index, id] of head.parts.entries()) {
    const stored = cache.readJson("model", keys.mergePart(version, index), isStoredPart);
    if (stored === null || stored.id !== id) return null;
    const { types, operations, diagnostics, digests } = stored.part;
    types.forEach((type, i) => knownDigest(type, digests.types[i] ?? contentDigest(type)));
    operations.forEach((op, i) => knownDigest(op, digests.operations[i] ?? contentDigest(op)));
    parts.push({ types, operations, diagnostics });
  }
  const diagnostics = Object.fromEntries(parts.flatMap((part) => part.diagnostics));
  const model = {
    types: parts.flatMap((part) => part.types),
    operations: parts.flatMap((part) => part.operations),
    diagnostics: parts.flatMap((part) => part.diagnostics.flatMap(([, list]) => list)),
  };
  return { structure: head.structure, pages: head.pages, merge: { model, diagnostics }, partIds: head.parts };
}

/** The `index`th part of a merge. */
function partsOf(merge: VersionMerge): (index: number) => MergePart {
  const diagnostics = Object.entries(merge.diagnostics);
  return (index) => ({ types: slice(merge.model.types, index), operations: slice(merge.model.operations, index), diagnostics: slice(diagnostics, index) });
}

/** The `index`th of MERGE_PARTS slices of `items` (equal but for the last; the same bounds while the length is the same). */
function slice<T>(items: readonly T[], index: number): T[] {
  const size = Math.ceil(items.length / MERGE_PARTS);
  return items.slice(index * size, (index + 1) * size);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameEntries(a: ReadonlyArray<[string, Diagnostic[]]>, b: ReadonlyArray<[string, Diagnostic[]]>): boolean {
  return a.length === b.length && a.every(([origin, list], i) => origin === b[i]?.[0] && list === b[i]?.[1]);
}

/** The stored model of these versions (in this order) when their pages' structure is what it was then; null otherwise. */
export function readModel(cache: Cache, keys: OutputKeys, versions: readonly string[]): { pages: Record<string, string>; model: ApiModel } | null {
  const pages: Record<string, string> = {};
  const types: TypeModel[] = [];
  const operations: OperationModel[] = [];
  for (const version of versions) {
    const stored = readMerge(cache, keys, version, keys.structure(version));
    if (stored === null) return null;
    Object.assign(pages, stored.pages);
    types.push(...stored.merge.model.types);
    operations.push(...stored.merge.model.operations);
  }
  return { pages, model: { types, operations, diagnostics: [] } };
}

// Written by this docgen build only (the key includes its fingerprint): the checks guard against
// damaged files, not against other shapes.
function isStoredHead(value: unknown): value is StoredHead {
  if (typeof value !== "object" || value === null || !("structure" in value && "pages" in value && "parts" in value)) return false;
  return typeof value.structure === "string" && typeof value.pages === "object" && value.pages !== null && Array.isArray(value.parts) && value.parts.length === MERGE_PARTS && value.parts.every((id) => typeof id === "string");
}

function isStoredPart(value: unknown): value is { id: string; part: MergePart & { digests: { types: string[]; operations: string[] } } } {
  if (typeof value !== "object" || value === null || !("id" in value && "part" in value)) return false;
  const { id, part } = value;
  if (typeof id !== "string" || typeof part !== "object" || part === null || !("types" in part && "operations" in part && "diagnostics" in part && "digests" in part)) return false;
  const { digests } = part;
  const lists = typeof digests === "object" && digests !== null && "types" in digests && "operations" in digests && Array.isArray(digests.types) && Array.isArray(digests.operations);
  return lists && Array.isArray(part.types) && Array.isArray(part.operations) && Array.isArray(part.diagnostics);
}

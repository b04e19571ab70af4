/**
 * What a gen run needs to know about each page without reading it: four hashes of the page, one per
 * part of it that a generated file may read (`PageHashes`), kept in one small cache entry (kind
 * "meta") by page key. From them a run computes the keys of its summary and of every generated file
 * (`output-keys.ts`), so a rerun after an edit knows which files the edit can change before it loads
 * or merges any page.
 *
 * Descriptions are split off because they flow only into descriptions: the merge keeps the first
 * non-empty one of each type, property and operation and reads them nowhere else (merge-types.ts,
 * merge-operations.ts), and of the emitters only interfaces (types' and properties'), enums (enum
 * types') and requests (operations') print them. Everything else of a page — names, types, routes,
 * examples, positions, its diagnostics — is its `structure`.
 */
import type { PageModel } from "../model/page.js";
import { sha256, type Cache } from "./cache.js";
import { journalChecks, loadJournaled, saveJournaled, type Journaled } from "./journal.js";

export interface PageHashes {
  /** The page's API version ("" for none): the merge never mixes versions, so a file of one version reads only that version's pages. */
  version: string;
  /** The page without the descriptions below. */
  structure: string;
  /** The descriptions of its types. */
  typeDocs: string;
  /** The descriptions of its types' properties. */
  propertyDocs: string;
  /** The descriptions of its operations and their function parameters. */
  operationDocs: string;
}

export type PagePart = Exclude<keyof PageHashes, "version">;

/** The page's hashes (see the file header). An example body's `description` key is example data, so structure. */
export function pageHashes(page: PageModel): PageHashes {
  const structure = {
    ...page,
    types: page.types.map((type) => ({ ...type, description: undefined, properties: type.properties.map((p) => ({ ...p, description: undefined })) })),
    operations: page.operations.map((op) => ({
      ...op,
      description: undefined,
      functionParameters: op.functionParameters?.map((p) => ({ ...p, description: undefined })),
    })),
  };
  return {
    version: page.apiVersion ?? "",
    structure: sha256(JSON.stringify(structure)),
    typeDocs: sha256(JSON.stringify(page.types.map((type) => type.description ?? null))),
    propertyDocs: sha256(JSON.stringify(page.types.map((type) => type.properties.map((p) => p.description)))),
    operationDocs: sha256(JSON.stringify(page.operations.map((op) => [op.description ?? null, op.functionParameters?.map((p) => p.description) ?? null]))),
  };
}

/** Every known page's hashes by page key, in one journaled entry (journal.ts); saved (with this run's pages only) when it changed. */
export class PageMeta {
  private readonly next = new Map<string, PageHashes>();

  private constructor(
    private readonly cache: Cache,
    private readonly loaded: Journaled<PageHashes>,
  ) {}

  static load(cache: Cache): PageMeta {
    return new PageMeta(cache, loadJournaled(cache, "meta", cache.key("meta"), CHECKS));
  }

  /** The hashes of a page of this run, when known. */
  get(pageKey: string): PageHashes | null {
    const hashes = this.loaded.records.get(pageKey) ?? null;
    if (hashes !== null) this.next.set(pageKey, hashes);
    return hashes;
  }

  set(pageKey: string, hashes: PageHashes): void {
    this.next.set(pageKey, hashes);
  }

  /** Page keys known from earlier runs that this run did not use (their page entries can go). */
  unused(): string[] {
    return [...this.loaded.records.keys()].filter((key) => !this.next.has(key));
  }

  save(): void {
    saveJournaled(this.cache, "meta", this.cache.key("meta"), this.loaded, this.next);
  }
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes. Field by field: every run checks every page's (7,949 in
// the corpus), and a property descriptor per field made that a third of loading the entry.
function isPageHashes(h: unknown): h is PageHashes {
  if (typeof h !== "object" || h === null) return false;
  if (!("version" in h && "structure" in h && "typeDocs" in h && "propertyDocs" in h && "operationDocs" in h)) return false;
  return typeof h.version === "string" && typeof h.structure === "string" && typeof h.typeDocs === "string" && typeof h.propertyDocs === "string" && typeof h.operationDocs === "string";
}

const CHECKS = journalChecks(isPageHashes);

/**
 * The cache keys of a gen run's result, from the pages' hashes (`page-meta.ts`) alone:
 * - per API version, the key of the version's share of the run's summary (`share`): the settings
 *   and the file and structure of that version's pages. Equal keys mean an equal model of the version
 *   but for descriptions, so equal counts, diagnostics and file list; every version's share is the
 *   run's summary. And what its stored merge records of its pages' structure (`structure`;
 *   the merge itself is under `merge`: the settings and the version). Each version is merged from its own
 *   pages, so after an edit beyond descriptions only the edited page's version is merged again;
 * - one key per generated file: the settings, the file and structure of the pages of its API
 *   version only (each version is merged from its own pages: model/merge.ts), and the descriptions
 *   that file prints (`FILE_PARTS`) of those pages. An edit of a property's description changes the
 *   key of one version's `interfaces.ts` only; any other edit, the keys of that version's files only.
 * The settings include the emit options, the versions and the runtime helpers' text.
 */
import { hash } from "node:crypto";
import { UNVERSIONED_FOLDER } from "../emitters/naming.js";
import { byApiVersion } from "../model/merge.js";
import { runtimeFiles } from "../emitters/runtime.js";
import { sha256, type Cache } from "./cache.js";
import type { PageHashes, PagePart } from "./page-meta.js";

const ALL_PARTS: readonly PagePart[] = ["structure", "typeDocs", "propertyDocs", "operationDocs"];

/**
 * The page parts each generated file reads (by its path within a version folder); any other file
 * reads them all. Runtime helpers read none (they are copied), so their key is the settings'.
 */
const FILE_PARTS: Readonly<Record<string, readonly PagePart[]>> = {
  "enums.ts": ["structure", "typeDocs"],
  "interfaces.ts": ["structure", "typeDocs", "propertyDocs"],
  "validators.ts": ["structure"],
  "requests.ts": ["structure", "operationDocs"],
  "index.ts": ["structure"],
  "dates.ts": ["structure"],
};

export function partsOf(path: string): readonly PagePart[] {
  const name = path.slice(path.indexOf("/") + 1);
  if (name.startsWith("runtime/")) return [];
  return FILE_PARTS[name] ?? ALL_PARTS;
}

export interface PageOfRun {
  file: string;
  hashes: PageHashes;
}

export class OutputKeys {
  /** Per API version ("" for none) and page part, a digest of those pages' hashes. */
  private readonly digests = new Map<string, string>();
  private pageVersions: readonly string[] | undefined;
  private pagesByVersion: ReadonlyMap<string, readonly PageOfRun[]> | undefined;

  constructor(
    private readonly cache: Cache,
    private readonly settings: string,
    private readonly pages: readonly PageOfRun[],
  ) {}

  /** The key of one API version's share of the run's summary (kind "run"): the settings and that version's pages' structure. */
  share(version: string): string {
    return this.cache.key("run", this.settings, "version", version, this.structure(version));
  }

  /** A digest of one API version's pages' files and structure (what a stored merge records of them). */
  structure(version: string): string {
    return this.digest(version, "structure");
  }

  /** The key of a version's stored merge (kind "model"; `model-store.ts`): the settings and the version only, so that a run after any edit finds it. */
  merge(version: string): string {
    return this.cache.key("model", this.settings, "merge", version);
  }

  /** The key of the `index`th part of a version's stored merge (kind "model"; `model-store.ts` MERGE_PARTS). */
  mergePart(version: string, index: number): string {
    return this.cache.key("model", this.settings, "merge", version, "part", String(index));
  }

  /** The key of a generated file's plan memo (kind "plan"; emitters/unit-plan.ts): the settings and the file, so that the next run finds it whatever changed. */
  plan(path: string): string {
    return this.cache.key("plan", this.settings, path);
  }

  /** The key of a generated file's entry (kind "output"). */
  file(path: string): string {
    const version = versionOfPath(path);
    const parts = partsOf(path).filter((part) => part !== "structure");
    return this.cache.key("output", this.settings, this.digest(version, "structure"), path, ...parts.map((part) => `${part}\0${this.digest(version, part)}`));
  }

  /**
   * The key of the entry of the text a generated file was last written with (kind "output"; a hard
   * link to its joined entry): the settings and the path only, so that the run after any edit finds it.
   */
  latest(path: string): string {
    return this.cache.key("output", this.settings, "latest", path);
  }

  private digest(version: string, part: PagePart): string {
    const key = `${version}\0${part}`;
    let digest = this.digests.get(key);
    if (digest === undefined) {
      // sha256 of each page's file and hash (cache.ts sha256's encoding), the text made in one pass:
      // 12 digests of up to 7,949 pages a run, 25 ms as arrays of parts joined, 17 ms so, most of it
      // the hashing (CPU profiles).
      let text = "";
      for (const page of this.byVersion().get(version) ?? []) text += `${page.file}\0${page.hashes[part]}\0`;
      this.digests.set(key, (digest = hash("sha256", text, "hex")));
    }
    return digest;
  }

  /** The run's pages by API version ("" for none), in the run's order. */
  private byVersion(): ReadonlyMap<string, readonly PageOfRun[]> {
    return (this.pagesByVersion ??= byApiVersion(this.pages, (page) => page.hashes.version));
  }

  /** The API versions ("" for none) of the run's pages. */
  versions(): readonly string[] {
    return (this.pageVersions ??= [...this.byVersion().keys()]);
  }
}

/**
 * The key naming a generated file's text by the format entries it was joined from (kind "output"):
 * their keys name the rendered chunks' texts, so the same list is the same text. An output entry is
 * a hard link to the entry of this key (`Cache.writeShared`). Null without formats (nothing names the text).
 */
export function joinedKey(cache: Cache, formats: readonly string[]): string | null {
  return formats.length > 0 ? cache.key("output", "joined", ...formats) : null;
}

/** The API version ("" for none) of a generated file, from its version folder (`versionFolder`). */
export function versionOfPath(path: string): string {
  const folder = path.slice(0, path.indexOf("/"));
  return folder === UNVERSIONED_FOLDER ? "" : folder;
}

/** The version folder of an API version ("" for none, as page hashes write it): the inverse of versionOfPath (naming.ts versionFolder for a version read as text). */
export function folderOfVersion(version: string): string {
  return version === "" ? UNVERSIONED_FOLDER : version;
}

/** What shapes the output besides the pages: emit options, versions, and the runtime helpers copied into it. */
export function runSettings(emit: unknown, versions: readonly string[] | undefined): string {
  return JSON.stringify({ emit, versions: versions ?? null, runtime: sha256(...runtimeFiles().flatMap((f) => [f.path, f.content])) });
}

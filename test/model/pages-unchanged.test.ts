/**
 * Parsed pages are plain JSON data, and are never changed by what reads them: merging, planning the
 * generated files, hashing for the cache and patching descriptions. The background process keeps
 * the pages a run wrote to the page store as its decoded entry (page-store.ts) and `gen --watch`
 * keeps parsed pages between merges, so a change made by one run would leak into the next. Checked with deeply frozen pages (a write to a frozen object throws in
 * strict-mode code, which ES modules are) of the seeds and of a family of corpus pages that merge
 * into the same types and operations many times over (permissions, headers, parameters).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { pageHashes } from "../../src/cli/page-meta.js";
import { emitModel } from "../../src/emitters/emit.js";
import { buildModel } from "../../src/model/merge.js";
import type { PageModel } from "../../src/model/page.js";
import { patchDescriptions, touchedBy } from "../../src/model/patch-descriptions.js";
import type { ApiModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT, seedPages } from "../helpers.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

function corpusFamily(): PageModel[] {
  const corpus = path.join(ROOT, "../shared/corpus/graph-docs-2021/beta");
  const files = ["api", "resources"].flatMap((folder) =>
    readdirSync(path.join(corpus, folder))
      .filter((name) => /^(group|team|channel|user)/.test(name))
      .map((name) => `${folder}/${name}`),
  );
  return files.sort().map((file) => parseDocument(file, readFileSync(path.join(corpus, file), "utf8")));
}

/** Two pages of one operation; the second lists a permission kind the first lacks, in two rows. */
function permissionPages(): PageModel[] {
  const page = (title: string, rows: string[]) =>
    [`# ${title}`, "", "Changes a widget.", "", "## Permissions", "", "|Permission type|Permissions (from least to most privileged)|", "|:---|:---|", ...rows, "", "## HTTP request", "", "```http", "PATCH /widgets/{id}", "```", ""].join("\n");
  return [
    parseDocument("a/update-widget.md", page("Update widget", ["|Delegated (work or school account)|Widget.ReadWrite|"])),
    parseDocument("b/update-widget-too.md", page("Update widget", ["|Application|Widget.Read.All|", "|Application|Widget.ReadWrite.All|"])),
  ];
}

describe("parsed pages stay as parsed", () => {
  const cases: Array<[string, () => PageModel[]]> = [
    ["the seeds", seedPages],
    ["two pages of one operation whose permissions merge", permissionPages],
    ["corpus pages of groups, teams, channels and users", corpusFamily],
  ];
  for (const [label, load] of cases) {
    it(`${label}: merged, planned, hashed and patched without a change`, async () => {
      const pages = load().map((page) => deepFreeze(structuredClone(page)));
      expect(pages.length).toBeGreaterThan(0);
      const before = JSON.stringify(pages);
      const model = buildModel(pages);
      expect(model.types.length + model.operations.length).toBeGreaterThan(0);
      const files = await emitModel(model, { render: async (chunks) => chunks.map(() => ""), format: async (source) => source });
      expect(files.length).toBeGreaterThan(0);
      for (const page of pages) pageHashes(page);
      // The stored model a patch changes is decoded from its cache entry: a copy, as here.
      const stored: ApiModel = JSON.parse(JSON.stringify(model));
      const changed = new Set(pages.filter((_, i) => i % 3 === 0).map((page) => page.file));
      const touched = touchedBy(stored, changed);
      expect(patchDescriptions(stored, touched, pages.filter((page) => touched.files.has(page.file)))).not.toBeNull();
      expect(JSON.stringify(pages)).toBe(before);
    });

    it(`${label}: plain JSON data, given back exactly by a JSON round trip (no undefined members)`, () => {
      for (const page of load()) expect(isDeepStrictEqual(JSON.parse(JSON.stringify(page)), page), page.file).toBe(true);
    });
  }
});

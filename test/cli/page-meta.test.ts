/** Page hashes (page-meta.ts): each description part changes only its own hash; everything else is structure. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PageModel } from "../../src/model/page.js";
import { Cache } from "../../src/cli/cache.js";
import { PageMeta, pageHashes, type PageHashes } from "../../src/cli/page-meta.js";

const at = { file: "a.md", line: 3, column: 1 };

const PAGE: PageModel = {
  file: "a.md",
  format: "markdown",
  title: "widget resource type",
  kind: "resource",
  apiVersion: "beta",
  types: [{ name: "widget", description: "A widget.", role: "resource", source: at, properties: [{ name: "size", type: "Int32", collection: false, description: "The size.", source: at }] }],
  operations: [
    {
      title: "Get widget",
      description: "Gets one.",
      method: "GET",
      paths: ["/widgets/{id}"],
      pathParams: [{ name: "id", type: "String" }],
      requestHeaders: [],
      responseCollection: false,
      successStatus: 200,
      functionParameters: [{ name: "mode", type: "String", collection: false, description: "The mode.", source: at }],
      examples: [{ response: { status: 200, statusText: "OK", headers: {}, body: { description: "example data" }, truncated: false, source: at } }],
      source: at,
    },
  ],
  typeRefs: [],
  diagnostics: [],
};

/** The names of the hashes that differ. */
function changed(a: PageHashes, b: PageHashes): string[] {
  return (Object.keys(a) as Array<keyof PageHashes>).filter((key) => a[key] !== b[key]);
}

describe("pageHashes", () => {
  const base = pageHashes(PAGE);
  const edited = (edit: (page: PageModel) => void): string[] => {
    const copy = structuredClone(PAGE);
    edit(copy);
    return changed(base, pageHashes(copy));
  };

  it("puts each kind of description in its own part", () => {
    expect(edited((p) => { if (p.types[0]) p.types[0].description = "Other."; })).toEqual(["typeDocs"]);
    expect(edited((p) => { const prop = p.types[0]?.properties[0]; if (prop) prop.description = "Other."; })).toEqual(["propertyDocs"]);
    expect(edited((p) => { if (p.operations[0]) p.operations[0].description = "Other."; })).toEqual(["operationDocs"]);
    expect(edited((p) => { const param = p.operations[0]?.functionParameters?.[0]; if (param) param.description = "Other."; })).toEqual(["operationDocs"]);
  });

  it("counts everything else as structure, a `description` key in an example body included", () => {
    expect(edited((p) => { const prop = p.types[0]?.properties[0]; if (prop) prop.type = "Int64"; })).toEqual(["structure"]);
    expect(edited((p) => { if (p.operations[0]) p.operations[0].title = "Get a widget"; })).toEqual(["structure"]);
    expect(edited((p) => { const response = p.operations[0]?.examples[0]?.response; if (response) response.body = { description: "other" }; })).toEqual(["structure"]);
    expect(edited((p) => { p.diagnostics.push({ ...at, severity: "info", code: "x", message: "y" }); })).toEqual(["structure"]);
    expect(edited((p) => { p.apiVersion = "v1.0"; })).toEqual(["version", "structure"]);
  });
});

describe("PageMeta", () => {
  it("loads the hashes as saved, and none from an entry holding a record of another shape", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "docgen-meta-"));
    try {
      const cache = new Cache(folder, "test");
      const hashes = pageHashes(PAGE);
      const meta = PageMeta.load(cache);
      meta.set("page-a", hashes);
      meta.save();
      expect(PageMeta.load(cache).get("page-a")).toEqual(hashes);
      for (const bad of [{ ...hashes, structure: 1 }, { version: "beta", structure: "s", typeDocs: "t", propertyDocs: "p" }, null, "hashes"]) {
        cache.writeJson("meta", cache.key("meta"), { generation: "g", records: { "page-a": hashes, "page-b": bad } });
        expect(PageMeta.load(cache).get("page-a"), JSON.stringify(bad)).toBeNull();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

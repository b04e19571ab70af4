/**
 * `example-type-mismatch`: example bodies against the types documented on other pages (nested
 * objects, inherited properties, derived types by `@odata.type`, enums, flags enums, collections),
 * one diagnostic per example, property and reason; and a patch checks again exactly the examples
 * a changed type reaches.
 */
import { describe, expect, it } from "vitest";
import { typesReaching } from "../../src/model/example-check.js";
import { buildModel, mergeVersion } from "../../src/model/merge.js";
import type { PageModel } from "../../src/model/page.js";
import { patchStructure } from "../../src/model/patch-structure.js";
import type { TypeModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const table = (...rows: string[]) => ["## Properties", "|Property|Type|Description|", "|:--|:--|:--|", ...rows];
const PAGES: Record<string, string[]> = {
  "beta/resources/status.md": ["# statusKind enum type", "## Members", "|Member|Value|Description|", "|:--|:--|:--|", "|active|0||", "|inactive|1||"],
  "beta/resources/arch.md": ["# arch enum type", "## Members", "|Member|Value|Description|", "|:--|:--|:--|", "|none|0||", "|x86|1||", "|x64|2||", "|arm|4||"],
  "beta/resources/thing.md": [
    "# thing resource type",
    ...table(
      "|id|String||",
      "|count|Int32||",
      "|when|DateTimeOffset||",
      "|kind|[statusKind](status.md)||",
      "|arch|[arch](arch.md)||",
      "|tags|String collection||",
      "|child|[part](part.md)||",
      "|label|String|Possible values are: `red`, `green`.|",
    ),
  ],
  "beta/resources/part.md": ["# part resource type", ...table("|size|Int32||")],
  "beta/resources/special.md": ["# specialThing resource type", "", "Inherits from [thing](thing.md).", "", ...table("|glow|Boolean||")],
};
const response = (body: string) => ["## Response", "If successful, this method returns a `200 OK` response code and a [thing](thing.md) object in the response body.", "## Example", "### Request", "```http", "GET /things/1", "```", "### Response", "```http", "HTTP/1.1 200 OK", "Content-type: application/json", "", body, "```"];
const getPage = (body: string) => ["# Get thing", "## HTTP request", "```http", "GET /things/{id}", "```", ...response(body)];

function model(extra: Record<string, string[]>) {
  const pages = Object.entries({ ...PAGES, ...extra }).map(([file, lines]) => parseDocument(file, lines.join("\n")));
  return buildModel(pages);
}
const mismatches = (extra: Record<string, string[]>) => model(extra).diagnostics.filter((d) => d.code === "example-type-mismatch");

describe("example bodies against the documented types", () => {
  it("reports each contradicting value with its pointer, the property and where it is documented", () => {
    const found = mismatches({
      "beta/api/get.md": getPage(
        JSON.stringify({ id: "t", count: "5", when: "yesterday", kind: "Active", arch: "x86,x64", tags: "a", child: { size: "big" }, label: "blue", unknown: 1, tagsNull: null, count2: null }),
      ),
    });
    expect(found.map((d) => [d.file, d.line, d.severity])).toEqual(Array(6).fill(["beta/api/get.md", 15, "warning"]));
    // Sorted as diagnostics are (same position: by message); rows are lines 5 (id) to 12 (label) of thing.md.
    expect(found.map((d) => d.message)).toEqual([
      'The example response of getThing sets /child/size to "big", which does not fit part.size (beta/resources/part.md:5): expected an integer (Int32). Correct the example, or the table.',
      'The example response of getThing sets /count to "5", which does not fit thing.count (beta/resources/thing.md:6): expected an integer (Int32). Correct the example, or the table.',
      'The example response of getThing sets /kind to "Active", which does not fit statusKind (beta/resources/status.md:1): expected one of active, inactive (the docs spell it "active"). Correct the example, or the table.',
      'The example response of getThing sets /label to "blue", which does not fit thing.label (beta/resources/thing.md:12): expected one of red, green. Correct the example, or the table.',
      'The example response of getThing sets /tags to "a", which does not fit thing.tags (beta/resources/thing.md:10): expected a collection (an array). Correct the example, or the table.',
      'The example response of getThing sets /when to "yesterday", which does not fit thing.when (beta/resources/thing.md:7): expected an ISO 8601 date-time such as 2017-01-01T00:00:00Z (DateTimeOffset). Correct the example, or the table.',
    ]);
  });

  it("a valid body, nulls and a flags enum's joined members are no problem", () => {
    expect(mismatches({ "beta/api/get.md": getPage(JSON.stringify({ count: 5, kind: "active", arch: "x86,arm", tags: ["a"], child: null, label: null })) })).toEqual([]);
  });

  it("walks the derived type an object names, inherited properties included; another type named there is not taken", () => {
    const derived = mismatches({ "beta/api/get.md": getPage(JSON.stringify({ "@odata.type": "#microsoft.graph.specialThing", glow: "yes", count: "5" })) });
    expect(derived.map((d) => d.message.split(" (")[0])).toEqual([
      'The example response of getThing sets /count to "5", which does not fit thing.count',
      'The example response of getThing sets /glow to "yes", which does not fit specialThing.glow',
    ]);
    const unrelated = mismatches({ "beta/api/get.md": getPage(JSON.stringify({ "@odata.type": "#microsoft.graph.part", size: "big" })) });
    expect(unrelated).toEqual([]);
  });

  it("items of a collection with the same problem are one diagnostic", () => {
    const list = [
      "# List things",
      "## HTTP request",
      "```http",
      "GET /things",
      "```",
      "## Response",
      "If successful, this method returns a `200 OK` response code and a collection of [thing](thing.md) objects in the response body.",
      "## Example",
      "### Request",
      "```http",
      "GET /things",
      "```",
      "### Response",
      "```http",
      "HTTP/1.1 200 OK",
      "",
      JSON.stringify({ value: [{ kind: "Active" }, { kind: "Inactive" }, { kind: "gone" }, { count: 1.5 }] }),
      "```",
    ];
    expect(mismatches({ "beta/api/list.md": list }).map((d) => d.message.replace(/, which.*?: /, " | "))).toEqual([
      'The example response of listThings sets /value/0/kind to "Active" (and 2 more like it) | expected one of active, inactive (the docs spell it "active"). Correct the example, or the table.',
      "The example response of listThings sets /value/3/count to 1.5 | expected an integer (Int32). Correct the example, or the table.",
    ]);
  });

  it("leaves the top level of a body to the page's own table check, not what lies below it", () => {
    const update = [
      "# Update thing",
      "## HTTP request",
      "```http",
      "PATCH /things/{id}",
      "```",
      "## Request body",
      "Supply a JSON representation of a [thing](thing.md) object.",
      "|Property|Type|Description|",
      "|:--|:--|:--|",
      "|count|Int32||",
      "|child|[part](part.md)||",
      "## Example",
      "### Request",
      "```http",
      "PATCH /things/1",
      "Content-type: application/json",
      "",
      JSON.stringify({ count: "5", child: { size: "big" } }),
      "```",
    ];
    const all = model({ "beta/api/update.md": update }).diagnostics;
    expect(all.filter((d) => d.code === "example-type-mismatch").map((d) => d.message.slice(0, 76))).toEqual(['The example request of updateThing sets /child/size to "big", which does not']);
    expect(all.filter((d) => d.code === "example-value-mismatch").map((d) => d.message.slice(0, 24))).toEqual(['"count" is "5" in the ex']);
  });
});

describe("after a page changes", () => {
  const types = (...specs: Array<[name: string, base?: string, ...propertyTypes: string[]]>): TypeModel[] =>
    specs.map(([name, base, ...propertyTypes]) => ({
      name,
      kind: "complex",
      apiVersion: "beta",
      ...(base ? { baseType: base } : {}),
      properties: propertyTypes.map((type, i) => ({ name: `p${i}`, type, collection: false, description: "", source: { file: "f.md", line: 1, column: 1 } })),
      sources: [],
    }));

  it("a changed type reaches its users, its derived types and its bases, not its bases' other derived types", () => {
    const all = types(["entity"], ["thing", "entity", "part"], ["special", "thing"], ["part", "entity"], ["holder", undefined, "thing"], ["sibling", "entity"], ["other", undefined, "sibling"]);
    const reached = (...changed: string[]) => [...typesReaching(all, changed.map((n) => `beta|${n}`))].map((k) => k.slice(5)).sort();
    // part: thing holds one (and so special, which inherits it, and holder); part's base entity may be one.
    expect(reached("part")).toEqual(["entity", "holder", "part", "special", "thing"]);
    // special: thing and entity may be one, holder holds a thing; sibling and other are not reached.
    expect(reached("special")).toEqual(["entity", "holder", "special", "thing"]);
  });

  it("a patch gives the example checks merging every page gives", () => {
    const files: Record<string, string[]> = { ...PAGES, "beta/api/get.md": getPage(JSON.stringify({ label: "blue", child: { size: 3 } })) };
    const pages = new Map<string, PageModel>(Object.entries(files).map(([file, lines]) => [file, parseDocument(file, lines.join("\n"))]));
    const stored = mergeVersion([...pages.values()]);
    // The thing page lists `blue` too, the part page retypes `size`: the example on another page is checked again.
    const thing = PAGES["beta/resources/thing.md"] ?? [];
    const edits: Record<string, string[]> = {
      "beta/resources/thing.md": thing.map((line) => line.replace("`red`, `green`.", "`red`, `green`, `blue`.")),
      "beta/resources/part.md": ["# part resource type", ...table("|size|String||")],
    };
    for (const [file, lines] of Object.entries(edits)) {
      const after = parseDocument(file, lines.join("\n"));
      const before = pages.get(file);
      if (!before) throw new Error(file);
      const next = new Map(pages).set(file, after);
      const patched = patchStructure(stored, [{ before, after }], (f) => next.get(f) ?? null);
      const merged = mergeVersion([...next.values()]);
      const checks = (diagnostics: Record<string, unknown[]>) => Object.entries(diagnostics).filter(([about]) => about.startsWith("examples\0"));
      expect(patched, file).not.toBeNull();
      expect(checks(patched?.diagnostics ?? {}), file).toEqual(checks(merged.diagnostics));
      expect(checks(merged.diagnostics)).not.toEqual(checks(stored.diagnostics));
    }
  });
});

/**
 * Patching a version's merge after pages changed in their structure gives exactly what merging
 * every page gives (model and diagnostics, by what they are about), or null (the caller merges
 * every page): first on small pages for each rule, then on a thousand corpus pages, each changed
 * in the ways an edit changes a page (a property added, removed, retyped or flagged, rows moving
 * the lines below them, an example's body edited), one page at a time and in a chain of patches.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mergeVersion, type VersionMerge } from "../../src/model/merge.js";
import type { PageModel } from "../../src/model/page.js";
import { links, patchStructure, type PageChange } from "../../src/model/patch-structure.js";
import { isPrimitive } from "../../src/model/primitives.js";
import type { Diagnostic, SourcePosition } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { hasFiles, ROOT } from "../helpers.js";

const RESOURCE = [
  "# widget resource type", "", "A widget.", "", "## Properties", "", "|Property|Type|Description|", "|---|---|---|",
  "|id|String|The id.|", "|size|Int32|The size.|", "|shape|[shape](shape.md)|The shape.|", "",
].join("\n");
const UPDATE = [
  "# Update widget", "", "Changes a widget.", "", "## HTTP request", "", "```http", "PATCH /widgets/{id}", "```", "",
  "## Request body", "", "In the request body, supply a JSON representation of a [widget](widget.md) object.", "",
  "|Property|Type|Description|", "|---|---|---|", "|size|Int32|The new size.|", "|color|String|The color.|", "",
].join("\n");
const SPECIAL = [
  "# specialWidget resource type", "", "A widget of a special kind. Inherits from [widget](widget.md).", "", "## Properties", "", "|Property|Type|Description|", "|---|---|---|",
  "|glow|Boolean|Whether it glows.|", "",
].join("\n");
const SHAPE = ["# shape resource type", "", "A shape.", "", "## Properties", "", "|Property|Type|Description|", "|---|---|---|", "|sides|Int32|Sides.|", ""].join("\n");

/** Diagnostics by what they are about, each list sorted: what a patch must reproduce. */
function normalised(merge: VersionMerge): unknown {
  const sort = (list: readonly Diagnostic[]): string[] => list.map((d) => JSON.stringify(d)).sort();
  return {
    types: merge.model.types,
    operations: merge.model.operations,
    diagnostics: Object.fromEntries(Object.entries(merge.diagnostics).map(([about, list]) => [about, sort(list)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    all: sort(merge.model.diagnostics),
  };
}

/** `stored` patched for the pages `after` (by file; the others as in `pages`), or null. */
function patch(stored: VersionMerge, pages: ReadonlyMap<string, PageModel>, after: readonly PageModel[]): VersionMerge | null {
  const changes: PageChange[] = after.map((page) => ({ before: pages.get(page.file) ?? page, after: page }));
  return patchStructure(stored, changes, (file) => pages.get(file) ?? null);
}

/** The pages with `after` in place of theirs. */
function replaced(pages: ReadonlyMap<string, PageModel>, after: readonly PageModel[]): Map<string, PageModel> {
  const next = new Map(pages);
  for (const page of after) next.set(page.file, page);
  return next;
}

/** A copy of the page with every position at or below `line` moved down by `by` lines (rows inserted above them). */
function shifted(page: PageModel, line: number, by: number): PageModel {
  const move = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(move);
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value).map(([key, inner]) => [key, move(inner)] as const);
    const copy: Record<string, unknown> = Object.fromEntries(entries);
    if (isPosition(copy) && copy.line >= line) copy.line += by;
    return copy;
  };
  const moved = move(page);
  if (!isPage(moved)) throw new Error("not a page");
  return moved;
}

function isPosition(value: Record<string, unknown>): value is Record<string, unknown> & SourcePosition {
  return typeof value["file"] === "string" && typeof value["line"] === "number" && typeof value["column"] === "number";
}

function isPage(value: unknown): value is PageModel {
  return typeof value === "object" && value !== null && "types" in value && "operations" in value && "typeRefs" in value;
}

describe("patchStructure on small pages", () => {
  const pages = new Map([
    ["api/widget-update.md", parseDocument("api/widget-update.md", UPDATE)],
    ["resources/shape.md", parseDocument("resources/shape.md", SHAPE)],
    ["resources/specialwidget.md", parseDocument("resources/specialwidget.md", SPECIAL)],
    ["resources/widget.md", parseDocument("resources/widget.md", RESOURCE)],
  ]);
  const stored = mergeVersion([...pages.values()]);
  const edited = (file: string, text: string): PageModel => parseDocument(file, text);

  it("has the pages merge as the cases below need", () => {
    expect(stored.model.types.find((type) => type.name === "specialWidget")).toMatchObject({ baseType: "widget", kind: "entity" });
  });

  it("merges a property added to a resource table, or to a request-body table, as merging every page does", () => {
    for (const after of [
      edited("resources/widget.md", RESOURCE.replace("|size|Int32|The size.|", "|size|Int32|The size.|\n|weight|Double|The weight.|")),
      edited("api/widget-update.md", UPDATE.replace("|color|String|The color.|", "|color|String|The color.|\n|weight|Double|The weight.|")),
      edited("api/widget-update.md", UPDATE.replace("|size|Int32|The new size.|\n", "")),
      // A property the resource page types otherwise: a conflict, reported on the update page.
      edited("api/widget-update.md", UPDATE.replace("|color|String|", "|color|Int32|").replace("|size|Int32|", "|size|String|").replace("|size|String|", "|size|Boolean|")),
      // An entity through its base type, which is not merged again.
      edited("resources/specialwidget.md", SPECIAL.replace("|glow|Boolean|Whether it glows.|", "|glow|Boolean|Whether it glows.|\n|hue|Int32|Its hue.|")),
    ]) {
      const result = patch(stored, pages, [after]);
      expect(result, after.file).not.toBeNull();
      expect(normalised(result ?? stored)).toEqual(normalised(mergeVersion([...replaced(pages, [after]).values()])));
    }
  });

  it("patches the pages of operations a page documents among others, as merging every page does", () => {
    const get = (file: string, title: string, routes: string[], example: string) =>
      parseDocument(file, [`# ${title}`, "", "## HTTP request", "", "```http", ...routes, "```", "", "## Example", "", "### Request", "", "```http", example, "```", "", "### Response", "", "```http", "HTTP/1.1 200 OK", "", '{"id": "1"}', "```", ""].join("\n"));
    const family = new Map([
      ["beta/event-get.md", get("beta/event-get.md", "Get event", ["GET /me/events/{id}", "GET /users/{id}/events/{id}"], "GET https://graph.microsoft.com/beta/me/events/1")],
      ["beta/message-get.md", get("beta/message-get.md", "Get message", ["GET /me/messages/{id}", "GET /users/{id}/messages/{id}"], "GET https://graph.microsoft.com/beta/me/messages/1")],
      ["beta/property-get.md", get("beta/property-get.md", "Get property", ["GET /me/messages/{id}?$expand=x", "GET /me/events/{id}?$expand=x", "GET /me/contacts/{id}?$expand=x"], "GET https://graph.microsoft.com/beta/me/events/2?$expand=x")],
    ]);
    const before = mergeVersion([...family.values()]);
    expect(before.model.operations.map((op) => [op.id, op.sources.length])).toEqual([["getEvent", 2], ["getMessage", 2], ["getProperty", 1]]);
    for (const page of family.values()) {
      const after = structuredClone(page);
      const response = after.operations[0]?.examples[0]?.response;
      if (response) response.body = { id: "2", patchTest: true };
      const result = patch(before, family, [after]);
      expect(result, page.file).not.toBeNull();
      expect(normalised(result ?? before)).toEqual(normalised(mergeVersion([...replaced(family, [after]).values()])));
    }
  });

  it("refuses what reaches beyond the types and operations merged again", () => {
    const refused = [
      // A property typed with another type, an id, a new type name, a route, a title.
      edited("resources/widget.md", RESOURCE.replace("|size|Int32|", "|size|[shape](shape.md)|")),
      edited("resources/widget.md", RESOURCE.replace("|id|String|The id.|\n", "")),
      edited("resources/widget.md", RESOURCE.replace("# widget resource type", "# gadget resource type")),
      edited("api/widget-update.md", UPDATE.replace("PATCH /widgets/{id}", "PATCH /gadgets/{id}")),
      edited("api/widget-update.md", UPDATE.replace("# Update widget", "# Change widget")),
    ];
    for (const after of refused) {
      expect(links(after), after.file).not.toBe(links(pages.get(after.file) ?? after));
      expect(patch(stored, pages, [after])).toBeNull();
    }
  });
});

const CORPUS = path.resolve(ROOT, "../shared/corpus/graph-docs-2021/beta");
// Families of pages that restate each other's types and routes (the merge's hard cases: request
// bodies, derived types, operations documented twice, id clashes), about a thousand pages.
// With them, the pages documenting several of their operations at once (extended properties, open
// extensions, directory objects' member checks, calendars' events).
const FAMILIES = /^(accesspackage|user|group|team|channel|chat|event|message|application|serviceprincipal|intune-apps|intune-enrollment|singlevaluelegacyextendedproperty|multivaluelegacyextendedproperty|opentypeextension|directoryobject|calendar)/;

describe.skipIf(!hasFiles(CORPUS))("patchStructure on corpus pages", () => {
  const byVersion = new Map<string, Map<string, PageModel>>();
  beforeAll(() => {
    for (const folder of ["api", "resources"]) {
      for (const name of readdirSync(path.join(CORPUS, folder)).filter((n) => FAMILIES.test(n)).sort()) {
        const page = parseDocument(`${folder}/${name}`, readFileSync(path.join(CORPUS, folder, name), "utf8"));
        const version = page.apiVersion ?? "";
        const pages = byVersion.get(version) ?? new Map<string, PageModel>();
        pages.set(page.file, page);
        byVersion.set(version, pages);
      }
    }
  }, 120_000);

  /** Each kind of edit, as the page model shows it; null when it does not apply to the page. */
  const EDITS: ReadonlyArray<readonly [string, (page: PageModel) => PageModel | null]> = [
    ["a row added to a table", (page) => {
      const type = page.types[0];
      if (!type) return null;
      const last = type.properties.at(-1)?.source ?? type.source;
      const copy = shifted(page, last.line + 1, 1);
      copy.types[0]?.properties.push({ name: "patchTestAdded", type: "String", collection: false, description: "Added.", source: { ...last, line: last.line + 1 } });
      return copy;
    }],
    ["a row removed", (page) => {
      const type = page.types.find((t) => t.properties.some((p) => isPrimitive(p.type) && p.name !== "id"));
      if (!type) return null;
      const copy = structuredClone(page);
      const target = copy.types[page.types.indexOf(type)];
      const index = type.properties.findIndex((p) => isPrimitive(p.type) && p.name !== "id");
      target?.properties.splice(index, 1);
      return shifted(copy, (type.properties[index]?.source.line ?? 0) + 1, -1);
    }],
    ["a property retyped and flagged", (page) => {
      const copy = structuredClone(page);
      const property = copy.types.flatMap((t) => t.properties).find((p) => isPrimitive(p.type) && p.name !== "id");
      if (!property) return null;
      property.type = property.type === "String" ? "Int32" : "String";
      property.collection = !property.collection;
      property.readOnly = !property.readOnly;
      property.nullable = false;
      return copy;
    }],
    ["lines inserted at the top", (page) => shifted(page, 2, 3)],
    ["an example's body edited", (page) => {
      const copy = structuredClone(page);
      const example = copy.operations.flatMap((op) => op.examples).find((e) => e.response !== undefined);
      if (!example?.response) return null;
      example.response.body = { patchTest: [1, 2, 3] };
      return copy;
    }],
    ["a diagnostic more", (page) => {
      const copy = structuredClone(page);
      copy.diagnostics.push({ code: "table-row-extra-cells", severity: "warning", message: "Patch test.", file: page.file, line: 1, column: 1 });
      return copy;
    }],
  ];

  it("gives what merging every page gives, for each kind of edit of each page, or refuses", () => {
    const byKind = new Map<string, { tried: number; patched: number }>();
    for (const pages of byVersion.values()) {
      const stored = mergeVersion([...pages.values()]);
      // Every 4th page: the full merges compared with take most of the time.
      for (const page of [...pages.values()].filter((_, i) => i % 4 === 0)) {
        for (const [label, edit] of EDITS) {
          const after = edit(page);
          if (after === null) continue;
          const result = patch(stored, pages, [after]);
          const counts = byKind.get(label) ?? { tried: 0, patched: 0 };
          counts.tried++;
          byKind.set(label, counts);
          if (result === null) continue;
          counts.patched++;
          expect(normalised(result), `${label}: ${page.file}`).toEqual(normalised(mergeVersion([...replaced(pages, [after]).values()])));
        }
      }
    }
    // Most edits of every kind are patched; the rest are merged in full. Measured when written, of
    // all pages: 68 % of the pages with lines inserted or a diagnostic more, 56 % of the example
    // edits, 84 % of the rows added, 82 % of the rows removed and of the properties retyped.
    for (const [label, { tried, patched }] of byKind) {
      expect(tried, label).toBeGreaterThan(80);
      expect(patched / tried, label).toBeGreaterThan(0.45);
    }
    expect(byKind.size).toBe(EDITS.length);
  }, 600_000);

  it("keeps giving what merging every page gives across a chain of patches", () => {
    for (const pages of [...byVersion.values()].filter((pages) => pages.size >= 100)) {
      let current = new Map(pages);
      let stored = mergeVersion([...current.values()]);
      let steps = 0;
      // Every 7th page, each edited in the next way.
      [...pages.values()].forEach((page, i) => {
        const edit = EDITS[(i / 7) % EDITS.length]?.[1];
        if (i % 7 !== 0 || edit === undefined) return;
        const after = edit(current.get(page.file) ?? page);
        if (after === null) return;
        const result = patch(stored, current, [after]);
        current = replaced(current, [after]);
        stored = result ?? mergeVersion([...current.values()]);
        if (result !== null) steps++;
      });
      expect(normalised(stored)).toEqual(normalised(mergeVersion([...current.values()])));
      expect(steps).toBeGreaterThan(10);
    }
  }, 600_000);
});

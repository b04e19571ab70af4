/**
 * Patching a merged model's descriptions after pages changed only in descriptions gives exactly the
 * model a full merge of the changed pages gives: first on small pages for each rule (the first
 * non-empty description wins; emptying it lets the next one win), then on a family of corpus pages
 * with every description of one page at a time edited. Pages that do not merge into the model's
 * sources are refused (null).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/merge.js";
import type { PageModel } from "../../src/model/page.js";
import { patchDescriptions, touchedBy } from "../../src/model/patch-descriptions.js";
import type { ApiModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT } from "../helpers.js";

const RESOURCE = ["# widget resource type", "", "A widget.", "", "## Properties", "", "|Property|Type|Description|", "|---|---|---|", "|id|String|The id.|", "|size|Int32|The size.|", ""].join("\n");
const UPDATE = [
  "# Update widget", "", "Changes a widget.", "", "## HTTP request", "", "```http", "PATCH /widgets/{id}", "```", "",
  "## Request body", "", "In the request body, supply a JSON representation of a [widget](widget.md) object.", "",
  "|Property|Type|Description|", "|---|---|---|", "|size|Int32|The new size.|", "|color|String|The color.|", "",
].join("\n");

/** A copy of `page` with `edit` applied to every description it has. */
function editDescriptions(page: PageModel, edit: (text: string) => string): PageModel {
  const copy: PageModel = structuredClone(page);
  for (const type of copy.types) {
    if (type.description !== undefined) type.description = edit(type.description);
    for (const property of type.properties) property.description = edit(property.description);
  }
  for (const op of copy.operations) {
    if (op.description !== undefined) op.description = edit(op.description);
    for (const param of op.functionParameters ?? []) param.description = edit(param.description);
  }
  return copy;
}

/** The model of `before` patched for `after` (the same files, descriptions changed), given only the pages the patch asks for. */
function patched(before: readonly PageModel[], after: readonly PageModel[]): ApiModel | null {
  const changed = new Set(after.filter((page, i) => JSON.stringify(page) !== JSON.stringify(before[i])).map((page) => page.file));
  // A copy, as the stored model is (decoded from its cache entry): the merged model shares objects with the pages.
  const model: ApiModel = JSON.parse(JSON.stringify(buildModel(before)));
  const was = JSON.stringify(model);
  const touched = touchedBy(model, changed);
  const result = patchDescriptions(model, touched, after.filter((page) => touched.files.has(page.file)));
  // The model given is not changed: the patched types and operations are copies (plan memos know objects by their content).
  expect(JSON.stringify(model)).toBe(was);
  return result;
}

describe("patchDescriptions with a page documenting several operations at once", () => {
  const get = (file: string, title: string, intro: string, routes: string[]) =>
    parseDocument(file, [`# ${title}`, "", intro, "", "## HTTP request", "", "```http", ...routes, "```", ""].join("\n"));
  // The composite page sorts first: merged as an ordinary page, its description would win.
  const pages = [
    get("beta/a-property-get.md", "Get property", "Gets a property.", ["GET /me/messages/{id}?$expand=x", "GET /me/events/{id}?$expand=x", "GET /me/contacts/{id}?$expand=x"]),
    get("beta/event-get.md", "Get event", "Gets an event.", ["GET /me/events/{id}", "GET /users/{id}/events/{id}"]),
    get("beta/message-get.md", "Get message", "Gets a message.", ["GET /me/messages/{id}", "GET /users/{id}/messages/{id}"]),
  ];

  it("merges the pages of every operation such a page documents, as a full merge does", () => {
    const after = pages.map((page) => (page.file.includes("message") ? editDescriptions(page, (t) => `${t} Edited.`) : page));
    const result = patched(pages, after);
    expect(result).toEqual(buildModel(after));
    expect(result?.operations.map((op) => [op.id, op.description])).toEqual([
      ["getEvent", "Gets an event."],
      ["getMessage", "Gets a message. Edited."],
      ["getProperty", "Gets a property."],
    ]);
  });
});

describe("patchDescriptions", () => {
  const pages = [parseDocument("a/widget.md", RESOURCE), parseDocument("b/update-widget.md", UPDATE)];
  const [resource, update] = pages;
  if (!resource || !update) throw new Error("fixture pages missing");

  it("takes an edited winning description and ignores an edited losing one, as a full merge does", () => {
    const winner = [editDescriptions(resource, (t) => `${t} Edited.`), update];
    expect(patched(pages, winner)).toEqual(buildModel(winner));
    expect(JSON.stringify(buildModel(winner))).toContain("The size. Edited.");
    const loser = [resource, editDescriptions(update, (t) => `${t} Edited.`)];
    expect(patched(pages, loser)).toEqual(buildModel(loser));
    expect(JSON.stringify(buildModel(loser))).toContain("The color. Edited.");
    expect(JSON.stringify(buildModel(loser))).not.toContain("The new size. Edited.");
  });

  it("lets the next description win when the first is emptied, and drops a type description that is gone", () => {
    const emptied = [editDescriptions(resource, () => ""), update];
    const merged = buildModel(emptied);
    expect(patched(pages, emptied)).toEqual(merged);
    expect(merged.types.find((t) => t.name === "widget")?.properties.find((p) => p.name === "size")?.description).toBe("The new size.");
    expect(merged.types.find((t) => t.name === "widget")?.description).toBeUndefined();
  });

  it("refuses pages that do not merge into the sources the model records", () => {
    const model = buildModel(pages);
    const touched = touchedBy(model, new Set(["a/widget.md"]));
    expect([...touched.files].sort()).toEqual(["a/widget.md", "b/update-widget.md"]);
    expect(patchDescriptions(model, touched, [resource])).toBeNull();
  });

  it("gives the full merge's model on corpus pages, each page's descriptions edited in turn", () => {
    const corpus = path.join(ROOT, "../shared/corpus/graph-docs-2021/beta");
    // One family of pages that describe the same types and operations many times over.
    const files = ["api", "resources"].flatMap((folder) =>
      readdirSync(path.join(corpus, folder))
        .filter((name) => /^(group|conversation|team)/.test(name))
        .map((name) => `${folder}/${name}`),
    );
    expect(files.length).toBeGreaterThan(100);
    const family = files.sort().map((file) => parseDocument(file, readFileSync(path.join(corpus, file), "utf8")));
    const edited = family.filter((page) => page.types.length + page.operations.length > 0).filter((_, i) => i % 5 === 0);
    expect(edited.length).toBeGreaterThan(20);
    for (const page of edited) {
      for (const edit of [(t: string) => `${t} Edited.`, () => ""]) {
        const after = family.map((p) => (p === page ? editDescriptions(p, edit) : p));
        expect(patched(family, after), page.file).toEqual(buildModel(after));
      }
    }
  });
});

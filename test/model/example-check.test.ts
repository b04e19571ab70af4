/**
 * `example-type-mismatch`: example bodies against the types documented on other pages (nested
 * objects, inherited properties, derived types by `@odata.type`, enums, flags enums, collections),
 * one diagnostic per example, property and reason; and `docgen check` reports them.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkExamples } from "../../src/model/example-check.js";
import { buildModel } from "../../src/model/merge.js";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT, runCli } from "../helpers.js";

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
const mismatches = (extra: Record<string, string[]>) => checkExamples(model(extra)).sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));

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
    const merged = model({ "beta/api/update.md": update });
    expect(checkExamples(merged).map((d) => d.message.slice(0, 76))).toEqual(['The example request of updateThing sets /child/size to "big", which does not']);
    expect(merged.diagnostics.filter((d) => d.code === "example-value-mismatch").map((d) => d.message.slice(0, 24))).toEqual(['"count" is "5" in the ex']);
  });
});

describe("docgen check", () => {
  it("reports them with the rest, and gen does not (its incremental runs keep no example bodies)", () => {
    const base = path.join(ROOT, "test/.tmp");
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(path.join(base, "example-check-"));
    try {
      for (const [file, lines] of Object.entries({ ...PAGES, "beta/api/get.md": getPage(JSON.stringify({ count: "5" })) })) {
        mkdirSync(path.join(dir, "docs", path.dirname(file)), { recursive: true });
        writeFileSync(path.join(dir, "docs", file), lines.join("\n"));
      }
      const check = runCli(["check", "--input", path.join(dir, "docs"), "--format", "json"]);
      const codes = (JSON.parse(check.stdout) as { diagnostics: Array<{ code: string; file: string; line: number }> }).diagnostics.filter((d) => d.code === "example-type-mismatch");
      expect(codes.map((d) => [path.relative(dir, d.file), d.line])).toEqual([[path.join("docs", "beta/api/get.md"), 15]]);
      const gen = runCli(["gen", "--input", path.join(dir, "docs"), "--out", path.join(dir, "out"), "--cache-dir", path.join(dir, "cache"), "--no-daemon"]);
      // gen's summary counts every warning check reports but those.
      const checked = (JSON.parse(check.stdout) as { summary: { warning: number } }).summary.warning;
      expect([gen.status, Number(/(\d+) warnings?/.exec(gen.stdout + gen.stderr)?.[1]), gen.stderr.includes("example-type-mismatch")]).toEqual([0, checked - codes.length, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Duplicate keys in example bodies: the last value is kept (as JSON.parse does) and the repeat is reported at its position. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

const page = (body: string): string =>
  ["# Update thing", "", "## HTTP request", "", "```http", "PATCH /things/{id}", "```", "", "## Example", "", "```http", "PATCH https://graph.microsoft.com/beta/things/1", "Content-type: application/json", "", body, "```", ""].join("\n");

describe("duplicate keys in example JSON", () => {
  it("keeps the last value and reports the repeated key at its line and column", () => {
    const parsed = parseDocument("dup.md", page('{\n  "name": "a",\n  "size": 1,\n  "name": "b"\n}'));
    expect(parsed.operations[0]?.examples[0]?.request?.body).toEqual({ name: "b", size: 1 });
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      "18:3 example-json-duplicate-key This example body sets /name more than once; only the last value counts. Remove the repeats.",
    ]);
  });

  it("finds repeats in nested objects and says where, also in bodies read leniently", () => {
    const parsed = parseDocument("dup.md", page('{\n  "owner": { "id": "x", "id": "y" },\n  "tags": [],\n}'));
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["15:1 example-json-repaired", "16:25 example-json-duplicate-key"]);
    expect(parsed.diagnostics[1]?.message).toContain("/owner/id");
  });

  it("does not report the same key in different objects", () => {
    const parsed = parseDocument("dup.md", page('[{ "id": "1" }, { "id": "2" }]'));
    expect(parsed.diagnostics).toEqual([]);
  });
});

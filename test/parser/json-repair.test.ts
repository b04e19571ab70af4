import { describe, expect, it } from "vitest";
import { repairJson } from "../../src/parser/json.js";
import { parseDocument } from "../../src/parser/index.js";

const origin = { line: 10, column: 1 };

describe("repairJson", () => {
  type Case = [name: string, { given: string; want: { value: unknown; repairs: string[] } | null }];
  const cases: Case[] = [
    ["trailing comma in an object", { given: '{ "a": 1, }', want: { value: { a: 1 }, repairs: ["trailing commas"] } }],
    ["trailing comma in an array", { given: '{ "a": [1, 2,] }', want: { value: { a: [1, 2] }, repairs: ["trailing commas"] } }],
    ["line comment", { given: '{\n  "a": 1 // one\n}', want: { value: { a: 1 }, repairs: ["comments"] } }],
    ["block comment and trailing comma", { given: '{ /* x */ "a": 1, }', want: { value: { a: 1 }, repairs: ["comments", "trailing commas"] } }],
    ["smart quotes", { given: "{ \u201ca\u201d: \u201cb\u201d }", want: { value: { a: "b" }, repairs: ["smart quotes"] } }],
    ["non-breaking space", { given: '{\u00a0"a": 1 }', want: { value: { a: 1 }, repairs: ["non-breaking spaces"] } }],
    ["strict JSON is not a repair", { given: '{ "a": 1 }', want: null }],
    ["an elision stays unparsed", { given: '{ "a": 1,\n  ...\n}', want: null }],
    ["single quotes stay unparsed", { given: "{ 'a': 1 }", want: null }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const repaired = repairJson(given, origin);
    expect(repaired ? { value: repaired.value, repairs: repaired.repairs } : null).toEqual(want);
  });

  it("keeps positions of values after a replaced character", () => {
    const repaired = repairJson('{\n  \u201ca\u201d: 1,\n  "b": 2,\n}', origin);
    expect(repaired?.positions.get("/b")).toEqual({ line: 12, column: 8 });
  });
});

describe("example bodies", () => {
  const page = (body: string[]) =>
    parseDocument("p.md", ["# Create thing", "## HTTP request", "```http", "POST /things", "```", "## Example", "### Request", "```http", "POST https://graph.microsoft.com/beta/things", "Content-type: application/json", "", ...body, "```"].join("\n"));

  it("uses a repaired body and says what was repaired", () => {
    const parsed = page(["{", '  "a": 1,', "}"]);
    expect(parsed.operations[0]?.examples[0]?.request?.body).toEqual({ a: 1 });
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["example-json-repaired", 12, "This example body is not strict JSON (trailing commas); it was read leniently. Remove them so the example can be pasted as is."],
    ]);
  });

  it("keeps an unrepairable body as text with example-json-invalid", () => {
    const parsed = page(["{", '  "a": 1,', "  ...", "}"]);
    expect(parsed.operations[0]?.examples[0]?.request?.bodyText).toBe('{\n  "a": 1,\n  ...\n}');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["example-json-invalid"]);
  });
});

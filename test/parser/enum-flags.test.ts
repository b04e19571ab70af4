/**
 * Which enums are flags enums (a value is one member or several joined by commas): an enum table
 * whose Value column numbers the members as bits, an enum page saying "flag enum", a property whose
 * description says its values combine; and how the merge carries it to the enum type.
 */
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/merge.js";
import { parseDocument } from "../../src/parser/index.js";

const doc = (file: string, ...lines: string[]) => parseDocument(file, lines.join("\n"));
const table = (values: string[], header = "|Member|Value|Description|") => [header, "|:---|:---|:---|", ...values.map((v, i) => `|m${i}|${v}|d|`)];
const enumPage = (lines: string[], intro = "Members.") => doc("e.md", "# thing enum type", "", intro, "", "## Members", ...lines);
const flagsOf = (page: ReturnType<typeof doc>): boolean | undefined => page.types[0]?.flags;

describe("enum pages: a Value column of bits", () => {
  type Case = [name: string, values: string[], flags: boolean];
  const cases: Case[] = [
    ["none and powers of two", ["0", "1", "2", "4", "8"], true],
    ["powers of two without zero", ["1", "2", "4"], true],
    ["bits not in order", ["0", "4", "1", "2"], true],
    ["0, 1, 2 is also a count", ["0", "1", "2"], false],
    ["a count with a 3", ["0", "1", "2", "3", "4"], false],
    ["a combined value (5 = 1 | 4)", ["0", "1", "4", "5"], false],
    ["one value combining every bit (everyWeek = 15)", ["0", "1", "2", "4", "8", "15"], true],
    ["a count (3 = 1 | 2 combines two bits of three)", ["1", "2", "3", "4"], false],
    ["two combined values", ["0", "1", "2", "4", "8", "15", "3"], false],
    ["a combined value that is not every bit", ["0", "1", "2", "4", "8", "7"], false],
    ["a repeated bit", ["1", "2", "4", "4"], false],
    ["a value that is no integer", ["0", "1", "2", "four"], false],
    ["an empty value", ["0", "1", "2", "4", ""], false],
    ["a bit past 32 bits", ["1", "2", "4294967296"], false],
    ["negative values", ["-1", "1", "2", "4"], false],
  ];
  for (const [name, values, flags] of cases) {
    it(name, () => expect(flagsOf(enumPage(table(values))) === true).toBe(flags));
  }

  it("the value column is found by its header, never the member column", () => {
    expect(flagsOf(enumPage(table(["0", "1", "2", "4"], "|Member|Int value|Description|")))).toBe(true);
    expect(flagsOf(enumPage(table(["0", "1", "2", "4"], "|Member|Description|Notes|")))).toBeUndefined();
    expect(flagsOf(enumPage(["|Value|Description|", "|:--|:--|", "|1|a|", "|2|b|", "|4|c|"]))).toBeUndefined();
  });

  it("an intro saying 'flag enum' makes the enum a flags enum whatever its values", () => {
    expect(flagsOf(enumPage(table(["0", "1", "2"]), "Flag enum to determine whether to delay updates."))).toBe(true);
    expect(flagsOf(enumPage(table(["0", "1", "2"]), "Flags enumeration of the allowed types."))).toBe(true);
    expect(flagsOf(enumPage(table(["0", "1", "2"]), "Whether the item is flagged."))).toBeUndefined();
  });

  it("each `### X values` table of a multi-enum page decides for itself", () => {
    const page = doc(
      "enums.md",
      "---",
      "doc_type: enumPageType",
      "---",
      "# Enum values",
      "### alpha values",
      ...table(["0", "1", "2", "4"]),
      "",
      "### beta values",
      "A flags enum.",
      "",
      "|Member|",
      "|:--|",
      "|x|",
      "|y|",
      "",
      "### gamma values",
      ...table(["0", "1", "2", "3"]),
    );
    expect(page.types.map((t) => [t.name, t.flags === true])).toEqual([
      ["alpha", true],
      ["beta", true],
      ["gamma", false],
    ]);
  });
});

describe("properties whose values combine", () => {
  const resource = (description: string) =>
    doc("r.md", "# subscription resource type", "## Properties", "|Property|Type|Description|", "|:--|:--|:--|", `|changeType|String|${description}|`);
  it("'can be combined', 'comma-separated', 'more than one value' beside a values list", () => {
    for (const text of [
      "The supported values are: `created`, `updated`, `deleted`. Multiple values can be combined using a comma-separated list.",
      "Possible values are `created`, `updated`. If selecting more than one value, start each with a capital.",
    ]) {
      expect(resource(text).types[0]?.properties[0]?.flags, text).toBe(true);
    }
    expect(resource("Possible values are: `created`, `updated`.").types[0]?.properties[0]?.flags).toBeUndefined();
    // Without a values list there is nothing to combine.
    expect(resource("A comma-separated list of proxy servers.").types[0]?.properties[0]?.flags).toBeUndefined();
  });

  it("the page's own example check takes joined values of such a property, and only of it", () => {
    const page = doc(
      "api/p.md",
      "# Create subscription",
      "## HTTP request",
      "```http",
      "POST /subscriptions",
      "```",
      "## Request body",
      "|Property|Type|Description|",
      "|:--|:--|:--|",
      "|changeType|String|Possible values are: `created`, `updated`. Multiple values can be combined using a comma-separated list.|",
      "|kind|String|Possible values are: `a`, `b`.|",
      "## Example",
      "### Request",
      "```http",
      "POST /subscriptions",
      "Content-type: application/json",
      "",
      '{ "changeType": "created,updated", "kind": "a,b" }',
      "```",
    );
    const mismatches = page.diagnostics.filter((d) => d.code === "example-value-mismatch").map((d) => d.message);
    expect(mismatches).toEqual(['"kind" is "a,b" in the example, which is not one of its possible values: a, b.']);
  });
});

describe("the merge", () => {
  it("a flags enum page makes the type a flags enum; a property's combinable list moved to a named enum does too", () => {
    const model = buildModel([
      doc("beta/resources/arch.md", "# architecture enum type", "## Members", ...table(["0", "1", "2", "4"])),
      doc("beta/resources/color.md", "# color enum type", "## Members", ...table(["0", "1", "2", "3"])),
      doc(
        "beta/resources/device.md",
        "# device resource type",
        "## Properties",
        "|Property|Type|Description|",
        "|:--|:--|:--|",
        "|arch|architecture|Possible values are: `m0`, `m1`.|",
        "|sources|sourceType|Possible values are: `mailbox`, `site`. Multiple values can be combined.|",
        "|change|String|Possible values are: `created`, `updated`. Multiple values can be combined.|",
        "|color|color|Possible values are: `m0`, `m1`.|",
      ),
    ]);
    const flags = Object.fromEntries(model.types.map((t) => [t.name, t.flags === true]));
    expect(flags).toEqual({ architecture: true, color: false, device: false, sourceType: true });
    const device = model.types.find((t) => t.name === "device");
    expect(device?.properties.map((p) => [p.name, p.enumValues ?? null, p.flags === true])).toEqual([
      ["arch", null, false],
      ["sources", null, false],
      ["change", ["created", "updated"], true],
      ["color", null, false],
    ]);
  });
});

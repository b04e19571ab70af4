/** Rows with more cells than the header: GFM drops the extra cells, docgen says so at the row. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

const resource = (rows: string[]): string =>
  ["# thing resource type", "", "## Properties", "", "|Property|Type|Description|", "|:--|:--|:--|", ...rows, ""].join("\n");

const extraCells = (rows: string[]) =>
  parseDocument("t.md", resource(rows))
    .diagnostics.filter((d) => d.code === "table-row-extra-cells")
    .map((d) => `${d.line}:${d.column} ${d.message}`);

describe("table-row-extra-cells", () => {
  it("reports a row whose unescaped | makes a fourth cell, at the row", () => {
    expect(extraCells(["|ok|String|Fine.|", "|filter|String|Use a | b to combine.|"])).toEqual([
      "8:1 This table row has 4 cells but the table has 3 columns; the text after the last column is dropped. Write a | inside a cell as \\|.",
    ]);
  });

  it("accepts escaped pipes, empty cells, rows without edge pipes and short rows", () => {
    expect(extraCells(["|filter|String|Use a \\| b.|", "|actionReason|String||", "name|String|No edge pipes", "|short|String|"])).toEqual([]);
  });

  it("counts pipes inside code spans, as GFM splits on them too", () => {
    expect(extraCells(["|expr|String|Write `a|b`.|"])).toHaveLength(1);
  });
});

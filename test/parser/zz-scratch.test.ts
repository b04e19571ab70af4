import { it } from "vitest";
import { markdownToOutline } from "../../src/parser/markdown.js";
import { parseDocument } from "../../src/parser/index.js";
import { buildModel } from "../../src/model/merge.js";
it("x", () => {
  const o = markdownToOutline("f.md", "# T\n\n> ```http\n> GET /x\n> ```\n\n- ```http\n  GET /y\n  ```\n");
  console.log(JSON.stringify(o.blocks));
  const crlf = markdownToOutline("f.md", "# T\r\n\r\n```http\r\nGET /x\r\nA: b\r\n```\r\n");
  console.log(JSON.stringify(crlf.blocks));
  const page = parseDocument("p.md", [
    "# thing resource type",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|---|---|---|",
    "|createdBy|String|The [user](user.md) who made it. Inherited from [entity](entity.md).|",
  ].join("\n"));
  console.log(JSON.stringify(page.types[0].properties));
  const op = (file: string, route: string) => parseDocument(file, ["# Get thing", "", "## HTTP request", "", "```http", `GET ${route}`, "```", ""].join("\n"));
  const a = op("a.md", "/things/{thingId}");
  const b = op("b.md", "/things/{id}");
  const m = buildModel([a, b]);
  console.log(JSON.stringify(a.operations[0].paths), JSON.stringify(m.operations.map(o=>o.paths)));
  const ind = parseDocument("i.md", [
    "# Update thing", "", "## HTTP request", "", "```http", "PATCH /things/{id}", "```", "",
    "## Request body", "", "|Property|Type|Description|", "|---|---|---|", "|count|Int32|n|", "",
    "## Example", "",
    "1. Request", "", "   ```http", "   PATCH https://graph.microsoft.com/beta/things/1", "   Content-type: application/json", "", "   {", '     "count": "x"', "   }", "   ```", "",
  ].join("\n"));
  console.log(JSON.stringify(ind.diagnostics), JSON.stringify(ind.operations[0].examples));
});

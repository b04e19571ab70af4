import { it } from "vitest";
import { markdownToOutline } from "../../src/parser/markdown.js";
import { parseDocument } from "../../src/parser/index.js";
const md = [
  "---",
  "title: Hello",
  "doc_type: apiPageType",
  "---",
  "",
  "# Title **bold** `code`",
  "",
  "> **Note:** quoted para [l](u.md).",
  "",
  "|Header|Value|",
  "|---|---|",
  "|Authorization|Bearer &lt;token&gt; Required.|",
  "|a<br>b|[`x`](x.md) collection|",
  "",
  "```HTTP",
  "GET /x",
  "```",
  "",
  "<!-- { \"blockType\": \"request\" } -->",
  "<!-- plain comment -->",
  "  ```json",
  "  {}",
  "  ```",
].join("\n");
it("x", () => {
  console.log(JSON.stringify(markdownToOutline("f.md", md), null, 1));
  console.log(JSON.stringify(markdownToOutline("f.md", "---\ntitle: [a\n---\n# T\n"), null, 1));
});

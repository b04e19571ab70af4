/** The fence-body shortcut gives the very tree a plain parse gives, positions included. */
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/parser/markdown-parse.js";

function tables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
const plain = unified().use(remarkParse).use(tables).use(remarkFrontmatter, ["yaml"]);

const CASES: Record<string, string> = {
  "closed fences with JSON bodies": '# T\n\n```json\n{\n  "a": 1,\n\n  "b": "| x | y |"\n}\n```\n\ntext\n\n~~~http\nGET /me\n~~~\n',
  "a longer closing fence and an inner shorter one": "````md\n```\ninner\n```\n````\nafter\n",
  "an unclosed fence": "# T\n\n```json\n{ \"a\": 1 }\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
  "a fence inside an HTML comment": "<!--\n```json\n{ }\n```\n-->\n\n```\nreal\n```\n",
  "a fence inside an HTML block (not a fence there)": "<div>\n```\n# not a heading\n```\n</div>\n\n```\nx\n```\n",
  "a fence in a list item and in a block quote": "- item\n\n  ```json\n  { \"a\": 1 }\n  ```\n\n> ```\n> quoted\n> ```\n\n```\ntop\n```\n",
  "backtick info string with a backtick (not a fence)": "```a`b\ncode?\n```\n\n```js\nlet a = 1;\n```\n",
  "front matter and a table after a fence": "---\ntitle: x\n---\n\n```\n---\n```\n\n| P | T |\n|:--|:--|\n| id | String |\n",
  "an empty fence and trailing spaces on the closing fence": "```\n```\n\n```json\n{}\n```   \nend\n",
  "CRLF line endings": "# T\r\n\r\n```json\r\n{ \"a\": 1 }\r\n```\r\n",
};

describe("parseMarkdown", () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`matches a plain parse: ${name}`, () => {
      expect(parseMarkdown(text)).toEqual(plain.parse(text));
    });
  }

  it("hands code bodies to the tree verbatim", () => {
    const root = parseMarkdown("```json\n{\n\n  \"a\": [1, 2]\n}\n```\n");
    const code = root.children[0];
    expect(code?.type === "code" ? code.value : null).toBe('{\n\n  "a": [1, 2]\n}');
  });
});

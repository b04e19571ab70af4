/**
 * The fence-body shortcut and parsing in parts give the very tree a plain parse gives, positions
 * included. Each case is also parsed with parts as small as they can be (`minPartChars` 0), so that
 * every possible cut of these small texts is exercised.
 */
import type { Root } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { describe, expect, it } from "vitest";
import { forEachMarkdownPart, parseMarkdown } from "../../src/parser/markdown-parse.js";

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
  "CRLF line endings in several parts": "# T\r\n\r\nSome text.\r\n\r\n## U\r\n\r\n```json\r\n{ \"a\": 1 }\r\n\r\nB\r\n```\r\n\r\nEnd.\r\n",
  "a lone CR line ending": "# T\r\rText.\r\r## U\r",
  "front matter with a blank line": "---\ntitle: x\n\ndescription: y\n---\n\n# T\n\nText.\n",
  "link references to definitions in other parts": "---\ntitle: x\n---\n\n# T\n\nSee [a] and [B c][b   C] and [d].\n\n[a]: https://a.test\n\n## U\n\n> [b c]: b.md \"t\"\n\nUses [a], [b c] and [nope].\n\n- [d]:\n  <x>\n",
  "a definition-like line that is not a definition": "# T\n\ntext\n[a]: b\n\nUses [a].\n\n[c]: x y\n\nUses [c].\n",
  "blank lines and headings inside a fence": "# T\n\n```\ncode\n\n# not a heading\n\nmore\n```\n\nAfter.\n",
  "a fence in a list item closed at the margin (then a new fence opens)": "- a\n\n  ```\n  code\n```\n\nStill code.\n\n# Heading?\n",
  "HTML blocks that blank lines do not end": "<!--\n\nText\n\n-->\n\n<pre>\n\nText\n\n</pre>\n\n<?x\n\nText\n\n?>\n\n<!DOCTYPE\n\nText\n\n>\n\n<![CDATA[\n\nText\n\n]]>\n\nEnd\n",
  "an HTML block that a blank line ends": "<div>\n\nText\n\n</div>\n\nEnd\n",
  "lists, quotes, tables, setext headings and indented code around blank lines": "- a\n\n- b\n\n  c\n\n1. x\n\n2. y\n\n> q\n\n> r\n\n|a|b|\n|-|-|\n|1|2|\n\n|3|4|\n\nT\n\n===\n\nU\n---\n\n    code\n\n    more\n\nEnd\n",
  "an unclosed fence at the end": "# T\n\nText.\n\n```json\n{\n\n## Next\n\nText.\n",
  "an empty text": "",
};

describe("parseMarkdown", () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`matches a plain parse: ${name}`, () => {
      const expected = plain.parse(text);
      expect(parseMarkdown(text)).toEqual(expected);
      expect(parseMarkdown(text, 0)).toEqual(expected);
    });
  }

  it("cuts a large page into parts, each a tree with true positions", () => {
    const section = (i: number) => `## Section ${i}\n\n${"Some **bold** text with a [link](x.md). ".repeat(50)}\n\n|a|b|\n|-|-|\n|${i}|x|\n\n`;
    const text = `# T\n\n${Array.from({ length: 40 }, (_, i) => section(i)).join("")}`;
    const roots: Root[] = [];
    forEachMarkdownPart(text, (root) => roots.push(root), 8 * 1024);
    expect(roots.length).toBeGreaterThan(3);
    expect(roots.flatMap((r) => r.children)).toEqual(plain.parse(text).children);
  });

  it("hands code bodies to the tree verbatim", () => {
    const root = parseMarkdown("```json\n{\n\n  \"a\": [1, 2]\n}\n```\n");
    const code = root.children[0];
    expect(code?.type === "code" ? code.value : null).toBe('{\n\n  "a": [1, 2]\n}');
  });
});

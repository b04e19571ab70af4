import { describe, expect, it, vi } from "vitest";
import { markdownToOutline } from "../../src/parser/markdown.js";
import type { AnnotationBlock, Block, CodeBlock, HeadingBlock, InlineText, ParagraphBlock, TableBlock } from "../../src/parser/outline.js";

const outline = (...lines: string[]) => markdownToOutline("page.md", lines.join("\n"));
const only = <K extends Block["kind"]>(blocks: Block[], kind: K) => blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const cell = (text: string, line: number, column: number, links: InlineText["links"] = [], emphasis: string[] = []): InlineText => ({
  text,
  links,
  emphasis,
  pos: { line, column },
});

describe("markdownToOutline: headings", () => {
  type Case = [name: string, { given: string[]; want: Omit<HeadingBlock, "kind">[] }];
  const cases: Case[] = [
    [
      "ATX headings of every depth",
      {
        given: ["# Title", "", "## Section", "", "### Sub", "", "#### Deep", "", "##### Deeper", "", "###### Deepest"],
        want: [
          { depth: 1, text: "Title", pos: { line: 1, column: 1 } },
          { depth: 2, text: "Section", pos: { line: 3, column: 1 } },
          { depth: 3, text: "Sub", pos: { line: 5, column: 1 } },
          { depth: 4, text: "Deep", pos: { line: 7, column: 1 } },
          { depth: 5, text: "Deeper", pos: { line: 9, column: 1 } },
          { depth: 6, text: "Deepest", pos: { line: 11, column: 1 } },
        ],
      },
    ],
    [
      "markup is flattened, inline code keeps its backticks",
      { given: ["# Update **bold** `remoteActionAudit`"], want: [{ depth: 1, text: "Update bold `remoteActionAudit`", pos: { line: 1, column: 1 } }] },
    ],
    [
      "indented heading and setext heading",
      {
        given: ["  ## HTTP Request", "", "Title", "====="],
        want: [
          { depth: 2, text: "HTTP Request", pos: { line: 1, column: 3 } },
          { depth: 1, text: "Title", pos: { line: 3, column: 1 } },
        ],
      },
    ],
    ["link text is kept", { given: ["## See [user](user.md)"], want: [{ depth: 2, text: "See user", pos: { line: 1, column: 1 } }] }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const headings = only(outline(...given).blocks, "heading");
    expect(headings).toEqual(want.map((h) => ({ kind: "heading", ...h })));
  });
});

describe("markdownToOutline: paragraphs", () => {
  it("reads paragraphs, also inside block quotes and list items, with links and emphasis", () => {
    const { blocks } = outline(
      "# T",
      "",
      "Update the properties of a [remoteActionAudit](../resources/x.md) object.",
      "",
      "> **Important:** APIs under the /beta version are in preview.",
      "",
      "> **Note:** see [licensing](https://go.microsoft.com/fwlink/?linkid=1).",
      "",
      "- item *one*",
      "",
      "*DeviceManagementConfiguration.ReadWrite.All*",
    );
    const paragraphs: Omit<ParagraphBlock, "kind">[] = only(blocks, "paragraph").map(({ kind: _kind, ...rest }) => rest);
    expect(paragraphs).toEqual([
      {
        text: "Update the properties of a remoteActionAudit object.",
        links: [{ text: "remoteActionAudit", url: "../resources/x.md", pos: { line: 3, column: 28 } }],
        emphasis: [],
        pos: { line: 3, column: 1 },
      },
      { text: "Important: APIs under the /beta version are in preview.", links: [], emphasis: ["Important:"], pos: { line: 5, column: 3 } },
      {
        text: "Note: see licensing.",
        links: [{ text: "licensing", url: "https://go.microsoft.com/fwlink/?linkid=1", pos: { line: 7, column: 17 } }],
        emphasis: ["Note:"],
        pos: { line: 7, column: 3 },
      },
      { text: "item one", links: [], emphasis: ["one"], pos: { line: 9, column: 3 } },
      { text: "DeviceManagementConfiguration.ReadWrite.All", links: [], emphasis: ["DeviceManagementConfiguration.ReadWrite.All"], pos: { line: 11, column: 1 } },
    ]);
  });

  it("collapses whitespace and soft line breaks into single spaces", () => {
    const [paragraph] = only(outline("one  two", "three   `a  b`").blocks, "paragraph");
    expect(paragraph?.text).toBe("one two three `a b`");
  });

  it("keeps a link's text without its backticks but the paragraph text with them", () => {
    const [paragraph] = only(outline("A [`keyValuePair`](keyvaluepair.md) list.").blocks, "paragraph");
    expect(paragraph).toEqual({
      kind: "paragraph",
      text: "A `keyValuePair` list.",
      links: [{ text: "keyValuePair", url: "keyvaluepair.md", pos: { line: 1, column: 3 } }],
      emphasis: [],
      pos: { line: 1, column: 1 },
    });
  });
});

describe("markdownToOutline: tables", () => {
  it("reads header and body cells with their positions (a cell starts at its first content character)", () => {
    const { blocks } = outline(
      "# T", //                                        1
      "", //                                           2
      "|Header|Value|", //                             3
      "|---|---|", //                                  4
      "|Authorization|Bearer &lt;token&gt; Required.|", // 5
      "|Accept|application/json|", //                  6
    );
    const [table] = only(blocks, "table");
    expect(table).toEqual<TableBlock>({
      kind: "table",
      header: [cell("Header", 3, 2), cell("Value", 3, 9)],
      rows: [
        [cell("Authorization", 5, 2), cell("Bearer <token> Required.", 5, 16)],
        [cell("Accept", 6, 2), cell("application/json", 6, 9)],
      ],
      pos: { line: 3, column: 1 },
    });
  });

  type Case = [name: string, { given: string; want: InlineText }];
  const row = (given: string): string[] => ["|Property|Type|Description|", "|---|---|---|", given];
  const cases: Case[] = [
    ["HTML entities are decoded", { given: "|a|b|Bearer &lt;token&gt; &amp; more|", want: cell("Bearer <token> & more", 3, 6) }],
    ["<br> becomes a space", { given: "|a|b|first<br>second<br/>third<BR />fourth|", want: cell("first second third fourth", 3, 6) }],
    ["inline code keeps its backticks", { given: "|a|b|Possible values are: `none`, `pending`.|", want: cell("Possible values are: `none`, `pending`.", 3, 6) }],
    [
      "a link keeps its url and its own position",
      {
        given: "|a|b|Inherited from [entity](../resources/entity.md)|",
        want: cell("Inherited from entity", 3, 6, [{ text: "entity", url: "../resources/entity.md", pos: { line: 3, column: 21 } }]),
      },
    ],
    ["escaped brackets are plain text", { given: "|a|b|\\[deprecated\\] Use x.|", want: cell("[deprecated] Use x.", 3, 6) }],
    ["bold text is emphasis", { given: "|a|b|**TODO: Determine scopes**|", want: cell("TODO: Determine scopes", 3, 6, [], ["TODO: Determine scopes"]) }],
    // CommonMark: a closing ** preceded by a space does not close, so the asterisks stay literal text.
    ["bold with a space before the closing ** stays literal", { given: "|a|b|**TODO: Determine scopes **|", want: cell("**TODO: Determine scopes **", 3, 6) }],
    ["an escaped pipe stays in the cell", { given: "|a|b|x \\| y|", want: cell("x | y", 3, 6) }],
  ];
  it.each(cases)("description cell: %s", (_name, { given, want }) => {
    const [table] = only(outline(...row(given)).blocks, "table");
    expect(table?.rows[0]?.[2]).toEqual(want);
  });

  it("reads a link with inline code and a collection suffix in a type cell", () => {
    const [table] = only(outline(...row("|parameters|[`keyValuePair`](../resources/keyValuePair.md) collection||")).blocks, "table");
    expect(table?.rows[0]).toEqual([
      cell("parameters", 3, 2),
      cell("`keyValuePair` collection", 3, 13, [{ text: "keyValuePair", url: "../resources/keyValuePair.md", pos: { line: 3, column: 13 } }]),
      // An empty cell has no content to point at: it keeps remark's position, the pipe before it.
      cell("", 3, 70),
    ]);
  });

  it("points a padded cell at its text, past the spaces after the pipe; an empty cell at its pipe", () => {
    const [table] = only(outline("| Name | Type |", "| --- | --- |", "|  id  |  |").blocks, "table");
    expect(table?.header).toEqual([cell("Name", 1, 3), cell("Type", 1, 10)]);
    expect(table?.rows).toEqual([[cell("id", 3, 4), cell("", 3, 8)]]);
  });
});

describe("markdownToOutline: code blocks", () => {
  type Case = [name: string, { given: string[]; want: Omit<CodeBlock, "kind"> }];
  const cases: Case[] = [
    [
      "backtick fence, lang lower-cased, content on the line after the fence",
      { given: ["# T", "", "```HTTP", "GET /users", "```"], want: { lang: "http", value: "GET /users", pos: { line: 3, column: 1 }, contentPos: { line: 4, column: 1 } } },
    ],
    [
      "info string with a space after the fence",
      { given: ["``` http", "PATCH /x", "```"], want: { lang: "http", value: "PATCH /x", pos: { line: 1, column: 1 }, contentPos: { line: 2, column: 1 } } },
    ],
    [
      "tilde fence, JSON",
      { given: ["~~~Json", "{", '  "a": 1', "}", "~~~"], want: { lang: "json", value: '{\n  "a": 1\n}', pos: { line: 1, column: 1 }, contentPos: { line: 2, column: 1 } } },
    ],
    ["fence without info string", { given: ["```", "x", "```"], want: { lang: null, value: "x", pos: { line: 1, column: 1 }, contentPos: { line: 2, column: 1 } } }],
    [
      "indented fence",
      { given: ["  ```json", "  {}", "  ```"], want: { lang: "json", value: "{}", pos: { line: 1, column: 3 }, contentPos: { line: 2, column: 3 } } },
    ],
    [
      "fence indented inside a list item",
      {
        given: ["1. Request", "", "   ```http", "   GET /me", "   ```"],
        want: { lang: "http", value: "GET /me", pos: { line: 3, column: 4 }, contentPos: { line: 4, column: 4 } },
      },
    ],
    [
      "fence inside a block quote: content on the line after the fence, after the \"> \"",
      { given: ["> ```http", "> GET /me", "> ```"], want: { lang: "http", value: "GET /me", pos: { line: 1, column: 3 }, contentPos: { line: 2, column: 3 } } },
    ],
    [
      "fence on a list item's marker line: content on the line after the fence, at the item's column",
      { given: ["- ```http", "  GET /me", "  ```"], want: { lang: "http", value: "GET /me", pos: { line: 1, column: 3 }, contentPos: { line: 2, column: 3 } } },
    ],
    [
      "fence inside a block quote inside a list item",
      {
        given: ["1. Request", "", "   > ```json", "   > {}", "   > ```"],
        want: { lang: "json", value: "{}", pos: { line: 3, column: 6 }, contentPos: { line: 4, column: 6 } },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(only(outline(...given).blocks, "code")).toEqual([{ kind: "code", ...want }]);
  });

  it("unfenced (indented) block: no lang, content starts on the block's line, after the 4-space indentation", () => {
    const [block] = only(outline("Text", "", "    GET /users", "    GET /me").blocks, "code");
    expect(block).toMatchObject({ kind: "code", lang: null, value: "GET /users\nGET /me", pos: { line: 3, column: 1 } });
    expect(block?.contentPos).toEqual({ line: 3, column: 5 });
  });

  it("unfenced (indented) block of one line: contentPos at its first character", () => {
    const [block] = only(outline("Text", "", "    GET /users").blocks, "code");
    expect(block).toEqual({ kind: "code", lang: null, value: "GET /users", pos: { line: 3, column: 1 }, contentPos: { line: 3, column: 5 } });
  });
});

describe("markdownToOutline: annotations", () => {
  it("keeps <!-- { … } --> comments, one-line and multi-line, and drops other HTML", () => {
    const { blocks } = outline(
      "# T", //                                      1
      "", //                                         2
      '<!-- { "blockType": "request", "name": "x" } -->', // 3
      "", //                                         4
      "<!-- {", //                                   5
      '  "blockType": "ignored"', //                 6
      "}", //                                        7
      "-->", //                                      8
      "", //                                         9
      "<!-- just a comment -->", //                  10
      "", //                                         11
      "<div>html</div>", //                          12
      "", //                                         13
      '<!--{"truncated": true}-->', //               14
    );
    expect(only(blocks, "annotation")).toEqual<AnnotationBlock[]>([
      { kind: "annotation", raw: '{ "blockType": "request", "name": "x" }', pos: { line: 3, column: 1 } },
      { kind: "annotation", raw: '{\n  "blockType": "ignored"\n}', pos: { line: 5, column: 1 } },
      { kind: "annotation", raw: '{"truncated": true}', pos: { line: 14, column: 1 } },
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "annotation", "annotation", "annotation"]);
  });

  it("keeps block order: annotation, then the code block it describes", () => {
    const { blocks } = outline("## Example", '<!-- { "blockType": "response", "truncated": true } -->', "```http", "HTTP/1.1 200 OK", "```");
    expect(blocks.map((b) => [b.kind, b.pos.line])).toEqual([
      ["heading", 1],
      ["annotation", 2],
      ["code", 3],
    ]);
  });
});

describe("markdownToOutline: front matter", () => {
  type Case = [name: string, { given: string[]; want: { frontMatter: Record<string, unknown> | null; frontMatterPos: { line: number; column: number } | null } }];
  const cases: Case[] = [
    [
      "valid YAML",
      {
        given: ["---", 'title: "Update securityAction"', "doc_type: apiPageType", "author: \"\"", "---", "", "# Update securityAction"],
        want: { frontMatter: { title: "Update securityAction", doc_type: "apiPageType", author: "" }, frontMatterPos: { line: 1, column: 1 } },
      },
    ],
    ["invalid YAML → null, position kept", { given: ["---", "title: [unclosed", "---", "", "# T"], want: { frontMatter: null, frontMatterPos: { line: 1, column: 1 } } }],
    ["YAML that is not a mapping → null", { given: ["---", "- a", "- b", "---", "# T"], want: { frontMatter: null, frontMatterPos: { line: 1, column: 1 } } }],
    ["absent", { given: ["# T", "", "Text."], want: { frontMatter: null, frontMatterPos: null } }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const result = outline(...given);
    expect({ frontMatter: result.frontMatter, frontMatterPos: result.frontMatterPos }).toEqual(want);
    expect(result).toMatchObject({ file: "page.md", format: "markdown" });
  });

  it("YAML the library would warn about prints nothing (a Node warning on the user's terminal): null", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const console = vi.spyOn(globalThis.console, "warn").mockImplementation(() => {});
    try {
      expect(outline("---", "*:", "---", "# T").frontMatter).toBeNull();
      expect(warn).not.toHaveBeenCalled();
      expect(console).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      console.mockRestore();
    }
  });

  it("does not turn front matter into blocks", () => {
    const { blocks } = outline("---", "title: x", "---", "# T");
    expect(blocks).toEqual([{ kind: "heading", depth: 1, text: "T", pos: { line: 4, column: 1 } }]);
  });
});

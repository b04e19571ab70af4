/**
 * Markdown front end: remark (CommonMark + GFM tables + YAML front matter, `markdown-parse.ts`) → Outline.
 *
 * Only the block structure the extractors need is kept: headings, paragraphs (also those inside
 * block quotes and lists), tables, code blocks and `<!-- { … } -->` annotations, each with its
 * position in the original file.
 */
import type { Code, Heading, Nodes, PhrasingContent, RootContent, Table } from "mdast";
import { parse as parseYaml } from "yaml";
import { forEachMarkdownPart } from "./markdown-parse.js";
import type { Block, InlineText, Link, Outline, Pos } from "./outline.js";

const ANNOTATION = /^<!--\s*(\{[\s\S]*\})\s*-->\s*$/;
const FENCE = /^(```|~~~)/;
const BREAK_TAG = /^<br\s*\/?>$/i;

export function markdownToOutline(file: string, text: string): Outline {
  const outline: Outline = { file, format: "markdown", frontMatter: null, frontMatterPos: null, blocks: [] };
  const lines = text.split(/\r?\n/);
  // A large page comes in parts: each part's syntax tree is dropped once its blocks are taken.
  forEachMarkdownPart(text, (root) => {
    for (const node of root.children) collectBlocks(node, outline, lines);
  });
  return outline;
}

function collectBlocks(node: RootContent, outline: Outline, lines: readonly string[]): void {
  const blocks = outline.blocks;
  switch (node.type) {
    case "yaml":
      outline.frontMatterPos = startOf(node);
      outline.frontMatter = parseFrontMatter(node.value);
      return;
    case "heading":
      if (isTabLabel(node)) return;
      blocks.push({ kind: "heading", depth: node.depth, text: inlineText(node.children, startOf(node)).text, pos: startOf(node) });
      return;
    case "paragraph":
      blocks.push({ kind: "paragraph", ...inlineText(node.children, startOf(node)) });
      return;
    case "table":
      blocks.push(tableBlock(node));
      reportExtraCells(node, outline, lines);
      return;
    case "code": {
      if (recoverUnclosedFence(node, outline, lines)) return;
      const pos = startOf(node);
      blocks.push({ kind: "code", lang: node.lang ? node.lang.toLowerCase() : null, value: node.value, pos, contentPos: codeContentPos(node.value, pos, lines) });
      return;
    }
    case "html": {
      const match = ANNOTATION.exec(node.value.trim());
      if (match?.[1] !== undefined) blocks.push({ kind: "annotation", raw: match[1], pos: startOf(node) });
      return;
    }
    case "blockquote":
    case "list":
    case "listItem":
      for (const child of node.children) collectBlocks(child, outline, lines);
      return;
    default:
      return;
  }
}

/**
 * Where a code block's first content character is. The node starts at its fence (or, for an
 * indented block, at its indentation); inside a block quote or list the line has `> ` or a marker
 * before it, so look at the text from the node's column on.
 */
function codeContentPos(value: string, pos: Pos, lines: readonly string[]): Pos {
  const fenced = FENCE.test((lines[pos.line - 1] ?? "").slice(pos.column - 1));
  const line = fenced ? pos.line + 1 : pos.line;
  const firstLine = value.split("\n", 1)[0] ?? "";
  const source = lines[line - 1] ?? "";
  const at = firstLine === "" ? -1 : source.indexOf(firstLine, fenced ? 0 : pos.column - 1);
  return { line, column: at >= 0 ? at + 1 : pos.column };
}

/** Fences whose content is an HTTP message or JSON: a markdown heading line inside one means its closing fence is missing. */
const MESSAGE_LANGS = new Set(["", "http", "json", "msgraph-interactive", "javascript"]);
const HEADING_LINE = /^#{2,6}\s+\S/;

/**
 * An unclosed fence swallows the page up to the next bare fence. When a fenced HTTP/JSON block holds
 * a `## …`–`###### …` heading line, the fence is taken to end before it: the lines before stay the
 * code block, the rest is parsed again as markdown (positions kept), and `code-fence-unclosed` says so.
 */
function recoverUnclosedFence(node: Code, outline: Outline, lines: readonly string[]): boolean {
  const start = node.position?.start;
  if (!start || !MESSAGE_LANGS.has((node.lang ?? "").toLowerCase())) return false;
  if (!FENCE.test((lines[start.line - 1] ?? "").slice(start.column - 1))) return false;
  const valueLines = node.value.split("\n");
  const at = valueLines.findIndex((line) => HEADING_LINE.test(line));
  if (at < 0) return false;
  const pos = startOf(node);
  const value = valueLines.slice(0, at).join("\n").replace(/\s+$/, "");
  outline.blocks.push({ kind: "code", lang: node.lang ? node.lang.toLowerCase() : null, value, pos, contentPos: codeContentPos(value, pos, lines) });
  (outline.problems ??= []).push({ code: "code-fence-unclosed", pos, message: "This code block's closing fence is missing (a heading follows inside it); close it with ``` before the heading." });
  const firstLine = start.line + 1 + at; // the fence line, then the content lines
  const endLine = node.position?.end.line ?? firstLine;
  const rest = lines.slice(firstLine - 1, endLine).join("\n");
  forEachMarkdownPart(rest, (root) => {
    shiftLines(root, firstLine - 1);
    for (const child of root.children) collectBlocks(child, outline, lines);
  });
  return true;
}

function shiftLines(node: Nodes, by: number): void {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  if ("children" in node) for (const child of node.children) shiftLines(child, by);
}

/**
 * Tab groups (`# [HTTP](#tab/http)` … `# [C#](#tab/csharp)` … `---`) are headings in markdown but
 * labels on the page: they are dropped so the code under them stays in its section. So is a
 * `[!INCLUDE …]` line that a tab group's closing `---` turned into a setext heading.
 */
function isTabLabel(node: Heading): boolean {
  const [only, ...rest] = node.children;
  if (only?.type === "link" && rest.every((c) => c.type === "text" && c.value.trim() === "")) return only.url.startsWith("#tab/");
  return only?.type === "text" && /^\s*\[!INCLUDE\b/i.test(only.value);
}

function parseFrontMatter(source: string): Record<string, unknown> | null {
  try {
    // "error": what the library would only warn about (an ambiguous alias such as `*:`) must not
    // reach the user's terminal as a Node warning; errors throw and make the front matter null.
    const data: unknown = parseYaml(source, { logLevel: "error" });
    return isRecord(data) ? data : null;
  } catch {
    return null;
  }
}

function tableBlock(node: Table): Block {
  const [headerRow, ...bodyRows] = node.children;
  const cells = (row: Table["children"][number]): InlineText[] =>
    row.children.map((cell) => inlineText(cell.children, startOf(cell.children[0] ?? cell)));
  return {
    kind: "table",
    header: headerRow ? cells(headerRow) : [],
    rows: bodyRows.map(cells),
    pos: startOf(node),
  };
}

/**
 * GFM drops the cells of a row beyond the header's count (usually an unescaped `|` in the text).
 * Count the row's cells in its source line (pipes not escaped with `\`, as GFM splits on them even
 * inside code spans) and report the rows that lost text.
 */
function reportExtraCells(node: Table, outline: Outline, lines: readonly string[]): void {
  const columns = node.children[0]?.children.length ?? 0;
  for (const row of node.children.slice(1)) {
    const start = row.position?.start;
    if (!start) continue;
    const count = sourceCellCount((lines[start.line - 1] ?? "").slice(start.column - 1));
    if (count <= columns) continue;
    (outline.problems ??= []).push({
      code: "table-row-extra-cells",
      pos: { line: start.line, column: start.column },
      message: `This table row has ${count} cells but the table has ${columns} columns; the text after the last column is dropped. Write a | inside a cell as \\|.`,
    });
  }
}

/** Cells of a table row as written: segments between unescaped pipes, edge pipes not counting. */
function sourceCellCount(line: string): number {
  const segments = line.trim().split(/(?<!\\)\|/);
  if (segments[0]?.trim() === "") segments.shift();
  if (segments.length > 0 && segments[segments.length - 1]?.trim() === "") segments.pop();
  return segments.length;
}

/** Flattens phrasing content to text: inline code keeps its backticks, links keep their text, `<br>` becomes a space. */
export function inlineText(children: PhrasingContent[], pos: Pos): InlineText {
  const out: InlineText = { text: "", links: [], emphasis: [], pos };
  const parts: string[] = [];
  const walk = (nodes: PhrasingContent[]): void => {
    for (const child of nodes) {
      switch (child.type) {
        case "text":
          parts.push(child.value);
          break;
        case "inlineCode":
          parts.push("`" + child.value + "`");
          break;
        case "break":
          parts.push(" ");
          break;
        case "html":
          parts.push(BREAK_TAG.test(child.value.trim()) ? " " : "");
          break;
        case "link":
        case "linkReference": {
          const before = parts.length;
          walk(child.children);
          const text = parts.slice(before).join("").trim();
          const url = child.type === "link" ? child.url : child.identifier;
          const link: Link = { text: stripCodeTicks(text), url, pos: startOf(child) };
          out.links.push(link);
          break;
        }
        case "emphasis":
        case "strong": {
          const before = parts.length;
          walk(child.children);
          out.emphasis.push(parts.slice(before).join("").trim());
          break;
        }
        case "delete":
          walk(child.children);
          break;
        default:
          break;
      }
    }
  };
  walk(children);
  out.text = parts.join("").replace(/\s+/g, " ").trim();
  return out;
}

function stripCodeTicks(text: string): string {
  return text.replace(/^`+|`+$/g, "");
}

function startOf(node: Nodes): Pos {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

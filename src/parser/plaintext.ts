/**
 * Plain-text front end: turns a plain-text rendering of a doc page into the same Outline the
 * markdown front end produces, so the section extractors work on both.
 *
 * The format is what is left of a markdown page once the markup is gone: no `#`, no table pipes,
 * no code fences, no links, no backticks, maybe no final newline. Structure is recovered by
 * recognising lines:
 *
 *   Update remoteActionAudit                          <- first non-blank line: title (depth 1)
 *   Permissions                                       <- known section name alone on a line (depth 2)
 *   Permission type Permissions (from least to ...)   <- known table header; rows follow until a
 *   Delegated (work or school account) User.Read         blank line or a heading
 *   HTTP Request
 *   PATCH /users/{id}                                 <- route lines in "HTTP request": code block
 *   Example                                           <- from here on, Request / Response are
 *   Request                                              example sub-headings (depth 3)
 *   PATCH https://graph.microsoft.com/v1.0/users/{id} <- request line, headers, blank line, JSON
 *   Content-type: application/json                       body until its brackets balance
 *
 *   { "displayName": "x" }
 *
 * Everything else is a paragraph (one per run of non-blank lines). Positions are 1-based and
 * count characters after a leading BOM, if any.
 */
import type { Block, CodeBlock, HeadingBlock, InlineText, Outline, ParagraphBlock, Pos, TableBlock } from "./outline.js";

// ---------------------------------------------------------------------------------------------
// Detection

const MARKDOWN_LINE_SIGNALS: RegExp[] = [
  /^\s{0,3}#{1,6}\s/, // ATX heading
  /^\s*\|/, // table row
  /^\s{0,3}(```|~~~)/, // code fence
];

/** True when the text has none of the markdown signals (headings, pipes, fences, front matter, comments, links). */
export function looksLikePlainText(text: string): boolean {
  const body = stripBom(text);
  if (body.trim() === "") return false;
  if (body.includes("<!--") || body.includes("](")) return false;
  const lines = splitLines(body);
  if (lines[0].trimEnd() === "---") return false;
  return !lines.some((line) => MARKDOWN_LINE_SIGNALS.some((signal) => signal.test(line)));
}

// ---------------------------------------------------------------------------------------------
// Headings and sections

const SECTION_NAMES = new Set(
  [
    "Permissions", "Prerequisites", "HTTP request", "Request headers", "Request body", "Response",
    "Example", "Examples", "Properties", "Relationships", "Methods", "JSON representation",
    "Query parameters", "Optional query parameters", "Path parameters", "Function parameters",
    "Parameters", "Members", "Request",
  ].map((name) => name.toLowerCase()),
);

/** `Example 1: Create a user`, `Example 2 - ...`, or a bare `Example 3`. */
const NUMBERED_EXAMPLE = /^example \d+\s*([:.\-–—].*)?$/;

/** Which section the current line is in; decides depth of Request/Response and which code blocks start. */
type Section = "other" | "http-request" | "example" | "example-request" | "example-response";

interface HeadingInfo {
  depth: number;
  section: Section;
}

function isExampleSection(section: Section): boolean {
  return section === "example" || section === "example-request" || section === "example-response";
}

/** The heading a line is, given the current section, or null when it is not a heading. */
function headingOf(line: string, section: Section): HeadingInfo | null {
  const name = normalize(line);
  if (isExampleSection(section) && name === "request") return { depth: 3, section: "example-request" };
  if (isExampleSection(section) && name === "response") return { depth: 3, section: "example-response" };
  if (name === "example" || name === "examples" || NUMBERED_EXAMPLE.test(name)) {
    return { depth: 2, section: "example" };
  }
  if (!SECTION_NAMES.has(name)) return null;
  return { depth: 2, section: name === "http request" ? "http-request" : "other" };
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Token {
  text: string;
  start: number;
}

/**
 * How a table's lines split into cells. Each number is how many whitespace-separated tokens the
 * next cell takes (0 = an empty cell); the last cell is always the rest of the line.
 */
interface TableKind {
  headerGroups: number[];
  rowGroups: (tokens: Token[]) => number[];
}

const PERMISSION_TYPES = [
  "Delegated (work or school account)",
  "Delegated (personal Microsoft account)",
  "Application",
].map((phrase) => phrase.toLowerCase().split(" "));

/** Token count of the longest permission type the row starts with; 1 (the first token) when none does. */
function permissionTypeLength(tokens: Token[]): number {
  let longest = 1;
  for (const words of PERMISSION_TYPES) {
    const matches = words.every((word, i) => tokens[i]?.text.toLowerCase() === word);
    if (matches && words.length > longest) longest = words.length;
  }
  return longest;
}

const PERMISSIONS_TABLE: TableKind = { headerGroups: [2], rowGroups: (tokens) => [permissionTypeLength(tokens)] };

const NAME_TYPE_DESCRIPTION_TABLE: TableKind = {
  headerGroups: [1, 1],
  rowGroups: (tokens) => [1, tokens[2]?.text.toLowerCase() === "collection" ? 2 : 1],
};

const NAME_VALUE_TABLE: TableKind = { headerGroups: [1], rowGroups: () => [1] };

const MEMBER_VALUE_DESCRIPTION_TABLE: TableKind = {
  headerGroups: [1, 1],
  rowGroups: (tokens) => [1, /^-?\d+$/.test(tokens[1]?.text ?? "") ? 1 : 0],
};

/** Known header lines, normalized (trimmed, single spaces, lower case). */
const TABLE_KINDS = new Map<string, TableKind>([
  ["permission type permissions (from least to most privileged)", PERMISSIONS_TABLE],
  ["permission type permissions (from most to least privileged)", PERMISSIONS_TABLE],
  ["property type description", NAME_TYPE_DESCRIPTION_TABLE],
  ["parameter type description", NAME_TYPE_DESCRIPTION_TABLE],
  ["name type description", NAME_TYPE_DESCRIPTION_TABLE],
  ["relationship type description", NAME_TYPE_DESCRIPTION_TABLE],
  ["header value", NAME_VALUE_TABLE],
  ["name value", NAME_VALUE_TABLE],
  ["member value description", MEMBER_VALUE_DESCRIPTION_TABLE],
  ["member description", NAME_VALUE_TABLE],
]);

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\S+/g;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    tokens.push({ text: match[0], start: match.index });
  }
  return tokens;
}

/**
 * Cells of one table line: grouped cells are their tokens joined by one space, the last cell is
 * the rest of the line as written. An empty cell sits where its text would start.
 */
function splitCells(line: string, lineIndex: number, tokens: Token[], groups: number[]): InlineText[] {
  const cells: InlineText[] = [];
  const emptyStart = (next: number): number => tokens[next]?.start ?? line.trimEnd().length;
  let next = 0;
  for (const size of groups) {
    const taken = tokens.slice(next, next + size);
    const text = taken.map((token) => token.text).join(" ");
    cells.push(inlineText(text, lineIndex, taken[0]?.start ?? emptyStart(next)));
    next += taken.length;
  }
  const rest = tokens[next];
  cells.push(inlineText(rest ? line.slice(rest.start).trimEnd() : "", lineIndex, emptyStart(next)));
  return cells;
}

/** Reads a table whose header is at `start`; rows run until a blank line, a heading or another table header. */
function readTable(lines: string[], start: number, kind: TableKind, section: Section): { block: TableBlock; end: number } {
  const header = splitCells(lines[start], start, tokenize(lines[start]), kind.headerGroups);
  const rows: InlineText[][] = [];
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (isBlank(line) || headingOf(line, section) || TABLE_KINDS.has(normalize(line))) break;
    const tokens = tokenize(line);
    rows.push(splitCells(line, end, tokens, kind.rowGroups(tokens)));
  }
  return { block: { kind: "table", header, rows, pos: firstCharPos(lines[start], start) }, end };
}

// ---------------------------------------------------------------------------------------------
// Code blocks

const ROUTE_LINE = /^\s*(GET|POST|PATCH|PUT|DELETE) /;
const REQUEST_LINE = /^\s*(GET|POST|PATCH|PUT|DELETE) +(\/|https?:\/\/)/;
const STATUS_LINE = /^\s*HTTP\//;
const HEADER_LINE = /^\s*[A-Za-z][\w.-]*:(\s|$)/;
const JSON_START = /^\s*[[{]/;

/**
 * Whether a code block starts at this line in this section. Directly under an `Example` heading
 * (before any Request/Response sub-heading) both request and status lines start one.
 */
function startsCode(line: string, section: Section): boolean {
  switch (section) {
    case "http-request":
      return ROUTE_LINE.test(line);
    case "example-request":
      return REQUEST_LINE.test(line);
    case "example-response":
      return STATUS_LINE.test(line);
    case "example":
      return REQUEST_LINE.test(line) || STATUS_LINE.test(line);
    case "other":
      return false;
  }
}

/** End (exclusive) of the route lines starting at `start`. */
function routeLinesEnd(lines: string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && ROUTE_LINE.test(lines[end])) end++;
  return end;
}

/** End (exclusive) of an example: request/status line, header lines, blank lines, optional JSON body. */
function exampleEnd(lines: string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && HEADER_LINE.test(lines[end])) end++;
  let bodyStart = end;
  while (bodyStart < lines.length && isBlank(lines[bodyStart])) bodyStart++;
  if (bodyStart < lines.length && JSON_START.test(lines[bodyStart])) end = jsonBodyEnd(lines, bodyStart);
  return end;
}

/**
 * End (exclusive) of a JSON body: the line where its brackets balance, or (never balanced) the
 * next heading line or the end of the text. Strings are tracked per line, as JSON strings cannot
 * span lines; this keeps one unterminated string from swallowing the rest of the page.
 */
function jsonBodyEnd(lines: string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    if (i > start && headingOf(lines[i], "example")) return i;
    depth = bracketDepthAfter(lines[i], depth);
    if (depth <= 0) return i + 1;
  }
  return lines.length;
}

/** Bracket depth after scanning a line, ignoring brackets inside strings; stops early once balanced. */
function bracketDepthAfter(line: string, depth: number): number {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "{" || char === "[") {
      depth++;
    } else if (char === "}" || char === "]") {
      depth--;
      if (depth <= 0) return depth;
    }
  }
  return depth;
}

function codeBlock(lines: string[], start: number, end: number): CodeBlock {
  while (end > start + 1 && isBlank(lines[end - 1])) end--;
  const pos = firstCharPos(lines[start], start);
  return { kind: "code", lang: "http", value: lines.slice(start, end).join("\n"), contentPos: pos, pos };
}

// ---------------------------------------------------------------------------------------------
// The outline

/** Builds the outline of a plain-text page. Never throws; linear in the size of the text. */
export function plainTextToOutline(file: string, text: string): Outline {
  const lines = splitLines(stripBom(text));
  const blocks: Block[] = [];
  const titleIndex = lines.findIndex((line) => !isBlank(line));
  if (titleIndex >= 0) blocks.push(heading(1, lines[titleIndex], titleIndex));
  let section: Section = "other";
  let i = titleIndex >= 0 ? titleIndex + 1 : lines.length;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const headingInfo = headingOf(line, section);
    const tableKind = TABLE_KINDS.get(normalize(line));
    if (headingInfo) {
      blocks.push(heading(headingInfo.depth, line, i));
      section = headingInfo.section;
      i++;
    } else if (tableKind) {
      const table = readTable(lines, i, tableKind, section);
      blocks.push(table.block);
      i = table.end;
    } else if (startsCode(line, section)) {
      const end = section === "http-request" ? routeLinesEnd(lines, i) : exampleEnd(lines, i);
      blocks.push(codeBlock(lines, i, end));
      i = end;
    } else {
      const end = paragraphEnd(lines, i, section);
      blocks.push(paragraph(lines, i, end));
      i = end;
    }
  }
  return { file, format: "plaintext", frontMatter: null, frontMatterPos: null, blocks };
}

/** End (exclusive) of the paragraph at `start`: the next blank line or line that starts another block. */
function paragraphEnd(lines: string[], start: number, section: Section): number {
  let end = start + 1;
  while (end < lines.length && !isBlank(lines[end]) && !startsBlock(lines[end], section)) end++;
  return end;
}

function startsBlock(line: string, section: Section): boolean {
  return headingOf(line, section) !== null || TABLE_KINDS.has(normalize(line)) || startsCode(line, section);
}

function paragraph(lines: string[], start: number, end: number): ParagraphBlock {
  const text = lines.slice(start, end).map((line) => line.trim()).join(" ");
  return { kind: "paragraph", ...inlineText(text, start, lines[start].search(/\S/)) };
}

function heading(depth: number, line: string, lineIndex: number): HeadingBlock {
  return { kind: "heading", depth, text: line.trim(), pos: firstCharPos(line, lineIndex) };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function inlineText(text: string, lineIndex: number, charIndex: number): InlineText {
  return { text, links: [], emphasis: [], pos: { line: lineIndex + 1, column: charIndex + 1 } };
}

function firstCharPos(line: string, lineIndex: number): Pos {
  return { line: lineIndex + 1, column: Math.max(line.search(/\S/), 0) + 1 };
}

function stripBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Trimmed, whitespace runs as one space, lower case: the form headings and table headers are matched in. */
function normalize(line: string): string {
  return line.trim().replace(/\s+/g, " ").toLowerCase();
}

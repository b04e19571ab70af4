/**
 * The remark parse the markdown front end uses: CommonMark + GFM tables + YAML front matter, with
 * the bodies of top-level fenced code blocks hidden from micromark, and a large page parsed in
 * parts.
 *
 * Of GFM only tables are enabled: the outline never uses strikethrough, footnotes or task lists
 * (the corpus has none), and bare-URL autolinks only add links nobody reads, while each extension
 * costs tokenizer time on every character.
 *
 * Example bodies (JSON, HTTP) are a large share of every page, and micromark tokenizes them
 * character by character only to hand them back verbatim. So the body lines of fences that start
 * in column 1 and close are replaced by empty lines before parsing (line numbers stay true) and put
 * back into the code nodes afterwards. When the tree does not have exactly those code blocks (a
 * fence inside an HTML block, say), the page is parsed again as written: the shortcut can cost
 * time, never correctness.
 *
 * Parts: micromark keeps every token of a document until it has built the whole tree, a few hundred
 * bytes per token, so a page of tens of megabytes needs gigabytes. `forEachMarkdownPart` cuts the
 * page where a top-level block must start (see `splitPoints`), parses each part on its own (true
 * lines, columns and offsets kept) and hands the trees over one by one, so the caller can keep what
 * it needs of each and let the rest go. The trees together are the tree of the whole page (checked
 * over the corpus by scripts/check-parse.mjs): a part whose last block is still open at its end (a
 * fence the scan took for closed) is joined with the next one and parsed again, and link reference
 * definitions of other parts are put in front of a part as invisible extra lines.
 */
import type { Code, Nodes, Root, RootContent } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

/** GFM tables only (what remark-gfm does, minus its other four extensions). */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ["yaml"]);

const OPEN_FENCE = /^(`{3,}|~{3,})(.*)$/;
const CLOSE_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

interface HiddenFence {
  /** 1-based lines of the opening and closing fence. */
  open: number;
  close: number;
  body: string;
  /** Characters the blanked body lines no longer have. */
  removed: number;
}

/** Below this many characters a page is parsed whole: each part costs a parser set-up. */
export const MIN_PART_CHARS = 64 * 1024;

/** The tree of the whole page (what `forEachMarkdownPart` hands over, joined). */
export function parseMarkdown(text: string, minPartChars = MIN_PART_CHARS): Root {
  const roots: Root[] = [];
  forEachMarkdownPart(text, (root) => roots.push(root), minPartChars);
  if (roots.length === 1 && roots[0] !== undefined) return roots[0];
  return { type: "root", children: roots.flatMap((root) => root.children), position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}

/**
 * Parses `text` in parts of at least `minPartChars` characters (where it can be cut) and calls
 * `visit` with each part's tree, in order, positions relative to the whole text. One part: the
 * tree is the whole page's, root position included.
 */
export function forEachMarkdownPart(text: string, visit: (root: Root) => void, minPartChars = MIN_PART_CHARS): void {
  const starts = lineStarts(text);
  const cuts = starts === null ? [] : splitPoints(text, starts, minPartChars);
  if (starts === null || cuts.length === 0) {
    visit(parseWhole(text));
    return;
  }
  const bounds = [0, ...cuts];
  const at = (k: number): number => (k < bounds.length ? (starts[bounds[k] ?? 0] ?? text.length) : text.length);
  const labels = [...new Set(definitionLabels(bounds.map((_, k) => text.slice(at(k), at(k + 1)))))];
  for (let k = 0; k < bounds.length; ) {
    let end = k + 1;
    for (;;) {
      const first = bounds[k] ?? 0;
      const lines = (bounds[end] ?? starts.length) - first;
      const last = end >= bounds.length;
      const root = parsePart(text.slice(at(k), at(end)), labels, k === 0 ? (last ? "none" : "append") : "prepend", lines);
      if (!last && endsOpen(root, lines)) {
        end++;
        continue;
      }
      shift(root, first, at(k));
      visit(root);
      break;
    }
    k = end;
  }
}

/** Offsets of each line's first character; null when the text has a lone CR line ending (not split then). */
function lineStarts(text: string): number[] | null {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  if (/\r(?!\n)/.test(text)) return null;
  return starts;
}

/** A line a part may start with: not indented, and not a list item, block quote, thematic break or setext underline. */
const PART_START = /^[^\s\-+*=_>0-9]/;
const BLANK = /^[ \t]*$/;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** HTML blocks that run across blank lines (CommonMark kinds 1–5) and what ends each. */
const HTML_BLOCKS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/**
 * Line indexes where a part may start: a line after a blank line, starting a paragraph, heading,
 * table, fence or HTML block at the left margin (`PART_START`), outside front matter, fences and the
 * HTML blocks that blank lines do not end. There every block before it is closed and none of them
 * can continue, so parsing the two sides apart gives the same blocks. Parts are at least
 * `minPartChars` long.
 */
function splitPoints(text: string, starts: readonly number[], minPartChars: number): number[] {
  const line = (i: number): string => text.slice(starts[i] ?? text.length, (starts[i + 1] ?? text.length + 1) - 1).replace(/\r$/, "");
  const cuts: number[] = [];
  let i = 0;
  if (line(0).startsWith("---")) {
    // Front matter: nothing is cut before its closing fence (or at all, when it has none).
    i = 1;
    while (i < starts.length && line(i).trimEnd() !== "---") i++;
    if (i >= starts.length) return [];
  }
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let blankBefore = false;
  let partStart = 0;
  for (; i < starts.length; i++) {
    const current = line(i);
    if (fence !== null) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(current)?.[1];
      if (close !== undefined && close[0] === fence.char && close.length >= fence.length) fence = null;
      blankBefore = false;
      continue;
    }
    if (htmlEnd !== null) {
      if (htmlEnd.test(current)) htmlEnd = null;
      blankBefore = false;
      continue;
    }
    if (blankBefore && PART_START.test(current) && (starts[i] ?? 0) - (starts[partStart] ?? 0) >= minPartChars) {
      cuts.push(i);
      partStart = i;
    }
    const open = FENCE_LINE.exec(current);
    if (open?.[1] !== undefined && !(open[1].startsWith("`") && (open[2] ?? "").includes("`"))) fence = { char: open[1][0] ?? "`", length: open[1].length };
    for (const [start, end] of HTML_BLOCKS) {
      const m = start.exec(current);
      if (m !== null) {
        if (!end.test(current.slice(m[0].length))) htmlEnd = end;
        break;
      }
    }
    blankBefore = BLANK.test(current);
  }
  return cuts;
}

/** What might define a link reference: `[label]:` after container markers. Only parts with one are parsed for their definitions. */
const DEFINITION_LIKE = /^[ \t>*+\-0-9.)]*\[[^\n]*\]:/m;

/** The identifiers of the link reference definitions of all parts (a part is parsed for them only when it might have some). */
function definitionLabels(parts: readonly string[]): string[] {
  const labels: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "definition") labels.push(node.identifier);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  for (const part of parts) if (DEFINITION_LIKE.test(part)) visit(parseWhole(part));
  return labels;
}

/**
 * Parses one part. The definitions of the other parts come along as `[label]: #` lines, so that
 * references to them are links as in the whole page: before the part (its first lines then move
 * back), or after the first part, which may start with front matter and ends with a blank line.
 * The extra definitions are removed from the tree.
 */
function parsePart(text: string, labels: readonly string[], where: "prepend" | "append" | "none", lines: number): Root {
  const extra = where === "none" ? [] : labels;
  if (extra.length === 0) return parseWhole(text);
  const defs = extra.map((label) => `[${label}]: #`).join("\n");
  if (where === "append") {
    const root = parseWhole(`${text}\n${defs}\n`);
    root.children = root.children.filter((node) => !(node.type === "definition" && (node.position?.start.line ?? 0) > lines));
    return root;
  }
  const prefix = `${defs}\n\n`;
  const root = parseWhole(prefix + text);
  root.children = root.children.filter((node) => !(node.type === "definition" && (node.position?.start.line ?? 0) <= extra.length));
  shift(root, -(extra.length + 1), -prefix.length);
  return root;
}

/** A part ends with a blank line (line `lines`); a top-level block reaching it was still open when the part ended. */
function endsOpen(root: Root, lines: number): boolean {
  return root.children.some((node) => (node.position?.end.line ?? 0) >= lines);
}

/** Moves every position of a part's tree by the lines and characters before the part. */
function shift(root: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const visit = (node: Nodes): void => {
    const position = node.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(root);
}

/** Where a tree of the whole text ends (the root's end point). */
function endPoint(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1, offset: text.length };
}

/** One text, parsed as a whole (fence bodies hidden when that is safe). */
function parseWhole(text: string): Root {
  if (text.includes("\r")) return processor.parse(text);
  const lines = text.split("\n");
  const fences = hideFenceBodies(lines);
  if (fences.length === 0) return processor.parse(text);
  const root = processor.parse(lines.join("\n"));
  return restoreFenceBodies(root, fences) ? root : processor.parse(text);
}

/** Blanks the body lines of closed top-level fences in `lines` (in place) and returns them. */
function hideFenceBodies(lines: string[]): HiddenFence[] {
  const fences: HiddenFence[] = [];
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (inComment) {
      if (line.includes("-->")) inComment = false;
      continue;
    }
    if (line.startsWith("<!--")) {
      inComment = !line.includes("-->", 4);
      continue;
    }
    const open = OPEN_FENCE.exec(line);
    if (!open?.[1]) continue;
    const marker = open[1];
    if (marker.startsWith("`") && (open[2] ?? "").includes("`")) continue;
    let close = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const m = CLOSE_FENCE.exec(lines[j] ?? "");
      if (m?.[1] && m[1][0] === marker[0] && m[1].length >= marker.length) {
        close = j;
        break;
      }
    }
    if (close < 0) break; // An unclosed fence runs to the end of the page: left to micromark as written.
    const body = lines.slice(i + 1, close);
    fences.push({ open: i + 1, close: close + 1, body: body.join("\n"), removed: body.reduce((n, l) => n + l.length, 0) });
    for (let j = i + 1; j < close; j++) lines[j] = "";
    i = close;
  }
  return fences;
}

/** Puts the hidden bodies back; false when the tree's top-level code blocks are not exactly the hidden fences. */
function restoreFenceBodies(root: Root, fences: readonly HiddenFence[]): boolean {
  const byLine = new Map<number, HiddenFence>(fences.map((f) => [f.open, f]));
  const found: Code[] = [];
  const visit = (node: Nodes): boolean => {
    if (node.type === "code") {
      const start = node.position?.start;
      const end = node.position?.end;
      const fence = start && start.column === 1 ? byLine.get(start.line) : undefined;
      if (fence !== undefined) {
        if (end?.line !== fence.close) return false;
        found.push(node);
        return true;
      }
      // Any other code block must not overlap a hidden body.
      return !fences.some((f) => start !== undefined && end !== undefined && start.line <= f.close && end.line >= f.open);
    }
    if ("children" in node) for (const child of node.children) if (!visit(child)) return false;
    return true;
  };
  if (!visit(root) || found.length !== fences.length) return false;
  for (const node of found) {
    const fence = byLine.get(node.position?.start.line ?? 0);
    if (fence) node.value = fence.body;
  }
  shiftOffsets(root, fences);
  return true;
}

/** Offsets after a blanked body move by the characters it lost (lines and columns never changed). */
function shiftOffsets(root: Root, fences: readonly HiddenFence[]): void {
  const shiftAt = (line: number): number => {
    let shift = 0;
    for (const f of fences) if (f.close <= line) shift += f.removed;
    return shift;
  };
  const visit = (node: Nodes): void => {
    const position = node.position;
    if (position) {
      if (position.start.offset !== undefined) position.start.offset += shiftAt(position.start.line);
      if (position.end.offset !== undefined) position.end.offset += shiftAt(position.end.line);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(root);
}

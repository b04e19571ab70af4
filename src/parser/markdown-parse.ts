/**
 * The remark parse the markdown front end uses: CommonMark + GFM tables + YAML front matter, with
 * the bodies of top-level fenced code blocks hidden from micromark.
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
 */
import type { Code, Nodes, Root } from "mdast";
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

export function parseMarkdown(text: string): Root {
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

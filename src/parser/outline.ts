/**
 * The outline: a flat list of blocks that both front ends (markdown via remark, plain text via
 * plaintext.ts) produce, and that the section extractors read. It carries exactly what the
 * extractors need, each piece with its 1-based line and column in the original file.
 */

export interface Pos {
  line: number;
  column: number;
}

export interface Link {
  /** Visible text of the link (`remoteAction`). */
  text: string;
  /** Target as written (`../resources/remoteaction.md`); empty for plain-text pages. */
  url: string;
  pos: Pos;
}

/** Text of a paragraph or table cell: markdown removed, inline code kept in backticks, `<br>` as a space. */
export interface InlineText {
  text: string;
  links: Link[];
  /** Text of emphasised (italic/bold) runs, for "Prerequisites" scopes and TODO markers. */
  emphasis: string[];
  pos: Pos;
}

export interface HeadingBlock {
  kind: "heading";
  depth: number;
  text: string;
  pos: Pos;
}

export interface ParagraphBlock extends InlineText {
  kind: "paragraph";
}

export interface TableBlock {
  kind: "table";
  header: InlineText[];
  rows: InlineText[][];
  pos: Pos;
}

export interface CodeBlock {
  kind: "code";
  /** Info string (`http`, `json`), lower-cased; null when the fence has none or the block is unfenced. */
  lang: string | null;
  value: string;
  /** Position of the first character of the first content line (the line after the opening fence). */
  contentPos: Pos;
  pos: Pos;
}

/** A `<!-- { … } -->` comment; `raw` is the text between `<!--` and `-->`. */
export interface AnnotationBlock {
  kind: "annotation";
  raw: string;
  pos: Pos;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | CodeBlock | AnnotationBlock;

export interface Outline {
  file: string;
  format: "markdown" | "plaintext";
  /** Parsed YAML front matter, or null when absent or invalid. */
  frontMatter: Record<string, unknown> | null;
  frontMatterPos: Pos | null;
  blocks: Block[];
  /** Problems the front end recovered from (an unclosed code fence), reported by the page extractor. */
  problems?: OutlineProblem[];
}

export interface OutlineProblem {
  code: "code-fence-unclosed" | "table-row-extra-cells";
  pos: Pos;
  message: string;
}

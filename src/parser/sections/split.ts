/**
 * Splits an outline into the page title and its sections. A section starts at a heading of depth
 * ≤ 2 (after the H1 title) and holds every block up to the next one, deeper headings included:
 * `## Response` is a section, `### Response` inside `## Example` is an example sub-heading.
 */
import type { Block, HeadingBlock, Outline } from "../outline.js";

export interface Section {
  key: string;
  heading: HeadingBlock;
  blocks: Block[];
}

export interface SectionedPage {
  title: HeadingBlock | null;
  /** Blocks between the title and the first section (description, notes). */
  intro: Block[];
  sections: Section[];
}

/** `HTTP Request:` → `http request`; `Example 1: Get a user` → `example 1: get a user`. */
export function sectionKey(text: string): string {
  return text
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .replace(/:$/, "")
    .toLowerCase();
}

export function splitSections(outline: Outline): SectionedPage {
  const page: SectionedPage = { title: null, intro: [], sections: [] };
  let current: Section | null = null;
  for (const block of outline.blocks) {
    if (block.kind === "heading" && block.depth === 1 && page.title === null && current === null) {
      page.title = block;
      continue;
    }
    if (block.kind === "heading" && block.depth <= 2) {
      current = { key: sectionKey(block.text), heading: block, blocks: [] };
      page.sections.push(current);
      continue;
    }
    (current ? current.blocks : page.intro).push(block);
  }
  return page;
}

/** The first section whose key is one of `keys` (exact) or, for keys ending in `*`, starts with it. */
export function findSection(page: SectionedPage, ...keys: string[]): Section | undefined {
  return page.sections.find((section) =>
    keys.some((key) => (key.endsWith("*") ? section.key.startsWith(key.slice(0, -1)) : section.key === key)),
  );
}

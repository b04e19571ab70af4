/**
 * Where an operation page writes its routes:
 * - the `## HTTP request` section (also `## HTTP requests`, and qualified ones such as
 *   `## HTTP request (to upload a new file)`: every such section counts);
 * - on pages documenting variants without such a section (`## List a group's drives`, …): the
 *   blocks under each variant's `### HTTP request`, and in a variant that has no such heading, the
 *   code blocks made only of `METHOD /path` lines with a relative path: the variant shows its
 *   route, often in the request block that is also its example. Example sections never hold routes,
 *   and absolute URLs (`PUT https://sn3302.up.1drv.com/up/…`, an upload URL) are no route templates.
 */
import type { Block, CodeBlock } from "../outline.js";
import { sectionKey, type Section, type SectionedPage } from "./split.js";

const ROUTE_KEYS = ["http request", "http requests"];

/** `http request`, `http requests`, `http request (to upload a new file)`. */
function isRouteKey(key: string): boolean {
  return ROUTE_KEYS.some((k) => key === k || key.startsWith(`${k} (`));
}

/** The page's HTTP request sections, in page order. */
export function routeSections(page: SectionedPage): Section[] {
  return page.sections.filter((section) => isRouteKey(section.key));
}

/** The route blocks of a page without an HTTP request section (see the module comment). */
export function variantRouteBlocks(page: SectionedPage): Block[] {
  return page.sections.flatMap((section) => {
    const underHeadings = subsectionBlocks(section);
    if (underHeadings.length > 0 || section.key.startsWith("example")) return underHeadings;
    return section.blocks.filter(isRouteBlock);
  });
}

/** True when the page documents routes in any of the places above. */
export function hasRoutes(page: SectionedPage): boolean {
  return routeSections(page).length > 0 || variantRouteBlocks(page).length > 0;
}

/** The blocks under the section's `### HTTP request` headings, each up to the next heading. */
function subsectionBlocks(section: Section): Block[] {
  const out: Block[] = [];
  let inside = false;
  for (const block of section.blocks) {
    if (block.kind === "heading") inside = isRouteKey(sectionKey(block.text));
    else if (inside) out.push(block);
  }
  return out;
}

const RELATIVE_ROUTE = /^\s*(?:GET|POST|PATCH|PUT|DELETE)\s+~?\/.*$/i;

/** A code block whose every non-empty line is `METHOD /path`. */
function isRouteBlock(block: Block): block is CodeBlock {
  if (block.kind !== "code") return false;
  const lines = block.value.split("\n").filter((line) => line.trim() !== "");
  return lines.length > 0 && lines.every((line) => RELATIVE_ROUTE.test(line));
}

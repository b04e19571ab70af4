#!/usr/bin/env node
/**
 * Checks docgen's parse shortcuts (GFM tables only, fence bodies hidden from micromark, large pages
 * parsed in parts; see src/parser/markdown-parse.ts) against a plain parse, page by page, over a
 * corpus: every tree must be identical, positions included. Each page is parsed twice: as docgen
 * does (parts of at least 64 KB) and cut at every point where it can be cut (parts of any size).
 * Usage: npm run build && node scripts/check-parse.mjs [folder ...]
 */
import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseMarkdown } from "../dist/parser/markdown-parse.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const folders = process.argv.slice(2);
if (folders.length === 0) for (const sub of ["api", "resources"]) folders.push(path.resolve(ROOT, "../shared/corpus/graph-docs-2021/beta", sub));
const plain = unified()
  .use(remarkParse)
  .use(function tables() {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  })
  .use(remarkFrontmatter, ["yaml"]);

let pages = 0;
const differ = [];
for (const folder of folders) {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    pages++;
    const expected = plain.parse(text);
    if (!isDeepStrictEqual(parseMarkdown(text), expected)) differ.push(path.relative(ROOT, file));
    else if (!isDeepStrictEqual(parseMarkdown(text, 0), expected)) differ.push(`${path.relative(ROOT, file)} (in smallest parts)`);
  }
}
console.log(`${pages} pages: ${pages - differ.length} identical trees, ${differ.length} different`);
for (const file of differ.slice(0, 20)) console.log(`  differs: ${file}`);
process.exitCode = differ.length === 0 ? 0 : 1;

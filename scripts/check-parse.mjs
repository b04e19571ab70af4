#!/usr/bin/env node
/**
 * Checks docgen's parse shortcut (GFM tables only, fence bodies hidden from micromark; see
 * src/parser/markdown-parse.ts) against a plain parse, page by page, over a corpus: every tree must
 * be identical, positions included. Also counts how many pages fell back to a plain parse.
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
    if (!isDeepStrictEqual(parseMarkdown(text), plain.parse(text))) differ.push(path.relative(ROOT, file));
  }
}
console.log(`${pages} pages: ${pages - differ.length} identical trees, ${differ.length} different`);
for (const file of differ.slice(0, 20)) console.log(`  differs: ${file}`);
process.exitCode = differ.length === 0 ? 0 : 1;

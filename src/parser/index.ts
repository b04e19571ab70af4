/**
 * The parser's entry point: text of one document → PageModel. The front end (markdown or plain
 * text) is chosen from the content, never from the file name.
 */
import type { PageModel } from "../model/page.js";
import { markdownToOutline } from "./markdown.js";
import { extractPage } from "./page.js";
import { looksLikePlainText, plainTextToOutline } from "./plaintext.js";

export function parseDocument(file: string, text: string): PageModel {
  const clean = text.replace(/^\uFEFF/, "");
  const outline = looksLikePlainText(clean) ? plainTextToOutline(file, clean) : markdownToOutline(file, clean);
  return extractPage(outline);
}

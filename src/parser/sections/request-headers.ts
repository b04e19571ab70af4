/** The `Header | Value` table of the Request headers section. */
import type { HeaderModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { Block, TableBlock } from "../outline.js";

export function parseRequestHeaders(blocks: readonly Block[], ctx: PageContext): HeaderModel[] {
  const table = blocks.find((b): b is TableBlock => b.kind === "table" && /^(?:header|name)$/i.test(b.header[0]?.text.trim() ?? ""));
  if (!table) return [];
  const headers: HeaderModel[] = [];
  for (const [nameCell, valueCell] of table.rows) {
    const name = nameCell?.text.replace(/[`*]/g, "").trim() ?? "";
    if (name === "") continue;
    const value = valueCell?.text.trim() ?? "";
    headers.push({ name, value, required: /\brequired\b/i.test(value) && !/\bnot required\b/i.test(value), source: ctx.at(nameCell?.pos ?? table.pos) });
  }
  return headers;
}

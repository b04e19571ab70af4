/**
 * The type-cell grammar: `String`, `string`, `Edm.Int32`, `[x](x.md)`, `[x](x.md) collection`,
 * `String collection`, `Collection(String)`, `Collection([x](x.md))`, `Collection of [x]`,
 * `microsoft.graph.x`, `` `String` ``, `Enumeration`, `string (timestamp)`.
 */
import { primitiveFor } from "../../model/primitives.js";
import type { InlineText } from "../outline.js";

export interface ParsedType {
  /** A canonical primitive name, or the type name as the docs spell it. */
  type: string;
  collection: boolean;
  /** True when the docs wrote `Enumeration`: a String whose values the description lists. */
  enumeration: boolean;
  /** True when the type names another type (not a primitive): a reference to resolve. */
  reference: boolean;
}

const COLLECTION_OF = /^collection\s*\(\s*(.+?)\s*\)$|^collection of\s+(.+)$|^(.+?)\s+collection$/i;

export function parseTypeCell(cell: InlineText): ParsedType | null {
  // A reference-style link whose definition remark did not find stays literal text: `[x][]`, `[x][ref]`, `[x]`.
  const text = cell.text
    .replace(/`/g, "")
    .replace(/\[([^\]]+)\](?:\[[^\]]*\])?/g, "$1")
    .trim();
  if (text === "") return null;
  const collection = COLLECTION_OF.test(text) || /\bcollection\b/i.test(text);
  const link = cell.links[0];
  const raw = link ? link.text : unwrapCollection(text);
  const name = raw
    .replace(/`/g, "")
    .replace(/\s*\(.*\)$/, "")
    .trim()
    .split(/\s+/)[0]
    ?.replace(/[,;:]+$/, "") ?? "";
  const bare = name.replace(/^(?:microsoft\.graph\.)(?:[a-z][\w]*\.)*/i, "").replace(/^edm\./i, "");
  if (bare === "") return null;
  const primitive = primitiveFor(bare);
  return {
    type: primitive ?? bare,
    collection,
    enumeration: /^enum(?:eration)?$/i.test(bare),
    reference: primitive === null,
  };
}

function unwrapCollection(text: string): string {
  const match = COLLECTION_OF.exec(text);
  return match ? (match[1] ?? match[2] ?? match[3] ?? text) : text;
}

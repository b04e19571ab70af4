/**
 * The type-cell grammar: `String`, `string`, `Edm.Int32`, `[x](x.md)`, `[x](x.md) collection`,
 * `String collection`, `Collection(String)`, `Collection([x](x.md))`, `Collection of [x]`,
 * `microsoft.graph.x`, `` `String` ``, `Enumeration`, `string (timestamp)`, `(Optional) String`.
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
  // A note before the type (`(Optional) String`) is no part of it; a parenthesis that is the type
  // itself (`(boolean or string or number) collection`) stays.
  const text = cell.text
    .replace(/`/g, "")
    .replace(/\[([^\]]+)\](?:\[[^\]]*\])?/g, "$1")
    .trim()
    .replace(/^\((?:optional|required)\)\s*/i, "");
  if (text === "") return null;
  // Intune's generated pages write `** Unknown Type microsoft.management.x ** collection` for a type
  // their generator could not name: untyped, not a type named `**` or `Unknown`.
  if (/^\**\s*unknown type\b/i.test(text)) return { type: "Json", collection: /\bcollection\b/i.test(text), enumeration: false, reference: false };
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

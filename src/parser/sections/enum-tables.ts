/**
 * Enum member tables. An enum page has one (`## Members` with `Member|Value|Description`,
 * `Member`, `Member|Value`, `Member|Int value|Description`, `Value|Description`); multi-enum pages
 * and some resource pages give several, each under a `### X values` heading (`## X values` too).
 * A member is the first cell of a row, without backticks, bold or escapes.
 * A table whose `Value` column numbers the members as bits (`flagValues`) documents a flags enum.
 */
import type { Block, HeadingBlock, TableBlock } from "../outline.js";
import { joinWrappedRows } from "./property-table.js";
import type { SectionedPage } from "./split.js";

export interface EnumTable {
  name: string;
  heading: HeadingBlock;
  members: string[];
  /** The table's values are bits, or the text under the heading says "flag enum". */
  flags: boolean;
}

const VALUES_HEADING = /^`?([A-Za-z][\w.]*)`?\s+(?:enum\s+)?values?:?$/i;
const MEMBER_HEADERS = new Set(["member", "members", "value", "values", "name", "member name", "enum value", "enumeration value"]);

export function isMemberTable(table: TableBlock): boolean {
  const first = table.header[0]?.text.replace(/[*`]/g, "").trim().toLowerCase();
  return first !== undefined && MEMBER_HEADERS.has(first);
}

export function tableMembers(table: TableBlock): string[] {
  // Members are wire values: kept verbatim (quotes, spaces, backslashes, unicode), only the
  // markup around them (backticks, bold) removed.
  const members = new Set<string>();
  // A table of one column has nothing a row could be the wrapped continuation of: each row is a
  // member (`|North America Letter|` in a `### mediaSizes values` table).
  for (const row of table.header.length > 1 ? joinWrappedRows(table.rows) : table.rows) {
    const value = row[0]?.text.trim().replace(/^(?:`|\*\*?)+|(?:`|\*\*?)+$/g, "").trim();
    if (value) members.add(value);
  }
  return [...members];
}

const VALUE_HEADERS = /^(?:int(?:eger)?\s+|numeric\s+)?values?$/;

/**
 * True when the table's `Value` column (not its first) numbers the members as bits, the way a flags
 * enum is declared: every row has an integer, the non-zero ones are distinct powers of two, at least
 * two of them, the largest at least 4; one more row may combine three or more of them all (`everyWeek`
 * = 15 beside 1, 2, 4, 8). `0, 1, 2` is not enough (it is also a plain count), nor is a sequence with
 * a 3 in it (`0, 1, 2, 3, 4`), nor a table combining some bits only (`5` = `1 | 4`).
 */
export function flagValues(table: TableBlock): boolean {
  const column = table.header.findIndex((cell, i) => i > 0 && VALUE_HEADERS.test(cell.text.replace(/[*`]/g, "").trim().toLowerCase()));
  if (column < 0) return false;
  const rows = table.header.length > 1 ? joinWrappedRows(table.rows) : table.rows;
  const bits: number[] = [];
  const combined: number[] = [];
  for (const row of rows) {
    const text = row[column]?.text.replace(/[*`]/g, "").trim() ?? "";
    if (!/^\d{1,10}$/.test(text)) return false;
    const value = Number(text);
    if (value === 0) continue;
    // 2 ** 31 and above are past the bitwise operators' 32 bits.
    if (value >= 2 ** 31 || bits.includes(value)) return false;
    // A power of two has one bit set.
    if ((value & (value - 1)) === 0) bits.push(value);
    else combined.push(value);
  }
  if (bits.length < 2 || Math.max(...bits) < 4) return false;
  const all = bits.reduce((union, bit) => union | bit, 0);
  return combined.length === 0 || (combined.length === 1 && combined[0] === all && bits.length >= 3);
}

/** "Flag enum to determine …", "a flags enum": the text says the members combine. */
export const SAYS_FLAGS = /\bflags?\s+enum(?:eration)?\b|\bbit\s?flags\b/i;

/** Every `X values` heading followed by a member table, in page order. */
export function namedEnumTables(page: SectionedPage): EnumTable[] {
  const blocks: Block[] = [...page.intro, ...page.sections.flatMap((s) => [s.heading, ...s.blocks])];
  const found: EnumTable[] = [];
  let current: EnumTable | null = null;
  for (const block of blocks) {
    if (block.kind === "heading") {
      const name = VALUES_HEADING.exec(block.text.trim())?.[1];
      current = name && !/^(?:possible|enum|enumeration|property|member)$/i.test(name) ? { name, heading: block, members: [], flags: false } : null;
      if (current) found.push(current);
      continue;
    }
    if (current && block.kind === "paragraph" && SAYS_FLAGS.test(block.text)) current.flags = true;
    if (current && block.kind === "table" && isMemberTable(block)) {
      for (const member of tableMembers(block)) if (!current.members.includes(member)) current.members.push(member);
      if (flagValues(block)) current.flags = true;
    }
  }
  return found.filter((table) => table.members.length > 0);
}

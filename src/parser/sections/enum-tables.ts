/**
 * Enum member tables. An enum page has one (`## Members` with `Member|Value|Description`,
 * `Member`, `Member|Value`, `Member|Int value|Description`, `Value|Description`); multi-enum pages
 * and some resource pages give several, each under a `### X values` heading (`## X values` too).
 * A member is the first cell of a row, without backticks, bold or escapes.
 */
import type { Block, HeadingBlock, TableBlock } from "../outline.js";
import { joinWrappedRows } from "./property-table.js";
import type { SectionedPage } from "./split.js";

export interface EnumTable {
  name: string;
  heading: HeadingBlock;
  members: string[];
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

/** Every `X values` heading followed by a member table, in page order. */
export function namedEnumTables(page: SectionedPage): EnumTable[] {
  const blocks: Block[] = [...page.intro, ...page.sections.flatMap((s) => [s.heading, ...s.blocks])];
  const found: EnumTable[] = [];
  let current: EnumTable | null = null;
  for (const block of blocks) {
    if (block.kind === "heading") {
      const name = VALUES_HEADING.exec(block.text.trim())?.[1];
      current = name && !/^(?:possible|enum|enumeration|property|member)$/i.test(name) ? { name, heading: block, members: [] } : null;
      if (current) found.push(current);
      continue;
    }
    if (current && block.kind === "table" && isMemberTable(block)) {
      for (const member of tableMembers(block)) if (!current.members.includes(member)) current.members.push(member);
    }
  }
  return found.filter((table) => table.members.length > 0);
}

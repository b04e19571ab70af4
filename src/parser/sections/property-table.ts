/**
 * Property tables (`Property|Type|Description`, `Name|Type|Description`, `Parameter|Type|Description`,
 * `Relationship|Type|Description`): one PropertyModel per row, with enum values and notes
 * (deprecated, read-only, nullable, inherited) read from the description.
 */
import type { PropertyModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { InlineText, TableBlock } from "../outline.js";
import { possibleValues, valuesCombine } from "./enum-values.js";
import { parseTypeCell } from "./type-cell.js";

/** "[deprecated]", a leading "Deprecated.", "is/has been deprecated"; not "will be deprecated" or a mere mention. */
const DEPRECATED = /\[deprecated\]|^\s*deprecated\b|\b(?:is|has been|was)\s+deprecated\b/i;
const NAME_HEADERS = new Set(["property", "property name", "name", "parameter", "relationship", "relationship name", "field", "navigation property"]);

export function isPropertyTable(table: TableBlock): boolean {
  const [first, second] = table.header.map((cell) => headerText(cell));
  return first !== undefined && NAME_HEADERS.has(first) && second === "type";
}

/**
 * A table that looks meant to list properties but is not read as a property table: a name column
 * without a Type column after it (`Name|Kind|Notes`), or a type column after a first column that is
 * not a name (`Method|Return Type|Description`). Tables of values (`Member|Description`) and other
 * tables do not look so. Only asked of tables under a Properties or Relationships heading.
 */
export function looksLikeUnreadPropertyTable(table: TableBlock): boolean {
  if (isPropertyTable(table)) return false;
  const [first, second] = table.header.map((cell) => headerText(cell));
  if (first === undefined || second === undefined) return false;
  return NAME_HEADERS.has(first) || /^(?:return |data )?type$/.test(second);
}

/** A table's header as written, for a message (`Name | Kind | Notes`). */
export function headerLine(table: TableBlock): string {
  return table.header.map((cell) => cell.text.trim()).join(" | ");
}

/** A `Relationship|Type|Description` table: its rows are navigation properties wherever it stands. */
export function isRelationshipTable(table: TableBlock): boolean {
  const first = table.header[0];
  return first !== undefined && /^relationship|^navigation/.test(headerText(first));
}

export function parsePropertyTable(table: TableBlock, ctx: PageContext, navigation = false): PropertyModel[] {
  const properties: PropertyModel[] = [];
  for (const row of joinWrappedRows(table.rows)) {
    const property = parsePropertyRow(row, ctx, navigation);
    if (property) properties.push(property);
  }
  return properties;
}

/**
 * Rows whose only text is in the first cell are not properties:
 * - several words (`The value 0 means …|`): a description wrapped onto the next line, which GFM
 *   reads as a row of its own; it is joined to the previous row's last non-empty cell;
 * - bold text (`|**Onboarding**|`, `&nbsp; **Enrollment**`): a group heading; dropped.
 */
export function joinWrappedRows(rows: readonly InlineText[][]): InlineText[][] {
  const out: InlineText[][] = [];
  for (const row of rows) {
    const [first, ...rest] = row;
    const onlyFirst = first !== undefined && first.text !== "" && rest.every((cell) => cell.text === "");
    if (!onlyFirst) {
      out.push([...row]);
      continue;
    }
    const bare = first.text.replace(/[`*\\]/g, "").replace(/\u00a0/g, " ").trim();
    if (first.emphasis.some((e) => e.replace(/[`*]/g, "").trim() === bare)) continue;
    const previous = out[out.length - 1];
    if (/\s/.test(bare) && previous) {
      const index = lastFilled(previous);
      const target = previous[index];
      if (target) previous[index] = { ...target, text: `${target.text} ${first.text}`.trim(), links: [...target.links, ...first.links], emphasis: [...target.emphasis, ...first.emphasis] };
      continue;
    }
    out.push([...row]);
  }
  return out;
}

function lastFilled(row: readonly InlineText[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]?.text) return i;
  return 0;
}

function parsePropertyRow(row: InlineText[], ctx: PageContext, navigation: boolean): PropertyModel | null {
  const [nameCell, typeCell, descriptionCell] = row;
  if (!nameCell) return null;
  const { name, deprecatedInName } = parseNameCell(nameCell.text);
  if (name === "") return null;
  // `file/localizations` documents a property of another type reached through `file`, not one of this type.
  if (name.includes("/")) {
    ctx.report("property-name-path", nameCell.pos, `"${name}" is a path, not a property name; document the last segment on the page of the type it belongs to.`);
    return null;
  }
  const parsed = typeCell ? parseTypeCell(typeCell) : null;
  const description = (descriptionCell?.text ?? "").trim();
  const property: PropertyModel = {
    name,
    type: parsed?.type ?? "Json",
    collection: parsed?.collection ?? false,
    description,
    source: ctx.at(nameCell.pos),
  };
  if (parsed?.reference && typeCell) ctx.referenceType(parsed.type, typeCell.pos);
  const values = possibleValues(description);
  if (values) property.enumValues = values;
  if (values && valuesCombine(description)) property.flags = true;
  if (deprecatedInName || DEPRECATED.test(description)) property.deprecated = true;
  if (/\bread-?only\b/i.test(description)) property.readOnly = true;
  if (/\bnot nullable\b|\bnon-nullable\b/i.test(description)) property.nullable = false;
  // Link text is inline in the description, so the name right after "Inherited from" is the base type.
  const base = /\binherited from\s+`?([A-Za-z]\w*(?:\.[A-Za-z]\w*)*)/i.exec(description)?.[1];
  if (base) property.inheritedFrom = base;
  if (navigation) property.navigation = true;
  return property;
}

/**
 * `**userName**`, `` `id` ``, `userName (deprecated)` → the bare name. A plain cell's name is its
 * first word (the rest are notes: "userName (deprecated)", "id (inherited)"); a cell that is one
 * code span is the name verbatim, spaces included (`` `a b` ``), since code is how a writer marks
 * the exact wire name.
 */
function parseNameCell(text: string): { name: string; deprecatedInName: boolean } {
  const deprecatedInName = /\(deprecated\)/i.test(text);
  const rest = text.replace(/\(deprecated\)/i, "").trim();
  const code = /^\*{0,2}`([^`]+)`\*{0,2}$/.exec(rest)?.[1]?.trim();
  if (code) return { name: code, deprecatedInName };
  const name = rest
    .replace(/[`*\\]/g, "")
    .trim()
    .split(/\s+/)[0] ?? "";
  return { name, deprecatedInName };
}

function headerText(cell: InlineText): string {
  return cell.text.replace(/[*`]/g, "").trim().toLowerCase();
}

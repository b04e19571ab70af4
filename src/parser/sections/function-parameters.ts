/**
 * Parameters of an OData function (a GET such as `GET /reports/getCredentialUsageSummary`) that its
 * routes do not spell out. They are sent in parentheses on the route's last segment
 * (`getCredentialUsageSummary(period='D30')`), so the page lists them in a table: under
 * `## Function parameters`, or — Intune's template — under `## Request body` ("provide the following
 * query parameters", a GET has no body). Routes whose last segment already holds parentheses
 * (`getEmailActivityCounts(period='{period_value}')`) take their parameters as path placeholders: none here.
 * A `Parameter|Description` table (no Type column) gives `String` parameters. A `## Query parameters`
 * table lists query-string parameters (`calendarView?startDateTime=…`), never function parameters.
 */
import type { HttpMethod, PropertyModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { TableBlock } from "../outline.js";
import { isPropertyTable, parsePropertyTable } from "./property-table.js";
import { findSection, type SectionedPage } from "./split.js";

export function parseFunctionParameters(page: SectionedPage, method: HttpMethod, paths: readonly string[], ctx: PageContext): PropertyModel[] {
  if (method !== "GET" || paths.length === 0 || paths.some((path) => /\(/.test(path.split("/").pop() ?? ""))) return [];
  const section = findSection(page, "function parameters", "function parameter") ?? findSection(page, "request body");
  const table = section?.blocks.find((b): b is TableBlock => b.kind === "table" && (isPropertyTable(b) || isUntypedTable(b)));
  if (!table) return [];
  const seen = new Set<string>();
  const params = isPropertyTable(table) ? parsePropertyTable(table, ctx) : untypedParameters(table, ctx);
  return params.filter((param) => {
    const fresh = /^[A-Za-z_]\w*$/.test(param.name) && !seen.has(param.name.toLowerCase());
    seen.add(param.name.toLowerCase());
    return fresh;
  });
}

const cellText = (cell: { text: string } | undefined): string => (cell?.text ?? "").replace(/[*`]/g, "").trim();

/** `Parameter|Description` (no Type column): the parameters are strings. */
function isUntypedTable(table: TableBlock): boolean {
  const [first, second] = table.header.map((cell) => cellText(cell).toLowerCase());
  return (first === "parameter" || first === "name") && second === "description";
}

function untypedParameters(table: TableBlock, ctx: PageContext): PropertyModel[] {
  return table.rows.flatMap((row) => {
    const name = cellText(row[0]);
    if (name === "" || !row[0]) return [];
    return [{ name, type: "String", collection: false, description: cellText(row[1]), source: ctx.at(row[0].pos) }];
  });
}

/**
 * Parameters of an OData function (a GET such as `GET /reports/getCredentialUsageSummary`) that its
 * routes do not spell out. They are sent in parentheses on the route's last segment
 * (`getCredentialUsageSummary(period='D30')`), so the page lists them in a table: under
 * `## Function parameters`, or — Intune's template — under `## Request body` ("provide the following
 * query parameters", a GET has no body). Routes whose last segment already holds parentheses
 * (`getEmailActivityCounts(period='{period_value}')`) take their parameters as path placeholders: none here.
 * A `Parameter|Description` table (no Type column) gives `String` parameters. A `## Query parameters`
 * table lists query-string parameters (`calendarView?startDateTime=…`), except the ones the page's
 * own examples pass in parentheses on the route's last segment (`filterByCurrentUser(on='…')`):
 * the example shows how the request is sent, and those are function parameters under the wrong heading.
 */
import type { HttpMethod, PropertyModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { TableBlock } from "../outline.js";
import { isPropertyTable, parsePropertyTable } from "./property-table.js";
import { findSection, type Section, type SectionedPage } from "./split.js";

export function parseFunctionParameters(
  page: SectionedPage,
  method: HttpMethod,
  paths: readonly string[],
  ctx: PageContext,
  /** The URLs of the page's example requests. */
  exampleUrls: readonly string[] = [],
): PropertyModel[] {
  if (method !== "GET" || paths.length === 0 || paths.some((path) => /\(/.test(path.split("/").pop() ?? ""))) return [];
  const declared = parameterTable(findSection(page, "function parameters", "function parameter") ?? findSection(page, "request body"), ctx);
  const params = declared ?? parameterTable(findSection(page, "query parameters"), ctx, examplesArguments(paths, exampleUrls)) ?? [];
  const seen = new Set<string>();
  return params.filter((param) => {
    const fresh = /^[A-Za-z_]\w*$/.test(param.name) && !seen.has(param.name.toLowerCase());
    seen.add(param.name.toLowerCase());
    return fresh;
  });
}

/** The section's first parameter table, or undefined; with `only`, its rows whose name (any case) is in it. */
function parameterTable(section: Section | undefined, ctx: PageContext, only?: ReadonlySet<string>): PropertyModel[] | undefined {
  if (only?.size === 0) return undefined;
  const table = section?.blocks.find((b): b is TableBlock => b.kind === "table" && (isPropertyTable(b) || isUntypedTable(b)));
  if (!table) return undefined;
  const params = isPropertyTable(table) ? parsePropertyTable(table, ctx) : untypedParameters(table, ctx);
  return only ? params.filter((param) => only.has(param.name.toLowerCase())) : params;
}

/** Argument names (lower-cased) the example URLs pass in parentheses on a route's last segment: `getX(a='1',b=2)` → a, b. */
function examplesArguments(paths: readonly string[], urls: readonly string[]): Set<string> {
  const names = new Set<string>();
  const functions = new Set(paths.map((path) => (path.split("/").pop() ?? "").toLowerCase()));
  for (const url of urls) {
    const path = url.split("?")[0] ?? "";
    for (const call of path.matchAll(/\/([^/()]+)\(([^()]*)\)/g)) {
      if (!functions.has((call[1] ?? "").toLowerCase())) continue;
      for (const arg of (call[2] ?? "").matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*=/g)) names.add((arg[1] ?? "").toLowerCase());
    }
  }
  return names;
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

/**
 * Permissions: the `Permission type | Permissions (from least to most privileged)` table (also
 * "most to least", normalised to least → most), and the older `## Prerequisites` section that
 * names the scope in italics. Placeholder cells (`**TODO: Determine scopes **`) are diagnostics.
 */
import type { PermissionEntry, PermissionKind, PermissionsModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { Block, InlineText, TableBlock } from "../outline.js";

const SCOPE = /^[A-Za-z][\w-]*(?:\.[\w-]+)+$/;
const PLACEHOLDER = /\bTODO\b|\bTBD\b|determine\s+\w*\s*scopes/i;

export function parsePermissionsTable(blocks: readonly Block[], ctx: PageContext): PermissionsModel | undefined {
  const table = blocks.find((b): b is TableBlock => b.kind === "table" && /permission type/i.test(b.header[0]?.text ?? ""));
  if (!table) return undefined;
  const order = table.header[1]?.text ?? "";
  const declaredOrder = /most to least/i.test(order) ? "mostToLeast" : /least to most/i.test(order) ? "leastToMost" : null;
  const entries: PermissionEntry[] = [];
  for (const [typeCell, scopesCell] of table.rows) {
    if (!typeCell || !scopesCell) continue;
    const entry = permissionEntry(permissionKind(typeCell.text), scopesCell, ctx);
    if (declaredOrder === "mostToLeast") entry.scopes.reverse();
    entries.push(entry);
  }
  return { declaredOrder, entries };
}

/** `## Prerequisites` … `*DeviceManagementConfiguration.ReadWrite.All*`: scopes of unspecified kind. */
export function parsePrerequisites(blocks: readonly Block[], ctx: PageContext): PermissionsModel | undefined {
  const table = parsePermissionsTable(blocks, ctx);
  if (table) return table;
  const entries: PermissionEntry[] = [];
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const scopes = block.emphasis.flatMap(splitScopes);
    if (scopes.length > 0) entries.push({ kind: "unspecified", scopes, supported: true, source: ctx.at(block.pos) });
  }
  return entries.length > 0 ? { declaredOrder: null, entries } : undefined;
}

function permissionEntry(kind: PermissionKind, cell: InlineText, ctx: PageContext): PermissionEntry {
  const source = ctx.at(cell.pos);
  if (PLACEHOLDER.test(cell.text)) {
    ctx.report(
      "permissions-placeholder",
      cell.pos,
      `Permissions for "${kindLabel(kind)}" are a placeholder ("${cell.text.trim()}"); list the real scopes or "Not supported."`,
    );
    return { kind, scopes: [], supported: true, source };
  }
  if (/not\s+(?:supported|applicable)/i.test(cell.text)) return { kind, scopes: [], supported: false, source };
  return { kind, scopes: splitScopes(cell.text), supported: true, source };
}

function splitScopes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((token) => token.replace(/^[`*]+|[`*.]+$/g, ""))
    .filter((token) => SCOPE.test(token));
}

function permissionKind(text: string): PermissionKind {
  if (/delegated.*personal/i.test(text)) return "delegatedPersonal";
  if (/delegated/i.test(text)) return "delegatedWork";
  if (/application/i.test(text)) return "application";
  return "unspecified";
}

function kindLabel(kind: PermissionKind): string {
  return {
    delegatedWork: "Delegated (work or school account)",
    delegatedPersonal: "Delegated (personal Microsoft account)",
    application: "Application",
    unspecified: "any",
  }[kind];
}

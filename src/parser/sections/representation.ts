/**
 * The `## JSON representation` block of a resource page, cross-checked against its property tables:
 * every top-level key of the block should be a documented property, and every structural
 * (non-navigation) property should appear in the block. Annotations (`@odata.type`) are ignored;
 * a block that does not parse even leniently is not checked.
 */
import type { PropertyModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import { parseJsonWithPositions, repairJson } from "../json.js";
import type { Block, CodeBlock } from "../outline.js";

export function checkRepresentation(blocks: readonly Block[], properties: readonly PropertyModel[], typeName: string, ctx: PageContext): void {
  const code = blocks.find((b): b is CodeBlock => b.kind === "code" && /^\s*\{/.test(b.value));
  if (!code) return;
  const parsed = parseJsonWithPositions(code.value, code.contentPos) ?? repairJson(code.value, code.contentPos);
  const value = parsed?.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return;
  const keys = Object.keys(value).filter((k) => !k.includes("@"));
  const documented = new Set(properties.map((p) => p.name));
  const inBlock = new Set(keys);
  const extra = keys.filter((k) => !documented.has(k));
  const missing = properties.filter((p) => !p.navigation && !p.name.includes("@") && !inBlock.has(p.name)).map((p) => p.name);
  if (extra.length === 0 && missing.length === 0) return;
  const parts = [
    extra.length > 0 ? `lists ${count(extra)} the tables do not (${preview(extra)})` : "",
    missing.length > 0 ? `lacks ${count(missing)} the Properties table documents (${preview(missing)})` : "",
  ].filter(Boolean);
  ctx.report("representation-mismatch", code.contentPos, `The JSON representation of ${typeName} ${parts.join(" and ")}; make the block and the tables agree.`);
}

function count(names: readonly string[]): string {
  return `${names.length} propert${names.length === 1 ? "y" : "ies"}`;
}

function preview(names: readonly string[]): string {
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")}, …`;
}

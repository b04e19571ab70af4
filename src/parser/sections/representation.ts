/**
 * The `## JSON representation` block of a resource page, cross-checked against its property tables:
 * every top-level key of the block should be a documented property, and every structural
 * (non-navigation) property should appear in the block. Annotations (`@odata.type`) are ignored;
 * a block that does not parse even leniently is not checked.
 *
 * A table name and a block key that differ only in letter case are one property spelled two ways
 * (`servicePrincipalID` / `servicePrincipalId`), reported as `property-name-case`. Graph's property
 * names start with a lower-case letter and write `Id`, not `ID` (in the service's 2021 CSDL, none of
 * 7,444 names starts with a capital; 323 end in `Id`, one in `ID`). When exactly one of the two
 * spellings follows that convention, it is used; otherwise the table's is kept. Of the corpus's 17
 * such pairs, 11 have exactly one conventional spelling and the CSDL agrees with it in all 11 (7 of
 * them the table's, 4 the block's); of the 6 where both are conventional the CSDL sides with the
 * table in 1, with the block in 2, with neither in 3: neither source is the better one.
 */
import type { PropertyModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import { parseJsonWithPositions, repairJson } from "../json.js";
import type { Block, CodeBlock, Pos } from "../outline.js";

export interface Representation {
  /** Top-level keys, annotations (`@…`) left out. */
  keys: string[];
  pos: Pos;
}

export function readRepresentation(blocks: readonly Block[]): Representation | undefined {
  const code = blocks.find((b): b is CodeBlock => b.kind === "code" && /^\s*\{/.test(b.value));
  if (!code) return undefined;
  const parsed = parseJsonWithPositions(code.value, code.contentPos) ?? repairJson(code.value, code.contentPos);
  const value = parsed?.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return { keys: Object.keys(value).filter((k) => !k.includes("@")), pos: code.contentPos };
}

/** Graph's naming convention: a lower-case first letter, and `Id` rather than `ID` (`printerId`, not `printerID`). */
export function followsNamingConvention(name: string): boolean {
  return /^[a-z]/.test(name) && !/ID(?![a-z])/.test(name);
}

/** The properties with each name the block spells in another case settled (see the module comment), each reported. */
export function settleNameCase(representation: Representation, properties: readonly PropertyModel[], ctx: PageContext): PropertyModel[] {
  const names = new Set(properties.map((p) => p.name));
  return properties.map((property) => {
    const key = representation.keys.find((k) => k !== property.name && !names.has(k) && k.toLowerCase() === property.name.toLowerCase());
    if (key === undefined) return property;
    const useKey = followsNamingConvention(key) && !followsNamingConvention(property.name);
    const outcome = useKey ? `${key} is used (Graph's names start in lower case and write Id, not ID)` : `the table's ${property.name} is kept`;
    ctx.report("property-name-case", property.source, `The property table spells ${property.name}, the JSON representation ${key}; ${outcome}. Make them agree.`);
    return useKey ? { ...property, name: key } : property;
  });
}

export function checkRepresentation(representation: Representation, properties: readonly PropertyModel[], typeName: string, ctx: PageContext): void {
  const { keys } = representation;
  const documented = new Set(properties.map((p) => p.name.toLowerCase()));
  const inBlock = new Set(keys.map((k) => k.toLowerCase()));
  // Names differing only in case are reported by settleNameCase.
  const extra = keys.filter((k) => !documented.has(k.toLowerCase()));
  const missing = properties.filter((p) => !p.navigation && !p.name.includes("@") && !inBlock.has(p.name.toLowerCase())).map((p) => p.name);
  if (extra.length === 0 && missing.length === 0) return;
  const parts = [
    extra.length > 0 ? `lists ${count(extra)} the tables do not (${preview(extra)})` : "",
    missing.length > 0 ? `lacks ${count(missing)} the Properties table documents (${preview(missing)})` : "",
  ].filter(Boolean);
  ctx.report("representation-mismatch", representation.pos, `The JSON representation of ${typeName} ${parts.join(" and ")}; make the block and the tables agree.`);
}

function count(names: readonly string[]): string {
  return `${names.length} propert${names.length === 1 ? "y" : "ies"}`;
}

function preview(names: readonly string[]): string {
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")}, …`;
}

/**
 * OData type casts for the request functions (README "Request functions"): a GET whose response
 * type has derived types the docs know takes `cast: "microsoft.graph.user"`, which appends that
 * segment to the route and narrows the response to the derived type. Per base type, one interface
 * maps each qualified OData name (the page's `Namespace:`, else `microsoft.graph`, + the type name)
 * to its generated interface: `DirectoryObjectCasts`.
 */
import { compareText } from "../model/diagnostics.js";
import type { TypeModel } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { derivedTypes } from "./inheritance.js";
import { castMapName } from "./naming.js";
import { literal } from "./ts-code.js";

export interface CastMap {
  /** The declared interface, such as `DirectoryObjectCasts`. */
  name: string;
  /** The base type's interface, such as `DirectoryObject`. */
  base: string;
  /** Qualified OData name → interface name, sorted by OData name. */
  entries: [string, string][];
}

/** The OData name of a type as a cast segment: `microsoft.graph.user`, `microsoft.graph.callRecords.session`. */
export function qualifiedName(type: TypeModel): string {
  return `${type.namespace ?? "microsoft.graph"}.${type.name}`;
}

const derivedOf = new WeakMap<EmitContext, Map<string, TypeModel[]>>();
const typeNamesOf = new WeakMap<EmitContext, ReadonlySet<string>>();

/** The cast map of a response type, or undefined when the docs derive nothing from it. */
export function castMapOf(ctx: EmitContext, responseType: string | undefined): CastMap | undefined {
  const type = responseType ? ctx.typeByName(responseType) : undefined;
  const base = type ? ctx.names.get(type.name) : undefined;
  if (!type || !base || type.kind === "enum") return undefined;
  let derived = derivedOf.get(ctx);
  if (!derived) {
    // Names, kinds and base types only: not a read of the response type's content (unit-plan.ts).
    derived = ctx.untracked(() => derivedTypes(ctx));
    derivedOf.set(ctx, derived);
  }
  const entries = new Map<string, string>();
  for (const sub of derived.get(type.name.toLowerCase()) ?? []) {
    const name = ctx.names.get(sub.name);
    if (name) entries.set(qualifiedName(sub), name);
  }
  if (entries.size === 0) return undefined;
  let names = typeNamesOf.get(ctx);
  if (!names) {
    names = new Set(ctx.version.types.map((t) => ctx.names.get(t.name) ?? t.name));
    typeNamesOf.set(ctx, names);
  }
  // A documented type may already have that name (`userCasts`): then the map takes a suffix.
  const name = names.has(castMapName(base)) ? `${castMapName(base)}Map` : castMapName(base);
  return { name, base, entries: [...entries].sort((a, b) => compareText(a[0], b[0])) };
}

/** `export interface DirectoryObjectCasts { "microsoft.graph.user": User; … }`. */
export function castMapDeclaration(map: CastMap): string {
  const members = map.entries.map(([odata, ts]) => `  ${literal(odata)}: ${ts};`).join("\n");
  return `/** The types derived from {@link ${map.base}} by their OData name: the \`cast\` values of requests returning ${map.base}. */
export interface ${map.name} {
${members}
}`;
}

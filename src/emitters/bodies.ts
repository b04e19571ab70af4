/**
 * Request-body types the docs imply: an operation whose body is a documented object type sends
 * `XCreate` for POST and PUT (the type without its read-only properties) and `XUpdate` for PATCH
 * (the same, every property optional). Shared by the interfaces emitter (which declares them) and
 * the requests emitter (which uses them).
 */
import { compareText } from "../model/diagnostics.js";
import type { OperationModel, TypeModel } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { createBodyName, updateBodyName } from "./naming.js";
import { allProperties } from "./inheritance.js";

export type BodyKind = "create" | "update";

export interface BodyType {
  kind: BodyKind;
  /** The declared alias, such as `WidgetUpdate`. */
  name: string;
  /** The interface it is derived from, such as `Widget`. */
  of: string;
  type: TypeModel;
  /** Read-only property names left out, sorted. */
  readOnly: string[];
}

/** The body type an operation sends, when its body is a documented object type. */
export function bodyTypeOf(ctx: EmitContext, op: OperationModel): BodyType | undefined {
  if (!op.requestType || (op.method !== "POST" && op.method !== "PUT" && op.method !== "PATCH")) return undefined;
  const type = ctx.typeByName(op.requestType);
  const of = type ? ctx.names.get(type.name) : undefined;
  if (!type || !of || type.kind === "enum") return undefined;
  const kind: BodyKind = op.method === "PATCH" ? "update" : "create";
  return { kind, name: bodyName(ctx, of, kind), of, type, readOnly: readOnlyNames(ctx, type) };
}

/** Every body type of a version, once each, in name order. */
export function bodyTypes(ctx: EmitContext): BodyType[] {
  const byName = new Map<string, BodyType>();
  for (const op of ctx.version.operations) {
    const body = bodyTypeOf(ctx, op);
    if (body) byName.set(body.name, body);
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}

/** The TypeScript names of a version's types, computed once per context. */
const typeNamesOf = new WeakMap<EmitContext, ReadonlySet<string>>();

function bodyName(ctx: EmitContext, of: string, kind: BodyKind): string {
  const name = kind === "create" ? createBodyName(of) : updateBodyName(of);
  let names = typeNamesOf.get(ctx);
  if (!names) {
    names = new Set(ctx.version.types.map((t) => ctx.names.get(t.name) ?? t.name));
    typeNamesOf.set(ctx, names);
  }
  // A documented type may already have that name (`widgetUpdate`): then the body type takes a suffix.
  return names.has(name) ? `${name}Body` : name;
}

function readOnlyNames(ctx: EmitContext, type: TypeModel): string[] {
  return [...new Set(allProperties(ctx, type).filter((p) => p.readOnly === true).map((p) => p.name))].sort(compareText);
}

/**
 * Base types (`baseType`, "Inherits from"): the chain of a type's ancestors and the properties it
 * has through them. Unknown base names and cycles end the chain (no error: the docs may omit them).
 */
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext } from "./context.js";

/** The base-type chain of a type, nearest first, stopping at unknown names and cycles. */
export function baseChain(ctx: EmitContext, type: TypeModel): TypeModel[] {
  const chain: TypeModel[] = [];
  const seen = new Set<string>([type.name.toLowerCase()]);
  let current = type.baseType ? ctx.typeByName(type.baseType) : undefined;
  while (current && current.kind !== "enum" && !seen.has(current.name.toLowerCase())) {
    chain.push(current);
    seen.add(current.name.toLowerCase());
    current = current.baseType ? ctx.typeByName(current.baseType) : undefined;
  }
  return chain;
}

/** Own properties, then inherited ones the type does not redeclare (nearest base first). */
export function allProperties(ctx: EmitContext, type: TypeModel): PropertyModel[] {
  const properties = [...type.properties];
  const names = new Set(properties.map((p) => p.name));
  for (const base of baseChain(ctx, type)) {
    for (const property of base.properties) {
      if (names.has(property.name)) continue;
      names.add(property.name);
      properties.push(property);
    }
  }
  return properties;
}

/** The base an interface can `extends`: the nearest one, unless the chain loops back. */
export function extendableBase(ctx: EmitContext, type: TypeModel): TypeModel | undefined {
  const base = baseChain(ctx, type)[0];
  if (!base) return undefined;
  return baseChain(ctx, base).some((t) => t === type) ? undefined : base;
}

/** Per type (lower-case model name), every object type that extends it, directly or not, in model order. */
export function derivedTypes(ctx: EmitContext): Map<string, TypeModel[]> {
  const derived = new Map<string, TypeModel[]>();
  for (const type of ctx.version.types) {
    if (type.kind === "enum") continue;
    for (const base of baseChain(ctx, type)) {
      const key = base.name.toLowerCase();
      const list = derived.get(key);
      if (list) list.push(type);
      else derived.set(key, [type]);
    }
  }
  return derived;
}

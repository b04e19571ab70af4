/**
 * Interfaces: one per entity or complex type. Every property is optional (responses may be partial,
 * `$select` trims them) and accepts `null` unless the docs say "Not nullable". Doc comments carry
 * the description, `@deprecated` where marked, and the source page.
 */
import { StructureKind, type InterfaceDeclarationStructure, type OptionalKind, type PropertySignatureStructure } from "ts-morph";
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { propertyKey } from "./naming.js";
import { docText, referencedType, seeSource, tsType } from "./ts-code.js";
import { importOf } from "./imports.js";

/** Every object may say which (derived) type it is; Graph sends it in responses. */
const ODATA_TYPE: OptionalKind<PropertySignatureStructure> = {
  name: JSON.stringify("@odata.type"),
  type: "string",
  hasQuestionToken: true,
  docs: ["The type of the object, such as `#microsoft.graph.user` (an OData annotation)."],
};

export const emitInterfaces: Emitter = (ctx) => {
  const used = new Set<string>();
  const interfaces: InterfaceDeclarationStructure[] = [];
  let usesJson = false;
  const bases = new BaseTypes(ctx);
  for (const type of ctx.version.types) {
    if (type.kind === "enum") continue;
    const properties = type.properties.map((property) => {
      const signature = propertySignature(ctx, property);
      if (/\bJsonValue\b/.test(signature.type)) usesJson = true;
      if (signature.ref) used.add(signature.ref);
      return signature.structure;
    });
    const heritage = bases.extendsClause(type);
    interfaces.push({
      kind: StructureKind.Interface,
      name: ctx.names.get(type.name) ?? type.name,
      isExported: true,
      docs: [typeDocs(type)],
      ...(heritage ? { extends: [heritage] } : {}),
      properties: type.properties.some((p) => p.name === "@odata.type") ? properties : [ODATA_TYPE, ...properties],
    });
  }
  return [
    ...importOf("./enums.js", [...used].filter((name) => isEnum(ctx, name))),
    ...importOf("./runtime/json.js", usesJson ? ["JsonValue"] : []),
    ...interfaces,
  ];
};

interface Signature {
  structure: OptionalKind<PropertySignatureStructure>;
  type: string;
  /** The TypeScript name of the model type it refers to, if any. */
  ref: string | undefined;
}

function propertySignature(ctx: EmitContext, property: PropertyModel): Signature {
  const base = tsType(ctx, property);
  const type = property.nullable === false ? base : `${base} | null`;
  const docs = [
    docText(property.description.replace(/^\s*\[deprecated\]\s*/i, "")),
    property.readOnly ? "Read-only." : "",
    property.deprecated ? "@deprecated Marked deprecated in the docs." : "",
  ].filter(Boolean);
  return {
    structure: { name: propertyKey(property.name), type, hasQuestionToken: true, docs: docs.length > 0 ? [docs.join("\n")] : [] },
    type,
    ref: referencedType(ctx, property),
  };
}

function typeDocs(type: TypeModel): string {
  return [
    docText(type.description ?? ""),
    type.inferred ? "Inferred: no input page documents this type; its shape comes from example payloads." : "",
    type.deprecated ? "@deprecated" : "",
    seeSource(type.sources[0]),
  ]
    .filter(Boolean)
    .join("\n");
}

function isEnum(ctx: EmitContext, tsName: string): boolean {
  return ctx.version.types.some((t) => t.kind === "enum" && ctx.names.get(t.name) === tsName);
}

/**
 * `extends` for documented base types ("Inherits from", the resource annotation's baseType): the
 * base must be a non-enum type of the same version and the chain must not loop. A property the
 * derived type declares with a different TypeScript type than its base chain does is left out of
 * the base with `Omit<Base, "name">`, so the interface always compiles.
 */
class BaseTypes {
  private readonly byName = new Map<string, TypeModel>();
  private readonly effective = new Map<TypeModel, Map<string, string>>();

  constructor(private readonly ctx: EmitContext) {
    for (const type of ctx.version.types) if (type.kind !== "enum") this.byName.set(type.name.toLowerCase(), type);
  }

  base(type: TypeModel): TypeModel | undefined {
    const seen = new Set<TypeModel>([type]);
    const first = type.baseType ? this.byName.get(type.baseType.toLowerCase()) : undefined;
    for (let current = first; current; current = current.baseType ? this.byName.get(current.baseType.toLowerCase()) : undefined) {
      if (seen.has(current)) return undefined;
      seen.add(current);
    }
    return first;
  }

  extendsClause(type: TypeModel): string | undefined {
    const base = this.base(type);
    if (!base) return undefined;
    const inherited = this.members(base);
    const conflicts = type.properties
      .filter((p) => {
        const there = inherited.get(p.name);
        return there !== undefined && there !== propertySignature(this.ctx, p).type;
      })
      .map((p) => JSON.stringify(p.name));
    const name = this.ctx.names.get(base.name) ?? base.name;
    return conflicts.length === 0 ? name : `Omit<${name}, ${[...new Set(conflicts)].sort().join(" | ")}>`;
  }

  /** Property name → TypeScript type, as the interface of `type` ends up with them (own ones win). */
  private members(type: TypeModel): Map<string, string> {
    const cached = this.effective.get(type);
    if (cached) return cached;
    const base = this.base(type);
    const members = new Map(base ? this.members(base) : []);
    if (!members.has("@odata.type")) members.set("@odata.type", "string"); // ODATA_TYPE, added to every interface
    for (const p of type.properties) members.set(p.name, propertySignature(this.ctx, p).type);
    this.effective.set(type, members);
    return members;
  }
}

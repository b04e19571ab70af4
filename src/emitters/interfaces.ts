/**
 * Interfaces: one per entity or complex type. Every property is optional (responses may be partial,
 * `$select` trims them) and accepts `null` unless the docs say "Not nullable". Doc comments carry
 * the description, `@deprecated` where marked, and the source page.
 */
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import { Kind } from "./kinds.js";
import { compareText } from "../model/diagnostics.js";
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { propertyKey } from "./naming.js";
import { docText, mentionsType, referencedType, seeSource, tsType } from "./ts-code.js";
import { importOf } from "./imports.js";
import { bodyTypes } from "./bodies.js";
import { allProperties, extendableBase } from "./inheritance.js";
import { emitterOf, typeUnitKey, type UnitEmitter } from "./unit-plan.js";

/** Every object may say which (derived) type it is; Graph sends it in responses. */
const ODATA_TYPE: OptionalKind<PropertySignatureStructure> = {
  name: JSON.stringify("@odata.type"),
  type: "string",
  hasQuestionToken: true,
  docs: ["The type of the object, such as `#microsoft.graph.user` (an OData annotation)."],
};

/** What one type's interface needs from the file: the enum types it names, and whether it names `JsonValue`. */
export interface InterfaceUnit {
  used: string[];
  usesJson: boolean;
}

/** Per object type its interface; then the body types the operations imply (unit-plan.ts). */
export const interfaceUnits: UnitEmitter<TypeModel, InterfaceUnit> = {
  units: (ctx) => ctx.version.types.filter((type) => type.kind !== "enum"),
  key: typeUnitKey,
  emit: (ctx, type) => {
    const used = new Set<string>();
    let usesJson = false;
    const properties = type.properties.map((property) => {
      const signature = propertySignature(ctx, property);
      if (mentionsType(signature.type, "JsonValue")) usesJson = true;
      if (signature.ref) used.add(signature.ref);
      return signature.structure;
    });
    const declaration: InterfaceDeclarationStructure = {
      kind: Kind.Interface,
      name: ctx.names.get(type.name) ?? type.name,
      isExported: true,
      docs: [typeDocs(type)],
      ...baseClause(ctx, type),
      properties: type.properties.some((p) => p.name === "@odata.type") ? properties : [ODATA_TYPE, ...properties],
    };
    return { statements: [[declaration]], data: { used: [...used], usesJson } };
  },
  // The tail's body types read the operations and the read-only properties of their types.
  assembledFromReports: false,
  assemble: (ctx, units) => {
    const used = units.flatMap((unit) => unit.used);
    const head = [
      ...importOf("./enums.js", used.filter((name) => ctx.isEnum(name))),
      ...importOf("./runtime/json.js", units.some((unit) => unit.usesJson) ? ["JsonValue"] : []),
    ];
    const tail = bodyTypes(ctx).map((body) => {
      const omitted = body.readOnly.length > 0 ? `Omit<${body.of}, ${body.readOnly.map((name) => JSON.stringify(name)).join(" | ")}>` : body.of;
      return body.kind === "create"
        ? `/** The body that creates (POST) or replaces (PUT) a {@link ${body.of}}: its properties without the read-only ones. */\nexport type ${body.name} = ${omitted};`
        : `/** The body that updates (PATCH) a {@link ${body.of}}: its properties without the read-only ones, every one optional. */\nexport type ${body.name} = Partial<${omitted}>;`;
    });
    return { head, tail };
  },
};

export const emitInterfaces: Emitter = emitterOf(interfaceUnits);

/**
 * \`extends Base\` for a documented base type. A property the type redeclares with another
 * TypeScript type than the base chain gives it is omitted from the base (\`extends Omit<Base, "x">\`),
 * so the interface always compiles; \`@odata.type\` counts as declared \`string\` by every base.
 */
function baseClause(ctx: EmitContext, type: TypeModel): { extends?: string[] } {
  const base = extendableBase(ctx, type);
  const baseName = base ? ctx.names.get(base.name) : undefined;
  if (!base || !baseName) return {};
  const inherited = new Map<string, string>([["@odata.type", "string"]]);
  for (const property of allProperties(ctx, base)) inherited.set(property.name, memberType(ctx, property));
  const conflicting = type.properties
    .filter((p) => inherited.has(p.name) && inherited.get(p.name) !== memberType(ctx, p))
    .map((p) => p.name)
    .sort(compareText);
  const names = [...new Set(conflicting)];
  return { extends: [names.length > 0 ? `Omit<${baseName}, ${names.map((name) => JSON.stringify(name)).join(" | ")}>` : baseName] };
}

/** The TypeScript type of an interface member: the property's type, with \`| null\` unless "Not nullable". */
function memberType(ctx: EmitContext, property: PropertyModel): string {
  const base = tsType(ctx, property);
  return property.nullable === false ? base : `${base} | null`;
}

interface Signature {
  structure: OptionalKind<PropertySignatureStructure>;
  type: string;
  /** The TypeScript name of the model type it refers to, if any. */
  ref: string | undefined;
}

function propertySignature(ctx: EmitContext, property: PropertyModel): Signature {
  const type = memberType(ctx, property);
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


/**
 * Validators: per type, `validateX: Validator<X>` — callable as `validateX(value, { strict })` for a
 * `ValidationResult` reporting every problem with its JSON Pointer, and a Standard Schema v1
 * (`~standard`) — built from the `checkX(value, path, problems)` walker it (and other walkers) call.
 * Straight-line code: one `switch` over the object's own keys, one helper call per property.
 * Formats: DateTimeOffset (RFC 3339), Date, TimeOfDay, Duration, Guid, Binary; integer ranges;
 * enums; collections; nested types. `null` is accepted unless the docs say "Not nullable";
 * properties the docs do not list are warnings (errors with `strict`; annotations such as
 * `@odata.type` are not reported). A type walks its base types' properties too (`baseType`), and a
 * value whose `@odata.type` names a derived type is walked as that type (see docs/types.md).
 */
import type { PrimitiveType } from "../model/primitives.js";
import { primitiveFor } from "../model/primitives.js";
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { importOf } from "./imports.js";
import { allProperties, baseChain } from "./inheritance.js";
import { checkerName, enumValuesName, validatorName } from "./naming.js";
import { escapePointer } from "./pointer.js";
import { literal, seeSource } from "./ts-code.js";

const INTEGER_RANGES: Partial<Record<PrimitiveType, readonly [string, string]>> = {
  Byte: ["0", "255"],
  SByte: ["-128", "127"],
  Int16: ["-32768", "32767"],
  Int32: ["-2147483648", "2147483647"],
};

const PRIMITIVE_CHECKS: Partial<Record<PrimitiveType, string>> = {
  String: "expectString",
  Stream: "expectString",
  Boolean: "expectBoolean",
  Int64: "expectInt64",
  Single: "expectSingle",
  Double: "expectNumber",
  Decimal: "expectNumber",
  DateTimeOffset: "expectDateTimeOffset",
  Date: "expectDate",
  TimeOfDay: "expectTimeOfDay",
  Duration: "expectDuration",
  Guid: "expectGuid",
  Binary: "expectBinary",
  Json: "expectJson",
};

/** State of one file being written: which runtime helpers and enum arrays it needs, and inline enum sets. */
interface ValidatorFile {
  ctx: EmitContext;
  runtime: Set<string>;
  enumArrays: Set<string>;
  inlineSets: string[];
  /** Per type (lower-case model name), the walkers of its derived types by lower-case name, transitively. */
  derived: Map<string, TypeModel[]>;
  interfaceTypes: Set<string>;
  enumTypes: Set<string>;
}

export const emitValidators: Emitter = (ctx) => {
  const state: ValidatorFile = {
    ctx,
    runtime: new Set(["isRecord", "fail", "makeValidator"]),
    enumArrays: new Set(),
    inlineSets: [],
    derived: derivedTypes(ctx),
    interfaceTypes: new Set(),
    enumTypes: new Set(),
  };
  const bodies: string[] = [];
  for (const type of ctx.version.types) {
    bodies.push(type.kind === "enum" ? enumValidator(state, type) : objectValidator(state, type));
  }
  return [
    ...importOf("./runtime/validation.js", ["Problems", "Validator", ...(state.derived.size > 0 ? ["Check"] : [])]),
    ...importOf("./runtime/validation.js", state.runtime, false),
    ...importOf("./interfaces.js", state.interfaceTypes),
    ...importOf("./enums.js", state.enumTypes),
    ...importOf("./enums.js", state.enumArrays, false),
    ...state.inlineSets,
    ...bodies,
  ];
};

function derivedTypes(ctx: EmitContext): Map<string, TypeModel[]> {
  const derived = new Map<string, TypeModel[]>();
  for (const type of ctx.version.types) {
    if (type.kind === "enum") continue;
    for (const base of baseChain(ctx, type)) {
      const key = base.name.toLowerCase();
      derived.set(key, [...(derived.get(key) ?? []), type]);
    }
  }
  return derived;
}

function publicValidator(state: ValidatorFile, tsName: string, type: TypeModel): string {
  (type.kind === "enum" ? state.enumTypes : state.interfaceTypes).add(tsName);
  return `/**
 * Checks that \`value\` is a valid {@link ${tsName}}: \`${validatorName(tsName)}(value, { strict })\` reports every
 * problem with its JSON Pointer; \`${validatorName(tsName)}["~standard"]\` is its Standard Schema (v1).
 * ${seeSource(type.sources[0])}
 */
export const ${validatorName(tsName)}: Validator<${tsName}> = makeValidator<${tsName}>(${checkerName(tsName)});`;
}

function enumValidator(state: ValidatorFile, type: TypeModel): string {
  const tsName = state.ctx.names.get(type.name) ?? type.name;
  state.runtime.add("expectEnum");
  state.enumArrays.add(enumValuesName(tsName));
  const setName = `${enumValuesName(tsName)}Set`;
  state.inlineSets.push(`const ${setName}: ReadonlySet<string> = new Set<string>(${enumValuesName(tsName)});`);
  return `${publicValidator(state, tsName, type)}

/** Walker for ${tsName}: appends problems at \`path\`. */
export function ${checkerName(tsName)}(value: unknown, path: string, problems: Problems): void {
  expectEnum(value, path, problems, ${setName}, ${literal(tsName)});
}`;
}

function objectValidator(state: ValidatorFile, type: TypeModel): string {
  const tsName = state.ctx.names.get(type.name) ?? type.name;
  state.runtime.add("unknownProperty");
  state.runtime.add("derivedCheck");
  const cases = allProperties(state.ctx, type)
    .filter((property) => property.name !== "@odata.type")
    .map((property) => propertyCase(state, tsName, property))
    .join("\n");
  const derived = state.derived.get(type.name.toLowerCase()) ?? [];
  let derivedMap = "undefined";
  if (derived.length > 0) {
    derivedMap = `derivedOf${tsName}`;
    const entries = derived
      .map((d) => `[${literal(d.name.toLowerCase())}, ${checkerName(state.ctx.names.get(d.name) ?? d.name)}]`)
      .join(", ");
    // Walkers are function declarations (hoisted), so the map can name them before they appear.
    state.inlineSets.push(`const ${derivedMap}: ReadonlyMap<string, Check> = new Map<string, Check>([${entries}]);`);
  }
  return `${publicValidator(state, tsName, type)}

/** Walker for ${tsName}: appends problems at \`path\`. */
export function ${checkerName(tsName)}(value: unknown, path: string, problems: Problems): void {
  if (!isRecord(value)) {
    fail(problems, path, "type", ${literal(`a ${tsName} object`)}, value);
    return;
  }
  const derived = derivedCheck(value, path, problems, ${literal(type.name.toLowerCase())}, ${derivedMap});
  if (derived) {
    derived(value, path, problems);
    return;
  }
  for (const key of Object.keys(value)) {
    const item = value[key];
    switch (key) {
${cases}
      default:
        if (key.charCodeAt(0) !== 64) unknownProperty(problems, path, key);
    }
  }
}`;
}

function propertyCase(state: ValidatorFile, tsName: string, property: PropertyModel): string {
  const path = `path + ${literal(`/${escapePointer(property.name)}`)}`;
  const check = property.collection
    ? arrayCheck(state, tsName, property, "item", path)
    : valueCheck(state, tsName, property, "item", path, "problems");
  const nullCheck =
    property.nullable === false
      ? `if (item === null) { fail(problems, ${path}, "type", "a value (not null)", item); break; }\n`
      : `if (item === null) break;\n`;
  return `      case ${literal(property.name)}:
        ${nullCheck}        ${check};
        break;`;
}

function arrayCheck(state: ValidatorFile, tsName: string, property: PropertyModel, value: string, path: string): string {
  state.runtime.add("expectArray");
  const single = valueCheck(state, tsName, property, "v", "p", "pr");
  return `expectArray(${value}, ${path}, problems, (v, p, pr) => ${single}, true)`;
}

/** The call that checks one (non-collection) value of a property's type. */
function valueCheck(state: ValidatorFile, tsName: string, property: PropertyModel, value: string, path: string, problems: string): string {
  if (property.enumValues && property.enumValues.length > 0) {
    state.runtime.add("expectEnum");
    const setName = `${tsName.charAt(0).toLowerCase()}${tsName.slice(1)}${capitalize(property.name.replace(/[^A-Za-z0-9]/g, ""))}Values${state.inlineSets.length}`;
    state.inlineSets.push(`const ${setName}: ReadonlySet<string> = new Set<string>([${property.enumValues.map(literal).join(", ")}]);`);
    return `expectEnum(${value}, ${path}, ${problems}, ${setName}, ${literal(`${tsName}.${property.name}`)})`;
  }
  const primitive = primitiveFor(property.type);
  if (primitive) {
    const range = INTEGER_RANGES[primitive];
    if (range) {
      state.runtime.add("expectInteger");
      return `expectInteger(${value}, ${path}, ${problems}, ${range[0]}, ${range[1]}, ${literal(primitive)})`;
    }
    const helper = PRIMITIVE_CHECKS[primitive] ?? "expectJson";
    state.runtime.add(helper);
    return `${helper}(${value}, ${path}, ${problems})`;
  }
  const target = state.ctx.typeByName(property.type);
  const targetName = target ? state.ctx.names.get(target.name) : undefined;
  if (!targetName) {
    state.runtime.add("expectJson");
    return `expectJson(${value}, ${path}, ${problems})`;
  }
  return `${checkerName(targetName)}(${value}, ${path}, ${problems})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Validators: per type, `validateX(value: unknown): ValidationResult` reporting every problem with
 * its JSON Pointer, and the `checkX(value, path, problems)` walker it (and other walkers) call.
 * Straight-line code: one `switch` over the object's own keys, one helper call per property.
 * Formats: DateTimeOffset (RFC 3339), Date, TimeOfDay, Duration, Guid, Binary; integer ranges;
 * enums; collections; nested types. `null` is accepted unless the docs say "Not nullable";
 * properties the docs do not list are warnings (annotations such as `@odata.type` are not).
 */
import type { PrimitiveType } from "../model/primitives.js";
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { importOf } from "./imports.js";
import { checkerName, enumValuesName, validatorName } from "./naming.js";
import { escapePointer } from "./pointer.js";
import { literal, primitiveOf, seeSource } from "./ts-code.js";

const INTEGER_RANGES: Partial<Record<PrimitiveType, readonly [string, string]>> = {
  Byte: ["0", "255"],
  SByte: ["-128", "127"],
  Int16: ["-32768", "32767"],
  Int32: ["-2147483648", "2147483647"],
  Int64: ["Number.MIN_SAFE_INTEGER", "Number.MAX_SAFE_INTEGER"],
};

const PRIMITIVE_CHECKS: Partial<Record<PrimitiveType, string>> = {
  String: "expectString",
  Stream: "expectString",
  Boolean: "expectBoolean",
  Single: "expectNumber",
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
}

export const emitValidators: Emitter = (ctx) => {
  const state: ValidatorFile = { ctx, runtime: new Set(), enumArrays: new Set(), inlineSets: [] };
  const bodies: string[] = [];
  for (const type of ctx.version.types) {
    bodies.push(type.kind === "enum" ? enumValidator(state, type) : objectValidator(state, type));
  }
  // Nothing to validate (a version with operations only): no imports, which would be unused.
  if (bodies.length === 0) return [];
  return [
    ...importOf("./runtime/validation.js", ["Problems", "ValidationResult"]),
    ...importOf("./runtime/validation.js", state.runtime, false),
    ...importOf("./enums.js", state.enumArrays, false),
    ...state.inlineSets,
    ...bodies,
  ];
};

function publicValidator(tsName: string, type: TypeModel): string {
  return `/**
 * Checks that \`value\` is a valid ${tsName}; reports every problem with its JSON Pointer.
 * ${seeSource(type.sources[0])}
 */
export function ${validatorName(tsName)}(value: unknown): ValidationResult {
  const problems: Problems = { errors: [], warnings: [] };
  ${checkerName(tsName)}(value, "", problems);
  return { valid: problems.errors.length === 0, errors: problems.errors, warnings: problems.warnings };
}`;
}

function enumValidator(state: ValidatorFile, type: TypeModel): string {
  const tsName = state.ctx.names.get(type.name) ?? type.name;
  state.runtime.add("expectEnum");
  state.enumArrays.add(enumValuesName(tsName));
  const setName = `${enumValuesName(tsName)}Set`;
  state.inlineSets.push(`const ${setName}: ReadonlySet<string> = new Set<string>(${enumValuesName(tsName)});`);
  return `${publicValidator(tsName, type)}

/** Walker for ${tsName}: appends problems at \`path\`. */
export function ${checkerName(tsName)}(value: unknown, path: string, problems: Problems): void {
  expectEnum(value, path, problems, ${setName}, ${literal(tsName)});
}`;
}

function objectValidator(state: ValidatorFile, type: TypeModel): string {
  const tsName = state.ctx.names.get(type.name) ?? type.name;
  state.runtime.add("unknownProperty").add("isRecord").add("fail");
  const cases = type.properties.map((property) => propertyCase(state, tsName, property)).join("\n");
  return `${publicValidator(tsName, type)}

/** Walker for ${tsName}: appends problems at \`path\`. */
export function ${checkerName(tsName)}(value: unknown, path: string, problems: Problems): void {
  if (!isRecord(value)) {
    fail(problems, path, "type", ${literal(`a ${tsName} object`)}, value);
    return;
  }
${
    // A type without documented properties: every key is unknown (no \`item\`, which would be unused).
    cases === ""
      ? `  for (const key of Object.keys(value)) {
    if (key.charCodeAt(0) !== 64) unknownProperty(problems, path, key);
  }`
      : `  for (const key of Object.keys(value)) {
    const item = value[key];
    switch (key) {
${cases}
      default:
        if (key.charCodeAt(0) !== 64) unknownProperty(problems, path, key);
    }
  }`
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
  const primitive = primitiveOf(state.ctx, property.type);
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

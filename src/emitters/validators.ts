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
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { importOf } from "./imports.js";
import { dateKey } from "./dates.js";
import { allProperties, baseChain, derivedTypes } from "./inheritance.js";
import { checkerName, enumValuesName, validatorName } from "./naming.js";
import { escapePointer } from "./pointer.js";
import { literal, primitiveOf, seeSource } from "./ts-code.js";

const INTEGER_RANGES: Partial<Record<PrimitiveType, readonly [string, string]>> = {
  Byte: ["0", "255"],
  SByte: ["-128", "127"],
  Int16: ["-32768", "32767"],
  Int32: ["-2147483648", "2147483647"],
};

/** Types with more properties than this switch on a property index instead of the key. */
const INDEXED_SWITCH_FROM = 8;

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
  /** `reviveDates` is imported (dates: "Date" and a type that can hold dates). */
  revives: boolean;
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
    revives: false,
  };
  const bodies: string[] = [];
  for (const type of ctx.version.types) {
    bodies.push(type.kind === "enum" ? enumValidator(state, type) : objectValidator(state, type));
  }
  // Nothing to validate (a version with operations only): no imports, which would be unused.
  if (bodies.length === 0) return [];
  return [
    ...importOf("./runtime/validation.js", ["Problems", "Validator", ...(state.derived.size > 0 ? ["Check"] : [])]),
    ...importOf("./runtime/validation.js", state.runtime, false),
    ...importOf("./interfaces.js", state.interfaceTypes),
    ...importOf("./enums.js", state.enumTypes),
    ...importOf("./enums.js", state.enumArrays, false),
    ...importOf("./dates.js", state.revives ? ["reviveDates"] : [], false),
    ...state.inlineSets,
    ...bodies,
  ];
};


function publicValidator(state: ValidatorFile, tsName: string, type: TypeModel): string {
  (type.kind === "enum" ? state.enumTypes : state.interfaceTypes).add(tsName);
  // dates: "Date": the walker checks the wire JSON (date strings); the Standard Schema output has them revived.
  const key = type.kind === "enum" ? undefined : dateKey(state.ctx, type.name);
  if (key !== undefined) state.revives = true;
  const revive = key !== undefined ? `, (value) => reviveDates(value, ${literal(key)})` : "";
  const revived = key !== undefined ? " It checks the JSON as received (dates as strings); the Standard Schema output has its dates revived as `Date`s." : "";
  return `/**
 * Checks that \`value\` is a valid {@link ${tsName}}: \`${validatorName(tsName)}(value, { strict })\` reports every
 * problem with its JSON Pointer; \`${validatorName(tsName)}["~standard"]\` is its Standard Schema (v1).${revived}
 * ${seeSource(type.sources[0])}
 */
export const ${validatorName(tsName)}: Validator<${tsName}> = makeValidator<${tsName}>(${checkerName(tsName)}${revive});`;
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
  const properties = allProperties(state.ctx, type).filter((property) => property.name !== "@odata.type");
  // Many properties: switch on an index from a Map (one hash lookup and a jump table) instead of
  // comparing the key with every property name in turn.
  const indexed = properties.length > INDEXED_SWITCH_FROM;
  const keysName = `keysOf${tsName}`;
  if (indexed) {
    state.inlineSets.push(
      `const ${keysName}: ReadonlyMap<string, number> = new Map<string, number>([${properties.map((p, i) => `[${literal(p.name)}, ${i}]`).join(", ")}]);`,
    );
  }
  const cases = properties.map((property, i) => propertyCase(state, tsName, property, indexed ? String(i) : literal(property.name))).join("\n");
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
  const annotation = value["@odata.type"];
  // The common case, an annotation naming this very type, needs no lookup.
  if (annotation !== undefined && annotation !== ${literal(`#microsoft.graph.${type.name}`)}) {
    const derived = derivedCheck(value, path, problems, ${literal(type.name.toLowerCase())}, ${derivedMap});
    if (derived) {
      derived(value, path, problems);
      return;
    }
  }
  for (const key in value) {
${properties.length > 0 ? "    const item = value[key];\n" : ""}    switch (${indexed ? `${keysName}.get(key)` : "key"}) {
${cases}
      default:
        if (key.charCodeAt(0) !== 64) unknownProperty(problems, path, key);
    }
  }
}`;
}

/**
 * One property's `case`: a fast inline test of the valid form, and only when it fails, the helper
 * that classifies the problem (the path string is built only then, or per nested object).
 */
function propertyCase(state: ValidatorFile, tsName: string, property: PropertyModel, label: string): string {
  const path = `path + ${literal(`/${escapePointer(property.name)}`)}`;
  const nullCheck =
    property.nullable === false
      ? `if (item === null) { fail(problems, ${path}, "type", "a value (not null)", item); break; }\n`
      : `if (item === null) break;\n`;
  const check = valueCheck(state, tsName, property);
  let body: string;
  if (property.collection) {
    state.runtime.add("fail");
    const element = check.test
      ? `if (v !== null && !(${check.test("v")})) ${check.report("v", `${path} + "/" + i`)};`
      : `if (v !== null) ${check.report("v", `${path} + "/" + i`)};`;
    body = `if (!Array.isArray(item)) { fail(problems, ${path}, "type", "an array", item); break; }
        for (let i = 0; i < item.length; i++) {
          const v: unknown = item[i];
          ${element}
        }`;
  } else {
    body = check.test ? `if (!(${check.test("item")})) ${check.report("item", path)};` : `${check.report("item", path)};`;
  }
  return `      case ${label}:
        ${nullCheck}        ${body}
        break;`;
}

/** How one (non-collection) value of a property's type is checked: an optional inline test of the valid form, and the call that reports (or, for object types, walks) it. */
interface ValueCheck {
  test?: (value: string) => string;
  report: (value: string, path: string) => string;
}

const FORMAT_TESTS: Partial<Record<PrimitiveType, string>> = {
  DateTimeOffset: "isDateTimeOffset",
  Date: "isDate",
  TimeOfDay: "isTimeOfDay",
  Duration: "isDuration",
  Guid: "isGuid",
  Binary: "isBase64",
};

function valueCheck(state: ValidatorFile, tsName: string, property: PropertyModel): ValueCheck {
  if (property.enumValues && property.enumValues.length > 0) {
    state.runtime.add("expectEnum");
    const setName = `${tsName.charAt(0).toLowerCase()}${tsName.slice(1)}${capitalize(property.name.replace(/[^A-Za-z0-9]/g, ""))}Values${state.inlineSets.length}`;
    state.inlineSets.push(`const ${setName}: ReadonlySet<string> = new Set<string>([${property.enumValues.map(literal).join(", ")}]);`);
    return {
      test: (v) => `typeof ${v} === "string" && ${setName}.has(${v})`,
      report: (v, path) => `expectEnum(${v}, ${path}, problems, ${setName}, ${literal(`${tsName}.${property.name}`)})`,
    };
  }
  const primitive = primitiveOf(state.ctx, property.type);
  if (primitive) {
    const range = INTEGER_RANGES[primitive];
    if (range) {
      state.runtime.add("expectInteger");
      return {
        test: (v) => `typeof ${v} === "number" && Number.isInteger(${v}) && ${v} >= ${range[0]} && ${v} <= ${range[1]}`,
        report: (v, path) => `expectInteger(${v}, ${path}, problems, ${range[0]}, ${range[1]}, ${literal(primitive)})`,
      };
    }
    const helper = PRIMITIVE_CHECKS[primitive] ?? "expectJson";
    state.runtime.add(helper);
    const report = (v: string, path: string): string => `${helper}(${v}, ${path}, problems)`;
    const format = FORMAT_TESTS[primitive];
    if (format) {
      state.runtime.add(format);
      return { test: (v) => `${format}(${v})`, report };
    }
    switch (primitive) {
      case "String":
      case "Stream":
        return { test: (v) => `typeof ${v} === "string"`, report };
      case "Boolean":
        return { test: (v) => `typeof ${v} === "boolean"`, report };
      case "Double":
      case "Decimal":
        return { test: (v) => `Number.isFinite(${v})`, report };
      case "Int64":
        return { test: (v) => `Number.isSafeInteger(${v})`, report };
      default:
        return { report };
    }
  }
  const target = state.ctx.typeByName(property.type);
  const targetName = target ? state.ctx.names.get(target.name) : undefined;
  if (!target || !targetName) {
    state.runtime.add("expectJson");
    return { report: (v, path) => `expectJson(${v}, ${path}, problems)` };
  }
  if (target.kind === "enum") {
    const setName = `${enumValuesName(targetName)}Set`;
    return { test: (v) => `typeof ${v} === "string" && ${setName}.has(${v})`, report: (v, path) => `${checkerName(targetName)}(${v}, ${path}, problems)` };
  }
  return { report: (v, path) => `${checkerName(targetName)}(${v}, ${path}, problems)` };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

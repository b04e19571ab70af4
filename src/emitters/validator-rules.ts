/**
 * How the values of one property are checked, shared by the two walker styles (straight-line code
 * for small types, property tables for large ones): the value kind of `templates/runtime/walk.ts`,
 * the inline test of its valid form, and what its problems say was expected, fixed at generation.
 */
import type { PrimitiveType } from "../model/primitives.js";
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { checkerName, enumValuesName } from "./naming.js";
import { literal, primitiveOf } from "./ts-code.js";

/** State of one type's validator being written: the runtime helpers and enum arrays it imports, and its module-level constants. */
export interface ValidatorFile {
  ctx: EmitContext;
  /** Names imported from `runtime/validation.js`. */
  runtime: Set<string>;
  /** Names imported from `runtime/walk.js`. */
  walk: Set<string>;
  enumArrays: Set<string>;
  /** Constants the walkers and tables read: enum sets, key maps, derived-type maps. */
  inlineSets: string[];
  /** Property tables (after `inlineSets`, whose constants they name). */
  tables: string[];
  /** Per type (lower-case model name), the walkers of its derived types by lower-case name, transitively. */
  derived: Map<string, TypeModel[]>;
  interfaceTypes: Set<string>;
  enumTypes: Set<string>;
  /** `reviveDates` is imported (dates: "Date" and a type that can hold dates). */
  revives: boolean;
}

/** A property's values: a primitive kind, one of a set of strings, or an object type's walker. */
export type ValueRule =
  | { form: "primitive"; kind: string; test: (value: string) => string }
  | { form: "enum"; set: string; expected: string }
  | { form: "object"; checker: string };

/** Kind constant (runtime/walk.ts) per primitive. */
const KINDS: Record<PrimitiveType, string> = {
  String: "STRING",
  Stream: "STRING",
  Boolean: "BOOLEAN",
  Double: "NUMBER",
  Decimal: "NUMBER",
  Single: "SINGLE",
  Int64: "INT64",
  Byte: "BYTE",
  SByte: "SBYTE",
  Int16: "INT16",
  Int32: "INT32",
  DateTimeOffset: "DATE_TIME_OFFSET",
  Date: "DATE",
  TimeOfDay: "TIME_OF_DAY",
  Duration: "DURATION",
  Guid: "GUID",
  Binary: "BINARY",
  Json: "JSON_VALUE",
};

const INTEGER_RANGES: Partial<Record<PrimitiveType, readonly [string, string]>> = {
  Byte: ["0", "255"],
  SByte: ["-128", "127"],
  Int16: ["-32768", "32767"],
  Int32: ["-2147483648", "2147483647"],
};

/** Inline tests that are a runtime function (the rest are expressions). */
const TEST_FUNCTIONS: Partial<Record<PrimitiveType, { module: "runtime" | "walk"; name: string }>> = {
  DateTimeOffset: { module: "runtime", name: "isDateTimeOffset" },
  Date: { module: "runtime", name: "isDate" },
  TimeOfDay: { module: "runtime", name: "isTimeOfDay" },
  Duration: { module: "runtime", name: "isDuration" },
  Guid: { module: "runtime", name: "isGuid" },
  Binary: { module: "runtime", name: "isBase64" },
  Single: { module: "walk", name: "isSingle" },
  Json: { module: "walk", name: "isJson" },
};

export function valueRule(state: ValidatorFile, tsName: string, property: PropertyModel): ValueRule {
  if (property.enumValues && property.enumValues.length > 0) {
    // Numbered within the type's walker (a unit of its own: unit-plan.ts); the `_` keeps `valuesOfA1_2` apart from `valuesOfA_12`.
    const setName = `valuesOf${tsName}_${state.inlineSets.length}`;
    const values = `[${property.enumValues.map(literal).join(", ")}]`;
    if (property.flags === true) {
      state.inlineSets.push(`const ${setName}: ReadonlySet<string> = ${importName(state, "runtime", "flagSet")}(${values});`);
      return { form: "enum", set: setName, expected: `one or more of the ${tsName}.${property.name} values, joined by commas` };
    }
    state.inlineSets.push(`const ${setName}: ReadonlySet<string> = new Set<string>(${values});`);
    return { form: "enum", set: setName, expected: `one of the ${tsName}.${property.name} values` };
  }
  const primitive = primitiveOf(state.ctx, property.type);
  const target = primitive ? undefined : state.ctx.typeByName(property.type);
  const targetName = target ? state.ctx.names.get(target.name) : undefined;
  if (!target || !targetName) return primitiveRule(state, primitive ?? "Json");
  if (target.kind === "enum") return { form: "enum", set: enumSetName(targetName), expected: enumExpected(targetName) };
  return { form: "object", checker: checkerName(targetName) };
}

function primitiveRule(state: ValidatorFile, primitive: PrimitiveType): ValueRule {
  const kind = KINDS[primitive];
  const range = INTEGER_RANGES[primitive];
  if (range) return { form: "primitive", kind, test: (v) => `typeof ${v} === "number" && Number.isInteger(${v}) && ${v} >= ${range[0]} && ${v} <= ${range[1]}` };
  const fn = TEST_FUNCTIONS[primitive];
  if (fn) return { form: "primitive", kind, test: (v) => `${importName(state, fn.module, fn.name)}(${v})` };
  switch (primitive) {
    case "Boolean":
      return { form: "primitive", kind, test: (v) => `typeof ${v} === "boolean"` };
    case "Double":
    case "Decimal":
      return { form: "primitive", kind, test: (v) => `Number.isFinite(${v})` };
    case "Int64":
      return { form: "primitive", kind, test: (v) => `Number.isSafeInteger(${v})` };
    default:
      return { form: "primitive", kind, test: (v) => `typeof ${v} === "string"` };
  }
}

/** Records that the file imports `name` from a runtime module; returns the name. */
export function importName(state: ValidatorFile, module: "runtime" | "walk", name: string): string {
  (module === "runtime" ? state.runtime : state.walk).add(name);
  return name;
}

/** The module-level `Set` of a named enum's values (declared with the enum's walker). */
export const enumSetName = (tsName: string): string => `${enumValuesName(tsName)}Set`;

/** What a problem of a named enum's value says was expected. */
export const enumExpected = (tsName: string): string => `one of the ${tsName} values`;

/**
 * JSON Schema (2020-12, also OpenAPI 3.1's dialect) for model types, with the generated
 * validators' semantics so both give the same verdicts: properties accept `null` unless the docs
 * say "Not nullable" (collection items accept `null`), properties the docs do not list are allowed
 * (the validators only warn), formats are checked with the validators' patterns, integers with
 * their ranges, references to types the version does not define accept any JSON value.
 */
import { primitiveFor, type PrimitiveType } from "../model/primitives.js";
import type { PropertyModel, TypeModel } from "../model/types.js";

export type Schema = { [key: string]: SchemaValue } | boolean;
type SchemaValue = string | number | boolean | null | Schema | SchemaValue[];

const MONTH_DAY = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))";
const DATE = `\\d{4}-${MONTH_DAY}`;
const PATTERNS: Partial<Record<PrimitiveType, string>> = {
  DateTimeOffset: `^${DATE}[Tt](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`,
  Date: `^${DATE}$`,
  TimeOfDay: "^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?$",
  Duration: "^-?P(?!$)(?:\\d+(?:\\.\\d+)?Y)?(?:\\d+(?:\\.\\d+)?M)?(?:\\d+(?:\\.\\d+)?W)?(?:\\d+(?:\\.\\d+)?D)?(?:T(?=\\d)(?:\\d+(?:\\.\\d+)?H)?(?:\\d+(?:\\.\\d+)?M)?(?:\\d+(?:\\.\\d+)?S)?)?$",
  Guid: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  Binary: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]{3})?$",
};
const FORMATS: Partial<Record<PrimitiveType, string>> = { DateTimeOffset: "date-time", Date: "date", Duration: "duration", Guid: "uuid", Binary: "byte" };
const INTEGER_RANGES: Partial<Record<PrimitiveType, readonly [number, number]>> = {
  Byte: [0, 255],
  SByte: [-128, 127],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
  Int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export interface SchemaOptions {
  /** The `$ref` of a model type of this version. */
  ref(type: TypeModel): string;
  /** The model type of this version with that name (case-insensitive). */
  typeByName(name: string): TypeModel | undefined;
  /** Emit `format` annotations next to the patterns (OpenAPI tools show them). */
  formats: boolean;
}

export function primitiveSchema(primitive: PrimitiveType, options: SchemaOptions): Schema {
  const range = INTEGER_RANGES[primitive];
  if (range) return { type: "integer", minimum: range[0], maximum: range[1], ...(options.formats ? { format: primitive.toLowerCase() } : {}) };
  switch (primitive) {
    case "Boolean":
      return { type: "boolean" };
    case "Single":
    case "Double":
    case "Decimal":
      return { type: "number" };
    case "Json":
      return {};
    default: {
      const pattern = PATTERNS[primitive];
      const format = FORMATS[primitive];
      return { type: "string", ...(pattern ? { pattern } : {}), ...(options.formats && format ? { format } : {}) };
    }
  }
}

/**
 * A string of one of `members`, or (a flags enum) of several joined by commas, as the validators
 * accept it (templates/runtime/validation.ts, flagSet): space around a member only beside a comma.
 */
export function membersSchema(members: readonly string[], flags: boolean): { type: "string"; enum: string[] } | { type: "string"; pattern: string } {
  if (!flags) return { type: "string", enum: [...members] };
  const member = `(?:${members.map((m) => m.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("|")})`;
  return { type: "string", pattern: `^(?:${member}|\\s*${member}\\s*(?:,\\s*${member}\\s*)+)$` };
}

/** The schema of one value of a property's (or body's) type, collections and nullability aside. */
export function valueSchema(use: { type: string; enumValues?: string[] | undefined; flags?: boolean | undefined }, options: SchemaOptions): Schema {
  if (use.enumValues && use.enumValues.length > 0) return membersSchema(use.enumValues, use.flags === true);
  const primitive = primitiveFor(use.type);
  if (primitive) return primitiveSchema(primitive, options);
  const target = options.typeByName(use.type);
  return target ? { $ref: options.ref(target) } : {};
}

export function propertySchema(property: PropertyModel, options: SchemaOptions): Schema {
  const single = valueSchema(property, options);
  const nullableSingle: Schema = { anyOf: [single, { type: "null" }] };
  const schema: Schema = property.collection ? { type: "array", items: nullableSingle } : single;
  const annotations = {
    ...(property.description ? { description: property.description } : {}),
    ...(property.readOnly ? { readOnly: true } : {}),
    ...(property.deprecated ? { deprecated: true } : {}),
  };
  const described = (s: Schema): Schema => (typeof s === "object" ? { ...s, ...annotations } : s);
  return property.nullable === false ? described(schema) : described({ anyOf: [schema, { type: "null" }] });
}

/** A type's own schema: an object with its properties (unknown properties allowed), or a string enum. */
export function typeSchema(type: TypeModel, options: SchemaOptions): { [key: string]: SchemaValue } {
  const description: { [key: string]: SchemaValue } = type.description ? { description: type.description } : {};
  if (type.kind === "enum") {
    const members = type.members ?? [];
    return members.length > 0 ? { ...membersSchema(members, type.flags === true), ...description } : { not: {}, ...description };
  }
  // Every object may name its (derived) type; the validators reject an annotation that is not a string.
  const properties: { [key: string]: Schema } = { "@odata.type": { type: "string" } };
  for (const property of type.properties) properties[property.name] = propertySchema(property, options);
  return { type: "object", ...description, properties };
}

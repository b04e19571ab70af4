/**
 * What the generated walkers share: kinds of value (what a property's values must be), `report` (the
 * problem of a value its inline test rejected, with the expected text fixed per kind, nothing
 * tested twice), and the table-driven walker that types with many properties use instead of
 * straight-line code (one shared function that V8 compiles once, not one large walker per type).
 */
import type { Check, Problems } from "./validation.js";
import {
  derivedCheck,
  escapeKey,
  expecting,
  fail,
  failWith,
  isBase64,
  isDate,
  isDateTimeOffset,
  isDuration,
  isGuid,
  isRecord,
  isTimeOfDay,
  unknownProperty,
} from "./validation.js";

// Kinds of value. Numbers, so that the table walker's switch is a jump table; its cases spell the
// numbers (module constants are not constants to the JIT compiler) with the name beside each.
export const STRING = 0;
export const BOOLEAN = 1;
/** Double and Decimal: a finite number. */
export const NUMBER = 2;
export const SINGLE = 3;
export const INT64 = 4;
export const BYTE = 5;
export const SBYTE = 6;
export const INT16 = 7;
export const INT32 = 8;
export const DATE_TIME_OFFSET = 9;
export const DATE = 10;
export const TIME_OF_DAY = 11;
export const DURATION = 12;
export const GUID = 13;
export const BINARY = 14;
/** Any JSON value. */
export const JSON_VALUE = 15;
/** One of a set of strings (a property's own values or a named enum's). */
export const ENUM = 16;
/** A value of an object type, walked by that type's walker. */
export const OBJECT = 17;

/** What the message of each primitive kind says was expected (`type` problems; formats: also `format`). */
const EXPECTED: readonly string[] = [
  "a string",
  "a boolean",
  "a number",
  "a number (Single)",
  "an integer (Int64)",
  "an integer (Byte)",
  "an integer (SByte)",
  "an integer (Int16)",
  "an integer (Int32)",
  "an RFC 3339 date-time (DateTimeOffset)",
  "a date YYYY-MM-DD (Date)",
  "a time hh:mm:ss (TimeOfDay)",
  "an ISO 8601 duration (Duration)",
  "a GUID (Guid)",
  "base64 text (Binary)",
  "a JSON value",
];

const MIDDLES: readonly string[] = EXPECTED.map(expecting);

/** What a `range` problem of BYTE … INT32 expected (the ranges themselves are in `valid`). */
const INTEGER_RANGES: readonly string[] = [
  "a Byte from 0 to 255",
  "an SByte from -128 to 127",
  "an Int16 from -32768 to 32767",
  "an Int32 from -2147483648 to 2147483647",
];

const INT64_LIMIT = 9223372036854775807;
const SINGLE_LIMIT = 3.4028234663852886e38;

/** A 32-bit float: a number within ±3.4e38 (not NaN, not infinite). */
export function isSingle(value: unknown): boolean {
  return typeof value === "number" && value >= -SINGLE_LIMIT && value <= SINGLE_LIMIT;
}

/** Any JSON value: not undefined (a key whose value is undefined), a function, a symbol or a bigint. */
export function isJson(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol" && typeof value !== "bigint";
}

/**
 * The problem of a value of a primitive kind that its inline test rejected. Formats are `format`
 * problems when the value is a string; integers out of range `range`; an Int64 beyond 2^53-1 (which
 * JavaScript may have rounded when parsing) is only a `precision` warning.
 */
export function report(problems: Problems, path: string, kind: number, value: unknown): void {
  const expected = EXPECTED[kind];
  const middle = MIDDLES[kind];
  if (expected === undefined || middle === undefined) {
    fail(problems, path, "type", "a JSON value", value);
  } else if (kind === INT64 || kind === SINGLE || (kind >= BYTE && kind <= INT32)) {
    if (typeof value !== "number" || (kind === SINGLE ? !Number.isFinite(value) : !Number.isInteger(value))) failWith(problems, path, "type", expected, middle, value);
    else reportRange(problems, path, kind, value);
  } else {
    const format = kind >= DATE_TIME_OFFSET && kind <= BINARY && typeof value === "string";
    failWith(problems, path, format ? "format" : "type", expected, middle, value);
  }
}

/** A number of the right type for `kind`, out of its range (Int64: maybe only rounded when parsed). */
function reportRange(problems: Problems, path: string, kind: number, value: number): void {
  if (kind === SINGLE) {
    fail(problems, path, "range", "a Single from -3.4e38 to 3.4e38", value);
  } else if (kind !== INT64) {
    fail(problems, path, "range", INTEGER_RANGES[kind - BYTE] ?? "an integer in range", value);
  } else if (value < -INT64_LIMIT || value > INT64_LIMIT) {
    fail(problems, path, "range", "an Int64 from -2^63 to 2^63-1", value);
  } else {
    problems.warnings.push({
      path,
      code: "precision",
      expected: "an integer JavaScript holds exactly (at most 2^53-1)",
      received: "number " + value,
      message: (path || "value") + ": Int64 " + value + " is beyond 2^53-1 and may have lost precision when parsed",
    });
  }
}

// ---- property tables ----------------------------------------------------------------------------

/** How one property's values are checked by `walkObject`. */
export interface PropertyRule {
  /** "/" and the property name escaped for a JSON Pointer: appended to the path of its problems. */
  readonly segment: string;
  readonly kind: number;
  readonly nullable: boolean;
  readonly collection: boolean;
  /** ENUM: the accepted values, what a problem says was expected, and `expecting(expected)`. */
  readonly values: ReadonlySet<string>;
  readonly expected: string;
  readonly middle: string;
  /** OBJECT: the walker of the property's type. */
  readonly check: Check;
}

/** A type walked by `walkObject`: its properties (inherited ones included) and how to dispatch on `@odata.type`. */
export interface ObjectTable {
  /** What a problem says was expected when the value is not an object (`a User object`). */
  readonly expected: string;
  /** The `@odata.type` value naming this very type, which needs no lookup. */
  readonly annotation: string;
  /** The type's key (lower-case name) for `derivedCheck`. */
  readonly own: string;
  readonly derived: ReadonlyMap<string, Check> | undefined;
  readonly properties: ReadonlyMap<string, PropertyRule>;
}

/** Flags of a property in a table: `null` is an error; the value is an array of the kind. */
export const NOT_NULLABLE = 1;
export const COLLECTION = 2;

const NO_VALUES: ReadonlySet<string> = new Set<string>();
const NO_CHECK: Check = () => {};

// One object literal for every rule, so that V8 gives all rules one shape.
function rule(name: string, kind: number, flags: number, values: ReadonlySet<string>, expected: string, check: Check): [string, PropertyRule] {
  const segment = "/" + escapeKey(name);
  const middle = expected === "" ? "" : expecting(expected);
  return [name, { segment, kind, nullable: (flags & NOT_NULLABLE) === 0, collection: (flags & COLLECTION) !== 0, values, expected, middle, check }];
}

/** A table entry for a property of a primitive kind (STRING … JSON_VALUE). */
export function property(name: string, kind: number, flags = 0): [string, PropertyRule] {
  return rule(name, kind, flags, NO_VALUES, "", NO_CHECK);
}

/** A table entry for a property whose values are one of `values` (`expected`: `one of the X values`). */
export function enumProperty(name: string, values: ReadonlySet<string>, expected: string, flags = 0): [string, PropertyRule] {
  return rule(name, ENUM, flags, values, expected, NO_CHECK);
}

/** A table entry for a property of an object type, walked by `check`. */
export function objectProperty(name: string, check: Check, flags = 0): [string, PropertyRule] {
  return rule(name, OBJECT, flags, NO_VALUES, "", check);
}

export function objectTable(
  expected: string,
  annotation: string,
  own: string,
  derived: ReadonlyMap<string, Check> | undefined,
  properties: readonly [string, PropertyRule][],
): ObjectTable {
  return { expected, annotation, own, derived, properties: new Map(properties) };
}

/**
 * Walks an object of a table-driven type: the same checks, problems and paths as a straight-line
 * walker (an inline test per value, the path built only for a problem or a nested object).
 */
export function walkObject(value: unknown, path: string, problems: Problems, table: ObjectTable): void {
  if (!isRecord(value)) {
    fail(problems, path, "type", table.expected, value);
    return;
  }
  const annotation = value["@odata.type"];
  if (annotation !== undefined && annotation !== table.annotation) {
    const derived = derivedCheck(value, path, problems, table.own, table.derived);
    if (derived) {
      derived(value, path, problems);
      return;
    }
  }
  const rules = table.properties;
  for (const key in value) {
    const rule = rules.get(key);
    if (rule === undefined) {
      if (key.charCodeAt(0) !== 64) unknownProperty(problems, path, key);
      continue;
    }
    const item = value[key];
    if (item === null) {
      if (!rule.nullable) fail(problems, path + rule.segment, "type", "a value (not null)", item);
    } else if (!rule.collection) {
      if (rule.kind === OBJECT) rule.check(item, path + rule.segment, problems);
      else if (!valid(rule, item)) reportRule(problems, path + rule.segment, rule, item);
    } else if (!Array.isArray(item)) {
      fail(problems, path + rule.segment, "type", "an array", item);
    } else {
      walkElements(item, path + rule.segment, problems, rule);
    }
  }
}

/** The elements of a collection property (`null` elements are accepted). */
function walkElements(items: readonly unknown[], path: string, problems: Problems, rule: PropertyRule): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === null) continue;
    if (rule.kind === OBJECT) rule.check(item, path + "/" + i, problems);
    else if (!valid(rule, item)) reportRule(problems, path + "/" + i, rule, item);
  }
}

function reportRule(problems: Problems, path: string, rule: PropertyRule, value: unknown): void {
  if (rule.kind === ENUM) failWith(problems, path, "enum", rule.expected, rule.middle, value);
  else report(problems, path, rule.kind, value);
}

/** The inline test of a kind's valid form (OBJECT is walked instead; see `walkObject`). */
function valid(rule: PropertyRule, value: unknown): boolean {
  switch (rule.kind) {
    case 0: // STRING
      return typeof value === "string";
    case 1: // BOOLEAN
      return typeof value === "boolean";
    case 2: // NUMBER
      return Number.isFinite(value);
    case 3: // SINGLE
      return isSingle(value);
    case 4: // INT64
      return Number.isSafeInteger(value);
    case 5: // BYTE
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 255;
    case 6: // SBYTE
      return typeof value === "number" && Number.isInteger(value) && value >= -128 && value <= 127;
    case 7: // INT16
      return typeof value === "number" && Number.isInteger(value) && value >= -32768 && value <= 32767;
    case 8: // INT32
      return typeof value === "number" && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
    case 9: // DATE_TIME_OFFSET
      return isDateTimeOffset(value);
    case 10: // DATE
      return isDate(value);
    case 11: // TIME_OF_DAY
      return isTimeOfDay(value);
    case 12: // DURATION
      return isDuration(value);
    case 13: // GUID
      return isGuid(value);
    case 14: // BINARY
      return isBase64(value);
    case 16: // ENUM
      return typeof value === "string" && rule.values.has(value);
    default: // JSON_VALUE
      return isJson(value);
  }
}

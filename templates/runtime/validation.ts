/**
 * Validation primitives used by the generated validators. Every check appends problems to an array
 * instead of throwing, so one run reports every problem, each with its JSON Pointer path.
 */

export interface ValidationError {
  /** JSON Pointer to the offending value ("" is the whole value). */
  path: string;
  /** Stable code: type, format, range, enum, required, unknown-property. */
  code: string;
  message: string;
  expected?: string;
  received?: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
  /** Problems that do not make the value invalid, such as properties the docs do not list. */
  warnings: ValidationError[];
}

/** Collects problems while a value is walked. */
export interface Problems {
  errors: ValidationError[];
  warnings: ValidationError[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short description of what was received, for messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return value.length > 40 ? `string "${value.slice(0, 37)}..."` : `string "${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

export function fail(problems: Problems, path: string, code: string, expected: string, value: unknown): void {
  const received = describe(value);
  problems.errors.push({ path, code, expected, received, message: `${path || "value"}: expected ${expected}, received ${received}` });
}

export function unknownProperty(problems: Problems, path: string, key: string): void {
  problems.warnings.push({
    path: `${path}/${escapeKey(key)}`,
    code: "unknown-property",
    expected: "a documented property",
    received: key,
    message: `${path}/${escapeKey(key)}: property "${key}" is not documented`,
  });
}

export function escapeKey(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function expectString(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "string") fail(problems, path, "type", "a string", value);
}

export function expectBoolean(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "boolean") fail(problems, path, "type", "a boolean", value);
}

export function expectNumber(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(problems, path, "type", "a number", value);
}

export function expectInteger(value: unknown, path: string, problems: Problems, min: number, max: number, typeName: string): void {
  if (typeof value !== "number" || !Number.isInteger(value)) fail(problems, path, "type", `an integer (${typeName})`, value);
  else if (value < min || value > max) fail(problems, path, "range", `an ${typeName} from ${min} to ${max}`, value);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DURATION = /^-?P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]{3})?$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] ?? 0);
}

/** RFC 3339 date-time with offset (`2017-01-01T00:03:07.1589002-08:00`). */
export function expectDateTimeOffset(value: unknown, path: string, problems: Problems): void {
  const match = typeof value === "string" ? DATE_TIME.exec(value) : null;
  if (
    !match ||
    !validDate(Number(match[1]), Number(match[2]), Number(match[3])) ||
    Number(match[4]) > 23 ||
    Number(match[5]) > 59 ||
    Number(match[6]) > 60 ||
    Number(match[7] ?? 0) > 23 ||
    Number(match[8] ?? 0) > 59
  ) {
    fail(problems, path, typeof value === "string" ? "format" : "type", "an RFC 3339 date-time (DateTimeOffset)", value);
  }
}

export function expectDate(value: unknown, path: string, problems: Problems): void {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  if (!match || !validDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    fail(problems, path, typeof value === "string" ? "format" : "type", "a date YYYY-MM-DD (Date)", value);
  }
}

export function expectTimeOfDay(value: unknown, path: string, problems: Problems): void {
  const match = typeof value === "string" ? TIME_OF_DAY.exec(value) : null;
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) {
    fail(problems, path, typeof value === "string" ? "format" : "type", "a time hh:mm:ss (TimeOfDay)", value);
  }
}

export function expectDuration(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "string" || !DURATION.test(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "an ISO 8601 duration (Duration)", value);
}

export function expectGuid(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "string" || !GUID.test(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "a GUID (Guid)", value);
}

export function expectBinary(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "string" || !BASE64.test(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "base64 text (Binary)", value);
}

export function expectEnum(value: unknown, path: string, problems: Problems, allowed: ReadonlySet<string>, typeName: string): void {
  if (typeof value !== "string" || !allowed.has(value)) fail(problems, path, "enum", `one of the ${typeName} values`, value);
}

/** Any JSON value is accepted; only non-JSON values (functions, undefined inside arrays, …) are not. */
export function expectJson(value: unknown, path: string, problems: Problems): void {
  if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    fail(problems, path, "type", "a JSON value", value);
  }
}

/** Checks an array and each element with `check`. */
export function expectArray(
  value: unknown,
  path: string,
  problems: Problems,
  check: (item: unknown, path: string, problems: Problems) => void,
  nullableItems = false,
): void {
  if (!Array.isArray(value)) {
    fail(problems, path, "type", "an array", value);
    return;
  }
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item === null && nullableItems) continue;
    check(item, `${path}/${i}`, problems);
  }
}

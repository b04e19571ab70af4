/** Does a JSON value fit a primitive type? Used to check examples against their tables (parser) and the documented types (model). */
import type { JsonValue } from "./types.js";

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT_RANGES: Record<string, readonly [number, number]> = {
  Byte: [0, 255],
  SByte: [-128, 127],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
  Int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** A short reason why `value` does not fit `type`, or null when it does (or the type is not a primitive we check). */
export function primitiveProblem(type: string, value: JsonValue): string | null {
  const range = Object.hasOwn(INT_RANGES, type) ? INT_RANGES[type] : undefined;
  if (range) {
    if (typeof value !== "number" || !Number.isInteger(value)) return "expected an integer";
    return value < range[0] || value > range[1] ? `expected an integer from ${range[0]} to ${range[1]}` : null;
  }
  switch (type) {
    case "String":
    case "Guid":
    case "Binary":
    case "Duration":
    case "TimeOfDay":
      return typeof value === "string" ? null : "expected a string";
    case "Boolean":
      return typeof value === "boolean" ? null : "expected true or false";
    case "Single":
    case "Double":
    case "Decimal":
      return typeof value === "number" ? null : "expected a number";
    case "DateTimeOffset":
      return typeof value === "string" && DATE_TIME.test(value) ? null : "expected an ISO 8601 date-time such as 2017-01-01T00:00:00Z";
    case "Date":
      return typeof value === "string" && DATE.test(value) ? null : "expected a date such as 2017-01-01";
    default:
      return null;
  }
}

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

/** Options of every generated `validateX`. */
export interface ValidateOptions {
  /** Report properties the docs do not list as errors instead of warnings. */
  strict?: boolean;
}

/** Collects problems while a value is walked. */
export interface Problems {
  errors: ValidationError[];
  warnings: ValidationError[];
  /** Unknown properties are errors (the `strict` option). */
  strict: boolean;
}

/** A walker: appends the problems of `value` at `path`. */
export type Check = (value: unknown, path: string, problems: Problems) => void;

/**
 * The Standard Schema interface, version 1 (https://standardschema.dev), declared here so the
 * generated code needs no dependency: libraries typed against `StandardSchemaV1` accept validators.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** A Standard Schema result: the value on success, else the issues. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey> | undefined }> };

/** A generated validator: call it for a `ValidationResult`, or hand it to a Standard Schema consumer. */
export interface Validator<T> extends StandardSchemaV1<unknown, T> {
  (value: unknown, options?: ValidateOptions): ValidationResult;
}

/**
 * Builds the public validator of a type from its walker. `output` turns an accepted value into the
 * Standard Schema output (with `dates: "Date"`: a copy with its dates revived); the value itself by default.
 */
export function makeValidator<T>(check: Check, output?: (value: unknown) => unknown): Validator<T> {
  const validate = (value: unknown, options?: ValidateOptions): ValidationResult => {
    const problems: Problems = { errors: [], warnings: [], strict: options?.strict === true };
    check(value, "", problems);
    return { valid: problems.errors.length === 0, errors: problems.errors, warnings: problems.warnings };
  };
  const standard: Validator<T>["~standard"] = {
    version: 1,
    vendor: "docgen",
    validate: (value) => {
      const result = validate(value);
      if (result.valid) return { value: trusted<T>(output ? output(value) : value) };
      return { issues: result.errors.map((error) => ({ message: error.message, path: pointerSegments(error.path) })) };
    },
  };
  return Object.assign(validate, { "~standard": standard });
}

/** The one unchecked step: a value the walker accepted (its dates revived when asked) is a `T`. */
function trusted<T>(value: unknown): T {
  // Checked by the generated walker just before (and converted by the generated `output`); TypeScript cannot follow that proof.
  return value as T;
}

/** JSON Pointer → path segments (array indices as numbers), for Standard Schema issues. */
export function pointerSegments(pointer: string): PropertyKey[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => (/^(?:0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment.replace(/~1/g, "/").replace(/~0/g, "~")));
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
  problems.errors.push({ path, code, expected, received, message: (path || "value") + ": expected " + expected + ", received " + received });
}

export function unknownProperty(problems: Problems, path: string, key: string): void {
  const at = path + "/" + escapeKey(key);
  (problems.strict ? problems.errors : problems.warnings).push({
    path: at,
    code: "unknown-property",
    expected: "a documented property",
    received: key,
    message: at + ': property "' + key + '" is not documented',
  });
}

export function escapeKey(key: string): string {
  return key.indexOf("~") < 0 && key.indexOf("/") < 0 ? key : key.replace(/~/g, "~0").replace(/\//g, "~1");
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

const INT64_LIMIT = 9223372036854775807;
const SINGLE_LIMIT = 3.4028234663852886e38;

/**
 * Int64: a JSON integer from -2^63 to 2^63-1. JavaScript numbers hold integers exactly only up to
 * 2^53 - 1, so a larger one has probably lost precision when it was parsed: a `precision` warning.
 */
export function expectInt64(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "number" || !Number.isInteger(value)) fail(problems, path, "type", "an integer (Int64)", value);
  else if (value < -INT64_LIMIT || value > INT64_LIMIT) fail(problems, path, "range", "an Int64 from -2^63 to 2^63-1", value);
  else if (!Number.isSafeInteger(value)) {
    problems.warnings.push({
      path,
      code: "precision",
      expected: "an integer JavaScript holds exactly (at most 2^53-1)",
      received: describe(value),
      message: `${path || "value"}: Int64 ${value} is beyond 2^53-1 and may have lost precision when parsed`,
    });
  }
}

/** Single: a finite number within the 32-bit float range. */
export function expectSingle(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(problems, path, "type", "a number (Single)", value);
  else if (value < -SINGLE_LIMIT || value > SINGLE_LIMIT) fail(problems, path, "range", "a Single from -3.4e38 to 3.4e38", value);
}

/** The type key of an `@odata.type` value: `#microsoft.graph.fileAttachment` → `fileattachment`. */
export function odataTypeKey(annotation: string): string {
  let key = ODATA_TYPE_KEYS.get(annotation);
  if (key === undefined) {
    key = annotation.replace(/^#/, "").replace(/^microsoft\.graph\./i, "").toLowerCase();
    // Bounded: annotations come from data; a service uses a limited set of type names.
    if (ODATA_TYPE_KEYS.size < 10_000) ODATA_TYPE_KEYS.set(annotation, key);
  }
  return key;
}

const ODATA_TYPE_KEYS = new Map<string, string>();

/**
 * Polymorphism: the walker of the derived type an `@odata.type` annotation names, or undefined to
 * walk the value as the expected type (no annotation, or it names that type). An annotation that
 * is not a string is an error; one naming no type derived from the expected one is a warning.
 */
export function derivedCheck(
  value: Record<string, unknown>,
  path: string,
  problems: Problems,
  own: string,
  derived: ReadonlyMap<string, Check> | undefined,
): Check | undefined {
  const annotation = value["@odata.type"];
  if (annotation === undefined) return undefined;
  if (typeof annotation !== "string") {
    fail(problems, `${path}/@odata.type`, "type", "a type name string", annotation);
    return undefined;
  }
  const key = odataTypeKey(annotation);
  if (key === own) return undefined;
  const check = derived?.get(key) ?? derived?.get(key.slice(key.lastIndexOf(".") + 1));
  if (check) return check;
  if (key.slice(key.lastIndexOf(".") + 1) === own) return undefined;
  problems.warnings.push({
    path: `${path}/@odata.type`,
    code: "odata-type",
    expected: `${own} or a type derived from it`,
    received: describe(annotation),
    message: `${path}/@odata.type: "${annotation}" is not ${own} nor a documented type derived from it; validated as ${own}`,
  });
  return undefined;
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DURATION = /^-?P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]{3})?$/;

// Date-times and dates: a regular expression (compiled to native code: faster than a scan in
// JavaScript) checks the form and each field's range; only days 29 to 31 need the calendar.
const DATE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** Whether the day of `YYYY-MM-DD…` (month 01-12, day 01-31 already checked) exists in that month. */
function dayExists(text: string): boolean {
  const day = (text.charCodeAt(8) - 48) * 10 + text.charCodeAt(9) - 48;
  if (day <= 28) return true;
  const month = (text.charCodeAt(5) - 48) * 10 + text.charCodeAt(6) - 48;
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const year = Number(text.slice(0, 4));
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** RFC 3339 date-time with offset (`2017-01-01T00:03:07.1589002-08:00`); a leap second (`:60`) is accepted. */
export function isDateTimeOffset(value: unknown): boolean {
  return typeof value === "string" && DATE_TIME.test(value) && dayExists(value);
}

export function isDate(value: unknown): boolean {
  return typeof value === "string" && DATE.test(value) && dayExists(value);
}

export function isTimeOfDay(value: unknown): boolean {
  const match = typeof value === "string" ? TIME_OF_DAY.exec(value) : null;
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59 && Number(match[3] ?? 0) <= 59;
}

export function isDuration(value: unknown): boolean {
  return typeof value === "string" && DURATION.test(value);
}

export function isGuid(value: unknown): boolean {
  return typeof value === "string" && value.length === 36 && GUID.test(value);
}

export function isBase64(value: unknown): boolean {
  return typeof value === "string" && BASE64.test(value);
}

export function expectDateTimeOffset(value: unknown, path: string, problems: Problems): void {
  if (!isDateTimeOffset(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "an RFC 3339 date-time (DateTimeOffset)", value);
}

export function expectDate(value: unknown, path: string, problems: Problems): void {
  if (!isDate(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "a date YYYY-MM-DD (Date)", value);
}

export function expectTimeOfDay(value: unknown, path: string, problems: Problems): void {
  if (!isTimeOfDay(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "a time hh:mm:ss (TimeOfDay)", value);
}

export function expectDuration(value: unknown, path: string, problems: Problems): void {
  if (!isDuration(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "an ISO 8601 duration (Duration)", value);
}

export function expectGuid(value: unknown, path: string, problems: Problems): void {
  if (!isGuid(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "a GUID (Guid)", value);
}

export function expectBinary(value: unknown, path: string, problems: Problems): void {
  if (!isBase64(value)) fail(problems, path, typeof value === "string" ? "format" : "type", "base64 text (Binary)", value);
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

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

/** A short description of what was received, for messages (concatenations: this runs once per problem). */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return value.length > 40 ? 'string "' + value.slice(0, 37) + '..."' : 'string "' + value + '"';
  if (typeof value === "number") return "number " + value;
  if (typeof value === "boolean") return value ? "boolean true" : "boolean false";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** What a message puts between the path and what was received. */
export function expecting(expected: string): string {
  return ": expected " + expected + ", received ";
}

/** Appends an error. `middle` is `expecting(expected)`, built once by callers that report the same expectation often. */
export function failWith(problems: Problems, path: string, code: string, expected: string, middle: string, value: unknown): void {
  const received = describe(value);
  problems.errors.push({ path, code, expected, received, message: (path || "value") + middle + received });
}

export function fail(problems: Problems, path: string, code: string, expected: string, value: unknown): void {
  failWith(problems, path, code, expected, expecting(expected), value);
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
/** A flags enum's members (see flagSet): `has` also takes several joined by commas. */
class FlagSet extends Set<string> {
  override has(value: string): boolean {
    return super.has(value) || (value.includes(",") && value.split(",").every((part) => super.has(part.trim())));
  }
}

/**
 * The values of a flags enum: one member, or several joined by commas, the way OData writes a
 * combination (`"x86,x64"`); space around a member is accepted, an empty part is not.
 */
export function flagSet(members: Iterable<string>): ReadonlySet<string> {
  return new FlagSet(members);
}

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

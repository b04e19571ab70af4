/**
 * Every naming rule of the generated code, in one place (public API: other repositories depend on
 * these names, so they change only with a major version; see README "Generated names").
 *
 * - folder per API version: `beta`, `v1.0`, `unversioned`;
 * - type `remoteActionAudit` → interface / enum union `RemoteActionAudit`;
 * - enum values array `remoteActionValues`; validator `validateRemoteActionAudit`;
 * - request bodies `RemoteActionAuditCreate` (POST/PUT) and `RemoteActionAuditUpdate` (PATCH);
 * - request function = operation id (`updateRemoteActionAudit`), its argument type `UpdateRemoteActionAuditRequest`;
 *   an id equal to a name the folder declares itself (`createClient`, `serviceRoot`) gets the suffix `Operation`;
 * - a name that would clash with a TypeScript global or a runtime export gets the suffix `Type`
 *   (`Error` → `ErrorType`); remaining clashes within a version get a numeric suffix, in name order.
 *
 * The config file's `naming` changes the defaults (NamingOptions): type names as documented instead
 * of PascalCase, a prefix and suffix for every documented type, snake_case functions. Property
 * names never change: they are the wire names.
 */
import type { ApiVersion } from "../model/types.js";

/** The folder of the pages and files of no known API version. */
export const UNVERSIONED_FOLDER = "unversioned";

export function versionFolder(apiVersion: ApiVersion | null): string {
  return apiVersion ?? UNVERSIONED_FOLDER;
}

export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascalCase(name: string): string {
  const joined = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  const safe = joined === "" ? "Unnamed" : joined;
  return /^[0-9]/.test(safe) ? `T${safe}` : safe;
}

/** The config file's `naming` (README "The config file"); absent fields keep the defaults. */
export interface NamingOptions {
  /** "PascalCase" (default): `remoteActionAudit` → `RemoteActionAudit`; "asDocumented": `remoteActionAudit` as written. */
  types?: "PascalCase" | "asDocumented";
  /** Put before every documented type's name (`Graph` → `GraphRemoteActionAudit`); an identifier. */
  typePrefix?: string;
  /** Put after every documented type's name (`Dto` → `RemoteActionAuditDto`); identifier characters. */
  typeSuffix?: string;
  /** "camelCase" (default): `updateRemoteActionAudit`; "snake_case": `update_remote_action_audit`. */
  operations?: "camelCase" | "snake_case";
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const lowered = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return RESERVED_WORDS.has(lowered) ? `${lowered}_` : lowered;
}

/** Names generated code must not declare at top level: TS/JS globals and the runtime's exports. */
const RESERVED_TYPE_NAMES = new Set([
  "Array", "Boolean", "Date", "Error", "Function", "JSON", "Map", "Math", "Number", "Object", "Promise",
  "Record", "RegExp", "Set", "String", "Symbol", "Partial", "Required", "Readonly", "Pick", "Omit",
  "Exclude", "Extract", "NonNullable", "ReturnType", "Awaited", "Uint8Array", "ArrayBuffer", "URL",
  "Response", "Request", "Headers", "AbortSignal", "BigInt", "Intl", "Reflect", "Proxy", "WeakMap",
  "WeakSet", "Iterator", "Generator",
  "JsonValue", "JsonObject", "ValidationError", "ValidationResult", "Client", "ClientOptions",
  "RequestOptions", "GraphError", "Collection", "FetchLike", "QueryOptions",
  "Validator", "ValidateOptions", "Check", "Problems", "StandardSchemaV1", "StandardResult", "RetryOptions",
  "PropertyName", "ObjectQueryOptions", "ResponseCheck", "SendRequest", "CountQueryOptions", "Narrowed",
  // runtime/walk.ts, imported by validators.ts next to the interfaces
  "ObjectTable", "PropertyRule", "STRING", "BOOLEAN", "NUMBER", "SINGLE", "INT64", "BYTE", "SBYTE", "INT16",
  "INT32", "DATE_TIME_OFFSET", "DATE", "TIME_OF_DAY", "DURATION", "GUID", "BINARY", "JSON_VALUE", "ENUM",
  "OBJECT", "NOT_NULLABLE", "COLLECTION", "property", "enumProperty", "objectProperty", "objectTable",
  "walkObject", "report", "isSingle", "isJson",
]);

const RESERVED_WORDS = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected",
  "public", "await", "arguments", "eval",
]);

/** Type names TypeScript itself refuses for an interface or type alias (reachable with `types: "asDocumented"`). */
const PREDEFINED_TYPES = new Set(["any", "unknown", "never", "string", "number", "boolean", "symbol", "object", "undefined", "void", "bigint", "null"]);

/** The docs' spelling as an identifier: other characters dropped, a leading digit prefixed with `T` (as pascalCase does). */
function asIdentifier(name: string): string {
  const joined = name.replace(/[^A-Za-z0-9_$]+/g, "");
  const safe = joined === "" ? "Unnamed" : joined;
  return /^[0-9]/.test(safe) ? `T${safe}` : safe;
}

/**
 * Allocates one TypeScript name per model type name within a version. Deterministic: call `assign`
 * with the names in sorted order.
 */
export class TypeNames {
  private readonly byModelName = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly naming: NamingOptions = {}) {}

  assign(modelName: string): string {
    const key = modelName.toLowerCase();
    const known = this.byModelName.get(key);
    if (known) return known;
    const spelled = this.naming.types === "asDocumented" ? asIdentifier(modelName) : pascalCase(modelName);
    let base = `${this.naming.typePrefix ?? ""}${spelled}${this.naming.typeSuffix ?? ""}`;
    if (RESERVED_TYPE_NAMES.has(base) || PREDEFINED_TYPES.has(base) || RESERVED_WORDS.has(base)) base = `${base}Type`;
    let name = base;
    for (let n = 2; this.used.has(name) || this.used.has(`${name}Values`); n++) name = `${base}${n}`;
    this.used.add(name);
    this.byModelName.set(key, name);
    return name;
  }

  get(modelName: string): string | undefined {
    return this.byModelName.get(modelName.toLowerCase());
  }
}

/** `validate` + the type name, its first letter upper-cased (`validateRemoteActionAudit`, also for `types: "asDocumented"`). */
export const validatorName = (typeName: string): string => `validate${upperFirst(typeName)}`;
export const checkerName = (typeName: string): string => `check${upperFirst(typeName)}`;

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
export const enumValuesName = (typeName: string): string => `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}Values`;
/** Body types (README "Generated names"): `WidgetCreate` (POST/PUT: no read-only properties), `WidgetUpdate` (PATCH: also all optional). */
export const createBodyName = (typeName: string): string => `${typeName}Create`;
export const updateBodyName = (typeName: string): string => `${typeName}Update`;
export const requestTypeName = (operationName: string): string => `${pascalCase(operationName)}Request`;
/** The map of a base type's derived types by OData name, for `cast` (`DirectoryObjectCasts`). */
export const castMapName = (typeName: string): string => `${typeName}Casts`;
/** The `/$count` variant of a collection GET: `listGroupMembers` → `listGroupMembersCount` (`list_group_members_count`). */
export const countFunctionName = (functionName: string, naming: NamingOptions = {}): string =>
  naming.operations === "snake_case" ? `${functionName}_count` : `${functionName}Count`;

/** A property key as written in an interface or object literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Values every version folder declares itself; an operation may not take these names. */
const RESERVED_VALUE_NAMES = new Set([
  "createClient", "serviceRoot", "send", "encodePathParam", "GraphError", "buildPath", "encodeQuery", "iterateItems",
  "makeValidator", "derivedCheck", "odataTypeKey", "pointerSegments", "reviveDates", "serializeDates",
  "castSegment", "functionCall", "countItems",
]);

/**
 * An operation id as a function name (ids are camelCase already; keywords, digits and reserved
 * names made safe); with `operations: "snake_case"`, its words joined by `_` in lower case.
 */
export function functionName(operationId: string, naming: NamingOptions = {}): string {
  if (naming.operations === "snake_case") {
    const snake = words(pascalCase(operationId)).map((w) => w.toLowerCase()).join("_");
    return RESERVED_WORDS.has(snake) || RESERVED_VALUE_NAMES.has(snake) ? `${snake}_operation` : snake;
  }
  const name = camelCase(operationId);
  return RESERVED_VALUE_NAMES.has(name) ? `${name}Operation` : name;
}

/**
 * The API model: the plain-data contract between the parser and the emitters.
 *
 * Everything here is JSON-serialisable (no classes, no mdast, no ts-morph). Type names keep the
 * docs' spelling (`remoteActionAudit`, `Int32`); emitters decide how names look in TypeScript.
 * Documented field by field in docs/model.md.
 */

export type ApiVersion = "beta" | "v1.0";
export type Severity = "error" | "warning" | "info";
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PATCH", "PUT", "DELETE"];

/** The methods whose requests carry a body (a GET or DELETE sends none). */
export const BODY_METHODS: ReadonlySet<HttpMethod> = new Set<HttpMethod>(["POST", "PATCH", "PUT"]);

/** Where something was written: file path as given on the command line (forward slashes), 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends SourcePosition {
  severity: Severity;
  /** Stable, kebab-case; documented in docs/diagnostics.md. */
  code: string;
  message: string;
}

/** Any JSON value, as found in example bodies. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface PropertyModel {
  name: string;
  /** The docs' spelling of the type name: a primitive (`String`, `Int32`, `DateTimeOffset`, …) or a type name. */
  type: string;
  collection: boolean;
  description: string;
  /** Inline "Possible values are: …" for a property typed with a primitive (String, Enumeration). */
  enumValues?: string[];
  /** The description says `enumValues` combine ("Multiple values can be combined using a comma-separated list"): a value is one or several of them joined by commas. */
  flags?: boolean;
  deprecated?: boolean;
  readOnly?: boolean;
  /** False only when the docs say "Not nullable"; Graph properties accept null otherwise. */
  nullable?: boolean;
  /** "Inherited from [x]" in the description. */
  inheritedFrom?: string;
  /** True for navigation properties (Relationships tables). */
  navigation?: boolean;
  source: SourcePosition;
}

export type TypeKind = "entity" | "complex" | "enum";

export interface TypeModel {
  name: string;
  kind: TypeKind;
  apiVersion: ApiVersion | null;
  description?: string;
  baseType?: string;
  /** The OData namespace a resource page states (`Namespace: microsoft.graph.callRecords`); absent when it states none (`microsoft.graph`). */
  namespace?: string;
  properties: PropertyModel[];
  /** Enum members in first-seen order (kind "enum" only). */
  members?: string[];
  /** A flags enum (kind "enum" only): a value is one member or several joined by commas, as OData writes a combination (`"x86,x64"`). */
  flags?: boolean;
  /** True when no page defines the type and its shape was inferred from example payloads. */
  inferred?: boolean;
  deprecated?: boolean;
  sources: SourcePosition[];
}

export type PermissionKind = "delegatedWork" | "delegatedPersonal" | "application" | "unspecified";

export interface PermissionEntry {
  kind: PermissionKind;
  /** Scopes ordered from least to most privileged; empty when "Not supported". */
  scopes: string[];
  supported: boolean;
  source: SourcePosition;
}

export interface PermissionsModel {
  /** How the table was ordered in the docs; `scopes` are always normalised to least → most. */
  declaredOrder: "leastToMost" | "mostToLeast" | null;
  entries: PermissionEntry[];
}

export interface PathParamModel {
  name: string;
  type: "String";
}

export interface HeaderModel {
  name: string;
  value: string;
  required: boolean;
  source: SourcePosition;
}

export interface ExampleRequestModel {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** Parsed JSON body when the block has one that parses. */
  body?: JsonValue;
  /** The raw body text when it is present but is not (valid) JSON. */
  bodyText?: string;
  source: SourcePosition;
}

export interface ExampleResponseModel {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body?: JsonValue;
  bodyText?: string;
  /** From the `<!-- { "truncated": true } -->` annotation or the "may be truncated" sentence. */
  truncated: boolean;
  source: SourcePosition;
}

export interface ExampleModel {
  name?: string;
  request?: ExampleRequestModel;
  response?: ExampleResponseModel;
}

export interface OperationModel {
  /** camelCase id from the doc title (`Update user` → `updateUser`), unique within an API version. */
  id: string;
  title: string;
  apiVersion: ApiVersion | null;
  description?: string;
  method: HttpMethod;
  /** Route templates as documented, without host or version (`/users/{id}`). */
  paths: string[];
  pathParams: PathParamModel[];
  requestHeaders: HeaderModel[];
  requestType?: string;
  requestCollection?: boolean;
  /**
   * Parameters of an OData function (GET) that its routes do not spell out: the `Function parameters`
   * table, or a GET page's `Request body` table. Sent as `name(a='x',b=5)` on the route's last segment.
   */
  functionParameters?: PropertyModel[];
  /**
   * The parameters of an action whose request body is no documented type: the Request body table
   * of a page that sends "a JSON object with the following parameters" (or names no type). The body
   * is an object of these when `requestType` is not set.
   */
  bodyParameters?: PropertyModel[];
  /** A collection GET whose examples address its `/$count` (`GET /groups/{id}/members/$count`). */
  countable?: true;
  responseType?: string;
  responseCollection: boolean;
  successStatus: number | null;
  permissions?: PermissionsModel;
  examples: ExampleModel[];
  sources: SourcePosition[];
}

export interface ApiModel {
  types: TypeModel[];
  operations: OperationModel[];
  diagnostics: Diagnostic[];
}

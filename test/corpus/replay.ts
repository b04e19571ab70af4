/**
 * Example replay, for any model: every documented request example is sent by its generated request
 * function to a local HTTP server, and what arrives is compared with the example; every response
 * example is run through the validator of its documented type. Used by the corpus test (all 7,950
 * pages) and unit-tested on small inline models.
 *
 * Decisions (also in the report header):
 * - An example is replayed when it has a request whose body is absent or parsed as JSON.
 * - The example URL is reduced to a path: scheme and host removed, everything up to and including
 *   the API version segment (`/beta/`, `/v1.0/`) removed, a leading slash added. The query string is
 *   not part of the comparison: request functions take no query options, and the docs' query
 *   strings are examples of OData options rather than part of the operation.
 * - Path parameters come from matching that path against the operation's route templates in order
 *   (letter case ignored; a placeholder matches one segment, or several when the template closes it
 *   with `:` as in `root:/{item-path}:`; placeholders inside function segments such as
 *   `(period='{period_value}')` match the text between the quotes).
 * - An example path that is a route plus OData suffixes — function parameters `(a='x',b=5)`, a type
 *   cast `/microsoft.graph.user`, `/$count` — is sent with `params` (typed by the page's function
 *   parameters), `cast` (one of the response type's derived types) and the `…Count` variant.
 * - Paths are compared percent-decoded and case-insensitively (Graph paths are case-insensitive;
 *   parameter values are copied from the example, so only literal segments can differ in case).
 * - Bodies are compared as parsed JSON.
 * - A response body is validated against the operation's response type, or, when the body (or a
 *   collection element) names a more specific type with `@odata.type` that the model documents,
 *   against that type (Graph responses are polymorphic). Collections are `{ value: [...] }`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createContext } from "../../src/emitters/context.js";
import { functionName, validatorName } from "../../src/emitters/naming.js";
import { castMapOf } from "../../src/emitters/casts.js";
import { countFunctionName } from "../../src/emitters/naming.js";
import { SERVICE_ROOTS } from "../../src/emitters/requests.js";
import { isPrimitive } from "../../src/model/primitives.js";
import type { ApiModel, ExampleModel, JsonValue, OperationModel } from "../../src/model/types.js";

export type GeneratedFunction = (...args: unknown[]) => unknown;
/** A version folder's index module: its exported functions by name. */
export type GeneratedApi = Record<string, GeneratedFunction>;

/** Why a request example did not match; `doc` = the docs are wrong, `generator` = docgen is. */
export type Blame = "doc" | "generator";

export interface RequestOutcome {
  operation: string;
  file: string;
  line: number;
  url: string;
  matched: boolean;
  blame?: Blame;
  reason?: string;
  detail?: string;
  /** The example carried a query string (not compared). */
  query: boolean;
  /** Set when the example is no request of the API (sent to another service): not replayed, not counted. */
  notReplayed?: string;
}

export interface ResponseOutcome {
  operation: string;
  file: string;
  line: number;
  /** False when it failed; undefined when it was not validated (`reason` says why). */
  validated: boolean | undefined;
  blame?: Blame;
  reason?: string;
  detail?: string;
}

const BODY_METHODS = new Set(["POST", "PATCH", "PUT"]);

/** `https://graph.microsoft.com/beta/me/events?$top=1` → `{ path: "/me/events", query: "$top=1" }`. */
export function examplePath(url: string): { path: string; query: string | undefined } {
  let rest = url.trim().replace(/^[a-z]+:\/\/[^/]*/i, "");
  const version = /(?:^|\/)(?:beta|v1\.0)(?=\/|$|\?)/i.exec(rest);
  if (version) rest = rest.slice(version.index + version[0].length);
  const q = rest.indexOf("?");
  const query = q >= 0 ? rest.slice(q + 1) : undefined;
  let path = q >= 0 ? rest.slice(0, q) : rest;
  if (!path.startsWith("/")) path = `/${path}`;
  if (path.length > 1) path = path.replace(/\/+$/, "");
  return { path, query };
}

/**
 * OData key syntax: `/me/events('AAMk=')/attachments` addresses what `/me/events/AAMk=/attachments`
 * does (key as segment, the form the routes document). Only single quoted keys are rewritten; function
 * calls (`range(address='A1')`) keep their parentheses.
 */
export function keyAsSegment(path: string): string {
  return path.replace(/\('((?:[^'/]|'')*)'\)(?=\/|$)/g, (_, key: string) => `/${key.replace(/''/g, "'")}`);
}

/** An absolute URL to another host without an API version segment: a callback, notification or upload URL, no request of the API. */
export function otherService(url: string, apiVersion: OperationModel["apiVersion"]): string | undefined {
  if (apiVersion === null) return undefined;
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (!host || host === new URL(SERVICE_ROOTS[apiVersion]).host) return undefined;
  if (/\/(?:beta|v1\.0)(?:\/|$|\?)/i.test(url)) return undefined; // a mistyped service root (`graph/microsoft.com/beta`) is a doc error, compared as usual
  return host;
}

/** `{id | userPrincipalName}` → `id`, as the generated code names path parameters. */
function placeholderName(inner: string): string {
  return (inner.split("|")[0] ?? "").trim();
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The route template as a regular expression with one capture per placeholder, and the placeholder names. */
export function routePattern(template: string): { pattern: RegExp; names: string[] } {
  const route = template.startsWith("/") ? template : `/${template}`;
  let source = "";
  let last = 0;
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (const match of route.matchAll(/\{([^{}]*)\}/g)) {
    source += escapeRegExp(route.slice(last, match.index));
    const end = match.index + match[0].length;
    const next = route.charAt(end);
    // `root:/{item-path}:` holds a path; `'{x}'` holds anything but the closing quote; else one segment.
    source += next === ":" ? "(.+?)" : next === "'" ? "([^']*)" : "([^/]+?)";
    // A name repeated within a route is numbered from its second occurrence (id, id2), as the request functions do.
    const name = placeholderName(match[1] ?? "");
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    names.push(count === 1 ? name : `${name}${count}`);
    last = end;
  }
  source += escapeRegExp(route.slice(last).replace(/\/+$/, ""));
  return { pattern: new RegExp(`^${source}/?$`, "i"), names };
}

/** The first route of the operation the path matches, with the parameter values it gives. */
export function matchRoute(paths: readonly string[], path: string): { index: number; values: Record<string, string> } | undefined {
  for (const [index, template] of paths.entries()) {
    const { pattern, names } = routePattern(template);
    const match = pattern.exec(path);
    if (!match) continue;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      values[name] = safeDecode(match[i + 1] ?? "");
    });
    return { index, values };
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What the local server received for one call. */
export interface Received {
  method: string;
  url: string;
  body: string;
}

/** A node:http server on 127.0.0.1 (port 0) that records each request and answers with `reply`. */
export class ReplayServer {
  private server: Server | undefined;
  origin = "";
  readonly received: Received[] = [];
  reply: { status: number; body: string } = { status: 200, body: "" };

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.received.push({ method: req.method ?? "", url: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(this.reply.status, this.reply.body === "" ? {} : { "content-type": "application/json" });
        res.end(this.reply.body);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // A TCP listener's address() is an AddressInfo (a string only for pipes).
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Sends one request example through the operation's generated function and compares what arrives. */
export async function replayRequest(
  api: GeneratedApi,
  server: ReplayServer,
  op: OperationModel,
  example: ExampleModel,
  /** The other operations of the API version, to name the one an example's URL belongs to. */
  others: readonly OperationModel[] = [],
  /** The model's names (casts a response type allows); without it, casts are not replayed. */
  known?: ValidatorNames,
): Promise<RequestOutcome | undefined> {
  const request = example.request;
  if (!request || request.bodyText !== undefined) return undefined;
  const { path: rawPath, query } = examplePath(request.url);
  const base = { operation: op.id, file: request.source.file, line: request.source.line, url: request.url, query: query !== undefined };
  const fail = (blame: Blame, reason: string, detail?: string): RequestOutcome => ({ ...base, matched: false, blame, reason, ...(detail ? { detail } : {}) });

  const host = otherService(request.url, op.apiVersion);
  if (host) return { ...base, matched: false, notReplayed: `sent to ${host}, not to the API (a callback, notification or upload URL)` };
  if (request.method !== op.method) return fail("doc", "example method differs from the documented route's method", `${request.method} vs ${op.method}`);
  let path = rawPath;
  let route = matchRoute(op.paths, path);
  if (!route && keyAsSegment(path) !== path) {
    path = keyAsSegment(path);
    route = matchRoute(op.paths, path);
  }
  // OData suffixes of a documented route: function parameters, a type cast, `/$count` (in that order).
  let suffix: ODataSuffix = {};
  if (!route) {
    const split = odataSuffix(path);
    const base = split && matchRoute(op.paths, split.base);
    if (split && base) {
      const resolved = resolveSuffix(op, split, known);
      if ("reason" in resolved) return fail("doc", resolved.reason, path);
      suffix = resolved;
      route = base;
      path = split.base;
    }
  }
  if (!route) {
    const unmatched = noRouteReason(op, path, others);
    return fail(unmatched.blame, unmatched.reason, unmatched.detail ?? path);
  }
  if (request.body !== undefined && !BODY_METHODS.has(op.method)) return fail("doc", `example sends a body with ${op.method}`);

  const name = suffix.count ? countFunctionName(functionName(op.id)) : functionName(op.id);
  const call = api[name];
  const createClient = api["createClient"];
  if (!call || !createClient) return fail("generator", "the generated code lacks the request function", name);
  const client = createClient({ baseUrl: server.origin, auth: "replay-token" });
  const args: Record<string, unknown> = {};
  // The values of the route the example uses: a function that picks its route by the parameters it is given calls that one.
  if (op.paths.some((p) => routePattern(p).names.length > 0)) args["path"] = route.values;
  if (request.body !== undefined) args["body"] = request.body;
  if (suffix.cast !== undefined) args["cast"] = suffix.cast;
  if (suffix.params !== undefined) args["params"] = suffix.params;
  // Routes with the same parameters (`/communications/calls/{id}/answer`, `/app/calls/{id}/answer`):
  // the caller names the one it wants, as the generated `route` option documents.
  const uniqueRoutes = [...new Set(op.paths.map((p) => (p.startsWith("/") ? p : `/${p}`)))];
  if (uniqueRoutes.length > 1) args["route"] = (op.paths[route.index] ?? "").startsWith("/") ? op.paths[route.index] : `/${op.paths[route.index] ?? ""}`;
  server.received.length = 0;
  server.reply = { status: 204, body: "" };
  try {
    await call(client, args);
  } catch {
    // A 204 reply to an operation that documents a body rejects; only the request matters here.
  }
  const sent = server.received[0];
  const template = op.paths[route.index] ?? "";
  if (server.received.length !== 1 || !sent) {
    if (route.index > 0) return fail("generator", "example uses a documented route other than the first, which the request function cannot call", template);
    return fail("generator", `the function sent ${server.received.length} requests`);
  }
  if (sent.method !== request.method) return fail("generator", "method differs", `${sent.method} vs ${request.method}`);
  const sentPath = safeDecode(sent.url.split("?")[0] ?? "");
  const expectedPath = safeDecode(path) + (suffix.text ?? "");
  if (sentPath.toLowerCase() !== expectedPath.toLowerCase()) {
    const detail = `${sentPath} vs ${expectedPath}`;
    if (route.index > 0) return fail("generator", "example uses a documented route other than the first, which the request function cannot call", `${template}: ${detail}`);
    const names = routePattern(template).names;
    if (new Set(names).size < names.length) return fail("generator", "the route repeats a placeholder name and the function has one parameter for both", `${template}: ${detail}`);
    return fail("generator", "path differs", detail);
  }
  const sentBody: unknown = sent.body === "" ? undefined : JSON.parse(sent.body);
  if (!sameJson(sentBody, request.body)) return fail("generator", "body differs", `${sent.body.slice(0, 120)} vs ${JSON.stringify(request.body).slice(0, 120)}`);
  return { ...base, matched: true };
}

/** What follows a documented route in an example: `(a='x',b=5)`, `/microsoft.graph.user`, `/$count`. */
interface ODataSuffix {
  count?: true;
  cast?: string;
  params?: Record<string, string | number | boolean>;
  /** The suffix as the generated function writes it (decoded), compared with what arrives. */
  text?: string;
}

/** Splits `/groups/1/members/microsoft.graph.user/$count` into the route part and its OData suffix. */
export function odataSuffix(path: string): { base: string; count: boolean; cast?: string; args?: string } | undefined {
  const match = /^(.*?)(\([^/()]*\))?(\/microsoft\.graph(?:\.[A-Za-z_]\w*)+)?(\/\$count)?$/i.exec(path);
  if (!match || (!match[2] && !match[3] && !match[4])) return undefined;
  return { base: match[1] ?? "", count: match[4] !== undefined, ...(match[3] ? { cast: match[3].slice(1) } : {}), ...(match[2] ? { args: match[2].slice(1, -1) } : {}) };
}

/** `status='a''b',count=5` → name/literal pairs (commas inside quotes kept). */
export function functionArgs(text: string): { name: string; literal: string }[] {
  const out: { name: string; literal: string }[] = [];
  for (const part of text.match(/(?:[^,']|'(?:[^']|'')*')+/g) ?? []) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    out.push({ name: part.slice(0, eq).trim(), literal: part.slice(eq + 1).trim() });
  }
  return out;
}

const NUMERIC = new Set(["Byte", "SByte", "Int16", "Int32", "Int64", "Single", "Double", "Decimal"]);
const BARE = new Set(["Guid", "DateTimeOffset", "Date", "TimeOfDay"]);

/** The call arguments an example's suffix stands for, or why the docs make it unreplayable. */
function resolveSuffix(op: OperationModel, split: NonNullable<ReturnType<typeof odataSuffix>>, known: ValidatorNames | undefined): ODataSuffix | { reason: string } {
  const out: ODataSuffix = {};
  let text = "";
  if (split.args !== undefined) {
    const declared = op.functionParameters ?? [];
    if (declared.length === 0) return { reason: "example passes parameters in parentheses; the page lists no function parameters (only query parameters, or none)" };
    const params: Record<string, string | number | boolean> = {};
    const written: string[] = [];
    for (const arg of functionArgs(split.args)) {
      const param = declared.find((p) => p.name.toLowerCase() === arg.name.toLowerCase());
      if (!param) return { reason: "example passes a function parameter the page does not list" };
      const quoted = /^'.*'$/s.test(arg.literal);
      const type = isPrimitive(param.type) ? param.type : "String";
      const numeric = NUMERIC.has(type);
      if (numeric && !quoted && arg.literal !== "" && Number.isFinite(Number(arg.literal))) params[param.name] = Number(arg.literal);
      else if (type === "Boolean" && /^(true|false)$/i.test(arg.literal)) params[param.name] = arg.literal.toLowerCase() === "true";
      else if (BARE.has(type) && !quoted) params[param.name] = arg.literal;
      else if (!numeric && type !== "Boolean" && !BARE.has(type) && quoted) params[param.name] = arg.literal.slice(1, -1).replace(/''/g, "'");
      else return { reason: `example writes function parameter ${param.name} (${param.type}) as ${arg.literal}, not as an OData ${param.type} literal` };
      written.push(`${param.name}=${arg.literal}`);
    }
    out.params = params;
    text += `(${written.join(",")})`;
  }
  if (split.cast !== undefined) {
    const allowed = known?.casts(op.apiVersion, op.responseType) ?? [];
    const cast = allowed.find((name) => name.toLowerCase() === split.cast?.toLowerCase());
    if (!cast) return { reason: "example casts to a type the docs do not derive from the response type" };
    out.cast = cast;
    text += `/${cast}`;
  }
  if (split.count) {
    if (!op.countable) return { reason: "example counts an operation that is not a collection" };
    out.count = true;
    text += "/$count";
  }
  out.text = text;
  return out;
}

/**
 * Why no route matched (OData suffixes of a route — function parameters, casts, `/$count` — are
 * replayed before): doc mistakes, named.
 */
function noRouteReason(op: OperationModel, path: string, others: readonly OperationModel[]): { blame: Blame; reason: string; detail?: string } {
  const doc = (reason: string) => ({ blame: "doc" as const, reason });
  if (op.paths.some((p) => !p.startsWith("/") || /[*\s]/.test(p.replace(/\{[^{}]*\}/g, "")))) return doc("the documented route is not a URL path");
  if (/[*\s]/.test(path)) return doc("example URL is not a URL path");
  if (/^\/me(?:\/|$)/i.test(path) && matchRoute(op.paths, path.replace(/^\/me/i, "/users/{me}"))) return doc("example uses /me; the documented routes list only /users/{id}");
  const owner = others.find((other) => other !== op && other.method === op.method && matchRoute(other.paths, path));
  if (owner) return { ...doc("example URL is a route of another operation (same method)"), detail: `${path} is a route of ${owner.id}` };
  return doc("example URL matches none of the documented routes");
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra: Record<string, unknown> = { ...a };
    const rb: Record<string, unknown> = { ...b };
    return ka.length === kb.length && ka.every((k) => k in rb && sameJson(ra[k], rb[k]));
  }
  return Object.is(a, b);
}

interface ValidationIssue {
  path: string;
  code: string;
  expected?: string;
  received?: string;
}

/** Runs a response example through its validator; undefined when there is nothing to validate. */
export function validateResponse(api: GeneratedApi, op: OperationModel, example: ExampleModel, validators: ValidatorNames): ResponseOutcome | undefined {
  const response = example.response;
  if (!response || (response.body === undefined && response.bodyText === undefined)) return undefined;
  const base = { operation: op.id, file: response.source.file, line: response.source.line };
  const skip = (reason: string): ResponseOutcome => ({ ...base, validated: undefined, reason });
  if (response.body === undefined) return skip("the body is not JSON");
  if (response.status < 200 || response.status > 299) return skip("an error response");
  if (!op.responseType || op.successStatus === 204) return skip("the docs name no response type");
  if (isPrimitive(op.responseType)) return skip("the response type is a primitive (no validator)");
  const documented = validators.get(op.apiVersion, op.responseType);
  if (!documented) return { ...base, validated: false, blame: "doc", reason: `the response type ${op.responseType} is documented by no page` };
  const body = response.body;
  let items: { value: JsonValue; pointer: string }[];
  if (op.responseCollection) {
    const value = isObject(body) ? body["value"] : undefined;
    if (!Array.isArray(value)) return { ...base, validated: false, blame: "doc", reason: "a collection is documented but the body has no `value` array" };
    items = value.map((v, i) => ({ value: v, pointer: `/value/${i}` }));
  } else {
    items = [{ value: body, pointer: "" }];
  }
  const issues: ValidationIssue[] = [];
  for (const item of items) {
    const derived = isObject(item.value) ? odataType(item.value["@odata.type"]) : undefined;
    const name = (derived && validators.get(op.apiVersion, derived)) || documented;
    const fn = api[name];
    if (!fn) return { ...base, validated: false, blame: "generator", reason: `the generated code lacks ${name}` };
    const result = fn(item.value);
    for (const error of resultErrors(result)) issues.push({ ...error, path: item.pointer + error.path });
  }
  if (issues.length === 0) return { ...base, validated: true };
  const first = issues[0];
  const detail = issues.slice(0, 3).map((i) => `${i.path} ${i.code}${i.expected ? ` (expected ${i.expected}, got ${i.received ?? "?"})` : ""}`).join("; ");
  return { ...base, validated: false, ...classifyIssue(first), detail };
}

/**
 * An example value the validator rejects contradicts the type the docs give that property: the
 * example (or the table) is wrong, a doc error. Placeholder values the docs use instead of real data
 * (`"String"`, `"Guid"`, `"parameterValue"`, `"<id>"`) in typed slots are doc errors of their own kind.
 */
function classifyIssue(issue: ValidationIssue | undefined): { blame: Blame; reason: string } {
  if (!issue) return { blame: "doc", reason: "invalid" };
  const received = issue.received ?? "";
  if (/^string "(String|Guid|Int32|Int64|Boolean|DateTimeOffset|Date|Duration|TimeOfDay|Binary|string|guid|datetime|[^"]*Value|<[^"]*>|\{[^"]*\})"/i.test(received)) {
    return { blame: "doc", reason: `example uses a placeholder instead of a ${issue.code === "enum" ? "member" : "value"} (${issue.code})` };
  }
  return { blame: "doc", reason: `example value contradicts the documented type (${issue.code})` };
}

function resultErrors(result: unknown): ValidationIssue[] {
  if (!isObject(result) || !Array.isArray(result["errors"])) return [{ path: "", code: "no-result" }];
  return result["errors"].filter(isObject).map((e) => ({
    path: typeof e["path"] === "string" ? e["path"] : "",
    code: typeof e["code"] === "string" ? e["code"] : "",
    ...(typeof e["expected"] === "string" ? { expected: e["expected"] } : {}),
    ...(typeof e["received"] === "string" ? { received: e["received"] } : {}),
  }));
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `#microsoft.graph.user` → `user`. */
function odataType(value: JsonValue | undefined): string | undefined {
  return typeof value === "string" ? value.replace(/^#?(microsoft\.graph\.)?/, "") : undefined;
}

/** Generated validator names per API version and model type name. */
export class ValidatorNames {
  private readonly contexts = new Map<string, ReturnType<typeof createContext>>();

  constructor(private readonly model: ApiModel) {}

  private context(apiVersion: OperationModel["apiVersion"]): ReturnType<typeof createContext> {
    const key = apiVersion ?? "";
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = createContext(apiVersion, this.model.types.filter((t) => t.apiVersion === apiVersion), []);
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  /** The OData names a response type can be cast to (the generated `cast` values). */
  casts(apiVersion: OperationModel["apiVersion"], typeName: string | undefined): string[] {
    return castMapOf(this.context(apiVersion), typeName)?.entries.map(([name]) => name) ?? [];
  }

  get(apiVersion: OperationModel["apiVersion"], typeName: string): string | undefined {
    const ctx = this.context(apiVersion);
    const type = ctx.typeByName(typeName);
    if (!type || type.kind === "enum") return undefined;
    const tsName = ctx.names.get(type.name);
    return tsName ? validatorName(tsName) : undefined;
  }
}

/** Loads a version folder's generated index and keeps its functions. */
export async function loadApi(indexUrl: string): Promise<GeneratedApi> {
  const loaded: unknown = await import(indexUrl);
  const api: GeneratedApi = {};
  // A module namespace object: its function-valued exports are the generated functions.
  for (const [key, value] of Object.entries(loaded as Record<string, unknown>)) if (typeof value === "function") api[key] = value as GeneratedFunction;
  return api;
}

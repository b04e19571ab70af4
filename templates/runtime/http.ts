/**
 * HTTP client runtime of the generated request functions. Copied verbatim into every generated
 * version folder, so it depends on nothing but the platform: global `fetch`, `Headers`, `Response`,
 * `AbortController` and `AbortSignal.timeout` (Node >= 18, browsers, Deno, Bun).
 *
 * - `createClient` holds the base URL, auth, default headers, timeout, retry policy and whether to
 *   validate responses. Without a `fetch` option the client looks up `globalThis.fetch` at call
 *   time (so it can be stubbed after the client exists).
 * - `send` performs one JSON request. Headers, later wins, names case-insensitive:
 *   `Accept: application/json`; `Content-Type: application/json` (only with a body);
 *   `ConsistencyLevel: eventual` when the query has `$count` or `$search` (Graph requires it for
 *   directory objects); client headers; `Authorization: Bearer <token>` from `client.auth` (a
 *   provider is awaited before every attempt, and not called when the per-call headers set
 *   Authorization); per-call headers.
 * - Retries: a 429, 503 or 504 is retried (default at most 3 times) after `Retry-After` (seconds
 *   or an HTTP date) or, without one, an exponential back-off with jitter from `baseDelayMs`
 *   (default 500 ms) doubling per attempt, capped at `maxDelayMs` (default 30 s). A `Retry-After`
 *   longer than `maxDelayMs` is not waited for: the error is thrown with `retryAfterMs`. `retry:
 *   false` (client or call) turns retries off. The wait ends early when the signal aborts.
 * - Timeouts: `timeoutMs` (client or call) bounds each attempt, the body download included; it
 *   rejects with the platform's `TimeoutError` (a DOMException). The caller's `signal` aborts the
 *   whole call (`AbortError`).
 * - A status outside 200-299 throws `GraphError` (status, Graph `error.code`, `error.message`,
 *   `innerError`, `details`, request ids, date, body).
 * - Successful bodies: 204 or an empty body is `undefined`; otherwise the body is parsed as JSON.
 *   With `expectBody: true` (the operation documents a response body) a missing or non-JSON body
 *   throws `GraphError` with code "UnexpectedResponse" and the (2xx) status, so the return type
 *   can be plain `T`; note the request itself succeeded. With `expectBody: false` nothing throws:
 *   a non-JSON body is returned as text. With response validation on (client `validateResponses`
 *   or call `validateResponse`), a body the generated validator rejects throws `GraphError` with
 *   code "InvalidResponse" and the problems in `validationErrors`. Then `revive` (generated with
 *   `dates: "Date"`) converts the checked JSON, and `iterateItems` applies it to later pages too.
 *
 * - Paths: `buildPath` (route + percent-encoded parameters), `castSegment` (`/microsoft.graph.user`),
 *   `functionCall` (`(a='x',b=5)`), `encodeQuery`; `countItems` sends a `/$count` request.
 *
 * This module exports only the names docgen reserves for the runtime (see naming.ts), so that
 * `export *` of a version's index never clashes with a generated type.
 */
import type { ValidationError, ValidationResult } from "./validation.js";

/** The part of `fetch` the client uses; the global `fetch` is one. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** When and how often to retry 429, 503 and 504 responses. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 turns retries off). */
  maxRetries?: number;
  /** First back-off delay without `Retry-After`, doubled per attempt (default 500 ms). */
  baseDelayMs?: number;
  /** The longest wait, `Retry-After` included; a longer `Retry-After` is not waited for (default 30 000 ms). */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** Service root without a trailing slash, such as `https://graph.microsoft.com/v1.0`. */
  baseUrl?: string;
  /** Replaces the global `fetch` (tests, proxies, logging). */
  fetch?: FetchLike;
  /** Bearer token, or a function returning one; a function is called (and awaited) per request. */
  auth?: string | (() => string | Promise<string>);
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Time limit of each attempt in milliseconds (none by default). */
  timeoutMs?: number;
  /** Retry policy for 429/503/504; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Check every response body with the generated validator of its documented type. */
  validateResponses?: boolean;
}

export interface Client {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly auth?: ClientOptions["auth"];
  readonly headers: Record<string, string>;
  readonly timeoutMs: number | undefined;
  readonly retry: Required<RetryOptions> | false;
  readonly validateResponses: boolean;
}

/** Per-call options, accepted by every generated request function. */
export interface RequestOptions {
  /** Extra headers for this call; they override the client's. */
  headers?: Record<string, string>;
  /** Aborts the call (retries and waits included). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's retry policy for this call; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Overrides the client's `validateResponses` for this call. */
  validateResponse?: boolean;
}

/** Names of a type's properties, for `$select` (annotations such as `@odata.type` excluded). */
export type PropertyName<T> = Exclude<keyof T & string, `@${string}`>;

/** OData query options of a collection GET. `P` is the property names `$select` accepts. */
export interface QueryOptions<P extends string = string> {
  /** Properties to return (checked against the type's property names). */
  $select?: readonly P[];
  /** Navigation properties to expand, such as `["members($select=id)"]`. */
  $expand?: readonly string[] | string;
  /** A filter expression, such as `startswith(displayName,'a')`; percent-encoded for you. */
  $filter?: string;
  /** Sort order, such as `["displayName desc"]`. */
  $orderby?: readonly string[] | string;
  /** Page size: a non-negative integer. */
  $top?: number;
  /** Items to skip: a non-negative integer. */
  $skip?: number;
  /** Include `@odata.count`. */
  $count?: boolean;
  /** A search phrase; wrapped in double quotes as Graph requires unless already quoted. */
  $search?: string;
}

/** The query options of a single-object GET. */
export type ObjectQueryOptions<P extends string = string> = Pick<QueryOptions<P>, "$select" | "$expand">;

/** A page of a collection response. */
export interface Collection<T> {
  value: T[];
  /** URL of the next page, when there is one. */
  "@odata.nextLink"?: string;
  "@odata.count"?: number;
  "@odata.context"?: string;
}

/** A failed request: a non-2xx status, or a successful response without the documented JSON body. */
export class GraphError extends Error {
  override readonly name = "GraphError";
  readonly status: number;
  /** Graph's `error.code`, such as `Request_ResourceNotFound`. */
  readonly code: string | undefined;
  /** Graph's `error.message`, when the body has one. */
  readonly graphMessage: string | undefined;
  /** From the `request-id` header, `error.innerError["request-id"]`, or the `client-request-id` header. */
  readonly requestId: string | undefined;
  /** From `error.innerError["client-request-id"]` or the `client-request-id` header. */
  readonly clientRequestId: string | undefined;
  /** From `error.innerError.date`. */
  readonly date: string | undefined;
  readonly innerError: unknown;
  /** Graph's `error.details` (an array of `{ code, message, target }`), empty when absent. */
  readonly details: readonly unknown[];
  /** The `Retry-After` of a 429/503/504 that was not (or no longer) retried, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** Problems found by response validation (code "InvalidResponse"). */
  readonly validationErrors: readonly ValidationError[];
  /** The response body: parsed JSON when possible, else the text (undefined when empty). */
  readonly body: unknown;

  constructor(
    message: string,
    details: {
      status: number;
      code?: string | undefined;
      graphMessage?: string | undefined;
      requestId?: string | undefined;
      clientRequestId?: string | undefined;
      date?: string | undefined;
      innerError?: unknown;
      details?: readonly unknown[] | undefined;
      retryAfterMs?: number | undefined;
      validationErrors?: readonly ValidationError[] | undefined;
      body?: unknown;
    },
  ) {
    super(message);
    this.status = details.status;
    this.code = details.code;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.date = details.date;
    this.innerError = details.innerError;
    this.details = details.details ?? [];
    this.retryAfterMs = details.retryAfterMs;
    this.validationErrors = details.validationErrors ?? [];
    this.body = details.body;
  }
}

const DEFAULT_RETRY: Required<RetryOptions> = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export function createClient(options: ClientOptions & { baseUrl: string }): Client {
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch ?? globalFetch,
    headers: { ...options.headers },
    timeoutMs: options.timeoutMs,
    retry: retryPolicy(options.retry, DEFAULT_RETRY),
    validateResponses: options.validateResponses === true,
    ...(options.auth !== undefined ? { auth: options.auth } : {}),
  };
}

function retryPolicy(option: RetryOptions | false | undefined, base: Required<RetryOptions> | false): Required<RetryOptions> | false {
  if (option === false) return false;
  if (option === undefined) return base;
  const policy = { ...(base === false ? DEFAULT_RETRY : base), ...definedOnly(option) };
  return policy.maxRetries > 0 ? policy : false;
}

function definedOnly(option: RetryOptions): RetryOptions {
  const result: RetryOptions = {};
  if (option.maxRetries !== undefined) result.maxRetries = option.maxRetries;
  if (option.baseDelayMs !== undefined) result.baseDelayMs = option.baseDelayMs;
  if (option.maxDelayMs !== undefined) result.maxDelayMs = option.maxDelayMs;
  return result;
}

/** One path segment: percent-encoded, `'` included (OData key literals are quoted with it). */
export function encodePathParam(value: string | number): string {
  const text = String(value);
  // "", "." and ".." would change which resource the URL names (URL parsers resolve dot segments).
  if (text === "" || text === "." || text === "..") throw new RangeError(`Invalid path parameter ${JSON.stringify(text)}`);
  return encodeURIComponent(text).replace(/'/g, "%27");
}

/** The parameter name of a `{placeholder}`: `{id | userPrincipalName}` → `id` (it takes either key). */
function placeholderName(inner: string): string {
  return (inner.split("|")[0] ?? "").trim();
}

/**
 * The path of a call: `route` when given, else the documented route whose placeholders are all in
 * `params` and that uses the most of them (documented order breaks ties), with each parameter
 * percent-encoded into its segment. Throws RangeError when no route fits.
 */
/** A name repeated within one route is numbered from its second occurrence (`id`, `id2`): each segment has its own value. */
function numbered(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}${count}`;
  });
}

export function buildPath(routes: readonly string[], params: Readonly<Record<string, string | number | undefined>> | undefined, route?: string): string {
  const given = params ?? {};
  const names = (template: string): string[] => numbered([...template.matchAll(/\{([^{}]*)\}/g)].map((m) => placeholderName(m[1] ?? "")));
  const fits = (template: string): boolean => names(template).every((name) => given[name] !== undefined);
  let chosen: string | undefined;
  if (route !== undefined) {
    if (!routes.includes(route)) throw new RangeError(`Unknown route ${JSON.stringify(route)}`);
    chosen = route;
  } else {
    let best = -1;
    for (const template of routes) {
      const count = new Set(names(template)).size;
      if (fits(template) && count > best) {
        chosen = template;
        best = count;
      }
    }
  }
  if (chosen === undefined || !fits(chosen)) {
    const missing = names(chosen ?? routes[0] ?? "").filter((name) => given[name] === undefined);
    throw new RangeError(`Missing path parameter(s) ${missing.join(", ")} for ${chosen ?? routes.join(" or ")}`);
  }
  const chosenNames = names(chosen);
  let index = 0;
  // A placeholder between quotes (`(period='{period_value}')`) is an OData string literal: its quotes are doubled.
  const path = chosen.replace(/\{([^{}]*)\}/g, (_match: string, _inner: string, offset: number) => {
    const value = given[chosenNames[index++] ?? ""] ?? "";
    return encodePathParam(chosen.charAt(offset - 1) === "'" ? String(value).replace(/'/g, "''") : value);
  });
  return path.startsWith("/") ? path : `/${path}`;
}

/**
 * A type-cast segment (`/microsoft.graph.user`), or "" without a cast: the collection or navigation
 * narrowed to a derived type. Only qualified OData type names pass (the generated types allow the
 * documented derived types only).
 */
export function castSegment(cast: string | undefined): string {
  if (cast === undefined) return "";
  if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(cast)) throw new RangeError(`Invalid type cast ${JSON.stringify(cast)}`);
  return `/${cast}`;
}

/**
 * OData function-call parameters appended to the route's last segment: `(status='a''b',count=5)`,
 * or "" when none is given. Strings are quoted (a `'` doubled), numbers and booleans bare; the
 * parameters named in `bare` (Guid, DateTimeOffset, Date, TimeOfDay values) are written bare too; a
 * `Date` is written as RFC 3339; objects and arrays as JSON. Values are percent-encoded, in the
 * order given.
 */
export function functionCall(params: Readonly<Record<string, unknown>> | undefined, bare: readonly string[] = []): string {
  if (!params) return "";
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    parts.push(`${name}=${functionLiteral(name, value, bare.includes(name))}`);
  }
  return parts.length > 0 ? `(${parts.join(",")})` : "";
}

function functionLiteral(name: string, value: unknown, bare: boolean): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Function parameter ${name} must be a finite number, not ${value}`);
    return String(value);
  }
  if (typeof value === "boolean" || value === null) return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`Function parameter ${name} is an invalid Date`);
    return encodeURIComponent(value.toISOString());
  }
  if (typeof value === "string") return bare ? encodeURIComponent(value) : `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
  return encodeURIComponent(JSON.stringify(value));
}

/** The query options a `/$count` request takes: which items to count. */
export type CountQueryOptions = Pick<QueryOptions, "$filter" | "$search">;

/** The response type of a call narrowed by its `cast`: the derived type `Casts[C]`, else `Base`. */
export type Narrowed<Base, Casts, C> = C extends keyof Casts ? Casts[C] : Base;

/**
 * `GET …/$count`: the number of items, which Graph sends as `text/plain`. Sends `Accept: text/plain`
 * and `ConsistencyLevel: eventual` (Graph counts directory objects only with it); a body that is
 * not a non-negative integer throws `GraphError` with code "UnexpectedResponse".
 */
export async function countItems(client: Client, path: string, options: RequestOptions | undefined): Promise<number> {
  const count = await send<unknown>(client, { method: "GET", path, expectBody: true, options, count: true });
  if (typeof count === "number" && Number.isInteger(count) && count >= 0) return count;
  throw new GraphError(`GET ${path} returned a body that is not a count: ${JSON.stringify(count)?.slice(0, 100) ?? ""}`, { status: 200, code: "UnexpectedResponse", body: count });
}

/** The query string (with its `?`, or "") of OData query options, in a fixed order. */
export function encodeQuery(query: QueryOptions | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  const list = (value: readonly string[] | string): string => (typeof value === "string" ? [value] : value).map(encodeURIComponent).join(",");
  const count = (name: string, value: number): string => {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, not ${value}`);
    return String(value);
  };
  if (query.$select !== undefined && query.$select.length > 0) parts.push(`$select=${list(query.$select)}`);
  if (query.$expand !== undefined && query.$expand.length > 0) parts.push(`$expand=${list(query.$expand)}`);
  if (query.$filter !== undefined) parts.push(`$filter=${encodeURIComponent(query.$filter)}`);
  if (query.$orderby !== undefined && query.$orderby.length > 0) parts.push(`$orderby=${list(query.$orderby)}`);
  if (query.$top !== undefined) parts.push(`$top=${count("$top", query.$top)}`);
  if (query.$skip !== undefined) parts.push(`$skip=${count("$skip", query.$skip)}`);
  if (query.$count !== undefined) parts.push(`$count=${query.$count}`);
  if (query.$search !== undefined) parts.push(`$search=${encodeURIComponent(quoteSearch(query.$search))}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** Graph wants `$search="phrase"`: a phrase not already in double quotes is wrapped (inner quotes escaped). */
function quoteSearch(phrase: string): string {
  if (phrase.length >= 2 && phrase.startsWith('"') && phrase.endsWith('"')) return phrase;
  return `"${phrase.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** What `send` needs to validate a successful body: the element validator, and whether the body is a collection page. */
export interface ResponseCheck {
  validate: (value: unknown) => ValidationResult;
  collection: boolean;
}

export interface SendRequest {
  method: string;
  /** A path below `client.baseUrl` (starting with `/`, query included), or an absolute URL on the base URL's origin (`@odata.nextLink`). */
  path: string;
  body?: unknown;
  expectBody: boolean;
  /** A `/$count` request: `Accept: text/plain` and `ConsistencyLevel: eventual`. */
  count?: boolean;
  options?: (RequestOptions & { query?: QueryOptions | undefined }) | undefined;
  check?: ResponseCheck;
  /** Converts a successful JSON body after validation (`dates: "Date"`: revives its dates); kept for the pages `iterateItems` fetches. */
  revive?: (body: unknown) => unknown;
}

/** The `revive` of the request that fetched a collection page, so `iterateItems` applies it to the next pages too. */
const pageRevivers = new WeakMap<object, (body: unknown) => unknown>();

/** Sends a JSON request; see the file header for the rules. */
export function send<T>(client: Client, request: SendRequest & { expectBody: true }): Promise<T>;
export function send<T = unknown>(client: Client, request: SendRequest): Promise<T | undefined>;
export async function send<T>(client: Client, request: SendRequest): Promise<T | undefined> {
  const options = request.options;
  const signal = options?.signal;
  signal?.throwIfAborted();
  const url = requestUrl(client, request.path);
  const where = `${request.method} ${request.path}`;
  const retry = retryPolicy(options?.retry, client.retry);
  const timeoutMs = options?.timeoutMs ?? client.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const init: RequestInit = { method: request.method, headers: await requestHeaders(client, request) };
    if (request.body !== undefined) init.body = JSON.stringify(request.body);
    const attemptSignal = combine(signal, timeoutMs);
    if (attemptSignal) init.signal = attemptSignal;
    const response = await client.fetch(url, init);
    const text = await response.text();
    const body = parseBody(text);
    if (!response.ok) {
      const wait = RETRY_STATUSES.has(response.status) ? retryDelay(response, attempt, retry) : undefined;
      if (wait !== undefined && wait.retry) {
        await sleep(wait.ms, signal);
        continue;
      }
      throw errorFromResponse(where, response, body, wait?.retryAfterMs);
    }
    if (response.status === 204 || text.trim() === "") {
      if (request.expectBody) throw unexpected(where, response, body, "without a body");
      return undefined;
    }
    if (body.json) {
      if (request.check && (options?.validateResponse ?? client.validateResponses)) validateBody(where, response, body.value, request.check);
      if (!request.revive) return parsed<T>(body.value);
      const revived = request.revive(body.value);
      if (isObject(revived)) pageRevivers.set(revived, request.revive);
      return parsed<T>(revived);
    }
    if (request.expectBody) throw unexpected(where, response, body, "with a body that is not JSON");
    return parsed<T>(text);
  }
}

/**
 * Every item of a collection, page after page: yields the items of `first` (a page or the promise
 * a generated list function returns), then follows `@odata.nextLink` with the same client and
 * options until a page has none. A next link on another origin than the client's base URL is
 * refused (the bearer token would go to another host).
 */
export async function* iterateItems<T>(
  client: Client,
  first: Collection<T> | Promise<Collection<T>>,
  options?: RequestOptions,
): AsyncGenerator<T, void, undefined> {
  let page = await first;
  for (;;) {
    if (!Array.isArray(page.value)) throw new TypeError("A collection page without a `value` array");
    yield* page.value;
    const next = page["@odata.nextLink"];
    if (typeof next !== "string" || next === "") return;
    const revive = pageRevivers.get(page);
    page = await send<Collection<T>>(client, { method: "GET", path: next, expectBody: true, options, ...(revive ? { revive } : {}) });
  }
}

function requestUrl(client: Client, path: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(path)) return client.baseUrl + path;
  const origin = new URL(client.baseUrl).origin;
  if (new URL(path).origin !== origin) throw new GraphError(`Refusing to follow ${path}: not on ${origin}`, { status: 0, code: "ForeignLink" });
  return path;
}

function combine(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal | undefined {
  if (timeoutMs === undefined) return signal;
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!signal) return timeout;
  // Either signal aborts the attempt, with its own reason (AbortError or TimeoutError).
  const controller = new AbortController();
  const forward = (source: AbortSignal): void => {
    if (source.aborted) controller.abort(source.reason);
    else source.addEventListener("abort", () => controller.abort(source.reason), { once: true });
  };
  forward(signal);
  forward(timeout);
  return controller.signal;
}

/** Whether and how long to wait before the next attempt. */
function retryDelay(response: Response, attempt: number, retry: Required<RetryOptions> | false): { retry: boolean; ms: number; retryAfterMs: number | undefined } {
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  if (retry === false || attempt >= retry.maxRetries) return { retry: false, ms: 0, retryAfterMs };
  if (retryAfterMs !== undefined) return { retry: retryAfterMs <= retry.maxDelayMs, ms: retryAfterMs, retryAfterMs };
  const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return { retry: true, ms: backoff / 2 + Math.random() * (backoff / 2), retryAfterMs };
}

/** `Retry-After`: delay-seconds or an HTTP date, in milliseconds from now. */
function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const text = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function globalFetch(input: string, init: RequestInit): Promise<Response> {
  if (typeof globalThis.fetch !== "function") throw new TypeError("No global fetch: pass `fetch` to createClient");
  return globalThis.fetch(input, init);
}

async function requestHeaders(client: Client, request: SendRequest): Promise<Headers> {
  const headers = new Headers({ Accept: request.count === true ? "text/plain" : "application/json" });
  if (request.body !== undefined) headers.set("Content-Type", "application/json");
  const query = request.options?.query;
  if (request.count === true || (query && (query.$count !== undefined || query.$search !== undefined))) headers.set("ConsistencyLevel", "eventual");
  for (const [name, value] of Object.entries(client.headers)) headers.set(name, value);
  const perCall = new Headers(request.options?.headers);
  if (client.auth !== undefined && !perCall.has("Authorization")) {
    const token = typeof client.auth === "function" ? await client.auth() : client.auth;
    if (token !== "") headers.set("Authorization", `Bearer ${token}`);
  }
  perCall.forEach((value, name) => headers.set(name, value));
  return headers;
}

type ParsedBody = { json: true; value: unknown } | { json: false; value: string | undefined };

function parseBody(text: string): ParsedBody {
  if (text.trim() === "") return { json: false, value: undefined };
  try {
    return { json: true, value: JSON.parse(text) };
  } catch {
    return { json: false, value: text };
  }
}

/** The one unchecked step: the body is trusted to match the documented type (validated when asked, its dates revived when asked). */
function parsed<T>(value: unknown): T {
  // Without response validation the body is trusted; with it, validateBody has checked it (before `revive`).
  return value as T;
}

function validateBody(where: string, response: Response, value: unknown, check: ResponseCheck): void {
  let errors: ValidationError[] = [];
  if (!check.collection) errors = check.validate(value).errors;
  else if (!isObject(value) || !Array.isArray(value["value"])) {
    errors = [{ path: "/value", code: "type", expected: "an array", message: "/value: expected an array" }];
  } else {
    value["value"].forEach((item: unknown, index: number) => {
      for (const error of check.validate(item).errors) {
        const path = `/value/${index}${error.path}`;
        errors.push({ ...error, path, message: `${path}${error.message.slice(error.path.length || "value".length)}` });
      }
    });
  }
  if (errors.length === 0) return;
  throw new GraphError(`${where} returned ${response.status} with a body that does not match the documented type: ${errors[0]?.message ?? ""}`, {
    status: response.status,
    code: "InvalidResponse",
    requestId: requestId(response, undefined),
    validationErrors: errors,
    body: value,
  });
}

function errorFromResponse(where: string, response: Response, body: ParsedBody, retryAfterMs: number | undefined): GraphError {
  const error = isObject(body.value) && isObject(body.value["error"]) ? body.value["error"] : undefined;
  const code = stringField(error, "code");
  const innerError = error?.["innerError"] ?? error?.["innererror"];
  const inner = isObject(innerError) ? innerError : undefined;
  const graphMessage = stringField(error, "message");
  const message = graphMessage ?? (typeof body.value === "string" ? body.value.slice(0, 200) : undefined);
  const detail = [code, message ?? (code ? undefined : response.statusText)].filter((part) => part).join(": ");
  const details = error?.["details"];
  return new GraphError(`${where} failed: ${response.status}${detail ? ` ${detail}` : ""}`, {
    status: response.status,
    code,
    graphMessage,
    requestId: requestId(response, innerError),
    clientRequestId: stringField(inner, "client-request-id") ?? response.headers.get("client-request-id") ?? undefined,
    date: stringField(inner, "date"),
    innerError,
    details: Array.isArray(details) ? details : undefined,
    retryAfterMs,
    body: body.value,
  });
}
function unexpected(where: string, response: Response, body: ParsedBody, what: string): GraphError {
  return new GraphError(`${where} returned ${response.status} ${what}, but the operation documents a JSON body`, {
    status: response.status,
    code: "UnexpectedResponse",
    requestId: requestId(response, undefined),
    body: body.value,
  });
}

function requestId(response: Response, innerError: unknown): string | undefined {
  return (
    response.headers.get("request-id") ??
    stringField(isObject(innerError) ? innerError : undefined, "request-id") ??
    response.headers.get("client-request-id") ??
    undefined
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringField(object: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === "string" ? value : undefined;
}

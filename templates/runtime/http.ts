/**
 * HTTP client runtime of the generated request functions. Copied verbatim into every generated
 * version folder, so it depends on nothing but the platform: global `fetch`, `Headers`, `Response`
 * and `AbortSignal` (Node >= 18, browsers, Deno, Bun).
 *
 * - `createClient` holds the base URL, auth and default headers. Without a `fetch` option the
 *   client looks up `globalThis.fetch` at call time (so it can be stubbed after the client exists).
 * - `send` performs one JSON request. Headers, later wins, names case-insensitive:
 *   `Accept: application/json`; `Content-Type: application/json` (only with a body); client
 *   headers; `Authorization: Bearer <token>` from `client.auth` (a provider is awaited on every
 *   request, and not called when the per-call headers set Authorization); per-call headers.
 * - A status outside 200-299 throws `GraphError` (status, Graph `error.code`, request id, body).
 * - Successful bodies: 204 or an empty body is `undefined`; otherwise the body is parsed as JSON.
 *   With `expectBody: true` (the operation documents a response body) a missing or non-JSON body
 *   throws `GraphError` with code "UnexpectedResponse" and the (2xx) status, so the return type
 *   can be plain `T`; note the request itself succeeded. With `expectBody: false` nothing throws:
 *   a non-JSON body is returned as text.
 *
 * This module exports only the names docgen reserves for the runtime (see naming.ts), so that
 * `export *` of a version's index never clashes with a generated type.
 */

/** The part of `fetch` the client uses; the global `fetch` is one. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Service root without a trailing slash, such as `https://graph.microsoft.com/v1.0`. */
  baseUrl?: string;
  /** Replaces the global `fetch` (tests, proxies, retries, logging). */
  fetch?: FetchLike;
  /** Bearer token, or a function returning one; a function is called (and awaited) per request. */
  auth?: string | (() => string | Promise<string>);
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface Client {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly auth?: ClientOptions["auth"];
  readonly headers: Record<string, string>;
}

/** Per-call options, accepted by every generated request function. */
export interface RequestOptions {
  /** Extra headers for this call; they override the client's. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

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
  /** From the `request-id` header, `error.innerError["request-id"]`, or the `client-request-id` header. */
  readonly requestId: string | undefined;
  readonly innerError: unknown;
  /** The response body: parsed JSON when possible, else the text (undefined when empty). */
  readonly body: unknown;

  constructor(
    message: string,
    details: { status: number; code?: string | undefined; requestId?: string | undefined; innerError?: unknown; body?: unknown },
  ) {
    super(message);
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.innerError = details.innerError;
    this.body = details.body;
  }
}

export function createClient(options: ClientOptions & { baseUrl: string }): Client {
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch ?? globalFetch,
    headers: { ...options.headers },
    ...(options.auth !== undefined ? { auth: options.auth } : {}),
  };
}

/** One path segment: percent-encoded, `'` included (OData key literals are quoted with it). */
export function encodePathParam(value: string | number): string {
  const text = String(value);
  // "", "." and ".." would change which resource the URL names (URL parsers resolve dot segments).
  if (text === "" || text === "." || text === "..") throw new RangeError(`Invalid path parameter ${JSON.stringify(text)}`);
  return encodeURIComponent(text).replace(/'/g, "%27");
}

/** Sends a JSON request to `client.baseUrl + path` (path starts with `/`); see the file header for the rules. */
export function send<T>(
  client: Client,
  request: { method: string; path: string; body?: unknown; expectBody: true; options?: RequestOptions },
): Promise<T>;
export function send<T = unknown>(
  client: Client,
  request: { method: string; path: string; body?: unknown; expectBody: boolean; options?: RequestOptions },
): Promise<T | undefined>;
export async function send<T>(
  client: Client,
  request: { method: string; path: string; body?: unknown; expectBody: boolean; options?: RequestOptions },
): Promise<T | undefined> {
  const signal = request.options?.signal;
  signal?.throwIfAborted();
  const init: RequestInit = { method: request.method, headers: await requestHeaders(client, request) };
  if (request.body !== undefined) init.body = JSON.stringify(request.body);
  if (signal) init.signal = signal;
  const response = await client.fetch(client.baseUrl + request.path, init);
  const text = await response.text();
  const body = parseBody(text);
  const where = `${request.method} ${request.path}`;
  if (!response.ok) throw errorFromResponse(where, response, body);
  if (response.status === 204 || text.trim() === "") {
    if (request.expectBody) throw unexpected(where, response, body, "without a body");
    return undefined;
  }
  if (body.json) return parsed<T>(body.value);
  if (request.expectBody) throw unexpected(where, response, body, "with a body that is not JSON");
  return parsed<T>(text);
}

async function globalFetch(input: string, init: RequestInit): Promise<Response> {
  if (typeof globalThis.fetch !== "function") throw new TypeError("No global fetch: pass `fetch` to createClient");
  return globalThis.fetch(input, init);
}

async function requestHeaders(client: Client, request: { body?: unknown; options?: RequestOptions }): Promise<Headers> {
  const headers = new Headers({ Accept: "application/json" });
  if (request.body !== undefined) headers.set("Content-Type", "application/json");
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

/** The one unchecked step: the body is trusted to match the documented type (validators check it). */
function parsed<T>(value: unknown): T {
  // Responses are not validated at run time; the generated `validateX` functions do that on request.
  return value as T;
}

function errorFromResponse(where: string, response: Response, body: ParsedBody): GraphError {
  const error = isObject(body.value) && isObject(body.value["error"]) ? body.value["error"] : undefined;
  const code = stringField(error, "code");
  const innerError = error?.["innerError"] ?? error?.["innererror"];
  const message = stringField(error, "message") ?? (typeof body.value === "string" ? body.value.slice(0, 200) : undefined);
  const detail = [code, message ?? (code ? undefined : response.statusText)].filter((part) => part).join(": ");
  return new GraphError(`${where} failed: ${response.status}${detail ? ` ${detail}` : ""}`, {
    status: response.status,
    code,
    requestId: requestId(response, innerError),
    innerError,
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

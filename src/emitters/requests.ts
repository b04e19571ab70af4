/**
 * `requests.ts`: one typed function per operation, on top of `runtime/http.ts`.
 *
 * - `serviceRoot` and a `createClient(options?)` defaulting `baseUrl` to it (the `unversioned`
 *   folder has no service root, so there `baseUrl` is required);
 * - per operation an argument interface `XRequest extends RequestOptions` with `path` (a union:
 *   per documented route, one string per `{placeholder}`; `{id | userPrincipalName}` is named `id`
 *   and takes either key; optional when a route such as `/me/...` has none), `route` (when several
 *   routes are documented: pick one explicitly), `query` (GET only: typed OData query options,
 *   `$select` checked against the response type's property names) and `body` (POST/PUT: `XCreate`,
 *   PATCH: `XUpdate` for a documented object type, else the request type; `JsonValue` and optional
 *   when the docs name none); the argument is optional (`= {}`) when nothing in it is required;
 * - the function `x(client, request)` builds the path at run time (`buildPath`: the route that
 *   fits the given parameters, each percent-encoded into its segment), appends the query and calls
 *   `send`. It resolves to `void` when the success status is 204, to `Collection<T>` for
 *   collections (`iterateItems` follows `@odata.nextLink`), else to `T`; the response type's
 *   validator is passed along for optional response validation. When a body is documented but the
 *   response has none (or not JSON), `send` throws `GraphError` with code "UnexpectedResponse" and
 *   the 2xx status: the call's type stays `T`, and the caller can tell the request itself went through.
 */
import type { FunctionDeclarationStructure, InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import { Kind } from "./kinds.js";
import type { ApiVersion, OperationModel, PermissionKind, PermissionsModel } from "../model/types.js";
import type { EmitContext, Emitter, Statement } from "./context.js";
import { routeParamNames } from "../model/paths.js";
import { importOf } from "./imports.js";
import { bodyTypeOf } from "./bodies.js";
import { dateKey } from "./dates.js";
import { functionName, propertyKey, requestTypeName, validatorName } from "./naming.js";
import { docText, literal, mentionsType, referencedType, seeSource, tsType, type TypeUse } from "./ts-code.js";

export const SERVICE_ROOTS: Record<ApiVersion, string> = {
  beta: "https://graph.microsoft.com/beta",
  "v1.0": "https://graph.microsoft.com/v1.0",
};

const BODY_METHODS: ReadonlySet<string> = new Set(["POST", "PATCH", "PUT"]);

const PERMISSION_KINDS: Record<PermissionKind, string> = {
  delegatedWork: "delegated (work or school account)",
  delegatedPersonal: "delegated (personal Microsoft account)",
  application: "application",
  unspecified: "",
};

/** What the file imports, collected while operations are written. */
interface RequestsFile {
  ctx: EmitContext;
  runtimeValues: Set<string>;
  runtimeTypes: Set<string>;
  modelTypes: Set<string>;
  validators: Set<string>;
  /** Names imported from `dates.ts` (dates: "Date"). */
  dates: Set<string>;
  usesJson: boolean;
}

export const emitRequests: Emitter = (ctx) => {
  const state: RequestsFile = {
    ctx,
    runtimeValues: new Set(["createClient as createRuntimeClient"]),
    runtimeTypes: new Set(["Client", "ClientOptions"]),
    modelTypes: new Set(),
    validators: new Set(),
    dates: new Set(),
    usesJson: false,
  };
  const body: Statement[] = [clientStatements(ctx.version.apiVersion)];
  for (const op of ctx.version.operations) {
    const request = requestInterface(state, op);
    body.push({ kind: Kind.Interface, ...request.structure });
    body.push({ kind: Kind.Function, ...requestFunction(state, op, request.optional) });
  }
  return [
    ...importOf("./runtime/http.js", state.runtimeTypes),
    ...importOf("./runtime/http.js", state.runtimeValues, false),
    ...importOf("./interfaces.js", [...state.modelTypes].filter((name) => !ctx.isEnum(name))),
    ...importOf("./enums.js", [...state.modelTypes].filter((name) => ctx.isEnum(name))),
    ...importOf("./runtime/json.js", state.usesJson ? ["JsonValue"] : []),
    ...importOf("./validators.js", state.validators, false),
    ...importOf("./dates.js", state.dates, false),
    ...body,
  ];
};

function clientStatements(apiVersion: ApiVersion | null): string {
  if (apiVersion === null) {
    return `/** A client for these operations; the docs name no API version, so \`baseUrl\` is required. */
export function createClient(options: ClientOptions & { baseUrl: string }): Client {
  return createRuntimeClient(options);
}`;
  }
  return `/** The service root of API version ${apiVersion}: the default \`baseUrl\` of {@link createClient}. */
export const serviceRoot = ${literal(SERVICE_ROOTS[apiVersion])};

/** A client for API version ${apiVersion}; \`baseUrl\` defaults to {@link serviceRoot}. */
export function createClient(options: ClientOptions = {}): Client {
  return createRuntimeClient({ ...options, baseUrl: options.baseUrl ?? serviceRoot });
}`;
}

/** The documented routes, each with a leading slash, without duplicates. */
function routes(op: OperationModel): string[] {
  const all = (op.paths.length > 0 ? op.paths : ["/"]).map((path) => (path.startsWith("/") ? path : `/${path}`));
  return [...new Set(all)];
}

/** Parameter names of the `{placeholders}` of a path, in order; a repeated name is numbered (`id`, `id2`). */
function pathPlaceholders(path: string): string[] {
  return routeParamNames(path);
}

/** The `path` type: one object per distinct placeholder set, or undefined when no route has any. */
function pathType(op: OperationModel): { type: string; required: boolean } | undefined {
  const sets = new Map<string, string[]>();
  for (const route of routes(op)) {
    const names = pathPlaceholders(route);
    sets.set(names.join("\u0000"), names);
  }
  const variants = [...sets.values()].filter((names) => names.length > 0);
  if (variants.length === 0) return undefined;
  const type = variants.map((names) => `{ ${names.map((name) => `${propertyKey(name)}: string`).join("; ")} }`).join(" | ");
  return { type, required: variants.length === sets.size };
}

function requestInterface(state: RequestsFile, op: OperationModel): { structure: OptionalKind<InterfaceDeclarationStructure>; optional: boolean } {
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  const path = pathType(op);
  const all = routes(op);
  if (path) {
    properties.push({
      name: "path",
      type: path.type,
      hasQuestionToken: !path.required,
      docs: [
        `Path parameters; each value is percent-encoded into its own path segment. Routes: ${all.map((r) => `\`${docText(r)}\``).join(", ")}` +
          " (without `route`, the one that uses the most of the given parameters).",
      ],
    });
  }
  if (all.length > 1) {
    properties.push({
      name: "route",
      type: all.map(literal).join(" | "),
      hasQuestionToken: true,
      docs: ["The documented route to call; by default the one that fits the given path parameters best."],
    });
  }
  const query = queryType(state, op);
  if (query) properties.push({ name: "query", type: query, hasQuestionToken: true, docs: ["OData query options, encoded for you."] });
  const body = bodyType(state, op);
  if (body) {
    properties.push({ name: "body", type: body.type, hasQuestionToken: !body.required, docs: ["The request body, sent as JSON."] });
  }
  state.runtimeTypes.add("RequestOptions");
  return {
    structure: {
      name: requestTypeName(op.id),
      isExported: true,
      extends: ["RequestOptions"],
      docs: [`Arguments of {@link ${functionName(op.id, state.ctx.options.naming)}}: ${[...properties.map((p) => p.name), "per-call options"].join(", ")}.`],
      properties,
    },
    optional: properties.every((property) => property.hasQuestionToken === true),
  };
}

/** GET: collection query options (all of them) or single-object ones ($select, $expand), `$select` typed by the response type. */
function queryType(state: RequestsFile, op: OperationModel): string | undefined {
  if (op.method !== "GET") return undefined;
  const target = op.responseType ? state.ctx.typeByName(op.responseType) : undefined;
  const targetName = target && target.kind !== "enum" ? state.ctx.names.get(target.name) : undefined;
  let names = "string";
  if (targetName) {
    state.modelTypes.add(targetName);
    state.runtimeTypes.add("PropertyName");
    names = `PropertyName<${targetName}>`;
  }
  const options = op.responseCollection ? "QueryOptions" : "ObjectQueryOptions";
  state.runtimeTypes.add(options);
  return `${options}<${names}>`;
}

/** The body of POST/PATCH/PUT: the documented request type, else any JSON (optional). */
function bodyType(state: RequestsFile, op: OperationModel): { type: string; required: boolean } | undefined {
  if (!BODY_METHODS.has(op.method)) return undefined;
  if (!op.requestType) {
    state.usesJson = true;
    return { type: "JsonValue", required: false };
  }
  const documented = op.requestCollection ? undefined : bodyTypeOf(state.ctx, op);
  if (documented) {
    state.modelTypes.add(documented.name);
    return { type: documented.name, required: true };
  }
  return { type: useType(state, { type: op.requestType, collection: op.requestCollection ?? false }), required: true };
}

/** The TypeScript type of a use, noting the imports it needs. */
function useType(state: RequestsFile, use: TypeUse): string {
  const type = tsType(state.ctx, use);
  const ref = referencedType(state.ctx, use);
  if (ref) state.modelTypes.add(ref);
  if (mentionsType(type, "JsonValue")) state.usesJson = true;
  return type;
}

/** The resolved type, or undefined for `void`. */
function responseType(state: RequestsFile, op: OperationModel): string | undefined {
  if (op.successStatus === 204 || !op.responseType) return undefined;
  const element = useType(state, { type: op.responseType, collection: false });
  if (!op.responseCollection) return element;
  state.runtimeTypes.add("Collection");
  return `Collection<${element}>`;
}

function requestFunction(state: RequestsFile, op: OperationModel, optionalRequest: boolean): OptionalKind<FunctionDeclarationStructure> {
  state.runtimeValues.add("send");
  state.runtimeValues.add("buildPath");
  const typed = responseType(state, op);
  // No documented response type (but not 204): keep whatever comes back, as untyped JSON.
  const untyped = typed === undefined && op.successStatus !== 204;
  if (untyped) state.usesJson = true;
  const result = typed ?? (untyped ? "JsonValue" : undefined);
  const all = routes(op);
  const pathArgs = [`[${all.map(literal).join(", ")}]`, pathType(op) ? "request.path" : "undefined", ...(all.length > 1 ? ["request.route"] : [])];
  let path = `buildPath(${pathArgs.join(", ")})`;
  if (op.method === "GET") {
    state.runtimeValues.add("encodeQuery");
    path += " + encodeQuery(request.query)";
  }
  const check = responseCheck(state, op, typed !== undefined);
  // dates: "Date": bodies go out with their dates serialised; responses come back (validated, then) revived.
  const bodyDates = BODY_METHODS.has(op.method) ? dateKey(state.ctx, op.requestType) : undefined;
  const responseDates = typed !== undefined ? dateKey(state.ctx, op.responseType) : undefined;
  if (bodyDates !== undefined) state.dates.add("serializeDates");
  if (responseDates !== undefined) state.dates.add("reviveDates");
  const sendArgs = [
    `method: ${literal(op.method)}`,
    `path: ${path}`,
    ...(BODY_METHODS.has(op.method) ? [bodyDates !== undefined ? `body: serializeDates(request.body, ${literal(bodyDates)})` : "body: request.body"] : []),
    `expectBody: ${typed !== undefined}`,
    "options: request",
    ...(check ? [`check: ${check}`] : []),
    ...(responseDates !== undefined ? [`revive: (body) => reviveDates(body, ${literal(responseDates)}${op.responseCollection ? ", true" : ""})`] : []),
  ];
  const call = `send${result ? `<${result}>` : ""}(client, { ${sendArgs.join(", ")} })`;
  return {
    name: functionName(op.id, state.ctx.options.naming),
    isExported: true,
    isAsync: true,
    docs: [functionDocs(op)],
    parameters: [
      { name: "client", type: "Client" },
      { name: "request", type: requestTypeName(op.id), ...(optionalRequest ? { initializer: "{}" } : {}) },
    ],
    returnType: `Promise<${untyped ? "JsonValue | undefined" : (result ?? "void")}>`,
    statements: [result ? `return ${call};` : `await ${call};`],
  };
}

/** The response validator handed to `send` (used when response validation is on). */
function responseCheck(state: RequestsFile, op: OperationModel, typed: boolean): string | undefined {
  if (!typed || !op.responseType) return undefined;
  const target = state.ctx.typeByName(op.responseType);
  const name = target ? state.ctx.names.get(target.name) : undefined;
  if (!name) return undefined;
  state.validators.add(validatorName(name));
  return `{ validate: ${validatorName(name)}, collection: ${op.responseCollection} }`;
}

function functionDocs(op: OperationModel): string {
  const description = op.description && docText(op.description) !== docText(op.title) ? docText(op.description) : "";
  const otherPaths = routes(op).slice(1).map((path) => `\`${op.method} ${docText(path)}\``);
  const details = [
    `HTTP: \`${op.method} ${docText(routes(op)[0] ?? "/")}\``,
    otherPaths.length > 0 ? `Also: ${otherPaths.join(", ")} (chosen by the path parameters given, or \`route\`).` : "",
    op.successStatus !== null ? `Success status: ${op.successStatus}.` : "",
    permissionSummary(op.permissions),
    seeSource(op.sources[0]),
  ].filter(Boolean);
  return [docText(op.title), description, details.join("\n")].filter(Boolean).join("\n\n");
}

/** "Least privileged permission: delegated (work or school account) `A.Read`; application `B.Read`." */
function permissionSummary(permissions: PermissionsModel | undefined): string {
  const parts = (permissions?.entries ?? [])
    .filter((entry) => entry.supported && entry.scopes.length > 0)
    .map((entry) => [PERMISSION_KINDS[entry.kind], `\`${docText(entry.scopes[0] ?? "")}\``].filter(Boolean).join(" "));
  return parts.length > 0 ? `Least privileged permission: ${parts.join("; ")}.` : "";
}


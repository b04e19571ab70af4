/**
 * `requests.ts`: one typed function per operation, on top of `runtime/http.ts`.
 *
 * - `serviceRoot` and a `createClient(options?)` defaulting `baseUrl` to it (the `unversioned`
 *   folder has no service root, so there `baseUrl` is required);
 * - per operation an argument interface `XRequest extends RequestOptions` with `path` (a union:
 *   per documented route, one string per `{placeholder}`; `{id | userPrincipalName}` is named `id`
 *   and takes either key; optional when a route such as `/me/...` has none), `route` (when several
 *   routes are documented: pick one explicitly), `cast` (GET whose response type has documented
 *   derived types: one of their OData names, casts.ts; the interface and function are generic in it,
 *   `Narrowed` gives the derived type), `params` (the operation's function parameters, written as
 *   `name(a='x',b=5)` by `functionCall`), `query` (GET only: typed OData query options,
 *   `$select` checked against the response type's property names) and `body` (POST/PUT: `XCreate`,
 *   PATCH: `XUpdate` for a documented object type, else the request type; `JsonValue` and optional
 *   when the docs name none); the argument is optional (`= {}`) when nothing in it is required;
 * - the function `x(client, request)` builds the path at run time (`buildPath`: the route that
 *   fits the given parameters, each percent-encoded into its segment), appends the query and calls
 *   `send`. It resolves to `void` when the success status is 204, to `Collection<T>` for
 *   collections (`iterateItems` follows `@odata.nextLink`), else to `T`; the response type's
 *   validator is passed along for optional response validation. When a body is documented but the
 *   response has none (or not JSON), `send` throws `GraphError` with code "UnexpectedResponse" and
 *   the 2xx status: the call's type stays `T`, and the caller can tell the request itself went through;
 * - per collection GET the docs count (`countable`), `xCount(client, request)`: `GET …/$count` through
 *   `countItems`, resolving to a number (skipped if an operation already has that name).
 */
import type { FunctionDeclarationStructure, InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import { Kind } from "./kinds.js";
import { BODY_METHODS, type ApiVersion, type OperationModel, type PermissionKind, type PermissionsModel, type PropertyModel } from "../model/types.js";
import type { EmitContext, Emitter, Statement } from "./context.js";
import { routeParamNames } from "../model/paths.js";
import { importOf } from "./imports.js";
import { bodyTypeOf } from "./bodies.js";
import { castMapDeclaration, castMapOf, type CastMap } from "./casts.js";
import { emitterOf, operationUnitKey, type UnitEmitter } from "./unit-plan.js";
import { dateKey } from "./dates.js";
import { countFunctionName, functionName, propertyKey, requestTypeName, validatorName } from "./naming.js";
import { docText, literal, mentionsType, primitiveOf, referencedType, seeSource, tsType, type TypeUse } from "./ts-code.js";

export const SERVICE_ROOTS: Record<ApiVersion, string> = {
  beta: "https://graph.microsoft.com/beta",
  "v1.0": "https://graph.microsoft.com/v1.0",
};

const PERMISSION_KINDS: Record<PermissionKind, string> = {
  delegatedWork: "delegated (work or school account)",
  delegatedPersonal: "delegated (personal Microsoft account)",
  application: "application",
  unspecified: "",
};

/** What the statements of one operation import, collected while they are written. */
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

/** What one operation's statements need from the file: imports, and the cast map its request names. */
export interface RequestsUnit {
  runtimeValues: string[];
  runtimeTypes: string[];
  modelTypes: string[];
  validators: string[];
  dates: string[];
  usesJson: boolean;
  cast: CastMap | null;
}

/** The function names of a version's operations, computed once per context. */
const functionNamesOf = new WeakMap<EmitContext, ReadonlySet<string>>();

/** Per operation its request interface, function and count function; then the cast maps they name (unit-plan.ts). */
export const requestUnits: UnitEmitter<OperationModel, RequestsUnit> = {
  units: (ctx) => ctx.version.operations,
  key: operationUnitKey,
  emit: (ctx, op) => {
    const state: RequestsFile = { ctx, runtimeValues: new Set(), runtimeTypes: new Set(), modelTypes: new Set(), validators: new Set(), dates: new Set(), usesJson: false };
    let functionNames = functionNamesOf.get(ctx);
    if (!functionNames) functionNamesOf.set(ctx, (functionNames = new Set(ctx.version.operations.map((o) => functionName(o.id, ctx.options.naming)))));
    const cast = op.method === "GET" && op.successStatus !== 204 ? castMapOf(ctx, op.responseType) : undefined;
    const request = requestInterface(state, op, cast);
    const statements: Statement[] = [{ kind: Kind.Interface, ...request.structure }, { kind: Kind.Function, ...requestFunction(state, op, request.optional, cast) }];
    const count = countName(state, op);
    if (count && !functionNames.has(count)) statements.push(countStatements(state, op, count, cast));
    const data: RequestsUnit = {
      runtimeValues: [...state.runtimeValues],
      runtimeTypes: [...state.runtimeTypes],
      modelTypes: [...state.modelTypes],
      validators: [...state.validators],
      dates: [...state.dates],
      usesJson: state.usesJson,
      cast: cast ?? null,
    };
    return { statements: [statements], data };
  },
  assembledFromReports: true,
  assemble: (ctx, units) => {
    const runtimeValues = new Set(["createClient as createRuntimeClient", ...units.flatMap((unit) => unit.runtimeValues)]);
    const runtimeTypes = new Set(["Client", "ClientOptions", ...units.flatMap((unit) => unit.runtimeTypes)]);
    const modelTypes = new Set(units.flatMap((unit) => unit.modelTypes));
    const castMaps = new Map<string, CastMap>();
    for (const unit of units) if (unit.cast) castMaps.set(unit.cast.name, unit.cast);
    const tail: Statement[] = [];
    for (const map of [...castMaps.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      for (const [, ts] of map.entries) modelTypes.add(ts);
      modelTypes.add(map.base);
      tail.push(castMapDeclaration(map));
    }
    const head: Statement[] = [
      ...importOf("./runtime/http.js", runtimeTypes),
      ...importOf("./runtime/http.js", runtimeValues, false),
      ...importOf("./interfaces.js", [...modelTypes].filter((name) => !ctx.isEnum(name))),
      ...importOf("./enums.js", [...modelTypes].filter((name) => ctx.isEnum(name))),
      ...importOf("./runtime/json.js", units.some((unit) => unit.usesJson) ? ["JsonValue"] : []),
      ...importOf("./validators.js", units.flatMap((unit) => unit.validators), false),
      ...importOf("./dates.js", units.flatMap((unit) => unit.dates), false),
      clientStatements(ctx.version.apiVersion),
    ];
    return { head, tail };
  },
};

export const emitRequests: Emitter = emitterOf(requestUnits);

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

function requestInterface(state: RequestsFile, op: OperationModel, cast: CastMap | undefined): { structure: OptionalKind<InterfaceDeclarationStructure>; optional: boolean } {
  const properties: OptionalKind<PropertySignatureStructure>[] = pathAndRoute(op);
  if (cast) properties.push(castProperty(cast, "C"));
  const params = functionParamsType(state, op);
  if (params) {
    properties.push({ name: "params", type: params, hasQuestionToken: true, docs: ["Function parameters, sent as `name(a='x',b=5)` on the route's last segment (strings quoted, numbers and booleans bare)."] });
  }
  const query = queryType(state, op, cast);
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
      ...(cast ? { typeParameters: [castTypeParameter(cast)] } : {}),
      docs: [`Arguments of {@link ${functionName(op.id, state.ctx.options.naming)}}: ${[...properties.map((p) => p.name), "per-call options"].join(", ")}.`],
      properties,
    },
    optional: properties.every((property) => property.hasQuestionToken === true),
  };
}

/** `C extends keyof DirectoryObjectCasts | undefined = undefined`: the cast a call makes, none by default. */
function castTypeParameter(cast: CastMap): { name: string; constraint: string; default: string } {
  return { name: "C", constraint: `keyof ${cast.name} | undefined`, default: "undefined" };
}

function castProperty(cast: CastMap, type: string): OptionalKind<PropertySignatureStructure> {
  return {
    name: "cast",
    type,
    hasQuestionToken: true,
    docs: [`An OData type cast (\`/microsoft.graph.x\` after the route): only items of that derived type of ${cast.base}, typed as it.`],
  };
}

/** The `path` and `route` properties of a request type. */
function pathAndRoute(op: OperationModel): OptionalKind<PropertySignatureStructure>[] {
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
  return properties;
}

/** Primitives OData writes bare in a function call (no quotes), though they are strings here. */
const BARE_PRIMITIVES: ReadonlySet<string> = new Set(["Guid", "DateTimeOffset", "Date", "TimeOfDay"]);

/** `{ status?: string; count?: number }`: the function parameters, each optional. */
function functionParamsType(state: RequestsFile, op: OperationModel): string | undefined {
  return parametersType(state, op.functionParameters ?? []);
}

/** An object type of parameters (a function's, an action's body), each optional; undefined for none. */
function parametersType(state: RequestsFile, params: readonly PropertyModel[]): string | undefined {
  if (params.length === 0) return undefined;
  const use = (p: PropertyModel): string => useType(state, { type: p.type, collection: p.collection, ...(p.enumValues ? { enumValues: p.enumValues, flags: p.flags } : {}) });
  return `{ ${params.map((p) => `${propertyKey(p.name)}?: ${use(p)}`).join("; ")} }`;
}

/** `functionCall(request.params, ["fromDateTime"])`, or "" without function parameters. */
function functionCallExpression(state: RequestsFile, op: OperationModel): string {
  const params = op.functionParameters ?? [];
  if (params.length === 0) return "";
  state.runtimeValues.add("functionCall");
  const bare = params.filter((p) => !p.collection && BARE_PRIMITIVES.has(primitiveOf(state.ctx, p.type) ?? "")).map((p) => literal(p.name));
  return ` + functionCall(request.params${bare.length > 0 ? `, [${bare.join(", ")}]` : ""})`;
}

/** GET: collection query options (all of them) or single-object ones ($select, $expand), `$select` typed by the response type. */
function queryType(state: RequestsFile, op: OperationModel, cast: CastMap | undefined): string | undefined {
  if (op.method !== "GET") return undefined;
  const target = op.responseType ? state.ctx.typeByName(op.responseType) : undefined;
  const targetName = target && target.kind !== "enum" ? state.ctx.names.get(target.name) : undefined;
  let names = "string";
  if (targetName) {
    state.modelTypes.add(targetName);
    state.runtimeTypes.add("PropertyName");
    names = `PropertyName<${cast ? narrowed(state, cast) : targetName}>`;
  }
  const options = op.responseCollection ? "QueryOptions" : "ObjectQueryOptions";
  state.runtimeTypes.add(options);
  return `${options}<${names}>`;
}

/** `Narrowed<DirectoryObject, DirectoryObjectCasts, C>`: the response element under the call's cast. */
function narrowed(state: RequestsFile, cast: CastMap): string {
  state.runtimeTypes.add("Narrowed");
  return `Narrowed<${cast.base}, ${cast.name}, C>`;
}

/** The body of POST/PATCH/PUT: the documented request type, else any JSON (optional). */
function bodyType(state: RequestsFile, op: OperationModel): { type: string; required: boolean } | undefined {
  if (!BODY_METHODS.has(op.method)) return undefined;
  if (!op.requestType) {
    // An action's parameters, else any JSON.
    const parameters = parametersType(state, op.bodyParameters ?? []);
    if (parameters !== undefined) return { type: parameters, required: false };
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
function responseType(state: RequestsFile, op: OperationModel, cast: CastMap | undefined): string | undefined {
  if (op.successStatus === 204 || !op.responseType) return undefined;
  const documented = useType(state, { type: op.responseType, collection: false });
  const element = cast ? narrowed(state, cast) : documented;
  if (!op.responseCollection) return element;
  state.runtimeTypes.add("Collection");
  return `Collection<${element}>`;
}

function requestFunction(state: RequestsFile, op: OperationModel, optionalRequest: boolean, cast: CastMap | undefined): OptionalKind<FunctionDeclarationStructure> {
  state.runtimeValues.add("send");
  state.runtimeValues.add("buildPath");
  const typed = responseType(state, op, cast);
  // No documented response type (but not 204): keep whatever comes back, as untyped JSON.
  const untyped = typed === undefined && op.successStatus !== 204;
  if (untyped) state.usesJson = true;
  const result = typed ?? (untyped ? "JsonValue" : undefined);
  let path = routePath(state, op, cast);
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
    ...(cast ? { typeParameters: [castTypeParameter(cast)] } : {}),
    parameters: [
      { name: "client", type: "Client" },
      { name: "request", type: `${requestTypeName(op.id)}${cast ? "<C>" : ""}`, ...(optionalRequest ? { initializer: "{}" } : {}) },
    ],
    returnType: `Promise<${untyped ? "JsonValue | undefined" : (result ?? "void")}>`,
    statements: [result ? `return ${call};` : `await ${call};`],
  };
}

/** `buildPath([...], request.path) + castSegment(request.cast) + functionCall(request.params)`: the path without its query. */
function routePath(state: RequestsFile, op: OperationModel, cast: CastMap | undefined, withParams = true): string {
  const all = routes(op);
  const pathArgs = [`[${all.map(literal).join(", ")}]`, pathType(op) ? "request.path" : "undefined", ...(all.length > 1 ? ["request.route"] : [])];
  let path = `buildPath(${pathArgs.join(", ")})${withParams ? functionCallExpression(state, op) : ""}`;
  if (cast) {
    state.runtimeValues.add("castSegment");
    path += " + castSegment(request.cast)";
  }
  return path;
}

/** The `/$count` variant's name, for a collection GET whose examples count it. */
function countName(state: RequestsFile, op: OperationModel): string | undefined {
  if (op.countable !== true || op.method !== "GET" || !op.responseCollection) return undefined;
  return countFunctionName(functionName(op.id, state.ctx.options.naming), state.ctx.options.naming);
}

/** `listGroupMembersCount(client, { path, cast, query: { $filter } })`: `GET …/$count`, resolving to the number. */
function countStatements(state: RequestsFile, op: OperationModel, name: string, cast: CastMap | undefined): string {
  state.runtimeValues.add("countItems");
  state.runtimeValues.add("encodeQuery");
  state.runtimeTypes.add("CountQueryOptions");
  const properties = [...pathAndRoute(op), ...(cast ? [castProperty(cast, `keyof ${cast.name}`)] : [])];
  const typeName = requestTypeName(name);
  const members = [
    ...properties.map((p) => `  /** ${docText(String(p.docs?.[0] ?? ""))} */\n  ${p.name}${p.hasQuestionToken ? "?" : ""}: ${String(p.type)};`),
    "  /** Which items to count: `$filter`, `$search` (encoded for you). */\n  query?: CountQueryOptions;",
  ];
  const optional = properties.every((p) => p.hasQuestionToken === true);
  const path = `${routePath(state, op, cast, false)} + "/$count" + encodeQuery(request.query)`;
  return `/** Arguments of {@link ${name}}: ${[...properties.map((p) => p.name), "query", "per-call options"].join(", ")}. */
export interface ${typeName} extends RequestOptions {
${members.join("\n")}
}

/**
 * The number of items {@link ${functionName(op.id, state.ctx.options.naming)}} would list: \`GET ${docText(routes(op)[0] ?? "/")}/$count\`, as the docs' examples do.
 * Sends \`ConsistencyLevel: eventual\`; resolves to the count Graph returns as text/plain.
 * ${seeSource(op.sources[0])}
 */
export async function ${name}(client: Client, request: ${typeName}${optional ? " = {}" : ""}): Promise<number> {
  return countItems(client, ${path}, request);
}`;
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


/**
 * `requests.ts`: one typed function per operation, on top of `runtime/http.ts`.
 *
 * - `serviceRoot` and a `createClient(options?)` defaulting `baseUrl` to it (the `unversioned`
 *   folder has no service root, so there `baseUrl` is required);
 * - per operation an argument interface `XRequest extends RequestOptions` with `path` (one string
 *   per `{placeholder}` of the first documented path; `{id | userPrincipalName}` is named `id`)
 *   and `body` (the request type for POST/PATCH/PUT, `JsonValue` and optional when the docs name
 *   none); the argument is optional (`= {}`) when nothing in it is required;
 * - the function `x(client, request)` builds the path from the first documented path, each
 *   parameter percent-encoded into its segment, and calls `send`. It resolves to `void` when the
 *   success status is 204 or no response type is documented, to `Collection<T>` for collections,
 *   else to `T`. When a body is documented but the response has none (or not JSON), `send` throws
 *   `GraphError` with code "UnexpectedResponse" and the 2xx status: the call's type stays `T`, and
 *   the caller can tell the request itself went through. Other documented paths are listed in
 *   the doc comment only.
 */
import { StructureKind, type FunctionDeclarationStructure, type InterfaceDeclarationStructure, type OptionalKind, type PropertySignatureStructure } from "ts-morph";
import type { ApiVersion, OperationModel, PermissionKind, PermissionsModel } from "../model/types.js";
import type { EmitContext, Emitter, Statement } from "./context.js";
import { importOf } from "./imports.js";
import { functionName, propertyKey, requestTypeName } from "./naming.js";
import { docText, literal, mentionsType, referencedType, seeSource, tsType, type TypeUse } from "./ts-code.js";

const SERVICE_ROOTS: Record<ApiVersion, string> = {
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
  usesJson: boolean;
}

export const emitRequests: Emitter = (ctx) => {
  const state: RequestsFile = {
    ctx,
    runtimeValues: new Set(["createClient as createRuntimeClient"]),
    runtimeTypes: new Set(["Client", "ClientOptions"]),
    modelTypes: new Set(),
    usesJson: false,
  };
  const body: Statement[] = [clientStatements(ctx.version.apiVersion)];
  for (const op of ctx.version.operations) {
    const placeholders = pathPlaceholders(firstPath(op));
    const request = requestInterface(state, op, placeholders);
    body.push({ kind: StructureKind.Interface, ...request.structure });
    body.push({ kind: StructureKind.Function, ...requestFunction(state, op, placeholders, request.optional) });
  }
  return [
    ...importOf("./runtime/http.js", state.runtimeTypes),
    ...importOf("./runtime/http.js", state.runtimeValues, false),
    ...importOf("./interfaces.js", [...state.modelTypes].filter((name) => !isEnum(ctx, name))),
    ...importOf("./enums.js", [...state.modelTypes].filter((name) => isEnum(ctx, name))),
    ...importOf("./runtime/json.js", state.usesJson ? ["JsonValue"] : []),
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

/** The route the function calls: the first documented one, with a leading slash. */
function firstPath(op: OperationModel): string {
  const path = op.paths[0] ?? "/";
  return path.startsWith("/") ? path : `/${path}`;
}

/** Parameter names of the `{placeholders}` of a path, in order, without duplicates. */
function pathPlaceholders(path: string): string[] {
  return [...new Set([...path.matchAll(/\{([^{}]*)\}/g)].map((match) => placeholderName(match[1] ?? "")))];
}

/** `{id | userPrincipalName}` → `id` (as the model derives `pathParams[].name`). */
function placeholderName(inner: string): string {
  return (inner.split("|")[0] ?? "").trim();
}

function requestInterface(
  state: RequestsFile,
  op: OperationModel,
  placeholders: string[],
): { structure: OptionalKind<InterfaceDeclarationStructure>; optional: boolean } {
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  if (placeholders.length > 0) {
    properties.push({
      name: "path",
      type: `{ ${placeholders.map((name) => `${propertyKey(name)}: string`).join("; ")} }`,
      docs: ["Path parameters; each value is percent-encoded into its own path segment."],
    });
  }
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
      docs: [`Arguments of {@link ${functionName(op.id)}}: ${[...properties.map((p) => p.name), "per-call options"].join(", ")}.`],
      properties,
    },
    optional: properties.every((property) => property.hasQuestionToken === true),
  };
}

/** The body of POST/PATCH/PUT: the documented request type, else any JSON (optional). */
function bodyType(state: RequestsFile, op: OperationModel): { type: string; required: boolean } | undefined {
  if (!BODY_METHODS.has(op.method)) return undefined;
  if (!op.requestType) {
    state.usesJson = true;
    return { type: "JsonValue", required: false };
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

function requestFunction(
  state: RequestsFile,
  op: OperationModel,
  placeholders: string[],
  optionalRequest: boolean,
): OptionalKind<FunctionDeclarationStructure> {
  state.runtimeValues.add("send");
  if (placeholders.length > 0) state.runtimeValues.add("encodePathParam");
  const typed = responseType(state, op);
  // No documented response type (but not 204): keep whatever comes back, as untyped JSON.
  const untyped = typed === undefined && op.successStatus !== 204;
  if (untyped) state.usesJson = true;
  const result = typed ?? (untyped ? "JsonValue" : undefined);
  const sendArgs = [
    `method: ${literal(op.method)}`,
    `path: ${pathExpression(firstPath(op))}`,
    ...(BODY_METHODS.has(op.method) ? ["body: request.body"] : []),
    `expectBody: ${typed !== undefined}`,
    "options: request",
  ];
  const call = `send${result ? `<${result}>` : ""}(client, { ${sendArgs.join(", ")} })`;
  return {
    name: functionName(op.id),
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

/** A string literal, or a template literal for the path: static text escaped, each `{placeholder}` an encoded parameter. */
function pathExpression(path: string): string {
  if (pathPlaceholders(path).length === 0) return literal(path);
  let code = "";
  let last = 0;
  for (const match of path.matchAll(/\{([^{}]*)\}/g)) {
    code += templateText(path.slice(last, match.index));
    code += `\${encodePathParam(request.path${memberAccess(placeholderName(match[1] ?? ""))})}`;
    last = match.index + match[0].length;
  }
  return `\`${code}${templateText(path.slice(last))}\``;
}

/** `.name` for identifiers, `["site-id"]` otherwise. */
function memberAccess(name: string): string {
  const key = propertyKey(name);
  return key === name ? `.${key}` : `[${key}]`;
}

function templateText(text: string): string {
  return text.replace(/[\\`]|\$\{/g, (special) => `\\${special}`);
}

function functionDocs(op: OperationModel): string {
  const description = op.description && docText(op.description) !== docText(op.title) ? docText(op.description) : "";
  const otherPaths = op.paths.slice(1).map((path) => `\`${op.method} ${docText(path)}\``);
  const details = [
    `HTTP: \`${op.method} ${docText(firstPath(op))}\``,
    otherPaths.length > 0 ? `Also documented as: ${otherPaths.join(", ")} (not used here).` : "",
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

function isEnum(ctx: EmitContext, tsName: string): boolean {
  return ctx.version.types.some((t) => t.kind === "enum" && ctx.names.get(t.name) === tsName);
}

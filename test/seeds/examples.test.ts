/**
 * Every example of every seed document, end to end through the committed generated/ code:
 * request and response bodies through the generated validators, and the request through the
 * generated request function to a real HTTP server on 127.0.0.1 that records what arrives and
 * answers with the doc's example response. Method, path and body are asserted; the lot is snapshotted.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/emitters/context.js";
import { functionName, validatorName, versionFolder } from "../../src/emitters/naming.js";
import type { ExampleModel, JsonValue, OperationModel } from "../../src/model/types.js";
import { ROOT, seedModel } from "../helpers.js";
import { jsonReply, ScriptedServer } from "../scripted-server.js";

const model = seedModel();

let server: ScriptedServer;
beforeAll(async () => {
  server = await ScriptedServer.start();
});
afterAll(() => server.close());

type Fn = (...args: unknown[]) => unknown;

async function generatedApi(op: OperationModel): Promise<Record<string, Fn>> {
  const loaded: unknown = await import(pathToFileURL(path.join(ROOT, "generated", versionFolder(op.apiVersion), "index.ts")).href);
  const api: Record<string, Fn> = {};
  for (const [key, value] of Object.entries(loaded as Record<string, unknown>)) if (typeof value === "function") api[key] = value as Fn; // module namespace object
  return api;
}

function validatorFor(op: OperationModel, typeName: string | undefined): string | undefined {
  if (!typeName) return undefined;
  const ctx = createContext(op.apiVersion, model.types.filter((t) => t.apiVersion === op.apiVersion), []);
  const tsName = ctx.names.get(typeName);
  return tsName ? validatorName(tsName) : undefined;
}

/** Path parameter values from the example URL, matching the route template from its end (the host part may be broken). */
function pathValues(template: string, url: string): Record<string, string> {
  const templateSegments = template.split("/").filter(Boolean);
  const urlPath = url.replace(/^https?:\/\/[^/]+/, "").split("?")[0] ?? "";
  const urlSegments = urlPath.split("/").filter(Boolean).slice(-templateSegments.length);
  const values: Record<string, string> = {};
  templateSegments.forEach((segment, i) => {
    const name = /^\{([^}|]+)/.exec(segment)?.[1]?.trim();
    if (name) values[name] = decodeURIComponent(urlSegments[i] ?? "");
  });
  return values;
}

function expectedPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}|]+)[^}]*\}/g, (_m, name: string) => encodeURIComponent(values[name.trim()] ?? ""));
}

const cases = model.operations.flatMap((op) => op.examples.map((example, index) => ({ op, example, index })));

describe("seed examples through generated validators and request functions", () => {
  it("there is an example for every operation", () => {
    expect(cases.map((c) => `${c.op.id}#${c.index}`)).toEqual([
      "updateSecurityAction#0",
      "createRemoteActionAudit#0",
      "updateDeviceComplianceDeviceStatus#0",
      "updateRemoteActionAudit#0",
      "updateRemoteActionAudit#1",
    ]);
  });

  it.each(cases.map((c) => [`${c.op.id}#${c.index}`, c] as const))("%s", async (_name, { op, example }) => {
    const api = await generatedApi(op);
    const outcome = await replay(api, op, example);
    expect(outcome).toMatchSnapshot();
  });
});

describe("003's example contradicts its own table", () => {
  it("fails validation on /status in both the request and the response", async () => {
    const c = cases.find((x) => x.op.id === "updateSecurityAction");
    if (!c) throw new Error("no updateSecurityAction example");
    const outcome = await replay(await generatedApi(c.op), c.op, c.example);
    const paths = (v: unknown) => (typeof v === "object" && v !== null && "errors" in v && Array.isArray(v.errors) ? v.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`) : v);
    expect(paths(outcome.requestValidation)).toEqual(["/status enum"]);
    expect(paths(outcome.responseValidation)).toEqual(["/status enum"]);
  });
});

async function replay(api: Record<string, Fn>, op: OperationModel, example: ExampleModel) {
  const validate = (typeName: string | undefined, body: JsonValue | undefined) => {
    const name = validatorFor(op, typeName);
    const fn = name ? api[name] : undefined;
    return fn && body !== undefined ? fn(body) : "no validator";
  };
  const request = example.request;
  const response = example.response;
  const template = op.paths[0] ?? "";
  const values = request ? pathValues(template, request.url) : {};
  server.reset(response?.body === undefined ? { status: response?.status ?? 200, body: "" } : jsonReply(response.status, response.body));

  const call = api[functionName(op.id)];
  const createClient = api["createClient"];
  if (!call || !createClient) throw new Error(`generated code lacks ${functionName(op.id)} or createClient`);
  const client = createClient({ baseUrl: server.origin, auth: "test-token" });
  const args: Record<string, unknown> = {};
  if (op.pathParams.length > 0) args["path"] = values;
  if (request?.body !== undefined) args["body"] = request.body;
  const result = await call(client, args);

  const sent = server.recorded[0];
  expect(server.recorded).toHaveLength(1);
  expect(sent?.method).toBe(request?.method);
  expect(sent?.url).toBe(expectedPath(template, values));
  expect(sent?.body === "" ? undefined : JSON.parse(sent?.body ?? "")).toEqual(request?.body);
  expect(sent?.headers["authorization"]).toBe("Bearer test-token");
  if (response?.body !== undefined) expect(result).toEqual(response.body);

  return {
    source: request?.source ?? response?.source,
    requestValidation: validate(op.requestType, request?.body),
    responseValidation: validate(op.responseType, response?.body),
    sent: { method: sent?.method, path: sent?.url, pathParams: values },
    responseStatus: response?.status,
  };
}

/**
 * OData path features of the request functions, against a local node:http server: `/$count`
 * variants, typed type casts and function parameters in call syntax. The generated code, with a
 * consumer file exercising the narrowed types, must also pass strict tsc.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, OperationModel, TypeModel } from "../../src/model/types.js";
import { operation, property, type } from "../fixtures/model-builders.js";
import { ROOT, STRICT_TSC } from "../helpers.js";
import { generateInto, importGenerated } from "./generate.js";
import { ScriptedServer } from "../scripted-server.js";

const entity = (name: string, rest: Partial<TypeModel> = {}): TypeModel => type(name, { properties: [property("id", "String")], ...rest });
const op = (rest: Partial<OperationModel> & Pick<OperationModel, "id" | "paths">): OperationModel => operation({ responseCollection: true, ...rest });

const MODEL: ApiModel = {
  diagnostics: [],
  types: [
    entity("directoryObject"),
    entity("user", { baseType: "directoryObject", properties: [property("displayName", "String")] }),
    entity("group", { baseType: "directoryObject", properties: [property("mail", "String")] }),
    entity("session", { baseType: "directoryObject", namespace: "microsoft.graph.callRecords" }),
    entity("report", { kind: "complex" }),
  ],
  operations: [
    op({ id: "listMembers", paths: ["/groups/{id}/members"], responseType: "directoryObject", countable: true }),
    op({ id: "getManager", paths: ["/me/manager"], responseType: "directoryObject", responseCollection: false }),
    op({ id: "listReports", paths: ["/reports"], responseType: "report" }),
    op({
      id: "getTopApps",
      paths: ["/apps/getTopApps"],
      responseType: "report",
      functionParameters: [property("status", "String"), property("count", "Int64"), property("fromDateTime", "DateTimeOffset"), property("all", "Boolean")],
    }),
    op({ id: "getCounts", paths: ["/reports/getCounts(period='{period_value}')"], responseType: "report", responseCollection: false }),
    op({
      id: "recordDecisions",
      method: "POST",
      paths: ["/reviews/{id}/batchRecordDecisions"],
      responseCollection: false,
      successStatus: 204,
      bodyParameters: [property("decision", "String", { enumValues: ["Approve", "Deny"] }), property("justification", "String"), property("principalIds", "String", { collection: true })],
    }),
  ],
};

describe("count, cast and function parameters", () => {
  let server: ScriptedServer;
  let reply = { type: "application/json", body: '{"value":[]}' };
  let api: Record<string, unknown>;
  let dir = "";

  beforeAll(async () => {
    server = await ScriptedServer.start();
    dir = await generateInto(MODEL, "odata");
    api = await importGenerated(dir, "beta");
  });
  afterAll(() => server.close());

  // The generated functions, called as a consumer would (their types are checked by tsc below).
  async function call(name: string, request: unknown): Promise<unknown> {
    const fn = api[name];
    const createClient = api["createClient"];
    if (typeof fn !== "function" || typeof createClient !== "function") throw new Error(`missing ${name}`);
    server.reset({ status: 200, headers: { "content-type": reply.type }, body: reply.body });
    return fn(createClient({ baseUrl: server.origin, retry: false }), request);
  }

  it("counts a collection with GET …/$count, text/plain and ConsistencyLevel, resolving to a number", async () => {
    reply = { type: "text/plain", body: "17" };
    expect(await call("listMembersCount", { path: { id: "g 1" }, cast: "microsoft.graph.user", query: { $filter: "accountEnabled eq true" } })).toBe(17);
    expect(server.recorded.map((s) => [s.method, s.url, s.headers["accept"], s.headers["consistencylevel"]])).toEqual([
      ["GET", "/groups/g%201/members/microsoft.graph.user/$count?$filter=accountEnabled%20eq%20true", "text/plain", "eventual"],
    ]);
  });

  it("rejects a count body that is not a non-negative integer", async () => {
    reply = { type: "text/plain", body: "many" };
    await expect(call("listMembersCount", { path: { id: "g1" } })).rejects.toMatchObject({ code: "UnexpectedResponse" });
  });

  it("offers a count variant only where the docs count", () => {
    expect(Object.keys(api).filter((name) => name.endsWith("Count")).sort()).toEqual(["listMembersCount"]);
  });

  it("appends a cast segment, with a sub-namespace's qualified name, and none without cast", async () => {
    reply = { type: "application/json", body: '{"value":[]}' };
    await call("listMembers", { path: { id: "g1" }, cast: "microsoft.graph.callRecords.session" });
    await call("listMembers", { path: { id: "g1" } });
    reply = { type: "application/json", body: '{"id":"u"}' };
    await call("getManager", { cast: "microsoft.graph.user" });
    expect(server.recorded.map((s) => s.url)).toEqual(["/me/manager/microsoft.graph.user"]);
    await expect(call("getManager", { cast: "../x" })).rejects.toThrow(RangeError);
  });

  it("sends function parameters in OData call syntax: strings quoted with '' escaping, numbers, booleans and dates bare", async () => {
    reply = { type: "application/json", body: '{"value":[]}' };
    await call("getTopApps", { params: { status: "it's new", count: 5, fromDateTime: "2019-11-01T00:00:00Z", all: false } });
    expect(server.recorded.map((s) => decodeURIComponent(s.url))).toEqual(["/apps/getTopApps(status='it''s new',count=5,fromDateTime=2019-11-01T00:00:00Z,all=false)"]);
    await call("getTopApps", {});
    expect(server.recorded.map((s) => s.url)).toEqual(["/apps/getTopApps"]);
    await expect(call("getTopApps", { params: { count: Number.NaN } })).rejects.toThrow(RangeError);
  });

  it("doubles quotes of a path parameter written inside a quoted function argument", async () => {
    reply = { type: "application/json", body: "{}" };
    await call("getCounts", { path: { period_value: "D'7" } });
    expect(server.recorded.map((s) => decodeURIComponent(s.url))).toEqual(["/reports/getCounts(period='D''7')"]);
  });

  it("sends an action's parameters as its JSON body", async () => {
    reply = { type: "application/json", body: "" };
    await call("recordDecisions", { path: { id: "r1" }, body: { decision: "Approve", principalIds: ["a", "b"] } });
    expect(server.recorded.map((s) => [s.method, s.url, JSON.parse(s.body)])).toEqual([["POST", "/reviews/r1/batchRecordDecisions", { decision: "Approve", principalIds: ["a", "b"] }]]);
  });

  it("types the cast as the derived types' OData names and narrows the response; no cast without derived types", () => {
    const consumer = path.join(dir, "consumer.ts");
    writeFileSync(
      consumer,
      `import { createClient, getTopApps, listMembers, listMembersCount, listReports, recordDecisions, type DirectoryObjectCasts, type User } from "./beta/index.js";
const client = createClient();
export async function use(): Promise<void> {
  const users = await listMembers(client, { path: { id: "g" }, cast: "microsoft.graph.user", query: { $select: ["displayName"] } });
  const first: User | undefined = users.value[0];
  const all = await listMembers(client, { path: { id: "g" } });
  const n: number = await listMembersCount(client, { path: { id: "g" }, cast: "microsoft.graph.group" });
  await getTopApps(client, { params: { status: "a", count: 1 } });
  await listReports(client);
  const key: keyof DirectoryObjectCasts = "microsoft.graph.callRecords.session";
  // @ts-expect-error a type the docs do not derive from directoryObject
  await listMembers(client, { path: { id: "g" }, cast: "microsoft.graph.report" });
  // @ts-expect-error $select names the cast type's properties
  await listMembers(client, { path: { id: "g" }, cast: "microsoft.graph.user", query: { $select: ["mail"] } });
  // @ts-expect-error function parameters are typed
  await getTopApps(client, { params: { count: "5" } });
  // @ts-expect-error no cast where nothing derives from the response type
  await listReports(client, { cast: "microsoft.graph.user" });
  await recordDecisions(client, { path: { id: "r" }, body: { decision: "Deny", justification: "j", principalIds: ["p"] } });
  // @ts-expect-error an action's body parameters are typed
  await recordDecisions(client, { path: { id: "r" }, body: { decision: "Maybe" } });
  void [first, all, n, key];
}
`,
    );
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT_TSC, "--module", "nodenext", "--moduleResolution", "nodenext", consumer], { cwd: ROOT, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});

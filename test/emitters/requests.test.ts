/**
 * Request functions end to end: a small model is generated into test/.tmp/, the generated code is
 * imported at run time and called against a real local HTTP server that records every request
 * and answers from a per-test script. The generated folders are also type-checked with tsc.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiModel } from "../../src/model/types.js";
import { fixtureSource, operation, property, type } from "../fixtures/model-builders.js";
import { ROOT } from "../helpers.js";
import { generateInto, importGenerated } from "./generate.js";
import { jsonReply, ScriptedServer } from "../scripted-server.js";

const MODEL: ApiModel = {
  diagnostics: [],
  types: [
    type("item", { properties: [property("id", "String"), property("name", "String"), property("status", "itemStatus")] }),
    type("itemStatus", { kind: "enum", members: ["active", "archived"] }),
    type("thing", { apiVersion: null,  properties: [property("id", "String"), property("kind", "thingKind")] }),
    type("thingKind", { apiVersion: null,  kind: "enum", members: ["small", "big"] }),
  ],
  operations: [
    operation({ id: "createItem", method: "POST", paths: ["/items"], requestType: "item", responseType: "item", successStatus: 201 }),
    operation({ id: "deleteItem", method: "DELETE", paths: ["/items/{itemId}"], successStatus: 204 }),
    operation({ id: "listItems", method: "GET", paths: ["/items"], responseType: "item", responseCollection: true }),
    operation({
      id: "updateSiteItem",
      method: "PATCH",
      paths: ["/sites/{site-id}/items/{itemId | name}", "/me/items/{itemId}"],
      requestType: "item",
      responseType: "item",
      permissions: {
        declaredOrder: "leastToMost",
        entries: [{ kind: "delegatedWork", scopes: ["Sites.ReadWrite.All", "Sites.FullControl.All"], supported: true, source: fixtureSource }],
      },
    }),
    operation({ id: "getThing", apiVersion: null, method: "GET", paths: ["/things/{id}"], responseType: "thing" }),
  ],
};

/** The parts of the generated API the tests call (the module is imported at run time). */
interface Item {
  id?: string | null;
  name?: string | null;
  status?: "active" | "archived" | null;
}
interface Client {
  baseUrl: string;
}
interface ClientOptions {
  baseUrl?: string;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  auth?: string | (() => string | Promise<string>);
  headers?: Record<string, string>;
}
interface CallOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}
interface GeneratedApi {
  serviceRoot: string;
  createClient(options?: ClientOptions): Client;
  createItem(client: Client, request: CallOptions & { body: Item }): Promise<Item>;
  deleteItem(client: Client, request: CallOptions & { path: { itemId: string } }): Promise<void>;
  listItems(client: Client, request?: CallOptions): Promise<{ value: Item[]; "@odata.nextLink"?: string }>;
  updateSiteItem(client: Client, request: CallOptions & { path: { "site-id": string; itemId: string }; body: Item }): Promise<Item>;
  encodePathParam(value: string | number): string;
  GraphError: new (...args: never[]) => Error & { status: number; code?: string; requestId?: string; innerError: unknown; body: unknown };
}

let dir: string;
let api: GeneratedApi;
let server: ScriptedServer;
const json = jsonReply;

beforeAll(async () => {
  dir = await generateInto(MODEL, "requests");
  // The shape is what the generator promises; the assertions below check it. index.ts exports
  // the versioned createClient (base URL defaulting to the service root) by name.
  api = (await importGenerated(dir, "beta")) as unknown as GeneratedApi;
  server = await ScriptedServer.start();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => server.reset());

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("generated request functions", () => {
  it("PATCH: encodes path params into one segment each, sends JSON, bearer token and merged headers", async () => {
    const client = api.createClient({ baseUrl: `${server.origin}/beta/`, auth: "static-token", headers: { "X-Client": "c", "X-Both": "client" } });
    server.replies = [json(200, { id: "a/b c", name: "renamed" })];
    const result = await api.updateSiteItem(client, {
      path: { "site-id": "contoso.com,a/b c", itemId: "it's" },
      body: { name: "renamed" },
      headers: { "x-both": "call", ConsistencyLevel: "eventual" },
    });
    expect(result).toEqual({ id: "a/b c", name: "renamed" });
    expect(server.recorded).toHaveLength(1);
    const [request] = server.recorded;
    expect(request!.method).toBe("PATCH");
    expect(request!.url).toBe("/beta/sites/contoso.com%2Ca%2Fb%20c/items/it%27s");
    expect(JSON.parse(request!.body)).toEqual({ name: "renamed" });
    expect(request!.headers).toMatchObject({
      authorization: "Bearer static-token",
      accept: "application/json",
      "content-type": "application/json",
      "x-client": "c",
      "x-both": "call",
      consistencylevel: "eventual",
    });
  });

  it("awaits an async token provider on every request", async () => {
    let calls = 0;
    const client = api.createClient({ baseUrl: server.origin, auth: async () => `token-${++calls}` });
    server.replies = [json(200, { value: [] }), json(200, { value: [] })];
    await api.listItems(client);
    await api.listItems(client, {});
    expect(server.recorded.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("GET collection: no body, no Content-Type, resolves to the collection page", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    const page = { value: [{ id: "1" }, { id: "2", status: "archived" }], "@odata.nextLink": `${server.origin}/items?$skiptoken=x` };
    server.replies = [json(200, page)];
    expect(await api.listItems(client)).toEqual(page);
    expect(server.recorded[0]).toMatchObject({ method: "GET", url: "/items", body: "" });
    expect(server.recorded[0]!.headers["content-type"]).toBeUndefined();
    expect(server.recorded[0]!.headers.authorization).toBeUndefined();
  });

  it("POST 201 resolves to the created object", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [json(201, { id: "new", name: "n" })];
    expect(await api.createItem(client, { body: { name: "n", status: "active" } })).toEqual({ id: "new", name: "n" });
    expect(server.recorded[0]).toMatchObject({ method: "POST", url: "/items" });
    expect(JSON.parse(server.recorded[0]!.body)).toEqual({ name: "n", status: "active" });
  });

  it("DELETE 204 resolves to undefined", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [{ status: 204 }];
    await expect(api.deleteItem(client, { path: { itemId: "x" } })).resolves.toBeUndefined();
    expect(server.recorded[0]).toMatchObject({ method: "DELETE", url: "/items/x" });
  });

  it("uses an injected fetch, and otherwise the global fetch as it is at call time", async () => {
    let injected = 0;
    const client = api.createClient({
      baseUrl: server.origin,
      fetch: (input, init) => {
        injected++;
        return fetch(input, init);
      },
    });
    server.replies = [{ status: 204 }];
    await api.deleteItem(client, { path: { itemId: "1" } });
    expect(injected).toBe(1);

    const plain = api.createClient({ baseUrl: server.origin });
    const original = globalThis.fetch;
    let global = 0;
    vi.stubGlobal("fetch", (input: string, init: RequestInit) => {
      global++;
      return original(input, init);
    });
    server.replies = [{ status: 204 }];
    await api.deleteItem(plain, { path: { itemId: "2" } });
    expect(global).toBe(1);
    expect(server.recorded).toHaveLength(2);
  });

  it("defaults baseUrl to the version's service root", () => {
    expect(api.serviceRoot).toBe("https://graph.microsoft.com/beta");
    expect(api.createClient().baseUrl).toBe("https://graph.microsoft.com/beta");
  });
});

describe("errors", () => {
  const notFound = {
    error: {
      code: "Request_ResourceNotFound",
      message: "Resource not found",
      innerError: { "request-id": "inner-id", date: "2024-01-01T00:00:00" },
    },
  };

  it("turns a Graph error body into a GraphError", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [json(404, notFound, { "request-id": "header-id" })];
    const error = await api.updateSiteItem(client, { path: { "site-id": "s", itemId: "i" }, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.GraphError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "GraphError",
      status: 404,
      code: "Request_ResourceNotFound",
      requestId: "header-id",
      innerError: notFound.error.innerError,
      body: notFound,
      message: "PATCH /sites/s/items/i failed: 404 Request_ResourceNotFound: Resource not found",
    });
  });

  it("takes the request id from innerError without a header, and keeps a text body", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [json(403, notFound), { status: 502, body: "Bad gateway" }];
    await expect(api.listItems(client)).rejects.toMatchObject({ status: 403, requestId: "inner-id" });
    await expect(api.listItems(client)).rejects.toMatchObject({
      status: 502,
      code: undefined,
      body: "Bad gateway",
      message: "GET /items failed: 502 Bad gateway",
    });
  });

  it("rejects a success without the documented body (the request itself succeeded)", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [{ status: 204 }, { status: 200, body: "<html>" }];
    await expect(api.updateSiteItem(client, { path: { "site-id": "s", itemId: "i" }, body: {} })).rejects.toMatchObject({
      status: 204,
      code: "UnexpectedResponse",
    });
    await expect(api.listItems(client)).rejects.toMatchObject({ status: 200, code: "UnexpectedResponse", body: "<html>" });
  });

  it("rejects when the signal is aborted, before or during the request", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    await expect(api.listItems(client, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(server.recorded).toHaveLength(0);

    const controller = new AbortController();
    server.replies = [{ status: 200, hang: true }];
    const reached = server.nextArrival();
    const pending = api.listItems(client, { signal: controller.signal });
    await reached;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses path parameters that would change the route", () => {
    expect(api.encodePathParam("a/b c'")).toBe("a%2Fb%20c%27");
    expect(api.encodePathParam(42)).toBe("42");
    for (const bad of ["", ".", ".."]) expect(() => api.encodePathParam(bad)).toThrow(RangeError);
  });
});

describe("generated folders type-check", () => {
  const MODULES = [
    ["nodenext", "nodenext"],
    ["esnext", "bundler"],
  ] as const;

  function typeCheck(file: string, module: string, resolution: string): string {
    const tsc = join(ROOT, "node_modules/.bin/tsc");
    const args = ["--ignoreConfig", "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", module, "--moduleResolution", resolution, file];
    // --ignoreConfig: with files on the command line, tsc refuses to run below a tsconfig.json.
    const run = spawnSync(tsc, args, { cwd: dir, encoding: "utf8" });
    return `exit ${run.status}\n${run.stdout}${run.stderr}`;
  }

  for (const folder of ["beta", "unversioned"]) {
    for (const [module, resolution] of MODULES) {
      it(`${folder}/requests.ts with --module ${module}`, () => {
        expect(typeCheck(`${folder}/requests.ts`, module, resolution)).toBe("exit 0\n");
      });
      it(`${folder}/index.ts with --module ${module}`, () => {
        expect(typeCheck(`${folder}/index.ts`, module, resolution)).toBe("exit 0\n");
      });
    }
  }
});

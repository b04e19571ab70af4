/**
 * Request functions in production conditions, against a real local HTTP server (127.0.0.1, port 0)
 * that records what arrives and answers from a per-test script: query options, alternative keys
 * and /me routes, paging with `@odata.nextLink`, retries with Retry-After, timeouts, response
 * validation, Graph error details, and the typed surface (body types, `$select` names) via tsc.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiModel } from "../../src/model/types.js";
import { operation, property, type } from "../fixtures/model-builders.js";
import { ROOT } from "../helpers.js";
import { generateInto, importGenerated } from "./generate.js";
import { jsonReply, ScriptedServer } from "../scripted-server.js";

const MODEL: ApiModel = {
  diagnostics: [],
  types: [
    type("item", {
      properties: [property("id", "String", { readOnly: true }), property("name", "String"), property("size", "Int32"), property("createdDateTime", "DateTimeOffset", { readOnly: true })],
    }),
  ],
  operations: [
    operation({ id: "listItems", method: "GET", paths: ["/items"], responseType: "item", responseCollection: true }),
    operation({ id: "getUserItem", method: "GET", paths: ["/users/{id | userPrincipalName}/items/{itemId}", "/me/items/{itemId}"], responseType: "item" }),
    operation({ id: "createItem", method: "POST", paths: ["/items"], requestType: "item", responseType: "item", successStatus: 201 }),
    operation({ id: "updateItem", method: "PATCH", paths: ["/items/{itemId}"], requestType: "item", successStatus: 204 }),
  ],
};

interface Item {
  id?: string | null;
  name?: string | null;
  size?: number | null;
}
interface Client {
  baseUrl: string;
}
interface Page {
  value: Item[];
  "@odata.nextLink"?: string;
}
interface Call {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: false | { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number };
  validateResponse?: boolean;
}
interface Query {
  $select?: string[];
  $expand?: string[] | string;
  $filter?: string;
  $orderby?: string[] | string;
  $top?: number;
  $skip?: number;
  $count?: boolean;
  $search?: string;
}
interface Api {
  createClient(options?: Record<string, unknown>): Client;
  listItems(client: Client, request?: Call & { query?: Query }): Promise<Page>;
  getUserItem(client: Client, request: Call & { path: { id?: string; itemId: string }; route?: string; query?: Query }): Promise<Item>;
  createItem(client: Client, request: Call & { body: Item }): Promise<Item>;
  iterateItems(client: Client, first: Page | Promise<Page>, options?: Call): AsyncIterable<Item>;
}

let dir = "";
let api: Api;
let server: ScriptedServer;
const json = jsonReply;

beforeAll(async () => {
  dir = await generateInto(MODEL, "requests-production");
  // The generated module's shape is what the generator promises; the tests below exercise it.
  api = (await importGenerated(dir, "beta")) as unknown as Api;
  server = await ScriptedServer.start();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => server.reset());

describe("query options", () => {
  it("encodes every option in a fixed order, quotes $search and asks for eventual consistency", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [json(200, { value: [] })];
    await api.listItems(client, {
      query: { $search: "displayName:a b", $count: true, $skip: 5, $top: 10, $orderby: ["name desc", "size"], $filter: "startswith(name,'a&b')", $expand: "owner", $select: ["id", "name"] },
    });
    // fetch's URL parser percent-encodes the quote of the filter literal; Graph decodes both forms.
    expect(server.recorded[0]!.url).toBe(
      "/items?$select=id,name&$expand=owner&$filter=startswith(name%2C%27a%26b%27)&$orderby=name%20desc,size&$top=10&$skip=5&$count=true&$search=%22displayName%3Aa%20b%22",
    );
    expect(server.recorded[0]!.headers.consistencylevel).toBe("eventual");
  });

  it("keeps an already quoted $search, omits empty options, and refuses a bad $top", async () => {
    const client = api.createClient({ baseUrl: server.origin, headers: { ConsistencyLevel: "session" } });
    server.replies = [json(200, { value: [] })];
    await api.listItems(client, { query: { $search: '"a" OR "b"', $select: [] } });
    expect(server.recorded[0]!.url).toBe("/items?$search=%22a%22%20OR%20%22b%22");
    expect(server.recorded[0]!.headers.consistencylevel).toBe("session");
    await expect(api.listItems(client, { query: { $top: -1 } })).rejects.toThrow(RangeError);
    await expect(api.listItems(client, { query: { $skip: 1.5 } })).rejects.toThrow(RangeError);
    expect(server.recorded).toHaveLength(1);
  });
});

describe("routes", () => {
  it("chooses /me without the user key, the alternative-key route with it, and an explicit route", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    server.replies = [json(200, {}), json(200, {}), json(200, {})];
    await api.getUserItem(client, { path: { itemId: "i 1" }, query: { $select: ["name"], $expand: ["x($select=id)"] } });
    await api.getUserItem(client, { path: { id: "adele@contoso.com", itemId: "i" } });
    await api.getUserItem(client, { path: { id: "ignored", itemId: "i" }, route: "/me/items/{itemId}" });
    expect(server.recorded.map((r) => r.url)).toEqual([
      "/me/items/i%201?$select=name&$expand=x(%24select%3Did)",
      "/users/adele%40contoso.com/items/i",
      "/me/items/i",
    ]);
  });

  it("refuses a call whose parameters fit no route", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    // Deliberately missing itemId, which the type catches: at run time no route fits.
    // @ts-expect-error itemId is required
    await expect(api.getUserItem(client, { path: { id: "x" } })).rejects.toThrow(/Missing path parameter\(s\) itemId/);
    expect(server.recorded).toHaveLength(0);
  });
});

describe("paging", () => {
  it("iterates every item across pages, following @odata.nextLink with auth and options", async () => {
    let tokens = 0;
    const client = api.createClient({ baseUrl: `${server.origin}/beta`, auth: () => `t${++tokens}` });
    server.replies = [
      json(200, { value: [{ id: "1" }, { id: "2" }], "@odata.nextLink": `${server.origin}/beta/items?$skiptoken=a%2Cb` }),
      json(200, { value: [], "@odata.nextLink": `${server.origin}/beta/items?$skiptoken=c` }),
      json(200, { value: [{ id: "3" }] }),
    ];
    const ids: string[] = [];
    for await (const item of api.iterateItems(client, api.listItems(client, { query: { $top: 2 } }), { headers: { "x-page": "yes" } })) ids.push(item.id ?? "");
    expect(ids).toEqual(["1", "2", "3"]);
    expect(server.recorded.map((r) => r.url)).toEqual(["/beta/items?$top=2", "/beta/items?$skiptoken=a%2Cb", "/beta/items?$skiptoken=c"]);
    expect(server.recorded.map((r) => r.headers.authorization)).toEqual(["Bearer t1", "Bearer t2", "Bearer t3"]);
    expect(server.recorded.slice(1).map((r) => r.headers["x-page"])).toEqual(["yes", "yes"]);
  });

  it("refuses a nextLink on another origin (the token would leak)", async () => {
    const client = api.createClient({ baseUrl: server.origin, auth: "secret" });
    const items = api.iterateItems(client, { value: [{ id: "1" }], "@odata.nextLink": "https://elsewhere.example/items?page=2" });
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of items) seen.push(item);
      })(),
    ).rejects.toMatchObject({ name: "GraphError", code: "ForeignLink" });
    expect(seen).toEqual([{ id: "1" }]);
    expect(server.recorded).toHaveLength(0);
  });
});

describe("retries and timeouts", () => {
  it("retries 429, 503 and 504, honouring Retry-After in seconds", async () => {
    const client = api.createClient({ baseUrl: server.origin, retry: { baseDelayMs: 1 } });
    server.replies = [json(429, {}, { "retry-after": "1" }), { status: 503 }, { status: 504 }, json(200, { value: [{ id: "ok" }] })];
    const started = performance.now();
    expect((await api.listItems(client)).value).toEqual([{ id: "ok" }]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.recorded).toHaveLength(4);
  });

  it("stops after maxRetries, and does not retry other statuses", async () => {
    const client = api.createClient({ baseUrl: server.origin, retry: { maxRetries: 2, baseDelayMs: 1 } });
    server.replies = [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }];
    await expect(api.listItems(client)).rejects.toMatchObject({ status: 503 });
    expect(server.recorded).toHaveLength(3);
    server.recorded = [];
    server.replies = [{ status: 500 }, json(200, { value: [] })];
    await expect(api.listItems(client)).rejects.toMatchObject({ status: 500 });
    expect(server.recorded).toHaveLength(1);
  });

  it("is off when the caller says so, and does not wait for a Retry-After beyond maxDelayMs", async () => {
    const client = api.createClient({ baseUrl: server.origin, retry: false });
    server.replies = [json(429, { error: { code: "TooManyRequests", message: "slow down" } }, { "retry-after": "7" })];
    await expect(api.listItems(client)).rejects.toMatchObject({ status: 429, code: "TooManyRequests", retryAfterMs: 7000 });
    const patient = api.createClient({ baseUrl: server.origin, retry: { maxDelayMs: 2000 } });
    server.replies = [json(429, {}, { "retry-after": "60" }), json(200, { value: [] })];
    await expect(api.listItems(patient)).rejects.toMatchObject({ status: 429, retryAfterMs: 60_000 });
    server.replies = [json(503, {}), json(200, { value: [] })];
    await expect(api.listItems(patient, { retry: false })).rejects.toMatchObject({ status: 503 });
    expect(server.recorded).toHaveLength(3);
  });

  it("times out a slow response per attempt, and a caller's abort ends a retry wait", async () => {
    const client = api.createClient({ baseUrl: server.origin, timeoutMs: 100 });
    server.replies = [{ ...json(200, { value: [] }), delayMs: 2000 }];
    await expect(api.listItems(client)).rejects.toMatchObject({ name: "TimeoutError" });
    server.replies = [{ ...json(200, { value: [{ id: "fast" }] }), delayMs: 10 }];
    await expect(api.listItems(client, { timeoutMs: 1000 })).resolves.toEqual({ value: [{ id: "fast" }] });

    const controller = new AbortController();
    server.replies = [json(429, {}, { "retry-after": "20" })];
    const pending = api.listItems(api.createClient({ baseUrl: server.origin }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("responses and errors", () => {
  it("validates responses when asked: objects and every item of a collection", async () => {
    const client = api.createClient({ baseUrl: server.origin, validateResponses: true });
    server.replies = [json(200, { id: 5, name: "n" })];
    const error = await api.getUserItem(client, { path: { itemId: "i" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "GraphError", status: 200, code: "InvalidResponse", body: { id: 5, name: "n" } });
    expect((error as { validationErrors: { path: string; code: string }[] }).validationErrors.map((e) => `${e.path} ${e.code}`)).toEqual(["/id type"]); // checked by toMatchObject above
    server.replies = [json(200, { value: [{ id: "1" }, { size: 1.5 }] })];
    await expect(api.listItems(client)).rejects.toMatchObject({ code: "InvalidResponse", validationErrors: [{ path: "/value/1/size", code: "type" }] });
    server.replies = [json(200, { value: [{ size: 1.5 }] })];
    await expect(api.listItems(client, { validateResponse: false })).resolves.toEqual({ value: [{ size: 1.5 }] });
    server.replies = [json(200, { id: 5 })];
    await expect(api.getUserItem(api.createClient({ baseUrl: server.origin }), { path: { itemId: "i" } })).resolves.toEqual({ id: 5 });
  });

  it("GraphError carries Graph's code, message, details, innerError ids and date", async () => {
    const client = api.createClient({ baseUrl: server.origin });
    const body = {
      error: {
        code: "BadRequest",
        message: "Invalid filter",
        details: [{ code: "InvalidFilter", message: "bad clause", target: "$filter" }],
        innerError: { "request-id": "r-1", "client-request-id": "c-1", date: "2024-05-01T10:00:00" },
      },
    };
    server.replies = [json(400, body)];
    await expect(api.createItem(client, { body: { name: "x" } })).rejects.toMatchObject({
      status: 400,
      code: "BadRequest",
      graphMessage: "Invalid filter",
      details: body.error.details,
      requestId: "r-1",
      clientRequestId: "c-1",
      date: "2024-05-01T10:00:00",
      innerError: body.error.innerError,
      body,
    });
  });
});

describe("typed surface", () => {
  it("body types leave out read-only properties; $select accepts only property names", () => {
    const file = path.join(dir, "surface-check.ts");
    writeFileSync(
      file,
      `import { createClient, createItem, getUserItem, updateItem, type ItemCreate, type ItemUpdate } from "./beta/index.js";
const client = createClient();
const create: ItemCreate = { name: "n", size: 1 };
// @ts-expect-error id is read-only: not part of a create body
const createWithId: ItemCreate = { id: "x" };
const update: ItemUpdate = {};
// @ts-expect-error createdDateTime is read-only
const updateReadOnly: ItemUpdate = { createdDateTime: "2024-01-01T00:00:00Z" };
void createItem(client, { body: create });
void updateItem(client, { path: { itemId: "i" }, body: update });
void getUserItem(client, { path: { itemId: "i" }, query: { $select: ["name", "size"] } });
// @ts-expect-error not a property of item
void getUserItem(client, { path: { itemId: "i" }, query: { $select: ["nope"] } });
// @ts-expect-error $top is for collections
void getUserItem(client, { path: { itemId: "i" }, query: { $top: 1 } });
// @ts-expect-error not a documented route
void getUserItem(client, { path: { itemId: "i" }, route: "/other" });
export { createWithId, updateReadOnly };
`,
    );
    const tsc = path.join(ROOT, "node_modules/.bin/tsc");
    const args = ["--ignoreConfig", "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", file];
    const run = spawnSync(tsc, args, { cwd: dir, encoding: "utf8" });
    expect(`exit ${run.status}\n${run.stdout}${run.stderr}`).toBe("exit 0\n");
  });
});

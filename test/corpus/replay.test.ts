/** The replay rules on small inline inputs: URL reduction, route matching, and one end-to-end replay. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, ExampleModel, OperationModel } from "../../src/model/types.js";
import { generateInto } from "../emitters/generate.js";
import { examplePath, functionArgs, keyAsSegment, odataSuffix, loadApi, matchRoute, otherService, replayRequest, ReplayServer, validateResponse, ValidatorNames } from "./replay.js";

describe("examplePath", () => {
  it.each([
    ["https://graph.microsoft.com/beta/me/events?$top=1", "/me/events", "$top=1"],
    ["https://graph.microsoft.com/v1.0/users/{id}/", "/users/{id}", undefined],
    ["me/devices/{id}/commands", "/me/devices/{id}/commands", undefined],
    ["https://graph/microsoft.com/beta/groups/{id}/acceptedSenders/$ref?$id=x", "/groups/{id}/acceptedSenders/$ref", "$id=x"],
    ["GET /V1.0/me", "/me", undefined],
  ])("%s", (url, path, query) => expect(examplePath(url)).toEqual({ path, query }));
});

describe("keyAsSegment", () => {
  it.each([
    ["/me/events('AAMk=')/attachments", "/me/events/AAMk=/attachments"],
    ["/users('a@b.com')", "/users/a@b.com"],
    ["/items('it''s')/x", "/items/it's/x"],
    ["/worksheets/{id}/range(address='A1:B2')", "/worksheets/{id}/range(address='A1:B2')"],
    ["/reports/getCounts(period='D7')/content", "/reports/getCounts(period='D7')/content"],
  ])("%s", (path, expected) => expect(keyAsSegment(path)).toBe(expected));
});

describe("odataSuffix", () => {
  it.each([
    ["/groups/1/members/microsoft.graph.user/$count", { base: "/groups/1/members", count: true, cast: "microsoft.graph.user" }],
    ["/users/$count", { base: "/users", count: true }],
    ["/a/f(x='1',y=2)", { base: "/a/f", count: false, args: "x='1',y=2" }],
    ["/a/microsoft.graph.callRecords.session", { base: "/a", count: false, cast: "microsoft.graph.callRecords.session" }],
    ["/users/1", undefined],
  ])("%s", (path, expected) => expect(odataSuffix(path)).toEqual(expected));

  it("splits function arguments outside quotes", () => {
    expect(functionArgs("a='x,y',b=5,c='it''s'")).toEqual([
      { name: "a", literal: "'x,y'" },
      { name: "b", literal: "5" },
      { name: "c", literal: "'it''s'" },
    ]);
  });
});

describe("otherService", () => {
  it("names hosts other than the service root's when the URL has no API version", () => {
    expect(otherService("https://bot.contoso.com/api/calls", "beta")).toBe("bot.contoso.com");
    expect(otherService("https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337", "v1.0")).toBe("sn3302.up.1drv.com");
  });

  it("leaves the service root, relative URLs, mistyped roots and unversioned APIs alone", () => {
    expect(otherService("https://graph.microsoft.com/beta/me", "beta")).toBeUndefined();
    expect(otherService("/me/events", "beta")).toBeUndefined();
    expect(otherService("https://graph/microsoft.com/beta/groups", "beta")).toBeUndefined();
    expect(otherService("https://bot.contoso.com/api/calls", null)).toBeUndefined();
  });
});

describe("matchRoute", () => {
  it("takes the first matching route and its values, letter case ignored", () => {
    expect(matchRoute(["/me/messages/{id}", "/users/{id | userPrincipalName}/messages/{messageId}"], "/Users/a@b.com/messages/42")).toEqual({
      index: 1,
      values: { id: "a@b.com", messageId: "42" },
    });
  });

  it("numbers a placeholder name repeated within a route, as the request functions do (id, id2)", () => {
    expect(matchRoute(["/classes/{id}/assignments/{id}"], "/classes/1/assignments/2")?.values).toEqual({ id: "1", id2: "2" });
  });

  it("reads function arguments, item paths and percent-encoded values", () => {
    expect(matchRoute(["/reports/getCounts(period='{period_value}')"], "/reports/getCounts(period='D7')")?.values).toEqual({ period_value: "D7" });
    expect(matchRoute(["/me/drive/root:/{item-path}:/content"], "/me/drive/root:/a/b%20c.txt:/content")?.values).toEqual({ "item-path": "a/b c.txt" });
  });

  it("matches nothing when the example leaves the documented routes", () => {
    expect(matchRoute(["/financials/companies/{id}/journals/{id}"], "/financials/companies/1/journals")).toBeUndefined();
  });
});

describe("replay of an inline model", () => {
  const source = { file: "a.md", line: 1, column: 1 };
  const example = (method: "GET" | "PATCH", url: string, body?: ExampleModel["response"]): ExampleModel => ({
    request: { method, url, headers: {}, ...(method === "PATCH" ? { body: { name: "x" } } : {}), source },
    ...(body ? { response: body } : {}),
  });
  const op = (id: string, method: "GET" | "PATCH", paths: string[], examples: ExampleModel[]): OperationModel => ({
    id,
    title: id,
    apiVersion: "beta",
    method,
    paths,
    pathParams: [],
    requestHeaders: [],
    requestType: "thing",
    responseType: "thing",
    responseCollection: false,
    successStatus: 200,
    examples,
    sources: [source],
  });
  const response = (body: ExampleModel["response"] extends infer R ? (R extends { body?: infer B } ? B : never) : never) => ({ status: 200, statusText: "OK", headers: {}, body, truncated: false, source });
  const model: ApiModel = {
    types: [
      { name: "thing", kind: "entity", apiVersion: "beta", properties: [{ name: "id", type: "String", collection: false, description: "", source }, { name: "size", type: "Int32", collection: false, description: "", source }], sources: [source] },
      { name: "bigThing", kind: "entity", apiVersion: "beta", baseType: "thing", properties: [], sources: [source] },
    ],
    operations: [
      op("updateThing", "PATCH", ["/groups/{groupId}/things/{id}"], [example("PATCH", "https://graph.microsoft.com/beta/groups/g1/things/t%201", response({ id: "t1", size: 1 }))]),
      op("getThing", "GET", ["/things/{id}", "/me/thing"], [
        example("GET", "https://graph.microsoft.com/beta/THINGS/t1?$select=size", response({ id: "t1", size: "big" })),
        example("GET", "/things"),
        example("GET", "https://graph.microsoft.com/beta/things('t%201')"),
        example("GET", "https://bot.contoso.com/api/calls"),
        example("GET", "/things/t1/microsoft.graph.bigThing/$count"),
      ]),
      op("listMembers", "GET", ["/users/{id | userPrincipalName}/members"], [example("GET", "/me/members"), example("GET", "/things/t2")]),
      {
        ...op("listThings", "GET", ["/groups/{id}/things"], [
          example("GET", "/groups/g1/things/$count"),
          example("GET", "/groups/g1/things/microsoft.graph.BigThing/$count"),
          example("GET", "/groups/g1/things/microsoft.graph.user"),
        ]),
        responseCollection: true,
        countable: true,
      },
      {
        ...op("getTop", "GET", ["/things/getTop"], [
          example("GET", "/things/getTop(n=5,s='it''s',on=2019-11-01)"),
          example("GET", "/things/getTop(x=1)"),
          example("GET", "/things/getTop(n='5')"),
        ]),
        functionParameters: [
          { name: "n", type: "Int32", collection: false, description: "", source },
          { name: "s", type: "String", collection: false, description: "", source },
          { name: "on", type: "DateTimeOffset", collection: false, description: "", source },
        ],
      },
    ],
    diagnostics: [],
  };
  const server = new ReplayServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it("sends each example and says why the ones that cannot match do not", async () => {
    const dir = await generateInto(model, "replay");
    const api = await loadApi(pathToFileURL(path.join(dir, "beta", "index.ts")).href);
    const validators = new ValidatorNames(model);
    const requests = [];
    const responses = [];
    for (const operation of model.operations) {
      for (const ex of operation.examples) {
        requests.push(await replayRequest(api, server, operation, ex, model.operations, validators));
        responses.push(validateResponse(api, operation, ex, validators));
      }
    }
    expect(requests.map((r) => [r?.operation, r?.matched, r?.blame, r?.reason ?? r?.notReplayed, r?.query])).toEqual([
      ["updateThing", true, undefined, undefined, false],
      ["getThing", true, undefined, undefined, true],
      ["getThing", false, "doc", "example URL matches none of the documented routes", false],
      ["getThing", true, undefined, undefined, false],
      ["getThing", false, undefined, "sent to bot.contoso.com, not to the API (a callback, notification or upload URL)", false],
      ["getThing", false, "doc", "example counts an operation that is not a collection", false],
      ["listMembers", false, "doc", "example uses /me; the documented routes list only /users/{id}", false],
      ["listMembers", false, "doc", "example URL is a route of another operation (same method)", false],
      ["listThings", true, undefined, undefined, false],
      ["listThings", true, undefined, undefined, false],
      ["listThings", false, "doc", "example casts to a type the docs do not derive from the response type", false],
      ["getTop", true, undefined, undefined, false],
      ["getTop", false, "doc", "example passes a function parameter the page does not list", false],
      ["getTop", false, "doc", "example writes function parameter n (Int32) as '5', not as an OData Int32 literal", false],
    ]);
    expect(responses.map((r) => [r?.validated, r?.blame, r?.detail])).toEqual([
      [true, undefined, undefined],
      [false, "doc", expect.stringMatching(/^\/size type \(/)],
      ...Array.from({ length: 12 }, () => [undefined, undefined, undefined]),
    ]);
  });
});

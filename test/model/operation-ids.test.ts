/** Operation ids: the title's camelCase, and the readable, order-independent clash rule (README "Generated names"). */
import { describe, expect, it } from "vitest";
import { assignOperationIds, operationId } from "../../src/model/merge-operations.js";
import { buildModel } from "../../src/model/merge.js";
import type { ApiVersion, Diagnostic, HttpMethod, OperationModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const op = (title: string, method: HttpMethod, path: string, apiVersion: ApiVersion | null = "beta"): OperationModel => ({
  id: operationId(title),
  title,
  apiVersion,
  method,
  paths: [path],
  pathParams: [],
  requestHeaders: [],
  responseCollection: false,
  successStatus: null,
  examples: [],
  sources: [{ file: `${path}.md`, line: 1, column: 1 }],
});

function ids(...operations: OperationModel[]): { ids: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  assignOperationIds(operations, (_about, diagnostic) => diagnostics.push(diagnostic));
  return { ids: operations.map((o) => o.id), diagnostics };
}

describe("operationId", () => {
  it.each([
    ["Update user", "updateUser"],
    ["user: delta", "userDelta"],
    ["List a userflowidentityproviders", "listAUserflowidentityproviders"],
    ["Get b2cIdentityUserFlow", "getB2cIdentityUserFlow"],
    ["3D model: get", "op3DModelGet"],
    ["", "operation"],
  ])("%s → %s", (title, id) => expect(operationId(title)).toBe(id));
});

describe("assignOperationIds", () => {
  it("keeps the title's id when nothing else derives it", () => {
    expect(ids(op("Update user", "PATCH", "/users/{id}"), op("Get user", "GET", "/users/{id}")).ids).toEqual(["updateUser", "getUser"]);
  });

  it("qualifies every member by its owner segment when no route is the root one", () => {
    const result = ids(op("List members", "GET", "/directoryRoles/{id}/members"), op("List members", "GET", "/administrativeUnits/{id}/members"));
    expect(result.ids).toEqual(["listMembersOfDirectoryRoles", "listMembersOfAdministrativeUnits"]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["operation-id-clash", "warning", "/administrativeUnits/{id}/members.md"],
      ["operation-id-clash", "warning", "/directoryRoles/{id}/members.md"],
    ]);
  });

  it("lets the route with strictly the fewest literal segments keep the bare id", () => {
    expect(ids(op("Get group", "GET", "/education/classes/{id}/group"), op("Get group", "GET", "/groups/{id}")).ids).toEqual(["getGroupOfClasses", "getGroup"]);
  });

  it("skips owner segments every member shares, and ignores $ref, casts and function arguments", () => {
    expect(ids(op("Remove owner", "DELETE", "/groups/{id}/owners/{id}/$ref"), op("Remove owner", "DELETE", "/applications/{id}/owners/{id}/$ref")).ids).toEqual([
      "removeOwnerOfGroups",
      "removeOwnerOfApplications",
    ]);
    expect(ids(op("Get x", "GET", "/a/microsoft.graph.b/x(p='{p}')"), op("Get x", "GET", "/a/c/x(p='{p}')")).ids).toEqual(["getXOfB", "getXOfC"]);
  });

  it("takes more owner segments when the nearest one does not tell the members apart", () => {
    expect(ids(op("List tasks", "GET", "/me/planner/tasks"), op("List tasks", "GET", "/groups/{id}/planner/tasks"), op("List tasks", "GET", "/me/outlook/tasks")).ids).toEqual([
      "listTasksOfMePlanner",
      "listTasksOfGroupsPlanner",
      "listTasksOfMeOutlook",
    ]);
  });

  it("falls back to a numeric suffix in route and method order when routes cannot tell them apart", () => {
    const result = ids(op("Update thing", "PUT", "/things/{id}"), op("Update thing", "PATCH", "/things/{id}"));
    expect(result.ids).toEqual(["updateThing2", "updateThing"]);
  });

  it("never takes an id another operation derives from its own title", () => {
    expect(ids(op("List members of groups", "GET", "/x"), op("List members", "GET", "/groups/{id}/members"), op("List members", "GET", "/roles/{id}/members")).ids).toEqual([
      "listMembersOfGroups",
      "listMembersOfGroups2",
      "listMembersOfRoles",
    ]);
  });

  it("gives the same ids whatever the order of the operations", () => {
    const make = () => [op("List members", "GET", "/b/{id}/members"), op("List members", "GET", "/a/{id}/members"), op("List members", "GET", "/c/members"), op("List members", "GET", "/members")];
    const forward = ids(...make()).ids;
    const backward = ids(...make().reverse()).ids.reverse();
    expect(backward).toEqual(forward);
    expect(forward).toEqual(["listMembersOfB", "listMembersOfA", "listMembersOfC", "listMembers"]);
  });

  it("keeps API versions apart: the same title in beta and v1.0 is no clash", () => {
    expect(ids(op("Update user", "PATCH", "/users/{id}", "beta"), op("Update user", "PATCH", "/me", "v1.0")).ids).toEqual(["updateUser", "updateUser"]);
  });
});

describe("buildModel: one operation per method and route", () => {
  const page = (file: string, title: string, route: string) => parseDocument(file, [`# ${title}`, "## HTTP request", "```http", route, "```", ""].join("\n"));

  it("merges the same route documented on derived-type pages into one operation named after the first page", () => {
    const pages = ["a", "b", "c"].map((x) => page(`beta/api/${x}-update.md`, `Update ${x}Configuration`, "PATCH /deviceManagement/deviceConfigurations/{deviceConfigurationId}"));
    const model = buildModel(pages.reverse());
    expect(model.operations.map((o) => [o.id, o.title, o.sources.length])).toEqual([["updateDeviceConfiguration", "Update aConfiguration", 3]]);
    expect(model.diagnostics.map((d) => d.code)).toEqual(["operation-duplicate", "operation-duplicate"]);
  });

  it("names a merged operation after the page whose title names the route's last segment, singular or plural", () => {
    const route = "GET /deviceManagement/deviceConfigurations";
    const model = buildModel([page("b.md", "List aConfigurations", route), page("c.md", "List deviceConfigurations", route), page("a.md", "List bConfigurations", route)]);
    expect(model.operations.map((o) => [o.id, o.title, o.sources[0]?.file])).toEqual([["listDeviceConfigurations", "List deviceConfigurations", "a.md"]]);
    const single = buildModel([page("b.md", "Get deviceConfiguration", `${route}/{id}`), page("a.md", "Get aConfiguration", `${route}/{id}`)]);
    expect(single.operations.map((o) => o.id)).toEqual(["getDeviceConfiguration"]);
    const policies = buildModel([page("b.md", "List policy", "GET /policies"), page("a.md", "List aPolicy", "GET /policies")]);
    expect(policies.operations.map((o) => o.id)).toEqual(["listPolicy"]);
  });

  it("names a merged operation no title names after the shared verb and the route's last segment", () => {
    const route = "/deviceAppManagement/mobileApps";
    const list = buildModel([page("a.md", "List androidApps", `GET ${route}`), page("b.md", "List iosApps", `GET ${route}`)]);
    const get = buildModel([page("a.md", "Get androidApp", `GET ${route}/{id}`), page("b.md", "Get iosApp", `GET ${route}/{id}`)]);
    const policies = buildModel([page("a.md", "Get aPolicy", "GET /x/policies/{id}"), page("b.md", "Get bPolicy", "GET /x/policies/{id}")]);
    const mixed = buildModel([page("a.md", "Get androidApp", `GET ${route}/{id}`), page("b.md", "Read iosApp", `GET ${route}/{id}`)]);
    expect([list, get, policies, mixed].map((m) => m.operations.map((o) => o.id))).toEqual([["listMobileApps"], ["getMobileApp"], ["getPolicy"], ["getAndroidApp"]]);
  });
});

describe("buildModel: pages with routes of several methods", () => {
  /** A page with the given route lines and examples (each `METHOD url`, with a JSON body for POST, PATCH and PUT). */
  const page = (file: string, title: string, routes: string[], examples: string[] = []) =>
    parseDocument(
      file,
      [
        `# ${title}`,
        "## HTTP request",
        "```http",
        ...routes,
        "```",
        "## Request body",
        "In the request body, supply a JSON representation of a [thing](thing.md) object.",
        ...examples.flatMap((request, i) => [`## Example ${i + 1}`, "### Request", "```http", request, ...(/^(POST|PATCH|PUT) /.test(request) ? ["", '{"name": "x"}'] : []), "```"]),
        "",
      ].join("\n"),
    );

  it("makes one operation per method: the page's own named after its title, the other after the title and its method, each with its examples", () => {
    const model = buildModel([page("a.md", "Update thing", ["PUT /things/{id}", "PATCH /things/{id}"], ["PUT https://graph.microsoft.com/beta/things/1", "PATCH https://graph.microsoft.com/beta/things/2"])]);
    expect(model.operations.map((o) => [o.id, o.method, o.paths, o.examples.map((e) => e.request?.url), o.requestType])).toEqual([
      ["updateThing", "PUT", ["/things/{id}"], ["https://graph.microsoft.com/beta/things/1"], "thing"],
      ["updateThingPatch", "PATCH", ["/things/{id}"], ["https://graph.microsoft.com/beta/things/2"], "thing"],
    ]);
    expect(model.diagnostics.filter((d) => !d.code.startsWith("type-"))).toEqual([]);
  });

  it("names the other method's operation after a page that documents it as its own, whatever the file order", () => {
    for (const files of [["a.md", "b.md"], ["b.md", "a.md"]]) {
      const create = page(files[0] ?? "", "Create brand", ["PUT /brand", "PATCH /brand"]);
      const update = page(files[1] ?? "", "Update brand", ["PATCH /brand", "PUT /brand"]);
      const model = buildModel([create, update]);
      expect(model.operations.map((o) => [o.id, o.method, o.sources.length])).toEqual([
        ["createBrand", "PUT", 2],
        ["updateBrand", "PATCH", 2],
      ]);
    }
  });

  it("sends no request body with another method's GET or DELETE", () => {
    const model = buildModel([page("a.md", "Create thing", ["POST /things/dismiss", "GET /other/things/dismiss"])]);
    expect(model.operations.map((o) => [o.id, o.method, o.requestType ?? null])).toEqual([
      ["createThing", "POST", "thing"],
      ["createThingGet", "GET", null],
    ]);
  });
});

describe("buildModel: a page documenting several operations at once", () => {
  const page = (file: string, title: string, routes: string[], examples: string[] = [], permission?: string) =>
    parseDocument(
      file,
      [
        `# ${title}`,
        ...(permission ? ["## Permissions", "|Permission type|Permissions|", "|:---|:---|", `|Application|${permission}|`] : []),
        "## HTTP request",
        "```http",
        ...routes,
        "```",
        ...examples.flatMap((request, i) => [`## Example ${i + 1}`, "### Request", "```http", request, "```"]),
        "",
      ].join("\n"),
    );
  const pages = () => [
    page("beta/message-get.md", "Get message", ["GET /me/messages/{id}", "GET /users/{id}/messages/{id}"], [], "Mail.Read"),
    page("beta/event-get.md", "Get event", ["GET /me/events/{id}", "GET /users/{id}/events/{id}"], [], "Calendars.Read"),
    page(
      "beta/extendedproperty-get.md",
      "Get extended property",
      ["GET /me/messages/{id}?$expand=x", "GET /me/events/{id}?$expand=x", "GET /me/contacts/{id}?$expand=x"],
      ["GET https://graph.microsoft.com/beta/me/events/AAA?$expand=x", "GET https://graph.microsoft.com/beta/me/messages('BBB')?$expand=x", "GET https://graph.microsoft.com/beta/me/contacts/CCC/$value", "GET https://graph.microsoft.com/beta/nowhere", "GET https://graph.microsoft.com/beta/me/messages/BBB/attachments"],
      "Contacts.Read",
    ),
  ];

  it("joins none of them: each route stays with its own page, the page's examples go where their URLs point, its own route makes an operation", () => {
    const model = buildModel(pages());
    expect(model.operations.map((o) => [o.id, o.paths, o.sources.map((s) => s.file.replace("beta/", "")), o.examples.map((e) => e.request?.url.replace(/^.*beta/, ""))])).toEqual([
      ["getEvent", ["/me/events/{id}", "/users/{id}/events/{id}"], ["event-get.md", "extendedproperty-get.md"], ["/me/events/AAA?$expand=x"]],
      // An example addressing none of its routes (a sub-resource of one is none) goes with the page's own operation.
      ["getExtendedProperty", ["/me/contacts/{id}"], ["extendedproperty-get.md"], ["/me/contacts/CCC/$value", "/nowhere", "/me/messages/BBB/attachments"]],
      ["getMessage", ["/me/messages/{id}", "/users/{id}/messages/{id}"], ["message-get.md", "extendedproperty-get.md"], ["/me/messages('BBB')?$expand=x"]],
    ]);
    // Its permissions are the other operations' too: they are not added to the pages' own.
    expect(model.operations.map((o) => o.permissions?.entries.flatMap((e) => e.scopes))).toEqual([["Calendars.Read"], ["Contacts.Read"], ["Mail.Read"]]);
    expect(model.diagnostics.filter((d) => d.code === "permissions-disagree")).toEqual([]);
    expect(model.diagnostics.filter((d) => d.code === "operation-duplicate").map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'beta/extendedproperty-get.md:1 GET /me/events/{id}, one of the routes of several operations this page lists, is documented at beta/event-get.md:1; the examples addressing it were added to "Get event".',
      'beta/extendedproperty-get.md:1 GET /me/messages/{id}, one of the routes of several operations this page lists, is documented at beta/message-get.md:1; the examples addressing it were added to "Get message".',
    ]);
  });

  it("sends an example addressing none of its routes to the operation of its first route when it has no route of its own", () => {
    const [message, event, composite] = pages();
    if (!message || !event || !composite) throw new Error("three pages");
    // Its contacts route becomes another of message-get's: it still has more routes than either page it meets.
    const routes = composite.operations.map((op) => ({ ...op, paths: op.paths.map((path) => (path.includes("contacts") ? "/users/{id}/messages/{id}" : path)) }));
    const model = buildModel([message, event, { ...composite, operations: routes }]);
    expect(model.operations.map((o) => [o.id, o.examples.map((e) => e.request?.url.replace(/^.*beta/, ""))])).toEqual([
      ["getEvent", ["/me/events/AAA?$expand=x"]],
      ["getMessage", ["/me/messages('BBB')?$expand=x", "/me/contacts/CCC/$value", "/nowhere", "/me/messages/BBB/attachments"]],
    ]);
  });

  it("gives the same operations whatever the order and names of the files", () => {
    const want = buildModel(pages()).operations.map((o) => [o.id, o.paths, o.examples.length]);
    const renamed = pages().map((p) => ({ ...p, file: p.file.includes("extended") ? "beta/a-first.md" : p.file }));
    expect(buildModel(pages().reverse()).operations.map((o) => [o.id, o.paths, o.examples.length])).toEqual(want);
    expect(buildModel(renamed).operations.map((o) => [o.id, o.paths, o.examples.length])).toEqual(want);
  });
});

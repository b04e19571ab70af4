import { describe, expect, it } from "vitest";
import type { PathParamModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { readPlaceholders } from "../../src/parser/sections/route-placeholders.js";
import { normalizeRoute, paramName, pathParams } from "../../src/parser/sections/routes.js";

describe("normalizeRoute", () => {
  type Case = [name: string, { given: string; want: string }];
  const cases: Case[] = [
    ["absolute beta URL with trailing slash", { given: "https://graph.microsoft.com/beta/users/{id}/", want: "/users/{id}" }],
    ["absolute v1.0 URL", { given: "https://graph.microsoft.com/v1.0/me/events", want: "/me/events" }],
    ["http and another host", { given: "http://localhost:8080/beta/deviceManagement", want: "/deviceManagement" }],
    ["/beta prefix", { given: "/beta/deviceManagement/remoteActionAudits/{remoteActionAuditId}", want: "/deviceManagement/remoteActionAudits/{remoteActionAuditId}" }],
    ["/v1.0 prefix", { given: "/v1.0/users", want: "/users" }],
    ["upper-case version prefix", { given: "/BETA/users", want: "/users" }],
    ["a segment that only starts like a version is kept", { given: "/betaFeatures/x", want: "/betaFeatures/x" }],
    ["trailing slash", { given: "/deviceManagement/remoteActionAudits/", want: "/deviceManagement/remoteActionAudits" }],
    ["several trailing slashes", { given: "/users//", want: "/users" }],
    ["root stays /", { given: "/", want: "/" }],
    ["missing leading slash", { given: "users/{id}", want: "/users/{id}" }],
    ["leading ~ (site-relative)", { given: "~/users", want: "/users" }],
    ["spaces inside the route removed", { given: "/users/{id | userPrincipalName} /events", want: "/users/{id|userPrincipalName}/events" }],
    ["surrounding whitespace removed", { given: "  /Security/securityActions/{securityActionId}  ", want: "/Security/securityActions/{securityActionId}" }],
    ["query string dropped, placeholders in it too", { given: "/me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}", want: "/me/calendarView" }],
    ["OData query options dropped after a trailing slash", { given: "https://graph.microsoft.com/beta/users/{id}/?$top=5", want: "/users/{id}" }],
    ["a bare ? dropped", { given: "/users?", want: "/users" }],
    ["angle-bracket placeholders become braces", { given: "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')/format/borders(<sideIndex>)", want: "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='{address}')/format/borders({sideIndex})" }],
    ["angle brackets around no name are kept", { given: "/items/<1>", want: "/items/<1>" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(normalizeRoute(given)).toBe(want);
  });
});

describe("readPlaceholders", () => {
  type Case = [name: string, { given: string; want: string; rewrites: [written: string, read: string, kind: "style" | "argument"][] }];
  const cases: Case[] = [
    ["{name} placeholders are kept", { given: "/users/{id}/range(address='{address}')", want: "/users/{id}/range(address='{address}')", rewrites: [] }],
    ["<name> becomes {name}", { given: "/borders(<sideIndex>)", want: "/borders({sideIndex})", rewrites: [["<sideIndex>", "{sideIndex}", "style"]] }],
    ["a whole segment (name) becomes {name}", { given: "/teams/(team-id)/channels/{channel-id}", want: "/teams/{team-id}/channels/{channel-id}", rewrites: [["(team-id)", "{team-id}", "style"]] }],
    ["a function call with no argument name is not a (name) segment", { given: "/items/delta()/x(y)", want: "/items/delta()/x(y)", rewrites: [] }],
    ["a bare id or x-id segment after a literal one", { given: "/sites/id/contentTypes/id/copy/teams/team-id", want: "/sites/{id}/contentTypes/{id}/copy/teams/{team-id}", rewrites: [["id", "{id}", "style"], ["id", "{id}", "style"], ["team-id", "{team-id}", "style"]] }],
    ["id elsewhere is a literal: first segment, after a placeholder, inside a word", { given: "/id/users/{userId}/id/identity/userid", want: "/id/users/{userId}/id/identity/userid", rewrites: [] }],
    ["a whole segment '{name}' loses its quotes", { given: "/recoveryKeys/'{keyId}'", want: "/recoveryKeys/{keyId}", rewrites: [["'{keyId}'", "{keyId}", "style"]] }],
    ["quoted braces inside a function call are kept", { given: "/f(a='{a}')/g('{b}')", want: "/f(a='{a}')/g('{b}')", rewrites: [] }],
    [
      "name-value arguments become placeholders named after the parameter",
      { given: "/reports/getJobs(groupId=groupId-value,start=start-value)", want: "/reports/getJobs(groupId={groupId},start={start})", rewrites: [["groupId=groupId-value", "groupId={groupId}", "argument"], ["start=start-value", "start={start}", "argument"]] },
    ],
    ["a quoted sample keeps its quotes", { given: "/reports/getCounts(period='D7')", want: "/reports/getCounts(period='{period}')", rewrites: [["period='D7'", "period='{period}'", "argument"]] }],
    ["a quoted value with a comma and doubled quotes is one argument", { given: "/f(a='x,''y',b=1)", want: "/f(a='{a}',b={b})", rewrites: [["a='x,''y'", "a='{a}'", "argument"], ["b=1", "b={b}", "argument"]] }],
    ["a letter standing for a number", { given: "/range/rowsAbove(count=n)", want: "/range/rowsAbove(count={count})", rewrites: [["count=n", "count={count}", "argument"]] }],
    ["an argument holding a placeholder is kept, its neighbour read", { given: "/tz(Standard=graph.std'{format}',n=0)", want: "/tz(Standard=graph.std'{format}',n={n})", rewrites: [["n=0", "n={n}", "argument"]] }],
    ["<name> inside an argument is a placeholder, not a sample", { given: "/range(address='<address>')", want: "/range(address='{address}')", rewrites: [["<address>", "{address}", "style"]] }],
  ];
  it.each(cases)("%s", (_name, { given, want, rewrites }) => {
    const result = readPlaceholders(given);
    expect(result.path).toBe(want);
    expect(result.rewrites.map((r) => [r.written, r.read, r.kind])).toEqual(rewrites);
  });
});

describe("pathParams", () => {
  type Case = [name: string, { given: string[]; want: string[] }];
  const cases: Case[] = [
    ["none", { given: ["/me/events"], want: [] }],
    ["two params in order", { given: ["/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/deviceStatuses/{deviceComplianceDeviceStatusId}"], want: ["deviceCompliancePolicyId", "deviceComplianceDeviceStatusId"] }],
    ["{id | userPrincipalName} → id", { given: ["/users/{id | userPrincipalName}"], want: ["id"] }],
    ["{id|userPrincipalName} without spaces → id", { given: ["/users/{id|userPrincipalName}/events"], want: ["id"] }],
    ["a name repeated across routes appears once", { given: ["/users/{id}/events", "/groups/{id}/events", "/groups/{id}/calendars/{calendarId}/events"], want: ["id", "calendarId"] }],
    ["a name repeated in one route is numbered from its second occurrence", { given: ["/a/{id}/b/{id}"], want: ["id", "id2"] }],
    ["the same name in two routes is one parameter", { given: ["/a/{id}", "/b/{id}"], want: ["id"] }],
    ["dashes kept", { given: ["/sites/{site-id}"], want: ["site-id"] }],
    ["empty placeholder skipped", { given: ["/a/{}/b/{ x }"], want: ["x"] }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(pathParams(given)).toEqual(want.map((name): PathParamModel => ({ name, type: "String" })));
  });

  it("paramName trims and takes the first alternative", () => {
    expect(paramName(" id | userPrincipalName ")).toBe("id");
    expect(paramName("site-id")).toBe("site-id");
    expect(paramName("")).toBe("");
  });
});

describe("HTTP request section", () => {
  const FILE = "api/event-list.md";
  const page = (...request: string[]) => parseDocument(FILE, ["# List events", "", "## HTTP request", "", ...request, ""].join("\n"));

  it("keeps every route of the first route's method, normalised and de-duplicated, with their params", () => {
    const result = page(
      "```http", //                                                        5
      "GET /me/events", //                                                 6
      "GET /users/{id | userPrincipalName}/events", //                     7
      "GET https://graph.microsoft.com/v1.0/groups/{id}/events/", //       8
      "GET /beta/me/events", //                                            9
      "```",
    );
    const [operation] = result.operations;
    expect(operation?.method).toBe("GET");
    expect(operation?.paths).toEqual(["/me/events", "/users/{id|userPrincipalName}/events", "/groups/{id}/events"]);
    expect(operation?.pathParams).toEqual([{ name: "id", type: "String" }]);
    expect(result.diagnostics).toEqual([]);
  });

  it("drops a route's query string: its placeholders are not path parameters", () => {
    const result = page("```http", "GET /me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}", "GET /users/{id}/calendarView?$top=5", "```");
    expect(result.operations[0]?.paths).toEqual(["/me/calendarView", "/users/{id}/calendarView"]);
    expect(result.operations[0]?.pathParams).toEqual([{ name: "id", type: "String" }]);
    expect(result.diagnostics).toEqual([]);
  });

  it("reads routes from several code blocks, one operation per method: the first route's is the page's own, the others secondary", () => {
    const result = page("```http", "PATCH /things/{thingId}", "```", "", "Or:", "", "```http", "PUT /things/{thingId}", "PATCH /others/{otherId}", "```");
    expect(result.diagnostics).toEqual([]);
    expect(result.operations).toHaveLength(2);
    expect(result.operations[0]).toMatchObject({
      method: "PATCH",
      paths: ["/things/{thingId}", "/others/{otherId}"],
      pathParams: [
        { name: "thingId", type: "String" },
        { name: "otherId", type: "String" },
      ],
    });
    expect(result.operations[0]).not.toHaveProperty("secondary");
    expect(result.operations[1]).toMatchObject({ method: "PUT", paths: ["/things/{thingId}"], pathParams: [{ name: "thingId", type: "String" }], secondary: true });
  });

  it("reports a line that is not a route at its line and the block's column, and keeps the others", () => {
    const result = page("```http", "GET /me/events", "// also see below", "FETCH /x", "```");
    expect(result.operations[0]?.paths).toEqual(["/me/events"]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["route-malformed", 7, 1, '"// also see below" is not a route; write it as "METHOD /path".'],
      ["route-malformed", 8, 1, '"FETCH /x" is not a route; write it as "METHOD /path".'],
    ]);
  });

  it("reports prose after a method as no route, and keeps spaces a path may hold", () => {
    const result = page(
      "```http",
      "GET ** Entity URI for microsoft.management.services.api.vulnerableManagedDevice not found",
      "POST /things/a thing",
      "GET /users/{id | userPrincipalName} /events",
      "GET /other/*/{id}",
      "GET /reports/getCounts(period='{period}', top={top})?$filter=a eq 'b'",
      "```",
    );
    // A `*` is a path's character (the hostile fixtures' evil route has one).
    expect(result.operations[0]?.paths).toEqual(["/users/{id|userPrincipalName}/events", "/other/*/{id}", "/reports/getCounts(period='{period}',top={top})"]);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["route-malformed", 6],
      ["route-malformed", 7],
    ]);
  });

  it("reports each placeholder read from another style at the route's line, and makes it a path parameter", () => {
    const result = page("```http", "GET /teams/(team-id)/channels", "GET /reports/getCounts(period='D7')", "```");
    expect(result.operations[0]?.paths).toEqual(["/teams/{team-id}/channels", "/reports/getCounts(period='{period}')"]);
    expect(result.operations[0]?.pathParams).toEqual([
      { name: "team-id", type: "String" },
      { name: "period", type: "String" },
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["route-placeholder-style", 6, 1, "The route writes the placeholder (team-id); it is read as {team-id}. Write placeholders as {name}."],
      ["route-placeholder-style", 7, 1, "The route passes period='D7' to its function; the arguments are the caller's, so it is read as period='{period}'. Write it so."],
    ]);
  });

  it("says when the route block holds no valid route, and has no operation", () => {
    const result = page("```http", "GET ** Entity URI for microsoft.management.services.api.thing not found", "```");
    expect(result.operations).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["route-malformed", 6, '"GET ** Entity URI for microsoft.management.services.api.thing not found" is not a route; write it as "METHOD /path".'],
      ["route-missing", 3, "This operation page has no valid route (see route-malformed), so no request function is generated; write its routes as 'METHOD /path' lines."],
    ]);
  });

  it("reports route-missing at the section heading when no route is found, and has no operation", () => {
    const result = page("Call it.");
    expect(result.kind).toBe("operation");
    expect(result.operations).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        severity: "warning",
        code: "route-missing",
        message: "This operation page has no route; add an '## HTTP request' section with a 'METHOD /path' code block.",
        file: FILE,
        line: 3,
        column: 1,
      },
    ]);
  });
});

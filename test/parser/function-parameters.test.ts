/** OData function parameters, resource namespaces and `/$count` examples: what the model records for the request functions. */
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/merge.js";
import { parseDocument } from "../../src/parser/index.js";

const doc = (...lines: string[]) => parseDocument("p.md", lines.join("\n"));

const functionPage = (route: string, section: string, header = "|Parameter|Type|Description|") =>
  doc(
    "---",
    "doc_type: apiPageType",
    "---",
    "# getTopApps function",
    "## HTTP request",
    "```http",
    route,
    "```",
    section,
    "In the request URL, provide the following query parameters with values.",
    "",
    header,
    `|${header.split("|").slice(1, -1).map(() => ":---").join("|")}|`,
    "|status|String|Not yet documented|",
    "|count|Int64|Not yet documented|",
    "|status|String|Repeated|",
    "## Response",
    "If successful, this function returns a `200 OK` response code and a [report](../resources/report.md) collection in the response body.",
  );

describe("function parameters", () => {
  it("come from a 'Function parameters' table, each name once", () => {
    const op = functionPage("GET /apps/getTopApps", "## Function parameters").operations[0];
    expect(op?.functionParameters?.map((p) => [p.name, p.type])).toEqual([
      ["status", "String"],
      ["count", "Int64"],
    ]);
  });

  it("come from a GET page's 'Request body' table (a GET has no body)", () => {
    const op = functionPage("GET /apps/getTopApps", "## Request body", "|Property|Type|Description|").operations[0];
    expect(op?.functionParameters?.map((p) => p.name)).toEqual(["status", "count"]);
  });

  it("are strings in a 'Parameter|Description' table; a 'Query parameters' table gives none", () => {
    expect(functionPage("GET /apps/getTopApps", "## Function parameters", "|Parameter|Description|").operations[0]?.functionParameters?.map((p) => [p.name, p.type])).toEqual([
      ["status", "String"],
      ["count", "String"],
    ]);
    expect(functionPage("GET /apps/getTopApps", "## Query parameters").operations[0]?.functionParameters).toBeUndefined();
  });

  it("come from a 'Query parameters' table when the page's examples pass them in parentheses, only those", () => {
    const page = (example: string) =>
      doc(
        "# filterByCurrentUser",
        "## HTTP request",
        "```http",
        "GET /schedules/filterByCurrentUser",
        "```",
        "## Query parameters",
        "|Parameter|Type|Description|",
        "|:---|:---|:---|",
        "|on|String|Whom to filter on.|",
        "|top|Int32|Not passed in parentheses.|",
        "## Request body",
        "Do not supply a request body for this method.",
        "## Examples",
        "```http",
        example,
        "```",
      ).operations[0]?.functionParameters;
    expect(page("GET https://graph.microsoft.com/beta/schedules/FilterByCurrentUser(on='principal')?$top=1")?.map((p) => [p.name, p.type])).toEqual([["on", "String"]]);
    expect(page("GET https://graph.microsoft.com/beta/schedules/filterByCurrentUser?on=principal")).toBeUndefined();
    expect(page("GET https://graph.microsoft.com/beta/schedules(on='principal')/filterByCurrentUser")).toBeUndefined();
  });

  it("are none for other methods, or when the route's last segment already holds parentheses", () => {
    expect(functionPage("POST /apps/getTopApps", "## Function parameters").operations[0]?.functionParameters).toBeUndefined();
    expect(functionPage("GET /reports/getCounts(period='{period_value}')", "## Function parameters").operations[0]?.functionParameters).toBeUndefined();
  });
});

describe("namespaces", () => {
  const resource = (namespace: string) => doc("---", "doc_type: resourcePageType", "---", "# session resource type", "", namespace, "", "## Properties", "|Property|Type|Description|", "|:--|:--|:--|", "|id|String|Id.|");

  it("a sub-namespace stated in the intro is kept; microsoft.graph is the default and left out", () => {
    expect(resource("Namespace: microsoft.graph.callRecords").types[0]?.namespace).toBe("microsoft.graph.callRecords");
    expect(resource("Namespace: microsoft.graph").types[0]?.namespace).toBeUndefined();
  });
});

describe("namespaces when merged", () => {
  const resource = (file: string, namespace: string) =>
    parseDocument(file, ["---", "doc_type: resourcePageType", "---", "# group resource type", "", namespace, "", "## Properties", "|Property|Type|Description|", "|:--|:--|:--|", "|id|String|Id.|"].join("\n"));

  it("a short name documented in microsoft.graph and in a sub-namespace keeps microsoft.graph, in any page order", () => {
    const sub = resource("a.md", "Namespace: microsoft.graph.termStore");
    const main = resource("b.md", "Namespace: microsoft.graph");
    expect(buildModel([sub, main]).types.find((t) => t.name === "group")?.namespace).toBeUndefined();
    expect(buildModel([main, sub]).types.find((t) => t.name === "group")?.namespace).toBeUndefined();
    expect(buildModel([sub]).types.find((t) => t.name === "group")?.namespace).toBe("microsoft.graph.termStore");
  });
});

describe("countable", () => {
  const listPage = (url: string) =>
    doc(
      "---",
      "doc_type: apiPageType",
      "---",
      "# List members",
      "## HTTP request",
      "```http",
      "GET /groups/{id}/members",
      "```",
      "## Response",
      "If successful, this method returns a `200 OK` response code and collection of [directoryObject](../resources/directoryobject.md) objects in the response body.",
      "## Example",
      "### Request",
      "```http",
      `GET ${url}`,
      "```",
    );

  it("marks a collection GET whose example counts it (after a cast too), and no other", () => {
    const counted = (url: string) => buildModel([listPage(url)]).operations[0]?.countable;
    expect(counted("https://graph.microsoft.com/beta/groups/1/members/$count")).toBe(true);
    expect(counted("https://graph.microsoft.com/beta/groups/1/members/microsoft.graph.user/$count?$filter=x")).toBe(true);
    expect(counted("https://graph.microsoft.com/beta/groups/1/members?$count=true")).toBeUndefined();
  });
});

/** Page layouts beyond the plain one: tab groups, variant sections with `### HTTP request`. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

const doc = (...lines: string[]) => parseDocument("p.md", lines.join("\n"));

describe("tab groups", () => {
  it("keep the code under '# [HTTP](#tab/http)' in its example section; other tabs and INCLUDE lines are ignored", () => {
    const page = doc(
      "# Update thing",
      "## HTTP request",
      "```http",
      "PATCH /things/{id}",
      "```",
      "## Example",
      "#### Request",
      "# [HTTP](#tab/http)",
      '<!-- { "blockType": "request", "name": "update-thing" } -->',
      "```http",
      "PATCH https://graph.microsoft.com/beta/things/1",
      "```",
      "# [C#](#tab/csharp)",
      "[!INCLUDE [sample-code](../includes/snippets/csharp/update-thing.md)]",
      "---",
      "#### Response",
      "```http",
      "HTTP/1.1 204 No Content",
      "```",
    );
    expect(page.operations[0]?.examples.map((e) => [e.name, e.request?.url, e.response?.status])).toEqual([["update-thing", "https://graph.microsoft.com/beta/things/1", 204]]);
    expect(page.diagnostics).toEqual([]);
  });
});

describe("variant sections", () => {
  it("read routes under each '### HTTP request' and take examples from the sections when there is no Example section", () => {
    const page = doc(
      "# Get drive",
      "## Get the current user's drive",
      "### HTTP request",
      "```http",
      "GET /me/drive",
      "```",
      "## Get a user's drive",
      "### HTTP request",
      "```http",
      "GET /users/{user-id}/drive",
      "```",
      "### Path parameters",
      "```http",
      "not a route",
      "```",
      "## Response",
      "```http",
      "HTTP/1.1 200 OK",
      "",
      '{ "id": "1" }',
      "```",
    );
    const operation = page.operations[0];
    expect(operation?.paths).toEqual(["/me/drive", "/users/{user-id}/drive"]);
    expect(operation?.examples.map((e) => [e.request?.url, e.response?.body])).toEqual([
      ["/me/drive", undefined],
      ["/users/{user-id}/drive", undefined],
      [undefined, { id: "1" }], // the shared Response section pairs with no variant's request

    ]);
  });
});

describe("routes outside an HTTP request section", () => {
  it("a variant without its own '### HTTP request' contributes the route block it shows", () => {
    const page = doc(
      "# List drives",
      "## List a group's drives",
      "### HTTP request",
      "```http",
      "GET /groups/{groupId}/drives",
      "```",
      "## List a site's drives",
      '<!-- { "blockType": "request", "name": "site-list-drives" } -->',
      "```http",
      "GET /sites/{siteId}/drives",
      "```",
      "## List the current user's drives",
      "```http",
      "GET /me/drives",
      "```",
    );
    expect(page.operations[0]?.paths).toEqual(["/groups/{groupId}/drives", "/sites/{siteId}/drives", "/me/drives"]);
    // With no Example section, every section's request block is also an example.
    expect(page.operations[0]?.examples.map((e) => e.request?.url)).toEqual(["/groups/{groupId}/drives", "/sites/{siteId}/drives", "/me/drives"]);
    expect(page.diagnostics).toEqual([]);
  });

  it("a page with no HTTP request heading at all takes the route block from any non-example section", () => {
    const page = doc("# Add member to a chat", "## Permissions", "Text.", "```http", "POST /chats/{chat-id}/members", "```", "## Examples", "```http", "POST /other/{id}/members", "```");
    expect(page.kind).toBe("operation");
    expect(page.operations[0]?.paths).toEqual(["/chats/{chat-id}/members"]);
  });

  it("ignores blocks with headers or a body, absolute URLs, and route blocks in example sections", () => {
    const page = doc(
      "# Upload",
      "## Create a session",
      "```http",
      "POST /items/{id}/createUploadSession",
      "```",
      "## Upload bytes",
      "```http",
      "PUT https://upload.example.com/up/123",
      "```",
      "## Commit",
      "```http",
      "PUT /me/drive/root:/{path}",
      "Content-Type: application/json",
      "```",
      "## Example",
      "```http",
      "POST /items/1/other",
      "```",
    );
    expect(page.operations[0]?.paths).toEqual(["/items/{id}/createUploadSession"]);
  });

  it("every qualified 'HTTP request (…)' section holds routes", () => {
    const page = doc("# Upload content", "## HTTP request (to replace an existing item)", "```http", "PUT /items/{item-id}/content", "```", "## HTTP request (to upload a new file)", "```http", "PUT /items/{parent-id}:/{filename}:/content", "```");
    expect(page.operations[0]?.paths).toEqual(["/items/{item-id}/content", "/items/{parent-id}:/{filename}:/content"]);
  });
});

describe("unclosed code fences", () => {
  it("end before a heading inside an HTTP block; the rest is read as markdown with its real positions", () => {
    const page = doc(
      "# Get thing", //                                     1
      "## HTTP request", //                                 2
      "```http", //                                         3
      "GET /things", //                                     4
      "```", //                                             5
      "## Example", //                                      6
      "### Request", //                                     7
      "```msgraph-interactive", //                          8
      "GET https://graph.microsoft.com/beta/things", //     9
      "### Response", //                                    10
      "```http", //                                         11
      "HTTP/1.1 200 OK", //                                 12
      "", //                                                13
      '{ "id": 1 }', //                                     14
      "```", //                                             15
    );
    const example = page.operations[0]?.examples[0];
    expect([example?.request?.url, example?.response?.status, example?.response?.body, example?.response?.source.line]).toEqual(["https://graph.microsoft.com/beta/things", 200, { id: 1 }, 12]);
    expect(page.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["code-fence-unclosed", 8, 1]]);
  });

  it("leaves a heading-like line in a shell block alone", () => {
    const page = doc("# Get thing", "## HTTP request", "```http", "GET /things", "```", "## Example", "```powershell", "## not a heading", "```");
    expect(page.diagnostics).toEqual([]);
  });
});

describe("bold pseudo-headings", () => {
  it("a section with a bold **Request** paragraph holds examples even when it is not an Example section", () => {
    const page = doc("# Get customers", "## HTTP request", "```", "GET /customers", "```", "## Response", "If successful, this method returns a `200 OK` response code.", "", "**Request**", "", "```http", "GET https://graph.microsoft.com/beta/customers", "```");
    expect(page.operations[0]?.examples.map((e) => e.request?.url)).toEqual(["https://graph.microsoft.com/beta/customers"]);
  });

  it("a Response section without one still holds no examples", () => {
    const page = doc("# Get customers", "## HTTP request", "```", "GET /customers", "```", "## Response", "Text.", "```http", "GET https://graph.microsoft.com/beta/customers", "```");
    expect(page.operations[0]?.examples).toEqual([]);
  });
});

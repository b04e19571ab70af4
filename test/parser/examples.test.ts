import { describe, expect, it } from "vitest";
import type { Diagnostic, ExampleModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const FILE = "api/thing-update.md";
/** A PATCH page whose example-section lines start at line 7. */
const page = (...example: string[]) =>
  parseDocument(FILE, ["# Update thing", "", "## HTTP request", "```http", "PATCH /things/{id}", "```", ...example, ""].join("\n"));
const src = (line: number, column = 1) => ({ file: FILE, line, column });
const examplesOf = (...example: string[]) => page(...example).operations[0]?.examples;
const diag = (code: string, severity: Diagnostic["severity"], line: number, column: number, message: string): Diagnostic => ({
  severity,
  code,
  message,
  file: FILE,
  line,
  column,
});

describe("examples: annotated request and response", () => {
  it("reads method, url, headers, JSON body; status, headers, body and truncated from the annotation", () => {
    const result = page(
      "## Example", //                                                                              7
      "### Request", //                                                                             8
      '<!-- { "blockType": "request", "name": "update_thing" } -->', //                            9
      "```http", //                                                                                 10
      "PATCH https://graph.microsoft.com/v1.0/things/1", //                                         11
      "Content-type: application/json", //                                                          12
      "Content-length: 27", //                                                                      13
      "", //                                                                                        14
      "{", //                                                                                       15
      '  "displayName": "x",', //                                                                   16
      '  "count": 2,', //                                                                           17
      '  "tags": ["a", null],', //                                                                  18
      '  "nested": { "on": true }', //                                                              19
      "}", //                                                                                       20
      "```", //                                                                                     21
      "### Response", //                                                                            22
      '<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.thing" } -->', // 23
      "```http", //                                                                                 24
      "HTTP/1.1 200 OK", //                                                                         25
      "Content-type: application/json", //                                                          26
      "", //                                                                                        27
      "{", //                                                                                       28
      '  "id": "1"', //                                                                             29
      "}", //                                                                                       30
      "```", //                                                                                     31
    );
    expect(result.operations[0]?.examples).toEqual<ExampleModel[]>([
      {
        name: "update_thing",
        request: {
          method: "PATCH",
          url: "https://graph.microsoft.com/v1.0/things/1",
          headers: { "Content-type": "application/json", "Content-length": "27" },
          body: { displayName: "x", count: 2, tags: ["a", null], nested: { on: true } },
          source: src(11),
        },
        response: {
          status: 200,
          statusText: "OK",
          headers: { "Content-type": "application/json" },
          body: { id: "1" },
          truncated: true,
          source: src(25),
        },
      },
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it("reads truncated from the 'may be truncated' sentence, and false without it", () => {
    const examples = examplesOf(
      "## Example",
      "Here is an example of the response. Note: The response object shown here may be truncated for brevity.",
      "```http",
      "HTTP/1.1 200 OK",
      "```",
      "",
      "```http",
      "HTTP/1.1 204 No Content",
      "```",
    );
    expect(examples?.map((e) => e.response && [e.response.status, e.response.statusText, e.response.truncated])).toEqual([
      [200, "OK", true],
      [204, "No Content", false],
    ]);
  });

  it("lets an annotation's truncated: false win over the sentence", () => {
    const examples = examplesOf(
      "## Example",
      "The response object shown here may be truncated for brevity.",
      '<!-- { "blockType": "response", "truncated": "false" } -->',
      "```http",
      "HTTP/1.1 200 OK",
      "```",
    );
    expect(examples?.[0]?.response?.truncated).toBe(false);
  });

  it("reports an annotation that is not valid JSON at the comment, and still reads it when it can", () => {
    const result = page("## Example", '<!-- { "blockType": "request", "name": "get-thing", } -->', "```http", "PATCH /things/1", "```");
    expect(result.diagnostics).toEqual([
      diag("annotation-invalid", "warning", 8, 1, "This <!-- { … } --> annotation is not valid JSON; fix its syntax so tools can read it. It was read leniently."),
    ]);
    expect(result.operations[0]?.examples).toEqual([{ name: "get-thing", request: { method: "PATCH", url: "/things/1", headers: {}, source: src(10) } }]);
  });

  it("ignores an annotation that does not parse even leniently", () => {
    const result = page("## Example", '<!-- { "blockType": "request", "name": "get-thing } -->', "```http", "PATCH /things/1", "```");
    expect(result.diagnostics).toEqual([
      diag("annotation-invalid", "warning", 8, 1, "This <!-- { … } --> annotation is not valid JSON; fix its syntax so tools can read it."),
    ]);
    expect(result.operations[0]?.examples).toEqual([{ request: { method: "PATCH", url: "/things/1", headers: {}, source: src(10) } }]);
  });
});

describe("examples: unannotated", () => {
  it("recognises blocks by content, pairs request → response and spans Example sections", () => {
    const examples = examplesOf(
      "## Example 1: one", //           7
      "```http", //                    8
      "GET /things/1", //              9
      "```", //                        10
      "```", //                        11
      "HTTP/1.1 200 OK", //            12
      "```", //                        13
      "## Example 2: two", //          14
      "```json", //                    15
      "{ \"not\": \"http\" }", //        16
      "```", //                        17
      "```http", //                    18
      "DELETE /things/1", //           19
      "```", //                        20
      "```http", //                    21
      "POST /things", //               22
      "```", //                        23
      "```http", //                    24
      "HTTP 201 Created", //           25
      "```", //                        26
      "```http", //                    27
      "HTTP/1.1 500", //               28
      "```", //                        29
    );
    expect(examples).toEqual<ExampleModel[]>([
      {
        request: { method: "GET", url: "/things/1", headers: {}, source: src(9) },
        response: { status: 200, statusText: "OK", headers: {}, truncated: false, source: src(12) },
      },
      { request: { method: "DELETE", url: "/things/1", headers: {}, source: src(19) } },
      {
        request: { method: "POST", url: "/things", headers: {}, source: src(22) },
        response: { status: 201, statusText: "Created", headers: {}, truncated: false, source: src(25) },
      },
      { response: { status: 500, statusText: "", headers: {}, truncated: false, source: src(28) } },
    ]);
  });

  it("ignores code blocks outside Example sections", () => {
    const result = parseDocument(FILE, ["# Update thing", "## HTTP request", "```http", "PATCH /things/{id}", "```", "## Response", "```http", "HTTP/1.1 200 OK", "```"].join("\n"));
    expect(result.operations[0]?.examples).toEqual([]);
  });

  it("lower-case method and leading blank lines", () => {
    const examples = examplesOf("## Example", "```http", "", "  patch /things/1", "```");
    expect(examples).toEqual([{ request: { method: "PATCH", url: "/things/1", headers: {}, source: src(10) } }]);
  });
});

describe("examples: bodies", () => {
  it("reports invalid JSON at the body's first line and keeps the text", () => {
    const result = page(
      "## Example", //                     7
      "```http", //                       8
      "PATCH /things/1", //               9
      "Content-type: application/json", // 10
      "", //                              11
      "{", //                             12
      '  "a": 1 ...', //                  13
      "}", //                             14
      "```", //                           15
    );
    expect(result.operations[0]?.examples[0]?.request).toEqual({
      method: "PATCH",
      url: "/things/1",
      headers: { "Content-type": "application/json" },
      bodyText: '{\n  "a": 1 ...\n}',
      source: src(9),
    });
    expect(result.diagnostics).toEqual([
      diag("example-json-invalid", "warning", 12, 1, "This example body looks like JSON but does not parse; fix the JSON so it can be checked."),
    ]);
  });

  it("repairs a JSON array body with a comment; keeps a non-JSON body as text without a diagnostic", () => {
    const result = page(
      "## Example", //             7
      "```http", //               8
      "HTTP/1.1 200 OK", //       9
      "", //                      10
      "[1, // one", //            11
      "2]", //                    12
      "```", //                   13
      "```http", //               14
      "HTTP/1.1 200 OK", //       15
      "Content-type: text/plain", // 16
      "", //                      17
      "hello world", //           18
      "```", //                   19
    );
    expect(result.operations[0]?.examples.map((e) => [e.response?.bodyText, e.response?.body])).toEqual([
      [undefined, [1, 2]],
      ["hello world", undefined],
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["example-json-repaired", 11, 1]]);
  });
});

describe("examples: URLs", () => {
  type Case = [name: string, { given: string; want: Array<[line: number, column: number, message: string]> }];
  // The request line is line 9 of the page.
  const cases: Case[] = [
    ["valid absolute Graph URL", { given: "PATCH https://graph.microsoft.com/beta/things/1", want: [] }],
    ["valid relative URL", { given: "PATCH /things/1?$select=id", want: [] }],
    ["valid non-Graph absolute URL", { given: "GET https://example.com/things", want: [] }],
    [
      "backslash",
      {
        given: "GET https://graph.microsoft.com/v1.0/things\\1",
        want: [[9, 5, 'Example URL "https://graph.microsoft.com/v1.0/things\\1" contains a backslash; use forward slashes.']],
      },
    ],
    [
      "backslash after extra spaces: column of the URL",
      { given: "PATCH    /things\\1", want: [[9, 10, 'Example URL "/things\\1" contains a backslash; use forward slashes.']] },
    ],
    ["indented request line", { given: "  DELETE /things\\1", want: [[9, 10, 'Example URL "/things\\1" contains a backslash; use forward slashes.']] }],
    ["space inside", { given: "GET /things/a b", want: [[9, 5, 'Example URL "/things/a b" contains spaces; encode them as %20.']] }],
    ["neither absolute nor /", { given: "GET things/1", want: [[9, 5, 'Example URL "things/1" is neither an absolute URL nor a path starting with /.']] }],
    [
      "Graph host without a version",
      {
        given: "GET https://graph.microsoft.com/things",
        want: [[9, 5, 'Example URL "https://graph.microsoft.com/things" does not start with https://graph.microsoft.com/beta/ or https://graph.microsoft.com/v1.0/.']],
      },
    ],
    ["unparseable absolute URL", { given: "GET https://[bad/things", want: [[9, 5, 'Example URL "https://[bad/things" is not a valid URL.']] }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const result = page("## Example", "```http", given, "```");
    expect(result.diagnostics).toEqual(want.map(([line, column, message]) => diag("example-url-malformed", "error", line, column, message)));
  });

  it("points at the URL inside a fence indented in a list item", () => {
    const result = page("## Example", "", "1. Request:", "", "   ```http", "   GET /things\\1", "   ```");
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["example-url-malformed", 12, 8]]);
  });
});

describe("examples: the page's routes", () => {
  const routed = (routes: string[], ...requests: string[]) =>
    parseDocument(FILE, ["# Update thing", "", "## HTTP request", "```http", ...routes, "```", ...requests.flatMap((r, i) => [`## Example ${i + 1}`, "```http", r, "```"]), ""].join("\n"));
  const unlisted = (result: ReturnType<typeof routed>) => result.diagnostics.filter((d) => d.code === "example-route-unlisted").map((d) => [d.line, d.message]);

  it("accepts a request a route matches: placeholders, a quoted key, a path between colons, OData suffixes, a query", () => {
    const result = routed(
      ["PATCH /things/{id}", "GET /things/{id}/items/{item-id}", "GET /drive/root:/{path}:/content", "GET /reports/getCounts(period='{period}')"],
      "PATCH https://graph.microsoft.com/beta/things/1",
      "GET /things('a')/items/2?$select=id",
      "GET /drive/root:/a/b.txt:/content",
      "GET /things/1/items/2/$value",
      "GET /things/1/items/2/microsoft.graph.item/$count",
      "GET /reports/getCounts(period='D7')",
      "POST https://contoso.example/callback",
    );
    expect(unlisted(result)).toEqual([]);
  });

  it("reports a request with another method or a URL no route of its method matches, at the request", () => {
    const result = routed(["PATCH /things/{id}", "PATCH /me/things/{id}"], "PUT /things/1", "PATCH /me/settings/things/1", "PATCH /things/1/parts", "PATCH /things");
    expect(unlisted(result)).toEqual([
      [10, "The example sends PUT, but the page's routes are PATCH; use the routes' method in the example, or list its PUT route in the HTTP request section."],
      [14, "The example's URL /me/settings/things/1 matches none of the page's PATCH routes (/things/{id} and 1 more); correct the example, or list its route in the HTTP request section."],
      [18, "The example's URL /things/1/parts matches none of the page's PATCH routes (/things/{id} and 1 more); correct the example, or list its route in the HTTP request section."],
      [22, "The example's URL /things matches none of the page's PATCH routes (/things/{id} and 1 more); correct the example, or list its route in the HTTP request section."],
    ]);
  });

  it("reports a GET or DELETE request with a body, showing its first line", () => {
    const result = routed(["GET /things/{id}", "DELETE /things/{id}"], "GET /things/1\n\nPrefer: odata.maxpagesize=2", 'DELETE /things/1\n\n{"id": "1"}', "GET /things/2\nPrefer: x");
    expect(result.diagnostics.filter((d) => d.code === "example-body-unexpected").map((d) => [d.line, d.message])).toEqual([
      [10, "The example's GET request has a body (Prefer: odata.maxpagesize=2), which GET does not send; remove it, or the blank line above it if it is a header, or end the block before it if it is another request or the response."],
      [16, 'The example\'s DELETE request has a body ({"id":"1"}), which DELETE does not send; remove it, or the blank line above it if it is a header, or end the block before it if it is another request or the response.'],
    ]);
  });

  it("checks nothing on a page without routes, nor a malformed URL twice", () => {
    expect(unlisted(routed([], "GET /things/1"))).toEqual([]);
    expect(routed(["PATCH /things/{id}"], "PATCH things\\1").diagnostics.map((d) => d.code)).toEqual(["example-url-malformed"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const FILE = "api/thing-update.md";
const HEAD = [
  "# Update thing", //                                                                               1
  "", //                                                                                             2
  "## HTTP request", //                                                                              3
  "```http", //                                                                                      4
  "PATCH /things/{id}", //                                                                           5
  "```", //                                                                                          6
  "## Request body", //                                                                              7
  "In the request body, supply a JSON representation of a [thing](../resources/thing.md) object.", // 8
  "", //                                                                                             9
  "|Property|Type|Description|", //                                                                  10
  "|---|---|---|", //                                                                                11
  "|status|String|The status. Possible values are: `active`, `inactive`.|", //                      12
  "|count|Int32|A count.|", //                                                                       13
  "|when|DateTimeOffset|A time.|", //                                                                14
  "|tags|String collection|Tags.|", //                                                               15
  "|enabled|Boolean|On.|", //                                                                        16
  "|ratio|Double|A ratio.|", //                                                                      17
  "", //                                                                                             18
  "## Example", //                                                                                   19
];
/** A request whose JSON members start on line 25 ("{" is line 24). */
const request = (...members: string[]) => [
  "```http", //                                             20
  "PATCH https://graph.microsoft.com/beta/things/1", //     21
  "Content-type: application/json", //                      22
  "", //                                                    23
  "{",
  ...members.map((m, i) => `  ${m}${i < members.length - 1 ? "," : ""}`),
  "}",
  "```",
];
const page = (...lines: string[]) => parseDocument(FILE, [...HEAD, ...lines, ""].join("\n"));
type Row = [code: string, line: number, column: number, message: string];
const rows = (diagnostics: Diagnostic[]): Row[] => diagnostics.map((d) => [d.code, d.line, d.column, d.message]);

describe("example body vs the page's request-body table", () => {
  type Case = [name: string, { given: string[]; want: Row[] }];
  // Member lines are `  "key": value`, so the value sits at column key.length + 7.
  const cases: Case[] = [
    ["a listed enum value", { given: ['"status": "active"'], want: [] }],
    [
      "an enum value not in the list",
      {
        given: ['"status": "paused"'],
        want: [["example-value-mismatch", 25, 13, '"status" is "paused" in the example, which is not one of its possible values: active, inactive.']],
      },
    ],
    [
      "Int32 given a string",
      { given: ['"count": "5"'], want: [["example-value-mismatch", 25, 12, '"count" is "5" in the example, but the table types it Int32: expected an integer.']] },
    ],
    [
      "Int32 given a fraction",
      { given: ['"count": 2.5'], want: [["example-value-mismatch", 25, 12, '"count" is 2.5 in the example, but the table types it Int32: expected an integer.']] },
    ],
    [
      "Int32 out of range",
      {
        given: ['"count": 3000000000'],
        want: [["example-value-mismatch", 25, 12, '"count" is 3000000000 in the example, but the table types it Int32: expected an integer from -2147483648 to 2147483647.']],
      },
    ],
    ["Int32 in range", { given: ['"count": -7'], want: [] }],
    [
      "DateTimeOffset given \"yesterday\"",
      {
        given: ['"when": "yesterday"'],
        want: [["example-value-mismatch", 25, 11, '"when" is "yesterday" in the example, but the table types it DateTimeOffset: expected an ISO 8601 date-time such as 2017-01-01T00:00:00Z.']],
      },
    ],
    ["DateTimeOffset with fraction and offset", { given: ['"when": "2017-01-01T00:03:07.1589002-08:00"'], want: [] }],
    ["DateTimeOffset in UTC", { given: ['"when": "2016-12-31T23:56:44Z"'], want: [] }],
    [
      "Boolean given a string",
      { given: ['"enabled": "true"'], want: [["example-value-mismatch", 25, 14, '"enabled" is "true" in the example, but the table types it Boolean: expected true or false.']] },
    ],
    ["Double given an integer", { given: ['"ratio": 1'], want: [] }],
    ["null fits every type", { given: ['"count": null', '"when": null', '"status": null'], want: [] }],
    [
      "a collection given a single value",
      { given: ['"tags": "one"'], want: [["example-value-mismatch", 25, 11, '"tags" is a collection in the table, but the example gives a single value.']] },
    ],
    [
      "a collection's items are checked, reported at the array",
      { given: ['"tags": ["a", 1]'], want: [["example-value-mismatch", 25, 11, '"tags" is 1 in the example, but the table types it String: expected a string.']] },
    ],
    [
      "a property not in the table",
      {
        given: ['"color": "red"'],
        want: [["example-property-undocumented", 25, 12, 'The example sets "color", which the thing property table does not list; add it to the table or remove it from the example.']],
      },
    ],
    ["@odata.type and other @ annotations are ignored", { given: ['"@odata.type": "#microsoft.graph.thing"', '"@odata.etag": "W/1"'], want: [] }],
    [
      "several problems, in body order, each at its own line",
      {
        given: ['"@odata.type": "#microsoft.graph.thing"', '"status": "paused"', '"count": "5"', '"color": "red"', '"when": "yesterday"'],
        want: [
          ["example-value-mismatch", 26, 13, '"status" is "paused" in the example, which is not one of its possible values: active, inactive.'],
          ["example-value-mismatch", 27, 12, '"count" is "5" in the example, but the table types it Int32: expected an integer.'],
          ["example-property-undocumented", 28, 12, 'The example sets "color", which the thing property table does not list; add it to the table or remove it from the example.'],
          ["example-value-mismatch", 29, 11, '"when" is "yesterday" in the example, but the table types it DateTimeOffset: expected an ISO 8601 date-time such as 2017-01-01T00:00:00Z.'],
        ],
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const result = page(...request(...given));
    expect(rows(result.diagnostics)).toEqual(want);
    for (const d of result.diagnostics) expect(d.severity).toBe(d.code === "example-value-mismatch" ? "error" : "warning");
  });

  it("points at a value on the first body line after the header block", () => {
    // `{ "count": "5" }` on one line: the value is at column 12.
    const result = page("```http", "PATCH /things/1", "", '{ "count": "5" }', "```");
    expect(rows(result.diagnostics)).toEqual([["example-value-mismatch", 23, 12, '"count" is "5" in the example, but the table types it Int32: expected an integer.']]);
  });

  it("points at the value inside a fence indented 3 spaces: every body line is offset by the indentation", () => {
    const result = page(
      "   ```http", //                                              20
      "   PATCH https://graph.microsoft.com/beta/things/1", //      21
      "   Content-type: application/json", //                       22
      "", //                                                        23
      "   {", //                                                    24
      '     "count": "5",', //  value at column 15                   25
      '     "status": "paused"', //  value at column 16               26
      "   }", //                                                    27
      "   ```", //                                                  28
    );
    expect(rows(result.diagnostics)).toEqual([
      ["example-value-mismatch", 25, 15, '"count" is "5" in the example, but the table types it Int32: expected an integer.'],
      ["example-value-mismatch", 26, 16, '"status" is "paused" in the example, which is not one of its possible values: active, inactive.'],
    ]);
  });

  it("points at the value inside a fence in a block quote: every body line is offset by the \"> \"", () => {
    const result = page(
      "> ```http", //                                               20
      "> PATCH https://graph.microsoft.com/beta/things/1", //       21
      ">", //                                                       22
      "> {", //                                                     23
      '>   "count": "5",', //  value at column 14                    24
      '>   "status": "paused"', //  value at column 15                25
      "> }", //                                                     26
      "> ```", //                                                   27
    );
    expect(rows(result.diagnostics)).toEqual([
      ["example-value-mismatch", 24, 14, '"count" is "5" in the example, but the table types it Int32: expected an integer.'],
      ["example-value-mismatch", 25, 15, '"status" is "paused" in the example, which is not one of its possible values: active, inactive.'],
    ]);
  });

  it("checks a response body when the response returns the request's type, and not otherwise", () => {
    const response = ["```http", "HTTP/1.1 200 OK", "", '{ "id": "1", "count": "5" }', "```"];
    const lines = (sentence: string) => [...HEAD.slice(0, 18), "## Response", sentence, "## Example", ...response, ""].join("\n");
    const same = parseDocument(FILE, lines("If successful, this method returns a `200 OK` response code and an updated [thing](thing.md) object."));
    expect(rows(same.diagnostics)).toEqual([
      ["example-property-undocumented", 25, 9, 'The example sets "id", which the thing property table does not list; add it to the table or remove it from the example.'],
      ["example-value-mismatch", 25, 23, '"count" is "5" in the example, but the table types it Int32: expected an integer.'],
    ]);
    const other = parseDocument(FILE, lines("If successful, this method returns a `200 OK` response code and an updated [other](other.md) object."));
    expect(other.diagnostics).toEqual([]);
  });

  it("does not check bodies when the request body has no property table", () => {
    const result = parseDocument(
      FILE,
      ["# Update thing", "## HTTP request", "```http", "PATCH /things/{id}", "```", "## Request body", "Supply a JSON representation of a [thing](thing.md) object.", "## Example", ...request('"anything": 1')].join("\n"),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.types).toEqual([]);
    expect(result.operations[0]?.requestType).toBe("thing");
  });
});

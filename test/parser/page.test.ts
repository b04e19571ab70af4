import { describe, expect, it } from "vitest";
import type { PageKind, PageTypeModel } from "../../src/model/page.js";
import type { ApiVersion, PropertyModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const doc = (file: string, ...lines: string[]) => parseDocument(file, lines.join("\n"));
const ROUTE = ["## HTTP request", "```http", "GET /things", "```"];

describe("page kind", () => {
  type Case = [name: string, { given: string[]; want: { kind: PageKind; codes: string[] } }];
  const cases: Case[] = [
    ["front matter doc_type apiPageType", { given: ["---", "doc_type: apiPageType", "---", "# Get thing", ...ROUTE], want: { kind: "operation", codes: [] } }],
    ["apiPageType without a route is still an operation page (route-missing)", { given: ["---", "doc_type: apiPageType", "---", "# Get thing"], want: { kind: "operation", codes: ["route-missing"] } }],
    ["an 'X resource type' title wins over doc_type apiPageType", { given: ["---", "doc_type: apiPageType", "---", "# thing resource type"], want: { kind: "resource", codes: [] } }],
    ["an 'X enum type' title wins over doc_type resourcePageType", { given: ["---", "doc_type: resourcePageType", "---", "# color enum type"], want: { kind: "enum", codes: [] } }],
    ["apiPageType with a Properties section and no route is a resource page", { given: ["---", "doc_type: apiPageType", "---", "# thing resource", "## Properties", "Nothing yet."], want: { kind: "resource", codes: [] } }],
    ["doc_type resourcePageType", { given: ["---", "doc_type: resourcePageType", "---", "# Thing"], want: { kind: "resource", codes: [] } }],
    ["routes win over doc_type resourcePageType", { given: ["---", "doc_type: resourcePageType", "---", "# List things", ...ROUTE], want: { kind: "operation", codes: [] } }],
    ["routes do not make a conceptual page an operation page", { given: ["---", "doc_type: conceptualPageType", "---", "# Overview", ...ROUTE], want: { kind: "conceptual", codes: ["page-not-api"] } }],
    ["a qualified 'HTTP request (…)' section", { given: ["# Upload thing", "## HTTP request (to replace an existing item)", "```http", "PUT /a/{id}", "```"], want: { kind: "operation", codes: [] } }],
    ["doc_type enumPageType", { given: ["---", "doc_type: enumPageType", "---", "# color"], want: { kind: "enum", codes: [] } }],
    ["doc_type spelled with spaces and case", { given: ["---", "doc_type: Resource Page Type", "---", "# Thing"], want: { kind: "resource", codes: [] } }],
    ["unknown doc_type falls back to the content", { given: ["---", "doc_type: whatever", "---", "# Get thing", ...ROUTE], want: { kind: "operation", codes: [] } }],
    ["'X resource type' title", { given: ["# remoteActionAudit resource type", "", "Text."], want: { kind: "resource", codes: [] } }],
    ["'X enum type' title", { given: ["# deviceStatus enum type"], want: { kind: "enum", codes: [] } }],
    ["'X enumeration type' title", { given: ["# deviceStatus enumeration type"], want: { kind: "enum", codes: [] } }],
    ["HTTP request section", { given: ["# Get thing", "", ...ROUTE], want: { kind: "operation", codes: [] } }],
    ["'HTTP requests' section", { given: ["# Get thing", "## HTTP Requests", "```http", "GET /a", "```"], want: { kind: "operation", codes: [] } }],
    ["only a Properties section", { given: ["# Thing", "## Properties", "Nothing yet."], want: { kind: "resource", codes: [] } }],
    ["nothing recognisable", { given: ["# Overview", "", "Some prose."], want: { kind: "unknown", codes: ["page-not-api"] } }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const page = doc("p.md", ...given);
    expect({ kind: page.kind, codes: page.diagnostics.map((d) => d.code) }).toEqual(want);
  });

  it("reports page-not-api at the title", () => {
    const page = doc("p.md", "", "# Overview", "Prose.");
    expect(page.diagnostics).toEqual([
      { severity: "info", code: "page-not-api", message: "This page documents no operation, resource or enum; it was skipped.", file: "p.md", line: 2, column: 1 },
    ]);
    expect(page.types).toEqual([]);
    expect(page.operations).toEqual([]);
  });
});

describe("API version", () => {
  type Case = [name: string, { file: string; given: string[]; want: ApiVersion | null }];
  const cases: Case[] = [
    ["from an example URL (beta)", { file: "p.md", given: ["# Get thing", ...ROUTE, "## Example", "```http", "GET https://graph.microsoft.com/beta/things", "```"], want: "beta" }],
    ["from an example URL (v1.0)", { file: "p.md", given: ["# Get thing", ...ROUTE, "## Example", "```http", "GET https://graph.microsoft.com/v1.0/things", "```"], want: "v1.0" }],
    [
      "the example URL wins over a note",
      {
        file: "beta/p.md",
        given: ["# Get thing", "> **Important:** APIs under the /beta version are in preview.", ...ROUTE, "## Example", "```http", "GET https://graph.microsoft.com/v1.0/things", "```"],
        want: "v1.0",
      },
    ],
    ["from a '/beta version' note", { file: "p.md", given: ["# Get thing", "", "> **Important:** APIs under the /beta version in Microsoft Graph are in preview.", "", ...ROUTE], want: "beta" }],
    ["from a '/v1.0' note", { file: "p.md", given: ["# Get thing", "", "This is the /v1.0 endpoint.", "", ...ROUTE], want: "v1.0" }],
    ["a note wins over the folder", { file: "v1.0/api/p.md", given: ["# Get thing", "", "Preview: /beta only.", ...ROUTE], want: "beta" }],
    ["from a beta folder in the path", { file: "docs/beta/api/thing-get.md", given: ["# Get thing", ...ROUTE], want: "beta" }],
    ["from a v1.0 folder at the start of the path", { file: "v1.0/thing-get.md", given: ["# Get thing", ...ROUTE], want: "v1.0" }],
    ["a file name is not a folder", { file: "docs/beta.md", given: ["# Get thing", ...ROUTE], want: null }],
    ["a relative route is not a version", { file: "p.md", given: ["# Get thing", ...ROUTE, "## Example", "```http", "GET /beta/things", "```"], want: null }],
    ["unknown", { file: "p.md", given: ["# Get thing", ...ROUTE], want: null }],
  ];
  it.each(cases)("%s", (_name, { file, given, want }) => {
    expect(doc(file, ...given).apiVersion).toBe(want);
  });
});

describe("title", () => {
  type Case = [name: string, { given: string[]; want: { title: string | null; codes: string[] } }];
  const cases: Case[] = [
    ["H1 heading", { given: ["# Update remoteActionAudit", ...ROUTE], want: { title: "Update remoteActionAudit", codes: [] } }],
    ["H1 wins over front matter", { given: ["---", "title: Other", "---", "# Update securityAction", ...ROUTE], want: { title: "Update securityAction", codes: [] } }],
    ["front matter title without H1", { given: ["---", 'title: "Get thing"', "---", ...ROUTE], want: { title: "Get thing", codes: [] } }],
    ["blank front matter title", { given: ["---", 'title: "  "', "---", ...ROUTE], want: { title: null, codes: ["title-missing"] } }],
    ["no title", { given: [...ROUTE], want: { title: null, codes: ["title-missing"] } }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const page = doc("p.md", ...given);
    expect({ title: page.title, codes: page.diagnostics.map((d) => d.code) }).toEqual(want);
  });

  it("reports title-missing at 1:1 and names the operation with an empty title", () => {
    const page = doc("p.md", ...ROUTE);
    expect(page.diagnostics).toEqual([
      { severity: "warning", code: "title-missing", message: "The page has no title; start it with a '# Title' heading.", file: "p.md", line: 1, column: 1 },
    ]);
    expect(page.operations[0]?.title).toBe("");
  });

  it("uses the first intro paragraph that is not a note as the description", () => {
    const page = doc(
      "p.md",
      "# Get thing",
      "> **Important:** preview.",
      "",
      "> **Note:** licensing.",
      "",
      "Namespace: microsoft.graph",
      "",
      "Get the properties of a [thing](thing.md).",
      "",
      "Second paragraph.",
      ...ROUTE,
    );
    expect(page.operations[0]?.description).toBe("Get the properties of a thing.");
  });
});

describe("operation request type", () => {
  const FILE = "api/x.md";
  const op = (title: string, ...body: string[]) => doc(FILE, `# ${title}`, "## HTTP request", "```http", "PATCH /things/{id}", "```", "## Request body", ...body);

  it("takes the type of 'a JSON representation of a [x](…)' and references it at the link", () => {
    const page = op("Update thing", "In the request body, supply a JSON representation of a [remoteActionAudit](../resources/x.md) object.");
    expect(page.operations[0]?.requestType).toBe("remoteActionAudit");
    expect(page.types).toEqual([]);
    expect(page.typeRefs).toEqual([{ name: "remoteActionAudit", source: { file: FILE, line: 7, column: 56 } }]);
  });

  it("takes a linked name or one called an object, without the sentence's period or a namespace", () => {
    const cases: Array<[sentence: string, type: string | undefined]> = [
      ["Supply a JSON representation of a [teamsTab](../resources/teamstab.md).", "teamsTab"],
      ["Supply a JSON representation of a windowsWifiConfiguration object.", "windowsWifiConfiguration"],
      ["Provide a JSON representation of a new [openShiftChangeRequest](x.md) object.", "openShiftChangeRequest"],
      ["Supply a JSON representation of a [microsoft.graph.ediscovery.case](x.md) object.", "case"],
      // Words, not types: the title decides ("Do thing" names none).
      ["In the request body, supply JSON representation of the parameters.", undefined],
      ["Supply a JSON representation of the `id` of the directoryObject to add.", undefined],
      ["Supply a JSON representation of the values for relevant fields that should be updated.", undefined],
      ["Supply a JSON representation of a reference to a user.", undefined],
    ];
    for (const [sentence, type] of cases) {
      expect(op("Do thing", sentence, "", "|Property|Type|Description|", "|:--|:--|:--|", "|a|String||").operations[0]?.requestType, sentence).toBe(type);
    }
    // Without a named type, an "Update x" title still names it.
    expect(op("Update alert", "Supply a JSON representation of the values for relevant fields that should be updated.").operations[0]?.requestType).toBe("alert");
  });

  it("an action's Request body table without a type: its parameters are the body's; a GET's are its function's", () => {
    const action = (method: string) =>
      doc(FILE, "# thing: approve", "## HTTP request", "```http", `${method} /things/{id}/approve`, "```", "## Request body", "In the request body, supply a JSON object with the following parameters.", "", "|Parameter|Type|Description|", "|:--|:--|:--|", "|reason|String||", "|level|Int32||");
    const post = action("POST").operations[0];
    expect([post?.requestType, post?.bodyParameters?.map((p) => `${p.name}:${p.type}`), post?.functionParameters]).toEqual([undefined, ["reason:String", "level:Int32"], undefined]);
    expect(action("POST").types).toEqual([]);
    const get = action("GET").operations[0];
    expect([get?.bodyParameters, get?.functionParameters?.map((p) => p.name)]).toEqual([undefined, ["reason", "level"]]);
  });

  it("reads 'representation for the [x]' with a table: a requestBody type at the table", () => {
    const page = op(
      "Update securityAction", //                                                                  1
      "In the request body, supply a JSON representation for the [securityAction](../resources/securityAction.md) object.", // 7
      "", //                                                                                       8
      "|Property|Type|Description|", //                                                           9
      "|:---|:---|:---|", //                                                                      10
      "|name|String||", //                                                                        11
    );
    expect(page.operations[0]?.requestType).toBe("securityAction");
    expect(page.types).toEqual<PageTypeModel[]>([
      {
        name: "securityAction",
        role: "requestBody",
        properties: [{ name: "name", type: "String", collection: false, description: "", source: { file: FILE, line: 11, column: 2 } }],
        source: { file: FILE, line: 9, column: 1 },
      },
    ]);
  });

  it("falls back to the title's object when there is a table but no sentence", () => {
    const page = op("Create widget", "|Property|Type|Description|", "|---|---|---|", "|size|Int32|Size.|");
    expect(page.operations[0]?.requestType).toBe("widget");
    expect(page.types.map((t) => [t.name, t.role, t.properties.map((p) => p.name)])).toEqual([["widget", "requestBody", ["size"]]]);
  });

  it("has no request type when the section has neither a table nor a representation", () => {
    const page = op("Create widget", "Do not supply a request body for this method.");
    expect(page.operations[0]).not.toHaveProperty("requestType");
    expect(page.types).toEqual([]);
  });

  it("reads a parameter table as the request body of an action", () => {
    const page = op("Create widget", "|Parameter|Type|Description|", "|---|---|---|", "|count|Int32|How many.|");
    expect(page.types[0]?.properties.map((p) => [p.name, p.type])).toEqual([["count", "Int32"]]);
  });
});

describe("property table notes", () => {
  const FILE = "resources/thing.md";
  const page = doc(
    FILE,
    "# thing resource type", //                                                               1
    "", //                                                                                    2
    "Represents a thing.", //                                                                 3
    "", //                                                                                    4
    "## Properties", //                                                                       5
    "|Property|Type|Description|", //                                                         6
    "|:---|:---|:---|", //                                                                    7
    "|id|String|The id. Read-only. Inherited from [entity](../resources/entity.md)|", //      8
    "|userName|String|\\[deprecated\\] Please use upn instead.|", //                           9
    "|oldName (deprecated)|String|Old.|", //                                                  10
    "|`count`|Int32|Not nullable.|", //                                                       11
    "|**size**|Int64|Deprecated. Use length.|", //                                            12
    "|note|String|This will be deprecated soon.|", //                                         13
    "|owner|[user](user.md)|The owner. Non-nullable. Readonly.|", //                          14
    "|base|String|Inherited from `directoryObject`.|", //                                     15
    "|state|Enumeration|Possible values are: `on`, `off`. Has been deprecated.|", //          16
    "|mode|String|The mode. Nullable.|", //                                                   17
    "|createdBy|String|The [user](user.md) who made it. Inherited from [entity](entity.md)|", // 18
    "", //                                                                                    19
    "## Relationships", //                                                                    20
    "|Relationship|Type|Description|", //                                                     21
    "|---|---|---|", //                                                                       22
    "|members|[directoryObject](d.md) collection|Members. Read-only. Nullable.|", //           23
  );
  // A property is at its name cell's first character: column 2, after the leading pipe.
  const at = (line: number) => ({ file: FILE, line, column: 2 });
  const want: PropertyModel[] = [
    { name: "id", type: "String", collection: false, description: "The id. Read-only. Inherited from entity", readOnly: true, inheritedFrom: "entity", source: at(8) },
    { name: "userName", type: "String", collection: false, description: "[deprecated] Please use upn instead.", deprecated: true, source: at(9) },
    { name: "oldName", type: "String", collection: false, description: "Old.", deprecated: true, source: at(10) },
    { name: "count", type: "Int32", collection: false, description: "Not nullable.", nullable: false, source: at(11) },
    { name: "size", type: "Int64", collection: false, description: "Deprecated. Use length.", deprecated: true, source: at(12) },
    { name: "note", type: "String", collection: false, description: "This will be deprecated soon.", source: at(13) },
    { name: "owner", type: "user", collection: false, description: "The owner. Non-nullable. Readonly.", readOnly: true, nullable: false, source: at(14) },
    { name: "base", type: "String", collection: false, description: "Inherited from `directoryObject`.", inheritedFrom: "directoryObject", source: at(15) },
    {
      name: "state",
      type: "String",
      collection: false,
      description: "Possible values are: `on`, `off`. Has been deprecated.",
      enumValues: ["on", "off"],
      deprecated: true,
      source: at(16),
    },
    { name: "mode", type: "String", collection: false, description: "The mode. Nullable.", source: at(17) },
    // The base is the name after "Inherited from", not the description's first link.
    { name: "createdBy", type: "String", collection: false, description: "The user who made it. Inherited from entity", inheritedFrom: "entity", source: at(18) },
    { name: "members", type: "directoryObject", collection: true, description: "Members. Read-only. Nullable.", readOnly: true, navigation: true, source: at(23) },
  ];

  it.each(want.map((p): [string, PropertyModel] => [p.name, p]))("%s", (name, expected) => {
    expect(page.types[0]?.properties.find((p) => p.name === name)).toEqual(expected);
  });

  it("makes one resource type named from the title, with the intro as description", () => {
    expect(page.kind).toBe("resource");
    expect(page.types.map((t) => [t.name, t.role, t.description, t.source, t.properties.length])).toEqual([
      ["thing", "resource", "Represents a thing.", { file: FILE, line: 1, column: 1 }, want.length],
    ]);
    expect(page.types[0]?.properties.map((p) => p.name)).toEqual(want.map((p) => p.name));
  });

  it("references non-primitive types at their type cells", () => {
    expect(page.typeRefs).toEqual([
      { name: "user", source: { file: FILE, line: 14, column: 8 } },
      { name: "directoryObject", source: { file: FILE, line: 23, column: 10 } },
    ]);
  });
});

describe("property table: inherited from", () => {
  const base = (description: string) =>
    doc("r.md", "# thing resource type", "## Properties", "|Property|Type|Description|", "|---|---|---|", `|id|String|${description}|`).types[0]?.properties[0]?.inheritedFrom;

  it("drops the sentence's period after a linked base type", () => {
    expect(base("Inherited from [entity](entity.md).")).toBe("entity");
  });

  it("drops the period after a qualified name but keeps the dots inside it", () => {
    expect(base("Inherited from microsoft.graph.entity.")).toBe("microsoft.graph.entity");
  });

  it("drops the period after a name in backticks", () => {
    expect(base("The id. Inherited from `directoryObject`.")).toBe("directoryObject");
  });
});

describe("enum page", () => {
  it("reads members from the Members table, without backticks and duplicates", () => {
    const page = doc(
      "e.md",
      "# deviceStatus enum type",
      "## Members",
      "|Member|Value|Description|",
      "|---|---|---|",
      "|`unknown`|0|Unknown.|",
      "|**compliant**|1||",
      "|unknown|2||",
      "|unknownFutureValue|3||",
    );
    expect(page.types).toEqual<PageTypeModel[]>([
      { name: "deviceStatus", kind: "enum", properties: [], members: ["unknown", "compliant", "unknownFutureValue"], role: "enum", source: { file: "e.md", line: 1, column: 1 } },
    ]);
  });

  it("describes the enum with the intro's first paragraph that is no note", () => {
    const page = doc("e.md", "# deviceStatus enum type", "", "Namespace: microsoft.graph", "", "> **Note:** Intune needs a license.", "", "Compliance state of a device.", "", "## Members", "|Member|", "|---|", "|a|");
    expect(page.types[0]?.description).toBe("Compliance state of a device.");
  });
});

describe("property name cells", () => {
  const names = (...rows: string[]) =>
    doc("resources/thing.md", "# thing resource type", "## Properties", "|Property|Type|Description|", "|:---|:---|:---|", ...rows).types[0]?.properties.map((p) => p.name);

  it("takes a plain cell's first word: the rest are notes", () => {
    expect(names("|userName (deprecated)|String|x|", "|id inherited|String|x|", "|**size**|Int64|x|")).toEqual(["userName", "id", "size"]);
  });

  it("takes a cell that is one code span verbatim, spaces included", () => {
    expect(names("|`a b`|String|x|", "|**`c d`**|String|x|", "|`e` f|String|x|", "|`g h` (deprecated)|String|x|")).toEqual(["a b", "c d", "e", "g h"]);
  });
});

/** Resource pages: base types, entity vs complex, lenient property tables. */
import { describe, expect, it } from "vitest";
import type { PageTypeModel } from "../../src/model/page.js";
import { parseDocument } from "../../src/parser/index.js";

const resource = (...lines: string[]): PageTypeModel => {
  const page = parseDocument("r.md", ["# thing resource type", "", ...lines].join("\n"));
  const type = page.types[0];
  if (!type) throw new Error("no type parsed");
  return type;
};
const names = (type: PageTypeModel) => type.properties.map((p) => p.name);
const TABLE = ["| Property | Type | Description |", "|:--|:--|:--|"];

describe("base type", () => {
  it("reads 'Inherits from [x](x.md)' in the intro", () => {
    expect(resource("Inherits from [mobileApp](mobileapp.md).").baseType).toBe("mobileApp");
  });

  it("reads 'This type inherits from [x]' inside a longer paragraph", () => {
    expect(resource("Represents a member. This type inherits from [conversationMember](cm.md).").baseType).toBe("conversationMember");
  });

  it("skips 'the abstract base type' before the link", () => {
    expect(resource("Inherits from the abstract base type [authenticationListener](a.md).").baseType).toBe("authenticationListener");
  });

  it("reads a bare camelCase name", () => {
    expect(resource("mailSearchFolder inherits from mailFolder.").baseType).toBe("mailFolder");
  });

  it("ignores prose that names no type", () => {
    expect(resource("It is a singleton that inherits from base policy type.").baseType).toBeUndefined();
  });

  it("falls back to the one ancestor that 'Inherited from' rows name", () => {
    expect(resource("## Properties", ...TABLE, "|id|String|Id. Inherited from [mobileApp](m.md).|", "|name|String|Inherited from [mobileApp](m.md).|", "|size|Int32|Size.|").baseType).toBe("mobileApp");
  });

  it("does not guess when the rows name several ancestors", () => {
    expect(resource("## Properties", ...TABLE, "|id|String|Inherited from [entity](e.md).|", "|name|String|Inherited from [mobileApp](m.md).|").baseType).toBeUndefined();
  });

  it("prefers the resource annotation's baseType, without its namespace", () => {
    const type = resource("Inherits from [other](o.md).", "## JSON representation", '<!-- { "blockType": "resource", "baseType": "microsoft.graph.callRecords.endpoint", "@odata.type": "microsoft.graph.x" } -->', "```json", "{}", "```");
    expect(type.baseType).toBe("endpoint");
  });
});

describe("entity or complex", () => {
  it("is an entity when the resource annotation has a keyProperty", () => {
    expect(resource("Text.", '<!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.thing" } -->').kind).toBe("entity");
  });

  it("is left to the merge when the resource annotation has no keyProperty (many entity pages omit it)", () => {
    expect(resource("Text.", '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.thing" } -->').kind).toBeUndefined();
  });

  it("is left to the merge when the annotation names a base type", () => {
    expect(resource("Text.", '<!-- { "blockType": "resource", "baseType": "microsoft.graph.x" } -->').kind).toBeUndefined();
  });
});

describe("property tables on resource pages", () => {
  it("joins a description wrapped onto the next line to the row above", () => {
    const type = resource("## Properties", ...TABLE, "|size|Int64|The size. Valid values 0 to 10", "The value 0 means unlimited.|", "|name|String|The name.|");
    expect(names(type)).toEqual(["size", "name"]);
    expect(type.properties[0]?.description).toBe("The size. Valid values 0 to 10 The value 0 means unlimited.");
  });

  it("drops bold group-heading rows", () => {
    const type = resource("## Relationships", "|Relationship|Type|Description|", "|:--|:--|:--|", "|**Onboarding**|", "|apps|[app](app.md) collection|Apps.|", "|&nbsp; &nbsp; **Enrollment**| | |");
    expect(names(type)).toEqual(["apps"]);
    expect(type.properties[0]?.navigation).toBe(true);
  });

  it("keeps a plain one-word row with no type (an undocumented type)", () => {
    expect(names(resource("## Properties", ...TABLE, "|userAgent|"))).toEqual(["userAgent"]);
  });

  it("reads 'Relationship name' tables as navigation properties", () => {
    const type = resource("## Relationships", "| Relationship name | Type | Description", "|:--|:--|:--", "| **fields** | [fieldValueSet][] | Fields.");
    expect(type.properties.map((p) => [p.name, p.type, p.navigation])).toEqual([["fields", "fieldValueSet", true]]);
  });

  it("reads property tables under other headings and right under the title, once per name", () => {
    const type = resource(...TABLE, "|a|String|A.|", "", "## Page content", ...TABLE, "|b|Int32|B.|", "|a|String|Again.|", "## thing Properties", ...TABLE, "|c|Boolean|C.|");
    expect(names(type)).toEqual(["a", "b", "c"]);
  });

  it("ignores tables inside HTML comments", () => {
    expect(names(resource("<!--", "## Properties", ...TABLE, "|hidden|String|H.|", "-->"))).toEqual([]);
  });
});

describe("JSON representation cross-check", () => {
  const page = (json: string[]) =>
    parseDocument("r.md", ["# thing resource type", "## Properties", ...TABLE, "|id|String|Id.|", "|name|String|Name.|", "## Relationships", "|Relationship|Type|Description|", "|:--|:--|:--|", "|owner|[user](user.md)|Owner.|", "## JSON representation", "```json", ...json, "```"].join("\n"));

  it("is silent when the block lists the structural properties (navigation and annotations aside)", () => {
    expect(page(["{", '  "@odata.type": "#microsoft.graph.thing",', '  "id": "string",', '  "name": "string",', "}"]).diagnostics).toEqual([]);
  });

  it("reports keys the tables lack and properties the block lacks, at the block", () => {
    const parsed = page(["{", '  "id": "string",', '  "colour": "string"', "}"]);
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["representation-mismatch", 13, "The JSON representation of thing lists 1 property the tables do not (colour) and lacks 1 property the Properties table documents (name); make the block and the tables agree."],
    ]);
  });

  it("uses the block's spelling of a name that differs only in case when only the block's follows the convention", () => {
    const parsed = parseDocument("r.md", ["# thing resource type", "## Properties", ...TABLE, "|printerID|String|Id.|", "|Status|String|S.|", "## JSON representation", "```json", '{ "printerId": "String", "status": "String" }', "```"].join("\n"));
    expect(parsed.types[0]?.properties.map((p) => p.name)).toEqual(["printerId", "status"]);
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["property-name-case", 5, 2, "The property table spells printerID, the JSON representation printerId; printerId is used (Graph's names start in lower case and write Id, not ID). Make them agree."],
      ["property-name-case", 6, 2, "The property table spells Status, the JSON representation status; status is used (Graph's names start in lower case and write Id, not ID). Make them agree."],
    ]);
  });

  it("keeps the table's spelling when both or neither spelling follows the convention, or only the table's does", () => {
    const parsed = parseDocument("r.md", ["# thing resource type", "## Properties", ...TABLE, "|filename|String|F.|", "|manufacturer|String|M.|", "|URLs|String|U.|", "## JSON representation", "```json", '{ "fileName": "String", "Manufacturer": "String", "Urls": "String" }', "```"].join("\n"));
    expect(parsed.types[0]?.properties.map((p) => p.name)).toEqual(["filename", "manufacturer", "URLs"]);
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["property-name-case", 5, "The property table spells filename, the JSON representation fileName; the table's filename is kept. Make them agree."],
      ["property-name-case", 6, "The property table spells manufacturer, the JSON representation Manufacturer; the table's manufacturer is kept. Make them agree."],
      ["property-name-case", 7, "The property table spells URLs, the JSON representation Urls; the table's URLs is kept. Make them agree."],
    ]);
  });

  it("does not check a block that does not parse", () => {
    expect(page(["{", '  "id": "string" ...', "}"]).diagnostics).toEqual([]);
  });
});

describe("instance attributes", () => {
  it("are not properties, under a ## or a ### heading", () => {
    const type = resource("## Properties", ...TABLE, "|name|String|N.|", "### Instance attributes", "| Property name | Type | Description |", "|:--|:--|:--|", "|@microsoft.graph.downloadUrl|string|URL.|", "## Instance Attributes", ...TABLE, "|@x.y|string|Y.|", "## Relationships", "|Relationship|Type|Description|", "|:--|:--|:--|", "|owner|[user](user.md)|Owner.|");
    expect(names(type)).toEqual(["name", "owner"]);
  });
});

describe("tables describing another object", () => {
  const page = (heading: string) =>
    names(resource("## Properties", ...TABLE, "|definition|String collection|A JSON string; see below.|", heading, ...TABLE, "|Version|Integer|Set value of 1.|"));

  it("leaves out the table under 'Properties of a <something else>' (the JSON held in a property)", () => {
    expect(page("### Properties of a token lifetime policy definition")).toEqual(["definition"]);
  });

  it("leaves out tables under that heading's own subheadings, up to the next heading of its level", () => {
    expect(names(resource("## Properties", ...TABLE, "|id|String|Id.|", "### Properties of a policy definition", "#### Example: a definition", ...TABLE, "|Version|Integer|One.|", "### More", ...TABLE, "|size|Int32|Size.|"))).toEqual(["id", "size"]);
  });

  it("keeps the table under 'Properties of the <resource>' and other subheadings", () => {
    expect(page("### Properties of the thing")).toEqual(["definition", "Version"]);
    expect(page("### Settings")).toEqual(["definition", "Version"]);
  });

  it("leaves out a whole section so headed", () => {
    expect(names(resource("## Properties", ...TABLE, "|id|String|Id.|", "## Properties of an export definition", ...TABLE, "|Version|Integer|One.|"))).toEqual(["id"]);
  });
});

describe("rows naming a path", () => {
  it("skips `file/localizations` with a property-name-path warning at the row", () => {
    const page = parseDocument("r.md", ["# thing resource type", "", "## Relationships", "| Relationship | Type | Description |", "|:--|:--|:--|", "|file|[agreementFile](a.md)|The file.|", "|file/localizations|[loc](l.md) collection|Localized files.|"].join("\n"));
    expect(page.types[0]?.properties.map((p) => p.name)).toEqual(["file"]);
    expect(page.diagnostics.filter((d) => d.code === "property-name-path").map((d) => [d.line, d.severity])).toEqual([[7, "warning"]]);
  });
});

describe("tables under Properties or Relationships that are not read", () => {
  const page = (heading: string, header: string, row: string) => parseDocument("r.md", ["# thing resource type", "", heading, "", header, "|:--|:--|:--|", row, ""].join("\n"));
  const unread = (p: ReturnType<typeof page>) => p.diagnostics.filter((d) => d.code === "property-table-unread").map((d) => [d.line, d.severity, d.message]);

  it("reports a name column without a Type column, or a type column without a name column, at the table", () => {
    const named = page("## Properties", "| Name | Kind | Notes |", "| size | Int32 | The size. |");
    expect(named.types[0]?.properties).toEqual([]);
    expect(unread(named)).toEqual([[5, "warning", 'The table under "Properties" was not read as properties: its header is "Name | Kind | Notes", and a property table\'s starts with a Property (or Name) column and a Type column; rename its columns if it lists properties.']]);
    expect(unread(page("## Relationships", "| Method | Return Type | Description |", "| data | Binary | The data. |")).map(([line]) => line)).toEqual([5]);
  });

  it("says nothing of property tables, tables of values, tables elsewhere, or instance attributes", () => {
    expect(unread(page("## Properties", "| Property | Type | Description |", "| size | Int32 | The size. |"))).toEqual([]);
    expect(unread(page("## Properties", "| Member | Value | Description |", "| one | 1 | One. |"))).toEqual([]);
    expect(unread(page("## Methods", "| Method | Return Type | Description |", "| get | thing | Gets it. |"))).toEqual([]);
    expect(unread(page("## Instance attributes", "| Name | Kind | Notes |", "| @odata.type | String | The type. |"))).toEqual([]);
  });
});

describe("the type a resource page names", () => {
  const page = (title: string, ...lines: string[]) =>
    parseDocument("r.md", ["---", "doc_type: resourcePageType", "---", `# ${title}`, "", ...lines, "", "## Properties", "", ...TABLE, "|name|String|The name.|", ""].join("\n"));

  it.each<[string, string]>([
    ["thing resource type", "thing"],
    ["outlookTask resource type (deprecated)", "outlookTask"],
    ["media resouce type", "media"],
    ["Deleted facet", "Deleted"],
    ["userSet complex type", "userSet"],
    ["AsyncJobStatus resource", "AsyncJobStatus"],
    ["insightIdentity", "insightIdentity"],
  ])("%s → %s", (title, want) => {
    expect(page(title).types.map((t) => t.name)).toEqual([want]);
  });

  it("takes the JSON representation annotation's @odata.type when the title names no type", () => {
    const parsed = page("Configuring the invitation message", "", '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.invitedUserMessageInfo"} -->', "```json", '{"name": "x"}', "```");
    expect(parsed.kind).toBe("resource");
    expect(parsed.types.map((t) => t.name)).toEqual(["invitedUserMessageInfo"]);
  });

  it("reads a page whose title and annotation name no type as conceptual, not as a type named after its first word", () => {
    const parsed = page("Use the Microsoft Search API to query data");
    expect(parsed.kind).toBe("conceptual");
    expect(parsed.types).toEqual([]);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["page-not-api"]);
  });
});

describe("`### X values` tables of one column", () => {
  // (Several columns: a row of several words in the first cell only is a wrapped description; see above.)
  it("read each row as a member, spaces and all: no row of a one-column table is a wrapped continuation", () => {
    const page = parseDocument("r.md", ["# printer resource type", "", "## Properties", "", ...TABLE, "|size|mediaSizes|The size.|", "", "### mediaSizes values", "", "|Value|", "|:---|", "|A4|", "|JIS B4|", "|North America Letter|", "|Photo|", ""].join("\n"));
    expect(page.types.find((t) => t.name === "mediaSizes")?.members).toEqual(["A4", "JIS B4", "North America Letter", "Photo"]);
  });

});

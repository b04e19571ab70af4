import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/merge.js";
import type { PageModel } from "../../src/model/page.js";
import type { ApiModel, Diagnostic, PropertyModel, TypeModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const at = (file: string, line: number, column = 1) => ({ file, line, column });
/** A table row's first cell: every row here starts with "|", so its text is at column 2. */
const cell = (file: string, line: number) => at(file, line, 2);
const diag = (code: string, severity: Diagnostic["severity"], file: string, line: number, column: number, message: string): Diagnostic => ({
  severity,
  code,
  message,
  file,
  line,
  column,
});

/** A resource page; property rows start on line 6. */
const resource = (file: string, name: string, ...rows: string[]): PageModel =>
  parseDocument(file, [`# ${name} resource type`, "", "## Properties", "|Property|Type|Description|", "|---|---|---|", ...rows, ""].join("\n"));

/**
 * An operation page: title line 1, route line 4, request-body sentence line 7, property rows from line 10,
 * then the example lines.
 */
const operation = (file: string, title: string, route: string, rows: string[], ...example: string[]): PageModel =>
  parseDocument(
    file,
    [
      `# ${title}`, //                                                                 1
      "## HTTP request", //                                                            2
      "```http", //                                                                    3
      route, //                                                                        4
      "```", //                                                                        5
      "## Request body", //                                                            6
      "In the request body, supply a JSON representation of a [thing](thing.md) object.", // 7
      "|Property|Type|Description|", //                                                8
      "|---|---|---|", //                                                              9
      ...rows,
      "",
      ...example,
      "",
    ].join("\n"),
  );

const typeNamed = (model: ApiModel, name: string): TypeModel | undefined => model.types.find((t) => t.name === name);
const prop = (name: string, type: string, description: string, source: ReturnType<typeof at>, extra: Partial<PropertyModel> = {}): PropertyModel => ({
  name,
  type,
  collection: false,
  description,
  ...extra,
  source,
});

describe("buildModel: types", () => {
  it("unions the properties of one type across pages, in first-seen (file) order", () => {
    const a = resource("a.md", "thing", "|id|String|The id.|", "|name|String|The name.|");
    const b = operation("b.md", "Update thing", "PATCH /things/{id}", ["|name|String|Another description.|", "|size|Int32|The size.|"]);
    const model = buildModel([b, a]);
    expect(typeNamed(model, "thing")).toEqual<TypeModel>({
      name: "thing",
      kind: "entity",
      apiVersion: null,
      properties: [
        prop("id", "String", "The id.", cell("a.md", 6)),
        prop("name", "String", "The name.", cell("a.md", 7)),
        prop("size", "Int32", "The size.", cell("b.md", 11)),
      ],
      sources: [at("a.md", 1), at("b.md", 8)],
    });
    expect(model.types.map((t) => t.name)).toEqual(["thing"]);
    expect(model.diagnostics).toEqual([]);
  });

  it("keeps a property's first description and ORs its notes", () => {
    const a = resource("a.md", "thing", "|name|String||");
    const b = resource("b.md", "thing", "|name|String|The name. Read-only. Not nullable.|");
    const c = resource("c.md", "thing", "|name|String|\\[deprecated\\] Old.|");
    expect(typeNamed(buildModel([a, b, c]), "thing")?.properties).toEqual([
      prop("name", "String", "The name. Read-only. Not nullable.", cell("a.md", 6), { readOnly: true, nullable: false, deprecated: true }),
    ]);
  });

  it("unions enum values in first-seen order and reports the later list at its line", () => {
    const a = resource("a.md", "thing", "|id|String||", "|status|String|Possible values are: `active`, `paused`, `done`.|");
    const b = resource("b.md", "thing", "|status|String|Possible values are: `active`, `failed`, `done`, `unknownFutureValue`.|");
    const c = resource("c.md", "thing", "|status|String|Possible values are: `active`, `paused`, `done`.|");
    const model = buildModel([c, b, a]);
    expect(typeNamed(model, "thing")?.properties[1]).toEqual(
      prop("status", "String", "Possible values are: `active`, `paused`, `done`.", cell("a.md", 7), { enumValues: ["active", "paused", "done", "failed", "unknownFutureValue"] }),
    );
    expect(model.diagnostics).toEqual([
      diag(
        "enum-values-disagree",
        "warning",
        "b.md",
        6,
        2,
        "The possible values of thing.status here differ from a.md:7: this list adds 2 values (failed, unknownFutureValue) and lacks 1 (paused). The union is used.",
      ),
    ]);
  });

  type NamedCase = [name: string, { given: () => PageModel[] }];
  const namedCases: NamedCase[] = [
    [
      "named type first",
      {
        given: () => [
          resource("a.md", "remoteActionAudit", "|action|[remoteAction](remoteaction.md)|The action.|"),
          resource("b.md", "remoteActionAudit", "|action|String|Possible values are: `wipe`, `lock`.|"),
          resource("c.md", "remoteActionAudit", "|action|String|Possible values are: `wipe`, `reboot`.|"),
        ],
      },
    ],
    [
      "named type last",
      {
        given: () => [
          resource("a.md", "remoteActionAudit", "|action|String|The action.|"),
          resource("b.md", "remoteActionAudit", "|action|String|Possible values are: `wipe`, `lock`.|"),
          resource("c.md", "remoteActionAudit", "|action|String|Possible values are: `wipe`, `reboot`.|"),
          resource("d.md", "remoteActionAudit", "|action|[remoteAction](remoteaction.md)|The action.|"),
        ],
      },
    ],
  ];
  it.each(namedCases)("a named enum beats String + possible values and becomes an enum type with the union (%s)", (_name, { given }) => {
    const model = buildModel(given());
    const audit = typeNamed(model, "remoteActionAudit");
    expect(audit?.properties).toEqual([prop("action", "remoteAction", "The action.", cell("a.md", 6))]);
    expect(audit?.kind).toBe("complex");
    expect(typeNamed(model, "remoteAction")).toEqual<TypeModel>({
      name: "remoteAction",
      kind: "enum",
      apiVersion: null,
      properties: [],
      members: ["wipe", "lock", "reboot"],
      sources: [cell("a.md", 6)],
    });
    expect(model.diagnostics).toEqual([
      diag("enum-values-disagree", "warning", "c.md", 6, 2, "The possible values of remoteAction here differ from b.md:6: this list adds 1 value (reboot) and lacks 1 (lock). The union is used."),
    ]);
  });

  it("adds inline values to a documented enum page's members", () => {
    const model = buildModel([
      parseDocument("e.md", ["# remoteAction enum type", "## Members", "|Member|Value|", "|---|---|", "|wipe|0|", "|lock|1|"].join("\n")),
      resource("r.md", "remoteActionAudit", "|action|[remoteAction](e.md)|Possible values are: `wipe`, `lock`, `reboot`.|"),
    ]);
    expect(typeNamed(model, "remoteAction")).toMatchObject({ kind: "enum", members: ["wipe", "lock", "reboot"], sources: [at("e.md", 1)] });
    expect(model.diagnostics).toEqual([
      diag("enum-values-disagree", "warning", "r.md", 6, 2, "The possible values of remoteAction here differ from e.md:1: this list adds 1 value (reboot). The union is used."),
    ]);
  });

  type ConflictCase = [name: string, { given: [string, string]; want: { type: string; collection: boolean; messages: string[] } }];
  const conflicts: ConflictCase[] = [
    ["Int32 vs Boolean", { given: ["|size|Int32||", "|size|Boolean||"], want: { type: "Int32", collection: false, messages: ["thing.size is typed Boolean here but Int32 at a.md:6; the first is kept."] } }],
    ["String vs Int32 (primitive, not a named type)", { given: ["|size|String||", "|size|Int32||"], want: { type: "String", collection: false, messages: ["thing.size is typed Int32 here but String at a.md:6; the first is kept."] } }],
    ["two named types", { given: ["|size|[a](a.md)||", "|size|[b](b.md)||"], want: { type: "a", collection: false, messages: ["thing.size is typed b here but a at a.md:6; the first is kept."] } }],
    ["collection vs single", { given: ["|size|Int32 collection||", "|size|Int32||"], want: { type: "Int32", collection: true, messages: ["thing.size is not a collection here but is at a.md:6; the first is kept."] } }],
    ["Edm.Int32 and int are the same type", { given: ["|size|Edm.Int32||", "|size|int||"], want: { type: "Int32", collection: false, messages: [] } }],
  ];
  it.each(conflicts)("property-type-conflict: %s", (_name, { given, want }) => {
    const model = buildModel([resource("a.md", "thing", given[0]), resource("b.md", "thing", given[1])]);
    expect(typeNamed(model, "thing")?.properties.map((p) => [p.type, p.collection])).toEqual([[want.type, want.collection]]);
    expect(model.diagnostics.filter((d) => d.code === "property-type-conflict")).toEqual(want.messages.map((m) => diag("property-type-conflict", "warning", "b.md", 6, 2, m)));
  });

  it("keeps the resource page's type over a request-body table's, though the operation page comes first in file order", () => {
    const model = buildModel([
      operation("a/update.md", "Update thing", "PATCH /things/{id}", ["|attendees|Attendee|The attendees.|"]),
      resource("r/thing.md", "thing", "|attendees|[attendee](attendee.md) collection|The attendees.|"),
    ]);
    expect(typeNamed(model, "thing")?.properties.map((p) => [p.type, p.collection, p.source.file])).toEqual([["attendee", true, "r/thing.md"]]);
    expect(model.diagnostics.filter((d) => d.code === "property-type-conflict")).toEqual([
      diag("property-type-conflict", "warning", "a/update.md", 10, 2, "thing.attendees is not a collection here but is at r/thing.md:6; the first is kept."),
    ]);
  });

  type KindCase = [name: string, { given: string[]; want: TypeModel["kind"] }];
  const kinds: KindCase[] = [
    ["has id → entity", { given: ["|id|String||", "|name|String||"], want: "entity" }],
    ["no id → complex", { given: ["|name|String||"], want: "complex" }],
    ["id is case-sensitive", { given: ["|Id|String||"], want: "complex" }],
  ];
  it.each(kinds)("entity vs complex: %s", (_name, { given, want }) => {
    expect(typeNamed(buildModel([resource("a.md", "thing", ...given)]), "thing")?.kind).toBe(want);
  });

  it("merges type names case-insensitively, keeping the first spelling", () => {
    const model = buildModel([resource("a.md", "securityAction", "|id|String||"), resource("b.md", "SecurityAction", "|name|String||")]);
    expect(model.types.map((t) => [t.name, t.properties.map((p) => p.name)])).toEqual([["securityAction", ["id", "name"]]]);
  });

  it("keeps API versions apart", () => {
    const model = buildModel([resource("beta/a.md", "thing", "|id|String||"), resource("v1.0/a.md", "thing", "|name|String||")]);
    expect(model.types.map((t) => [t.apiVersion, t.name, t.properties.map((p) => p.name)])).toEqual([
      ["beta", "thing", ["id"]],
      ["v1.0", "thing", ["name"]],
    ]);
  });
});

describe("buildModel: operations", () => {
  const example = (body: string) => ["## Example", "```http", "PATCH https://graph.microsoft.com/beta/things/1", "", body, "```"];

  it("merges the same route on two pages into one operation with both examples", () => {
    const a = operation("a.md", "Update thing", "PATCH /things/{thingId}", ["|name|String||"], ...example('{ "name": "a" }'));
    const b = operation("b.md", "Update a thing", "PATCH /things/{thingId}/", ["|name|String||"], ...example('{ "name": "b" }'));
    const model = buildModel([b, a]);
    expect(model.operations).toHaveLength(1);
    const [op] = model.operations;
    expect(op).toMatchObject({ id: "updateThing", title: "Update thing", apiVersion: "beta", method: "PATCH", paths: ["/things/{thingId}"], pathParams: [{ name: "thingId", type: "String" }] });
    expect(op?.examples.map((e) => [e.request?.body, e.request?.source])).toEqual([
      [{ name: "a" }, at("a.md", 14)],
      [{ name: "b" }, at("b.md", 14)],
    ]);
    expect(op?.sources).toEqual([at("a.md", 1), at("b.md", 1)]);
    expect(model.diagnostics).toEqual([
      diag("operation-duplicate", "info", "b.md", 1, 1, "PATCH /things/{thingId} is also documented at a.md:1; the pages were merged into \"Update thing\"."),
    ]);
  });

  it("treats routes that differ only in placeholder names and letter case as the same operation", () => {
    const a = operation("a.md", "Update thing", "PATCH /things/{thingId}", ["|name|String||"]);
    const b = operation("b.md", "Modify thing", "PATCH /Things/{id}", ["|name|String||"]);
    const model = buildModel([a, b]);
    expect(model.operations.map((o) => [o.id, o.sources])).toEqual([["updateThing", [at("a.md", 1), at("b.md", 1)]]]);
    expect(model.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([["operation-duplicate", "b.md", 1]]);
  });

  it("merges routes that differ only in placeholder names and case into one path with one path parameter", () => {
    const get = (file: string, title: string, route: string) => parseDocument(file, [`# ${title}`, "## HTTP request", "```http", route, "```"].join("\n"));
    const model = buildModel([get("a.md", "Get thing", "GET /things/{thingId}"), get("b.md", "Get a thing", "GET /Things/{id}")]);
    expect(model.operations.map((o) => [o.id, o.method, o.paths, o.pathParams])).toEqual([["getThing", "GET", ["/things/{thingId}"], [{ name: "thingId", type: "String" }]]]);
  });

  it("gives different routes with the same title readable ids: the root route keeps the title's id, the other is qualified by its route", () => {
    const a = operation("a.md", "Update thing", "PATCH /me/things/{id}", ["|name|String||"]);
    const b = operation("b.md", "Update thing", "PATCH /things/{id}", ["|name|String||"]);
    const model = buildModel([b, a]);
    expect(model.operations.map((o) => [o.id, o.paths, o.sources])).toEqual([
      ["updateThing", ["/things/{id}"], [at("b.md", 1)]],
      ["updateThingOfMe", ["/me/things/{id}"], [at("a.md", 1)]],
    ]);
    expect(model.diagnostics).toEqual([
      diag("operation-id-clash", "warning", "a.md", 1, 1, '"Update thing" derives the id updateThing, as 1 other operation does (/things/{id} keeps it); this one (PATCH /me/things/{id}) is named updateThingOfMe.'),
    ]);
  });

  it("keeps the same route in different API versions apart", () => {
    const a = operation("beta/a.md", "Update thing", "PATCH /things/{id}", ["|name|String||"]);
    const b = operation("v1.0/a.md", "Update thing", "PATCH /things/{id}", ["|name|String||"]);
    const model = buildModel([a, b]);
    expect(model.operations.map((o) => [o.apiVersion, o.id])).toEqual([
      ["beta", "updateThing"],
      ["v1.0", "updateThing"],
    ]);
    expect(model.diagnostics).toEqual([]);
  });
});

describe("buildModel: undocumented types", () => {
  const inferencePage = () =>
    operation(
      "a.md",
      "Update thing",
      "PATCH /things/{id}",
      [
        "|name|String||", //                                                           10
        "|errorInfo|[resultInfo](../resources/resultinfo.md)||", //                      11
        "|parameters|[keyValuePair](../resources/keyvaluepair.md) collection||", //      12
        "|owner|[identity](../resources/identity.md)||", //                              13
      ],
      "## Example", //                                                                 15
      "```http", //                                                                    16
      "PATCH https://graph.microsoft.com/beta/things/1", //                            17
      "", //                                                                           18
      "{", //                                                                          19
      '  "name": "n",',
      '  "errorInfo": { "code": 1, "message": "m", "at": "2017-01-01T00:00:00Z", "extra": null },',
      '  "parameters": [ { "name": "a", "value": "b" }, { "name": "c", "value": 2, "tags": ["x"] } ]',
      "}",
      "```",
    );

  it("infers a linked type from example payloads, with property types", () => {
    const model = buildModel([inferencePage()]);
    expect(typeNamed(model, "resultInfo")).toEqual<TypeModel>({
      name: "resultInfo",
      kind: "complex",
      apiVersion: "beta",
      description: "Not documented by any input page: inferred from 1 example payload.",
      properties: [
        prop("code", "Int32", "", at("a.md", 17)),
        prop("message", "String", "", at("a.md", 17)),
        prop("at", "DateTimeOffset", "", at("a.md", 17)),
        prop("extra", "Json", "", at("a.md", 17)),
      ],
      inferred: true,
      sources: [at("a.md", 11, 12)],
    });
    expect(typeNamed(model, "keyValuePair")).toMatchObject({
      kind: "complex",
      inferred: true,
      description: "Not documented by any input page: inferred from 2 example payloads.",
      properties: [
        prop("name", "String", "", at("a.md", 17)),
        prop("value", "Json", "", at("a.md", 17)),
        prop("tags", "String", "", at("a.md", 17), { collection: true }),
      ],
    });
    expect(typeNamed(model, "identity")).toBeUndefined();
    expect(model.types.map((t) => t.name)).toEqual(["keyValuePair", "resultInfo", "thing"]);
  });

  it("reports every undocumented reference, and the inferred shape at the first one", () => {
    const model = buildModel([inferencePage()]);
    expect(model.diagnostics).toEqual([
      diag("type-undocumented", "warning", "a.md", 11, 12, "The type resultInfo is referenced but no input page documents it; add its resource page."),
      diag("type-inferred", "info", "a.md", 11, 12, "The shape of resultInfo { code: Int32, message: String, at: DateTimeOffset, extra: Json } was inferred from 1 example payload."),
      diag("type-undocumented", "warning", "a.md", 12, 13, "The type keyValuePair is referenced but no input page documents it; add its resource page."),
      diag("type-inferred", "info", "a.md", 12, 13, "The shape of keyValuePair { name: String, value: Json, tags: String[] } was inferred from 2 example payloads."),
      diag("type-undocumented", "warning", "a.md", 13, 8, "The type identity is referenced but no input page documents it; add its resource page."),
    ]);
  });

  it("infers an entity when the samples have an id, and types by @odata.type", () => {
    const page = operation(
      "a.md",
      "Update thing",
      "PATCH /things/{id}",
      ["|owner|[identity](identity.md)||", "|extra|String||"],
      "## Example",
      "```http",
      "PATCH https://graph.microsoft.com/beta/things/1",
      "",
      '{ "owner": { "id": "1", "size": 2.5 }, "extra": "x" }',
      "```",
      "```http",
      "HTTP/1.1 200 OK",
      "",
      '{ "@odata.type": "#microsoft.graph.identity", "id": "2", "size": 3 }',
      "```",
    );
    const model = buildModel([page]);
    expect(typeNamed(model, "identity")).toMatchObject({
      kind: "entity",
      inferred: true,
      properties: [prop("id", "String", "", at("a.md", 15)), prop("size", "Double", "", at("a.md", 15))],
    });
  });

  it("documented types win over inference", () => {
    const model = buildModel([inferencePage(), resource("b.md", "resultInfo", "|code|Int64|The code.|")]);
    expect(typeNamed(model, "resultInfo")).toEqual<TypeModel>({
      name: "resultInfo",
      kind: "complex",
      apiVersion: null,
      properties: [prop("code", "Int64", "The code.", cell("b.md", 6))],
      sources: [at("b.md", 1)],
    });
  });
});

describe("buildModel: inputs", () => {
  it("leaves the pages it is given unchanged", () => {
    const given: PageModel[] = [
      resource("r/thing.md", "thing", "|id|String||", "|status|String|Possible values are: `a`, `b`.|", "|action|[remoteAction](x.md)||"),
      operation(
        "o/update.md",
        "Update thing",
        "PATCH /things/{id}",
        ["|status|String|Possible values are: `b`, `c`.|", "|action|String|Possible values are: `wipe`.|", "|info|[resultInfo](r.md)||"],
        "## Example",
        "```http",
        "PATCH /things/1",
        "",
        '{ "status": "b", "info": { "code": 1 } }',
        "```",
      ),
      operation("o/update2.md", "Update thing", "PATCH /Things/{thingId}", ["|size|Int32||"], "## Example", "```http", "PATCH /things/2", "", '{ "size": 1 }', "```"),
      resource("r/other.md", "Thing", "|name|String||", "|action|String|Possible values are: `lock`, `wipe`.|"),
    ];
    const before = structuredClone(given);
    const model = buildModel(given);
    expect(model.operations).toHaveLength(1);
    expect(model.operations[0]?.examples).toHaveLength(2);
    expect(given).toEqual(before);
  });
});

describe("buildModel: determinism", () => {
  const pages = (): PageModel[] => [
    resource("r/thing.md", "thing", "|id|String||", "|status|String|Possible values are: `a`, `b`.|", "|action|[remoteAction](x.md)||"),
    operation(
      "o/update.md",
      "Update thing",
      "PATCH /things/{id}",
      ["|status|String|Possible values are: `b`, `c`.|", "|action|String|Possible values are: `wipe`.|", "|info|[resultInfo](r.md)||", "|size|Boolean||"],
      "## Example",
      "```http",
      "PATCH /things/1",
      "",
      '{ "status": "b", "info": { "code": 1 } }',
      "```",
    ),
    operation("o/update2.md", "Update thing", "PATCH /things/{thingId}", ["|size|Int32||"]),
    operation("o/update3.md", "Update thing", "PATCH /other/{id}", ["|size|Int32||"]),
    resource("r/other.md", "Thing", "|name|String||", "|action|String|Possible values are: `lock`, `wipe`.|"),
  ];
  const orders = [
    [0, 1, 2, 3, 4],
    [4, 3, 2, 1, 0],
    [2, 0, 4, 1, 3],
    [3, 4, 1, 0, 2],
  ];

  it("gives the same model for every page order", () => {
    const results = orders.map((order) => {
      const fresh = pages();
      return JSON.stringify(buildModel(order.map((i) => fresh[i] as PageModel)));
    });
    for (const result of results) expect(result).toBe(results[0]);
    const model = JSON.parse(results[0] ?? "{}") as ApiModel;
    expect(model.types.map((t) => [t.name, t.kind])).toEqual([
      ["Thing", "entity"],
      ["remoteAction", "enum"],
      ["resultInfo", "complex"],
    ]);
    expect(model.operations.map((o) => o.id)).toEqual(["updateThingOfOther", "updateThingOfThings"]);
    // Pages are taken in file order, resource pages' types first: r/other.md names the type and,
    // with r/thing.md, gives the reference lists and types; the operation pages' tables differ from them.
    expect(model.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["operation-id-clash", "o/update.md", 1, 1],
      ["enum-values-disagree", "o/update.md", 10, 2],
      ["enum-values-disagree", "o/update.md", 11, 2],
      ["type-undocumented", "o/update.md", 12, 7],
      ["type-inferred", "o/update.md", 12, 7],
      ["operation-duplicate", "o/update2.md", 1, 1],
      ["property-type-conflict", "o/update2.md", 10, 2],
      ["operation-id-clash", "o/update3.md", 1, 1],
      ["property-type-conflict", "o/update3.md", 10, 2],
    ]);
    const thing = model.types.find((t) => t.name === "Thing");
    expect(thing?.properties.map((p) => [p.name, p.type, p.enumValues])).toEqual([
      ["name", "String", undefined],
      ["action", "remoteAction", undefined],
      ["id", "String", undefined],
      ["status", "String", ["a", "b", "c"]],
      ["info", "resultInfo", undefined],
      ["size", "Boolean", undefined],
    ]);
    expect(model.types.find((t) => t.name === "remoteAction")?.members).toEqual(["lock", "wipe"]);
  });

  it("gives the same model when the same page objects are given twice in another order", () => {
    const given = pages();
    const first = JSON.stringify(buildModel(given));
    const second = JSON.stringify(buildModel([...given].reverse()));
    expect(second).toBe(first);
  });
});

describe("entity or complex, through base types", () => {
  const page = (file: string, ...lines: string[]) => parseDocument(file, lines.join("\n"));
  it("a type deriving (through another) from entity is an entity; one deriving from a complex type is complex", () => {
    const model = buildModel([
      page("a.md", "# directoryObject resource type", "", "Inherits from [entity](entity.md).", "## Properties", "|Property|Type|Description|", "|---|---|---|", "|deletedDateTime|DateTimeOffset|When.|"),
      page("b.md", "# user resource type", "", "Inherits from [directoryObject](directoryobject.md).", "## Properties", "|Property|Type|Description|", "|---|---|---|", "|displayName|String|Name.|"),
      page("c.md", "# identity resource type", "", "## Properties", "|Property|Type|Description|", "|---|---|---|", "|displayName|String|Name.|"),
      page("d.md", "# userIdentity resource type", "", "Inherits from [identity](identity.md).", "## Properties", "|Property|Type|Description|", "|---|---|---|", "|ipAddress|String|IP.|"),
    ]);
    expect(["directoryObject", "user", "identity", "userIdentity"].map((n) => [n, typeNamed(model, n)?.kind, typeNamed(model, n)?.baseType])).toEqual([
      ["directoryObject", "entity", "entity"],
      ["user", "entity", "directoryObject"],
      ["identity", "complex", undefined],
      ["userIdentity", "complex", "identity"],
    ]);
  });

  it("a keyProperty annotation makes an entity without an id row", () => {
    const model = buildModel([page("a.md", "# thing resource type", "", '<!-- { "blockType": "resource", "keyProperty": "name", "@odata.type": "microsoft.graph.thing" } -->', "## Properties", "|Property|Type|Description|", "|---|---|---|", "|name|String|Key.|")]);
    expect(typeNamed(model, "thing")?.kind).toBe("entity");
  });
});

describe("possible values on a property typed with a documented resource", () => {
  it("stay on the property: a type with properties never becomes an enum", () => {
    const model = buildModel([
      resource("a.md", "meeting", "|call|[call](call.md)|The call. Possible values are: `a`, `b`.|"),
      resource("b.md", "call", "|id|String|Id.|"),
    ]);
    expect(typeNamed(model, "call")?.kind).toBe("entity");
    expect(typeNamed(model, "call")?.members).toBeUndefined();
    expect(typeNamed(model, "meeting")?.properties[0]?.enumValues).toEqual(["a", "b"]);
  });
});

describe("buildModel: API versions", () => {
  it("merges each version from its own pages: same-named types stay apart, and a type documented only in another version is not taken", () => {
    const v1Widget: PageModel = { ...resource("v1/widget.md", "widget", "|id|String|The id.|", "|size|Int32|The size.|"), apiVersion: "v1.0" };
    const betaWidget: PageModel = { ...resource("beta/widget.md", "widget", "|id|String|The id.|", "|color|String|The color.|"), apiVersion: "beta" };
    const v1Thing: PageModel = { ...resource("v1/thing.md", "thing", "|id|String|The id.|"), apiVersion: "v1.0" };
    const betaCreate: PageModel = { ...operation("beta/create-thing.md", "Create thing", "POST /things", ["|name|String|The name.|"]), apiVersion: "beta" };
    const pages = [v1Widget, betaWidget, v1Thing, betaCreate];
    const model = buildModel(pages);
    const widget = (version: string) => model.types.find((t) => t.name === "widget" && t.apiVersion === version)?.properties.map((p) => p.name);
    expect(widget("v1.0")).toEqual(["id", "size"]);
    expect(widget("beta")).toEqual(["id", "color"]);
    expect(model.types.filter((t) => t.name === "thing").map((t) => t.apiVersion)).toEqual(["beta", "v1.0"]);
    // The beta thing comes from the beta request-body table only, not from the v1.0 resource page.
    expect(model.types.find((t) => t.name === "thing" && t.apiVersion === "beta")?.properties.map((p) => p.name)).toEqual(["name"]);
    // One version's part of the model is what its pages alone give.
    for (const version of ["beta", "v1.0"] as const) {
      const alone = buildModel(pages.filter((page) => page.apiVersion === version));
      expect(model.types.filter((t) => t.apiVersion === version)).toEqual(alone.types);
      expect(model.operations.filter((o) => o.apiVersion === version)).toEqual(alone.operations);
    }
  });
});

describe("operations documented by the pages of derived types", () => {
  const typePage = (file: string, name: string, base?: string) =>
    parseDocument(file, [`# ${name} resource type`, "", ...(base ? [`Inherits from [${base}](${base}.md).`, ""] : []), "## Properties", "|Property|Type|Description|", "|:--|:--|:--|", "|id|String||"].join("\n"));
  const createPage = (file: string, type: string) =>
    parseDocument(
      file,
      [`# Create ${type}`, "## HTTP request", "```http", "POST /deviceManagement/configurations", "```", "## Request body", `Supply a JSON representation of a [${type}](${type}.md) object.`, "## Response", `If successful, this method returns a \`201 Created\` response code and a [${type}](${type}.md) object in the response body.`].join("\n"),
    );
  const pages = [
    typePage("beta/resources/cfg.md", "deviceConfiguration", "entity"),
    typePage("beta/resources/android.md", "androidConfiguration", "deviceConfiguration"),
    typePage("beta/resources/ios.md", "iosConfiguration", "deviceConfiguration"),
    typePage("beta/resources/ios-custom.md", "iosCustomConfiguration", "iosConfiguration"),
    typePage("beta/resources/other.md", "unrelated"),
  ];
  const types = (model: ApiModel) => model.operations.map((op) => [op.requestType, op.responseType]);

  it("send and return the types' nearest common base, whatever the page order", () => {
    const ops = [createPage("beta/api/android-create.md", "androidConfiguration"), createPage("beta/api/ios-create.md", "iosCustomConfiguration")];
    expect(types(buildModel([...pages, ...ops]))).toEqual([["deviceConfiguration", "deviceConfiguration"]]);
    expect(types(buildModel([...ops].reverse().concat(pages)))).toEqual([["deviceConfiguration", "deviceConfiguration"]]);
  });

  it("a derived type and its own base: the base", () => {
    const ops = [createPage("beta/api/a.md", "iosCustomConfiguration"), createPage("beta/api/b.md", "iosConfiguration")];
    expect(types(buildModel([...pages, ...ops]))).toEqual([["iosConfiguration", "iosConfiguration"]]);
  });

  it("types with no common base: the first page's", () => {
    const ops = [createPage("beta/api/a.md", "androidConfiguration"), createPage("beta/api/b.md", "unrelated")];
    expect(types(buildModel([...pages, ...ops]))).toEqual([["androidConfiguration", "androidConfiguration"]]);
  });
});

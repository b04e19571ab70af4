/** Generated validators, run on values: every primitive, enums, nesting, collections, nullability, paths. */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import { generateInto, importGenerated } from "./generate.js";

const at = { file: "fixture.md", line: 1, column: 1 };
const prop = (name: string, type: string, extra: Partial<PropertyModel> = {}): PropertyModel => ({ name, type, collection: false, description: "", source: at, ...extra });
const type = (name: string, kind: TypeModel["kind"], properties: PropertyModel[], members?: string[]): TypeModel => ({
  name,
  kind,
  apiVersion: "beta",
  properties,
  sources: [at],
  ...(members ? { members } : {}),
});

const widgetProperties: PropertyModel[] = [
  prop("id", "String"),
  prop("count", "Int32"),
  prop("small", "Byte"),
  prop("big", "Int64"),
  prop("ratio", "Double"),
  prop("single", "Single"),
  prop("money", "Decimal"),
  prop("short", "Int16"),
  prop("signed", "SByte"),
  prop("content", "Stream"),
  prop("flag", "Boolean"),
  prop("when", "DateTimeOffset"),
  prop("day", "Date"),
  prop("time", "TimeOfDay"),
  prop("span", "Duration"),
  prop("guid", "Guid"),
  prop("blob", "Binary"),
  prop("any", "Json"),
  prop("color", "color"),
  prop("colors", "color", { collection: true }),
  prop("state", "String", { enumValues: ["on", "off"] }),
  prop("tags", "String", { collection: true }),
  prop("child", "part"),
  prop("parts", "part", { collection: true }),
  prop("required", "String", { nullable: false }),
  prop("odd/key~name", "String"),
  prop("missing", "notDocumented"),
];

// widget has more properties than TABLE_FROM, so its walker is table-driven; each onlyPropertyN has
// one of widget's properties, so its walker is straight-line code: the two styles must agree.
const model: ApiModel = {
  types: [
    type("color", "enum", [], ["red", "green", "unknownFutureValue"]),
    type("widget", "entity", widgetProperties),
    type("part", "complex", [prop("label", "String"), prop("parent", "widget")]),
    ...widgetProperties.map((property, i) => type(`onlyProperty${i}`, "complex", [property])),
    // Named like exports of the walker runtime, which validators.ts imports next to the interfaces.
    type("GUID", "complex", [prop("id", "Guid")]),
  ],
  operations: [],
  diagnostics: [],
};

type Validator = (value: unknown) => { valid: boolean; errors: { path: string; code: string }[]; warnings: { path: string; code: string }[] };
let dir = "";
let validateWidget: Validator;
let validateColor: Validator;
let validators: Record<string, unknown> = {};
/** The straight-line validator of the one-property type holding `key`. */
let onlyProperty: (key: string) => Validator;

beforeAll(async () => {
  dir = await generateInto(model, "validators");
  const mod = await importGenerated(dir, "beta");
  validators = mod;
  const pick = (name: string): Validator => {
    const fn = mod[name];
    if (typeof fn !== "function") throw new Error(`${name} not exported`);
    return (value) => fn(value);
  };
  validateWidget = pick("validateWidget");
  validateColor = pick("validateColor");
  onlyProperty = (key) => pick(`validateOnlyProperty${widgetProperties.findIndex((p) => p.name === key)}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problems = (value: unknown) => validateWidget(value).errors.map((e) => `${e.path} ${e.code}`);

describe("generated validators", () => {
  it("accept a valid object, nulls, annotations and every primitive's valid form", () => {
    const result = validateWidget({
      "@odata.type": "#microsoft.graph.widget",
      id: "w1",
      count: -2147483648,
      small: 255,
      big: 9007199254740991,
      ratio: 0.5,
      single: -3.4e38,
      money: 12.345,
      short: -32768,
      signed: 127,
      content: "aGVsbG8=",
      flag: false,
      when: "2017-01-01T00:03:07.1589002-08:00",
      day: "2024-02-29",
      time: "23:59:59.5",
      span: "P1DT2H",
      guid: "477f8d24-8d24-477f-248d-7f47248d7f47",
      blob: "aGVsbG8=",
      any: { nested: [1, "x", null] },
      color: "unknownFutureValue",
      colors: ["red", "green"],
      state: "on",
      tags: ["a", null],
      child: { label: "c", parent: { id: "w2" } },
      parts: [{ label: "p" }],
      required: "yes",
      "odd/key~name": "ok",
      missing: { whatever: true },
      ratioNull: undefined,
      when2: null,
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validateWidget({ id: null, count: null, child: null }).valid).toBe(true);
  });

  type Case = [name: string, value: Record<string, unknown>, expected: string[]];
  const cases: Case[] = [
    ["string type", { id: 5 }, ["/id type"]],
    ["Int32 not integer", { count: 1.5 }, ["/count type"]],
    ["Int32 above range", { count: 2147483648 }, ["/count range"]],
    ["Byte below range", { small: -1 }, ["/small range"]],
    ["Int64 not an integer", { big: 1.5 }, ["/big type"]],
    ["Int64 beyond 2^63", { big: 2 ** 64 }, ["/big range"]],
    ["Int64 as a string", { big: "1" }, ["/big type"]],
    ["Int16 above range", { short: 32768 }, ["/short range"]],
    ["SByte below range", { signed: -129 }, ["/signed range"]],
    ["Single beyond the float range", { single: 3.5e38 }, ["/single range"]],
    ["Decimal given a string", { money: "12.5" }, ["/money type"]],
    ["Stream given a number", { content: 1 }, ["/content type"]],
    ["Double given a string", { ratio: "0.5" }, ["/ratio type"]],
    ["Boolean given a string", { flag: "true" }, ["/flag type"]],
    ["DateTimeOffset without offset", { when: "2017-01-01T00:03:07" }, ["/when format"]],
    ["DateTimeOffset impossible date", { when: "2017-02-30T00:00:00Z" }, ["/when format"]],
    ["Date in another format", { day: "01/02/2017" }, ["/day format"]],
    ["Date 29 February of a common year", { day: "2023-02-29" }, ["/day format"]],
    ["TimeOfDay out of range", { time: "24:00:00" }, ["/time format"]],
    ["Duration not ISO 8601", { span: "1 day" }, ["/span format"]],
    ["Guid malformed", { guid: "477f8d24" }, ["/guid format"]],
    ["Binary not base64", { blob: "not base64!" }, ["/blob format"]],
    ["named enum", { color: "blue" }, ["/color enum"]],
    ["collection of enum, path per element", { colors: ["red", "blue", 3] }, ["/colors/1 enum", "/colors/2 enum"]],
    ["inline enum", { state: "maybe" }, ["/state enum"]],
    ["collection given a single value", { tags: "a" }, ["/tags type"]],
    ["nested type, path into it", { child: { label: 1, parent: { count: "x" } } }, ["/child/label type", "/child/parent/count type"]],
    ["collection of nested types", { parts: [{ label: "ok" }, { label: false }] }, ["/parts/1/label type"]],
    ["not nullable", { required: null }, ["/required type"]],
    ["JSON Pointer escaping of ~ and /", { "odd/key~name": 1 }, ["/odd~1key~0name type"]],
    ["every problem at once", { id: 1, count: "x", flag: 0 }, ["/id type", "/count type", "/flag type"]],
  ];
  it.each(cases)("reject: %s", (_name, value, expected) => {
    expect(problems(value)).toEqual(expected);
    expect(validateWidget(value).valid).toBe(false);
  });

  it.each(cases)("straight-line walkers report exactly what the table walker reports: %s", (_name, value) => {
    const each = Object.entries(value).map(([key, item]) => onlyProperty(key)({ [key]: item }));
    // An inline enum's message names the type that has the property.
    const errors = JSON.parse(JSON.stringify(each.flatMap((result) => result.errors)).replace(/OnlyProperty\d+\./g, "Widget."));
    expect(errors).toEqual(validateWidget(value).errors);
    expect(errors.length).toBeGreaterThan(0);
  });

  it("straight-line walkers accept what the table walker accepts, and warn alike", () => {
    const value = { when: "2024-02-29T23:59:60.5+14:00", big: 2 ** 60, colors: ["red", null], child: { label: "c", extra: 1 } };
    const each = Object.entries(value).map(([key, item]) => onlyProperty(key)({ [key]: item }));
    expect(each.flatMap((result) => result.warnings)).toEqual(validateWidget(value).warnings);
    expect(each.flatMap((result) => result.warnings.map((w) => `${w.path} ${w.code}`))).toEqual(["/big precision", "/child/extra unknown-property"]);
    expect(each.every((result) => result.valid)).toBe(true);
  });

  it("reject a non-object at the root with path \"\"", () => {
    expect(problems([])).toEqual([" type"]);
    expect(problems("widget")).toEqual([" type"]);
  });

  it("report undocumented properties as warnings, not errors; annotations not at all", () => {
    const result = validateWidget({ id: "1", surprise: 1, "@odata.etag": "x" });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(["/surprise unknown-property"]);
  });

  it("a property named __proto__ is checked as data, not as the prototype", () => {
    const value: unknown = JSON.parse('{"__proto__": {"x": 1}, "id": "1"}');
    expect(validateWidget(value).warnings.map((w) => w.path)).toEqual(["/__proto__"]);
  });

  it("Int64 beyond 2^53-1 is valid with a precision warning", () => {
    const result = validateWidget({ big: 2 ** 60 });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(["/big precision"]);
  });

  it("Json accepts any JSON value, including null and arrays", () => {
    for (const any of [1, "x", true, [1, [2]], { a: { b: null } }, null]) expect(validateWidget({ any }).valid).toBe(true);
  });

  it("errors carry expected, received and a message naming the path", () => {
    expect(validateWidget({ count: "x" }).errors).toEqual([
      { path: "/count", code: "type", expected: "an integer (Int32)", received: 'string "x"', message: '/count: expected an integer (Int32), received string "x"' },
    ]);
  });

  it("types named like the walker runtime's exports get the suffix Type", () => {
    const guid = onlyProperty("guid");
    expect(guid({ guid: "x" }).errors.map((e) => `${e.path} ${e.code}`)).toEqual(["/guid format"]);
    expect(typeof validators["validateGUIDType"]).toBe("function");
  });

  it("enum validators", () => {
    expect(validateColor("red").valid).toBe(true);
    expect(validateColor("RED").errors.map((e) => e.code)).toEqual(["enum"]);
  });
});

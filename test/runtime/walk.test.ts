/**
 * The shared walker runtime on its own: `report` (the problem of a value an inline test rejected,
 * by kind), the property-table builders and `walkObject`, on hand-built tables.
 */
import { describe, expect, it } from "vitest";
import type { Check, Problems, ValidationError } from "../../templates/runtime/validation.js";
import {
  BINARY,
  BOOLEAN,
  BYTE,
  COLLECTION,
  DATE,
  DATE_TIME_OFFSET,
  DURATION,
  enumProperty,
  GUID,
  INT16,
  INT32,
  INT64,
  isJson,
  isSingle,
  JSON_VALUE,
  NOT_NULLABLE,
  NUMBER,
  objectProperty,
  objectTable,
  property,
  report,
  SBYTE,
  SINGLE,
  STRING,
  TIME_OF_DAY,
  walkObject,
} from "../../templates/runtime/walk.js";

const problems = (strict = false): Problems => ({ errors: [], warnings: [], strict });
const short = (list: ValidationError[]) => list.map((e) => `${e.path} ${e.code} ${e.expected} | ${e.received}`);

describe("report", () => {
  it("fixes what each kind expected; formats are format problems for strings, type problems otherwise", () => {
    const p = problems();
    report(p, "/a", STRING, 1);
    report(p, "/b", BOOLEAN, "true");
    report(p, "/c", NUMBER, "1");
    report(p, "/d", DATE_TIME_OFFSET, "2024-13-01T00:00:00Z");
    report(p, "/e", DATE, 20240101);
    report(p, "/f", TIME_OF_DAY, "25:00");
    report(p, "/g", DURATION, "1 day");
    report(p, "/h", GUID, "x");
    report(p, "/i", BINARY, "!");
    report(p, "/j", JSON_VALUE, undefined);
    expect(short(p.errors)).toEqual([
      "/a type a string | number 1",
      '/b type a boolean | string "true"',
      '/c type a number | string "1"',
      '/d format an RFC 3339 date-time (DateTimeOffset) | string "2024-13-01T00:00:00Z"',
      "/e type a date YYYY-MM-DD (Date) | number 20240101",
      '/f format a time hh:mm:ss (TimeOfDay) | string "25:00"',
      '/g format an ISO 8601 duration (Duration) | string "1 day"',
      '/h format a GUID (Guid) | string "x"',
      '/i format base64 text (Binary) | string "!"',
      "/j type a JSON value | undefined",
    ]);
    expect(p.errors[0]).toEqual({ path: "/a", code: "type", expected: "a string", received: "number 1", message: "/a: expected a string, received number 1" });
    expect(p.warnings).toEqual([]);
  });

  it("numbers: type when not a number of the kind, range when out of it; Int64 beyond 2^53-1 only a precision warning", () => {
    const p = problems();
    report(p, "", INT32, 1.5);
    report(p, "/a", INT32, 2147483648);
    report(p, "/b", BYTE, -1);
    report(p, "/c", SBYTE, 128);
    report(p, "/d", INT16, "1");
    report(p, "/e", INT16, -32769);
    report(p, "/f", SINGLE, Number.POSITIVE_INFINITY);
    report(p, "/g", SINGLE, 3.5e38);
    report(p, "/h", INT64, 0.5);
    report(p, "/i", INT64, 2 ** 64);
    report(p, "/j", INT64, 2 ** 60);
    expect(short(p.errors)).toEqual([
      " type an integer (Int32) | number 1.5",
      "/a range an Int32 from -2147483648 to 2147483647 | number 2147483648",
      "/b range a Byte from 0 to 255 | number -1",
      "/c range an SByte from -128 to 127 | number 128",
      '/d type an integer (Int16) | string "1"',
      "/e range an Int16 from -32768 to 32767 | number -32769",
      "/f type a number (Single) | number Infinity",
      "/g range a Single from -3.4e38 to 3.4e38 | number 3.5e+38",
      "/h type an integer (Int64) | number 0.5",
      "/i range an Int64 from -2^63 to 2^63-1 | number 18446744073709552000",
    ]);
    expect(p.errors[0]?.message).toBe("value: expected an integer (Int32), received number 1.5");
    expect(p.warnings).toEqual([
      {
        path: "/j",
        code: "precision",
        expected: "an integer JavaScript holds exactly (at most 2^53-1)",
        received: "number 1152921504606847000",
        message: "/j: Int64 1152921504606847000 is beyond 2^53-1 and may have lost precision when parsed",
      },
    ]);
  });

  it("isSingle and isJson", () => {
    expect([0, -3.4e38, 3.4e38, 3.5e38, Number.NaN, "1"].map(isSingle)).toEqual([true, true, true, false, false, false]);
    expect([null, 0, "", [], {}, undefined, () => 1, Symbol("s"), 1n].map(isJson)).toEqual([true, true, true, true, true, false, false, false, false]);
  });
});

describe("walkObject", () => {
  const seen: string[] = [];
  const checkChild: Check = (value, path) => seen.push(`${path} ${JSON.stringify(value)}`);
  const checkDerived: Check = (_value, path, p) => p.errors.push({ path, code: "derived", message: "walked as derived" });
  const colors: ReadonlySet<string> = new Set(["red", "green"]);
  const table = objectTable("a Thing object", "#microsoft.graph.thing", "thing", new Map([["special", checkDerived]]), [
    property("name", STRING),
    property("count", INT32, NOT_NULLABLE),
    property("tags", STRING, COLLECTION),
    property("a/b~c", BOOLEAN),
    enumProperty("color", colors, "one of the Thing.color values"),
    enumProperty("colors", colors, "one of the Color values", COLLECTION | NOT_NULLABLE),
    objectProperty("child", checkChild),
    objectProperty("children", checkChild, COLLECTION),
  ]);
  const walk = (value: unknown, strict = false) => {
    const p = problems(strict);
    seen.length = 0;
    walkObject(value, "/root", p, table);
    return p;
  };

  it("accepts valid values, nulls where nullable, null elements and annotations", () => {
    const p = walk({ "@odata.type": "#microsoft.graph.thing", "@odata.etag": "x", name: null, count: 1, tags: ["a", null], "a/b~c": true, color: "red", colors: ["green", null], child: null });
    expect(p).toEqual({ errors: [], warnings: [], strict: false });
  });

  it("reports each property's problem at its JSON Pointer, with the table's expected texts", () => {
    const p = walk({ name: 1, count: null, tags: "a", "a/b~c": "no", color: "blue", colors: ["red", 3], extra: 1 });
    expect(p.errors.map((e) => `${e.path} ${e.code}: ${e.message}`)).toEqual([
      "/root/name type: /root/name: expected a string, received number 1",
      "/root/count type: /root/count: expected a value (not null), received null",
      '/root/tags type: /root/tags: expected an array, received string "a"',
      '/root/a~1b~0c type: /root/a~1b~0c: expected a boolean, received string "no"',
      '/root/color enum: /root/color: expected one of the Thing.color values, received string "blue"',
      "/root/colors/1 enum: /root/colors/1: expected one of the Color values, received number 3",
    ]);
    expect(p.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(["/root/extra unknown-property"]);
    expect(walk({ colors: null }).errors.map((e) => `${e.path} ${e.code}`)).toEqual(["/root/colors type"]);
  });

  it("walks object properties and elements with their walker, paths joined", () => {
    walk({ child: { x: 1 }, children: [{ y: 2 }, null, 3] });
    expect(seen).toEqual(['/root/child {"x":1}', '/root/children/0 {"y":2}', "/root/children/2 3"]);
  });

  it("a non-object is a type problem; unknown properties are errors when strict; a property named __proto__ is data", () => {
    expect(short(walk([1]).errors)).toEqual(["/root type a Thing object | array"]);
    const strict = walk(JSON.parse('{"__proto__": {"x": 1}, "name": "n"}'), true);
    expect(strict.errors.map((e) => `${e.path} ${e.code}`)).toEqual(["/root/__proto__ unknown-property"]);
    expect(strict.warnings).toEqual([]);
  });

  it("dispatches on @odata.type to a derived walker; an unrelated name is a warning", () => {
    expect(walk({ "@odata.type": "#microsoft.graph.special", name: 1 }).errors).toEqual([{ path: "/root", code: "derived", message: "walked as derived" }]);
    const other = walk({ "@odata.type": "#microsoft.graph.other", name: 1 });
    expect(other.errors.map((e) => `${e.path} ${e.code}`)).toEqual(["/root/name type"]);
    expect(other.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(["/root/@odata.type odata-type"]);
  });
});

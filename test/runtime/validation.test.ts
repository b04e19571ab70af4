/**
 * The runtime's hand-written format scanners against reference definitions (regular expressions
 * plus calendar arithmetic), on generated inputs, and the Standard Schema path conversion.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeQuery } from "../../templates/runtime/http.js";
import { isDate, isDateTimeOffset, pointerSegments } from "../../templates/runtime/validation.js";

const REFERENCE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function referenceDateTime(text: string): boolean {
  const m = REFERENCE.exec(text);
  if (!m) return false;
  const n = m.slice(1).map((part) => Number(part ?? 0));
  return realDate(n[0]!, n[1]!, n[2]!) && n[3]! <= 23 && n[4]! <= 59 && n[5]! <= 60 && n[6]! <= 23 && n[7]! <= 59;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");
const dateTimeLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom("", ".", ".5", ".1589002"),
    separator: fc.constantFrom("T", "t", " "),
    zone: fc.constantFrom("Z", "z", "", "+01:00", "-08:00", "+24:00", "-05:60", "+0100"),
  })
  .map((p) => `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction}${p.zone}`);

describe("format scanners", () => {
  it("isDateTimeOffset agrees with the RFC 3339 reference", () => {
    fc.assert(fc.property(fc.oneof(dateTimeLike, fc.string()), (text) => {
        expect(isDateTimeOffset(text), text).toBe(referenceDateTime(text));
      }), { numRuns: 3000 });
  });

  it("isDateTimeOffset on the calendar's edges", () => {
    const accepted = ["2024-02-29T00:00:00Z", "2000-02-29T12:00:00+14:00", "2024-04-30T23:59:60.123z", "2024-12-31t00:00:00-23:59"];
    const rejected = ["2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-32T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00+24:00", "2024-01-01T00:00:00.Z", "2024-01-01 00:00:00Z"];
    expect(accepted.map(isDateTimeOffset)).toEqual(accepted.map(() => true));
    expect(rejected.map(isDateTimeOffset)).toEqual(rejected.map(() => false));
  });

  it("isDate agrees with calendar arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        expect(isDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(realDate(year, month, day));
      }),
      { numRuns: 3000 },
    );
    expect(isDate("2024-02-29")).toBe(true);
    expect(isDate("1900-02-29")).toBe(false);
    expect(isDate("2000-02-29")).toBe(true);
    expect(isDate("2024-1-01")).toBe(false);
  });
});

describe("helpers", () => {
  it("JSON Pointer to Standard Schema path segments", () => {
    expect(pointerSegments("")).toEqual([]);
    expect(pointerSegments("/a~1b/0/c~0d/01")).toEqual(["a/b", 0, "c~d", "01"]);
  });

  it("encodeQuery omits absent options and encodes reserved characters", () => {
    expect(encodeQuery(undefined)).toBe("");
    expect(encodeQuery({})).toBe("");
    expect(encodeQuery({ $filter: "a eq 'x&y=z#'", $count: false })).toBe("?$filter=a%20eq%20'x%26y%3Dz%23'&$count=false");
    expect(encodeQuery({ $search: 'say "hi"' })).toBe("?$search=%22say%20%5C%22hi%5C%22%22");
  });
});

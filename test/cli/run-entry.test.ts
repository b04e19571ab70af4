/** The run cache entry (run-entry.ts) and ASCII JSON (cache.ts): what is written reads back whole, and a cut entry is a miss. */
import { describe, expect, it } from "vitest";
import { asciiJson } from "../../src/cli/cache.js";
import { decodeRun, encodeRun } from "../../src/cli/run-entry.js";
import type { Generation } from "../../src/cli/pipeline.js";

const RUN: Generation = {
  files: [
    { path: "beta/interfaces.ts", content: 'export interface Café {\n  /** "Größe" — 😀 */\n  size?: number;\n}\n' },
    { path: "beta/empty.ts", content: "" },
    { path: "v1.0/index.ts", content: 'export * from "./interfaces.js";\n\0\n' },
  ],
  types: 3,
  operations: 2,
  diagnostics: [{ code: "type-inferred", severity: "info", message: "The shape of naïve { id: String } was inferred.", file: "résumé.md", line: 1, column: 2 }],
};

describe("run entry", () => {
  it("reads back what was written, texts with any characters included", () => {
    expect(decodeRun(encodeRun(RUN))).toEqual(RUN);
  });

  it("does not decode a cut or lengthened entry", () => {
    const text = encodeRun(RUN);
    for (let length = 0; length < text.length; length++) expect(decodeRun(text.slice(0, length)), `cut at ${length}`).toBeNull();
    expect(decodeRun(text + "x")).toBeNull();
    // A file text one character longer than its header says: the lengths no longer add up.
    expect(decodeRun(text.replace("size?: number;", "size?: number;;"))).toBeNull();
  });
});

describe("asciiJson", () => {
  it("writes only ASCII and parses back to the same value", () => {
    const value = { text: "é — 😀 \u2028 \ud800 \u0080 \u007f end", nested: [RUN] };
    const json = asciiJson(value);
    expect(/^[\x00-\x7f]*$/.test(json)).toBe(true);
    expect(JSON.parse(json)).toEqual(value);
  });
});

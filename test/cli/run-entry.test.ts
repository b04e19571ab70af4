/** The output cache entry (run-entry.ts) and ASCII JSON (cache.ts): what is written reads back whole, and a cut entry is a miss. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asciiJson, Cache } from "../../src/cli/cache.js";
import { chunkTexts, decodeFormatted, decodeOutput, encodedOutputSize, encodeFormatted, encodeOutput, isRunSummary, type OutputEntry, type RunSummary } from "../../src/cli/run-entry.js";

const TEXT = 'export interface Café {\n  /** "Größe" — 😀 */\n  size?: number;\n}\n\0\n';
const OUTPUT: OutputEntry = { bytes: Buffer.from(TEXT, "utf8"), formats: ["ab12", "cd34"] };

const SUMMARY: RunSummary = {
  types: 3,
  operations: 2,
  diagnostics: [{ code: "type-inferred", severity: "info", message: "The shape of naïve { id: String } was inferred.", file: "résumé.md", line: 1, column: 2 }],
  files: ["beta/interfaces.ts", "v1.0/index.ts"],
};

const bytesOf = (text: string): Buffer => Buffer.from(text, "utf8");
/** An entry with part of its text replaced (the header as it was). */
const replaced = (entry: Buffer, from: string, to: string): Buffer => bytesOf(entry.toString("utf8").replace(from, to));

describe("output entry", () => {
  it("reads back what was written, as the text's UTF-8 bytes, texts with any characters included", () => {
    const read = decodeOutput(encodeOutput(OUTPUT));
    expect(Buffer.from(read?.bytes ?? []).toString("utf8")).toBe(TEXT);
    expect(read?.formats).toEqual(OUTPUT.formats);
    expect(decodeOutput(encodeOutput({ bytes: Buffer.alloc(0), formats: [] }))).toEqual({ bytes: Buffer.alloc(0), formats: [] });
  });

  it("does not decode a cut or lengthened entry", () => {
    const data = encodeOutput(OUTPUT);
    for (let length = 0; length < data.length; length++) expect(decodeOutput(data.subarray(0, length)), `cut at ${length}`).toBeNull();
    expect(decodeOutput(Buffer.concat([data, bytesOf("x")]))).toBeNull();
    // A text one byte longer than its header says: the length no longer adds up.
    expect(decodeOutput(replaced(data, "size?: number;", "size?: number;;"))).toBeNull();
    // The same number of characters, fewer bytes: "e" for "é".
    expect(decodeOutput(replaced(data, "Café", "Cafe"))).toBeNull();
  });
});

describe("chunks of an output entry", () => {
  // "Café" (5 bytes in UTF-8) is the first chunk's end.
  const firstSize = Buffer.byteLength(TEXT.slice(0, TEXT.indexOf("Café") + 4), "utf8");
  const joined: OutputEntry = { ...OUTPUT, sizes: [firstSize, OUTPUT.bytes.length - firstSize] };

  it("gives each chunk's text by its format entry's key, from the sizes the entry keeps", () => {
    const read = decodeOutput(encodeOutput(joined));
    expect(read?.sizes).toEqual(joined.sizes);
    const texts = read !== null ? chunkTexts(read) : null;
    expect([...(texts?.keys() ?? [])]).toEqual(OUTPUT.formats);
    expect(Buffer.from(texts?.get("ab12") ?? []).toString("utf8")).toBe(TEXT.slice(0, TEXT.indexOf("Café") + 4));
    expect(Buffer.concat([...(texts?.values() ?? [])].map((text) => Buffer.from(text))).toString("utf8")).toBe(TEXT);
    expect(encodedOutputSize(joined)).toBe(encodeOutput(joined).length);
    // Without sizes (a runtime helper's entry): no chunks.
    expect(chunkTexts(OUTPUT)).toBeNull();
  });

  it("does not decode an entry whose sizes do not add up to its text, nor one size per format entry", () => {
    const data = encodeOutput(joined);
    expect(decodeOutput(replaced(data, `"sizes":[${firstSize},`, `"sizes":[${firstSize + 1},`))).toBeNull();
    expect(decodeOutput(replaced(data, `"sizes":[${firstSize},`, `"sizes":[`))).toBeNull();
    expect(decodeOutput(replaced(data, `"sizes":[${firstSize},`, `"sizes":[-1,${firstSize + 1},`))).toBeNull();
  });
});

describe("output entries shared by text", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const cacheIn = (): Cache => {
    const folder = mkdtempSync(path.join(tmpdir(), "docgen-shared-"));
    folders.push(folder);
    return new Cache(folder, "test");
  };

  it("knows an entry's size before making it", () => {
    expect(encodedOutputSize(OUTPUT)).toBe(encodeOutput(OUTPUT).length);
  });

  it("links an entry to the one naming its text, making the text only when that one is missing or cut", () => {
    const cache = cacheIn();
    let made = 0;
    const content = (): Buffer => {
      made++;
      return encodeOutput(OUTPUT);
    };
    const size = encodedOutputSize(OUTPUT);
    expect(cache.writeShared("output", "first", "text", size, content)).toBe(true);
    expect(made).toBe(1);
    expect(cache.writeShared("output", "second", "text", size, content)).toBe(true);
    expect(made).toBe(1);
    const [text, first, second] = ["text", "first", "second"].map((key) => cache.entryPath("output", key));
    for (const file of [first, second]) {
      expect(statSync(file ?? "").ino).toBe(statSync(text ?? "").ino);
      expect(decodeOutput(readFileSync(file ?? ""))?.formats).toEqual(OUTPUT.formats);
    }
    // Cut short (a run killed while writing it): made again, and the next entry links to the whole one.
    writeFileSync(text ?? "", encodeOutput(OUTPUT).subarray(0, 10));
    expect(cache.writeShared("output", "third", "text", size, content)).toBe(true);
    expect(made).toBe(2);
    expect(decodeOutput(readFileSync(cache.entryPath("output", "third")))?.formats).toEqual(OUTPUT.formats);
    // Linked again where it is linked already (a file's latest text, unchanged): nothing is left behind.
    expect(cache.writeShared("output", "third", "text", size, content)).toBe(true);
    expect(readdirSync(path.dirname(cache.entryPath("output", "third"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("format entry", () => {
  it("reads back a formatted text as its UTF-8 bytes, texts with any characters included", () => {
    expect(decodeFormatted(encodeFormatted(TEXT))?.toString("utf8")).toBe(TEXT);
    expect(decodeFormatted(encodeFormatted(""))?.toString("utf8")).toBe("");
  });

  it("does not decode a cut or lengthened entry, nor a generated file's", () => {
    const data = encodeFormatted(TEXT);
    for (let length = 0; length < data.length; length++) expect(decodeFormatted(data.subarray(0, length)), `cut at ${length}`).toBeNull();
    expect(decodeFormatted(Buffer.concat([data, bytesOf("x")]))).toBeNull();
    expect(decodeFormatted(replaced(data, "Café", "Cafe"))).toBeNull();
    // An entry of the old kind (the text as a JSON string) is a miss, not a text with quotes.
    expect(decodeFormatted(bytesOf(JSON.stringify(TEXT)))).toBeNull();
  });
});

describe("run summary", () => {
  it("accepts a summary as written and rejects other shapes", () => {
    expect(isRunSummary(JSON.parse(asciiJson(SUMMARY)))).toBe(true);
    expect(isRunSummary({ ...SUMMARY, files: [1] })).toBe(false);
    expect(isRunSummary({ types: 1, operations: 1, diagnostics: [] })).toBe(false);
    expect(isRunSummary(null)).toBe(false);
  });
});

describe("asciiJson", () => {
  it("writes only ASCII and parses back to the same value", () => {
    const value = { text: "é — 😀 \u2028 \ud800 \u0080 \u007f end", nested: [SUMMARY, { content: TEXT }] };
    const json = asciiJson(value);
    expect(/^[\x00-\x7f]*$/.test(json)).toBe(true);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("is what a JSON entry is written as, so that reading it as Latin-1 gives the value back", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "docgen-ascii-"));
    try {
      const cache = new Cache(folder, "test");
      const value = { text: "é — 😀 \u2028 end", nested: [SUMMARY] };
      cache.writeJson("run", "k", value);
      expect(cache.readJson("run", "k", (v: unknown): v is typeof value => typeof v === "object" && v !== null)).toEqual(value);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

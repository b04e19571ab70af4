/**
 * The result of a gen run in the cache, in two kinds of entries (their keys: `output-keys.ts`):
 * - "run", the summary: the counts, the diagnostics and the generated files' paths (ASCII JSON);
 * - "output", one generated file: one line of JSON (the format entries its chunks came from, which
 *   the cache sweep keeps, the text's length in UTF-8 bytes and each chunk's), then the text as it
 *   is, then an end mark. It is read as bytes and never decoded as text unless the file must be written: a
 *   rerun compares those bytes with the output folder's (the corpus's files are 18 MB).
 * A file's entry is shared by every run whose pages give it the same key, so a rerun after an edit
 * writes only the files the edit changed. Format entries (a rendered chunk, a formatted runtime
 * helper) have the same envelope, with only the length in their header. A truncated or damaged
 * entry does not decode: a miss.
 */
import type { Diagnostic } from "../model/types.js";

const END_BYTES = Buffer.from("\n\0docgen output entry end\n");

export interface RunSummary {
  types: number;
  operations: number;
  diagnostics: Diagnostic[];
  /** Every generated file's path, in output order. */
  files: string[];
}

/** A generated file's entry: its text as UTF-8, and the format entries it was joined from. */
export interface OutputEntry {
  bytes: Uint8Array;
  /** Keys of the format entries (rendered chunks, formatted runtime helpers) the text was joined from. */
  formats: string[];
  /**
   * The length in bytes of each of those entries' texts in `bytes`, in order (a text joined from
   * rendered chunks): a later run takes the chunks it has not changed from this text (`chunkTexts`)
   * instead of reading their entries one by one.
   */
  sizes?: number[];
}

export function encodeOutput(entry: OutputEntry): Buffer {
  return encodeEntry(outputHeader(entry), entry.bytes);
}

/** The size in bytes of `encodeOutput(entry)`, without making it. */
export function encodedOutputSize(entry: OutputEntry): number {
  return Buffer.byteLength(`${JSON.stringify(outputHeader(entry))}\n`) + entry.bytes.length + END_BYTES.length;
}

function outputHeader(entry: OutputEntry): Header {
  return { formats: entry.formats, bytes: entry.bytes.length, ...(entry.sizes !== undefined ? { sizes: entry.sizes } : {}) };
}

/** The file an entry holds, or null when it is not a whole entry of this shape. */
export function decodeOutput(data: Buffer): OutputEntry | null {
  const entry = decodeEntry(data, isHeader);
  if (entry === null) return null;
  const { formats, sizes } = entry.header;
  return { bytes: entry.body, formats, ...(sizes !== undefined ? { sizes } : {}) };
}

/** The text of each chunk an entry was joined from, by its format entry's key (null when the entry does not give their sizes). */
export function chunkTexts(entry: OutputEntry): Map<string, Uint8Array> | null {
  const { sizes } = entry;
  if (sizes === undefined) return null;
  const texts = new Map<string, Uint8Array>();
  let offset = 0;
  entry.formats.forEach((key, i) => {
    const size = sizes[i] ?? 0;
    texts.set(key, entry.bytes.subarray(offset, offset + size));
    offset += size;
  });
  return texts;
}

/**
 * A formatted text (kind "format": a rendered chunk or a formatted runtime helper), in the same
 * envelope as a generated file (its header gives only the length): read as bytes, so that a
 * generated file is joined from its chunks and compared and written without decoding them.
 */
export function encodeFormatted(text: string): Buffer {
  const body = Buffer.from(text, "utf8");
  return encodeEntry({ bytes: body.length }, body);
}

/** The UTF-8 text a format entry holds, or null when it is not a whole entry. */
export function decodeFormatted(data: Buffer): Buffer | null {
  return decodeEntry(data, isLength)?.body ?? null;
}

/** One line of JSON (the header, giving the body's length in bytes), the body, the end mark. */
function encodeEntry(header: { bytes: number; formats?: string[] }, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body, END_BYTES]);
}

function decodeEntry<H extends { bytes: number }>(data: Buffer, isValid: (value: unknown) => value is H): { header: H; body: Buffer } | null {
  const newline = data.indexOf(0x0a);
  if (newline < 0 || data.length < END_BYTES.length || !data.subarray(data.length - END_BYTES.length).equals(END_BYTES)) return null;
  const header: unknown = JSON.parse(data.toString("utf8", 0, newline));
  if (!isValid(header) || newline + 1 + header.bytes + END_BYTES.length !== data.length) return null;
  return { header, body: data.subarray(newline + 1, newline + 1 + header.bytes) };
}

interface Header {
  formats: string[];
  bytes: number;
  sizes?: number[];
}

// Written by this docgen build only (the key includes its fingerprint): the checks guard against
// damaged files, not against other shapes.
function isHeader(value: unknown): value is Header {
  if (!isLength(value) || !("formats" in value)) return false;
  const { formats } = value;
  if (!Array.isArray(formats) || !formats.every((f: unknown) => typeof f === "string")) return false;
  if (!("sizes" in value)) return true;
  // One size per format entry, adding up to the text's length: a chunk's text is then always within it.
  const { sizes } = value;
  return Array.isArray(sizes) && sizes.length === formats.length && sizes.every(isCount) && sizes.reduce((sum: number, size: number) => sum + size, 0) === value.bytes;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isLength(value: unknown): value is { bytes: number } {
  if (typeof value !== "object" || value === null || !("bytes" in value)) return false;
  return isCount(value.bytes);
}

export function isRunSummary(value: unknown): value is RunSummary {
  if (typeof value !== "object" || value === null || !("types" in value && "operations" in value && "diagnostics" in value && "files" in value)) return false;
  const { types, operations, diagnostics, files } = value;
  return typeof types === "number" && typeof operations === "number" && Array.isArray(diagnostics) && Array.isArray(files) && files.every((f: unknown) => typeof f === "string");
}

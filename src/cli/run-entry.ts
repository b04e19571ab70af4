/**
 * The result of a gen run in the cache, in two kinds of entries (their keys: `output-keys.ts`):
 * - "run", the summary: the counts, the diagnostics and the generated files' paths (ASCII JSON);
 * - "output", one generated file: one line of JSON (the format entries its chunks came from, which
 *   the cache sweep keeps, and the text's length in UTF-8 bytes), then the text as it is, then an
 *   end mark. It is read as bytes and never decoded as text unless the file must be written: a
 *   rerun compares those bytes with the output folder's (the corpus's files are 18 MB).
 * A file's entry is shared by every run whose pages give it the same key, so a rerun after an edit
 * writes only the files the edit changed. A truncated or damaged entry does not decode: a miss.
 */
import type { Diagnostic } from "../model/types.js";

const END = "\n\0docgen output entry end\n";
const END_BYTES = Buffer.from(END);

export interface RunSummary {
  types: number;
  operations: number;
  diagnostics: Diagnostic[];
  /** Every generated file's path, in output order. */
  files: string[];
}

export interface OutputEntry {
  content: string;
  /** Keys of the format entries (rendered chunks, formatted runtime helpers) the text was joined from. */
  formats: string[];
}

/** An entry as read from the cache: the text as UTF-8 bytes. */
export interface CachedOutput {
  bytes: Buffer;
  formats: string[];
}

export function encodeOutput(entry: OutputEntry): string {
  return [JSON.stringify({ formats: entry.formats, bytes: Buffer.byteLength(entry.content) }), "\n", entry.content, END].join("");
}

/** The file an entry holds, or null when it is not a whole entry of this shape. */
export function decodeOutput(data: Buffer): CachedOutput | null {
  const newline = data.indexOf(0x0a);
  if (newline < 0 || data.length < END_BYTES.length || !data.subarray(data.length - END_BYTES.length).equals(END_BYTES)) return null;
  const header: unknown = JSON.parse(data.toString("utf8", 0, newline));
  if (!isHeader(header) || newline + 1 + header.bytes + END_BYTES.length !== data.length) return null;
  return { bytes: data.subarray(newline + 1, newline + 1 + header.bytes), formats: header.formats };
}

interface Header {
  formats: string[];
  bytes: number;
}

// Written by this docgen build only (the key includes its fingerprint): the checks guard against
// damaged files, not against other shapes.
function isHeader(value: unknown): value is Header {
  if (typeof value !== "object" || value === null || !("formats" in value && "bytes" in value)) return false;
  const { formats, bytes } = value;
  return Array.isArray(formats) && formats.every((f: unknown) => typeof f === "string") && typeof bytes === "number" && Number.isInteger(bytes) && bytes >= 0;
}

export function isRunSummary(value: unknown): value is RunSummary {
  if (typeof value !== "object" || value === null || !("types" in value && "operations" in value && "diagnostics" in value && "files" in value)) return false;
  const { types, operations, diagnostics, files } = value;
  return typeof types === "number" && typeof operations === "number" && Array.isArray(diagnostics) && Array.isArray(files) && files.every((f: unknown) => typeof f === "string");
}

/**
 * A whole run's result as one cache entry (kind "run"): one line of JSON (counts, diagnostics, and
 * each generated file's path and length), then the files' texts as they are, then an end mark.
 * Writing the 20 MB of generated code as JSON strings (escaping every quote and line break) and
 * parsing it back was most of what this entry cost a rerun; plain texts are copied, not escaped.
 * A truncated entry (no end mark, or lengths that do not add up) does not decode: a miss.
 */
import type { GeneratedFile } from "../emitters/emit.js";
import type { Diagnostic } from "../model/types.js";
import type { Generation } from "./pipeline.js";

const END = "\n\0docgen run entry end\n";

export function encodeRun(run: Generation): string {
  const header: Header = { types: run.types, operations: run.operations, diagnostics: run.diagnostics, files: run.files.map((f) => [f.path, f.content.length]) };
  return [JSON.stringify(header), "\n", ...run.files.map((f) => f.content), END].join("");
}

/** The run an entry holds, or null when it is not a whole entry of this shape. */
export function decodeRun(text: string): Generation | null {
  const newline = text.indexOf("\n");
  if (newline < 0 || !text.endsWith(END)) return null;
  const header: unknown = JSON.parse(text.slice(0, newline));
  if (!isHeader(header)) return null;
  let at = newline + 1;
  const files: GeneratedFile[] = [];
  for (const [path, length] of header.files) {
    files.push({ path, content: text.slice(at, at + length) });
    at += length;
  }
  if (at + END.length !== text.length) return null;
  return { files, types: header.types, operations: header.operations, diagnostics: header.diagnostics };
}

interface Header {
  types: number;
  operations: number;
  diagnostics: Diagnostic[];
  files: Array<[string, number]>;
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes.
function isHeader(value: unknown): value is Header {
  if (typeof value !== "object" || value === null || !("types" in value && "operations" in value && "diagnostics" in value && "files" in value)) return false;
  const { types, operations, diagnostics, files } = value;
  return (
    typeof types === "number" &&
    typeof operations === "number" &&
    Array.isArray(diagnostics) &&
    Array.isArray(files) &&
    files.every((f: unknown) => Array.isArray(f) && f.length === 2 && typeof f[0] === "string" && typeof f[1] === "number" && Number.isInteger(f[1]) && f[1] >= 0)
  );
}

/**
 * The catalogue of diagnostic codes. Codes are stable: tools and doc teams key on them.
 * Each is documented for doc writers in docs/diagnostics.md.
 */
import type { Diagnostic, Severity, SourcePosition } from "./types.js";

export const DIAGNOSTIC_CODES = {
  "input-unreadable": { severity: "error", summary: "A file in an input folder is empty, binary or not UTF-8, and was skipped." },
  "input-symlink-outside": { severity: "warning", summary: "A symbolic link in an input folder points outside the input folders (or nowhere) and was not read." },
  "page-too-large": { severity: "error", summary: "A page needs more memory to parse than docgen may use, and was skipped." },
  "page-not-api": { severity: "info", summary: "The page documents no operation, resource or enum and was skipped." },
  "front-matter-invalid": { severity: "warning", summary: "The YAML front matter does not parse." },
  "code-fence-unclosed": { severity: "warning", summary: "A code block's closing fence is missing; the block was ended before the heading inside it." },
  "title-missing": { severity: "warning", summary: "The page has no title heading." },
  "annotation-invalid": { severity: "warning", summary: "A `<!-- { … } -->` annotation is not valid JSON." },
  "route-missing": { severity: "warning", summary: "An operation page has no HTTP request route." },
  "route-malformed": { severity: "warning", summary: "A line in the HTTP request block is not `METHOD /path`." },
  "route-placeholder-style": { severity: "warning", summary: "A route writes a placeholder as something other than `{name}`; it was read as `{name}`." },
  "permissions-placeholder": { severity: "warning", summary: "A permissions cell holds a placeholder such as TODO." },
  "permissions-disagree": { severity: "info", summary: "Two pages documenting one operation list different permissions." },
  "example-url-malformed": { severity: "error", summary: "An example request URL is not a valid Graph URL." },
  "example-route-unlisted": { severity: "warning", summary: "An example request uses a method or URL that none of the page's routes has." },
  "example-body-unexpected": { severity: "warning", summary: "An example GET or DELETE request has a body." },
  "example-json-invalid": { severity: "warning", summary: "An example body looks like JSON but does not parse." },
  "table-row-extra-cells": { severity: "warning", summary: "A table row has more cells than the table has columns; the extra text is dropped." },
  "property-name-path": { severity: "warning", summary: "A property-table row names a path (`file/localizations`) instead of a property; the row was skipped." },
  "property-table-unread": { severity: "warning", summary: "A table under a Properties or Relationships heading looks like a property table but its header is not one, so its rows were not read." },
  "example-json-duplicate-key": { severity: "warning", summary: "An example body sets the same key twice in one object; only the last value counts." },
  "example-json-repaired": { severity: "warning", summary: "An example body is not strict JSON (trailing commas, comments, smart quotes) and was read leniently." },
  "example-value-mismatch": { severity: "error", summary: "An example body contradicts the page's own property table." },
  "example-type-mismatch": { severity: "warning", summary: "An example body contradicts a type documented on another page." },
  "example-property-undocumented": { severity: "warning", summary: "An example body has a property the page's table does not list." },
  "example-status-mismatch": { severity: "warning", summary: "An example response's status differs from the documented success status." },
  "property-name-case": { severity: "warning", summary: "A resource's property table and JSON representation spell a property in different letter case." },
  "representation-mismatch": { severity: "warning", summary: "A resource's JSON representation and its property tables list different properties." },
  "type-undocumented": { severity: "warning", summary: "A type is referenced but no input page documents it." },
  "type-inferred": { severity: "info", summary: "An undocumented type's shape was inferred from example payloads." },
  "enum-values-disagree": { severity: "warning", summary: "Pages list different possible values for one enum." },
  "property-type-conflict": { severity: "warning", summary: "Pages give one property different types." },
  "operation-duplicate": { severity: "info", summary: "Several pages document the same operation; they were merged." },
  "operation-id-clash": { severity: "warning", summary: "Different operations derive the same id from their titles." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Text quoted in a message, cut to `max` characters with "..." (an example's line, a value's JSON). */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export function makeDiagnostic(code: DiagnosticCode, at: SourcePosition, message: string): Diagnostic {
  return { severity: DIAGNOSTIC_CODES[code].severity, code, message, file: at.file, line: at.line, column: at.column };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Total order: file, line, column, severity, code, message. Used wherever diagnostics are listed. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/** Locale-independent string order, so output never depends on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

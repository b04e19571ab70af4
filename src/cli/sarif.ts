/**
 * SARIF 2.1.0 for `docgen check --format sarif`: one run, one rule per diagnostic code (with its
 * summary and a pointer to docs/diagnostics.md), one result per diagnostic with its location, so
 * code-scanning tools (GitHub code scanning, VS Code SARIF viewer) show findings inline.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "../model/diagnostics.js";
import type { Diagnostic, Severity } from "../model/types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

export function toSarif(diagnostics: readonly Diagnostic[], toolVersion: string): object {
  const codes = Object.keys(DIAGNOSTIC_CODES).sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "docgen",
            version: toolVersion,
            rules: codes.map((code) => {
              // `codes` are the keys of DIAGNOSTIC_CODES.
              const entry = DIAGNOSTIC_CODES[code as DiagnosticCode];
              return {
                id: code,
                name: code,
                shortDescription: { text: entry.summary },
                help: { text: `What it means, an example and how to fix the doc: docgen's docs/diagnostics.md, section ${code}.` },
                defaultConfiguration: { level: LEVEL[entry.severity] },
              };
            }),
          },
        },
        columnKind: "unicodeCodePoints",
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(d.file) },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
        })),
      },
    ],
  };
}

/**
 * A diagnostic's file path as a URI reference: each segment percent-encoded, so `#`, `?`, `%` and
 * spaces in file names stay part of the path (encodeURI would leave `#` and `?`, turning the rest of
 * the name into a fragment or a query). Diagnostic paths use `/` on every platform.
 */
export function fileUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

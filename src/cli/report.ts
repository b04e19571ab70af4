/** Diagnostics for people (`file:line:col severity code message`) and machines (JSON). */
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, Diagnostic, Severity } from "../model/types.js";

export function formatDiagnosticLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function severitySummary(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${c.info} info`;
}

/** `9 types, 4 operations`: from a model, or from the counts a cached run kept. */
export function modelSummary(counts: ApiModel | { types: number; operations: number }): string {
  const types = typeof counts.types === "number" ? counts.types : counts.types.length;
  const operations = typeof counts.operations === "number" ? counts.operations : counts.operations.length;
  return `${types} types, ${operations} operations`;
}

/** Counts by code, most frequent first (ties by code): `example-json-invalid 12, type-inferred 3`. */
export function codeSummary(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
}

/** Diagnostics for people (`file:line:col severity code message`) and machines (JSON). */
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

export function modelSummary(model: ApiModel): string {
  return `${model.types.length} types, ${model.operations.length} operations`;
}

/** Import declarations with `.js` extensions (for `--module nodenext` consumers), names deduplicated and sorted. */
import type { SourceFile } from "ts-morph";
import { compareText } from "../model/diagnostics.js";

export function addImport(file: SourceFile, moduleSpecifier: string, names: Iterable<string>, typeOnly = true): void {
  const sorted = [...new Set(names)].sort(compareText);
  if (sorted.length === 0) return;
  file.addImportDeclaration({ moduleSpecifier, isTypeOnly: typeOnly, namedImports: sorted });
}

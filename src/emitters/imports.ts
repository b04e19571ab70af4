/** Import declarations with `.js` extensions (for `--module nodenext` consumers), names deduplicated and sorted. */
import type { ImportDeclarationStructure } from "ts-morph";
import { Kind } from "./kinds.js";
import { compareText } from "../model/diagnostics.js";

/** An import declaration, or none when there is nothing to import. */
export function importOf(moduleSpecifier: string, names: Iterable<string>, typeOnly = true): ImportDeclarationStructure[] {
  const sorted = [...new Set(names)].sort(compareText);
  if (sorted.length === 0) return [];
  return [{ kind: Kind.ImportDeclaration, moduleSpecifier, isTypeOnly: typeOnly, namedImports: sorted }];
}

/**
 * The ts-morph structure kinds the emitters use, as plain constants, so that running the emitters
 * (planning a file) does not load ts-morph and the TypeScript compiler (about half a second): only
 * rendering a chunk (`render.ts`) needs them. A numeric kind that is not ts-morph's value does not
 * compile (the declared types are ts-morph's enum members); test/emitters/kinds.test.ts compares
 * every value with ts-morph's at run time too.
 */
import type { StructureKind, VariableDeclarationKind } from "ts-morph";

export const Kind: {
  readonly ExportDeclaration: StructureKind.ExportDeclaration;
  readonly Function: StructureKind.Function;
  readonly ImportDeclaration: StructureKind.ImportDeclaration;
  readonly Interface: StructureKind.Interface;
  readonly TypeAlias: StructureKind.TypeAlias;
  readonly VariableStatement: StructureKind.VariableStatement;
} = { ExportDeclaration: 11, Function: 13, ImportDeclaration: 16, Interface: 19, TypeAlias: 38, VariableStatement: 41 };

// Cast: a member of a string enum cannot be written as a literal; the test checks the value.
export const CONST_DECLARATION = "const" as VariableDeclarationKind.Const;

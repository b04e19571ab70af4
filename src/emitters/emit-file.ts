/**
 * One generated file from one API version's slice of the model: the emitter's statements inserted
 * into a ts-morph source file in one step, then formatted with prettier. Self-contained, so the
 * CLI can run it in a worker thread per file.
 */
import { IndentationText, NewLineKind, Project, QuoteKind } from "ts-morph";
import type { ApiVersion, OperationModel, TypeModel } from "../model/types.js";
import { createContext, type Emitter } from "./context.js";
import { emitEnums } from "./enums.js";
import { formatTypeScript } from "./format.js";
import { emitIndex } from "./index-file.js";
import { emitInterfaces } from "./interfaces.js";
import { emitRequests } from "./requests.js";
import { GENERATED_HEADER } from "./ts-code.js";
import { emitValidators } from "./validators.js";

export interface VersionSlice {
  apiVersion: ApiVersion | null;
  types: TypeModel[];
  operations: OperationModel[];
}

export const EMITTERS: ReadonlyArray<readonly [string, Emitter]> = [
  ["enums.ts", emitEnums],
  ["interfaces.ts", emitInterfaces],
  ["validators.ts", emitValidators],
  ["requests.ts", emitRequests],
  ["index.ts", emitIndex],
];

export async function emitFile(slice: VersionSlice, name: string): Promise<string> {
  const emitter = EMITTERS.find(([fileName]) => fileName === name)?.[1];
  if (emitter === undefined) throw new Error(`no emitter for ${name}`);
  const ctx = createContext(slice.apiVersion, slice.types, slice.operations);
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const statements = emitter(ctx);
  // A file with nothing to declare must still be a module, or `export *` of it fails to compile.
  const sourceFile = project.createSourceFile(name, "");
  sourceFile.addStatements(statements.length > 0 ? statements : ["export {};"]);
  return formatTypeScript(GENERATED_HEADER + sourceFile.getFullText());
}

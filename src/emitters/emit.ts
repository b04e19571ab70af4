/**
 * The composer: ApiModel → generated files. One folder per API version; in each, the runtime
 * helpers (copied once, so the output has no dependency on docgen) and one file per construct,
 * each written by its emitter into a ts-morph source file and formatted with prettier.
 */
import { IndentationText, NewLineKind, Project, QuoteKind } from "ts-morph";
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, ApiVersion } from "../model/types.js";
import { createContext, type EmitOptions, type Emitter } from "./context.js";
import { emitEnums } from "./enums.js";
import { formatTypeScript } from "./format.js";
import { emitIndex } from "./index-file.js";
import { emitInterfaces } from "./interfaces.js";
import { emitRequests } from "./requests.js";
import { runtimeFiles } from "./runtime.js";
import { GENERATED_HEADER } from "./ts-code.js";
import { emitValidators } from "./validators.js";
import { versionFolder } from "./naming.js";

export interface GeneratedFile {
  /** Path relative to the output folder, with forward slashes (`beta/interfaces.ts`). */
  path: string;
  content: string;
}

const EMITTERS: ReadonlyArray<readonly [string, Emitter]> = [
  ["enums.ts", emitEnums],
  ["interfaces.ts", emitInterfaces],
  ["validators.ts", emitValidators],
  ["requests.ts", emitRequests],
  ["index.ts", emitIndex],
];

export async function emitModel(model: ApiModel, options: EmitOptions = {}): Promise<GeneratedFile[]> {
  const versions = new Set<ApiVersion | null>([...model.types.map((t) => t.apiVersion), ...model.operations.map((o) => o.apiVersion)]);
  const ordered = [...versions].sort((a, b) => compareText(versionFolder(a), versionFolder(b)));
  const files: GeneratedFile[] = [];
  for (const apiVersion of ordered) {
    const ctx = createContext(
      apiVersion,
      model.types.filter((t) => t.apiVersion === apiVersion),
      model.operations.filter((o) => o.apiVersion === apiVersion),
      options,
    );
    const project = new Project({
      useInMemoryFileSystem: true,
      manipulationSettings: {
        indentationText: IndentationText.TwoSpaces,
        newLineKind: NewLineKind.LineFeed,
        quoteKind: QuoteKind.Double,
        useTrailingCommas: true,
      },
    });
    for (const runtime of runtimeFiles()) files.push({ path: `${ctx.version.folder}/${runtime.path}`, content: runtime.content });
    for (const [name, emitter] of EMITTERS) {
      const statements = emitter(ctx);
      // A file with nothing to declare must still be a module, or `export *` of it fails to compile.
      const sourceFile = project.createSourceFile(name, "");
      sourceFile.addStatements(statements.length > 0 ? statements : ["export {};"]);
      files.push({ path: `${ctx.version.folder}/${name}`, content: GENERATED_HEADER + sourceFile.getFullText() });
    }
  }
  const formatted = await Promise.all(files.map(async (file) => ({ path: file.path, content: await formatTypeScript(file.content) })));
  return formatted.sort((a, b) => compareText(a.path, b.path));
}

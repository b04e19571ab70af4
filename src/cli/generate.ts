/** Everything `docgen gen` writes: the emitted code, the package files when asked for, the manifest. */
import type { EmitOptions } from "../emitters/context.js";
import type { GeneratedFile } from "../emitters/emit.js";
import { compareText } from "../model/diagnostics.js";
import type { ApiModel } from "../model/types.js";
import type { DocgenConfig } from "./config.js";
import { withManifest } from "./output.js";
import { packageFiles } from "./package.js";

export interface GenerateOptions {
  /** The config's choices that shape the code (enum style, dates, naming; `emitOptionsOf`). */
  emit: EmitOptions;
  /** Write package.json/tsconfig.json too (the config's `package`, or `gen --package`). */
  package?: DocgenConfig["package"];
}

export async function generateFiles(model: ApiModel, options: GenerateOptions): Promise<GeneratedFile[]> {
  // Loaded here, not at start-up: ts-morph and the formatter take most of a second to load and only gen needs them.
  const { emitModel } = await import("../emitters/emit.js");
  return withPackageAndManifest(await emitModel(model, options.emit), options);
}

/** The emitted code plus, when asked for, the package files, plus the manifest listing them all. */
export function withPackageAndManifest(code: readonly GeneratedFile[], options: GenerateOptions): GeneratedFile[] {
  const files = options.package ? [...code, ...packageFiles(code, options.package)].sort((a, b) => compareText(a.path, b.path)) : [...code];
  return withManifest(files);
}

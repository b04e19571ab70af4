/** `index.ts`: re-exports everything of one API version. */
import type { Emitter } from "./context.js";
import { runtimeFiles } from "./runtime.js";

export const emitIndex: Emitter = (_ctx, file) => {
  const modules = [...runtimeFiles().map((f) => `./${f.path.replace(/\.ts$/, ".js")}`), "./enums.js", "./interfaces.js", "./validators.js", "./requests.js"];
  for (const moduleSpecifier of modules) file.addExportDeclaration({ moduleSpecifier });
};

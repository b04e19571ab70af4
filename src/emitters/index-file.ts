/**
 * `index.ts`: re-exports everything of one API version. The version's `createClient` (from
 * requests.ts, with the service root as default base URL) is exported by name so that it takes
 * precedence over the runtime's `createClient`, which `export *` would otherwise make ambiguous.
 */
import { Kind } from "./kinds.js";
import type { Emitter } from "./context.js";
import { runtimeFiles } from "./runtime.js";

export const emitIndex: Emitter = (ctx) => {
  const modules = [
    ...runtimeFiles()
      .filter((f) => f.exported)
      .map((f) => `./${f.path.replace(/\.ts$/, ".js")}`),
    ...(ctx.options.dates === "Date" ? ["./dates.js"] : []),
    "./enums.js",
    "./interfaces.js",
    "./validators.js",
    "./requests.js",
  ];
  return [
    ...modules.map((moduleSpecifier) => ({ kind: Kind.ExportDeclaration, moduleSpecifier }) as const),
    { kind: Kind.ExportDeclaration, moduleSpecifier: "./requests.js", namedExports: ["createClient"] },
  ];
};

/**
 * Part of `npm run build`, after tsc: bundles the compiled parser (dist/parser/index.js and every
 * module it imports, docgen's and its dependencies') into dist/parser/bundle.js, over tsc's plain
 * re-export there (see src/parser/bundle.ts). The bundle's source map points at the sources.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/parser/", import.meta.url));

await build({
  entryPoints: [`${dist}index.js`],
  outfile: `${dist}bundle.js`,
  allowOverwrite: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The ES module builds of dual packages (jsonc-parser's CommonJS build is UMD, which esbuild cannot follow).
  mainFields: ["module", "main"],
  // CommonJS dependencies (yaml) call require() for Node's built-ins, which an ES module has not got.
  banner: { js: 'import { createRequire as docgenCreateRequire } from "node:module";\nconst require = docgenCreateRequire(import.meta.url);' },
  sourcemap: true,
  logLevel: "warning",
});

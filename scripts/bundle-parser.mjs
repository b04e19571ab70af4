/**
 * Part of `npm run build`, after tsc: bundles the compiled parser (dist/parser/index.js and every
 * module it imports, docgen's and its dependencies') into one CommonJS file, dist/parser/bundle.cjs
 * (see src/parser/bundle.ts): CommonJS so that V8's cached code applies to it (workers/code-cache.ts;
 * Node 20 has none for ES modules). The bundle's source map points at the sources.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/parser/", import.meta.url));

await build({
  entryPoints: [`${dist}index.js`],
  outfile: `${dist}bundle.cjs`,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // The ES module builds of dual packages (jsonc-parser's CommonJS build is UMD, which esbuild cannot follow).
  mainFields: ["module", "main"],
  sourcemap: true,
  logLevel: "warning",
});

/**
 * What a worker loads to parse: the parser's entry. `npm run build` bundles the parser and
 * everything it imports (unified, remark, micromark, yaml, jsonc-parser) into one CommonJS file
 * beside this module's, `bundle.cjs` (`scripts/bundle-parser.mjs`), which the gen tasks load
 * (workers/tasks.ts): Node 20 loads the 150-odd ES modules in 110-160 ms and the one bundled file in
 * 20 ms, or 10 ms with V8's cached code (workers/code-cache.ts), which also spares compiling the
 * parser's functions as the first page is parsed (32 -> 22 ms for the bench's edited page) — what a
 * run after an edit spends before it can parse the changed page. Run from source (the tests), this
 * plain re-export is what is loaded.
 */
export { parseDocument } from "./index.js";

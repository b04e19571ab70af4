/**
 * What a worker loads to parse: the parser's entry. `npm run build` replaces this module's compiled
 * file with the parser and everything it imports (unified, remark, micromark, yaml, jsonc-parser)
 * bundled into one file (`scripts/bundle-parser.mjs`): Node 20 loads the 150-odd ES modules in
 * 110-160 ms and the one bundled file in 25-35 ms, which a run after an edit spends before it can
 * parse the changed page. Run from source (the tests), it is the plain re-export it reads as.
 */
export { parseDocument } from "./index.js";

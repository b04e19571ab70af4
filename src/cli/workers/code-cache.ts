/**
 * A V8 code cache for the CommonJS modules a rendering worker loads (ts-morph and the TypeScript
 * compiler it bundles, about 13 MB of JavaScript), and for the parser's bundle wherever a page is
 * parsed (after an edit, on the main thread). Compiling them is most of what a worker spends
 * before it can render the one chunk an edit changed; with V8's cached data from an earlier run it
 * skips that. Node 20 has no built-in compile cache (module.enableCompileCache is Node 22), and
 * v8-compile-cache writes its data only when the process exits, which a terminated worker never
 * does; so this hooks the CommonJS loader the way v8-compile-cache does and writes the data when
 * asked (after the worker's warm-up render, when the functions rendering needs are compiled too).
 *
 * Only modules under node_modules and the parser's bundle (parser/bundle.ts) are cached. V8 checks cached data against the source and its own
 * version and flags and rejects data that does not fit, and then the module compiles as usual.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { writeEntry } from "../cache.js";

interface Compiled {
  script: vm.Script;
  file: string;
  /** The cached data was missing or rejected: there is new data to write. */
  fresh: boolean;
}

/** The loader's compile step, which `@types/node` does not declare. */
type CompileMethod = (this: Module, content: string, filename: string, format?: string) => unknown;

const compiled: Compiled[] = [];

/** docgen's own CommonJS file: the parser's bundle (parser/bundle.ts). */
const PARSER_BUNDLE = fileURLToPath(new URL("../../parser/bundle.cjs", import.meta.url));

/** Installs the hook (once per thread); cached data is read from and written to `folder`. */
export function useCodeCache(folder: string): void {
  // Cast: Module.prototype's _compile is Node's internal CommonJS compile step (not in the typings).
  const prototype = Module.prototype as unknown as { _compile: CompileMethod; __docgenCodeCache?: true };
  if (prototype.__docgenCodeCache) return;
  prototype.__docgenCodeCache = true;
  const original = prototype._compile;
  prototype._compile = function (content, filename, format) {
    const cacheable = (format === undefined || format === "commonjs") && (filename.includes(`${path.sep}node_modules${path.sep}`) || filename === PARSER_BUNDLE) && !content.startsWith("#!");
    if (!cacheable) return original.call(this, content, filename, format);
    const file = path.join(folder, createHash("sha256").update(filename).update("\0").update(content).digest("hex"));
    const cachedData = readOrUndefined(file);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    compiled.push({ script, file, fresh: cachedData === undefined || script.cachedDataRejected === true });
    // Called as Node calls a module's wrapper: (exports, require, module, __filename, __dirname).
    const wrapper: unknown = script.runInThisContext({ displayErrors: true });
    if (typeof wrapper !== "function") return original.call(this, content, filename, format);
    const module: { exports: unknown } = this;
    return wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  };
}

/** Writes cached data for the modules compiled without usable data so far (the next worker loads them faster). */
export function saveCodeCache(): void {
  for (const entry of compiled.splice(0)) if (entry.fresh) writeEntry(entry.file, entry.script.createCachedData());
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

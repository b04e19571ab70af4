/**
 * Formatting of generated files with Biome's formatter (its WebAssembly build), with options fixed
 * here: Biome's in-memory workspace never looks for a `biome.json` (nor any file) on disk, so
 * output is byte-identical on every machine.
 *
 * Biome rather than prettier: for the code the emitters write, Biome's output is prettier's
 * style (printWidth 100, double quotes, trailing commas; it differs in breaking an over-long
 * `extends` clause onto its own line where prettier lets the line run over), and it formats the
 * corpus's 18 MB of generated TypeScript in about a third of prettier's time (BENCHMARKS.md).
 * Both packages are pinned to exact versions: the formatter's version is part of the cache key
 * (cache.ts), and a new version may move output.
 */
import { Biome, type Configuration } from "@biomejs/js-api/nodejs";

const FORMAT_OPTIONS: Configuration = {
  // The corpus's largest generated files are formatted in chunks (emit-file.ts); the limit is for whole-file formatting.
  files: { maxSize: 1 << 30 },
  formatter: { indentStyle: "space", indentWidth: 2, lineWidth: 100, lineEnding: "lf" },
  javascript: {
    formatter: { quoteStyle: "double", quoteProperties: "asNeeded", trailingCommas: "all", semicolons: "always", arrowParentheses: "always", bracketSpacing: true },
  },
};

let workspace: { biome: Biome; projectKey: number } | null = null;

/** One Biome workspace per thread, made on first use (compiling the WebAssembly takes about 0.2 s). */
function biomeWorkspace(): { biome: Biome; projectKey: number } {
  if (workspace !== null) return workspace;
  const biome = new Biome();
  const { projectKey } = biome.openProject("");
  biome.applyConfiguration(projectKey, FORMAT_OPTIONS);
  workspace = { biome, projectKey };
  return workspace;
}

/**
 * Formats generated TypeScript. Throws when the text does not parse: the emitters wrote invalid
 * code, a bug to report (Biome itself would hand the text back unformatted).
 */
export async function formatTypeScript(source: string): Promise<string> {
  const { biome, projectKey } = biomeWorkspace();
  const result = biome.formatContent(projectKey, source, { filePath: "generated.ts" });
  const error = result.diagnostics.find((d) => d.severity === "error" || d.severity === "fatal");
  if (error !== undefined) throw new SyntaxError(`generated code does not parse: ${error.description}`);
  return result.content;
}

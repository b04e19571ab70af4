/**
 * The config file `docgen.config.json` (or `docgen.config.ts`): defaults for every command,
 * overridden by CLI flags.
 * Validated field by field; the first bad field ends the run with one line naming it, what it
 * holds and what is expected. Paths in the file are relative to the file's folder.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { UserError } from "./errors.js";

export const CONFIG_FILE = "docgen.config.json";

export type EnumStyle = "union" | "union-and-const";
export type VersionFolder = "beta" | "v1.0" | "unversioned";
export const VERSION_FOLDERS: readonly VersionFolder[] = ["beta", "v1.0", "unversioned"];

export interface DocgenConfig {
  /** Input folders and files (as the CLI's --input). */
  input?: string[];
  /** Output folder of `gen` (as --out). */
  out?: string;
  /** API versions to emit (folder names); all when absent. */
  versions?: VersionFolder[];
  /** Globs of documents to skip, matched against paths relative to each input folder. */
  ignore?: string[];
  /** "union" (default): a string-literal union and a values array; "union-and-const": also a const object keyed by member. */
  enumStyle?: EnumStyle;
  /** Package metadata written with `gen --package` (name and version of the generated npm package). */
  package?: { name?: string; version?: string };
}

const FIELDS = ["$schema", "input", "out", "versions", "ignore", "enumStyle", "package"] as const;

export const CONFIG_FILE_TS = "docgen.config.ts";

/**
 * Reads the config: the file given by --config (must exist), else `docgen.config.json` or
 * `docgen.config.ts` in the working directory when there is one, else an empty config. A `.ts`
 * config default-exports the object (`export default { input: "docs" }`); it is transpiled with
 * the TypeScript compiler that ts-morph bundles, then imported.
 */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<DocgenConfig> {
  let file = explicit;
  if (file === undefined) {
    const found = [CONFIG_FILE, CONFIG_FILE_TS].filter((name) => existsSync(path.join(cwd, name)));
    if (found.length > 1) throw new UserError(`both ${CONFIG_FILE} and ${CONFIG_FILE_TS} exist; keep one, or pick one with --config`);
    file = found[0];
  }
  if (file === undefined) return {};
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) throw new UserError(`config file "${file}" does not exist; check the --config value`);
  if (absolute.endsWith(".ts") || absolute.endsWith(".mts")) return validateConfig(await importTypeScript(absolute, file), file, path.dirname(absolute), cwd);
  if (!absolute.endsWith(".json")) throw new UserError(`config file "${file}" is neither .json nor .ts; name it ${CONFIG_FILE} or ${CONFIG_FILE_TS}`);
  const errors: ParseError[] = [];
  const text = readFileSync(absolute, "utf8");
  const data: unknown = parse(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first) {
    const before = text.slice(0, first.offset).split("\n");
    const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    throw new UserError(`config file "${file}" is not valid JSON at ${where} (${printParseErrorCode(first.error)}); fix the syntax`);
  }
  return validateConfig(data, file, path.dirname(absolute), cwd);
}

/** Transpiles a .ts config to a temporary module beside it (so its relative imports resolve), imports its default export. */
async function importTypeScript(absolute: string, file: string): Promise<unknown> {
  const { ts } = await import("ts-morph");
  const output = ts.transpileModule(readFileSync(absolute, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: absolute,
    reportDiagnostics: true,
  });
  const syntax = output.diagnostics?.[0];
  if (syntax) {
    const where = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
    const at = where ? ` at line ${where.line + 1}, column ${where.character + 1}` : "";
    throw new UserError(`config file "${file}" does not compile${at}: ${ts.flattenDiagnosticMessageText(syntax.messageText, " ")}`);
  }
  const temp = path.join(path.dirname(absolute), `.docgen-config-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(temp, output.outputText);
  try {
    const module: unknown = await import(pathToFileURL(temp).href);
    const value = isRecord(module) ? module["default"] : undefined;
    if (value === undefined) throw new UserError(`config file "${file}" has no default export; end it with export default { … }`);
    return value;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`config file "${file}" failed to load: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

export function validateConfig(data: unknown, file: string, baseDir: string, cwd: string): DocgenConfig {
  if (!isRecord(data)) throw new UserError(`config file "${file}" must hold ${file.endsWith(".json") ? "a JSON object" : "an object (its default export)"}`);
  const bad = (field: string, expected: string): UserError =>
    new UserError(`config file "${file}": "${field}" is ${describe(data[field.split(".")[0] ?? field])}; expected ${expected}`);
  for (const key of Object.keys(data)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new UserError(`config file "${file}": unknown field "${key}"; known fields are ${FIELDS.filter((f) => f !== "$schema").join(", ")}`);
    }
  }
  const config: DocgenConfig = {};
  const relocate = (p: string): string => {
    const relative = path.relative(cwd, path.resolve(baseDir, p));
    return relative === "" ? "." : relative;
  };
  if (data["input"] !== undefined) {
    const input = typeof data["input"] === "string" ? [data["input"]] : data["input"];
    if (!isStringArray(input) || input.length === 0) throw bad("input", "a folder or file path, or a non-empty array of them");
    config.input = input.map(relocate);
  }
  if (data["out"] !== undefined) {
    if (typeof data["out"] !== "string" || data["out"] === "") throw bad("out", "a folder path such as \"generated\"");
    config.out = relocate(data["out"]);
  }
  if (data["versions"] !== undefined) {
    const versions = data["versions"];
    if (!isStringArray(versions) || versions.length === 0 || !versions.every((v) => (VERSION_FOLDERS as readonly string[]).includes(v))) {
      throw bad("versions", `a non-empty array of ${VERSION_FOLDERS.map((v) => `"${v}"`).join(", ")}`);
    }
    // Checked just above: every entry is one of VERSION_FOLDERS.
    config.versions = versions as VersionFolder[];
  }
  if (data["ignore"] !== undefined) {
    if (!isStringArray(data["ignore"])) throw bad("ignore", "an array of glob strings such as [\"**/drafts/**\"]");
    config.ignore = data["ignore"];
  }
  if (data["enumStyle"] !== undefined) {
    const style = data["enumStyle"];
    if (style !== "union" && style !== "union-and-const") throw bad("enumStyle", "\"union\" or \"union-and-const\"");
    config.enumStyle = style;
  }
  if (data["package"] !== undefined) {
    const pkg = data["package"];
    if (!isRecord(pkg)) throw bad("package", "an object such as { \"name\": \"@acme/graph-types\", \"version\": \"1.0.0\" }");
    for (const key of Object.keys(pkg)) {
      if (key !== "name" && key !== "version") throw new UserError(`config file "${file}": unknown field "package.${key}"; known fields are name, version`);
    }
    const name = pkg["name"];
    const version = pkg["version"];
    if (name !== undefined && (typeof name !== "string" || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name))) {
      throw new UserError(`config file "${file}": "package.name" is ${describe(name)}; expected an npm package name such as "@acme/graph-types"`);
    }
    if (version !== undefined && (typeof version !== "string" || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))) {
      throw new UserError(`config file "${file}": "package.version" is ${describe(version)}; expected a semantic version such as "1.0.0"`);
    }
    config.package = { ...(typeof name === "string" ? { name } : {}), ...(typeof version === "string" ? { version } : {}) };
  }
  return config;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string" && v !== "");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 40)})`;
  if (typeof value === "string") return `"${value.slice(0, 40)}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

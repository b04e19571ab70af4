/**
 * The config file `docgen.config.json` (or `docgen.config.ts`): defaults for every command,
 * overridden by CLI flags.
 * Validated field by field: every bad field gets one line naming it, what it holds and what is
 * expected, and any bad field ends the run. Paths in the file are relative to the file's folder.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { EmitOptions } from "../emitters/context.js";
import type { NamingOptions } from "../emitters/naming.js";
import { UserError } from "./errors.js";

export const CONFIG_FILE = "docgen.config.json";

export type EnumStyle = "union" | "union-and-const";
export type DateStyle = "string" | "Date";
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
  /** "string" (default): date-time and date values are ISO strings; "Date": `Date` objects, converted by the request functions. */
  dates?: DateStyle;
  /** Naming of documented types and operations (property names never change: they are the wire names). */
  naming?: NamingOptions;
  /** Package metadata written with `gen --package` (name and version of the generated npm package). */
  package?: { name?: string; version?: string };
}

const FIELDS = ["$schema", "input", "out", "versions", "ignore", "enumStyle", "dates", "naming", "package"] as const;
const NAMING_FIELDS = ["types", "typePrefix", "typeSuffix", "operations"] as const;

/** The config's choices that change the generated code (and so the run cache key). */
export function emitOptionsOf(config: DocgenConfig): EmitOptions {
  return {
    ...(config.enumStyle ? { enumStyle: config.enumStyle } : {}),
    ...(config.dates ? { dates: config.dates } : {}),
    ...(config.naming && Object.keys(config.naming).length > 0 ? { naming: config.naming } : {}),
  };
}

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
  // Every problem is collected, one line each, so a file with several mistakes is fixed in one go.
  const problems: string[] = [];
  const bad = (field: string, value: unknown, expected: string): void => {
    problems.push(`config file "${file}": "${field}" is ${describe(value)}; expected ${expected}`);
  };
  const unknown = (field: string, known: readonly string[]): void => {
    problems.push(`config file "${file}": unknown field "${field}"; known fields are ${known.join(", ")}`);
  };
  for (const key of Object.keys(data)) {
    if (!(FIELDS as readonly string[]).includes(key)) unknown(key, FIELDS.filter((f) => f !== "$schema"));
  }
  const config: DocgenConfig = {};
  const relocate = (p: string): string => {
    const relative = path.relative(cwd, path.resolve(baseDir, p));
    return relative === "" ? "." : relative;
  };
  if (data["input"] !== undefined) {
    const input = typeof data["input"] === "string" ? [data["input"]] : data["input"];
    if (!isStringArray(input) || input.length === 0) bad("input", data["input"], "a folder or file path, or a non-empty array of them");
    else config.input = input.map(relocate);
  }
  if (data["out"] !== undefined) {
    if (typeof data["out"] !== "string" || data["out"] === "") bad("out", data["out"], "a folder path such as \"generated\"");
    else config.out = relocate(data["out"]);
  }
  if (data["versions"] !== undefined) {
    const versions = data["versions"];
    if (!isStringArray(versions) || versions.length === 0 || !versions.every((v) => (VERSION_FOLDERS as readonly string[]).includes(v))) {
      bad("versions", versions, `a non-empty array of ${VERSION_FOLDERS.map((v) => `"${v}"`).join(", ")}`);
    } else {
      // Checked just above: every entry is one of VERSION_FOLDERS.
      config.versions = versions as VersionFolder[];
    }
  }
  if (data["ignore"] !== undefined) {
    if (!isStringArray(data["ignore"])) bad("ignore", data["ignore"], "an array of glob strings such as [\"**/drafts/**\"]");
    else config.ignore = data["ignore"];
  }
  if (data["enumStyle"] !== undefined) {
    const style = data["enumStyle"];
    if (style !== "union" && style !== "union-and-const") bad("enumStyle", style, "\"union\" or \"union-and-const\"");
    else config.enumStyle = style;
  }
  if (data["dates"] !== undefined) {
    const dates = data["dates"];
    if (dates !== "string" && dates !== "Date") bad("dates", dates, "\"string\" (ISO strings, the default) or \"Date\" (Date objects)");
    else config.dates = dates;
  }
  if (data["naming"] !== undefined) {
    const naming = validateNaming(data["naming"], bad, unknown);
    if (naming) config.naming = naming;
  }
  if (data["package"] !== undefined) {
    const pkg = data["package"];
    if (!isRecord(pkg)) {
      bad("package", pkg, "an object such as { \"name\": \"@acme/graph-types\", \"version\": \"1.0.0\" }");
    } else {
      for (const key of Object.keys(pkg)) if (key !== "name" && key !== "version") unknown(`package.${key}`, ["name", "version"]);
      const name = pkg["name"];
      const version = pkg["version"];
      if (name !== undefined && (typeof name !== "string" || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name))) {
        bad("package.name", name, "an npm package name such as \"@acme/graph-types\"");
      }
      if (version !== undefined && (typeof version !== "string" || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))) {
        bad("package.version", version, "a semantic version such as \"1.0.0\"");
      }
      config.package = { ...(typeof name === "string" ? { name } : {}), ...(typeof version === "string" ? { version } : {}) };
    }
  }
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  return config;
}

/** `naming`: each field checked; the valid ones returned (the caller stops on any problem anyway). */
function validateNaming(
  value: unknown,
  bad: (field: string, value: unknown, expected: string) => void,
  unknown: (field: string, known: readonly string[]) => void,
): NamingOptions | undefined {
  if (!isRecord(value)) {
    bad("naming", value, "an object such as { \"types\": \"PascalCase\", \"typePrefix\": \"Graph\" }");
    return undefined;
  }
  for (const key of Object.keys(value)) if (!(NAMING_FIELDS as readonly string[]).includes(key)) unknown(`naming.${key}`, NAMING_FIELDS);
  const naming: NamingOptions = {};
  const types = value["types"];
  if (types !== undefined) {
    if (types !== "PascalCase" && types !== "asDocumented") bad("naming.types", types, "\"PascalCase\" (the default) or \"asDocumented\"");
    else naming.types = types;
  }
  const prefix = value["typePrefix"];
  if (prefix !== undefined) {
    if (typeof prefix !== "string" || !/^([A-Za-z_$][\w$]*)?$/.test(prefix)) bad("naming.typePrefix", prefix, "a string that can start an identifier, such as \"Graph\"");
    else naming.typePrefix = prefix;
  }
  const suffix = value["typeSuffix"];
  if (suffix !== undefined) {
    if (typeof suffix !== "string" || !/^[\w$]*$/.test(suffix)) bad("naming.typeSuffix", suffix, "letters, digits, _ or $, such as \"Dto\"");
    else naming.typeSuffix = suffix;
  }
  const operations = value["operations"];
  if (operations !== undefined) {
    if (operations !== "camelCase" && operations !== "snake_case") bad("naming.operations", operations, "\"camelCase\" (the default) or \"snake_case\"");
    else naming.operations = operations;
  }
  return naming;
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

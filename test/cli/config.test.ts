/** docgen.config.json: validation (one clear line per bad field), CLI flags override it, ignore, versions, enum style, naming. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SEED_DIR, STRICT_TSC, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "config-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function project(name: string, config: unknown): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "docgen.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

describe("docgen.config.json validation", () => {
  const cases: [string, unknown, string][] = [
    ["unknown field", { inputs: ["docs"] }, 'docgen: error: config file "docgen.config.json": unknown field "inputs"; known fields are input, out, versions, ignore, enumStyle, dates, naming, package\n'],
    ["input of the wrong type", { input: 3 }, 'docgen: error: config file "docgen.config.json": "input" is number 3; expected a folder or file path, or a non-empty array of them\n'],
    ["out empty", { input: "d", out: "" }, 'docgen: error: config file "docgen.config.json": "out" is ""; expected a folder path such as "generated"\n'],
    ["unknown version", { input: "d", versions: ["v2"] }, 'docgen: error: config file "docgen.config.json": "versions" is an array (["v2"]); expected a non-empty array of "beta", "v1.0", "unversioned"\n'],
    ["ignore not a list", { input: "d", ignore: "drafts/**" }, 'docgen: error: config file "docgen.config.json": "ignore" is "drafts/**"; expected an array of glob strings such as ["**/drafts/**"]\n'],
    ["bad enum style", { input: "d", enumStyle: "enum" }, 'docgen: error: config file "docgen.config.json": "enumStyle" is "enum"; expected "union" or "union-and-const"\n'],
    ["bad dates", { input: "d", dates: "date" }, 'docgen: error: config file "docgen.config.json": "dates" is "date"; expected "string" (ISO strings, the default) or "Date" (Date objects)\n'],
    ["naming not an object", { input: "d", naming: "camel" }, 'docgen: error: config file "docgen.config.json": "naming" is "camel"; expected an object such as { "types": "PascalCase", "typePrefix": "Graph" }\n'],
    ["naming.types", { input: "d", naming: { types: "pascal" } }, 'docgen: error: config file "docgen.config.json": "naming.types" is "pascal"; expected "PascalCase" (the default) or "asDocumented"\n'],
    ["naming.typePrefix", { input: "d", naming: { typePrefix: "1x" } }, 'docgen: error: config file "docgen.config.json": "naming.typePrefix" is "1x"; expected a string that can start an identifier, such as "Graph"\n'],
    ["naming.typeSuffix", { input: "d", naming: { typeSuffix: "-dto" } }, 'docgen: error: config file "docgen.config.json": "naming.typeSuffix" is "-dto"; expected letters, digits, _ or $, such as "Dto"\n'],
    ["naming.operations", { input: "d", naming: { operations: 1 } }, 'docgen: error: config file "docgen.config.json": "naming.operations" is number 1; expected "camelCase" (the default) or "snake_case"\n'],
    ["naming unknown field", { input: "d", naming: { properties: "snake_case" } }, 'docgen: error: config file "docgen.config.json": unknown field "naming.properties"; known fields are types, typePrefix, typeSuffix, operations\n'],
    ["bad package name", { input: "d", package: { name: "Not A Name" } }, 'docgen: error: config file "docgen.config.json": "package.name" is "Not A Name"; expected an npm package name such as "@acme/graph-types"\n'],
    ["bad package version", { input: "d", package: { version: "1" } }, 'docgen: error: config file "docgen.config.json": "package.version" is "1"; expected a semantic version such as "1.0.0"\n'],
    ["not JSON", '{\n  "input": "docs",\n  out: 1\n}', 'docgen: error: config file "docgen.config.json" is not valid JSON at line 3, column 3 (InvalidSymbol); fix the syntax\n'],
    ["not an object", "[]", 'docgen: error: config file "docgen.config.json" must hold a JSON object\n'],
  ];
  it.each(cases)("%s", (name, config, expected) => {
    const dir = project(name.replace(/\W/g, "-"), config);
    const result = runCli(["check"], dir);
    expect(result.stderr).toBe(expected);
    expect(result.status).toBe(2);
  });

  it("every bad field gets its own line, in the file's field order; nothing runs", () => {
    const dir = project("several", { input: 3, out: "o", enumStyle: "enum", naming: { types: "lower", operations: "kebab-case" }, extra: true });
    const result = runCli(["gen"], dir);
    expect(result.stderr.split("\n")).toEqual([
      'docgen: error: config file "docgen.config.json": unknown field "extra"; known fields are input, out, versions, ignore, enumStyle, dates, naming, package',
      'docgen: error: config file "docgen.config.json": "input" is number 3; expected a folder or file path, or a non-empty array of them',
      'docgen: error: config file "docgen.config.json": "enumStyle" is "enum"; expected "union" or "union-and-const"',
      'docgen: error: config file "docgen.config.json": "naming.types" is "lower"; expected "PascalCase" (the default) or "asDocumented"',
      'docgen: error: config file "docgen.config.json": "naming.operations" is "kebab-case"; expected "camelCase" (the default) or "snake_case"',
      "",
    ]);
    expect(result.status).toBe(2);
    expect(existsSync(path.join(dir, "o"))).toBe(false);
  });

  it("a missing --config file is one line", () => {
    const result = runCli(["check", "--config", "nope.json"], tmp);
    expect(result.stderr).toBe('docgen: error: config file "nope.json" does not exist; check the --config value\n');
    expect(result.status).toBe(2);
  });
});

describe("docgen.config.json in use", () => {
  it("supplies inputs relative to its folder; ignore globs skip files; --input overrides", () => {
    const dir = project("inputs", { input: "docs", ignore: ["drafts/**"] });
    mkdirSync(path.join(dir, "docs/drafts"), { recursive: true });
    mkdirSync(path.join(dir, "other"), { recursive: true });
    const page = "# Update widget\n\n## HTTP request\n\n```http\nPATCH /widgets/{id}\n```\n\n## Request body\n\n| Property | Type | Description |\n|---|---|---|\n| name | String | The name. |\n";
    writeFileSync(path.join(dir, "docs/a.md"), page);
    writeFileSync(path.join(dir, "docs/drafts/b.md"), page.replace("Update widget", "Delete widget").replace("PATCH", "DELETE"));
    writeFileSync(path.join(dir, "other/c.md"), page.replace("Update widget", "Create widget").replace("PATCH /widgets/{id}", "POST /widgets"));
    const ids = (args: string[], cwd: string): string[] => {
      const result = runCli(["model", ...args], cwd);
      expect(result.stderr).not.toContain("docgen: error");
      const model: { operations: { id: string }[] } = JSON.parse(result.stdout);
      return model.operations.map((o) => o.id);
    };
    expect(ids([], dir)).toEqual(["updateWidget"]);
    expect(ids(["--input", "other"], dir)).toEqual(["createWidget"]);
    // From another folder, with --config: paths in the file stay relative to the file.
    expect(ids(["--config", path.join(dir, "docgen.config.json")], tmp)).toEqual(["updateWidget"]);
  });

  it("versions and enumStyle shape gen's output; --out overrides the config's out", () => {
    const dir = project("gen", { input: "docs", out: "out", versions: ["beta"], enumStyle: "union-and-const" });
    cpSync(path.join(ROOT, SEED_DIR), path.join(dir, "docs"), { recursive: true });
    const result = runCli(["gen", "--out", "elsewhere"], dir);
    expect(result.stderr).not.toContain("docgen: error");
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
    expect(readdirSync(path.join(dir, "elsewhere")).sort()).toEqual([".docgen-manifest.json", "beta"]);
    const enums = readFileSync(path.join(dir, "elsewhere/beta/enums.ts"), "utf8");
    expect(enums).toMatch(/export const RemoteAction = \{\n\s+unknown: "unknown",/);
    expect(enums).toContain("export type RemoteAction =");
  });

  it("docgen.config.ts: default export, type annotations allowed, validated like JSON; errors are one line", () => {
    const dir = path.join(tmp, "ts-config");
    mkdirSync(path.join(dir, "docs"), { recursive: true });
    writeFileSync(path.join(dir, "docs/a.md"), "# Update widget\n\n## HTTP request\n\n```http\nPATCH /widgets/{id}\n```\n");
    writeFileSync(path.join(dir, "docgen.config.ts"), 'interface Config { input: string[] }\nconst config: Config = { input: ["docs"] };\nexport default config;\n');
    const model = runCli(["model"], dir);
    expect(model.stderr).toBe("");
    expect(JSON.parse(model.stdout).operations.map((o: { id: string }) => o.id)).toEqual(["updateWidget"]);
    expect(readdirSync(dir).sort()).toEqual(["docgen.config.ts", "docs"]);

    writeFileSync(path.join(dir, "docgen.config.ts"), 'export default { input: ["docs"], enumStyle: "enum" as string };\n');
    expect(runCli(["model"], dir).stderr).toBe('docgen: error: config file "docgen.config.ts": "enumStyle" is "enum"; expected "union" or "union-and-const"\n');
    writeFileSync(path.join(dir, "docgen.config.ts"), "export default { input: [\"docs\" };\n");
    expect(runCli(["model"], dir).stderr).toMatch(/^docgen: error: config file "docgen.config.ts" does not compile at line 1, column \d+: .+\n$/);
    writeFileSync(path.join(dir, "docgen.config.ts"), "export const input = 1;\n");
    expect(runCli(["model"], dir).stderr).toBe('docgen: error: config file "docgen.config.ts" has no default export; end it with export default { … }\n');
    writeFileSync(path.join(dir, "docgen.config.json"), "{}");
    expect(runCli(["model"], dir).stderr).toBe("docgen: error: both docgen.config.json and docgen.config.ts exist; keep one, or pick one with --config\n");
  });
});

describe("naming", () => {
  const generate = (name: string, naming: object): string => {
    const dir = project(name, { input: "docs", out: "out", versions: ["beta"], naming });
    cpSync(path.join(ROOT, SEED_DIR), path.join(dir, "docs"), { recursive: true });
    const result = runCli(["gen", "--no-cache"], dir);
    expect(result.stderr).not.toContain("docgen: error");
    expect(result.status).toBe(0);
    const tsc = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT_TSC, "--module", "nodenext", "--moduleResolution", "nodenext", "out/beta/index.ts"], { cwd: dir, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    return path.join(dir, "out/beta");
  };
  const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), "utf8");

  it("typePrefix, typeSuffix and snake_case operations rename types, their derived names and functions; property names stay", () => {
    const out = generate("prefixed", { typePrefix: "Graph", typeSuffix: "Dto", operations: "snake_case" });
    const interfaces = read(out, "interfaces.ts");
    expect(interfaces).toContain("export interface GraphRemoteActionAuditDto {");
    expect(interfaces).toContain("export type GraphRemoteActionAuditDtoUpdate = Partial<");
    expect(interfaces).toContain("  deviceDisplayName?: string | null;");
    expect(interfaces).not.toMatch(/interface RemoteActionAudit\b/);
    expect(read(out, "enums.ts")).toContain("export const graphRemoteActionDtoValues: readonly GraphRemoteActionDto[] = [");
    expect(read(out, "validators.ts")).toContain("export const validateGraphRemoteActionAuditDto: Validator<GraphRemoteActionAuditDto> =");
    const requests = read(out, "requests.ts");
    expect(requests).toMatch(/export async function update_remote_action_audit\(/);
    expect(requests).not.toMatch(/export async function updateRemoteActionAudit\(/);
    // Request argument types are not documented types: no prefix or suffix.
    expect(requests).toContain("export interface UpdateRemoteActionAuditRequest extends RequestOptions {");
  });

  it("types: asDocumented keeps the docs' spelling; validators still read validateX", () => {
    const out = generate("documented", { types: "asDocumented" });
    expect(read(out, "interfaces.ts")).toContain("export interface remoteActionAudit {");
    expect(read(out, "enums.ts")).toMatch(/export type remoteAction =/);
    expect(read(out, "validators.ts")).toContain("export const validateRemoteActionAudit: Validator<remoteActionAudit> =");
    expect(read(out, "requests.ts")).toMatch(/export async function updateRemoteActionAudit\(/);
  });
});

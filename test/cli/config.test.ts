/** docgen.config.json: validation (one clear line per bad field), CLI flags override it, ignore, versions, enum style. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SEED_DIR, runCli } from "../helpers.js";

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
    ["unknown field", { inputs: ["docs"] }, 'docgen: error: config file "docgen.config.json": unknown field "inputs"; known fields are input, out, versions, ignore, enumStyle, package\n'],
    ["input of the wrong type", { input: 3 }, 'docgen: error: config file "docgen.config.json": "input" is number 3; expected a folder or file path, or a non-empty array of them\n'],
    ["out empty", { input: "d", out: "" }, 'docgen: error: config file "docgen.config.json": "out" is ""; expected a folder path such as "generated"\n'],
    ["unknown version", { input: "d", versions: ["v2"] }, 'docgen: error: config file "docgen.config.json": "versions" is an array (["v2"]); expected a non-empty array of "beta", "v1.0", "unversioned"\n'],
    ["ignore not a list", { input: "d", ignore: "drafts/**" }, 'docgen: error: config file "docgen.config.json": "ignore" is "drafts/**"; expected an array of glob strings such as ["**/drafts/**"]\n'],
    ["bad enum style", { input: "d", enumStyle: "enum" }, 'docgen: error: config file "docgen.config.json": "enumStyle" is "enum"; expected "union" or "union-and-const"\n'],
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

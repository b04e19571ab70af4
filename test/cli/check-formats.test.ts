/**
 * `docgen check` as a CI linter: grouped text, --max-warnings, SARIF 2.1.0, and every diagnostic
 * code documented in docs/diagnostics.md.
 *
 * SARIF is validated against the SARIF TC's own JSON schema, as shipped unmodified in the npm
 * package @microsoft/jest-sarif (`lib/schemas/sarif-2.1.0-rtm.5.json`, MIT package; the schema is
 * the OASIS SARIF TC's, draft-04). It is the schema of the 2.1.0 release; the later errata 01 schema
 * (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json) differs in two places that matter here:
 * a region must have startLine, charOffset or byteOffset, and `runs` may be null. The first is
 * checked below by hand; the second only loosens. No npm package ships the errata file (only the
 * 100 MB SARIF multitool binaries), and tests never fetch.
 * On top of the schema: the cross-references (ruleIndex → rules[ruleIndex].id) that a schema
 * cannot express.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/model/diagnostics.js";
import { ROOT, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "check-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface SarifLike {
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
}

const SCHEMA_FILE = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

// Both packages are CommonJS with `exports.default` set to the export itself: `.default` is the
// class (plugin) under Node's ESM interop and under TypeScript's nodenext typing alike.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

let compiled: ValidateFunction | undefined;
function sarifValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema: { $schema: string; title: string } = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
  expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
  expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0/);
  // strict: false: ajv's strict mode refuses schema idioms the TC uses (e.g. "default" beside "$ref");
  // validation is unaffected. unicodeRegExp: false: the `language` pattern of this schema,
  // "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", has a stray "]" that is a syntax error under the
  // `u` flag but a literal in plain ECMA-262 regular expressions, which draft-04 prescribes (errata 01
  // corrected it to "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"; docgen writes no `language`).
  const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled = validate;
  return validate;
}

function expectValidSarif(stdout: string): SarifLike {
  const sarif: SarifLike = JSON.parse(stdout);
  const validate = sarifValidator();
  expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
  // errata 01: a region must say where it starts.
  for (const r of sarif.runs.flatMap((run) => run.results)) for (const l of r.locations) expect(l.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
  return sarif;
}

describe("docgen check --format sarif", () => {
  it("is valid SARIF 2.1.0 (the TC's schema) with one result per diagnostic, rule references that resolve, and positions", () => {
    const result = runCli(["check", "--input", "docs-input", "--format", "sarif"]);
    expect(result.status).toBe(1);
    const sarif = expectValidSarif(result.stdout);

    const json: { diagnostics: { file: string; line: number; column: number; code: string; severity: string }[] } = JSON.parse(
      runCli(["check", "--input", "docs-input", "--format", "json"]).stdout,
    );
    expect(json.diagnostics.length).toBeGreaterThan(0);
    const run = sarif.runs[0];
    expect(run?.results).toHaveLength(json.diagnostics.length);
    const levels: Record<string, string> = { error: "error", warning: "warning", info: "note" };
    json.diagnostics.forEach((d, i) => {
      const r = run?.results[i];
      expect(r?.ruleId).toBe(d.code);
      expect(run?.tool.driver.rules[r?.ruleIndex ?? -1]?.id).toBe(d.code);
      expect(r?.level).toBe(levels[d.severity]);
      expect(r?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: d.file }, region: { startLine: d.line, startColumn: d.column } });
    });
  });

  it("file names with spaces, # and % stay whole in the URI", () => {
    const dir = path.join(tmp, "odd names");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "page #1 100%.md"), "# Update widget\n\n## HTTP request\n\n```http\nPATCH /widgets/{id}\n```\n\n## Request body\n\n| Property | Type | Description |\n|---|---|---|\n| name | Strnig | The name. |\n");
    const result = runCli(["check", "--input", path.relative(ROOT, dir), "--format", "sarif"]);
    const sarif = expectValidSarif(result.stdout);
    const uris = new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(["test/.tmp/" + path.basename(tmp) + "/odd%20names/page%20%231%20100%25.md"]);
  });

  it("the schema rejects broken SARIF (it can fail)", () => {
    const validate = sarifValidator();
    const log = (result: object, version = "2.1.0") => ({ version, runs: [{ tool: { driver: { name: "docgen" } }, results: [result] }] });
    expect(validate(log({ message: { text: "x" } }))).toBe(true);
    expect(validate(log({ message: { text: "x" }, level: "info" }))).toBe(false);
    expect(validate(log({ message: { text: "x" } }, "2.0.0"))).toBe(false);
    expect(validate(log({ message: { text: "x" }, severity: "error" }))).toBe(false);
    expect(validate(log({ message: { text: "x" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a.md" }, region: { startLine: 0 } } }] }))).toBe(false);
    expect(validate(log({ message: { text: "x" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a b.md" } } }] }))).toBe(false);
  });
});

describe("docgen check text and --max-warnings", () => {
  const warningOnly = (): string => {
    const dir = path.join(tmp, "warn");
    mkdirSync(dir, { recursive: true });
    // An example that sets a property the table does not list: a warning, no errors.
    const page = [
      "# Update widget", "", "Update the properties of a widget.", "", "## HTTP request", "", "```http", "PATCH /widgets/{id}", "```", "",
      "## Request body", "", "| Property | Type | Description |", "|---|---|---|", "| name | String | The name. |", "",
      "## Example", "", "### Request", "", "```http", "PATCH https://graph.microsoft.com/beta/widgets/1", "Content-type: application/json", "",
      '{"name": "x", "colour": "red", "size": 3}', "```", "",
    ].join("\n");
    writeFileSync(path.join(dir, "a.md"), page);
    return dir;
  };

  it("groups lines by file with a blank line between files", () => {
    const out = runCli(["check", "--input", "docs-input"]).stdout.trimEnd().split("\n");
    const files = out.slice(0, -1).map((line) => (line === "" ? "" : line.split(":")[0]));
    const blocks = files.join("\n").split("\n\n").map((block) => new Set(block.split("\n")));
    for (const block of blocks) expect(block.size).toBe(1);
    expect(new Set(blocks.map((b) => [...b][0])).size).toBe(blocks.length);
  });

  it("exits 0 with warnings at or under the limit and 1 above it", () => {
    const dir = warningOnly();
    const counts: { summary: { error: number; warning: number } } = JSON.parse(runCli(["check", "--input", dir, "--format", "json"]).stdout);
    expect(counts.summary.error).toBe(0);
    const warnings = counts.summary.warning;
    expect(warnings).toBeGreaterThan(0);
    expect(runCli(["check", "--input", dir]).status).toBe(0);
    expect(runCli(["check", "--input", dir, "--max-warnings", String(warnings)]).status).toBe(0);
    const over = runCli(["check", "--input", dir, "--max-warnings", String(warnings - 1)]);
    expect(over.status).toBe(1);
    expect(over.stdout.trimEnd().split("\n").at(-1)).toBe(`docgen check: ${warnings} warnings exceed --max-warnings ${warnings - 1}`);
    const bad = runCli(["check", "--input", dir, "--max-warnings", "lots"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('docgen: error: --max-warnings expects a whole number ≥ 0, got "lots"\n');
  });
});

describe("docs/diagnostics.md", () => {
  it("documents every code with what it means, an example and how to fix it", () => {
    const doc = readFileSync(path.join(ROOT, "docs/diagnostics.md"), "utf8");
    for (const code of Object.keys(DIAGNOSTIC_CODES)) {
      const section = doc.split(/\n(?=### )/).find((s) => s.startsWith(`### \`${code}\``));
      expect(section, code).toBeDefined();
      expect(section, code).toMatch(/\*\*Means:\*\*/);
      expect(section, code).toMatch(/\*\*Example:\*\*/);
      expect(section, code).toMatch(/\*\*Fix:\*\*/);
    }
  });
});

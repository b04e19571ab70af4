/**
 * `docgen check` as a CI linter: grouped text, --max-warnings, SARIF 2.1.0, and every diagnostic
 * code documented in docs/diagnostics.md.
 *
 * No copy of the official SARIF 2.1.0 JSON schema is installed (nothing in node_modules ships it,
 * and tests never fetch), so SARIF is checked against a hand-written subset of that schema: the
 * properties code-scanning tools require, with their types and ranges, plus the cross-references
 * (ruleIndex → rules[ruleIndex].id) that the schema itself cannot express.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/model/diagnostics.js";
import { ROOT, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "check-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SARIF_SUBSET = {
  type: "object",
  required: ["version", "runs"],
  properties: {
    $schema: { type: "string", format: "uri" },
    version: { const: "2.1.0" },
    runs: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["tool"],
        properties: {
          tool: {
            type: "object",
            required: ["driver"],
            properties: {
              driver: {
                type: "object",
                required: ["name"],
                properties: {
                  name: { type: "string", minLength: 1 },
                  version: { type: "string" },
                  informationUri: { type: "string", format: "uri" },
                  rules: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["id"],
                      properties: {
                        id: { type: "string" },
                        shortDescription: { type: "object", required: ["text"], properties: { text: { type: "string" } } },
                        helpUri: { type: "string", format: "uri" },
                        defaultConfiguration: { type: "object", properties: { level: { enum: ["none", "note", "warning", "error"] } } },
                      },
                    },
                  },
                },
              },
            },
          },
          columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] },
          results: {
            type: "array",
            items: {
              type: "object",
              required: ["message"],
              properties: {
                ruleId: { type: "string" },
                ruleIndex: { type: "integer", minimum: -1 },
                level: { enum: ["none", "note", "warning", "error"] },
                message: { type: "object", required: ["text"], properties: { text: { type: "string", minLength: 1 } } },
                locations: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      physicalLocation: {
                        type: "object",
                        required: ["artifactLocation"],
                        properties: {
                          artifactLocation: { type: "object", required: ["uri"], properties: { uri: { type: "string", format: "uri-reference" } } },
                          region: {
                            type: "object",
                            properties: { startLine: { type: "integer", minimum: 1 }, startColumn: { type: "integer", minimum: 1 } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

interface SarifLike {
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
}

function sarifValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The three formats the subset uses; ajv-formats would do, but these keep the check self-contained.
  ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat("uri-reference", /^[^\s\\]*$/);
  return ajv.compile(SARIF_SUBSET);
}

describe("docgen check --format sarif", () => {
  it("is SARIF 2.1.0 with one result per diagnostic, rule references that resolve, and positions", () => {
    const result = runCli(["check", "--input", "docs-input", "--format", "sarif"]);
    expect(result.status).toBe(1);
    const sarif: SarifLike = JSON.parse(result.stdout);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);

    const json: { diagnostics: { file: string; line: number; column: number; code: string; severity: string }[] } = JSON.parse(
      runCli(["check", "--input", "docs-input", "--format", "json"]).stdout,
    );
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

  it("the structural check rejects broken SARIF (it can fail)", () => {
    const validate = sarifValidator();
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "docgen" } }, results: [{ message: { text: "x" }, level: "info" }] }] })).toBe(false);
    expect(validate({ version: "2.0.0", runs: [{ tool: { driver: { name: "docgen" } } }] })).toBe(false);
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "docgen" } }, results: [{ message: { text: "x" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a.md" }, region: { startLine: 0 } } }] }] }] })).toBe(false);
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

/** `docgen diff`: the seeds 000 → 001, breaking classification, markdown/JSON, --git. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffModels, type ApiDiff } from "../../src/diff/diff.js";
import type { ApiModel } from "../../src/model/types.js";
import { ROOT, SEED_DIR, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "diff-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function seedFolder(name: string, prefix: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const file = readdirSync(path.join(ROOT, SEED_DIR)).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  copyFileSync(path.join(ROOT, SEED_DIR, file), path.join(dir, file));
  return dir;
}

function page(props: string[], extra = ""): string {
  return [
    "# Update widget", "", "Update a widget.", "", "## HTTP request", "", "```http", "PATCH /widgets/{id}", "```", "",
    "## Request body", "", "| Property | Type | Description |", "|---|---|---|", ...props, "",
    "## Response", "", "If successful, this method returns a `200 OK` response code and a [widget](widget.md) object in the response body.", extra,
  ].join("\n");
}

describe("docgen diff", () => {
  it("seeds 000 → 001: adds managedDeviceId and 27 enum values, nothing breaking", () => {
    const before = seedFolder("s000", "000_");
    const after = seedFolder("s001", "001_");
    const result = runCli(["diff", before, after, "--format", "json", "--fail-on-breaking"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const diff: ApiDiff = JSON.parse(result.stdout);
    const properties = diff.changes.filter((c) => c.subject === "property");
    expect(properties.map((c) => [c.kind, c.name, c.breaking])).toEqual([["added", "remoteActionAudit.managedDeviceId", false]]);
    const values = diff.changes.filter((c) => c.subject === "enum-member");
    expect(values).toHaveLength(27);
    expect(values.every((c) => c.kind === "added" && !c.breaking)).toBe(true);
    expect(values.map((c) => c.name)).toContain("remoteActionAudit.action.rotateBitLockerKeys");
    expect(diff.summary.breaking).toBe(0);

    const markdown = runCli(["diff", before, after]).stdout;
    expect(markdown).toContain(`${diff.summary.changes} changes: 0 breaking, ${diff.summary.changes} not breaking.`);
    expect(markdown).toContain("| beta | added property | `remoteActionAudit.managedDeviceId` | String |");
    expect(markdown).not.toContain("## Breaking");
  });

  it("001 → 000 is breaking: removed property and values; --fail-on-breaking exits 1", () => {
    const result = runCli(["diff", seedFolder("r001", "001_"), seedFolder("r000", "000_"), "--format", "json", "--fail-on-breaking"]);
    expect(result.status).toBe(1);
    // 1 property, 27 values, and the two enum types 000 does not define.
    expect(result.stderr).toMatch(/^docgen diff: 30 breaking change\(s\)\n$/);
    const diff: ApiDiff = JSON.parse(result.stdout);
    expect(diff.changes.find((c) => c.name === "remoteActionAudit.managedDeviceId")).toMatchObject({ kind: "removed", breaking: true });
    expect(diff.changes.filter((c) => c.subject === "enum-member" && c.kind === "removed" && c.breaking)).toHaveLength(27);
    expect(diff.changes.filter((c) => c.subject === "type").map((c) => [c.kind, c.name, c.breaking])).toEqual([
      ["removed", "actionState", true],
      ["removed", "remoteAction", true],
    ]);
  });

  it("classifies type changes, added required parameters and removed operations", () => {
    const a = path.join(tmp, "a");
    const b = path.join(tmp, "b");
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    writeFileSync(path.join(a, "w.md"), page(["| name | String | The name. |", "| size | Int32 | The size. |"]));
    writeFileSync(
      path.join(b, "w.md"),
      page(["| name | String | The name. |", "| size | String | The size. |", "| colour | String | The colour. |"]).replace("PATCH /widgets/{id}", "PATCH /widgets/{id}/parts/{partId}"),
    );
    const diff: ApiDiff = JSON.parse(runCli(["diff", a, b, "--format", "json"]).stdout);
    const by = (name: string) => diff.changes.filter((c) => c.name === name).map((c) => [c.kind, c.subject, c.breaking]);
    expect(by("widget.size")).toEqual([["changed", "property", true]]);
    expect(by("widget.colour")).toEqual([["added", "property", false]]);
    expect(by("updateWidget.partId")).toEqual([["added", "parameter", true]]);
    expect(diff.changes.find((c) => c.name === "widget.size")).toMatchObject({ before: "Int32", after: "String" });

    const empty = path.join(tmp, "none");
    mkdirSync(empty, { recursive: true });
    writeFileSync(path.join(empty, "x.md"), "# Overview\n\nNothing here.\n");
    const removed: ApiDiff = JSON.parse(runCli(["diff", a, empty, "--format", "json"]).stdout);
    expect(removed.changes.map((c) => [c.kind, c.subject, c.name, c.breaking])).toContainEqual(["removed", "operation", "updateWidget", true]);
  });

  it("a flags enum's commas accepted is not breaking, no longer accepted is (types and inline values)", () => {
    const at = { file: "f.md", line: 1, column: 1 };
    const model = (flags: boolean): ApiModel => ({
      types: [
        { name: "arch", kind: "enum", apiVersion: "beta", properties: [], members: ["x86", "x64"], sources: [at], ...(flags ? { flags } : {}) },
        { name: "sub", kind: "complex", apiVersion: "beta", properties: [{ name: "change", type: "String", collection: false, description: "", enumValues: ["a", "b"], ...(flags ? { flags } : {}), source: at }], sources: [at] },
      ],
      operations: [],
      diagnostics: [],
    });
    const changes = (a: boolean, b: boolean) => diffModels(model(a), model(b)).changes.map((c) => [c.kind, c.subject, c.name, c.breaking]);
    expect(changes(false, true)).toEqual([
      ["changed", "type", "arch", false],
      ["changed", "property", "sub.change", false],
    ]);
    expect(changes(true, false)).toEqual([
      ["changed", "type", "arch", true],
      ["changed", "property", "sub.change", true],
    ]);
    expect(changes(true, true)).toEqual([]);
  });

  it("names the argument that does not exist", () => {
    const result = runCli(["diff", SEED_DIR, path.join(tmp, "no-such-docs")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^docgen: error: <new> ".*no-such-docs" does not exist; pass a docs folder or file \(or a git ref with --git <repo>\)\n$/);
  });

  it("--git compares two refs of a docs repository", () => {
    const repo = path.join(tmp, "repo");
    mkdirSync(path.join(repo, "docs"), { recursive: true });
    const git = (...args: string[]) => {
      const r = spawnSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      return r.stdout.trim();
    };
    git("init", "-q");
    writeFileSync(path.join(repo, "docs/w.md"), page(["| name | String | The name. |"]));
    git("add", ".");
    git("commit", "-qm", "one");
    writeFileSync(path.join(repo, "docs/w.md"), page(["| name | String | The name. |", "| colour | String | The colour. |"]));
    git("commit", "-qam", "two");
    const result = runCli(["diff", "--git", repo, "--path", "docs", "HEAD~1", "HEAD", "--format", "json"]);
    expect(result.status).toBe(0);
    const diff: ApiDiff = JSON.parse(result.stdout);
    expect(diff.changes.map((c) => [c.kind, c.name])).toEqual([["added", "widget.colour"]]);
    const bad = runCli(["diff", "--git", repo, "no-such-ref", "HEAD"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^docgen: error: cannot read "no-such-ref" from the git repository .*\n$/);
    expect(readFileSync(path.join(repo, "docs/w.md"), "utf8")).toContain("colour");
  });
});

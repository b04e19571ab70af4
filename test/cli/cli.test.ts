/** The docgen CLI, spawned as users run it (built by `npm test` before vitest starts). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTree, ROOT, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("docgen --version", () => {
  it("prints the version of package.json and exits 0", () => {
    const pkg: { version: string } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    for (const flag of ["--version", "-V"]) {
      const result = runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${pkg.version}\n`);
    }
  });
});

describe("docgen check", () => {
  it("prints file:line:col severity code message, a summary, and exits 1 on errors", () => {
    const result = runCli(["check", "--input", "docs-input"]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toContain(
      'docs-input/003_6135de15af08706f.txt:108:13 error example-value-mismatch "status" is "String" in the example, which is not one of its possible values: NotStarted, Running, Completed, Failed.',
    );
    expect(lines.at(-1)).toBe("docgen check: 3 errors, 7 warnings, 6 info");
  });

  it("exits 0 when the docs have no errors", () => {
    const result = runCli(["check", "--input", "docs-input/004_c3d237070740f251.txt"]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("docgen check: 0 errors, 0 warnings, 0 info");
  });

  it("--format json gives the diagnostics and counts", () => {
    const result = runCli(["check", "--input", "docs-input", "--format", "json"]);
    const data: unknown = JSON.parse(result.stdout);
    expect(data).toMatchObject({ summary: { error: 3, warning: 7, info: 6 } });
    expect(JSON.stringify(data)).toContain('"code":"example-url-malformed"');
  });
});

describe("docgen model", () => {
  it("prints the model as JSON, or writes it with --out", () => {
    const out = path.join(tmp, "model.json");
    const result = runCli(["model", "--input", "docs-input", "--out", out]);
    expect(result.status).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(runCli(["model", "--input", "docs-input"]).stdout).toBe(written);
    const model: { types: { name: string }[]; operations: { id: string }[] } = JSON.parse(written);
    expect(model.operations.map((o) => o.id)).toEqual(["updateSecurityAction", "createRemoteActionAudit", "updateDeviceComplianceDeviceStatus", "updateRemoteActionAudit"]);
  });
});

describe("--out files", () => {
  it("are written into folders made for them, and one that cannot be written is one line and exit 2", () => {
    const nested = path.join(tmp, "out-files", "a", "b", "model.json");
    expect(runCli(["model", "--input", "docs-input", "--out", nested]).status).toBe(0);
    expect(JSON.parse(readFileSync(nested, "utf8"))).toHaveProperty("types");
    const blocker = path.join(tmp, "out-files", "a-file");
    writeFileSync(blocker, "x");
    for (const args of [
      ["model", "--input", "docs-input", "--out", path.join(blocker, "model.json")],
      ["openapi", "--input", "docs-input", "--api-version", "beta", "--out", path.dirname(nested)],
      ["jsonschema", "--input", "docs-input", "--out", blocker],
      ["diff", "docs-input", "docs-input", "--out", path.join(blocker, "diff.md")],
    ]) {
      const result = runCli(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/^docgen: error: cannot write ".*": (part of the path is a file, not a folder|it is a folder); pass another --out path\n$/);
    }
  });
});

describe("docgen gen", () => {
  it("does without a cache folder it cannot use (a file where a folder should be): the same output", () => {
    const blocker = path.join(tmp, "cache-blocker");
    writeFileSync(blocker, "x");
    const [withBlocked, withNone] = [path.join(tmp, "gen-blocked-cache"), path.join(tmp, "gen-no-cache")];
    const blocked = runCli(["gen", "--input", "docs-input", "--out", withBlocked, "--cache-dir", path.join(blocker, "cache"), "--no-daemon"]);
    expect(blocked.status, blocked.stderr).toBe(0);
    expect(runCli(["gen", "--input", "docs-input", "--out", withNone, "--no-cache", "--no-daemon"]).status).toBe(0);
    expect(readTree(withBlocked)).toEqual(readTree(withNone));
  });

  it("writes, then --check passes; a stale or extra file makes --check exit 1 listing it", () => {
    const out = path.join(tmp, "gen");
    const first = runCli(["gen", "--input", "docs-input", "--out", out]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^docgen: wrote \d+ files to .*: 9 types, 4 operations; 3 errors, 7 warnings, 6 info \(\d+\.\ds\)\n$/);
    expect(runCli(["gen", "--input", "docs-input", "--out", out, "--check"]).status).toBe(0);

    writeFileSync(path.join(out, "beta/interfaces.ts"), "// edited\n");
    const stale = runCli(["gen", "--input", "docs-input", "--out", out, "--check"]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain("changed beta/interfaces.ts");

    expect(runCli(["gen", "--input", "docs-input", "--out", out]).status).toBe(0);
    expect(runCli(["gen", "--input", "docs-input", "--out", out, "--check"]).status).toBe(0);
  });

  it("leaves files already as generated alone: a rerun writes nothing, a change replaces only the changed files", () => {
    const out = path.join(tmp, "untouched");
    expect(runCli(["gen", "--input", "docs-input", "--out", out]).status).toBe(0);
    const identity = (file: string) => {
      const stat = statSync(path.join(out, file));
      return `${stat.ino}:${stat.mtimeMs}`;
    };
    const files = ["beta/interfaces.ts", "beta/requests.ts", "unversioned/validators.ts"];
    const before = files.map(identity);

    const rerun = runCli(["gen", "--input", "docs-input", "--out", out]);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/^docgen: wrote 0 files to .* \(\d+ unchanged\): 9 types/);
    expect(files.map(identity)).toEqual(before);

    writeFileSync(path.join(out, "beta/interfaces.ts"), "// edited\n");
    const edited = identity("beta/interfaces.ts");
    const repair = runCli(["gen", "--input", "docs-input", "--out", out]);
    expect(repair.stdout).toMatch(/^docgen: wrote 1 file to .* \(\d+ unchanged\): /);
    expect(identity("beta/interfaces.ts")).not.toBe(edited);
    expect(files.slice(1).map(identity)).toEqual(before.slice(1));
    expect(runCli(["gen", "--input", "docs-input", "--out", out, "--check"]).status).toBe(0);
  });

  it("refuses a folder holding files it did not generate, unless --force", () => {
    const out = path.join(tmp, "foreign");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "mine.txt"), "keep me");
    const refused = runCli(["gen", "--input", "docs-input", "--out", out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("did not generate");
    expect(readFileSync(path.join(out, "mine.txt"), "utf8")).toBe("keep me");
    expect(runCli(["gen", "--input", "docs-input", "--out", out, "--force"]).status).toBe(0);
  });
});

describe("one clear line for bad input", () => {
  type Case = [name: string, setup: () => string[], expected: RegExp];
  const cases: Case[] = [
    ["missing input path", () => ["check", "--input", "no/such/dir"], /^docgen: error: input path "no\/such\/dir" does not exist; check the --input value\n$/],
    ["empty input folder", () => {
      const dir = path.join(tmp, "empty-dir");
      mkdirSync(dir, { recursive: true });
      return ["check", "--input", dir];
    }, /^docgen: error: no documents found in .*empty-dir; expected \.md, \.markdown or \.txt files\n$/],
    ["empty file", () => {
      const file = path.join(tmp, "empty.md");
      writeFileSync(file, "");
      return ["check", "--input", file];
    }, /^docgen: error: ".*empty\.md" is empty\n$/],
    ["binary file", () => {
      const file = path.join(tmp, "image.md");
      writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      return ["gen", "--input", file, "--out", path.join(tmp, "never")];
    }, /^docgen: error: ".*image\.md" is a binary file, not a text document; remove it from the input\n$/],
    ["non-UTF-8 file", () => {
      const file = path.join(tmp, "latin1.md");
      writeFileSync(file, Buffer.from("# Caf\xe9\n", "latin1"));
      return ["model", "--input", file];
    }, /^docgen: error: ".*latin1\.md" is not valid UTF-8 text; re-save it as UTF-8\n$/],
    ["output overlapping the input", () => ["gen", "--input", "docs-input", "--out", "docs-input"], /^docgen: error: refusing to write to "docs-input": it overlaps the input "docs-input"; pick a separate output folder\n$/],
  ];
  it.each(cases)("%s", (_name, setup, expected) => {
    const result = runCli(setup());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toContain("    at ");
  });

  it("unreadable files inside an input folder become diagnostics and the run goes on", () => {
    const dir = path.join(tmp, "mixed");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "blob.md"), Buffer.from([0, 1, 2, 3]));
    writeFileSync(path.join(dir, "page.md"), readFileSync(path.join(ROOT, "docs-input/004_c3d237070740f251.txt")));
    const result = runCli(["check", "--input", dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/blob\.md:1:1 error input-unreadable This file is a binary file/);
  });
});

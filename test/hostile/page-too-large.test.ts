/**
 * A page that exhausts the memory one parse may take ends as a `page-too-large` error on that page;
 * the other pages are still read and generated, and the exit code says there was an error. The
 * worker heap limit is made tiny with DOCGEN_WORKER_HEAP_MB (internal, see workers/pool.ts), and the
 * page is above ISOLATED_PAGE_CHARS, so it is parsed in a child process of its own even with --jobs 1.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ISOLATED_PAGE_CHARS } from "../../src/cli/workers/pool.js";
import { ROOT, runCli } from "../helpers.js";

const DIR = path.join(ROOT, "test/.tmp/page-too-large");
const INPUT = path.join(DIR, "docs");
const TINY = { DOCGEN_WORKER_HEAP_MB: "32" };
let size = "";

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(INPUT, { recursive: true });
  writeFileSync(path.join(INPUT, "small.md"), readFileSync(path.join(ROOT, "test/fixtures/hostile/self-reference.md"), "utf8"));
  // One table of 60,000 rows: a single block, which needs far more than 32 MB to parse.
  const rows = Array.from({ length: 60_000 }, (_, i) => `|prop${i}|String|Property ${i}.|`);
  const huge = ["# huge resource type", "", "## Properties", "", "|Property|Type|Description|", "|:--|:--|:--|", ...rows, ""].join("\n");
  expect(huge.length).toBeGreaterThan(ISOLATED_PAGE_CHARS);
  writeFileSync(path.join(INPUT, "huge.md"), huge);
  size = `${(huge.length / 1e6).toFixed(1)} million characters`;
});

describe("a page that exhausts the parse memory limit", () => {
  it("gen still writes the other pages (--jobs 1: emitting runs inline, unaffected by the tiny worker limit)", () => {
    const out = path.join(DIR, "out");
    const gen = runCli(["gen", "--input", INPUT, "--out", out, "--jobs", "1", "--no-cache"], ROOT, TINY);
    expect(gen.stderr).not.toContain("docgen: error");
    expect(gen.status).toBe(0);
    expect(gen.stderr).toContain("page-too-large");
    expect(readFileSync(path.join(out, "unversioned/interfaces.ts"), "utf8")).toContain("export interface TreeNode");
  });

  for (const jobs of ["1", "2"]) {
    it(`check reports it on that page, reads the others and exits 1 (--jobs ${jobs})`, () => {
      const check = runCli(["check", "--input", INPUT, "--jobs", jobs, "--format", "json"], ROOT, TINY);
      expect(check.status).toBe(1);
      const { diagnostics } = JSON.parse(check.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }> };
      const tooLarge = diagnostics.filter((d) => d.code === "page-too-large");
      expect(tooLarge.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity}`)).toEqual(["huge.md:1:1 error"]);
      expect(tooLarge[0]?.message).toBe(
        `This file (${size}) needs more memory than parsing one page may take here (32 MB); split it into smaller pages (each table, code block and paragraph is held whole) or run docgen on a machine with more free memory; it was skipped.`,
      );
      expect(diagnostics.filter((d) => path.basename(d.file) === "small.md").map((d) => d.code)).toEqual([]);
    });
  }

  it("parses the same page when the limit allows it", () => {
    const check = runCli(["check", "--input", INPUT, "--jobs", "1", "--format", "json"], ROOT, { DOCGEN_WORKER_HEAP_MB: "2048" });
    const { diagnostics } = JSON.parse(check.stdout) as { diagnostics: Array<{ code: string }> };
    expect(diagnostics.map((d) => d.code)).not.toContain("page-too-large");
    expect(readdirSync(INPUT).sort()).toEqual(["huge.md", "small.md"]);
  });
});

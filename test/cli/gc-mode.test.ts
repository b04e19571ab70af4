/**
 * Which command lines run in a child process with single-threaded garbage collection
 * (src/cli/gc-mode.ts), and the scan of the command line that decides it (src/cli/command-line.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache } from "../../src/cli/cache.js";
import { scanCommandLine } from "../../src/cli/command-line.js";
import { wantsSingleThreadedGc } from "../../src/cli/gc-mode.js";
import { ROOT } from "../helpers.js";

const argv = (...args: string[]): string[] => ["node", "docgen", ...args];
const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-gc-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("single-threaded garbage collection", () => {
  const cold = path.join(tmp, "cold");

  it("is wanted by the commands that parse pages in workers", () => {
    for (const command of ["gen", "check", "model", "openapi", "jsonschema", "diff"]) expect(wantsSingleThreadedGc(argv(command, "--input", "docs"), [], cold), command).toBe(true);
  });

  it("is not wanted for one job, help, other commands, or in a process that has it", () => {
    expect(wantsSingleThreadedGc(argv("gen", "--jobs", "1"), [], cold)).toBe(false);
    expect(wantsSingleThreadedGc(argv("check", "-j1"), [], cold)).toBe(false);
    expect(wantsSingleThreadedGc(argv("gen", "--help"), [], cold)).toBe(false);
    expect(wantsSingleThreadedGc(argv("daemon", "status"), [], cold)).toBe(false);
    expect(wantsSingleThreadedGc(argv(), [], cold)).toBe(false);
    expect(wantsSingleThreadedGc(argv("gen"), ["--single-threaded-gc"], cold)).toBe(false);
  });

  it("is not wanted by a gen whose cache folder already has a run of this build, unless --no-cache", () => {
    const warm = path.join(tmp, "warm");
    const cache = new Cache(path.join(warm, "node_modules/.cache/docgen"));
    cache.write("files", cache.key("files"), "{}");
    expect(wantsSingleThreadedGc(argv("gen", "--input", "docs"), [], warm)).toBe(false);
    expect(wantsSingleThreadedGc(argv("gen", "--input", "docs", "--no-cache"), [], warm)).toBe(true);
    expect(wantsSingleThreadedGc(argv("check", "--input", "docs"), [], warm)).toBe(true);
    const other = new Cache(path.join(tmp, "elsewhere"));
    other.write("files", other.key("files"), "{}");
    expect(wantsSingleThreadedGc(argv("gen", "--cache-dir", "../elsewhere"), [], cold)).toBe(false);
    expect(wantsSingleThreadedGc(argv("gen", "--cache-dir=../nowhere"), [], cold)).toBe(true);
  });
});

describe("the command-line scan", () => {
  it("reads --jobs 1 in each spelling, and only 1", () => {
    expect(["--jobs 1", "--jobs=1", "-j 1", "-j1"].map((s) => scanCommandLine(argv("gen", ...s.split(" "))).oneJob)).toEqual([true, true, true, true]);
    expect(scanCommandLine(argv("gen", "--jobs", "2")).oneJob).toBe(false);
    expect(scanCommandLine(argv("gen", "--input", "1")).oneJob).toBe(false);
  });

  it("reads the cache folder, the config file and the flags, up to --", () => {
    const line = scanCommandLine(argv("gen", "--cache-dir", "c", "-c", "x.json", "--watch", "--", "--no-cache"));
    expect(line).toMatchObject({ command: "gen", cacheDir: "c", config: "x.json", incomplete: false });
    expect([...line.flags]).toEqual(["--watch"]);
    expect(scanCommandLine(argv("gen", "--config=y.ts")).config).toBe("y.ts");
    expect(scanCommandLine(argv("gen", "--cache-dir")).incomplete).toBe(true);
  });
});

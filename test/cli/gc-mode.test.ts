/** Which command lines run in a child process with single-threaded garbage collection (src/cli/gc-mode.ts). */
import { describe, expect, it } from "vitest";
import { asksForOneJob, wantsSingleThreadedGc } from "../../src/cli/gc-mode.js";

const argv = (...args: string[]): string[] => ["node", "docgen", ...args];

describe("single-threaded garbage collection", () => {
  it("is wanted by the commands that parse pages in workers", () => {
    for (const command of ["gen", "check", "model", "openapi", "jsonschema", "diff"]) expect(wantsSingleThreadedGc(argv(command, "--input", "docs"), []), command).toBe(true);
  });

  it("is not wanted for one job, help, other commands, or in a process that has it", () => {
    expect(wantsSingleThreadedGc(argv("gen", "--jobs", "1"), [])).toBe(false);
    expect(wantsSingleThreadedGc(argv("check", "-j1"), [])).toBe(false);
    expect(wantsSingleThreadedGc(argv("gen", "--help"), [])).toBe(false);
    expect(wantsSingleThreadedGc(argv("daemon", "status"), [])).toBe(false);
    expect(wantsSingleThreadedGc(argv(), [])).toBe(false);
    expect(wantsSingleThreadedGc(argv("gen"), ["--single-threaded-gc"])).toBe(false);
  });

  it("reads --jobs 1 in each spelling, and only 1", () => {
    expect(["--jobs 1", "--jobs=1", "-j 1", "-j1"].map((s) => asksForOneJob(s.split(" ")))).toEqual([true, true, true, true]);
    expect(asksForOneJob(["--jobs", "2"])).toBe(false);
    expect(asksForOneJob(["--input", "1"])).toBe(false);
  });
});

/**
 * A file index record's display path and page key (file-index.ts `shown`) are taken again only
 * while the file is that path below the working directory, or, for a file outside it, while the
 * working directory is the one recorded.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/cli/inputs.js";
import { shownHere, shownOf, type FileRecord } from "../../src/cli/file-index.js";

describe("shownHere", () => {
  const record: FileRecord = { size: "1", mtime: "1", ctime: "1", ino: "1", at: "1", hash: "h", problem: null, shown: { file: "docs/a.md", key: "k" } };
  const below = (cwd: string, absolute: string) => shownHere(record, absolute, cwd, `${cwd}${path.sep}`);

  it("gives the recorded display path and key for the file it names below the working directory", () => {
    expect(below("/work", "/work/docs/a.md")).toEqual({ file: "docs/a.md", key: "k" });
  });

  it("gives nothing in another working directory, for another file, or without a recorded display path", () => {
    expect(below("/elsewhere", "/work/docs/a.md")).toBeUndefined();
    expect(below("/work/docs", "/work/docs/a.md")).toBeUndefined();
    expect(below("/work", "/work/docs/b.md")).toBeUndefined();
    expect(shownHere({ ...record, shown: undefined }, "/work/docs/a.md", "/work", "/work/")).toBeUndefined();
  });

  it("keeps, for a file outside the working directory, the directory it was shown from, and gives it back only there", () => {
    const cwd = path.resolve("/work/repo");
    const absolute = path.resolve("/data/docs/a.md");
    const file = displayPath(absolute, cwd);
    expect(file).toBe("../../data/docs/a.md");
    const shown = shownOf(file, "k", absolute, cwd, `${cwd}${path.sep}`);
    expect(shown).toEqual({ file, key: "k", cwd });
    const outside: FileRecord = { ...record, shown };
    expect(shownHere(outside, absolute, cwd, `${cwd}${path.sep}`)).toEqual(shown);
    expect(shownHere(outside, absolute, path.resolve("/work"), `${path.resolve("/work")}${path.sep}`)).toBeUndefined();
    // Below the working directory a record needs no directory: its display path shows it.
    expect(shownOf("docs/a.md", "k", path.resolve("/work/docs/a.md"), path.resolve("/work"), `${path.resolve("/work")}${path.sep}`)).toEqual({ file: "docs/a.md", key: "k" });
  });
});

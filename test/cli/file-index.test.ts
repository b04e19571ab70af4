/**
 * A file index record's display path and page key (file-index.ts `shown`) are taken again only
 * while the file is that path below the working directory.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shownBelow, type FileRecord } from "../../src/cli/file-index.js";

describe("shownBelow", () => {
  const record: FileRecord = { size: "1", mtime: "1", ctime: "1", ino: "1", at: "1", hash: "h", problem: null, shown: { file: "docs/a.md", key: "k" } };
  const below = (cwd: string, absolute: string) => shownBelow(record, absolute, `${cwd}${path.sep}`);

  it("gives the recorded display path and key for the file it names below the working directory", () => {
    expect(below("/work", "/work/docs/a.md")).toEqual({ file: "docs/a.md", key: "k" });
  });

  it("gives nothing in another working directory, for another file, or without a recorded display path", () => {
    expect(below("/elsewhere", "/work/docs/a.md")).toBeUndefined();
    expect(below("/work/docs", "/work/docs/a.md")).toBeUndefined();
    expect(below("/work", "/work/docs/b.md")).toBeUndefined();
    expect(shownBelow({ ...record, shown: undefined }, "/work/docs/a.md", "/work/")).toBeUndefined();
  });
});

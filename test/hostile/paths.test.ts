/**
 * Path safety: docgen reads only what lies inside its input folders. Symbolic links are never
 * followed (loops end), links pointing outside are reported and not read, and links written in
 * documents are text, never files to open.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInputFiles } from "../../src/cli/inputs.js";
import { loadModel } from "../../src/cli/pipeline.js";
import { ROOT } from "../helpers.js";

const BASE = path.join(ROOT, "test/.tmp/paths");
const rel = (...parts: string[]) => path.relative(ROOT, path.join(BASE, ...parts)).split(path.sep).join("/");
const resource = (name: string, extra = "") => `# ${name} resource type\n\n${extra}\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|The id.|\n`;

beforeAll(() => {
  rmSync(BASE, { recursive: true, force: true });
  mkdirSync(path.join(BASE, "docs/sub"), { recursive: true });
  mkdirSync(path.join(BASE, "outside"), { recursive: true });
  writeFileSync(path.join(BASE, "outside/secret.md"), resource("secretType"));
  writeFileSync(path.join(BASE, "docs/a.md"), resource("aType", `See [secret](../outside/secret.md), [root](/etc/passwd), [up](../../../../../../etc/passwd), [web](https://example.com/secret.md) and [file](file:///etc/passwd).`));
  writeFileSync(path.join(BASE, "docs/sub/b.md"), resource("bType"));
  symlinkSync(path.join(BASE, "outside/secret.md"), path.join(BASE, "docs/leak.md"));
  symlinkSync(path.join(BASE, "outside"), path.join(BASE, "docs/outside-folder"));
  symlinkSync(path.join(BASE, "docs/sub/b.md"), path.join(BASE, "docs/alias.md"));
  symlinkSync(path.join(BASE, "docs"), path.join(BASE, "docs/sub/loop"));
  symlinkSync("self.md", path.join(BASE, "docs/self.md"));
  symlinkSync(path.join(BASE, "nowhere.md"), path.join(BASE, "docs/dangling.md"));
});
afterAll(() => rmSync(BASE, { recursive: true, force: true }));

describe("input folders", () => {
  it("reads the documents inside, reports links that leave or dangle, and ends on loops", async () => {
    const files = await findInputFiles([rel("docs")]);
    expect(files.map((f) => ({ file: path.relative(BASE, f.absolute), symlink: f.symlink }))).toEqual([
      { file: "docs/a.md", symlink: undefined },
      { file: "docs/dangling.md", symlink: "is a symbolic link whose target does not exist or loops" },
      { file: "docs/leak.md", symlink: "is a symbolic link to a file outside the input folders" },
      { file: "docs/outside-folder", symlink: "is a symbolic link to a folder outside the input folders" },
      { file: "docs/self.md", symlink: "is a symbolic link whose target does not exist or loops" },
      { file: "docs/sub/b.md", symlink: undefined },
    ]);
  });

  it("turns those links into warnings and reads nothing outside", async () => {
    const model = await loadModel([rel("docs")]);
    expect(model.types.map((t) => t.name).sort()).toEqual(["aType", "bType"]);
    expect(model.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      `${rel("docs/dangling.md")}:1:1 warning input-symlink-outside This file is a symbolic link whose target does not exist or loops; it was skipped.`,
      `${rel("docs/leak.md")}:1:1 warning input-symlink-outside This file is a symbolic link to a file outside the input folders; it was skipped.`,
      `${rel("docs/outside-folder")}:1:1 warning input-symlink-outside This file is a symbolic link to a folder outside the input folders; it was skipped.`,
      `${rel("docs/self.md")}:1:1 warning input-symlink-outside This file is a symbolic link whose target does not exist or loops; it was skipped.`,
    ]);
  });

  it("a link into another input folder is not reported, and its target is read once", async () => {
    const model = await loadModel([rel("docs"), rel("outside")]);
    expect(model.types.map((t) => t.name).sort()).toEqual(["aType", "bType", "secretType"]);
    expect(model.diagnostics.map((d) => d.code)).toEqual(["input-symlink-outside", "input-symlink-outside"]);
  });

  it("a file named on the command line is read even through a link (the user chose it)", async () => {
    const model = await loadModel([rel("docs/leak.md")]);
    expect(model.types.map((t) => t.name)).toEqual(["secretType"]);
  });
});

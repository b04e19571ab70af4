/** `docgen gen --watch`, spawned: a summary line per run; only the changed file is parsed again; debounced. */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTree, ROOT, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "watch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function resourcePage(name: string, properties: string[]): string {
  return [`# ${name} resource type`, "", `A ${name}.`, "", "## Properties", "", "| Property | Type | Description |", "|---|---|---|", ...properties, ""].join("\n");
}

/** Collects stdout lines and lets a test wait for the next one matching a pattern. */
function lines(child: ChildProcessWithoutNullStreams) {
  const seen: string[] = [];
  let buffer = "";
  let waiter: (() => void) | undefined;
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    seen.push(...parts);
    waiter?.();
  });
  return {
    seen,
    async next(pattern: RegExp, from: number, timeoutMs = 30_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = seen.slice(from).find((line) => pattern.test(line));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no line matching ${pattern}; got:\n${seen.join("\n")}`);
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

describe("docgen gen --watch", () => {
  it("regenerates on a change, re-parsing only the changed file, one summary line per debounced run", async () => {
    const docs = path.join(tmp, "docs");
    const out = path.join(tmp, "out");
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(docs, "widget.md"), resourcePage("widget", ["| name | String | The name. |"]));
    writeFileSync(path.join(docs, "gadget.md"), resourcePage("gadget", ["| size | Int32 | The size. |"]));
    const child = spawn(process.execPath, [path.join(ROOT, "bin/docgen.js"), "gen", "--watch", "--input", docs, "--out", out], { cwd: tmp });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const output = lines(child);
    try {
      const first = await output.next(/^docgen watch: parsed/, 0);
      expect(first).toMatch(/^docgen watch: parsed 2 files, emitted unversioned, \d+ output files changed: 2 types, 0 operations; 0 errors, 0 warnings, 0 info \(\d+\.\ds\)$/);
      await output.next(/^docgen watch: watching /, 0);
      expect(readFileSync(path.join(out, "unversioned/interfaces.ts"), "utf8")).not.toContain("colour");

      const mark = output.seen.length;
      // Two writes in quick succession: one run.
      writeFileSync(path.join(docs, "widget.md"), resourcePage("widget", ["| name | String | The name. |", "| colour | String | The colour. |"]));
      writeFileSync(path.join(docs, "widget.md"), resourcePage("widget", ["| name | String | The name. |", "| colour | String | The colour. |", "| weight | Double | The weight. |"]));
      const second = await output.next(/^docgen watch: re-parsed/, mark);
      expect(second).toMatch(/^docgen watch: re-parsed 1 of 2 files, emitted unversioned, [1-9]\d* output files changed: 2 types, 0 operations; 0 errors, 0 warnings, 0 info \(\d+\.\ds\)$/);
      const interfaces = readFileSync(path.join(out, "unversioned/interfaces.ts"), "utf8");
      expect(interfaces).toContain("colour?: string | null;");
      expect(interfaces).toContain("weight?: number | null;");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(output.seen.slice(mark).filter((line) => line.startsWith("docgen watch: re-parsed"))).toHaveLength(1);
      // Planned from the plan memos of the first run (only the changed type's declarations again): what a cold gen writes.
      const cold = runCli(["gen", "--input", docs, "--out", path.join(tmp, "cold-1"), "--no-cache", "--no-daemon"], tmp);
      expect(cold.status, cold.stderr).toBe(0);
      expect(readTree(out)).toEqual(readTree(path.join(tmp, "cold-1")));

      // A derived type restating a base property otherwise (`Omit<Widget, "name">`), then the base
      // changed alone: the derived type's declarations, which read the base, are planned again too.
      const widgetRows = ["| colour | String | The colour. |", "| weight | Double | The weight. |"];
      const steps: Array<[string, string, string]> = [
        ["gadget.md", resourcePage("gadget", ["| size | Int32 | The size. |", "| name | Int32 | A number. |"]).replace("A gadget.", "A gadget. Inherits from [widget](widget.md)."), 'extends Omit<Widget, "name">'],
        ["widget.md", resourcePage("widget", ["| name | Int32 | A number. |", ...widgetRows]), "extends Widget {"],
      ];
      for (const [index, [name, text, shows]] of steps.entries()) {
        const markStep = output.seen.length;
        writeFileSync(path.join(docs, name), text);
        await output.next(/^docgen watch: re-parsed/, markStep);
        const coldStep = runCli(["gen", "--input", docs, "--out", path.join(tmp, `cold-step-${index}`), "--no-cache", "--no-daemon"], tmp);
        expect(coldStep.status, coldStep.stderr).toBe(0);
        expect(readTree(out), name).toEqual(readTree(path.join(tmp, `cold-step-${index}`)));
        expect(readFileSync(path.join(out, "unversioned/interfaces.ts"), "utf8")).toContain(shows);
      }

      // A change that does not alter the model emits nothing and writes nothing.
      const mark2 = output.seen.length;
      writeFileSync(path.join(docs, "notes.txt"), "Just notes, no API here.\n");
      const third = await output.next(/^docgen watch: re-parsed/, mark2);
      expect(third).toMatch(/^docgen watch: re-parsed 1 of 3 files, emitted nothing, 0 output files changed: /);
      expect(stderr).toBe("");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("close", resolve));
    }
  });

  it("watches a single input file, also when an editor saves it by renaming a new file over it", async () => {
    const dir = path.join(tmp, "single");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "widget.md");
    writeFileSync(file, resourcePage("widget", ["| name | String | The name. |"]));
    const child = spawn(process.execPath, [path.join(ROOT, "bin/docgen.js"), "gen", "--watch", "--input", file, "--out", path.join(tmp, "single-out")], { cwd: tmp });
    const output = lines(child);
    try {
      await output.next(/^docgen watch: watching /, 0);
      const mark = output.seen.length;
      writeFileSync(`${file}.tmp`, resourcePage("widget", ["| name | String | The name. |", "| size | Int64 | The size. |"]));
      renameSync(`${file}.tmp`, file);
      const line = await output.next(/^docgen watch: re-parsed/, mark);
      expect(line).toMatch(/^docgen watch: re-parsed 1 of 1 file, emitted unversioned, [1-9]\d* output files changed: 1 types, /);
      expect(readFileSync(path.join(tmp, "single-out/unversioned/interfaces.ts"), "utf8")).toContain("size?: number | null;");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("close", resolve));
    }
  });
});

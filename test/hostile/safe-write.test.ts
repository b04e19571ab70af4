/**
 * Safe writes: `gen` killed with SIGKILL at any moment leaves the previous output or the new one,
 * never a mix; the next run completes or undoes an interrupted swap. Kills land at each step of the
 * swap (fault injection, DOCGEN_CRASH_AT) and at spread-out times during whole runs.
 * KILL_ROUNDS=<n> repeats the timed kills n times (default 1).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverOutput, withManifest, writeOutput } from "../../src/cli/output.js";
import { loadModel } from "../../src/cli/pipeline.js";
import { emitModel } from "../../src/emitters/emit.js";
import { ROOT, runCli } from "../helpers.js";

const BASE = path.join(ROOT, "test/.tmp/safe-write");
const OUT = path.join(BASE, "out");
const ROUNDS = Number(process.env["KILL_ROUNDS"] ?? "1");
type Snapshot = Record<string, string>;

/** A set of resource pages; `variant` changes every description, so the two outputs differ in every file that carries text. */
function writeInput(dir: string, variant: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 10; i++) {
    const rows = Array.from({ length: 12 }, (_, j) => `|p${j}|${j % 3 ? "String" : "Int32"}|Property ${j} of ${variant}.|`);
    writeFileSync(path.join(dir, `thing${i}.md`), [`# thing${i} resource type`, "", `Thing ${i} (${variant}).`, "", "## Properties", "", "|Property|Type|Description|", "|:--|:--|:--|", ...rows, ""].join("\n"));
  }
}

async function expected(input: string): Promise<Snapshot> {
  const files = withManifest(await emitModel(await loadModel([input])));
  return Object.fromEntries(files.map((f) => [f.path, f.content]));
}

function snapshot(dir: string): Snapshot | null {
  if (!existsSync(dir)) return null;
  const files: Snapshot = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join("/")] = readFileSync(file, "utf8");
  }
  return files;
}

/** An empty config file: the repository's own docgen.config.json (which adds package files) must not apply here. */
function emptyConfig(): string {
  const file = path.join(BASE, "empty.config.json");
  if (!existsSync(file)) writeFileSync(file, "{}\n");
  return file;
}

/** gen in a process group of its own (the CLI runs the command in a child process; see src/cli/gc-mode.ts). */
function gen(input: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, [path.join(ROOT, "bin/docgen.js"), "gen", "--config", emptyConfig(), "--input", input, "--out", OUT], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "ignore", detached: true });
}

/** Kills gen as a terminal's Ctrl+C or a cancelled CI job does: its whole process group. */
function killGroup(child: ReturnType<typeof spawn>): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  } catch {
    // The run ended just before: nothing to kill.
  }
}

function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
}

let inputA = "";
let inputB = "";
let A: Snapshot = {};
let B: Snapshot = {};

/** The output folder right after a kill: the old or the new output, or (cut between the two renames) none with the new one ready beside it. */
function expectConsistentAfterKill(): void {
  const raw = snapshot(OUT);
  if (raw === null) expect(snapshot(`${OUT}.docgen-ready`)).toEqual(B);
  else expect([A, B]).toContainEqual(raw);
}

beforeAll(async () => {
  rmSync(BASE, { recursive: true, force: true });
  inputA = path.relative(ROOT, path.join(BASE, "in-a"));
  inputB = path.relative(ROOT, path.join(BASE, "in-b"));
  writeInput(path.join(ROOT, inputA), "version A");
  writeInput(path.join(ROOT, inputB), "version B");
  [A, B] = await Promise.all([expected(inputA), expected(inputB)]);
});
afterAll(() => rmSync(BASE, { recursive: true, force: true }));

describe("gen killed while writing", () => {
  it.each(["staged", "ready", "retired", "swapped"])("after step %s: old or new output, and the next run completes", async (step) => {
    rmSync(OUT, { recursive: true, force: true });
    writeOutput(OUT, Object.entries(A).map(([file, content]) => ({ path: file, content })));
    expect(snapshot(OUT)).toEqual(A);
    const result = await exited(gen(inputB, { DOCGEN_CRASH_AT: step }));
    expect(result.signal).toBe("SIGKILL");
    expectConsistentAfterKill();
    recoverOutput(OUT);
    expect(step === "staged" || step === "ready" ? A : B).toEqual(snapshot(OUT));
    // The killed run's lock is stale: the next run takes it over and writes normally.
    expect(runCli(["gen", "--config", emptyConfig(), "--input", inputB, "--out", OUT]).status).toBe(0);
    expect(snapshot(OUT)).toEqual(B);
    expect(readdirSync(BASE).filter((name) => name.startsWith("out."))).toEqual([]);
  });

  it("at spread-out moments of whole runs, repeatedly: always the old or the new output", async () => {
    rmSync(OUT, { recursive: true, force: true });
    expect(runCli(["gen", "--config", emptyConfig(), "--input", inputA, "--out", OUT]).status).toBe(0);
    // How long a whole run takes here, so the kills spread over all of it.
    const started = performance.now();
    expect((await exited(gen(inputB))).code).toBe(0);
    const duration = performance.now() - started;
    expect(snapshot(OUT)).toEqual(B);
    let current = B;
    for (let round = 0; round < ROUNDS; round++) {
      for (const fraction of [0.3, 0.8, 0.95, 1.05]) {
        const nextInput = current === A ? inputB : inputA;
        const child = gen(nextInput);
        const timer = setTimeout(() => killGroup(child), duration * fraction);
        await exited(child);
        clearTimeout(timer);
        const raw = snapshot(OUT);
        if (raw === null) expect([A, B]).toContainEqual(snapshot(`${OUT}.docgen-ready`));
        else expect([A, B]).toContainEqual(raw);
        recoverOutput(OUT);
        const after = snapshot(OUT);
        expect([A, B]).toContainEqual(after);
        current = after === null || JSON.stringify(after) === JSON.stringify(A) ? A : B;
      }
    }
  }, 60_000 + ROUNDS * 90_000);
});

describe("gen refuses unsafe output folders with one line", () => {
  const oneLine = (args: string[], cwd = ROOT) => {
    const result = runCli(args, cwd);
    expect(result.status).toBe(2);
    expect(result.stderr.endsWith("\n") && result.stderr.trim().split("\n").length === 1).toBe(true);
    return result.stderr.trim();
  };

  it.each([
    ["the input folder", ["gen", "--input", "docs-input", "--out", "docs-input"], /overlaps the input/],
    ["a folder inside the input", ["gen", "--input", "docs-input", "--out", "docs-input/x"], /overlaps the input/],
    ["the file-system root", ["gen", "--input", "docs-input", "--out", "/", "--force"], /file-system root/],
    ["a file", ["gen", "--input", "docs-input", "--out", "package.json", "--force"], /is a file, not a folder/],
  ])("%s", (_name, args, message) => {
    expect(oneLine(args)).toMatch(message);
  });

  it.each([
    ["the working folder (a repository root)", "."],
    ["a parent of the working folder", ".."],
  ])("%s, even with --force", (_name, out) => {
    const cwd = path.join(BASE, "repo-cwd");
    mkdirSync(path.join(cwd, ".git"), { recursive: true });
    expect(oneLine(["gen", "--input", path.join(ROOT, "docs-input"), "--out", out, "--force"], cwd)).toMatch(/contains the current folder/);
  });

  it("a repository root other than the working folder", () => {
    const repo = path.join(BASE, "repo");
    mkdirSync(path.join(repo, ".git"), { recursive: true });
    expect(oneLine(["gen", "--input", "docs-input", "--out", repo, "--force"])).toMatch(/repository root/);
  });

  it("a folder holding files it did not generate, and a foreign file added after a run; --force overrides", () => {
    const out = path.join(BASE, "foreign");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "notes.txt"), "mine");
    expect(oneLine(["gen", "--input", inputA, "--out", out])).toMatch(/did not generate/);
    expect(readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("mine");
    rmSync(path.join(out, "notes.txt"));
    expect(runCli(["gen", "--input", inputA, "--out", out]).status).toBe(0);
    writeFileSync(path.join(out, "unversioned", "extra.ts"), "export {};\n");
    expect(oneLine(["gen", "--input", inputA, "--out", out])).toMatch(/"unversioned\/extra.ts" was not generated by docgen/);
    expect(runCli(["gen", "--input", inputA, "--out", out, "--force"]).status).toBe(0);
    expect(existsSync(path.join(out, "unversioned", "extra.ts"))).toBe(false);
  });

  it("a folder another live run is writing", () => {
    const out = path.join(BASE, "locked");
    mkdirSync(BASE, { recursive: true });
    writeFileSync(`${out}.docgen-lock`, `${process.pid}\n`);
    try {
      expect(oneLine(["gen", "--input", inputA, "--out", out])).toMatch(/another docgen run \(process \d+\) is writing it/);
    } finally {
      rmSync(`${out}.docgen-lock`, { force: true });
    }
  });

  it("the manifest lists exactly the files written", () => {
    const out = path.join(BASE, "manifest");
    rmSync(out, { recursive: true, force: true });
    expect(runCli(["gen", "--input", inputA, "--out", out]).status).toBe(0);
    const manifest: unknown = JSON.parse(readFileSync(path.join(out, ".docgen-manifest.json"), "utf8"));
    const written = Object.keys(snapshot(out) ?? {}).filter((f) => f !== ".docgen-manifest.json").sort();
    expect(manifest).toEqual({ generator: "docgen", files: written });
  });
});

/**
 * The background process (src/cli/daemon): which command lines it serves, where it listens, and,
 * end to end with the built CLI, that a served gen writes what a run in its own process writes
 * (first run, a rerun, after an edit), forwards output and exit codes, survives a killed process
 * (its socket left behind), and hands over when a process with other settings starts for the same
 * cache folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { daemonAddress, daemonWanted } from "../../src/cli/daemon/address.js";
import { servedCacheDir } from "../../src/cli/daemon/fast-path.js";
import { readTree, ROOT, runCli, SEED_DIR } from "../helpers.js";

const argv = (...args: string[]): string[] => ["node", "docgen", ...args];

describe("which runs the background process serves", () => {
  const cwd = "/work/project";
  const local = {};
  it("serves gen with a cache, in the default or the given cache folder", () => {
    expect(servedCacheDir(argv("gen", "--input", "docs"), local, cwd)).toBe("/work/project/node_modules/.cache/docgen");
    expect(servedCacheDir(argv("gen", "--cache-dir", "c"), local, cwd)).toBe("/work/project/c");
    expect(servedCacheDir(argv("gen", "--cache-dir=/tmp/c", "--stats"), local, cwd)).toBe("/tmp/c");
    expect(servedCacheDir(argv("gen", "--config", "docgen.config.json"), local, cwd)).not.toBeNull();
  });

  it("runs everything else in the process of its own", () => {
    for (const args of [["check"], ["model"], [], ["gen", "--no-daemon"], ["gen", "--no-cache"], ["gen", "--watch"], ["gen", "--help"], ["gen", "-c", "docgen.config.ts"], ["gen", "--config=x.mts"], ["gen", "--cache-dir"]]) {
      expect(servedCacheDir(argv(...args), local, cwd), args.join(" ")).toBeNull();
    }
  });

  it("is off in CI and with DOCGEN_DAEMON=0, on with DOCGEN_DAEMON=1", () => {
    expect(daemonWanted({})).toBe(true);
    expect(daemonWanted({ CI: "true" })).toBe(false);
    expect(daemonWanted({ CI: "true", DOCGEN_DAEMON: "1" })).toBe(true);
    expect(daemonWanted({ DOCGEN_DAEMON: "0" })).toBe(false);
    expect(servedCacheDir(argv("gen"), { CI: "1" }, cwd)).toBeNull();
  });

  it("listens at an address of its cache folder and DOCGEN_* settings", () => {
    const base = daemonAddress("/a/cache", {});
    expect(daemonAddress("/a/cache", {})).toBe(base);
    expect(daemonAddress("/b/cache", {})).not.toBe(base);
    expect(daemonAddress("/a/cache", { DOCGEN_WORKER_HEAP_MB: "600" })).not.toBe(base);
    // The daemon's own switches do not change what a run produces.
    expect(daemonAddress("/a/cache", { DOCGEN_DAEMON: "1", DOCGEN_DAEMON_IDLE_SECONDS: "5" })).toBe(base);
  });
});

describe.skipIf(process.platform === "win32")("gen served by the background process", () => {
  const tmpRoot = path.join(ROOT, "test/.tmp");
  mkdirSync(tmpRoot, { recursive: true });
  const tmp = mkdtempSync(path.join(tmpRoot, "daemon-"));
  const docs = path.join(tmp, "docs");
  const cacheDir = path.join(tmp, "cache");
  cpSync(path.join(ROOT, SEED_DIR), docs, { recursive: true });
  writeFileSync(path.join(tmp, "docgen.config.json"), "{}\n");
  // A setting of this test's own, so that no other test's or user's process serves these runs.
  const env = { DOCGEN_DAEMON: "1", DOCGEN_DAEMON_IDLE_SECONDS: "120", DOCGEN_TEST_RUN: path.basename(tmp) };
  const served = (...args: string[]) => runCli(["gen", "--input", "docs", "--cache-dir", "cache", ...args], tmp, env);
  const own = (...args: string[]) => runCli(["gen", "--input", "docs", "--cache-dir", "own-cache", "--no-daemon", ...args], tmp, env);
  const status = () => runCli(["daemon", "status", "--cache-dir", "cache"], tmp, env);
  const pidOf = (text: string): number => Number(/background process (\d+)/.exec(text)?.[1] ?? "0");

  afterAll(() => {
    runCli(["daemon", "stop", "--cache-dir", "cache"], tmp, env);
    runCli(["daemon", "stop", "--cache-dir", "cache"], tmp, { ...env, DOCGEN_TEST_RUN: "other" });
    rmSync(tmp, { recursive: true, force: true });
  });

  it("writes what a run of its own writes: first run, rerun, after an edit", () => {
    const first = served("--out", "a", "--stats");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^docgen: wrote \d+ files to a/);
    expect(first.stderr).toMatch(/maxRSS \d+ MiB \(background process \d+, since it started\)/);
    const alone = own("--out", "b");
    expect(alone.status, alone.stderr).toBe(0);
    expect(readTree(path.join(tmp, "a"))).toEqual(readTree(path.join(tmp, "b")));
    expect(status().stdout).toMatch(/serves .*: 1 run\(s\)/);

    const again = served("--out", "a", "--stats");
    expect(again.stderr).toMatch(/model none/);
    const aloneAgain = own("--out", "b");
    const line = (stdout: string) => stdout.replace(/\(\d+\.\d+s\)/, "").replace(/ to [ab] /, " to out ");
    expect(again.stdout).toMatch(/^docgen: wrote 0 files to a \(\d+ unchanged\)/);
    expect(line(again.stdout)).toBe(line(aloneAgain.stdout));

    const page = path.join(docs, documents(docs)[0] ?? "");
    const text = readFileSync(page, "utf8");
    writeFileSync(page, text.replace(/\n\n/, "\n\nAn added sentence.\n\n"));
    expect(readFileSync(page, "utf8")).not.toBe(text);
    expect(served("--out", "a").status).toBe(0);
    expect(own("--out", "b").status).toBe(0);
    expect(readTree(path.join(tmp, "a"))).toEqual(readTree(path.join(tmp, "b")));
    expect(status().stdout).toMatch(/3 run\(s\)/);
  });

  it("forwards output and exit codes: bad input, stale output", () => {
    const missing = runCli(["gen", "--input", "nowhere", "--out", "x", "--cache-dir", "cache"], tmp, env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^docgen: error: input path "nowhere" does not exist/);
    const generated = Object.keys(readTree(path.join(tmp, "a"))).find((file) => file.endsWith(".ts")) ?? "";
    writeFileSync(path.join(tmp, "a", generated), "// edited\n");
    const check = served("--out", "a", "--check");
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`changed ${generated}`);
    expect(check.stdout).toMatch(/a is stale/);
  });

  it("starts a new process when the one serving was killed (its socket left behind)", () => {
    const pid = pidOf(status().stdout);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    waitUntil(() => !alive(pid));
    const after = served("--out", "a", "--stats");
    expect(after.status, after.stderr).toBe(0);
    const next = pidOf(status().stdout);
    expect(next).toBeGreaterThan(0);
    expect(next).not.toBe(pid);
  });

  it("keeps serving after the folder of the run that started it is removed", () => {
    runCli(["daemon", "stop", "--cache-dir", "cache"], tmp, env);
    waitUntil(() => /no background process/.test(status().stdout));
    const gone = path.join(tmp, "gone");
    mkdirSync(gone);
    const first = runCli(["gen", "--input", docs, "--out", path.join(tmp, "a"), "--cache-dir", cacheDir, "--stats"], gone, env);
    expect(first.status, first.stderr).toBe(0);
    const after = status().stdout;
    const pid = pidOf(after);
    expect(first.stderr, after).toMatch(/\(background process \d+, since it started\)/);
    rmSync(gone, { recursive: true });
    const next = served("--out", "a");
    expect(next.status, next.stderr).toBe(0);
    expect(pidOf(status().stdout)).toBe(pid);
  });

  it("runs in its own process when the background process cannot listen", () => {
    const result = runCli(["gen", "--input", "docs", "--out", "c", "--cache-dir", "cache-2", "--stats"], tmp, { ...env, TMPDIR: path.join(tmp, "no-such-folder") });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/maxRSS \d+ MiB, jobs/);
    expect(result.stderr).not.toMatch(/background process/);
    expect(readTree(path.join(tmp, "c"))).toEqual(readTree(path.join(tmp, "b")));
  });

  it("hands over to a process of other settings for the same cache folder", () => {
    const pid = pidOf(status().stdout);
    const other = runCli(["gen", "--input", "docs", "--out", "a", "--cache-dir", "cache"], tmp, { ...env, DOCGEN_TEST_RUN: "other" });
    expect(other.status, other.stderr).toBe(0);
    waitUntil(() => !alive(pid));
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(cacheDir, "daemon.json"))).toBe(true);
  });
});

function documents(dir: string): string[] {
  return Object.keys(readTree(dir)).sort();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitUntil(condition: () => boolean, ms = 15_000): void {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
}

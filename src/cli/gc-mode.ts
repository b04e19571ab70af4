/**
 * docgen runs the commands that parse pages in worker threads in a Node process started with V8's
 * `--single-threaded-gc`: each isolate then collects its garbage on its own thread. Parsing and
 * rendering allocate heavily, and by default every collection also hands work to helper threads
 * (concurrent marking and sweeping), which on a machine whose cores all run docgen's workers only
 * compete with those workers. Measured on 2 cores (BENCHMARKS.md): two workers parsing half the
 * corpus each took 27.8–29.7 s with V8's default and 19.3–22.0 s with the flag; a cold gen of the
 * corpus 38.1–38.7 s against 32.7–35.1 s. One thread alone is faster with the helpers (they then
 * run on an idle core), so `--jobs 1` keeps them.
 *
 * The flag cannot be switched on in a running process (V8 aborts in its next marking: checked), so
 * `main.ts` starts the command in a child process with it: about 40 ms, against seconds saved on any
 * sizeable input. Loaded before the CLI: it imports only node: built-ins, the command-line scan and
 * the cache's paths.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Cache, defaultCacheDir } from "./cache.js";
import { scanCommandLine } from "./command-line.js";

const FLAG = "--single-threaded-gc";

const RUN_HERE = new URL("./run-here.js", import.meta.url);

/** Commands that parse pages in a worker pool. */
const POOL_COMMANDS = new Set(["gen", "check", "model", "openapi", "jsonschema", "diff"]);

/**
 * Whether this command line (as process.argv) should run in a process with single-threaded
 * collection that this one is not. Not for one job, help, nor a `gen` whose cache already has a run
 * of this docgen build (see warmCache): such a run parses only what changed, and the child process
 * would cost more than it saves.
 */
export function wantsSingleThreadedGc(argv: readonly string[], execArgv: readonly string[] = process.execArgv, cwd = process.cwd()): boolean {
  const line = scanCommandLine(argv);
  if (execArgv.includes(FLAG) || !POOL_COMMANDS.has(line.command)) return false;
  if (line.flags.has("-h") || line.flags.has("--help") || line.oneJob) return false;
  return !(line.command === "gen" && !line.flags.has("--no-cache") && warmCache(line.cacheDir !== null ? path.resolve(cwd, line.cacheDir) : defaultCacheDir(cwd)));
}

/**
 * Whether the cache folder holds this docgen build's file index: a run was made with it, so the
 * next parses only the files changed since (a checkout that changes most pages then parses them
 * with V8's default collection: correct, somewhat slower). A cache folder set in a config file is
 * not read here: the default folder is looked at instead (a wrong guess costs only time).
 */
function warmCache(cacheDir: string): boolean {
  return new Cache(cacheDir).holdsRun();
}

/**
 * Runs the command line in a child Node process with the flag (`run-here.ts`: the CLI itself, so
 * the child neither tries the background process again nor starts another child), its output on this
 * process's terminal, and resolves with its exit code. Ctrl+C reaches both (one process group): this
 * process waits for the child to finish; SIGTERM is passed on. A child ended by a signal ends this
 * process with the same signal, so that callers see what they would see without the child.
 */
export function runWithSingleThreadedGc(argv: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, FLAG, fileURLToPath(RUN_HERE), ...argv.slice(2)], { stdio: "inherit" });
    const ignore = (): void => {};
    const forward = (): void => void child.kill("SIGTERM");
    process.on("SIGINT", ignore);
    process.on("SIGTERM", forward);
    const done = (code: number): void => {
      process.removeListener("SIGINT", ignore);
      process.removeListener("SIGTERM", forward);
      resolve(code);
    };
    child.once("error", (error) => {
      process.stderr.write(`docgen: error: could not start node (${error.message}); run with --jobs 1 to stay in this process\n`);
      done(3);
    });
    child.once("exit", (code, signal) => {
      if (signal !== null) {
        process.removeListener("SIGINT", ignore);
        process.removeListener("SIGTERM", forward);
        process.kill(process.pid, signal);
      }
      done(code ?? 1);
    });
  });
}

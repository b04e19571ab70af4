/**
 * Whether this command line goes to the background process, decided from the arguments alone,
 * before the CLI is loaded. Served: `gen`, when the background process is wanted (address.ts
 * daemonWanted), with a cache, and not with --no-daemon, --watch (a long run of its own), --help,
 * nor a TypeScript config file (importing a config module in a long-lived process would keep every
 * version of it; a JSON config is read afresh by each run). Everything else runs in this process.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { defaultCacheDir } from "../cache.js";
import { daemonWanted } from "./address.js";

/** The option names of gen that keep a run in this process. */
const LOCAL_FLAGS = new Set(["--no-daemon", "--no-cache", "--watch", "-h", "--help"]);

/** The cache folder a served `gen` run uses (absolute), or null when the run is not served. */
export function servedCacheDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const args = argv.slice(2);
  if (args[0] !== "gen" || !daemonWanted(env)) return null;
  let cacheDir: string | null = null;
  let config: string | null = null;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") break;
    const [name = "", inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (LOCAL_FLAGS.has(name)) return null;
    if (name === "--cache-dir" || name === "--config" || name === "-c") {
      const value = inline ?? args[i + 1];
      if (inline === undefined) i++;
      if (value === undefined) return null; // commander reports the missing value
      if (name === "--cache-dir") cacheDir = value;
      else config = value;
    }
  }
  const typeScriptConfig = config !== null ? /\.m?ts$/i.test(config) : existsSync(path.join(cwd, "docgen.config.ts"));
  if (typeScriptConfig) return null;
  return cacheDir !== null ? path.resolve(cwd, cacheDir) : defaultCacheDir(cwd);
}

/** Runs the command line in the background process when it is served there: its exit code, or null to run it here. */
export async function serveThroughDaemon(argv: readonly string[]): Promise<number | null> {
  const cacheDir = servedCacheDir(argv);
  if (cacheDir === null) return null;
  const { runInDaemon } = await import("./client.js");
  const outcome = await runInDaemon(argv, cacheDir);
  if ("exitCode" in outcome) return outcome.exitCode;
  if ("unreachable" in outcome) return null;
  process.stderr.write("docgen: error: the background process ended during the run; run the command again, or pass --no-daemon to run it in this process\n");
  return 3;
}

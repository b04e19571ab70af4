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
import { scanCommandLine } from "../command-line.js";
import { daemonWanted } from "./address.js";

/** The cache folder a served `gen` run uses (absolute), or null when the run is not served. */
export function servedCacheDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const line = scanCommandLine(argv);
  // Every flag the scan knows keeps a run in this process; a missing value is commander's to report.
  if (line.command !== "gen" || !daemonWanted(env) || line.flags.size > 0 || line.incomplete) return null;
  const typeScriptConfig = line.config !== null ? /\.m?ts$/i.test(line.config) : existsSync(path.join(cwd, "docgen.config.ts"));
  if (typeScriptConfig) return null;
  return line.cacheDir !== null ? path.resolve(cwd, line.cacheDir) : defaultCacheDir(cwd);
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

/**
 * Where the background process of a cache folder listens, and whether one is wanted. Its address
 * (a Unix socket in the temporary folder; a named pipe on Windows) is named by everything a run's
 * output may depend on besides its arguments: the docgen build (a hash of the `stat` of every
 * compiled file and of package.json, so a rebuild or a new install gets a new process), the cache
 * folder, Node's executable and version, and the DOCGEN_* settings. A run whose setting differs
 * from a running process's thus never reaches it.
 *
 * Only node: built-ins are imported here: the fast path runs this before it loads anything else.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding the compiled CLI (dist/cli), and the package root above dist/. */
const CLI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE_ROOT = path.resolve(CLI_DIR, "..", "..");

/** The compiled entry the background process is started with: the CLI itself (run-here.ts), without main.ts's hand-over decisions. */
export const RUN_HERE_JS = path.join(CLI_DIR, "run-here.js");

let identityMemo: string | null = null;

/**
 * A hash of the build: path, size and modification time of every .js file under dist/ and of
 * package.json. Cheaper than hashing their contents (the cache's fingerprint does that, inside
 * the process), and enough to tell one build or install from another.
 */
export function buildIdentity(): string {
  if (identityMemo !== null) return identityMemo;
  const hash = createHash("sha256");
  const dist = path.join(PACKAGE_ROOT, "dist");
  let files: string[] = [];
  try {
    files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js")).sort();
  } catch {
    // No dist/ (run from source): the package.json stamp and the paths still name the build.
  }
  for (const file of [...files.map((f) => path.join(dist, f)), path.join(PACKAGE_ROOT, "package.json")]) {
    try {
      const stat = statSync(file, { bigint: true });
      hash.update(`${file}\0${stat.size}\0${stat.mtimeNs}\0`);
    } catch {
      hash.update(`${file}\0missing\0`);
    }
  }
  identityMemo = hash.digest("hex");
  return identityMemo;
}

/** The DOCGEN_* settings that reach a run (the daemon's own switches excluded), sorted. */
export function runSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith("DOCGEN_") && !name.startsWith("DOCGEN_DAEMON"))
    .sort()
    .map((name) => `${name}=${env[name] ?? ""}`);
}

/** The address of the background process serving `cacheDir` (an absolute path) for this build, Node and settings. */
export function daemonAddress(cacheDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256");
  for (const part of [buildIdentity(), path.resolve(cacheDir), process.execPath, process.version, ...runSettingsFromEnv(env)]) hash.update(part).update("\0");
  const name = `docgen-${safeUser()}-${hash.digest("hex").slice(0, 24)}`;
  return process.platform === "win32" ? `\\\\.\\pipe\\${name}` : path.join(tmpdir(), `${name}.sock`);
}

function safeUser(): string {
  try {
    const user = userInfo();
    return String(user.uid >= 0 ? user.uid : user.username).replace(/[^A-Za-z0-9_-]/g, "");
  } catch {
    return "user";
  }
}

/**
 * Whether runs should go to a background process: not in CI (the CI variable set, as CI services
 * do: each job is one run on a fresh machine, where a process left behind only costs memory), nor
 * when DOCGEN_DAEMON=0; DOCGEN_DAEMON=1 asks for it even in CI.
 */
export function daemonWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const setting = env["DOCGEN_DAEMON"];
  if (setting === "0" || setting === "false") return false;
  if (setting === "1" || setting === "true") return true;
  const ci = env["CI"];
  return ci === undefined || ci === "" || ci === "0" || ci === "false";
}

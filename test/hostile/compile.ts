/** Compiling generated code the way the strictest consumer would (same flags as test/generated.test.ts). */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, STRICT_TSC } from "../helpers.js";

const STRICT = [...STRICT_TSC, "--module", "nodenext", "--moduleResolution", "nodenext"];

/** Version folders of a generated output directory. */
export function versionFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** tsc's output for every version index below each of `dirs` (empty when they compile cleanly), in one tsc run. */
export function compileStrict(...dirs: string[]): { status: number | null; output: string } {
  const indexes = dirs.flatMap((dir) => versionFolders(dir).map((folder) => path.join(dir, folder, "index.ts")));
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT, ...indexes], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** The code of a generated file with comments removed and every string, template or regex literal emptied. */
export function codeOnly(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

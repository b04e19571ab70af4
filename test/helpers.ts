/** Shared test helpers: the seed model, spawning the built CLI. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildModel } from "../src/model/merge.js";
import type { ApiModel } from "../src/model/types.js";
import { parseDocument } from "../src/parser/index.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SEED_DIR = "docs-input";

/** The seed documents as the CLI would read them (paths relative to the repo root). */
export function seedPages() {
  return readdirSync(path.join(ROOT, SEED_DIR))
    .sort()
    .map((name) => parseDocument(`${SEED_DIR}/${name}`, readFileSync(path.join(ROOT, SEED_DIR, name), "utf8")));
}

export function seedModel(): ApiModel {
  return buildModel(seedPages());
}

/** Whether a folder exists and holds anything (the corpus beside the repo, for the tests that read it). */
export function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Every file below `dir` by forward-slash relative path, with its text. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
  }
  return out;
}

/** Runs the built CLI (`npm test` builds first) in `cwd`. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/docgen.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * tsc options as strict as a consumer of generated code might use. `--ignoreConfig`: files are named
 * on the command line, and the repository's own tsconfig must not apply to them.
 */
export const STRICT_TSC: readonly string[] = [
  "--ignoreConfig",
  "--noEmit",
  "--strict",
  "--noUncheckedIndexedAccess",
  "--exactOptionalPropertyTypes",
  "--noUnusedLocals",
  "--noUnusedParameters",
  "--noImplicitReturns",
  "--noFallthroughCasesInSwitch",
  "--verbatimModuleSyntax",
  "--isolatedModules",
  "--target", "es2022",
  "--lib", "es2022,dom",
  "--types", "",
];

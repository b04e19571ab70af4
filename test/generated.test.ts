/**
 * The committed generated/ folder: identical to a fresh generation from docs-input/, strict-clean
 * TypeScript for consumers on `--module nodenext` and on bundlers, and free of `any`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emitOptionsOf, loadConfig } from "../src/cli/config.js";
import { generateFiles } from "../src/cli/generate.js";
import { diffOutput } from "../src/cli/output.js";
import { emitModel } from "../src/emitters/emit.js";
import { ROOT, seedModel, STRICT_TSC } from "./helpers.js";

const GENERATED = path.join(ROOT, "generated");


function versionIndexes(): string[] {
  return readdirSync(GENERATED, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "dist" && entry.name !== "node_modules")
    .map((entry) => path.join(GENERATED, entry.name, "index.ts"));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("generated/", () => {
  it("is what `npm run gen` produces from docs-input/ today", async () => {
    const config = await loadConfig(undefined, ROOT); // docgen.config.json: the package settings npm run gen uses
    const files = await generateFiles(seedModel(), { emit: emitOptionsOf(config), ...(config.package ? { package: config.package } : {}) });
    expect(diffOutput(GENERATED, files)).toEqual({ added: [], changed: [], removed: [] });
  });

  it("generating twice gives byte-identical output", async () => {
    const [a, b] = await Promise.all([emitModel(seedModel()), emitModel(seedModel())]);
    expect(b).toEqual(a);
  });

  it.each([
    ["nodenext", "nodenext"],
    ["esnext", "bundler"],
  ])("compiles with tsc --strict --module %s --moduleResolution %s", (module, resolution) => {
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT_TSC, "--module", module, "--moduleResolution", resolution, ...versionIndexes()], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("has no `any` in code", () => {
    for (const file of tsFiles(GENERATED)) {
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "")
        .replace(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
      expect(code, file).not.toMatch(/\bany\b/);
    }
  });
});

/**
 * The parser's bundle (dist/parser/bundle.cjs, built by `npm test` before vitest starts) loaded by a
 * gen task through V8's cached code (workers/code-cache.ts): it parses as the source does, its
 * cached data is written by the first process and used, not written again, by the next.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";
import { ROOT, SEED_DIR } from "../helpers.js";

const folder = mkdtempSync(path.join(tmpdir(), "docgen-code-cache-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Parses `file` with the built task code in a new process, the code cache in `codeCache`; the page as JSON. */
function parseInProcess(file: string, codeCache: string): unknown {
  const tasks = pathToFileURL(path.join(ROOT, "dist/cli/workers/tasks.js")).href;
  const script = `const { runTask } = await import(${JSON.stringify(tasks)}); const text = (await import("node:fs")).readFileSync(${JSON.stringify(file)}, "utf8"); const result = await runTask({ kind: "parse", file: "page.md", text, cacheFile: null, codeCache: ${JSON.stringify(codeCache)} }); process.stdout.write(JSON.stringify(result.kind === "parse" ? result.page : null));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe("the parser's bundle through V8's cached code", () => {
  it("parses as the source does, writes the cached data once and uses it after", () => {
    const file = path.join(ROOT, SEED_DIR, readdirSync(path.join(ROOT, SEED_DIR)).sort()[0] ?? "");
    const expected = JSON.parse(JSON.stringify(parseDocument("page.md", readFileSync(file, "utf8"))));
    const codeCache = path.join(folder, "code");
    expect(parseInProcess(file, codeCache)).toEqual(expected);
    const written = readdirSync(codeCache).map((name) => path.join(codeCache, name));
    expect(written.length).toBeGreaterThan(0);
    const stamps = written.map((entry) => statSync(entry).mtimeMs);
    expect(parseInProcess(file, codeCache)).toEqual(expected);
    // Accepted by V8 (same source, same flags): nothing written again.
    expect(readdirSync(codeCache).map((name) => path.join(codeCache, name))).toEqual(written);
    expect(written.map((entry) => statSync(entry).mtimeMs)).toEqual(stamps);
  });
});

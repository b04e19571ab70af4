/** Worker threads and the cache: same output for any job count and input order; only changed pages re-parsed. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache } from "../../src/cli/cache.js";
import { generate, loadModel, type PhaseTiming } from "../../src/cli/pipeline.js";
import { decodeOutput } from "../../src/cli/run-entry.js";
import { readTree, ROOT, runCli, SEED_DIR } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "pipeline-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PAGE = (name: string, extra = ""): string => `# ${name} resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | Identifier. Read-only.${extra} |
| displayName | String | The name. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${name}" } -->
\`\`\`json
{ "id": "String", "displayName": "String" }
\`\`\`
`;

describe("gen --jobs", () => {
  it("--jobs 1 and --jobs 2 write byte-identical output for docs-input", () => {
    const one = path.join(tmp, "jobs1");
    const two = path.join(tmp, "jobs2");
    expect(runCli(["gen", "--input", SEED_DIR, "--out", one, "--jobs", "1", "--no-cache"]).status).toBe(0);
    expect(runCli(["gen", "--input", SEED_DIR, "--out", two, "--jobs", "2", "--no-cache"]).status).toBe(0);
    const a = readTree(one);
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(readTree(two)).toEqual(a);
  });

  it("rejects a --jobs value that is not a positive whole number in one line", () => {
    const result = runCli(["gen", "--input", SEED_DIR, "--out", path.join(tmp, "bad"), "--jobs", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--jobs must be a whole number of at least 1");
  });

  it("the model does not depend on the order inputs are named in or on the job count", async () => {
    const files = readdirSync(path.join(ROOT, SEED_DIR)).map((f) => path.join(ROOT, SEED_DIR, f));
    const forward = await loadModel(files, { jobs: 1 });
    const backward = await loadModel([...files].reverse(), { jobs: 2 });
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it("prints the diagnostics counted by code on stderr", () => {
    const result = runCli(["gen", "--input", SEED_DIR, "--out", path.join(tmp, "codes"), "--no-cache"]);
    expect(result.stderr).toMatch(/^docgen: diagnostics by code: (?:[a-z-]+ \d+, )*[a-z-]+ \d+$/m);
    expect(result.stderr).toContain("example-url-malformed 1");
  });
});

describe("gen cache", () => {
  it("re-parses only the changed page, serves an unchanged run whole, and never changes the output", async () => {
    const docs = path.join(tmp, "docs");
    mkdirSync(docs);
    for (const name of ["alpha", "beta", "gamma"]) writeFileSync(path.join(docs, `${name}.md`), PAGE(name));
    const cacheDir = path.join(tmp, "cache");

    const first = new Cache(cacheDir, "test-version");
    const coldTimings: PhaseTiming[] = [];
    const cold = await generate([docs], { jobs: 1, cache: first, timings: coldTimings });
    expect(coldTimings.map((t) => t.phase)).toEqual(["inputs", "parse", "model", "emit", "cache"]);
    expect(coldTimings.every((t) => t.seconds >= 0)).toBe(true);
    expect(first.stats.misses.page).toBe(3);
    expect(first.stats.hits.page).toBe(0);
    // The one API version's share of the run's summary (the summary is its versions' shares joined).
    expect(first.stats.misses.run).toBe(1);

    const second = new Cache(cacheDir, "test-version");
    const warmTimings: PhaseTiming[] = [];
    const warm = await generate([docs], { jobs: 1, cache: second, timings: warmTimings });
    // Nothing to merge or emit: the files come from the cache.
    expect(warmTimings.map((t) => t.phase)).toEqual(["inputs", "parse", "cache"]);
    expect(second.stats.hits.run).toBe(1);
    expect(second.stats.hits.page + second.stats.misses.page).toBe(0);
    expect(warm).toEqual(cold);

    // A description edited: the stored model is patched, and only the file that prints it is emitted again.
    writeFileSync(path.join(docs, "beta.md"), PAGE("beta", " Changed."));
    const third = new Cache(cacheDir, "test-version");
    const changed = await generate([docs], { jobs: 1, cache: third });
    expect(third.stats).toMatchObject({ model: "patched", hits: { run: 1, page: 0, output: cold.files.length - 1 }, misses: { page: 1, output: 1, format: 1 } });
    expect(changed).toEqual(await generate([docs], { jobs: 1, cache: null }));
    expect(JSON.stringify(changed.files)).toContain("Changed.");

    // A property added: the stored merge patched (it still refers to the page as it was before the
    // description edit, kept for it); chunks of generated files it did not touch come from the cache.
    writeFileSync(path.join(docs, "gamma.md"), PAGE("gamma").replace("| displayName |", "| size | Int32 | The size. |\n| displayName |"));
    const fourth = new Cache(cacheDir, "test-version");
    const added = await generate([docs], { jobs: 1, cache: fourth });
    expect(fourth.stats).toMatchObject({ model: "merged", versions: { merged: 1, patched: 1, of: 1 }, misses: { run: 1, page: 1 } });
    expect(fourth.stats.hits.format).toBeGreaterThan(0);
    expect(fourth.stats.misses.format).toBeGreaterThan(0);
    expect(added).toEqual(await generate([docs], { jobs: 1, cache: null }));
    expect(JSON.stringify(added.files)).toContain("size?: number");
  });

  it("takes the chunks an edit did not change from the text each file last had, not from their own entries", async () => {
    // Enough types for interfaces.ts and validators.ts to be planned into several chunks each.
    const docs = path.join(tmp, "docs-latest");
    mkdirSync(docs);
    for (let i = 0; i < 80; i++) writeFileSync(path.join(docs, `thing${i}.md`), PAGE(`thing${i}`));
    const [withEntries, withoutEntries] = [path.join(tmp, "cache-latest-a"), path.join(tmp, "cache-latest-b")];
    await generate([docs], { jobs: 1, cache: new Cache(withEntries, "v") });
    cpSync(withEntries, withoutEntries, { recursive: true });
    // The entries of the chunks the files' latest texts were joined from, gone: only those texts hold them.
    const second = new Cache(withoutEntries, "v");
    const outputs = readdirSync(path.join(second.root, "output"), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const chunkKeys = outputs.flatMap((entry) => decodeOutput(readFileSync(path.join(entry.parentPath, entry.name)))?.sizes !== undefined ? (decodeOutput(readFileSync(path.join(entry.parentPath, entry.name)))?.formats ?? []) : []);
    expect(chunkKeys.length).toBeGreaterThan(4);
    for (const key of chunkKeys) rmSync(second.entryPath("format", key), { force: true });
    writeFileSync(path.join(docs, "thing40.md"), PAGE("thing40").replace("| displayName |", "| addedByTest | String | Added. |\n| displayName |"));
    const first = new Cache(withEntries, "v");
    const expected = await generate([docs], { jobs: 1, cache: null });
    expect(await generate([docs], { jobs: 1, cache: first })).toEqual(expected);
    expect(await generate([docs], { jobs: 1, cache: second })).toEqual(expected);
    expect(JSON.stringify(expected.files)).toContain("addedByTest");
    // The same chunks rendered again (the changed ones) and served (the others), with or without their entries.
    expect(first.stats.hits.format).toBeGreaterThan(2);
    expect(first.stats.misses.format).toBeGreaterThan(0);
    expect(second.stats.hits.format).toBe(first.stats.hits.format);
    expect(second.stats.misses.format).toBe(first.stats.misses.format);
  });

  it("keys entries by docgen's version: another version misses", async () => {
    const docs = path.join(tmp, "docs-version");
    cpSync(path.join(ROOT, SEED_DIR), docs, { recursive: true });
    const cacheDir = path.join(tmp, "cache-version");
    await generate([docs], { jobs: 1, cache: new Cache(cacheDir, "1.0.0") });
    const other = new Cache(cacheDir, "2.0.0");
    await generate([docs], { jobs: 1, cache: other });
    expect(other.stats.hits.page + other.stats.hits.run).toBe(0);
    const same = new Cache(cacheDir, "1.0.0");
    await generate([docs], { jobs: 1, cache: same });
    // Each API version's share of the run's summary.
    expect(same.stats.hits.run).toBe(new Set((await generate([docs], { jobs: 1, cache: null })).files.map((file) => file.path.split("/")[0])).size);
  });

  it("treats a damaged entry as a miss", async () => {
    const docs = path.join(tmp, "docs-damaged");
    mkdirSync(docs);
    writeFileSync(path.join(docs, "alpha.md"), PAGE("alpha"));
    const cacheDir = path.join(tmp, "cache-damaged");
    const cold = await generate([docs], { jobs: 1, cache: new Cache(cacheDir, "v") });
    for (const entry of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) writeFileSync(path.join(entry.parentPath, entry.name), "{ not json");
    }
    const damaged = new Cache(cacheDir, "v");
    expect(await generate([docs], { jobs: 1, cache: damaged })).toEqual(cold);
    expect(damaged.stats.misses.run).toBe(1);
    expect(damaged.stats.misses.page).toBe(1);
  });
});

/**
 * An incremental `gen` (cache from the previous run) writes byte for byte what a cold `--no-cache`
 * run writes for the same inputs, through every kind of change: a property added, an enum value
 * renamed, a route changed, a base type changed (validators dispatch on derived types), a page
 * added, one deleted, one renamed; descriptions edited (the stored model patched: one that wins its
 * slot and one that another page's description wins over), a type renamed that another type
 * extends, an operation id made to clash, an example changing an inferred type, an enum moved to
 * a page of its own; every cache entry cut short. Each step also checks that the run was
 * incremental (only the changed files read, the files of the API version it did not touch taken
 * from the cache and its pages not merged again), how it got its model, and that the change reached
 * the output; at the end, that the cache holds one run's entries.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTree, ROOT, runCli, SEED_DIR } from "../helpers.js";
import { MERGE_PARTS } from "../../src/cli/model-store.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "incremental-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const docs = path.join(tmp, "docs");
const config = path.join(tmp, "empty.config.json");
const cacheDir = path.join(tmp, "cache");

function resource(name: string, intro: string, rows: string[]): string {
  return [`# ${name} resource type`, "", "Namespace: microsoft.graph", "", intro, "", "## Properties", "", "| Property | Type | Description |", "|:---|:---|:---|", ...rows, ""].join("\n");
}

function getPage(title: string, route: string, response: string): string {
  return [`# ${title}`, "", "Namespace: microsoft.graph", "", `${title}.`, "", "## HTTP request", "", "```http", route, "```", "", "## Response", "", response, ""].join("\n");
}

const THING = resource("thing", "A thing.", ["| id | String | Identifier. Read-only. |", "| displayName | String | The name. |"]);
const WIDGET_ROWS = ["| id | String | Identifier. Read-only. |", "| status | widgetStatus | The status. Possible values are: `active`, `retired`. |", "| size | Int32 | The size. |"];
const WIDGET = resource("widget", "Inherits from [thing](thing.md).", WIDGET_ROWS);
const GADGET = resource("gadget", "Inherits from [thing](thing.md).", ["| id | String | Identifier. Read-only. |", "| weight | Double | The weight. |"]);
const GET_WIDGET = getPage("Get widget", "GET /widgets/{id}", "If successful, this method returns a `200 OK` response code and a [widget](widget.md) object in the response body.");
const LIST_WIDGETS = getPage("List widgets", "GET /widgets", "If successful, this method returns a `200 OK` response code and a collection of [widget](widget.md) objects in the response body.");
const GET_FEATURED = getPage("Get widget", "GET /featured/widgets/{id}", "If successful, this method returns a `200 OK` response code and a [widget](widget.md) object in the response body.");
const UPDATE_WIDGET = [
  "# Update widget", "", "Namespace: microsoft.graph", "", "Update a widget.", "", "## HTTP request", "", "```http", "PATCH /widgets/{id}", "```", "",
  "## Request body", "", "| Property | Type | Description |", "|:---|:---|:---|", "| size | Int32 | Another size text. |", "",
  "## Response", "", "If successful, this method returns a `204 No Content` response code.", "",
].join("\n");
const WIDGET_STATUS = ["# widgetStatus enum type", "", "Namespace: microsoft.graph", "", "## Members", "", "| Member | Description |", "|:---|:---|", "| active | In use. |", "| archived | Kept. |", "| paused | On hold. |", ""].join("\n");
/** A collection GET whose response names an undocumented type, whose shape is inferred from the example. */
const LIST_GIZMOS = [
  "# List gizmos", "", "Namespace: microsoft.graph", "", "List gizmos.", "", "## HTTP request", "", "```http", "GET /gizmos", "```", "",
  "## Response", "", "If successful, this method returns a `200 OK` response code and a collection of [gizmo](gizmo.md) objects in the response body.", "",
  "## Example", "", "### Request", "", "```http", "GET https://graph.microsoft.com/beta/gizmos", "```", "",
  "### Response", "", "```http", "HTTP/1.1 200 OK", "Content-type: application/json", "", '{ "value": [ { "id": "1", "heft": 3 } ] }', "```", "",
].join("\n");

function gen(out: string, cache: string[]): { stderr: string; tree: Record<string, string> } {
  const result = runCli(["gen", "--config", config, "--input", docs, "--out", out, "--jobs", "2", "--stats", ...cache]);
  expect(result.status, result.stderr).toBe(0);
  return { stderr: result.stderr, tree: readTree(out) };
}

function cacheFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const edit = (file: string, from: string, to: string): void => {
  const full = path.join(docs, file);
  const text = readFileSync(full, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(full, text.replace(from, to));
};

describe("incremental gen", () => {
  it("writes what a cold run writes after every kind of change, reading only the changed files", async () => {
    mkdirSync(docs);
    writeFileSync(config, "{}\n");
    cpSync(path.join(ROOT, SEED_DIR), docs, { recursive: true });
    const pages: Record<string, string> = { "thing.md": THING, "widget.md": WIDGET, "gadget.md": GADGET, "get-widget.md": GET_WIDGET };
    for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(docs, name), text);
    // Files changed within the file system's timestamp granularity of a run are read again by the
    // next (file-index.ts); waiting lets the first run record stats the later runs can trust.
    const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 2100));
    await settle();
    let previous = gen(path.join(tmp, "incremental"), ["--cache-dir", cacheDir]).tree;

    type Step = { name: string; change: () => void; read: number; shows: string; model?: "patched" | "merged"; patched?: true; unchanged?: true };
    const add = (name: string, text: string) => (): void => writeFileSync(path.join(docs, name), text);
    const steps: Step[] = [
      { name: "a property added", change: () => edit("widget.md", "| size | Int32 | The size. |", "| size | Int32 | The size. |\n| color | String | The color. |"), read: 1, shows: "color", model: "merged", patched: true },
      { name: "an enum value renamed", change: () => edit("widget.md", "`retired`", "`archived`"), read: 1, shows: '"archived"' },
      { name: "a route changed", change: () => edit("get-widget.md", "GET /widgets/{id}", "GET /catalog/widgets/{id}"), read: 1, shows: "/catalog/widgets/" },
      { name: "a base type changed", change: () => edit("gadget.md", "Inherits from [thing](thing.md).", "Inherits from [widget](widget.md)."), read: 1, shows: "extends Widget" },
      { name: "a page added", change: add("list-widgets.md", LIST_WIDGETS), read: 1, shows: "listWidgets" },
      { name: "a page deleted", change: () => rmSync(path.join(docs, "gadget.md")), read: 0, shows: "" },
      { name: "a page renamed", change: () => renameSync(path.join(docs, "thing.md"), path.join(docs, "base-thing.md")), read: 1, shows: "base-thing.md" },
      { name: "a property description edited", change: () => edit("widget.md", "The size. |", "The size in centimetres. |"), read: 1, shows: "The size in centimetres.", model: "patched" },
      { name: "an operation description edited", change: () => edit("get-widget.md", "Get widget.\n", "Reads one widget by its id.\n"), read: 1, shows: "Reads one widget by its id.", model: "patched" },
      { name: "a page with a request-body table added", change: add("update-widget.md", UPDATE_WIDGET), read: 1, shows: "updateWidget", model: "merged" },
      {
        name: "a row added to a request-body table",
        change: () => edit("update-widget.md", "| size | Int32 | Another size text. |", "| size | Int32 | Another size text. |\n| weight | Double | The weight. |"),
        read: 1,
        shows: "weight?: number",
        model: "merged",
        patched: true,
      },
      { name: "a property removed", change: () => edit("widget.md", "\n| color | String | The color. |", ""), read: 1, shows: "", model: "merged", patched: true },
      { name: "a description edited that another page's wins over", change: () => edit("update-widget.md", "Another size text.", "Edited size text."), read: 1, shows: "", model: "patched", unchanged: true },
      { name: "a type renamed that another type extends", change: () => edit("base-thing.md", "# thing resource type", "# item resource type"), read: 1, shows: "export interface Item ", model: "merged" },
      { name: "an operation id made to clash", change: add("get-featured-widget.md", GET_FEATURED), read: 1, shows: "getWidgetOfFeatured", model: "merged" },
      { name: "a type inferred from an example", change: add("list-gizmos.md", LIST_GIZMOS), read: 1, shows: "heft?: number", model: "merged" },
      { name: "an example changing an inferred type", change: () => edit("list-gizmos.md", '"heft": 3', '"heft": "heavy"'), read: 1, shows: "heft?: string", model: "merged" },
      {
        name: "an enum moved to a page of its own",
        change: () => {
          edit("widget.md", " Possible values are: `active`, `archived`.", "");
          writeFileSync(path.join(docs, "widgetstatus.md"), WIDGET_STATUS);
        },
        read: 2,
        shows: '"paused"',
        model: "merged",
      },
    ];
    for (const step of steps) {
      step.change();
      await settle();
      const incremental = gen(path.join(tmp, "incremental"), ["--cache-dir", cacheDir]);
      const cold = gen(path.join(tmp, `cold-${steps.indexOf(step)}`), ["--no-cache"]);
      expect(incremental.tree, step.name).toEqual(cold.tree);
      if (step.unchanged) expect(incremental.tree, `${step.name} leaves the output`).toEqual(previous);
      else expect(incremental.tree, `${step.name} changes the output`).not.toEqual(previous);
      if (step.shows) expect(Object.values(incremental.tree).join("\n"), step.name).toContain(step.shows);
      expect(incremental.stderr, step.name).toContain(`input files read ${step.read};`);
      // Every step edits the fixture's pages (unversioned): the seeds' beta files come from the cache, not planned again.
      const fileHits = Number(/cache hits [^;]*\bfile (\d+)/.exec(incremental.stderr)?.[1] ?? "0");
      expect(fileHits, `${step.name}: beta files from the cache`).toBeGreaterThanOrEqual(Object.keys(previous).filter((file) => file.startsWith("beta/")).length);
      if (step.model) expect(incremental.stderr, step.name).toContain(`model ${step.model}`);
      // A merge takes the edited version's pages only: the seeds' beta model is not merged again.
      // An edit within the types and operations a page contributes to patches the stored merge (model/patch-structure.ts).
      if (incremental.stderr.includes("model merged")) expect(incremental.stderr, `${step.name}: one version merged`).toContain(`model merged (1 of 2 API versions${step.patched === true ? ", 1 patched" : ""})`);
      previous = incremental.tree;
    }

    // Every entry cut short (a run killed while writing, a full disk): each is a miss, the output the same.
    for (const file of cacheFiles(cacheDir)) writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)));
    expect(gen(path.join(tmp, "incremental"), ["--cache-dir", cacheDir]).tree, "cut entries").toEqual(previous);

    // One run's entries are kept: each API version's share of the run's summary, one stored merge
    // per API version (its head and parts), an entry per generated file, one build's folder.
    const [build, ...others] = readdirSync(cacheDir);
    expect(others).toEqual([]);
    const count = (kind: string, ending = ""): number => {
      const folder = path.join(cacheDir, build ?? "", kind);
      return existsSync(folder) ? cacheFiles(folder).filter((file) => file.endsWith(ending)).length : 0;
    };
    const versions = new Set(Object.keys(previous).filter((file) => file.includes("/")).map((file) => file.split("/")[0]));
    expect([...versions].sort()).toEqual(["beta", "unversioned"]);
    expect(count("run")).toBe(versions.size);
    expect(count("pages")).toBeLessThanOrEqual(versions.size);
    expect(count("model")).toBe(versions.size * (1 + MERGE_PARTS));
    // An entry per generated file, each a hard link to the entry naming its text by its chunks (one
    // per text: the runtime helpers of both versions are the same), and for each file joined from
    // rendered chunks (all but the runtime helpers) the latest text, a link to one of those.
    const outputs = cacheFiles(path.join(cacheDir, build ?? "", "output"));
    const texts = new Set(outputs.map((file) => statSync(file).ino));
    expect(texts.size).toBe(new Set(Object.entries(previous).filter(([file]) => file.includes("/")).map(([, text]) => text)).size);
    const joinedFromChunks = Object.keys(previous).filter((file) => file.includes("/") && !file.includes("/runtime/")).length;
    expect(outputs.length).toBe(Object.keys(previous).length - 1 + texts.size + joinedFromChunks);
    // No temporary file is left behind (linking an entry again where it is linked already, too).
    expect(cacheFiles(cacheDir).filter((file) => file.endsWith(".tmp"))).toEqual([]);
    // A plan memo per file planned by units (interfaces.ts, validators.ts, requests.ts) of each API version.
    expect(count("plan") - count("plan", ".journal")).toBe(3 * versions.size);
    expect(count("page")).toBe(readdirSync(docs).length);
    // The fixture's own pages (no version in their routes) and the seeds (beta) were both emitted.
    expect(previous["unversioned/validators.ts"]).toContain("validateWidget");
    expect(previous["beta/validators.ts"]).toContain("validateRemoteActionAudit");
  }, 1_200_000);

  it("keeps the pages of a cold run in the page store only, and an edited page in an entry of its own", async () => {
    const many = path.join(tmp, "many");
    const manyCache = path.join(tmp, "many-cache");
    mkdirSync(many);
    writeFileSync(config, "{}\n");
    // More pages than a run parses one by one (pipeline.ts FEW_PAGES): the first run takes the cold path.
    const count = 80;
    for (let i = 0; i < count; i++) writeFileSync(path.join(many, `thing${i}.md`), resource(`thing${i}`, `Thing ${i}.`, ["| id | String | Identifier. Read-only. |", `| label${i} | String | The label. |`]));
    // Entries of a kind in this build's folder (the only one: see "keeps one run's entries" above).
    const entries = (kind: string): number => {
      const folder = path.join(manyCache, readdirSync(manyCache)[0] ?? "", kind);
      return existsSync(folder) ? readdirSync(folder, { recursive: true }).filter((name) => String(name).length > 2).length : 0;
    };
    const run = (out: string, cache: string[]) => {
      const result = runCli(["gen", "--config", config, "--input", many, "--out", path.join(tmp, out), "--jobs", "2", "--stats", ...cache]);
      expect(result.status, result.stderr).toBe(0);
      return { stderr: result.stderr, tree: readTree(path.join(tmp, out)) };
    };
    // As above: files written within the timestamp granularity of a run are read again by the next.
    const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 2100));
    await settle();
    run("many-incremental", ["--cache-dir", manyCache]);
    // The store and its index.
    expect({ store: entries("pages"), pages: entries("page") }).toEqual({ store: 2, pages: 0 });
    const file = path.join(many, "thing7.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("| label7 | String | The label. |", "| label7 | String | The label. |\n| size | Int32 | The size. |"));
    await settle();
    const incremental = run("many-incremental", ["--cache-dir", manyCache]);
    // The stored merge patched: the page as it was is read from the store (by its index), the others not at all.
    expect(incremental.stderr).toContain("input files read 1; cache hits page 1,");
    expect(incremental.stderr).toContain("model merged (1 of 1 API versions, 1 patched)");
    expect({ store: entries("pages"), pages: entries("page") }).toEqual({ store: 2, pages: 1 });
    expect(incremental.tree).toEqual(run("many-cold", ["--no-cache"]).tree);
    expect(incremental.tree["unversioned/interfaces.ts"]).toContain("size?: number");

    // Plan memos (emitters/unit-plan.ts) whose statements' digests are not what their units plan:
    // caught when a chunk is rendered, and every file planned afresh; the memos written are sound.
    const plans = path.join(manyCache, readdirSync(manyCache)[0] ?? "", "plan");
    const wrong = Buffer.alloc(32, 7).toString("base64");
    const memos = cacheFiles(plans);
    expect(memos.filter((memo) => !memo.endsWith(".journal")).length).toBe(3);
    // Each unit's statements, in an entry (records) or a line of its journal (set: journal.ts).
    type Units = Record<string, { statements: Array<Array<[number, string]>> }>;
    const tamper = (units: Units | undefined): void => {
      for (const unit of Object.values(units ?? {})) unit.statements = unit.statements.map((section) => section.map(([size]) => [size, wrong]));
    };
    for (const memo of memos) {
      const lines = readFileSync(memo, "utf8").split("\n").map((line) => {
        if (line === "") return line;
        const value = JSON.parse(line) as { records?: Units; set?: Units };
        tamper(value.records);
        tamper(value.set);
        return JSON.stringify(value);
      });
      writeFileSync(memo, lines.join("\n"));
    }
    writeFileSync(file, readFileSync(file, "utf8").replace("| size | Int32 | The size. |", "| size | Int32 | The size. |\n| depth | Int32 | The depth. |"));
    await settle();
    const afresh = run("many-incremental", ["--cache-dir", manyCache]);
    expect(afresh.stderr).toContain("model merged (1 of 1 API versions, 1 patched)");
    expect(afresh.tree).toEqual(run("many-cold-2", ["--no-cache"]).tree);
    expect(afresh.tree["unversioned/interfaces.ts"]).toContain("depth?: number");
    for (const memo of cacheFiles(plans)) expect(readFileSync(memo, "utf8")).not.toContain(wrong);
  }, 1_200_000);
});

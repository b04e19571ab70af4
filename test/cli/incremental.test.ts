/**
 * An incremental `gen` (cache from the previous run) writes byte for byte what a cold `--no-cache`
 * run writes for the same inputs, through every kind of change: a property added, an enum value
 * renamed, a route changed, a base type changed (validators dispatch on derived types), a page
 * added, one deleted, one renamed. Each step also checks that the run was incremental (only the
 * changed files read) and that the change reached the output.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTree, ROOT, runCli, SEED_DIR } from "../helpers.js";

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

function gen(out: string, cache: string[]): { stderr: string; tree: Record<string, string> } {
  const result = runCli(["gen", "--config", config, "--input", docs, "--out", out, "--jobs", "2", "--stats", ...cache]);
  expect(result.status, result.stderr).toBe(0);
  return { stderr: result.stderr, tree: readTree(out) };
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

    const steps: Array<{ name: string; change: () => void; read: number; shows: string }> = [
      { name: "a property added", change: () => edit("widget.md", "| size | Int32 | The size. |", "| size | Int32 | The size. |\n| color | String | The color. |"), read: 1, shows: "color" },
      { name: "an enum value renamed", change: () => edit("widget.md", "`retired`", "`archived`"), read: 1, shows: '"archived"' },
      { name: "a route changed", change: () => edit("get-widget.md", "GET /widgets/{id}", "GET /catalog/widgets/{id}"), read: 1, shows: "/catalog/widgets/" },
      { name: "a base type changed", change: () => edit("gadget.md", "Inherits from [thing](thing.md).", "Inherits from [widget](widget.md)."), read: 1, shows: "extends Widget" },
      { name: "a page added", change: () => writeFileSync(path.join(docs, "list-widgets.md"), LIST_WIDGETS), read: 1, shows: "listWidgets" },
      { name: "a page deleted", change: () => rmSync(path.join(docs, "gadget.md")), read: 0, shows: "" },
      { name: "a page renamed", change: () => renameSync(path.join(docs, "thing.md"), path.join(docs, "base-thing.md")), read: 1, shows: "base-thing.md" },
    ];
    for (const step of steps) {
      step.change();
      await settle();
      const incremental = gen(path.join(tmp, "incremental"), ["--cache-dir", cacheDir]);
      const cold = gen(path.join(tmp, `cold-${steps.indexOf(step)}`), ["--no-cache"]);
      expect(incremental.tree, step.name).toEqual(cold.tree);
      expect(incremental.tree, `${step.name} changes the output`).not.toEqual(previous);
      if (step.shows) expect(Object.values(incremental.tree).join("\n"), step.name).toContain(step.shows);
      expect(incremental.stderr, step.name).toContain(`input files read ${step.read};`);
      previous = incremental.tree;
    }
    // The fixture's own pages (no version in their routes) and the seeds (beta) were both emitted.
    expect(previous["unversioned/validators.ts"]).toContain("validateWidget");
    expect(previous["beta/validators.ts"]).toContain("validateRemoteActionAudit");
  }, 600_000);

  it("keeps the pages of a cold run in the page store only, and an edited page in an entry of its own", async () => {
    const many = path.join(tmp, "many");
    const manyCache = path.join(tmp, "many-cache");
    mkdirSync(many);
    writeFileSync(config, "{}\n");
    for (let i = 0; i < 24; i++) writeFileSync(path.join(many, `thing${i}.md`), resource(`thing${i}`, `Thing ${i}.`, ["| id | String | Identifier. Read-only. |", `| label${i} | String | The label. |`]));
    const entries = (kind: string): number => (existsSync(path.join(manyCache, kind)) ? readdirSync(path.join(manyCache, kind), { recursive: true }).filter((name) => String(name).length > 2).length : 0);
    const run = (out: string, cache: string[]) => {
      const result = runCli(["gen", "--config", config, "--input", many, "--out", path.join(tmp, out), "--jobs", "2", "--stats", ...cache]);
      expect(result.status, result.stderr).toBe(0);
      return { stderr: result.stderr, tree: readTree(path.join(tmp, out)) };
    };
    // As above: files written within the timestamp granularity of a run are read again by the next.
    const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 2100));
    await settle();
    run("many-incremental", ["--cache-dir", manyCache]);
    expect({ store: entries("pages"), pages: entries("page") }).toEqual({ store: 1, pages: 0 });
    const file = path.join(many, "thing7.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("| label7 | String | The label. |", "| label7 | String | The label. |\n| size | Int32 | The size. |"));
    await settle();
    const incremental = run("many-incremental", ["--cache-dir", manyCache]);
    expect(incremental.stderr).toContain("input files read 1; cache hits page 23,");
    expect({ store: entries("pages"), pages: entries("page") }).toEqual({ store: 1, pages: 1 });
    expect(incremental.tree).toEqual(run("many-cold", ["--no-cache"]).tree);
    expect(incremental.tree["unversioned/interfaces.ts"]).toContain("size?: number");
  }, 600_000);
});

/**
 * The adversarial fixture set (test/fixtures/hostile/): for each page, the model docgen derives,
 * the diagnostics it reports, and the generated code: it compiles under `tsc --strict`, carries no
 * text from the docs outside comments and string literals, and its validators and request
 * functions do at run time what the docs say.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/cli/pipeline.js";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { generateInto, importGenerated } from "../emitters/generate.js";
import { ROOT } from "../helpers.js";
import { codeOnly, compileStrict, tsFiles } from "./compile.js";

const DIR = "test/fixtures/hostile";
const fixture = (name: string) => `${DIR}/${name}`;

let model: ApiModel;
let out: string;
let unversioned: Record<string, unknown>;
let beta: Record<string, unknown>;

beforeAll(async () => {
  model = await loadModel([DIR]);
  out = await generateInto(model, "hostile");
  unversioned = await importGenerated(out, "unversioned");
  beta = await importGenerated(out, "beta");
});

function type(name: string): TypeModel {
  const found = model.types.find((t) => t.name === name);
  if (!found) throw new Error(`no type ${name} in the model`);
  return found;
}

/** The parts of a property the docs decide (source positions are checked by the diagnostics test). */
function shape(p: PropertyModel) {
  return { name: p.name, type: p.type, collection: p.collection, ...(p.nullable === false ? { nullable: false } : {}), ...(p.enumValues ? { enumValues: p.enumValues } : {}) };
}

type Validator = (value: unknown) => { valid: boolean; errors: Array<{ path: string }>; warnings: Array<{ path: string }> };
function validator(module: Record<string, unknown>, name: string): Validator {
  const fn = module[name];
  if (typeof fn !== "function") throw new Error(`${name} is not exported`);
  // The generated validators have exactly this signature (checked by tsc in "compiles" below).
  return fn as Validator;
}
const errorPaths = (result: ReturnType<Validator>) => result.errors.map((e) => e.path);

describe("hostile fixtures: diagnostics", () => {
  it("reports exactly these problems, each at its file, line and column", () => {
    const seen = model.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
    expect(seen).toEqual([
      `${fixture("binary.md")}:1:1 error input-unreadable`,
      // |extraCells|Int32|Has an extra cell.|surplus|more|: GFM drops the last two cells.
      `${fixture("broken-table.md")}:13:1 warning table-row-extra-cells`,
      `${fixture("empty.md")}:1:1 error input-unreadable`,
      `${fixture("example-json.md")}:34:1 warning example-json-repaired`,
      `${fixture("example-json.md")}:47:1 warning example-json-invalid`,
      `${fixture("links.md")}:11:9 warning type-undocumented`,
      `${fixture("links.md")}:12:8 warning type-undocumented`,
      `${fixture("not-utf8.md")}:1:1 error input-unreadable`,
      `${fixture("odd-routes.md")}:18:68 warning type-undocumented`,
    ]);
  });

  it("says why an unreadable file was skipped", () => {
    const messages = Object.fromEntries(model.diagnostics.filter((d) => d.code === "input-unreadable").map((d) => [path.basename(d.file), d.message]));
    expect(messages).toEqual({
      "binary.md": "This file is a binary file, not a text document; remove it from the input; it was skipped.",
      "empty.md": "This file is empty; it was skipped.",
      "not-utf8.md": "This file is not valid UTF-8 text; re-save it as UTF-8; it was skipped.",
    });
  });
});

describe("hostile fixtures: model", () => {
  it("keeps descriptions as text: comment closers, templates, backticks; HTML tags dropped", () => {
    const t = type("hostileText");
    const byName = Object.fromEntries(t.properties.map((p) => [p.name, p.description]));
    expect(t.description).toBe('A type whose descriptions try to break out: / console.log("pwned") / and `${process.exit(1)}` and alert(1).');
    expect(byName["closeComment"]).toBe("Ends a comment / then runs code(); / reopens; in code: `*/ evil() /*`.");
    expect(byName["template"]).toBe("A template ${globalThis.process.exit(1)} and a `backtick` and ` a stray one.");
    // Zero-width space and emoji kept; line and paragraph separators fold to spaces like any whitespace.
    expect(byName["unicode"]).toBe("Zero width \u200b, line separator and paragraph separator , emoji 🧨.");
    expect(byName["longLine"]?.length).toBeGreaterThan(20_000);
    expect(t.properties.map(shape)).toEqual(
      ["closeComment", "template", "html", "lineBreak", "unicode", "longLine"].map((name) => ({ name, type: "String", collection: false })),
    );
  });

  it("keeps enum members verbatim, in order, without duplicates", () => {
    expect(type("hostileValue")).toMatchObject({
      kind: "enum",
      members: ['say "hi"', "it's", "back\\slash", "two words", "héllo wörld ✓", "1st", "delete", "default", "new", "/ evil()", "${x}"],
    });
  });

  it("keeps property names that are not identifiers or are dangerous", () => {
    expect(type("oddNames").properties.map(shape)).toEqual([
      { name: "@odata.type", type: "String", collection: false },
      { name: "foo-bar", type: "String", collection: false },
      { name: "123abc", type: "Int32", collection: false },
      // A plain name cell is its first word ("userName (deprecated)"): "a b" names the property "a";
      // a cell that is one code span is the name verbatim, spaces included.
      { name: "a", type: "String", collection: false },
      { name: "c d", type: "String", collection: false },
      { name: "__proto__", type: "String", collection: false },
      { name: "constructor", type: "String", collection: false },
      { name: "prototype", type: "Boolean", collection: false, nullable: false },
      { name: "hasOwnProperty", type: "Int32", collection: false },
      { name: "toString", type: "String", collection: false },
      { name: "mood", type: "hostileValue", collection: false },
    ]);
  });

  it("keeps type names that clash with built-ins", () => {
    for (const name of ["Date", "Object", "Record", "Error", "Promise", "Array", "String"]) {
      expect(type(name).properties.map(shape)).toEqual([{ name: "label", type: "String", collection: false }]);
    }
  });

  it("keeps self- and mutually-referencing types", () => {
    expect(type("treeNode").properties.map(shape)).toEqual([
      { name: "name", type: "String", collection: false, nullable: false },
      { name: "parent", type: "treeNode", collection: false },
      { name: "children", type: "treeNode", collection: true },
    ]);
    expect(type("pingType").properties.map(shape)).toEqual([{ name: "pong", type: "pongType", collection: false }]);
    expect(type("pongType").properties.map(shape)).toEqual([{ name: "pings", type: "pingType", collection: true }]);
  });

  it("reads what it can of a half-written table", () => {
    const t = type("brokenTable");
    expect(t.properties.map(shape)).toEqual([
      { name: "missingCells", type: "String", collection: false },
      { name: "missingType", type: "Json", collection: false },
      { name: "extraCells", type: "Int32", collection: false },
      { name: "escapedPipe", type: "String", collection: false },
      { name: "breaks", type: "String", collection: false },
      { name: "htmlCell", type: "String", collection: false },
    ]);
    const descriptions = Object.fromEntries(t.properties.map((p) => [p.name, p.description]));
    expect(descriptions["escapedPipe"]).toBe("Either a | b, or `c | d`.");
    expect(descriptions["extraCells"]).toBe("Has an extra cell.");
    expect(descriptions["missingCells"]).toBe("");
  });

  it("reads odd route parameters and drops query strings", () => {
    const op = model.operations.find((o) => o.id === "getOddUser");
    expect(op?.paths).toEqual(["/users/{id|userPrincipalName}", "/drives('{drive-id}')/items('{itemid}')", "/groups/{group-id}/members", "/sites/{site-id}:/lists/{list-id}"]);
    expect(op?.pathParams.map((p) => p.name)).toEqual(["id", "drive-id", "itemid", "group-id", "site-id", "list-id"]);
    const evil = model.operations.find((o) => o.id === "getEvilPath");
    expect(evil?.paths[0]).toBe("/things/{thing-id}/a*/b${process.exit(1)}`c`\\x/{__proto__}");
  });

  it("repairs quasi-JSON it can (reported as example-json-repaired) and keeps the rest as text", () => {
    const [example] = model.operations.find((o) => o.id === "updateJsonQuirk")?.examples ?? [];
    // Comments and trailing commas: read leniently (the diagnostic says what was tolerated).
    expect(example?.request?.body).toEqual({ name: "a", size: 3 });
    expect(example?.response?.body).toBeUndefined();
    expect(example?.response?.bodyText).toContain('"name": "b"');
  });

  it("follows no links: link targets are text, types named after link text stay undocumented", () => {
    expect(type("linkHeavy").properties.map(shape)).toEqual([
      { name: "target", type: "passwd", collection: false },
      { name: "other", type: "shadow", collection: false },
    ]);
    expect(model.types.map((t) => t.name)).not.toContain("passwd");
  });

  it("serialises to JSON and back unchanged", () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe("hostile fixtures: generated code", () => {
  it("compiles under tsc --strict", () => {
    expect(compileStrict(out)).toEqual({ status: 0, output: "" });
  });

  it("carries doc text only inside comments and string literals", () => {
    for (const file of tsFiles(out)) {
      const code = codeOnly(file);
      for (const smuggled of ["pwned", "process.exit", "alert(", "evil()", "</script>", "runs code"]) expect(code, `${file}: ${smuggled}`).not.toContain(smuggled);
    }
  });

  it("never closes a doc comment early", () => {
    const interfaces = readFileSync(path.join(out, "unversioned/interfaces.ts"), "utf8");
    expect(interfaces).toContain("in code: `*\\/ evil() /*`.");
  });

  it("gives clashing type names the suffix Type and leaves the globals alone", () => {
    for (const name of ["Date", "Object", "Record", "Error", "Promise", "Array", "String"]) {
      expect(validator(unversioned, `validate${name}Type`)({ label: "x" }).valid).toBe(true);
      expect(errorPaths(validator(unversioned, `validate${name}Type`)({ label: 1 }))).toEqual(["/label"]);
    }
    expect(Object.keys(unversioned)).not.toContain("Date");
  });

  it("enum values round-trip exactly, and the validator accepts only them", () => {
    expect(unversioned["hostileValueValues"]).toEqual(type("hostileValue").members);
    const validate = validator(unversioned, "validateOddNames");
    for (const mood of type("hostileValue").members ?? []) expect(validate({ mood }).valid, mood).toBe(true);
    for (const mood of ["say 'hi'", "back\\\\slash", "Delete", "", "/ evil() "]) expect(errorPaths(validate({ mood })), mood).toEqual(["/mood"]);
  });

  it("validates dangerous property names as own properties of parsed JSON", () => {
    const validate = validator(unversioned, "validateOddNames");
    const good = JSON.parse('{"__proto__":"p","constructor":"c","prototype":true,"hasOwnProperty":1,"toString":"t","foo-bar":"f","123abc":2,"a":"x","c d":"y"}');
    expect(validate(good)).toEqual({ valid: true, errors: [], warnings: [] });
    const bad = JSON.parse('{"__proto__":5,"constructor":{},"prototype":null,"hasOwnProperty":"1","toString":false,"123abc":1.5,"c d":7}');
    expect(errorPaths(validate(bad)).sort()).toEqual(["/123abc", "/__proto__", "/c d", "/constructor", "/hasOwnProperty", "/prototype", "/toString"]);
    // A plain object's inherited members are not its properties: nothing to report.
    expect(validate({}).valid).toBe(true);
    expect(validate(JSON.parse('{"b":1}')).warnings.map((w) => w.path)).toEqual(["/b"]);
  });

  it("validates self- and mutually-referencing types to any depth", () => {
    const tree = validator(unversioned, "validateTreeNode");
    let deep: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < 200; i++) deep = { name: `n${i}`, children: [deep], parent: null };
    expect(tree(deep).valid).toBe(true);
    expect(errorPaths(tree({ name: "r", children: [{ name: "c", children: [{ name: null }] }] }))).toEqual(["/children/0/children/0/name"]);
    const ping = validator(unversioned, "validatePingType");
    expect(ping({ pong: { pings: [{ pong: { pings: [] } }] } }).valid).toBe(true);
    expect(errorPaths(ping({ pong: { pings: [{ pong: { pings: [3] } }] } }))).toEqual(["/pong/pings/0/pong/pings/0"]);
  });

  it("types undocumented link targets as any JSON value", () => {
    const validate = validator(unversioned, "validateLinkHeavy");
    expect(validate({ target: { anything: [1, "two"] }, other: "text" }).valid).toBe(true);
  });

  it("request paths encode every parameter and keep the literal text literal", async () => {
    const urls: string[] = [];
    const createClient = unversioned["createClient"];
    const getEvilPath = unversioned["getEvilPath"];
    const getOddUser = unversioned["getOddUser"];
    if (typeof createClient !== "function" || typeof getEvilPath !== "function" || typeof getOddUser !== "function") throw new Error("missing exports");
    const client: unknown = createClient({
      baseUrl: "https://example.test",
      fetch: async (input: string) => {
        urls.push(input);
        return new Response(input.includes("/users/") ? "{}" : null, { status: input.includes("/users/") ? 200 : 204 });
      },
    });
    await getEvilPath(client, { path: JSON.parse('{"thing-id":"a/b","process.exit(1)":"${x}","__proto__":"../p"}') });
    await getOddUser(client, { path: { id: "x y'z" } });
    expect(urls).toEqual(["https://example.test/things/a%2Fb/a*/b$%24%7Bx%7D`c`\\x/..%2Fp", "https://example.test/users/x%20y%27z"]);
  });

  it("does not grow with a 10 MB example body", async () => {
    const big = `{"name": "${"x".repeat(10 * 1024 * 1024)}", "size": 1}`;
    const text = readFileSync(path.join(ROOT, fixture("example-json.md")), "utf8").replace(/```http\nHTTP\/1\.1 200 OK[\s\S]*?```/, "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + big + "\n```");
    const page = parseDocument("big.md", text);
    const body = page.operations[0]?.examples[0]?.response?.body;
    expect(typeof body === "object" && body !== null && !Array.isArray(body) ? String(body["name"]).length : 0).toBe(10 * 1024 * 1024);
    expect(page.diagnostics.map((d) => d.code)).toEqual(["example-json-repaired"]);
  });
});

describe("hostile fixtures: the CLI", () => {
  it("gen writes them without crashing and check lists the same diagnostics", async () => {
    const { runCli } = await import("../helpers.js");
    const target = path.join(ROOT, "test/.tmp/hostile-cli");
    rmSync(target, { recursive: true, force: true });
    mkdirSync(path.dirname(target), { recursive: true });
    const gen = runCli(["gen", "--input", DIR, "--out", "test/.tmp/hostile-cli"]);
    expect(gen.stderr).not.toContain("docgen: error");
    expect(gen.status).toBe(0);
    const check = runCli(["check", "--input", DIR, "--format", "json"]);
    expect(check.status).toBe(1);
    const parsed: unknown = JSON.parse(check.stdout);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify({ diagnostics: model.diagnostics, summary: { error: 3, warning: 6, info: 0 } }));
    writeFileSync(path.join(target, ".probe"), "");
    rmSync(target, { recursive: true, force: true });
  });
});

describe("type names that are also loose primitive spellings", () => {
  it("a model type named Object is that type in interfaces, validators and requests alike", async () => {
    const { buildModel } = await import("../../src/model/merge.js");
    const pages = [
      parseDocument("object.md", "# Object resource type\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|label|String|A label.|\n"),
      parseDocument("get.md", "# Get object\n\n## HTTP request\n\n```http\nGET /objects/{id}\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and an [Object](object.md) object in the response body.\n"),
    ];
    const loose = buildModel(pages);
    expect(loose.operations[0]?.responseType).toBe("Object");
    const dir = await generateInto(loose, "loose-object");
    expect(compileStrict(dir)).toEqual({ status: 0, output: "" });
    expect(readFileSync(path.join(dir, "unversioned/requests.ts"), "utf8")).toContain("Promise<ObjectType>");
  });
});

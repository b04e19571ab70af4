/**
 * Generated validators beyond primitives: base types, `@odata.type` polymorphism, evolvable enums,
 * the `strict` option, and the Standard Schema v1 interface (at run time and for the type checker).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import { ROOT } from "../helpers.js";
import { generateInto, importGenerated } from "./generate.js";

const at = { file: "fixture.md", line: 1, column: 1 };
const prop = (name: string, type: string, extra: Partial<PropertyModel> = {}): PropertyModel => ({ name, type, collection: false, description: "", source: at, ...extra });
const type = (name: string, properties: PropertyModel[], extra: Partial<TypeModel> = {}): TypeModel => ({
  name,
  kind: "entity",
  apiVersion: "beta",
  properties,
  sources: [at],
  ...extra,
});

const model: ApiModel = {
  types: [
    type("level", [], { kind: "enum", members: ["low", "high", "unknownFutureValue", "critical"] }),
    type("attachment", [prop("id", "String", { readOnly: true }), prop("name", "String"), prop("size", "Int32")]),
    type("fileAttachment", [prop("contentBytes", "Binary"), prop("size", "Int64")], { baseType: "attachment" }),
    type("largeFileAttachment", [prop("chunks", "Int32", { nullable: false })], { baseType: "fileAttachment" }),
    type("itemAttachment", [prop("item", "Json")], { baseType: "attachment" }),
    type("message", [prop("subject", "String"), prop("level", "level"), prop("attachments", "attachment", { collection: true }), prop("main", "attachment")]),
    type("loopA", [prop("a", "String")], { baseType: "loopB" }),
    type("loopB", [prop("b", "String")], { baseType: "loopA" }),
  ],
  operations: [],
  diagnostics: [],
};

type Result = { valid: boolean; errors: { path: string; code: string; message: string }[]; warnings: { path: string; code: string }[] };
type Validator = ((value: unknown, options?: { strict?: boolean }) => Result) & StandardSchemaV1;
/**
 * The same model with nine more (absent) properties on every object type: more than TABLE_FROM,
 * so every walker is table-driven, where the model's own types are small enough for straight-line
 * walkers. Every behaviour below is checked in both styles.
 */
const padded: ApiModel = {
  ...model,
  types: model.types.map((t) => (t.kind === "enum" ? t : { ...t, properties: [...t.properties, ...Array.from({ length: 9 }, (_, i) => prop(`pad${i}`, "String"))] })),
};

let dir = "";
let paddedDir = "";
const modules: Record<string, Record<string, unknown>> = {};
let mod: Record<string, unknown> = {};

function validator(name: string): Validator {
  const fn = mod[name];
  if (typeof fn !== "function" || !("~standard" in fn)) throw new Error(`${name} is not a generated validator`);
  // Shape asserted just above; the tests below check its behaviour.
  return fn as Validator;
}
const paths = (result: Result) => result.errors.map((e) => `${e.path} ${e.code}`);

beforeAll(async () => {
  dir = await generateInto(model, "polymorphism");
  paddedDir = await generateInto(padded, "polymorphism-tables");
  modules["straight-line"] = await importGenerated(dir, "beta");
  modules["table-driven"] = await importGenerated(paddedDir, "beta");
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(paddedDir, { recursive: true, force: true });
});

describe.each(["straight-line", "table-driven"])("%s walkers", (style) => {
  beforeAll(() => {
    mod = modules[style] ?? {};
  });

  it("are the style they are named for", () => {
    const source = readFileSync(path.join(style === "straight-line" ? dir : paddedDir, "beta/validators.ts"), "utf8");
    expect(/walkObject\(value, path, problems, tableOfMessage\)/.test(source)).toBe(style === "table-driven");
  });

  describe("base types", () => {
    it("a derived type checks its inherited properties, the nearest declaration winning", () => {
      const validate = validator("validateLargeFileAttachment");
      expect(paths(validate({ id: 1, name: "n", contentBytes: "!!", chunks: null, size: 2 ** 40 }))).toEqual(["/id type", "/contentBytes format", "/chunks type"]);
      // size is Int64 in fileAttachment (it redeclares attachment's Int32): 2^40 is fine.
      expect(validate({ size: 2 ** 40 }).valid).toBe(true);
      expect(validator("validateAttachment")({ size: 2 ** 40 }).errors.map((e) => e.code)).toEqual(["range"]);
    });

    it("a base-type cycle ends the chain instead of looping", () => {
      expect(paths(validator("validateLoopA")({ a: 1, b: 2 }))).toEqual(["/a type", "/b type"]);
    });
  });

  describe("@odata.type polymorphism", () => {
    const validate = () => validator("validateMessage");

    it("validates a value as the derived type its @odata.type names, at any depth", () => {
      const result = validate()({
        main: { "@odata.type": "#microsoft.graph.fileAttachment", name: "a", contentBytes: "not base64!" },
        attachments: [
          { "@odata.type": "#microsoft.graph.itemAttachment", item: { any: 1 }, size: "big" },
          { "@odata.type": "#microsoft.graph.largeFileAttachment", chunks: null },
          { name: "plain", contentBytes: "aGk=" },
        ],
      });
      expect(paths(result)).toEqual(["/main/contentBytes format", "/attachments/0/size type", "/attachments/1/chunks type"]);
      // Without an annotation the base type is used: contentBytes is not one of its properties.
      expect(result.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(["/attachments/2/contentBytes unknown-property"]);
    });

    it("accepts its own type name and reports unrelated or malformed annotations", () => {
      expect(validator("validateAttachment")({ "@odata.type": "#microsoft.graph.attachment", name: "x" }).valid).toBe(true);
      const unrelated = validator("validateFileAttachment")({ "@odata.type": "#microsoft.graph.itemAttachment", item: 1 });
      expect(unrelated.valid).toBe(true);
      expect(unrelated.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(["/@odata.type odata-type", "/item unknown-property"]);
      expect(paths(validator("validateAttachment")({ "@odata.type": 7 }))).toEqual(["/@odata.type type"]);
    });
  });

  describe("evolvable enums and strict mode", () => {
    it("accepts members after unknownFutureValue, rejects others", () => {
      const validate = validator("validateLevel");
      for (const value of ["low", "unknownFutureValue", "critical"]) expect(validate(value).valid).toBe(true);
      expect(paths(validate("medium"))).toEqual([" enum"]);
      expect(validator("validateMessage")({ level: "critical" }).valid).toBe(true);
    });

    it("strict makes unknown properties errors", () => {
      const validate = validator("validateMessage");
      expect(validate({ subject: "s", extra: 1 }).valid).toBe(true);
      const strict = validate({ subject: "s", extra: 1, main: { nested: true } }, { strict: true });
      expect(strict.valid).toBe(false);
      expect(paths(strict)).toEqual(["/extra unknown-property", "/main/nested unknown-property"]);
      expect(strict.warnings).toEqual([]);
    });
  });
});

describe("Standard Schema v1", () => {
  beforeAll(() => {
    mod = modules["straight-line"] ?? {};
  });

  /** A consumer written against the Standard Schema interface only, like form or RPC libraries. */
  async function parseWith<T extends StandardSchemaV1>(schema: T, value: unknown): Promise<StandardSchemaV1.InferOutput<T>> {
    let result = schema["~standard"].validate(value);
    if (result instanceof Promise) result = await result;
    if (result.issues) throw new Error(result.issues.map((i) => `${(i.path ?? []).map(String).join(".")}: ${i.message}`).join("; "));
    return result.value;
  }

  it("a generated validator is accepted by a Standard Schema consumer and reports issues with paths", async () => {
    const validate = validator("validateMessage");
    expect(validate["~standard"]).toMatchObject({ version: 1, vendor: "docgen" });
    await expect(parseWith(validate, { subject: "ok" })).resolves.toEqual({ subject: "ok" });
    const result = await validate["~standard"].validate({ attachments: [{ name: 1 }], odd: 1 });
    expect(result.issues?.map((i) => i.path)).toEqual([["attachments", 0, "name"]]);
    await expect(parseWith(validate, { subject: 1 })).rejects.toThrow("subject: /subject: expected a string");
  });

  it("type-checks against @standard-schema/spec with the generated interface as output (and interfaces extend their base)", () => {
    const file = path.join(dir, "standard-check.ts");
    writeFileSync(
      file,
      `import type { StandardSchemaV1 } from "@standard-schema/spec";
import { validateMessage, type Attachment, type LargeFileAttachment, type Message } from "./beta/index.js";
function accepts<T>(schema: StandardSchemaV1<unknown, T>): StandardSchemaV1<unknown, T> { return schema; }
const schema: StandardSchemaV1<unknown, Message> = accepts(validateMessage);
const output: StandardSchemaV1.InferOutput<typeof validateMessage> = { subject: "s" };
// @ts-expect-error subject is a string
const wrong: StandardSchemaV1.InferOutput<typeof validateMessage> = { subject: 1 };
// Interfaces extend their base types: inherited properties exist, and a derived value is a base value.
const large: LargeFileAttachment = { name: "n", contentBytes: "aGk=", chunks: 1, size: 2 ** 40 };
const base: Attachment = large;
// @ts-expect-error chunks is not nullable
const notNull: LargeFileAttachment = { chunks: null };
export { schema, output, wrong, base, notNull };
`,
    );
    const tsc = path.join(ROOT, "node_modules/.bin/tsc");
    const args = ["--ignoreConfig", "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", file];
    const run = spawnSync(tsc, args, { cwd: dir, encoding: "utf8" });
    expect(`exit ${run.status}\n${run.stdout}${run.stderr}`).toBe("exit 0\n");
  });
});

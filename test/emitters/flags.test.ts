/**
 * Flags enums (a value is one member or several joined by commas): the generated types accept the
 * joined form only for them, the validators (both walker styles) and the JSON Schema give the same
 * verdicts, and a plain enum still takes one member only.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE_FROM } from "../../src/emitters/validators.js";
import { membersSchema } from "../../src/exporters/schema.js";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import { ROOT, STRICT_TSC } from "../helpers.js";
import { generateInto, importGenerated } from "./generate.js";

const at = { file: "fixture.md", line: 1, column: 1 };
const prop = (name: string, type: string, extra: Partial<PropertyModel> = {}): PropertyModel => ({ name, type, collection: false, description: "", source: at, ...extra });
const ARCH = ["none", "x86", "x64", "arm"];
const CHANGE = ["created", "updated", "deleted"];

const flagProperties: PropertyModel[] = [
  prop("arch", "architecture"),
  prop("archs", "architecture", { collection: true }),
  prop("changeType", "String", { enumValues: CHANGE, flags: true }),
  prop("color", "color"),
  prop("state", "String", { enumValues: ["on", "off"] }),
];
// Padding past TABLE_FROM makes `device`'s walker table-driven; `small` has the same properties and a straight-line walker.
const padding = Array.from({ length: TABLE_FROM }, (_, i) => prop(`pad${i}`, "String"));
const enumType = (name: string, members: string[], flags: boolean): TypeModel => ({ name, kind: "enum", apiVersion: "beta", properties: [], members, sources: [at], ...(flags ? { flags: true } : {}) });
const model: ApiModel = {
  types: [
    enumType("architecture", ARCH, true),
    enumType("color", ["red", "green"], false),
    { name: "device", kind: "complex", apiVersion: "beta", properties: [...flagProperties, ...padding], sources: [at] },
    { name: "small", kind: "complex", apiVersion: "beta", properties: flagProperties, sources: [at] },
  ],
  operations: [],
  diagnostics: [],
};

type Validator = (value: unknown) => { valid: boolean; errors: { path: string; code: string }[] };
let dir = "";
let walkers: Record<string, Validator> = {};

beforeAll(async () => {
  dir = await generateInto(model, "flags");
  const mod = await importGenerated(dir, "beta");
  for (const name of ["validateDevice", "validateSmall", "validateArchitecture", "validateColor"]) {
    const fn = mod[name];
    if (typeof fn !== "function") throw new Error(`${name} not exported`);
    walkers[name] = (value) => fn(value);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The values a flags enum of ARCH accepts, and those it rejects. */
const ACCEPTED = ["x86", "none", "x86,x64", "x64,x86,arm", "x86, x64", " x86 ,x64"];
const REJECTED = ["", "X86", "x86,", ",x86", "x86,,x64", "x86,bogus", "x86;x64", " x86", "x86 "];

describe("flags enums", () => {
  it("a named flags enum's validator takes one member or several joined by commas", () => {
    for (const value of ACCEPTED) expect(walkers["validateArchitecture"]?.(value).valid, value).toBe(true);
    for (const value of REJECTED) expect(walkers["validateArchitecture"]?.(value).valid, value).toBe(false);
  });

  it("a plain enum still takes one member only", () => {
    expect(walkers["validateColor"]?.("red").valid).toBe(true);
    expect(walkers["validateColor"]?.("red,green").valid).toBe(false);
  });

  for (const walker of ["validateDevice", "validateSmall"]) {
    it(`${walker === "validateDevice" ? "table-driven" : "straight-line"} walkers check flags properties, inline and named, one by one`, () => {
      const check = (value: Record<string, unknown>): string[] => (walkers[walker]?.(value).errors ?? []).map((e) => `${e.path} ${e.code}`);
      expect(check({ arch: "x86,arm", archs: ["x64", "x86,x64"], changeType: "created,deleted", color: "green", state: "on" })).toEqual([]);
      expect(check({ arch: "x86,ppc", archs: ["x86", "x64,"], changeType: "created,moved", color: "red,green", state: "on,off" })).toEqual([
        "/arch enum",
        "/archs/1 enum",
        "/changeType enum",
        "/color enum",
        "/state enum",
      ]);
    });
  }

  it("the JSON Schema of a flags enum gives the validators' verdicts (ajv)", () => {
    const ajv = new Ajv2020({ strict: true });
    const schema = ajv.compile(membersSchema(ARCH, true));
    for (const value of ACCEPTED) expect(schema(value), value).toBe(true);
    for (const value of REJECTED) expect(schema(value), value).toBe(false);
    // Members are matched literally, regex characters included.
    const odd = ajv.compile(membersSchema(["a.b", "c+", "(d)", "e/f"], true));
    expect([odd("a.b,c+"), odd("(d), e/f"), odd("axb"), odd("cc")]).toEqual([true, true, false, false]);
    expect(membersSchema(ARCH, false)).toEqual({ type: "string", enum: ARCH });
  });

  it("the generated types take the joined form for flags enums only (tsc --strict)", () => {
    const consumer = path.join(dir, "consumer.ts");
    writeFileSync(
      consumer,
      `import type { Architecture, Color, Device } from "./beta/index.js";
export const one: Architecture = "x86";
export const two: Architecture = "x86,x64";
export const device: Device = { arch: "arm,x64", archs: ["x86", "x86,arm"], changeType: "created,updated" };
// @ts-expect-error the first member must be a member
export const bad: Architecture = "ppc,x86";
// @ts-expect-error a plain enum takes one member
export const color: Color = "red,green";
// @ts-expect-error an inline plain enum takes one value
export const state: Device = { state: "on,off" };
`,
    );
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT_TSC, "--module", "nodenext", "--moduleResolution", "nodenext", consumer], { cwd: ROOT, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});

/** Interfaces extend their documented base types; conflicting redeclarations and loops still compile. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import { ROOT } from "../helpers.js";
import { generateInto } from "./generate.js";

const source = { file: "t.md", line: 1, column: 1 };
const prop = (name: string, type: string): PropertyModel => ({ name, type, collection: false, description: "", source });
const type = (name: string, properties: PropertyModel[], baseType?: string, kind: TypeModel["kind"] = "complex"): TypeModel => ({
  name,
  kind,
  apiVersion: "beta",
  properties,
  sources: [source],
  ...(baseType ? { baseType } : {}),
  ...(kind === "enum" ? { members: ["a", "b"] } : {}),
});

const model: ApiModel = {
  types: [
    type("entity", [prop("id", "String")], undefined, "entity"),
    type("directoryObject", [prop("id", "String"), prop("deletedDateTime", "DateTimeOffset")], "entity", "entity"),
    type("user", [prop("displayName", "String"), prop("deletedDateTime", "Int32"), prop("id", "String")], "directoryObject", "entity"),
    type("loopA", [prop("a", "String")], "loopB"),
    type("loopB", [prop("b", "String")], "loopA"),
    type("orphan", [prop("c", "String")], "undocumentedBase"),
    type("color", [], undefined, "enum"),
    type("painted", [prop("d", "String")], "color"),
    type("annotated", [prop("@odata.type", "String")], "entity"),
  ],
  operations: [],
  diagnostics: [],
};

describe("interfaces extend base types", () => {
  let dir = "";
  let text = "";
  beforeAll(async () => {
    dir = await generateInto(model, "inheritance");
    text = readFileSync(path.join(dir, "beta/interfaces.ts"), "utf8");
  });

  const heading = (name: string) => new RegExp(`export interface ${name}\\b[^{]*\\{`).exec(text)?.[0];

  it("extends the base; a redeclared property with another type is omitted from the base", () => {
    expect([heading("Entity"), heading("DirectoryObject"), heading("User")]).toEqual([
      "export interface Entity {",
      "export interface DirectoryObject extends Entity {",
      'export interface User extends Omit<DirectoryObject, "deletedDateTime"> {',
    ]);
  });

  it("omits the base's @odata.type when a type documents it as nullable", () => {
    expect(heading("Annotated")).toBe('export interface Annotated extends Omit<Entity, "@odata.type"> {');
  });

  it("does not extend through a loop, an undocumented base or an enum", () => {
    expect([heading("LoopA"), heading("LoopB"), heading("Orphan"), heading("Painted")]).toEqual([
      "export interface LoopA {",
      "export interface LoopB {",
      "export interface Orphan {",
      "export interface Painted {",
    ]);
  });

  it("compiles with tsc --strict", () => {
    const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), ["--ignoreConfig", "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "beta/index.ts"], { cwd: dir, encoding: "utf8" });
    expect(`exit ${run.status}\n${run.stdout}${run.stderr}`).toBe("exit 0\n");
  });
});

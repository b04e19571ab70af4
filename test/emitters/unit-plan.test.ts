/**
 * Planning with a plan memo (unit-plan.ts) gives what planning afresh gives: the same chunks (ids)
 * with the same statements, after every kind of edit of a model, while emitting again only the
 * units an edit reaches; a memo that does not match what a unit plans now is caught when its
 * statements are made.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planFile, type PlannedChunk, type VersionSlice } from "../../src/emitters/emit-file.js";
import { StaleMemoError, type PlanMemo } from "../../src/emitters/unit-plan.js";
import { buildModel } from "../../src/model/merge.js";
import type { ApiModel, OperationModel, TypeModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { hasFiles, ROOT } from "../helpers.js";

const FILES = ["interfaces.ts", "validators.ts", "requests.ts"] as const;

interface Plan {
  chunks: PlannedChunk[];
  memo: PlanMemo | null;
  emitted: number;
}

function sliceOf(model: ApiModel, apiVersion: VersionSlice["apiVersion"]): VersionSlice {
  return { apiVersion, types: model.types.filter((t) => t.apiVersion === apiVersion), operations: model.operations.filter((o) => o.apiVersion === apiVersion) };
}

function plan(slice: VersionSlice, name: string, memo: PlanMemo | null = null): Plan {
  const planned = planFile(slice, name, {}, memo);
  return { chunks: planned.chunks, memo: planned.memo, emitted: planned.emitted ?? -1 };
}

/** What a plan renders from: each chunk's id, context and statements. */
function contents(chunks: readonly PlannedChunk[]): unknown {
  return chunks.map((chunk) => ({ id: chunk.id, context: chunk.context, statements: chunk.statements }));
}

const source = { file: "t.md", line: 1, column: 1 };
const property = (name: string, type = "String", extra: Partial<TypeModel["properties"][number]> = {}) => ({ name, type, collection: false, description: `The ${name}.`, source, ...extra });

/** Three object types (one derived), an enum, and operations reading them. */
function smallModel(): ApiModel {
  const types: TypeModel[] = [
    { name: "widget", kind: "entity", apiVersion: "beta", properties: [property("id"), property("size", "Int32"), property("shape", "shape")], sources: [source] },
    { name: "specialWidget", kind: "entity", apiVersion: "beta", baseType: "widget", properties: [property("glow", "Boolean")], sources: [source] },
    { name: "shape", kind: "complex", apiVersion: "beta", properties: [property("sides", "Int32"), property("color", "color")], sources: [source] },
    { name: "color", kind: "enum", apiVersion: "beta", properties: [], members: ["red", "blue"], sources: [source] },
  ];
  const op = (id: string, method: string, paths: string[], extra: Partial<OperationModel> = {}): OperationModel => ({
    id, title: id, method, paths, apiVersion: "beta", successStatus: 200, sources: [source], examples: [], description: "", ...extra,
  }) as OperationModel;
  const operations = [
    op("getWidget", "GET", ["/widgets/{id}"], { responseType: "widget" }),
    op("listWidgets", "GET", ["/widgets"], { responseType: "widget", responseCollection: true, countable: true }),
    op("updateWidget", "PATCH", ["/widgets/{id}"], { requestType: "widget", successStatus: 204 }),
    op("getShape", "GET", ["/widgets/{id}/shape"], { responseType: "shape" }),
  ];
  return { types, operations, diagnostics: [] };
}

describe("plan memo on a small model", () => {
  it("plans from the memo what planning afresh plans, emitting only the units an edit reaches", () => {
    const model = smallModel();
    const memos = new Map(FILES.map((name) => [name, plan(sliceOf(model, "beta"), name).memo]));
    const edits: ReadonlyArray<readonly [string, (m: ApiModel) => void, Record<string, number>]> = [
      ["nothing", () => undefined, { "interfaces.ts": 0, "validators.ts": 0, "requests.ts": 0 }],
      // The base type: its interface, and the derived one (which omits what it redeclares otherwise).
      ["a base type's property retyped", (m) => { const size = m.types[0]?.properties[1]; if (size) size.type = "String"; }, { "interfaces.ts": 2, "validators.ts": 2, "requests.ts": 3 }],
      ["a derived type redeclaring a base property", (m) => m.types[1]?.properties.push(property("size", "Boolean")), { "interfaces.ts": 1, "validators.ts": 1, "requests.ts": 0 }],
      // Shape's interface, and those of the types that read it (a property's type): the digest of what
      // a unit reads is of all of it.
      ["a type's description", (m) => { const shape = m.types[2]; if (shape) shape.description = "Edited."; }, { "interfaces.ts": 3, "validators.ts": 3, "requests.ts": 1 }],
      ["a read-only property (the update body)", (m) => { const size = m.types[0]?.properties[1]; if (size) size.readOnly = true; }, { "interfaces.ts": 2, "validators.ts": 2, "requests.ts": 3 }],
      ["an operation's response type", (m) => { const get = m.operations[3]; if (get) get.responseType = "widget"; }, { "interfaces.ts": 0, "validators.ts": 0, "requests.ts": 1 }],
      ["an operation's route", (m) => m.operations[0]?.paths.push("/me/widget"), { "interfaces.ts": 0, "validators.ts": 0, "requests.ts": 1 }],
      ["an enum's members", (m) => m.types[3]?.members?.push("green"), { "interfaces.ts": 1, "validators.ts": 2, "requests.ts": 0 }],
      ["a type renamed (the skeleton)", (m) => { const shape = m.types[2]; if (shape) shape.name = "form"; }, { "interfaces.ts": 3, "validators.ts": 4, "requests.ts": 4 }],
    ];
    for (const [label, edit, emitted] of edits) {
      const edited = structuredClone(model);
      edit(edited);
      for (const name of FILES) {
        const fresh = plan(sliceOf(structuredClone(edited), "beta"), name);
        const memoised = plan(sliceOf(edited, "beta"), name, memos.get(name) ?? null);
        expect(contents(memoised.chunks), `${label}: ${name}`).toEqual(contents(fresh.chunks));
        expect(memoised.emitted, `${label}: ${name} units emitted`).toBe(emitted[name]);
      }
    }
  });

  it("keeps units whose keys are names of Object's prototype", () => {
    const model = smallModel();
    for (const name of ["constructor", "__proto__", "toString"]) model.types.push({ name, kind: "complex", apiVersion: "beta", properties: [property("label")], sources: [source] });
    for (const name of FILES) {
      const first = plan(sliceOf(model, "beta"), name);
      // As the CLI keeps it: JSON.
      const stored: PlanMemo = JSON.parse(JSON.stringify(first.memo));
      expect(Object.keys(stored.units)).toEqual(expect.arrayContaining(name === "requests.ts" ? [] : ["constructor", "__proto__", "tostring"]));
      const again = plan(sliceOf(model, "beta"), name, stored);
      expect(again.emitted, name).toBe(0);
      expect(contents(again.chunks)).toEqual(contents(first.chunks));
    }
  });

  it("catches a memo that does not match what a unit plans now when its statements are made", () => {
    const model = smallModel();
    const memo = plan(sliceOf(model, "beta"), "interfaces.ts").memo;
    if (memo === null) throw new Error("no memo");
    const unit = memo.units["widget"];
    if (unit === undefined) throw new Error("no unit");
    const [size] = unit.statements[0]?.[0] ?? [0];
    unit.statements[0] = [[size, Buffer.alloc(32, 7).toString("base64")]];
    const memoised = plan(sliceOf(model, "beta"), "interfaces.ts", memo);
    expect(memoised.emitted).toBe(0);
    expect(() => memoised.chunks.map((chunk) => chunk.statements)).toThrow(StaleMemoError);
  });

  it("takes the head and tail from the memo while every unit reports what it did, and checks them when made", () => {
    const model = smallModel();
    for (const name of FILES) {
      const memo = plan(sliceOf(model, "beta"), name).memo;
      if (memo?.assembled === undefined) throw new Error(`no head and tail kept for ${name}`);
      const [size] = memo.assembled.head[0] ?? [0];
      memo.assembled.head[0] = [size, Buffer.alloc(32, 7).toString("base64")];
      const served = plan(sliceOf(model, "beta"), name, memo);
      if (name === "interfaces.ts") {
        // Its tail (body types) reads the model: assembled every time, the memo's ignored.
        expect(contents(served.chunks)).toEqual(contents(plan(sliceOf(model, "beta"), name).chunks));
        continue;
      }
      // The units report what they did: the (tampered) head is served, and caught when its chunk's statements are made.
      expect(served.chunks[0]?.id, name).not.toBe(plan(sliceOf(model, "beta"), name).chunks[0]?.id);
      expect(() => served.chunks.map((chunk) => chunk.statements), name).toThrow(StaleMemoError);
    }
    // An operation that now reads another type reports another import: the head is assembled afresh.
    const memo = plan(sliceOf(model, "beta"), "requests.ts").memo;
    if (memo?.assembled === undefined) throw new Error("no head and tail kept");
    memo.assembled.head = memo.assembled.head.map(([size]) => [size, Buffer.alloc(32, 7).toString("base64")]);
    const edited = structuredClone(model);
    const update = edited.operations[2];
    if (update) update.requestType = "shape";
    const memoised = plan(sliceOf(edited, "beta"), "requests.ts", memo);
    expect(contents(memoised.chunks)).toEqual(contents(plan(sliceOf(edited, "beta"), "requests.ts").chunks));
  });
});

const CORPUS = path.resolve(ROOT, "../shared/corpus/graph-docs-2021/beta");
// Families with derived types, request bodies, casts and many operations on the same types.
const FAMILIES = /^(accesspackage|group|user|directoryobject|team|channel|chat|intune-apps|intune-devices)/;

describe.skipIf(!hasFiles(CORPUS))("plan memo on corpus pages", () => {
  let model: ApiModel;
  beforeAll(() => {
    const pages = ["api", "resources"].flatMap((folder) =>
      readdirSync(path.join(CORPUS, folder))
        .filter((name) => FAMILIES.test(name))
        .sort()
        .map((name) => parseDocument(`${folder}/${name}`, readFileSync(path.join(CORPUS, folder, name), "utf8"))),
    );
    const built = buildModel(pages);
    // No emitter reads examples: left out, the model is cloned for each edit much faster.
    model = { ...built, operations: built.operations.map((op) => ({ ...op, examples: [] })) };
  }, 120_000);

  it("plans from the memo what planning afresh plans after each kind of edit of types and operations", () => {
    // The version with the most types (pages that show no version are merged apart).
    const counts = new Map<VersionSlice["apiVersion"], number>();
    for (const type of model.types) counts.set(type.apiVersion, (counts.get(type.apiVersion) ?? 0) + 1);
    const apiVersion = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const slice = sliceOf(model, apiVersion);
    expect(slice.types.length).toBeGreaterThan(300);
    expect(slice.operations.length).toBeGreaterThan(600);
    const memos = new Map(FILES.map((name) => [name, plan(slice, name).memo]));
    const names = slice.types.map((t) => t.name);
    const typeEdits: ReadonlyArray<readonly [string, (type: TypeModel, i: number) => void]> = [
      ["property added", (type) => type.properties.push(property("unitPlanAdded"))],
      ["property typed with another type", (type, i) => { const first = type.properties[0]; if (first) first.type = names[(i * 7) % names.length] ?? "String"; }],
      // Derived types that restate a property of their base now redeclare it otherwise (`Omit<Base, …>`).
      ["every property retyped", (type) => { for (const p of type.properties) p.type = p.type === "Boolean" ? "Int32" : "Boolean"; }],
      ["read-only flipped", (type) => { const first = type.properties[0]; if (first?.readOnly === true) delete first.readOnly; else if (first) first.readOnly = true; }],
      ["property removed", (type) => type.properties.shift()],
      ["description", (type) => { type.description = `${type.description ?? ""} Edited.`; }],
    ];
    const opEdits: ReadonlyArray<readonly [string, (op: OperationModel, i: number) => void]> = [
      ["response type swapped", (op, i) => { op.responseType = names[(i * 11) % names.length]; }],
      ["request type swapped", (op, i) => { op.requestType = names[(i * 13) % names.length]; }],
      ["route added", (op) => op.paths.push(`${op.paths[0] ?? ""}/unitPlan/{extraId}`)],
      ["countable flipped", (op) => { if (op.countable === true) delete op.countable; else op.countable = true; }],
      ["title and description", (op) => { op.description = `${op.description ?? ""} Edited.`; }],
    ];
    let emitted = 0;
    let units = 0;
    const check = (label: string, edited: ApiModel): void => {
      for (const name of FILES) {
        // Two slices, two contexts: the memo's plan computes its digests anew.
        const fresh = plan(sliceOf(edited, apiVersion), name);
        const memoised = plan(sliceOf(edited, apiVersion), name, memos.get(name) ?? null);
        // A chunk's id is a digest of its statements' digests: a unit served by the memo whose
        // statements are not what it plans now gives another id (its statements are then made and
        // checked only if the chunk is rendered; the small model's test makes them).
        expect(memoised.chunks.map((chunk) => chunk.id), `${label}: ${name}`).toEqual(fresh.chunks.map((chunk) => chunk.id));
        emitted += memoised.emitted;
        units += fresh.emitted;
      }
    };
    // Every 45th type and operation, each edited in each way.
    // Base types (what derived types read) among them: the first ten named by another type.
    const bases = new Set(slice.types.flatMap((type) => (type.baseType !== undefined ? [type.baseType.toLowerCase()] : [])));
    const sampledBases = new Set(slice.types.filter((type) => bases.has(type.name.toLowerCase())).slice(0, 10));
    expect(sampledBases.size).toBe(10);
    /** Each sampled item of the version (found again in a copy of the model by `find`) edited in each way. */
    const editEach = <T extends TypeModel | OperationModel>(items: readonly T[], sampled: (item: T, i: number) => boolean, edits: ReadonlyArray<readonly [string, (item: T, i: number) => void]>, find: (copy: ApiModel, item: T) => T | undefined): void => {
      items.forEach((item, i) => {
        if (!sampled(item, i)) return;
        for (const [label, edit] of edits) {
          const edited = structuredClone(model);
          const target = find(edited, item);
          if (target === undefined) continue;
          edit(target, i);
          check(`${"id" in item ? item.id : item.name}: ${label}`, edited);
        }
      });
    };
    editEach(slice.types, (type, i) => i % 45 === 0 || sampledBases.has(type), typeEdits, (copy, type) => copy.types.find((t) => t.apiVersion === apiVersion && t.name === type.name));
    editEach(slice.operations, (_, i) => i % 45 === 0, opEdits, (copy, op) => copy.operations.find((o) => o.apiVersion === apiVersion && o.id === op.id));
    // The memo serves most units: an edit reaches a few of them.
    expect(units).toBeGreaterThan(0);
    expect(emitted / units).toBeLessThan(0.05);
  }, 300_000);
});

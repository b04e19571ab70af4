/** Chunked emission joins to exactly what formatting the whole file at once gives. */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { CHUNK_MAX, CHUNK_MAX_SIZE, CHUNK_MIN_SIZE, EMITTERS, joinChunks, leadingUint32, planChunks, statementSize, type Chunk } from "../../src/emitters/emit-file.js";
import { renderChunk } from "../../src/emitters/render.js";
import type { TypeModel } from "../../src/model/types.js";
import { seedModel } from "../helpers.js";

describe("chunked emission", () => {
  const model = seedModel();
  const apiVersion = model.types[0]?.apiVersion ?? null;
  const slice = { apiVersion, types: model.types.filter((t) => t.apiVersion === apiVersion), operations: model.operations.filter((o) => o.apiVersion === apiVersion) };

  for (const [name] of EMITTERS) {
    it(`${name}: one statement per chunk gives the same text as one chunk`, async () => {
      const [whole, ...rest] = planChunks(slice, name);
      expect(rest).toEqual([]);
      if (whole === undefined) throw new Error("no chunk planned");
      const single: Chunk[] = whole.statements.map((statement, i) => ({ context: i === 0 ? null : (whole.statements[i - 1] ?? null), statements: [statement] }));
      const joined = joinChunks(await Promise.all(single.map(renderChunk)));
      expect(joined).toBe(await renderChunk(whole));
    });
  }
});

describe("chunk boundaries", () => {
  it("read a digest's first four bytes from its base64 as decoding it would", () => {
    for (let i = 0; i < 2000; i++) {
      const digest = createHash("sha256").update(String(i)).digest();
      expect(leadingUint32(digest.toString("base64"))).toBe(digest.readUInt32BE(0));
    }
    expect(leadingUint32("/////////////////////////////////////////8=")).toBe(0xffffffff);
    expect(leadingUint32("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")).toBe(0);
  });

  const source = { file: "t.md", line: 1, column: 1 };
  const type = (name: string): TypeModel => ({
    name,
    kind: "complex",
    apiVersion: null,
    properties: [{ name: "label", type: "String", collection: false, description: `The label of ${name}.`, source }],
    sources: [source],
  });
  const names = Array.from({ length: 1000 }, (_, i) => `thing${String(i).padStart(4, "0")}`);
  const plan = (list: string[]) => planChunks({ apiVersion: null, types: list.map(type), operations: [] }, "interfaces.ts");

  it("cuts by content: sizes stay within bounds, and an inserted type changes only the chunks around it", () => {
    const before = plan(names);
    expect(before.length).toBeGreaterThan(3);
    for (const chunk of before.slice(0, -1)) {
      const sizes = chunk.statements.map(statementSize);
      const size = sizes.reduce((a, b) => a + b, 0);
      expect(size >= CHUNK_MIN_SIZE || chunk.statements.length === CHUNK_MAX).toBe(true);
      // Ended once it reached the largest size, at the latest.
      expect(size - (sizes.at(-1) ?? 0)).toBeLessThan(CHUNK_MAX_SIZE);
      expect(chunk.statements.length).toBeLessThanOrEqual(CHUNK_MAX);
    }
    expect(before.flatMap((c) => c.statements)).toEqual(planChunks({ apiVersion: null, types: names.map(type), operations: [] }, "interfaces.ts").flatMap((c) => c.statements));
    const after = plan([...names.slice(0, 500), "thing0499b", ...names.slice(500)]);
    const known = new Set(before.map((c) => c.id));
    const changed = after.filter((c) => !known.has(c.id));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(2);
  });

  it("cuts by size, not count: large statements make chunks of fewer statements, none far above the largest size", () => {
    const long = (name: string): TypeModel => ({ ...type(name), description: `${name}: ${"a long description. ".repeat(250)}` });
    const chunks = planChunks({ apiVersion: null, types: names.slice(0, 200).map(long), operations: [] }, "interfaces.ts");
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      const sizes = chunk.statements.map(statementSize);
      expect(sizes.reduce((a, b) => a + b, 0) - (sizes.at(-1) ?? 0)).toBeLessThan(CHUNK_MAX_SIZE);
    }
  });
});

/** Chunked emission joins to exactly what formatting the whole file at once gives. */
import { describe, expect, it } from "vitest";
import { EMITTERS, joinChunks, planChunks, renderChunk, type Chunk } from "../../src/emitters/emit-file.js";
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

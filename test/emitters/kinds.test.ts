/** The emitters' structure kinds (kinds.ts, plain constants so that planning does not load ts-morph) are ts-morph's. */
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { CONST_DECLARATION, Kind } from "../../src/emitters/kinds.js";

describe("structure kinds", () => {
  it("equal ts-morph's enum values", () => {
    for (const [name, value] of Object.entries(Kind)) expect(value, name).toBe(Object.getOwnPropertyDescriptor(StructureKind, name)?.value);
    expect(CONST_DECLARATION).toBe(VariableDeclarationKind.Const);
  });
});

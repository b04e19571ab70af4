/**
 * What every emitter receives: one API version's slice of the model, the TypeScript names of its
 * types, and the shared code-building helpers (type expressions, doc comments).
 */
import type { StatementStructures } from "ts-morph";
import type { ApiVersion, OperationModel, TypeModel } from "../model/types.js";
import { TypeNames, versionFolder, type NamingOptions } from "./naming.js";

export interface VersionModel {
  apiVersion: ApiVersion | null;
  folder: string;
  types: TypeModel[];
  operations: OperationModel[];
}

/** Choices the user makes in docgen.config.json that change the generated code. */
export interface EmitOptions {
  /** "union" (default): a literal union and a values array per enum; "union-and-const": also a const object keyed by member. */
  enumStyle?: "union" | "union-and-const";
  /**
   * "string" (default): `DateTimeOffset` and `Date` values are ISO strings, as on the wire.
   * "Date": they are `Date` objects in interfaces and bodies; the request functions convert bodies
   * to the wire format and revive responses (`dates.ts`, see docs/types.md "Dates as Date").
   */
  dates?: "string" | "Date";
  /** How documented types and operations are named (naming.ts; README "Generated names"). */
  naming?: NamingOptions;
}

export interface EmitContext {
  version: VersionModel;
  options: EmitOptions;
  names: TypeNames;
  /** The model type of this version with that name (case-insensitive), if any. */
  typeByName(name: string): TypeModel | undefined;
  /** Whether a TypeScript name of this version is an enum type's (a set: emitters ask once per reference). */
  isEnum(tsName: string): boolean;
  /**
   * Runs `emit` and gives, with its result, the (lower-case) names of the types it looked up by
   * `typeByName`: what it read of the model besides what it was given (see unit-plan.ts).
   */
  reading<T>(emit: () => T): { value: T; reads: string[] };
  /** Runs `compute` without recording its look-ups: for what depends only on the version's names, kinds and base types. */
  untracked<T>(compute: () => T): T;
}

/**
 * One emitter per construct; all share this signature. An emitter returns the file's statements
 * (imports first) as ts-morph structures or code; the composer inserts them in one step, so a file
 * is printed and parsed once however many declarations it has.
 */
export type Statement = string | StatementStructures;
export type Emitter = (ctx: EmitContext) => Statement[];

export function createContext(apiVersion: ApiVersion | null, types: TypeModel[], operations: OperationModel[], options: EmitOptions = {}): EmitContext {
  const names = new TypeNames(options.naming);
  const byName = new Map<string, TypeModel>();
  const enums = new Set<string>();
  for (const type of types) {
    const name = names.assign(type.name);
    byName.set(type.name.toLowerCase(), type);
    if (type.kind === "enum") enums.add(name);
  }
  let reads: Set<string> | null = null;
  return {
    version: { apiVersion, folder: versionFolder(apiVersion), types, operations },
    options,
    names,
    typeByName: (name) => {
      const key = name.toLowerCase();
      reads?.add(key);
      return byName.get(key);
    },
    isEnum: (tsName) => enums.has(tsName),
    reading: (emit) => {
      const outer = reads;
      const recorded = new Set<string>();
      reads = recorded;
      try {
        const value = emit();
        return { value, reads: [...recorded] };
      } finally {
        reads = outer;
        for (const name of recorded) outer?.add(name);
      }
    },
    untracked: (compute) => {
      const outer = reads;
      reads = null;
      try {
        return compute();
      } finally {
        reads = outer;
      }
    },
  };
}

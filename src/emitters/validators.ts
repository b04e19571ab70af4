/**
 * Validators: per type, `validateX: Validator<X>` — callable as `validateX(value, { strict })` for a
 * `ValidationResult` reporting every problem with its JSON Pointer, and a Standard Schema v1
 * (`~standard`) — built from the `checkX(value, path, problems)` walker it (and other walkers) call.
 * A type with few properties gets straight-line code (validator-switch.ts); one with many a property
 * table walked by the runtime (validator-table.ts): same checks, problems and paths.
 * Formats: DateTimeOffset (RFC 3339), Date, TimeOfDay, Duration, Guid, Binary; integer ranges;
 * enums; collections; nested types. `null` is accepted unless the docs say "Not nullable";
 * properties the docs do not list are warnings (errors with `strict`; annotations such as
 * `@odata.type` are not reported). A type walks its base types' properties too (`baseType`), and a
 * value whose `@odata.type` names a derived type is walked as that type (see docs/types.md).
 */
import type { TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { importOf } from "./imports.js";
import { dateKey } from "./dates.js";
import { allProperties, derivedTypes } from "./inheritance.js";
import { checkerName, enumValuesName, validatorName } from "./naming.js";
import { literal, seeSource } from "./ts-code.js";
import { propertyLoop } from "./validator-switch.js";
import { enumExpected, enumSetName, importName, type ValidatorFile } from "./validator-rules.js";
import { tableWalkerBody } from "./validator-table.js";
import { emitterOf, typeUnitKey, type UnitEmitter } from "./unit-plan.js";

/**
 * Types with more properties than this are table-driven: past it, straight-line code grows by a
 * case per property and a switch on the key needs a lookup map anyway (one hash lookup per key, as
 * the table walker does).
 */
export const TABLE_FROM = 8;

/** What one type's validator needs from the file: the names it imports (reviving dates: with `dates: "Date"`). */
export interface ValidatorUnit {
  runtime: string[];
  walk: string[];
  enumArrays: string[];
  interfaceTypes: string[];
  enumTypes: string[];
  tables: boolean;
  revives: boolean;
}

/** Per type (lower-case model name), its derived object types: once per context, from the version's names and base types only. */
const derivedOf = new WeakMap<EmitContext, Map<string, TypeModel[]>>();

function derivedIn(ctx: EmitContext): Map<string, TypeModel[]> {
  let derived = derivedOf.get(ctx);
  if (!derived) derivedOf.set(ctx, (derived = ctx.untracked(() => derivedTypes(ctx))));
  return derived;
}

/**
 * Per type its validator and walker (a unit: unit-plan.ts) in three sections of the file: the
 * constants the walkers and tables read, the property tables, the validators and walkers.
 */
export const validatorUnits: UnitEmitter<TypeModel, ValidatorUnit> = {
  sections: 3,
  units: (ctx) => ctx.version.types,
  key: typeUnitKey,
  emit: (ctx, type) => {
    const state: ValidatorFile = {
      ctx,
      runtime: new Set(),
      walk: new Set(),
      enumArrays: new Set(),
      inlineSets: [],
      tables: [],
      derived: derivedIn(ctx),
      interfaceTypes: new Set(),
      enumTypes: new Set(),
      revives: false,
    };
    const body = type.kind === "enum" ? enumValidator(state, type) : objectValidator(state, type);
    const data: ValidatorUnit = {
      runtime: [...state.runtime],
      walk: [...state.walk],
      enumArrays: [...state.enumArrays],
      interfaceTypes: [...state.interfaceTypes],
      enumTypes: [...state.enumTypes],
      tables: state.tables.length > 0,
      revives: state.revives,
    };
    return { statements: [state.inlineSets, state.tables, [body]], data };
  },
  assembledFromReports: true,
  assemble: (ctx, units) => {
    // Nothing to validate (a version with operations only): no imports, which would be unused.
    if (units.length === 0) return { head: [], tail: [] };
    const all = (pick: (unit: ValidatorUnit) => readonly string[]): string[] => units.flatMap(pick);
    const head = [
      ...importOf("./runtime/validation.js", ["Problems", "Validator", ...(derivedIn(ctx).size > 0 ? ["Check"] : [])]),
      ...importOf("./runtime/validation.js", ["makeValidator", ...all((unit) => unit.runtime)], false),
      ...importOf("./runtime/walk.js", units.some((unit) => unit.tables) ? ["ObjectTable"] : []),
      ...importOf("./runtime/walk.js", all((unit) => unit.walk), false),
      ...importOf("./interfaces.js", all((unit) => unit.interfaceTypes)),
      ...importOf("./enums.js", all((unit) => unit.enumTypes)),
      ...importOf("./enums.js", all((unit) => unit.enumArrays), false),
      ...importOf("./dates.js", units.some((unit) => unit.revives) ? ["reviveDates"] : [], false),
    ];
    return { head, tail: [] };
  },
};

export const emitValidators: Emitter = emitterOf(validatorUnits);

function publicValidator(state: ValidatorFile, tsName: string, type: TypeModel): string {
  (type.kind === "enum" ? state.enumTypes : state.interfaceTypes).add(tsName);
  // dates: "Date": the walker checks the wire JSON (date strings); the Standard Schema output has them revived.
  const key = type.kind === "enum" ? undefined : dateKey(state.ctx, type.name);
  if (key !== undefined) state.revives = true;
  const revive = key !== undefined ? `, (value) => reviveDates(value, ${literal(key)})` : "";
  const revived = key !== undefined ? " It checks the JSON as received (dates as strings); the Standard Schema output has its dates revived as `Date`s." : "";
  return `/**
 * Checks that \`value\` is a valid {@link ${tsName}}: \`${validatorName(tsName)}(value, { strict })\` reports every
 * problem with its JSON Pointer; \`${validatorName(tsName)}["~standard"]\` is its Standard Schema (v1).${revived}
 * ${seeSource(type.sources[0])}
 */
export const ${validatorName(tsName)}: Validator<${tsName}> = makeValidator<${tsName}>(${checkerName(tsName)}${revive});`;
}

function enumValidator(state: ValidatorFile, type: TypeModel): string {
  const tsName = state.ctx.names.get(type.name) ?? type.name;
  state.enumArrays.add(enumValuesName(tsName));
  const setName = enumSetName(tsName);
  const values = enumValuesName(tsName);
  // A flags enum's set also has the values that join several members with commas.
  state.inlineSets.push(`const ${setName}: ReadonlySet<string> = ${type.flags === true ? `${importName(state, "runtime", "flagSet")}(${values})` : `new Set<string>(${values})`};`);
  return `${publicValidator(state, tsName, type)}

/** Walker for ${tsName}: appends problems at \`path\`. */
export function ${checkerName(tsName)}(value: unknown, path: string, problems: Problems): void {
  if (!(typeof value === "string" && ${setName}.has(value))) ${importName(state, "runtime", "fail")}(problems, path, "enum", ${literal(enumExpected(tsName))}, value);
}`;
}

function objectValidator(state: ValidatorFile, type: TypeModel): string {
  const tsName = state.ctx.names.get(type.name) ?? type.name;
  const properties = allProperties(state.ctx, type).filter((property) => property.name !== "@odata.type");
  const derivedMap = derivedMapOf(state, type, tsName);
  const walker = `/** Walker for ${tsName}: appends problems at \`path\`. */
export function ${checkerName(tsName)}(value: unknown, path: string, problems: Problems): void {`;
  if (properties.length > TABLE_FROM) {
    return `${publicValidator(state, tsName, type)}

${walker}
${tableWalkerBody(state, tsName, type, properties, derivedMap)}
}`;
  }
  return `${publicValidator(state, tsName, type)}

${walker}
  if (!${importName(state, "runtime", "isRecord")}(value)) {
    ${importName(state, "runtime", "fail")}(problems, path, "type", ${literal(`a ${tsName} object`)}, value);
    return;
  }
  const annotation = value["@odata.type"];
  // The common case, an annotation naming this very type, needs no lookup.
  if (annotation !== undefined && annotation !== ${literal(`#microsoft.graph.${type.name}`)}) {
    const derived = ${importName(state, "runtime", "derivedCheck")}(value, path, problems, ${literal(type.name.toLowerCase())}, ${derivedMap});
    if (derived) {
      derived(value, path, problems);
      return;
    }
  }
${propertyLoop(state, tsName, properties)}
}`;
}

/** The name of the type's map of derived walkers by key (declared in `inlineSets`), or `undefined`. */
function derivedMapOf(state: ValidatorFile, type: TypeModel, tsName: string): string {
  const derived = state.derived.get(type.name.toLowerCase()) ?? [];
  if (derived.length === 0) return "undefined";
  const entries = derived.map((d) => `[${literal(d.name.toLowerCase())}, ${checkerName(state.ctx.names.get(d.name) ?? d.name)}]`).join(", ");
  // Walkers are function declarations (hoisted), so the map can name them before they appear.
  state.inlineSets.push(`const derivedOf${tsName}: ReadonlyMap<string, Check> = new Map<string, Check>([${entries}]);`);
  return `derivedOf${tsName}`;
}

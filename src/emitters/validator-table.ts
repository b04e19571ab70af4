/**
 * Table-driven walkers, for types with many properties: the type's properties (inherited ones
 * included) as a table of `property(name, KIND)` entries, walked by the runtime's one `walkObject`.
 * A large straight-line walker per type is much code for V8 to compile (thousands of them in a big
 * API, each called a few times); one shared walker is compiled once and is fast from the start.
 */
import type { PropertyModel, TypeModel } from "../model/types.js";
import { literal } from "./ts-code.js";
import { importName, valueRule, type ValidatorFile } from "./validator-rules.js";

/** Declares the type's table (in `state.tables`) and returns the walker's body, which walks it. */
export function tableWalkerBody(
  state: ValidatorFile,
  tsName: string,
  type: TypeModel,
  properties: readonly PropertyModel[],
  derivedMap: string,
): string {
  const tableName = `tableOf${tsName}`;
  const entries = properties.map((property) => `  ${tableEntry(state, tsName, property)},`).join("\n");
  const objectTable = importName(state, "walk", "objectTable");
  state.tables.push(`const ${tableName}: ObjectTable = ${objectTable}(${literal(`a ${tsName} object`)}, ${literal(`#microsoft.graph.${type.name}`)}, ${literal(type.name.toLowerCase())}, ${derivedMap}, [
${entries}
]);`);
  return `  ${importName(state, "walk", "walkObject")}(value, path, problems, ${tableName});`;
}

function tableEntry(state: ValidatorFile, tsName: string, property: PropertyModel): string {
  const flags = [property.nullable === false ? "NOT_NULLABLE" : "", property.collection ? "COLLECTION" : ""].filter((flag) => flag !== "");
  for (const flag of flags) importName(state, "walk", flag);
  const flagArgument = flags.length > 0 ? `, ${flags.join(" | ")}` : "";
  const name = literal(property.name);
  const rule = valueRule(state, tsName, property);
  switch (rule.form) {
    case "object":
      return `${importName(state, "walk", "objectProperty")}(${name}, ${rule.checker}${flagArgument})`;
    case "enum":
      return `${importName(state, "walk", "enumProperty")}(${name}, ${rule.set}, ${literal(rule.expected)}${flagArgument})`;
    case "primitive":
      return `${importName(state, "walk", "property")}(${name}, ${importName(state, "walk", rule.kind)}${flagArgument})`;
  }
}

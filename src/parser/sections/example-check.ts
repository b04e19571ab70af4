/**
 * Checks an example body against the page's own property table: every property it sets must be in
 * the table, enum-valued properties must use a listed value (or several joined by commas, when the
 * values combine), primitives must have the right JSON
 * type and format. Each problem points at the offending value.
 */
import { isEnumValue } from "../../model/flags.js";
import type { PropertyModel } from "../../model/types.js";
import type { PageContext } from "../context.js";
import { escapePointer } from "../../model/json-pointer.js";
import type { PositionedJson } from "../json.js";
import { primitiveProblem } from "../../model/primitive-check.js";

export function checkExampleBody(body: PositionedJson, properties: readonly PropertyModel[], ctx: PageContext, typeName: string): void {
  const value = body.value;
  if (typeof value !== "object" || value === null || Array.isArray(value) || properties.length === 0) return;
  const byName = new Map(properties.map((property) => [property.name, property]));
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith("@")) continue;
    const pointer = `/${escapePointer(key)}`;
    const pos = body.positions.get(pointer) ?? { line: 1, column: 1 };
    const property = byName.get(key);
    if (!property) {
      ctx.report("example-property-undocumented", pos, `The example sets "${key}", which the ${typeName} property table does not list; add it to the table or remove it from the example.`);
      continue;
    }
    const items = property.collection && Array.isArray(item) ? item : [item];
    if (property.collection && !Array.isArray(item) && item !== null) {
      ctx.report("example-value-mismatch", pos, `"${key}" is a collection in the table, but the example gives a single value.`);
      continue;
    }
    items.forEach((element) => {
      if (element === null) return;
      if (property.enumValues && typeof element === "string" && !isEnumValue(new Set(property.enumValues), element, property.flags === true)) {
        ctx.report(
          "example-value-mismatch",
          pos,
          `"${key}" is "${element}" in the example, which is not ${property.flags ? "one or more (comma-separated) of" : "one of"} its possible values: ${property.enumValues.join(", ")}.`,
        );
        return;
      }
      const problem = primitiveProblem(property.type, element);
      if (problem) ctx.report("example-value-mismatch", pos, `"${key}" is ${JSON.stringify(element)} in the example, but the table types it ${property.type}: ${problem}.`);
    });
  }
}

/**
 * Straight-line walkers, for types with few properties: a `switch` on each own key, and per
 * property an inline test of the valid form; only when it fails, one call that reports the problem
 * (the path string is built only then, or per nested object), with what was expected fixed here.
 */
import type { PropertyModel } from "../model/types.js";
import { escapePointer } from "../model/json-pointer.js";
import { literal } from "./ts-code.js";
import { importName, valueRule, type ValidatorFile } from "./validator-rules.js";

/** The loop over a value's own keys, checking `properties` (unknown keys reported). */
export function propertyLoop(state: ValidatorFile, tsName: string, properties: readonly PropertyModel[]): string {
  const cases = properties.map((property) => propertyCase(state, tsName, property)).join("\n");
  importName(state, "runtime", "unknownProperty");
  return `  for (const key in value) {
${properties.length > 0 ? "    const item = value[key];\n" : ""}    switch (key) {
${cases}
      default:
        if (key.charCodeAt(0) !== 64) unknownProperty(problems, path, key);
    }
  }`;
}

function propertyCase(state: ValidatorFile, tsName: string, property: PropertyModel): string {
  const segment = `/${escapePointer(property.name)}`;
  const path = `path + ${literal(segment)}`;
  const fail = importName(state, "runtime", "fail");
  const nullCheck =
    property.nullable === false
      ? `if (item === null) { ${fail}(problems, ${path}, "type", "a value (not null)", item); break; }\n`
      : `if (item === null) break;\n`;
  const check = valueCheck(state, tsName, property);
  const body = property.collection
    ? `if (!Array.isArray(item)) { ${fail}(problems, ${path}, "type", "an array", item); break; }
        for (let i = 0; i < item.length; i++) {
          const v: unknown = item[i];
          if (v !== null) ${check("v", `path + ${literal(`${segment}/`)} + i`)}
        }`
    : check("item", path);
  return `      case ${literal(property.name)}:
        ${nullCheck}        ${body}
        break;`;
}

/** The statement checking one value (`value`, at `path`): an inline test, then its report. */
function valueCheck(state: ValidatorFile, tsName: string, property: PropertyModel): (value: string, path: string) => string {
  const rule = valueRule(state, tsName, property);
  switch (rule.form) {
    case "object":
      return (v, path) => `${rule.checker}(${v}, ${path}, problems);`;
    case "enum": {
      const fail = importName(state, "runtime", "fail");
      return (v, path) => `if (!(typeof ${v} === "string" && ${rule.set}.has(${v}))) ${fail}(problems, ${path}, "enum", ${literal(rule.expected)}, ${v});`;
    }
    case "primitive": {
      const report = importName(state, "walk", "report");
      importName(state, "walk", rule.kind);
      return (v, path) => `if (!(${rule.test(v)})) ${report}(problems, ${path}, ${rule.kind}, ${v});`;
    }
  }
}

/**
 * Enums: a string-literal union per enum type plus a readonly array of its values, in the docs' order.
 *   export type RemoteAction = "unknown" | "factoryReset" | …;
 *   export const remoteActionValues: readonly RemoteAction[] = ["unknown", "factoryReset", …];
 * A flags enum's type also takes several members joined by commas (`memberUnion`).
 * With `enumStyle: "union-and-const"`, also a const object: `RemoteAction.factoryReset === "factoryReset"`.
 */
import { CONST_DECLARATION, Kind } from "./kinds.js";
import type { Emitter, Statement } from "./context.js";
import { enumValuesName } from "./naming.js";
import { docText, literal, memberUnion, seeSource } from "./ts-code.js";

export const emitEnums: Emitter = (ctx) => {
  const statements: Statement[] = [];
  for (const type of ctx.version.types) {
    if (type.kind !== "enum") continue;
    const name = ctx.names.get(type.name) ?? type.name;
    const members = type.members ?? [];
    // An example from the members themselves, past the first (often `none`): `"x86,x64"`.
    const pair = members.length >= 3 ? members.slice(1, 3) : members.slice(0, 2);
    const example = pair.length === 2 ? ` (\`${JSON.stringify(pair.join(","))}\`)` : "";
    const flags = type.flags === true ? docText(`A flags enum: a value is one member or several joined by commas${example}.`) : "";
    const docs = [docText(type.description ?? `Possible values of ${type.name}.`), flags, seeSource(type.sources[0])].filter(Boolean).join("\n");
    statements.push({
      kind: Kind.TypeAlias,
      name,
      isExported: true,
      type: memberUnion(members, type.flags === true),
      docs: [docs],
    });
    statements.push({
      kind: Kind.VariableStatement,
      isExported: true,
      declarationKind: CONST_DECLARATION,
      declarations: [{ name: enumValuesName(name), type: `readonly ${name}[]`, initializer: `[${members.map(literal).join(", ")}]` }],
      docs: [`Every value of {@link ${name}}, in the order the docs list them.`],
    });
    if (ctx.options.enumStyle === "union-and-const") {
      // A value with the type's name, so `RemoteAction.factoryReset` reads like an enum member.
      // A "__proto__" key would set the prototype unless computed.
      const key = (m: string): string => (m === "__proto__" ? `[${literal(m)}]` : /^[A-Za-z_$][\w$]*$/.test(m) ? m : literal(m));
      const entries = members.map((m) => `${key(m)}: ${literal(m)}`);
      statements.push({
        kind: Kind.VariableStatement,
        isExported: true,
        declarationKind: CONST_DECLARATION,
        declarations: [{ name, initializer: `{ ${entries.join(", ")} } as const satisfies Record<string, ${name}>` }],
        docs: [`The values of {@link ${name}} by member name.`],
      });
    }
  }
  return statements;
};

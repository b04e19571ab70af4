/**
 * The service's CSDL (`beta_metadata.xml`) as a test oracle: entity, complex and enum types with
 * their declared structural and navigation properties and base types. Test code only — the
 * generator never reads the CSDL.
 */
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";

export interface CsdlProperty {
  name: string;
  /** Short type name without namespace or `Edm.` (`String`, `user`). */
  type: string;
  collection: boolean;
  navigation: boolean;
}

export interface CsdlType {
  /** Short name (`user`); `namespace` holds `microsoft.graph.callRecords` etc. */
  name: string;
  namespace: string;
  kind: "entity" | "complex" | "enum";
  baseType?: string;
  properties: CsdlProperty[];
  members: string[];
  /** `IsFlags="true"` (enums): a value is one member or several joined by commas. */
  flags?: boolean;
}

export interface Csdl {
  /** Lower-case short name → every type of that name (namespaces may repeat a short name). */
  byName: Map<string, CsdlType[]>;
  /** Declared plus inherited properties, walking the BaseType chain. */
  allProperties(type: CsdlType): CsdlProperty[];
}

type XmlNode = Record<string, unknown>;

function list(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.filter((item): item is XmlNode => typeof item === "object" && item !== null && !Array.isArray(item));
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

/** `Collection(microsoft.graph.x)` → { type: "x", collection: true }; `Edm.Int32` → Int32. */
export function csdlTypeName(raw: string): { type: string; collection: boolean } {
  const match = /^Collection\((.*)\)$/.exec(raw.trim());
  const inner = match?.[1] ?? raw.trim();
  const type = inner.slice(inner.lastIndexOf(".") + 1);
  return { type, collection: match !== null };
}

export function readCsdl(file: string): Csdl {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false });
  const xml: unknown = parser.parse(readFileSync(file, "utf8"));
  const root = list(xml)[0] ?? {};
  const edmx = list(root["edmx:Edmx"])[0] ?? {};
  const services = list(edmx["edmx:DataServices"])[0] ?? {};
  const byName = new Map<string, CsdlType[]>();
  const byFullName = new Map<string, CsdlType>();
  const aliases = new Map<string, string>();
  for (const schema of list(services["Schema"])) {
    const namespace = attr(schema, "Namespace") ?? "";
    const alias = attr(schema, "Alias");
    if (alias) aliases.set(alias.toLowerCase(), namespace.toLowerCase());
    const add = (type: CsdlType): void => {
      const key = type.name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), type]);
      byFullName.set(`${namespace}.${type.name}`.toLowerCase(), type);
    };
    for (const [element, kind] of [["EntityType", "entity"], ["ComplexType", "complex"]] as const) {
      for (const node of list(schema[element])) {
        const properties: CsdlProperty[] = [];
        for (const [child, navigation] of [["Property", false], ["NavigationProperty", true]] as const) {
          for (const p of list(node[child])) {
            properties.push({ name: attr(p, "Name") ?? "", ...csdlTypeName(attr(p, "Type") ?? ""), navigation });
          }
        }
        const type: CsdlType = { name: attr(node, "Name") ?? "", namespace, kind, properties, members: [] };
        const base = attr(node, "BaseType");
        if (base) type.baseType = base;
        add(type);
      }
    }
    for (const node of list(schema["EnumType"])) {
      const flags = attr(node, "IsFlags") === "true";
      add({ name: attr(node, "Name") ?? "", namespace, kind: "enum", properties: [], members: list(node["Member"]).map((m) => attr(m, "Name") ?? ""), ...(flags ? { flags } : {}) });
    }
  }
  // `graph.entity` → `microsoft.graph.entity` (the Schema's Alias).
  const resolveAlias = (name: string): string => {
    const dot = name.lastIndexOf(".");
    return `${aliases.get(name.slice(0, dot)) ?? name.slice(0, dot)}${name.slice(dot)}`;
  };
  const cache = new Map<CsdlType, CsdlProperty[]>();
  const allProperties = (type: CsdlType): CsdlProperty[] => {
    const cached = cache.get(type);
    if (cached) return cached;
    cache.set(type, type.properties); // guards against a (malformed) BaseType cycle
    const base = type.baseType ? byFullName.get(resolveAlias(type.baseType.toLowerCase())) : undefined;
    const inherited = base ? allProperties(base) : [];
    const own = new Set(type.properties.map((p) => p.name));
    const all = [...inherited.filter((p) => !own.has(p.name)), ...type.properties];
    cache.set(type, all);
    return all;
  };
  return { byName, allProperties };
}

/**
 * Merging what several pages say about one type (per API version, names compared case-insensitively):
 * - properties: the union, in first-seen order; a property's first description wins;
 * - a named enum type (`remoteAction`) wins over an inline `String` + "Possible values";
 * - enum values: unioned in first-seen order; lists that disagree are a diagnostic; the values
 *   combine (a flags enum) when any page says so;
 * - any other type conflict is a diagnostic and the first type is kept (merge.ts adds resource and
 *   enum pages before request-body tables, so a resource page's type wins).
 */
import { makeDiagnostic } from "./diagnostics.js";
import type { PageTypeModel } from "./page.js";
import { isPrimitive } from "./primitives.js";
import type { ApiVersion, Diagnostic, PropertyModel, SourcePosition, TypeKind, TypeModel } from "./types.js";

interface EnumList {
  values: string[];
  source: SourcePosition;
  /** The list's page says its values combine (see TypeModel.flags). */
  flags?: boolean;
}

interface TypeEntry {
  model: TypeModel;
  declaredKind?: TypeKind;
  properties: Map<string, PropertyModel>;
  /** Every "Possible values" list seen per property, first one first. */
  enumLists: Map<string, EnumList[]>;
  /** A resource page documents the name in `microsoft.graph` itself: it keeps no sub-namespace. */
  defaultNamespace?: boolean;
}

export function typeKey(apiVersion: ApiVersion | null, name: string): string {
  return `${apiVersion ?? ""}|${name.toLowerCase()}`;
}

/** Where a merge's diagnostics go, with the key of what each is about (a type's `typeKey`, an operation's `operationKey`). */
export type MergeReport = (about: string, diagnostic: Diagnostic) => void;

export class TypeTable {
  readonly entries = new Map<string, TypeEntry>();

  constructor(private readonly report: MergeReport) {}

  get(apiVersion: ApiVersion | null, name: string): TypeModel | undefined {
    return this.entries.get(typeKey(apiVersion, name))?.model;
  }

  add(apiVersion: ApiVersion | null, pageType: PageTypeModel): void {
    const entry = this.entry(apiVersion, pageType.name);
    const model = entry.model;
    model.sources.push(pageType.source);
    if (pageType.kind) entry.declaredKind = pageType.kind;
    if (pageType.description && !model.description) model.description = pageType.description;
    if (pageType.baseType && !model.baseType) model.baseType = pageType.baseType;
    if (pageType.role === "resource") this.addNamespace(entry, pageType.namespace);
    if (pageType.members) this.addMembers(entry, { values: pageType.members, source: pageType.source, ...(pageType.flags ? { flags: true } : {}) });
    for (const property of pageType.properties) this.addProperty(entry, property);
  }

  /**
   * `group` is documented in `microsoft.graph` and in `microsoft.graph.termStore`, merged into one
   * type (types are keyed by short name): `microsoft.graph` wins, else the first sub-namespace.
   */
  private addNamespace(entry: TypeEntry, namespace: string | undefined): void {
    if (namespace === undefined) {
      entry.defaultNamespace = true;
      delete entry.model.namespace;
    } else if (!entry.defaultNamespace && !entry.model.namespace) {
      entry.model.namespace = namespace;
    }
  }

  /** Adds an inferred type (never overrides a documented one). */
  addInferred(model: TypeModel): void {
    const key = typeKey(model.apiVersion, model.name);
    if (this.entries.has(key)) return;
    this.entries.set(key, { model, properties: new Map(model.properties.map((p) => [p.name, p])), enumLists: new Map() });
  }

  private entry(apiVersion: ApiVersion | null, name: string): TypeEntry {
    const key = typeKey(apiVersion, name);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        model: { name, kind: "complex", apiVersion, properties: [], sources: [] },
        properties: new Map(),
        enumLists: new Map(),
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private addProperty(entry: TypeEntry, incoming: PropertyModel): void {
    const { enumValues, flags, ...rest } = incoming;
    if (enumValues) {
      const lists = entry.enumLists.get(incoming.name) ?? [];
      lists.push({ values: enumValues, source: incoming.source, ...(flags ? { flags: true } : {}) });
      entry.enumLists.set(incoming.name, lists);
    }
    const existing = entry.properties.get(incoming.name);
    if (!existing) {
      const property: PropertyModel = { ...rest };
      entry.properties.set(incoming.name, property);
      entry.model.properties.push(property);
      return;
    }
    this.mergeProperty(entry.model, existing, rest);
  }

  private mergeProperty(type: TypeModel, existing: PropertyModel, incoming: PropertyModel): void {
    const typeName = type.name;
    const about = typeKey(type.apiVersion, type.name);
    const namedWins = isPrimitive(existing.type) && existing.type === "String" && !isPrimitive(incoming.type);
    if (namedWins) existing.type = incoming.type;
    else if (existing.type.toLowerCase() !== incoming.type.toLowerCase() && !(incoming.type === "String" && !isPrimitive(existing.type))) {
      this.report(
        about,
        makeDiagnostic(
          "property-type-conflict",
          incoming.source,
          `${typeName}.${incoming.name} is typed ${incoming.type} here but ${existing.type} at ${where(existing.source)}; the first is kept.`,
        ),
      );
    }
    if (existing.collection !== incoming.collection) {
      this.report(
        about,
        makeDiagnostic(
          "property-type-conflict",
          incoming.source,
          `${typeName}.${incoming.name} is ${incoming.collection ? "" : "not "}a collection here but ${existing.collection ? "is" : "is not"} at ${where(existing.source)}; the first is kept.`,
        ),
      );
    }
    if (!existing.description && incoming.description) existing.description = incoming.description;
    if (incoming.deprecated) existing.deprecated = true;
    if (incoming.readOnly) existing.readOnly = true;
    if (incoming.nullable === false) existing.nullable = false;
  }

  /** Members of an enum page are kept under the key "" beside the per-property lists. */
  private addMembers(entry: TypeEntry, list: EnumList): void {
    const lists = entry.enumLists.get("");
    if (lists) lists.push(list);
    else entry.enumLists.set("", [list]);
  }

  /**
   * Resolves enum lists once every page is in. Phase 1 routes each property's lists: a property
   * typed with a named type hands them to that enum type; a primitive-typed one keeps them inline.
   * Phase 2 unions every enum type's lists and decides each type's kind.
   */
  finish(): void {
    for (const entry of [...this.entries.values()]) {
      for (const [propertyName, lists] of entry.enumLists) {
        const property = entry.properties.get(propertyName);
        if (propertyName === "" || !property) continue;
        // A named type that a page documents with properties is no enum: its values stay inline.
        const documented = this.entries.get(typeKey(entry.model.apiVersion, property.type));
        if (isPrimitive(property.type) || (documented !== undefined && documented.properties.size > 0)) {
          property.enumValues = unionLists(lists, `${entry.model.name}.${propertyName}`, (d) => this.report(typeKey(entry.model.apiVersion, entry.model.name), d));
          if (lists.some((list) => list.flags)) property.flags = true;
          continue;
        }
        const target = this.entry(entry.model.apiVersion, property.type);
        if (target.model.sources.length === 0) target.model.sources.push(property.source);
        target.declaredKind = "enum";
        const targetLists = target.enumLists.get("");
        if (targetLists) for (const list of lists) targetLists.push(list);
        else target.enumLists.set("", [...lists]);
      }
    }
    for (const entry of this.entries.values()) {
      if (entry.declaredKind === "enum") {
        const lists = entry.enumLists.get("") ?? [];
        entry.model.members = unionLists(lists, entry.model.name, (d) => this.report(typeKey(entry.model.apiVersion, entry.model.name), d));
        // A property's "can be combined" list moved here says it of the enum type its row names.
        if (lists.some((list) => list.flags)) entry.model.flags = true;
      }
    }
    for (const entry of this.entries.values()) entry.model.kind = this.kindOf(entry, new Set());
  }

  /**
   * enum or a page's declared kind (keyProperty annotation → entity); else the base type's kind
   * (`entity` itself is an entity); else entity when it has an `id` property.
   */
  private kindOf(entry: TypeEntry, seen: Set<TypeEntry>): TypeKind {
    if (entry.declaredKind) return entry.declaredKind;
    const base = entry.model.baseType;
    if (base && !seen.has(entry)) {
      if (base.toLowerCase() === "entity") return "entity";
      seen.add(entry);
      const baseEntry = this.entries.get(typeKey(entry.model.apiVersion, base));
      if (baseEntry && baseEntry.declaredKind !== "enum") return this.kindOf(baseEntry, seen);
    }
    return entry.properties.has("id") ? "entity" : "complex";
  }
}

/** Union in first-seen order; every list that differs from the first is reported once. */
function unionLists(lists: EnumList[], label: string, report: (diagnostic: Diagnostic) => void): string[] {
  const [first, ...rest] = lists;
  if (!first) return [];
  const union = [...new Set(first.values)];
  // Sets, not includes(): long value lists made this quadratic.
  const inUnion = new Set(union);
  const inFirst = first.values;
  for (const list of rest) {
    const inList = new Set(list.values);
    const added = [...new Set(list.values.filter((value) => !inUnion.has(value)))];
    const missing = inFirst.filter((value) => !inList.has(value));
    if (added.length > 0 || missing.length > 0) {
      const parts = [
        added.length > 0 ? `adds ${added.length} value${added.length === 1 ? "" : "s"} (${preview(added)})` : "",
        missing.length > 0 ? `lacks ${missing.length} (${preview(missing)})` : "",
      ].filter(Boolean);
      report(
        makeDiagnostic(
          "enum-values-disagree",
          list.source,
          `The possible values of ${label} here differ from ${where(first.source)}: this list ${parts.join(" and ")}. The union is used.`,
        ),
      );
    }
    for (const value of added) {
      union.push(value);
      inUnion.add(value);
    }
  }
  return union;
}

function preview(values: string[]): string {
  return values.length <= 4 ? values.join(", ") : `${values.slice(0, 4).join(", ")}, …`;
}

export function where(source: SourcePosition): string {
  return `${source.file}:${source.line}`;
}

/**
 * Example bodies against the documented types of the whole model (`example-type-mismatch`,
 * reported by `docgen check`): each operation's request examples against its request type, its
 * 2xx responses against its response type (the items of `value` for a collection), nested objects
 * against their properties' types (inherited properties included; a derived type when the object
 * names one in `@odata.type`).
 *
 * The page's own check (parser/sections/example-check.ts) compares a body's top level with the
 * page's own table, with exact positions; this one reports what only the merged model knows: values
 * of properties documented on another page. It reports at the example (its code block) and names
 * the JSON Pointer, since the model keeps no positions inside bodies. One problem per example,
 * property and reason (`/value/0/x`, `/value/1/x`, … are one, with a count).
 *
 * It needs every operation's examples, which `docgen gen`'s incremental runs do not keep (the
 * stored merge leaves them out, cli/model-store.ts), so it is `docgen check`'s, run on the model
 * that merged every page: gen does not report it, and a run's diagnostics never depend on what the
 * cache held.
 */
import { clip, makeDiagnostic } from "./diagnostics.js";
import { isEnumValue } from "./flags.js";
import { odataTypeName } from "./infer.js";
import { escapePointer } from "./json-pointer.js";
import { typeKey, where } from "./merge-types.js";
import { primitiveProblem } from "./primitive-check.js";
import { isPrimitive, primitiveFor, type PrimitiveType } from "./primitives.js";
import { isJsonObject, type ApiModel, type ApiVersion, type Diagnostic, type JsonValue, type OperationModel, type PropertyModel, type SourcePosition, type TypeModel } from "./types.js";

/** What a value is checked against: a primitive, a documented type, or nothing known (not checked). */
type Target = { primitive: PrimitiveType } | { type: TypeModel } | null;

interface Problem {
  pointer: string;
  value: JsonValue;
  /** Says what was expected; ends without a period. */
  reason: string;
  /** Where the contradicted property (or the operation's response) is documented. */
  documented: string;
  count: number;
}

class TypeIndex {
  private readonly byName = new Map<string, TypeModel>();
  private readonly propertyMaps = new Map<TypeModel, Map<string, { property: PropertyModel; owner: TypeModel }>>();
  private readonly memberSets = new Map<TypeModel, ReadonlySet<string>>();
  private readonly valueSets = new Map<PropertyModel, ReadonlySet<string>>();
  private readonly targets = new Map<string, Target>();

  constructor(types: readonly TypeModel[]) {
    for (const type of types) this.byName.set(typeKey(type.apiVersion, type.name), type);
  }

  type(apiVersion: ApiVersion | null, name: string): TypeModel | undefined {
    return this.byName.get(typeKey(apiVersion, name));
  }

  /** As the emitters resolve a name: a canonical primitive, else a documented type, else a loose primitive spelling. */
  target(apiVersion: ApiVersion | null, name: string): Target {
    const cacheKey = typeKey(apiVersion, name);
    let target = this.targets.get(cacheKey);
    if (target === undefined) this.targets.set(cacheKey, (target = this.resolve(apiVersion, name)));
    return target;
  }

  private resolve(apiVersion: ApiVersion | null, name: string): Target {
    if (isPrimitive(name)) return { primitive: primitiveFor(name) ?? "Json" };
    const type = this.type(apiVersion, name);
    if (type) return { type };
    const primitive = primitiveFor(name);
    return primitive ? { primitive } : null;
  }

  /** The type, then its base type, its base's, … (each once, however the docs loop). */
  private *chain(type: TypeModel): Generator<TypeModel> {
    const seen = new Set<TypeModel>();
    for (let current: TypeModel | undefined = type; current && !seen.has(current); current = current.baseType ? this.type(current.apiVersion, current.baseType) : undefined) {
      seen.add(current);
      yield current;
    }
  }

  /** True when `type` is `base` or derives from it. */
  derives(type: TypeModel, base: TypeModel): boolean {
    for (const current of this.chain(type)) if (current === base) return true;
    return false;
  }

  /** A property's inline enum values as a set. */
  values(property: PropertyModel): ReadonlySet<string> {
    let set = this.valueSets.get(property);
    if (!set) this.valueSets.set(property, (set = new Set(property.enumValues ?? [])));
    return set;
  }

  /** The type's properties and its base types' (its own win), by name. */
  properties(type: TypeModel): Map<string, { property: PropertyModel; owner: TypeModel }> {
    const cached = this.propertyMaps.get(type);
    if (cached) return cached;
    const map = new Map<string, { property: PropertyModel; owner: TypeModel }>();
    for (const current of this.chain(type)) {
      for (const property of current.properties) if (!map.has(property.name)) map.set(property.name, { property, owner: current });
    }
    this.propertyMaps.set(type, map);
    return map;
  }

  members(type: TypeModel): ReadonlySet<string> {
    let set = this.memberSets.get(type);
    if (!set) this.memberSets.set(type, (set = new Set(type.members ?? [])));
    return set;
  }
}



/** The example problems of every operation of the model (in its order). */
export function checkExamples(model: ApiModel): Diagnostic[] {
  const index = new TypeIndex(model.types);
  const diagnostics: Diagnostic[] = [];
  for (const operation of model.operations) {
    for (const example of operation.examples) {
      const request = example.request;
      if (request?.body !== undefined && operation.requestType) {
        const walker = new Walker(index, operation, request.source);
        walker.body(request.body, index.target(operation.apiVersion, operation.requestType), operation.requestCollection === true);
        diagnostics.push(...walker.report("request"));
      }
      const response = example.response;
      if (response?.body !== undefined && operation.responseType && response.status >= 200 && response.status < 300) {
        const walker = new Walker(index, operation, response.source);
        walker.body(response.body, index.target(operation.apiVersion, operation.responseType), operation.responseCollection);
        diagnostics.push(...walker.report("response"));
      }
    }
  }
  return diagnostics;
}

/** What a problem is checked against: a property of a type, or an enum type. */
type Subject = { property: PropertyModel; owner: TypeModel } | { enumType: TypeModel };

class Walker {
  private readonly problems = new Map<string, Problem>();
  /** The JSON Pointer of the value being checked, as segments (joined only for a problem). */
  private readonly path: string[] = [];

  constructor(
    private readonly index: TypeIndex,
    private readonly operation: OperationModel,
    private readonly at: SourcePosition,
  ) {}

  body(body: JsonValue, target: Target, collection: boolean): void {
    if (target === null || !("type" in target) || target.type.kind === "enum") return;
    if (!collection) {
      // A table of the example's own page documents the body's type (a request-body table): the
      // page's own check compared the body's top level with it already.
      const ownTable = target.type.sources.some((source) => source.file === this.at.file);
      if (isJsonObject(body)) this.object(body, target.type, ownTable);
      return;
    }
    // A collection is `{ "value": [ … ] }`; a body of another shape is not checked.
    const items = isJsonObject(body) ? body["value"] : undefined;
    if (!Array.isArray(items)) return;
    this.path.push("value");
    items.forEach((item, i) => {
      this.path.push(String(i));
      if (isJsonObject(item)) this.object(item, target.type, false);
      this.path.pop();
    });
    this.path.pop();
  }

  private object(value: { [key: string]: JsonValue }, declared: TypeModel, checkedOnPage: boolean): void {
    const type = this.derived(value, declared);
    const properties = this.index.properties(type);
    for (const name in value) {
      const item = value[name];
      if (item === undefined || item === null || name.includes("@")) continue;
      const found = properties.get(name);
      if (!found) continue;
      this.path.push(name);
      this.property(item, found, checkedOnPage);
      this.path.pop();
    }
  }

  /** The type the object names in `@odata.type` when the docs document it (a derived type), else the declared one. */
  private derived(value: { [key: string]: JsonValue }, declared: TypeModel): TypeModel {
    const name = odataTypeName(value);
    const named = name === undefined ? undefined : this.index.type(declared.apiVersion, name);
    // As the validators do: a derived type only (another type named there is the example's error, not checked here).
    return named !== undefined && this.index.derives(named, declared) ? named : declared;
  }

  /** `checkedOnPage`: the page's own check compared this value (the top level of a body its table documents). */
  private property(value: JsonValue, subject: { property: PropertyModel; owner: TypeModel }, checkedOnPage: boolean): void {
    const { property } = subject;
    // Values the page's own check compared, or of a property its own table documents, are its to report.
    const foreign = !checkedOnPage && property.source.file !== this.at.file;
    if (property.collection !== Array.isArray(value)) {
      if (foreign) this.add(value, property.collection ? "expected a collection (an array)" : "expected a single value, not an array", subject);
      return;
    }
    if (!Array.isArray(value)) {
      this.element(value, subject, foreign);
      return;
    }
    value.forEach((item, i) => {
      this.path.push(String(i));
      this.element(item, subject, foreign);
      this.path.pop();
    });
  }

  private element(value: JsonValue, subject: { property: PropertyModel; owner: TypeModel }, foreign: boolean): void {
    if (value === null) return;
    const { property } = subject;
    if (property.enumValues && property.enumValues.length > 0) {
      if (foreign) this.member(value, property.enumValues, this.index.values(property), property.flags === true, subject);
      return;
    }
    const target = this.index.target(this.operation.apiVersion, property.type);
    if (target === null) return;
    if ("primitive" in target) {
      const problem = foreign ? primitiveProblem(target.primitive, value) : null;
      if (problem) this.add(value, `${problem} (${target.primitive})`, subject);
      return;
    }
    const type = target.type;
    if (type.kind === "enum") {
      if (foreign) this.member(value, type.members ?? [], this.index.members(type), type.flags === true, { enumType: type });
      return;
    }
    if (!isJsonObject(value)) {
      if (foreign) this.add(value, `expected a ${type.name} object`, subject);
      return;
    }
    this.object(value, type, false);
  }

  private member(value: JsonValue, members: readonly string[], set: ReadonlySet<string>, flags: boolean, subject: Subject): void {
    if (typeof value === "string" && isEnumValue(set, value, flags)) return;
    const listed = members.length > 8 ? `${members.slice(0, 8).join(", ")}, …` : members.join(", ");
    const other = typeof value === "string" ? members.find((m) => m.toLowerCase() === value.toLowerCase()) : undefined;
    const reason = `expected ${flags ? "one or more (comma-separated) of" : "one of"} ${listed}`;
    this.add(value, other === undefined ? reason : `${reason} (the docs spell it ${JSON.stringify(other)})`, subject, reason);
  }

  /** `kind`: the reason without what depends on the value, so that items of a collection differing in their value count as one. */
  private add(value: JsonValue, reason: string, subject: Subject, kind = reason): void {
    const pointer = this.path.map((segment) => `/${escapePointer(segment)}`).join("");
    const documented = "enumType" in subject ? `${subject.enumType.name} (${subject.enumType.sources[0] ? where(subject.enumType.sources[0]) : "no page"})` : `${subject.owner.name}.${subject.property.name} (${where(subject.property.source)})`;
    // `/value/3/x` and `/value/0/x` are one problem: items of a collection differ only in their index.
    const shape = `${pointer.replace(/\/\d+(?=\/|$)/g, "/*")}\0${documented}\0${kind}`;
    const known = this.problems.get(shape);
    if (known) known.count++;
    else this.problems.set(shape, { pointer, value, reason, documented, count: 1 });
  }

  report(kind: "request" | "response"): Diagnostic[] {
    return [...this.problems.values()].map((p) => {
      const more = p.count > 1 ? ` (and ${p.count - 1} more like it)` : "";
      return makeDiagnostic(
        "example-type-mismatch",
        this.at,
        `The example ${kind} of ${this.operation.id} sets ${p.pointer} to ${clip(JSON.stringify(p.value))}${more}, which does not fit ${p.documented}: ${p.reason}. Correct the example, or the table.`,
      );
    });
  }
}

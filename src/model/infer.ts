/**
 * Shapes of undocumented types, inferred from example payloads. A sample of type X is any object
 * in an example body that is typed X by context (the request/response type, a property of a
 * known type) or by its `"@odata.type": "#microsoft.graph.X"`. Properties are the union of the
 * samples' keys in first-seen order; each property's type is read from its values.
 */
import { isPrimitive } from "./primitives.js";
import { isJsonObject, type ApiVersion, type JsonValue, type OperationModel, type PropertyModel, type SourcePosition } from "./types.js";

export interface Sample {
  value: { [key: string]: JsonValue };
  source: SourcePosition;
}

/** Looks up a documented (or already inferred) type's properties, to type nested samples by context. */
export type PropertyLookup = (apiVersion: ApiVersion | null, typeName: string) => readonly PropertyModel[] | undefined;

/** Every object in the examples of `operations`, grouped by lower-cased type name. */
export function collectSamples(operations: readonly OperationModel[], lookup: PropertyLookup): Map<string, Sample[]> {
  const samples = new Map<string, Sample[]>();
  // One map per property list, not one per sample object (thousands of samples share a few types).
  const maps = new Map<readonly PropertyModel[], Map<string, PropertyModel>>();
  const propertiesByName = (properties: readonly PropertyModel[]): Map<string, PropertyModel> => {
    let map = maps.get(properties);
    if (map === undefined) maps.set(properties, (map = new Map(properties.map((p) => [p.name, p]))));
    return map;
  };
  const visit = (value: JsonValue | undefined, typeName: string | undefined, version: ApiVersion | null, source: SourcePosition): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, typeName, version, source);
      return;
    }
    if (!isJsonObject(value)) return;
    const name = odataTypeName(value) ?? typeName;
    if (name === undefined) return;
    const key = `${version ?? ""}|${name.toLowerCase()}`;
    // push, not spread: copying the list on every sample made many samples of one type quadratic.
    const list = samples.get(key);
    if (list) list.push({ value, source });
    else samples.set(key, [{ value, source }]);
    const properties = lookup(version, name);
    const byName = properties ? propertiesByName(properties) : undefined;
    for (const [field, inner] of Object.entries(value)) {
      const property = byName?.get(field);
      visit(inner, property && !isPrimitive(property.type) ? property.type : undefined, version, source);
    }
  };
  for (const operation of operations) {
    for (const example of operation.examples) {
      const request = example.request;
      const response = example.response;
      if (request) visit(request.body, operation.requestType, operation.apiVersion, request.source);
      if (response) {
        const body = response.body;
        const items = operation.responseCollection && isJsonObject(body) && Array.isArray(body["value"]) ? body["value"] : body;
        visit(items, operation.responseType, operation.apiVersion, response.source);
      }
    }
  }
  return samples;
}

/** Properties inferred from samples (all of one type). */
export function inferProperties(samples: readonly Sample[]): PropertyModel[] {
  const byName = new Map<string, { values: JsonValue[]; source: SourcePosition }>();
  for (const sample of samples) {
    for (const [key, value] of Object.entries(sample.value)) {
      if (key.startsWith("@")) continue;
      const entry = byName.get(key) ?? { values: [], source: sample.source };
      entry.values.push(value);
      byName.set(key, entry);
    }
  }
  return [...byName].map(([name, { values, source }]) => {
    const collection = values.some((v) => Array.isArray(v));
    const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    return { name, type: inferType(flat), collection, description: "", source };
  });
}

/** The one type all values fit, or Json when they disagree or say nothing. */
export function inferType(values: readonly JsonValue[]): string {
  const types = new Set(values.filter((v) => v !== null).map(valueType));
  if (types.size === 2 && types.has("Int32") && types.has("Double")) return "Double";
  if (types.size === 2 && types.has("Int32") && types.has("Int64")) return "Int64";
  const [only] = types;
  return types.size === 1 && only !== undefined ? only : "Json";
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function valueType(value: JsonValue): string {
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "Double";
    return Math.abs(value) <= 2147483647 ? "Int32" : "Int64";
  }
  if (typeof value === "string") return DATE_TIME.test(value) ? "DateTimeOffset" : "String";
  if (isJsonObject(value)) return odataTypeName(value) ?? "Json";
  return "Json";
}

/** `"#microsoft.graph.keyValuePair"` → `keyValuePair`. */
export function odataTypeName(value: { [key: string]: JsonValue }): string | undefined {
  const odata = value["@odata.type"];
  if (typeof odata !== "string") return undefined;
  const name = odata.replace(/^#/, "").split(".").pop();
  return name && /^[A-Za-z_]\w*$/.test(name) ? name : undefined;
}



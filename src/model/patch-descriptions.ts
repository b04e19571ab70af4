/**
 * A merged model brought up to date after some pages changed only in their descriptions (all else
 * of every page — names, types, routes, examples, positions, diagnostics — is as when the model
 * was merged). A description reaches nothing but its own slot: the first non-empty description, in
 * merge order, of one type, property, operation, or function or body parameter (merge-types.ts,
 * merge-operations.ts). So the types and operations the changed files contribute to are merged
 * again from all the pages that contribute to them (their sources), and their descriptions are
 * copied into the model. When those pages do not merge into the very sources and members the model
 * records, the result is null and the caller merges every page (of the API versions concerned).
 */
import { buildModel } from "./merge.js";
import { documentedTogether, operationKey } from "./merge-operations.js";
import { typeKey } from "./merge-types.js";
import type { PageModel } from "./page.js";
import type { ApiModel, OperationModel, PropertyModel, SourcePosition, TypeModel } from "./types.js";

/** The types and operations whose descriptions may change with the changed files, and every file contributing to them. */
export interface Touched {
  types: TypeModel[];
  operations: OperationModel[];
  files: Set<string>;
}

export function touchedBy(model: ApiModel, changed: ReadonlySet<string>): Touched {
  const touches = (sources: readonly SourcePosition[]): boolean => sources.some((source) => changed.has(source.file));
  // An inferred type's descriptions are docgen's own, from no page.
  const types = model.types.filter((type) => type.inferred !== true && touches(type.sources));
  const files = new Set<string>();
  for (const { sources } of types) for (const source of sources) files.add(source.file);
  // With the operations a page documenting several at once ties to them (merge-operations.ts).
  const operations = documentedTogether(model.operations, changed);
  for (const { sources } of operations) for (const source of sources) files.add(source.file);
  return { types, operations, files };
}

/**
 * `model` with the descriptions of the touched types and operations as `pages` (every page of
 * `touched.files`, as they are now) merge them; null when they do not line up. The touched types
 * and operations are copied, not changed: a model's objects never change once merged (the
 * emitters' plan memos know them by their content, emitters/unit-plan.ts).
 */
export function patchDescriptions(model: ApiModel, touched: Touched, pages: readonly PageModel[]): ApiModel | null {
  const fresh = buildModel(pages);
  const types = new Map(fresh.types.map((type) => [typeKey(type.apiVersion, type.name), type]));
  const patchedTypes = new Map<TypeModel, TypeModel>();
  for (const type of touched.types) {
    const merged = types.get(typeKey(type.apiVersion, type.name));
    const copy = structuredClone(type);
    if (!merged || !sameSources(type.sources, merged.sources) || !copyProperties(copy.properties, merged.properties)) return null;
    setDescription(copy, merged.description);
    patchedTypes.set(type, copy);
  }
  const operations = new Map(fresh.operations.map((op) => [operationKey(op), op]));
  const patchedOperations = new Map<OperationModel, OperationModel>();
  for (const op of touched.operations) {
    const merged = operations.get(operationKey(op));
    const copy = structuredClone(op);
    if (!merged || !sameSources(op.sources, merged.sources)) return null;
    if (!copyProperties(copy.functionParameters ?? [], merged.functionParameters ?? []) || !copyProperties(copy.bodyParameters ?? [], merged.bodyParameters ?? [])) return null;
    setDescription(copy, merged.description);
    patchedOperations.set(op, copy);
  }
  return {
    types: model.types.map((type) => patchedTypes.get(type) ?? type),
    operations: model.operations.map((op) => patchedOperations.get(op) ?? op),
    diagnostics: model.diagnostics,
  };
}

function sameSources(a: readonly SourcePosition[], b: readonly SourcePosition[]): boolean {
  return a.length === b.length && a.every((source, i) => source.file === b[i]?.file && source.line === b[i]?.line && source.column === b[i]?.column);
}

/** Copies each property's description when both lists name the same properties in the same order. */
function copyProperties(target: PropertyModel[], from: readonly PropertyModel[]): boolean {
  if (target.length !== from.length || target.some((p, i) => p.name !== from[i]?.name)) return false;
  target.forEach((property, i) => {
    property.description = from[i]?.description ?? "";
  });
  return true;
}

function setDescription(target: { description?: string }, description: string | undefined): void {
  if (description === undefined) delete target.description;
  else target.description = description;
}

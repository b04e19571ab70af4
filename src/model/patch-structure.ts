/**
 * A version's merge brought up to date after a few of its pages changed in their structure (a
 * property added, retyped or removed, a row's flags, an example's body), without merging all its
 * pages again: the types and operations the changed pages contribute to are merged again from the
 * pages that contribute to them (their sources), and replace theirs in the stored merge.
 *
 * That gives what merging every page gives only when the change stays within those types and
 * operations. Merging reaches across them through type and operation names and routes, base types
 * and kinds, titles (operation ids are assigned over the whole version), property types that name
 * other types (enum lists move to the named type; examples are read through them for inference)
 * and references to undocumented types (their shapes are inferred from every example). So the patch
 * applies only when the changed pages keep all of that as it was (`links`); the types enum lists
 * move between are merged again together (an enum with every type that has a property of it);
 * an inferred type the changed pages refer to only has its sources (the references) moved. When an
 * example of a changed page holds an object of an undocumented type, or when the routes do not say
 * which operation a page's operation is part of, it gives null and the caller merges every page of
 * the version. A page documenting several operations at once (a composite page, merge-operations.ts)
 * is merged again with all of them, and with every page documenting them. Diagnostics are replaced
 * by what they are about (merge.ts VersionMerge): the changed pages' own and their references, and
 * those of the types and operations merged again (an operation's id clash is the stored one: ids
 * are the stored ones, at the operation's position now).
 */
import { compareText } from "./diagnostics.js";
import { collectSamples } from "./infer.js";
import { mergeVersion, undocumented, type VersionMerge } from "./merge.js";
import { documentedTogether, operationKey, routeKey } from "./merge-operations.js";
import { typeKey } from "./merge-types.js";
import type { PageModel, PageOperationModel } from "./page.js";
import { isPrimitive } from "./primitives.js";
import type { Diagnostic, OperationModel, SourcePosition, TypeModel } from "./types.js";

/** A page of the version as it was merged and as it is now (same file). */
export interface PageChange {
  before: PageModel;
  after: PageModel;
}

/**
 * `stored` with `changes` merged in, or null when that cannot be done by a patch (see the file
 * header). `pageOf` gives the page of an unchanged file of the version (null: not known, no patch).
 * The stored merge is not changed; the result shares what it did not merge again with it.
 */
export function patchStructure(stored: VersionMerge, changes: readonly PageChange[], pageOf: (file: string) => PageModel | null): VersionMerge | null {
  if (changes.length === 0) return stored;
  for (const { before, after } of changes) if (before.file !== after.file || links(before) !== links(after)) return null;
  const changed = new Map(changes.map((change) => [change.after.file, change.after]));
  const typesByKey = new Map(stored.model.types.map((type) => [typeKey(type.apiVersion, type.name), type]));
  const touches = (type: TypeModel): boolean => type.sources.some((source) => changed.has(source.file));
  const touched = stored.model.types.filter(touches);
  // Types the changed pages refer to whose shape was inferred: only their sources (the references) change.
  const inferred = touched.filter((type) => type.inferred === true);
  const types = new Map(touched.filter((type) => type.inferred !== true).map((type) => [typeKey(type.apiVersion, type.name), type]));
  // With the operations a page documenting several at once ties to them (merge-operations.ts).
  const operations = new Map(documentedTogether(stored.model.operations, new Set(changed.keys())).map((op) => [operationKey(op), op]));
  const pages = new Map<string, PageModel>();
  const page = (file: string): PageModel | null => {
    let found = pages.get(file) ?? changed.get(file) ?? null;
    if (found === null) {
      found = pageOf(file);
      if (found !== null) pages.set(file, found);
    }
    return found;
  };

  const owners = routeOwners(stored.model.operations);

  // Enum lists move between types: a property with enum values typed with another type hands them
  // to it, unless that type has properties (then they stay on the property), and an enum's members
  // are its own lists and those handed to it. So the type a property with enum values names is
  // merged again, and with an enum every type with a property of that type.
  let users: Map<string, TypeModel[]> | undefined;
  for (let grown = true; grown; ) {
    grown = false;
    const add = (type: TypeModel): void => {
      const key = typeKey(type.apiVersion, type.name);
      if (type.inferred === true || types.has(key)) return;
      types.set(key, type);
      grown = true;
    };
    for (const file of filesOf([...types.values(), ...operations.values()], changed)) {
      const found = page(file);
      if (found === null) return null;
      for (const pageType of found.types) {
        if (!types.has(typeKey(found.apiVersion, pageType.name))) continue;
        for (const property of pageType.properties) {
          if (property.enumValues === undefined || isPrimitive(property.type)) continue;
          const named = typesByKey.get(typeKey(found.apiVersion, property.type));
          if (named === undefined) return null;
          add(named);
        }
      }
    }
    // The users of every type are found only when an enum is among those merged again (a scan of the whole model).
    for (const type of [...types.values()]) {
      if (type.kind !== "enum") continue;
      users ??= propertyUsers(stored.model.types);
      for (const user of users.get(typeKey(type.apiVersion, type.name)) ?? []) add(user);
    }
  }

  // What the merge finds documented when it looks for undocumented types: every type but the inferred ones.
  const documented = (key: string): TypeModel | undefined => {
    const type = typesByKey.get(key);
    return type?.inferred === true ? undefined : type;
  };
  for (const { before, after } of changes) if (readsUndocumented(before, owners, documented) || readsUndocumented(after, owners, documented)) return null;

  // Each file's contributions to the types and operations merged again (their merge needs nothing else).
  const inputs: PageModel[] = [];
  for (const file of filesOf([...types.values(), ...operations.values()], changed)) {
    const found = page(file);
    if (found === null) return null;
    const own: PageOperationModel[] = [];
    for (const op of found.operations) {
      const its = ownersOf(found, op, owners);
      const merged = its.filter((owner) => operations.has(operationKey(owner)));
      if (merged.length === 0) continue;
      // A page's operation is merged again with all the operations it documents or with none (documentedTogether).
      if (merged.length !== its.length || its.some((owner) => !owner.sources.some((source) => source.file === found.file))) return null;
      own.push(op);
    }
    inputs.push({ ...found, types: found.types.filter((type) => types.has(typeKey(found.apiVersion, type.name))), operations: own, typeRefs: [], diagnostics: [] });
  }
  const fresh = mergeVersion(inputs, (apiVersion, name) => typesByKey.get(typeKey(apiVersion, name))?.baseType);

  const freshTypes = new Map(fresh.model.types.map((type) => [typeKey(type.apiVersion, type.name), type]));
  if (freshTypes.size !== types.size) return null;
  for (const [key, type] of types) {
    const merged = freshTypes.get(key);
    if (merged === undefined || (merged.kind === "enum") !== (type.kind === "enum")) return null;
    // Kinds come from base types, which were not merged again (nor changed: `links`).
    merged.kind = type.kind;
  }
  const freshOperations = new Map(fresh.model.operations.map((op) => [operationKey(op), op]));
  if (freshOperations.size !== operations.size) return null;
  for (const [key, op] of operations) {
    const merged = freshOperations.get(key);
    if (merged === undefined || merged.title !== op.title || merged.sources.length !== op.sources.length) return null;
    // Ids are assigned over every operation of the version: the stored ones (titles and routes are as they were).
    merged.id = op.id;
  }

  const diagnostics: Record<string, Diagnostic[]> = { ...stored.diagnostics };
  const set = (about: string, list: readonly Diagnostic[]): void => {
    if (list.length > 0) diagnostics[about] = [...list];
    else delete diagnostics[about];
  };
  for (const after of changed.values()) {
    set(`page\0${after.file}`, after.diagnostics);
    set(`refs\0${after.file}`, after.typeRefs.filter((ref) => !isPrimitive(ref.name) && documented(typeKey(after.apiVersion, ref.name)) === undefined).map((ref) => undocumented(ref.name, ref)));
  }
  for (const key of types.keys()) set(`type\0${key}`, fresh.diagnostics[`type\0${key}`] ?? []);
  const reinferred = new Map<string, TypeModel>();
  for (const type of inferred) {
    const key = typeKey(type.apiVersion, type.name);
    const refs = (file: string): SourcePosition[] => (changed.get(file)?.typeRefs ?? []).filter((ref) => typeKey(type.apiVersion, ref.name) === key).map((ref) => ref.source);
    const sources = [...type.sources.filter((source) => !changed.has(source.file)), ...[...changed.keys()].flatMap(refs)].sort(bySource);
    reinferred.set(key, { ...type, sources });
    // Reported at the first reference, in file order and then in the page's order of references.
    const first = sources[0] !== undefined && changed.has(sources[0].file) ? refs(sources[0].file)[0] : undefined;
    if (first !== undefined) set(`inferred\0${key}`, (stored.diagnostics[`inferred\0${key}`] ?? []).map((d) => ({ ...d, file: first.file, line: first.line, column: first.column })));
  }
  for (const key of operations.keys()) {
    const first = freshOperations.get(key)?.sources[0];
    const clashes = (stored.diagnostics[`operation\0${key}`] ?? []).filter((d) => d.code === "operation-id-clash");
    const moved = first !== undefined ? clashes.map((d) => ({ ...d, file: first.file, line: first.line, column: first.column })) : clashes;
    set(`operation\0${key}`, [...(fresh.diagnostics[`operation\0${key}`] ?? []).filter((d) => d.code !== "operation-id-clash"), ...moved]);
  }

  const model = {
    types: stored.model.types.map((type) => freshTypes.get(typeKey(type.apiVersion, type.name)) ?? reinferred.get(typeKey(type.apiVersion, type.name)) ?? type),
    operations: stored.model.operations.map((op) => freshOperations.get(operationKey(op)) ?? op),
    diagnostics: Object.values(diagnostics).flat(),
  };
  return { model, diagnostics };
}

/**
 * What of a page reaches beyond the types and operations it contributes to (see the file header):
 * its types' names, roles, kinds, base types, namespaces, members and flags, whether they have an `id`,
 * and their properties typed with other types; its operations' methods, routes, titles and types;
 * the type names it refers to. Descriptions, positions, other properties and examples stay within.
 */
export function links(page: PageModel): string {
  return JSON.stringify([
    page.file,
    page.apiVersion,
    page.types.map((type) => [
      type.name,
      type.role,
      type.kind ?? null,
      type.baseType ?? null,
      type.namespace ?? null,
      type.members ?? null,
      type.flags ?? null,
      type.properties.some((p) => p.name === "id"),
      type.properties.filter((p) => !isPrimitive(p.type)).map((p) => [p.name, p.type, p.collection, p.enumValues ?? null, p.flags ?? null]),
    ]),
    page.operations.map((op) => [op.method, op.paths, op.title, op.requestType ?? null, op.responseType ?? null, op.responseCollection ?? null]),
    page.typeRefs.map((ref) => ref.name),
  ]);
}

/** Sources as a merged type lists them. */
function bySource(a: SourcePosition, b: SourcePosition): number {
  return compareText(a.file, b.file) || a.line - b.line;
}

/** The documented types with a property of each type (by the named type's key). */
function propertyUsers(types: readonly TypeModel[]): Map<string, TypeModel[]> {
  const users = new Map<string, TypeModel[]>();
  for (const type of types) {
    if (type.inferred === true) continue;
    for (const key of new Set(type.properties.filter((p) => !isPrimitive(p.type)).map((p) => typeKey(type.apiVersion, p.type)))) {
      const list = users.get(key);
      if (list === undefined) users.set(key, [type]);
      else list.push(type);
    }
  }
  return users;
}

/** The files of the sources of `items`, and the changed ones, in file order. */
function filesOf(items: ReadonlyArray<TypeModel | OperationModel>, changed: ReadonlyMap<string, PageModel>): string[] {
  const files = new Set(changed.keys());
  for (const item of items) for (const source of item.sources) files.add(source.file);
  return [...files].sort(compareText);
}

/** Every operation of the model by each of its routes' keys (a route two operations list is ambiguous). */
function routeOwners(operations: readonly OperationModel[]): Map<string, OperationModel[]> {
  const owners = new Map<string, OperationModel[]>();
  for (const op of operations) {
    for (const path of op.paths) {
      const key = routeKey(op.apiVersion, op.method, path);
      const list = owners.get(key);
      if (list === undefined) owners.set(key, [op]);
      else if (!list.includes(op)) list.push(op);
    }
  }
  return owners;
}

/** The operations of the model a page's operation documents: one, or several for a composite page (none when no operation lists its routes). */
function ownersOf(page: PageModel, op: PageOperationModel, owners: ReadonlyMap<string, OperationModel[]>): OperationModel[] {
  return [...new Set(op.paths.flatMap((path) => owners.get(routeKey(page.apiVersion, op.method, path)) ?? []))];
}

/** Whether an example of the page holds an object of a type no page documents (read as the merge reads them: model/infer.ts). */
function readsUndocumented(page: PageModel, owners: ReadonlyMap<string, OperationModel[]>, documented: (key: string) => TypeModel | undefined): boolean {
  const operations: OperationModel[] = [];
  for (const op of page.operations) {
    // Examples are read with the merged operation's request and response types; those of a page
    // documenting several operations, with each one's (more than the merge reads: never fewer).
    const { source, secondary: _secondary, ...rest } = op;
    const its = ownersOf(page, op, owners);
    for (const owner of its.length > 0 ? its : [undefined]) {
      operations.push({ ...rest, id: "", apiVersion: page.apiVersion, sources: [source], requestType: owner?.requestType ?? op.requestType, responseType: owner?.responseType ?? op.responseType, responseCollection: owner?.responseCollection ?? op.responseCollection });
    }
  }
  // Samples are keyed as types are (typeKey).
  const samples = collectSamples(operations, (version, name) => documented(typeKey(version, name))?.properties);
  return [...samples.keys()].some((key) => documented(key) === undefined);
}

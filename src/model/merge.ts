/**
 * Pages → ApiModel. Pages are taken in file order (so the result does not depend on the order they
 * were given in), types from resource and enum pages before those of request-body tables; types and
 * operations are merged per API version; references to types no page
 * documents are resolved by inference from examples or reported.
 */
import { compareDiagnostics, compareText, makeDiagnostic } from "./diagnostics.js";
import { collectSamples, inferProperties } from "./infer.js";
import { OperationTable, type BaseOf } from "./merge-operations.js";
import { TypeTable, typeKey, type MergeReport } from "./merge-types.js";
import type { PageModel, TypeReference } from "./page.js";
import { isPrimitive } from "./primitives.js";
import type { ApiModel, ApiVersion, Diagnostic, OperationModel, TypeModel } from "./types.js";

export function buildModel(pages: readonly PageModel[]): ApiModel {
  return joinModels([...versionModels(pages).values()]);
}

/**
 * Each API version's model (by version, "" for none, in version order; its diagnostics as found:
 * joinModels sorts them). Each version is merged from its own pages alone, so that one version's
 * model (and the files generated from it) never depends on another's pages: the CLI's cache keys
 * rely on it (output-keys.ts), and merges only the versions an edit changed.
 */
export function versionModels(pages: readonly PageModel[]): Map<string, ApiModel> {
  return new Map([...versionMerges(pages)].map(([version, merge]) => [version, merge.model]));
}

/** Each API version's merge (as versionModels, with the diagnostics by what they are about). */
export function versionMerges(pages: readonly PageModel[]): Map<string, VersionMerge> {
  const byVersion = byApiVersion(pages, (page) => page.apiVersion);
  return new Map([...byVersion.keys()].sort(compareText).map((version) => [version, mergeVersion(byVersion.get(version) ?? [])]));
}

/** `items` grouped by their API version ("" for none), in the order given within each group. */
export function byApiVersion<T>(items: readonly T[], versionOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const version = versionOf(item) ?? "";
    const group = groups.get(version);
    if (group === undefined) groups.set(version, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * The models of API versions as one (in the order given: buildModel's is by version). Joining the
 * models of versions merged apart gives what merging all their pages gives.
 */
export function joinModels(parts: readonly ApiModel[]): ApiModel {
  return { types: parts.flatMap((part) => part.types), operations: parts.flatMap((part) => part.operations), diagnostics: joinDiagnostics(parts.map((part) => part.diagnostics)) };
}

/** Lists of diagnostics as one, sorted and deduplicated (as a model's are). */
export function joinDiagnostics(lists: ReadonlyArray<readonly Diagnostic[]>): Diagnostic[] {
  return dedupe(lists.flat().sort(compareDiagnostics));
}

/**
 * One API version's pages merged: the model (its diagnostics as found: joinModels sorts them), and
 * its diagnostics by what they are about, so that a merge can be redone for part of the model
 * (model/patch-structure.ts):
 * - `page\0<file>`: the page's own (the parser's);
 * - `refs\0<file>`: the page's references to types no page documents (`type-undocumented`);
 * - `type\0<typeKey>`: merging the type (conflicting properties, enum lists that disagree);
 * - `operation\0<operationKey>`: merging the operation (duplicates, permissions, id clashes);
 * - `inferred\0<typeKey>`: the inference of an undocumented type's shape.
 */
export interface VersionMerge {
  model: ApiModel;
  diagnostics: Record<string, Diagnostic[]>;
}

/**
 * The pages of one API version merged (see VersionMerge): types and operations sorted by name and
 * id, diagnostics as found (joinModels sorts them once).
 */
export function mergeVersion(pages: readonly PageModel[], storedBaseOf?: BaseOf): VersionMerge {
  const sorted = [...pages].sort((a, b) => compareText(a.file, b.file));
  const about: Record<string, Diagnostic[]> = {};
  const report: MergeReport = (key, diagnostic) => (about[key] ??= []).push(diagnostic);
  for (const page of sorted) if (page.diagnostics.length > 0) about[`page\0${page.file}`] = [...page.diagnostics];
  const types = new TypeTable((key, diagnostic) => report(`type\0${key}`, diagnostic));
  const operations = new OperationTable((key, diagnostic) => report(`operation\0${key}`, diagnostic));
  // Resource and enum pages define types; an operation page's request-body table restates a type and
  // is often less exact (`attendees | Attendee |` on an update page where the resource page says
  // `Attendee collection`). So the defining pages come first, and where they disagree theirs is kept.
  for (const defining of [true, false]) {
    for (const page of sorted) for (const type of page.types) if ((type.role !== "requestBody") === defining) types.add(page.apiVersion, type);
  }
  for (const page of sorted) for (const operation of page.operations) operations.add(page.apiVersion, operation);
  types.finish();
  // A patch merges a few pages again: the base types of the others are the stored model's (storedBaseOf).
  const operationList = operations.operations((apiVersion, name) => types.get(apiVersion, name)?.baseType ?? storedBaseOf?.(apiVersion, name));
  resolveReferences(sorted, types, operationList, report);

  const typeList = [...types.entries.values()]
    .map((entry) => entry.model)
    .sort((a, b) => compareText(a.apiVersion ?? "", b.apiVersion ?? "") || compareText(a.name, b.name));
  for (const type of typeList) type.sources.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  return { model: { types: typeList, operations: operationList, diagnostics: Object.values(about).flat() }, diagnostics: about };
}

/** Every non-primitive type a page mentions must be documented; otherwise infer it from examples, or report it. */
function resolveReferences(pages: readonly PageModel[], types: TypeTable, operations: OperationModel[], report: MergeReport): void {
  const missing = new Map<string, { name: string; apiVersion: ApiVersion | null; refs: TypeReference[]; files: string[] }>();
  for (const page of pages) {
    for (const ref of page.typeRefs) {
      if (isPrimitive(ref.name) || types.get(page.apiVersion, ref.name)) continue;
      const key = typeKey(page.apiVersion, ref.name);
      const entry = missing.get(key) ?? { name: ref.name, apiVersion: page.apiVersion, refs: [], files: [] };
      entry.refs.push(ref);
      entry.files.push(page.file);
      missing.set(key, entry);
    }
  }
  if (missing.size === 0) return;
  const samples = collectSamples(operations, (version, name) => types.get(version, name)?.properties);
  for (const [key, { name, apiVersion, refs, files }] of missing) {
    const found = samples.get(key) ?? [];
    const properties = found.length > 0 ? inferProperties(found) : [];
    // Each as its page spells the name (the type is named after the first).
    refs.forEach((ref, i) => report(`refs\0${files[i] ?? ""}`, undocumented(ref.name, ref)));
    const first = refs[0];
    if (properties.length === 0 || !first) continue;
    const shape = properties.map((p) => `${p.name}: ${p.type}${p.collection ? "[]" : ""}`).join(", ");
    report(
      `inferred\0${key}`,
      makeDiagnostic("type-inferred", first.source, `The shape of ${name} { ${shape} } was inferred from ${found.length} example payload${found.length === 1 ? "" : "s"}.`),
    );
    const inferred: TypeModel = {
      name,
      kind: properties.some((p) => p.name === "id") ? "entity" : "complex",
      apiVersion,
      description: `Not documented by any input page: inferred from ${found.length} example payload${found.length === 1 ? "" : "s"}.`,
      properties,
      inferred: true,
      sources: refs.map((ref) => ref.source),
    };
    types.addInferred(inferred);
  }
}

/** The diagnostic for a reference to a type no page documents. */
export function undocumented(name: string, ref: TypeReference): Diagnostic {
  return makeDiagnostic("type-undocumented", ref.source, `The type ${name} is referenced but no input page documents it; add its resource page.`);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d, i) => {
    const previous = diagnostics[i - 1];
    return !previous || compareDiagnostics(previous, d) !== 0;
  });
}

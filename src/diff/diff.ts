/**
 * Comparing two API models: added, removed and changed types, properties, property types, enum
 * members and operations, each classified breaking or not from a client's point of view.
 *
 * Breaking: removing a type, property, enum member, operation or route, or a flags enum's commas; changing a property's
 * type, collection-ness or nullability, a base type, a request or response type; adding a
 * required parameter (path parameter or required header). Everything else is not breaking.
 * Types match by API version and name (case-insensitive); operations by version and id, else by a
 * shared method and route.
 */
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, OperationModel, PropertyModel, TypeModel } from "../model/types.js";

export type ChangeKind = "added" | "removed" | "changed";
export type ChangeSubject = "type" | "property" | "enum-member" | "operation" | "route" | "parameter" | "header";

export interface ApiChange {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** API version folder: beta, v1.0 or unversioned. */
  version: string;
  /** What changed: `type`, `type.property`, `enum.member`, `operationId`, `operationId PATH`. */
  name: string;
  breaking: boolean;
  /** One sentence saying what changed. */
  message: string;
  before?: string;
  after?: string;
}

export interface ApiDiff {
  summary: { changes: number; breaking: number; nonBreaking: number };
  changes: ApiChange[];
}

export function diffModels(before: ApiModel, after: ApiModel): ApiDiff {
  const changes: ApiChange[] = [];
  diffTypes(before.types, after.types, changes);
  diffOperations(before.operations, after.operations, changes);
  changes.sort(compareChanges);
  const breaking = changes.filter((c) => c.breaking).length;
  return { summary: { changes: changes.length, breaking, nonBreaking: changes.length - breaking }, changes };
}

const folder = (v: string | null): string => v ?? "unversioned";
const typeKey = (t: TypeModel): string => `${folder(t.apiVersion)}\u0000${t.name.toLowerCase()}`;

function describeType(p: { type: string; collection: boolean; nullable?: boolean; enumValues?: string[] }): string {
  const base = p.enumValues && p.enumValues.length > 0 ? `${p.type} (${p.enumValues.length} values)` : p.type;
  return `${p.collection ? `Collection(${base})` : base}${p.nullable === false ? ", not nullable" : ""}`;
}

/** Finds a model type of a version by name (case-insensitive). */
type Lookup = (version: string, name: string) => TypeModel | undefined;

function lookupIn(types: TypeModel[]): Lookup {
  const map = new Map(types.map((t) => [typeKey(t), t]));
  return (version, name) => map.get(`${version}\u0000${name.toLowerCase()}`);
}

/**
 * The values a property may take when it is enum-like: its inline "Possible values", or the
 * members of the enum type it references. Moving a list from a property's description into an
 * enum type (or back) is then no type change, only a change of values.
 */
function enumValuesOf(p: PropertyModel, version: string, lookup: Lookup): string[] | undefined {
  if (p.enumValues && p.enumValues.length > 0) return p.enumValues;
  const target = lookup(version, p.type);
  return target?.kind === "enum" ? (target.members ?? []) : undefined;
}

function diffTypes(before: TypeModel[], after: TypeModel[], out: ApiChange[]): void {
  const old = new Map(before.map((t) => [typeKey(t), t]));
  const now = new Map(after.map((t) => [typeKey(t), t]));
  const lookups = { before: lookupIn(before), after: lookupIn(after) };
  for (const [key, t] of old) {
    if (!now.has(key)) out.push({ kind: "removed", subject: "type", version: folder(t.apiVersion), name: t.name, breaking: true, message: `Removed ${t.kind} type ${t.name}.` });
  }
  for (const [key, t] of now) {
    const was = old.get(key);
    const version = folder(t.apiVersion);
    if (!was) {
      out.push({ kind: "added", subject: "type", version, name: t.name, breaking: false, message: `Added ${t.kind} type ${t.name}.` });
      continue;
    }
    if ((was.baseType ?? "") !== (t.baseType ?? "")) {
      out.push({ kind: "changed", subject: "type", version, name: t.name, breaking: true, message: `Base type of ${t.name} changed.`, before: was.baseType ?? "(none)", after: t.baseType ?? "(none)" });
    }
    diffMembers(`${t.name}`, was.members ?? [], t.members ?? [], version, out);
    diffFlags("type", t.name, was.flags === true, t.flags === true, version, out);
    diffProperties(t.name, was.properties, t.properties, version, lookups, out);
  }
}

function diffMembers(owner: string, before: readonly string[], after: readonly string[], version: string, out: ApiChange[]): void {
  const now = new Set(after);
  const old = new Set(before);
  for (const m of before) if (!now.has(m)) out.push({ kind: "removed", subject: "enum-member", version, name: `${owner}.${m}`, breaking: true, message: `Removed value "${m}" from ${owner}.` });
  for (const m of after) if (!old.has(m)) out.push({ kind: "added", subject: "enum-member", version, name: `${owner}.${m}`, breaking: false, message: `Added value "${m}" to ${owner}.` });
}

/** Values joining members with commas accepted (like added members: not breaking) or no longer (breaking). */
function diffFlags(subject: "type" | "property", owner: string, before: boolean, after: boolean, version: string, out: ApiChange[]): void {
  if (before === after) return;
  const message = after ? `The values of ${owner} may now join several members with commas (a flags enum).` : `The values of ${owner} no longer join several members with commas (no longer a flags enum).`;
  out.push({ kind: "changed", subject, version, name: owner, breaking: before, message });
}

function diffProperties(owner: string, before: PropertyModel[], after: PropertyModel[], version: string, lookups: { before: Lookup; after: Lookup }, out: ApiChange[]): void {
  const old = new Map(before.map((p) => [p.name, p]));
  const now = new Map(after.map((p) => [p.name, p]));
  for (const [name, p] of old) {
    if (!now.has(name)) out.push({ kind: "removed", subject: "property", version, name: `${owner}.${name}`, breaking: true, message: `Removed property ${owner}.${name}.`, before: describeType(p) });
  }
  for (const [name, p] of now) {
    const was = old.get(name);
    if (!was) {
      out.push({ kind: "added", subject: "property", version, name: `${owner}.${name}`, breaking: false, message: `Added property ${owner}.${name}.`, after: describeType(p) });
      continue;
    }
    const oldValues = enumValuesOf(was, version, lookups.before);
    const newValues = enumValuesOf(p, version, lookups.after);
    const bothEnums = oldValues !== undefined && newValues !== undefined;
    const sameType = bothEnums || was.type.toLowerCase() === p.type.toLowerCase();
    if (!sameType || was.collection !== p.collection || (was.nullable ?? true) !== (p.nullable ?? true)) {
      out.push({ kind: "changed", subject: "property", version, name: `${owner}.${name}`, breaking: true, message: `Type of ${owner}.${name} changed.`, before: describeType(was), after: describeType(p) });
    }
    // Values of a named enum on both sides are compared once, under the enum type itself.
    const inline = (was.enumValues?.length ?? 0) > 0 || (p.enumValues?.length ?? 0) > 0;
    if (bothEnums && inline) diffMembers(`${owner}.${name}`, oldValues, newValues, version, out);
    if (bothEnums && inline) diffFlags("property", `${owner}.${name}`, was.flags === true, p.flags === true, version, out);
  }
}

const normalizeRoute = (route: string): string => route.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "").toLowerCase();

function diffOperations(before: OperationModel[], after: OperationModel[], out: ApiChange[]): void {
  const unmatched = new Set(after);
  const pairs: Array<[OperationModel, OperationModel | undefined]> = [];
  const byId = new Map(after.map((o) => [`${folder(o.apiVersion)}\u0000${o.id}`, o]));
  const rest: OperationModel[] = [];
  for (const o of before) {
    const same = byId.get(`${folder(o.apiVersion)}\u0000${o.id}`);
    if (same && unmatched.has(same) && same.method === o.method) {
      unmatched.delete(same);
      pairs.push([o, same]);
    } else rest.push(o);
  }
  for (const o of rest) {
    const routes = new Set(o.paths.map(normalizeRoute));
    const same = [...unmatched].find((n) => folder(n.apiVersion) === folder(o.apiVersion) && n.method === o.method && n.paths.some((p) => routes.has(normalizeRoute(p))));
    if (same) unmatched.delete(same);
    pairs.push([o, same]);
  }
  for (const [was, now] of pairs) {
    const version = folder(was.apiVersion);
    if (!now) {
      out.push({ kind: "removed", subject: "operation", version, name: was.id, breaking: true, message: `Removed operation ${was.id} (${was.method} ${was.paths[0] ?? ""}).` });
      continue;
    }
    diffOperation(was, now, version, out);
  }
  for (const o of unmatched) {
    out.push({ kind: "added", subject: "operation", version: folder(o.apiVersion), name: o.id, breaking: false, message: `Added operation ${o.id} (${o.method} ${o.paths[0] ?? ""}).` });
  }
}

function diffOperation(was: OperationModel, now: OperationModel, version: string, out: ApiChange[]): void {
  const name = now.id;
  if (was.id !== now.id) {
    out.push({ kind: "changed", subject: "operation", version, name, breaking: true, message: `Operation ${was.id} is now ${now.id} (its function is renamed).`, before: was.id, after: now.id });
  }
  const oldRoutes = new Map(was.paths.map((p) => [normalizeRoute(p), p]));
  const newRoutes = new Map(now.paths.map((p) => [normalizeRoute(p), p]));
  for (const [key, p] of oldRoutes) if (!newRoutes.has(key)) out.push({ kind: "removed", subject: "route", version, name: `${name} ${p}`, breaking: true, message: `Removed route ${was.method} ${p} from ${name}.` });
  for (const [key, p] of newRoutes) if (!oldRoutes.has(key)) out.push({ kind: "added", subject: "route", version, name: `${name} ${p}`, breaking: false, message: `Added route ${now.method} ${p} to ${name}.` });
  const oldParams = new Set(was.pathParams.map((p) => p.name));
  for (const p of now.pathParams) {
    if (!oldParams.has(p.name)) out.push({ kind: "added", subject: "parameter", version, name: `${name}.${p.name}`, breaking: true, message: `Added required path parameter ${p.name} to ${name}.` });
  }
  const newParams = new Set(now.pathParams.map((p) => p.name));
  for (const p of was.pathParams) {
    if (!newParams.has(p.name)) out.push({ kind: "removed", subject: "parameter", version, name: `${name}.${p.name}`, breaking: true, message: `Removed path parameter ${p.name} from ${name}.` });
  }
  const oldHeaders = new Map(was.requestHeaders.map((h) => [h.name.toLowerCase(), h]));
  for (const h of now.requestHeaders) {
    const before = oldHeaders.get(h.name.toLowerCase());
    if (h.required && !before?.required && h.name.toLowerCase() !== "authorization") {
      out.push({ kind: before ? "changed" : "added", subject: "header", version, name: `${name} ${h.name}`, breaking: true, message: `Header ${h.name} is now required by ${name}.` });
    }
  }
  const body = (type: string | undefined, collection: boolean | undefined): string => (type ? (collection ? `Collection(${type})` : type) : "(none)");
  const oldRequest = body(was.requestType, was.requestCollection);
  const newRequest = body(now.requestType, now.requestCollection);
  if (oldRequest.toLowerCase() !== newRequest.toLowerCase()) {
    out.push({ kind: "changed", subject: "operation", version, name, breaking: true, message: `Request body of ${name} changed.`, before: oldRequest, after: newRequest });
  }
  const oldResponse = body(was.responseType, was.responseCollection);
  const newResponse = body(now.responseType, now.responseCollection);
  if (oldResponse.toLowerCase() !== newResponse.toLowerCase()) {
    out.push({ kind: "changed", subject: "operation", version, name, breaking: true, message: `Response body of ${name} changed.`, before: oldResponse, after: newResponse });
  }
}

const KIND_RANK: Record<ChangeKind, number> = { removed: 0, changed: 1, added: 2 };

function compareChanges(a: ApiChange, b: ApiChange): number {
  return (
    Number(b.breaking) - Number(a.breaking) ||
    compareText(a.version, b.version) ||
    compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compareText(a.name, b.name) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareText(a.subject, b.subject) ||
    compareText(a.message, b.message)
  );
}

/** Markdown for a pull request or release notes: breaking changes first, then the rest. */
export function diffToMarkdown(diff: ApiDiff): string {
  const lines = [`# API changes`, "", `${diff.summary.changes} changes: ${diff.summary.breaking} breaking, ${diff.summary.nonBreaking} not breaking.`];
  const section = (title: string, items: ApiChange[]): void => {
    if (items.length === 0) return;
    lines.push("", `## ${title}`, "");
    lines.push("| version | change | what | details |", "|---|---|---|---|");
    for (const c of items) {
      const details = c.before !== undefined && c.after !== undefined ? `\`${c.before}\` → \`${c.after}\`` : (c.after ?? c.before ?? "");
      lines.push(`| ${c.version} | ${c.kind} ${c.subject} | \`${cell(c.name)}\` | ${cell(details)} |`);
    }
  };
  section("Breaking", diff.changes.filter((c) => c.breaking));
  section("Not breaking", diff.changes.filter((c) => !c.breaking));
  return lines.join("\n") + "\n";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/**
 * Merging operations. One operation per API version, method and route: pages that document the same
 * route (the same call written up twice, or a collection GET repeated on derived-type pages) become
 * one operation whose examples and sources are the union. Its title is the first page's, or, when
 * several pages were merged, the first title that names the route's last segment (see `routeTitle`).
 *
 * Id rule (README "Generated names", docs/model.md): camelCase of the title's words
 * (`Update remoteActionAudit` → `updateRemoteActionAudit`, `user: delta` → `userDelta`). Ids are
 * assigned once every page is merged, so they never depend on file order. When different operations
 * of one version derive the same id (a clash group):
 * - the one whose first route has strictly the fewest literal segments keeps the bare id (it is the
 *   root resource: `GET /groups/{id}` stays `getGroup`); with a tie, none does;
 * - every other one gets `Of` + the distinguishing part of its first route: the literal segments
 *   before the last one, nearest first, skipping segments every member of the group shares at that
 *   position, as few as make the id unique (`GET /directoryRoles/{id}/members` → `listMembersOfDirectoryRoles`);
 * - if that cannot separate them, all literal segments of the route; if still not, a numeric suffix
 *   in route order (`updateThing2`).
 * Each renamed operation gets an `operation-id-clash` warning.
 */
import { compareText, makeDiagnostic } from "./diagnostics.js";
import { where, type MergeReport } from "./merge-types.js";
import type { PageOperationModel } from "./page.js";
import { pathParams } from "./paths.js";
import type { ApiVersion, Diagnostic, OperationModel, PermissionEntry, PermissionsModel } from "./types.js";

export class OperationTable {
  private readonly byRoute = new Map<string, OperationModel>();
  /** The titles of every page merged into an operation, in file order. */
  private readonly titles = new Map<OperationModel, string[]>();
  /** Diagnostics about each operation, reported once its routes (its key) are final. */
  private readonly found = new Map<OperationModel, Diagnostic[]>();

  constructor(private readonly report: MergeReport) {}

  private note(operation: OperationModel, diagnostic: Diagnostic): void {
    const list = this.found.get(operation);
    if (list) list.push(diagnostic);
    else this.found.set(operation, [diagnostic]);
  }

  add(apiVersion: ApiVersion | null, page: PageOperationModel): void {
    const keys = page.paths.map((path) => routeKey(apiVersion, page.method, path));
    const existing = keys.map((key) => this.byRoute.get(key)).find((op) => op !== undefined);
    if (existing) {
      this.mergeInto(existing, page);
      this.titles.get(existing)?.push(page.title);
      for (const key of keys) if (!this.byRoute.has(key)) this.byRoute.set(key, existing);
      return;
    }
    const operation = this.create(apiVersion, page);
    this.titles.set(operation, [page.title]);
    for (const key of keys) this.byRoute.set(key, operation);
  }

  operations(): OperationModel[] {
    const operations = [...new Set(this.byRoute.values())];
    for (const op of operations) {
      const titles = this.titles.get(op) ?? [];
      const title = routeTitle(op, titles);
      if (title !== op.title) Object.assign(op, { title, id: operationId(title) });
      else op.id = routeId(op, titles) ?? op.id;
    }
    for (const [op, diagnostics] of this.found) for (const diagnostic of diagnostics) this.report(operationKey(op), diagnostic);
    assignOperationIds(operations, this.report);
    for (const op of operations) if (countsInExamples(op)) op.countable = true;
    return operations.sort(
      (a, b) => compareText(a.apiVersion ?? "", b.apiVersion ?? "") || compareText(a.id, b.id),
    );
  }

  private create(apiVersion: ApiVersion | null, page: PageOperationModel): OperationModel {
    const { source, title, ...rest } = page;
    const paths = dedupeRoutes(page.paths);
    // Copies of every array: merging later pages must never change the PageModels it was given.
    return {
      id: operationId(title),
      title,
      apiVersion,
      ...rest,
      paths,
      pathParams: pathParams(paths),
      requestHeaders: [...page.requestHeaders],
      examples: [...page.examples],
      sources: [source],
    };
  }

  private mergeInto(operation: OperationModel, page: PageOperationModel): void {
    if (page.functionParameters) {
      const names = new Set((operation.functionParameters ?? []).map((p) => p.name.toLowerCase()));
      const added = page.functionParameters.filter((p) => !names.has(p.name.toLowerCase()));
      if (added.length > 0) operation.functionParameters = [...(operation.functionParameters ?? []), ...added];
    }
    const first = operation.sources[0];
    this.note(
      operation,
      makeDiagnostic("operation-duplicate", page.source, `${page.method} ${page.paths[0] ?? ""} is also documented at ${first ? where(first) : "another page"}; the pages were merged into "${operation.title}".`),
    );
    operation.sources.push(page.source);
    operation.examples.push(...page.examples);
    const known = new Set(operation.paths.map((path) => routeKey(null, "", path)));
    const added = page.paths.filter((path) => !known.has(routeKey(null, "", path)));
    operation.paths.push(...dedupeRoutes(added));
    const params = new Set(operation.pathParams.map((p) => p.name));
    for (const param of pathParams(added)) if (!params.has(param.name)) operation.pathParams.push(param);
    const headers = new Set(operation.requestHeaders.map((h) => h.name.toLowerCase()));
    for (const header of page.requestHeaders) {
      if (headers.has(header.name.toLowerCase())) continue;
      headers.add(header.name.toLowerCase());
      operation.requestHeaders.push(header);
    }
    operation.requestType ??= page.requestType;
    operation.responseType ??= page.responseType;
    operation.successStatus ??= page.successStatus;
    if (!operation.description && page.description) operation.description = page.description;
    if (page.permissions) operation.permissions = this.mergePermissions(operation, page.permissions, page);
  }

  private mergePermissions(operation: OperationModel, incoming: PermissionsModel, page: PageOperationModel): PermissionsModel {
    const current = operation.permissions;
    if (!current) return incoming;
    const entries: PermissionEntry[] = current.entries.map((e) => ({ ...e, scopes: [...e.scopes] }));
    let differs = false;
    for (const entry of incoming.entries) {
      const match = entries.find((e) => e.kind === entry.kind);
      if (!match) {
        // A copy: a later entry of the same kind adds its scopes to it, and pages are never changed.
        entries.push({ ...entry, scopes: [...entry.scopes] });
        differs = true;
        continue;
      }
      const added = entry.scopes.filter((scope) => !match.scopes.includes(scope));
      if (added.length > 0 || match.supported !== entry.supported) differs = true;
      match.scopes.push(...added);
      match.supported ||= entry.supported;
    }
    if (differs) {
      const first = operation.sources[0];
      this.note(
        operation,
        makeDiagnostic("permissions-disagree", incoming.entries[0]?.source ?? page.source, `The permissions of "${operation.title}" here differ from ${first ? where(first) : "another page"}; the union is used.`),
      );
    }
    return { declaredOrder: current.declaredOrder, entries };
  }
}

/** Gives every operation its final id (see the file header), in place; renamings are reported. */
export function assignOperationIds(operations: readonly OperationModel[], report: MergeReport): void {
  const groups = new Map<string, OperationModel[]>();
  for (const op of operations) {
    const key = `${op.apiVersion ?? ""}|${op.id}`;
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const taken = new Set<string>();
  const clashing: { group: OperationModel[]; root: OperationModel | undefined }[] = [];
  for (const [key, group] of groups) {
    if (group.length === 1) {
      taken.add(key);
      continue;
    }
    group.sort((a, b) => compareText(routeOf(a), routeOf(b)) || compareText(a.method, b.method));
    const sizes = group.map((op) => literalSegments(routeOf(op)).length);
    const fewest = Math.min(...sizes);
    const root = sizes.filter((n) => n === fewest).length === 1 ? group[sizes.indexOf(fewest)] : undefined;
    if (root) taken.add(key);
    clashing.push({ group, root });
  }
  for (const { group, root } of clashing) {
    const base = group[0]?.id ?? "";
    const version = group[0]?.apiVersion ?? null;
    const others = group.filter((op) => op !== root);
    const ids = qualifiedIds(base, others);
    others.forEach((op, i) => {
      let id = ids[i] ?? base;
      for (let n = 2; taken.has(`${version ?? ""}|${id}`); n++) id = `${ids[i] ?? base}${n}`;
      taken.add(`${version ?? ""}|${id}`);
      const first = op.sources[0];
      const holder = root ? `${routeOf(root)} keeps it` : "no route of them is the root one";
      if (first) report(operationKey(op), makeDiagnostic("operation-id-clash", first, `"${op.title}" derives the id ${base}, as ${group.length - 1} other operation${group.length === 2 ? " does" : "s do"} (${holder}); this one (${op.method} ${routeOf(op)}) is named ${id}.`));
      op.id = id;
    });
  }
}

/** `Update remoteActionAudit` → `updateRemoteActionAudit`; non-alphanumerics split words. */
export function operationId(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const [head, ...tail] = words;
  if (!head) return "operation";
  const id = head.charAt(0).toLowerCase() + head.slice(1) + tail.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[0-9]/.test(id) ? `op${id}` : id;
}

/**
 * The title an operation merged from several pages is named after: the first (in file order) that
 * names the last literal segment of its first route, singular or plural (`GET /deviceManagement/deviceConfigurations`,
 * repeated on 128 derived-type pages, is named after "List deviceConfigurations"); else the first page's.
 */
function routeTitle(op: OperationModel, titles: readonly string[]): string {
  if (titles.length < 2) return op.title;
  const last = (literalSegments(routeOf(op)).at(-1) ?? "").toLowerCase();
  const names = (word: string): boolean => {
    const w = word.toLowerCase();
    return w === last || `${w}s` === last || w === `${last}s` || w.replace(/y$/, "ies") === last;
  };
  return titles.find((title) => title.split(/[^A-Za-z0-9]+/).some(names)) ?? op.title;
}

/**
 * When no merged page's title names the route, but all share their first word, the id is that verb
 * and the route's last segment, singular unless the first title's object is plural: the abstract
 * `PATCH /deviceManagement/deviceConfigurations/{id}`, documented only on derived-type pages
 * ("Update androidCustomConfiguration", …), is `updateDeviceConfiguration`.
 */
function routeId(op: OperationModel, titles: readonly string[]): string | undefined {
  if (new Set(titles).size < 2) return undefined;
  const verbs = new Set(titles.map((title) => (title.split(/[^A-Za-z0-9]+/).find(Boolean) ?? "").toLowerCase()));
  const segment = literalSegments(routeOf(op)).at(-1);
  const words = op.title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (verbs.size !== 1 || !segment || words.length < 2) return undefined;
  const plural = /s$/i.test(words.at(-1) ?? "");
  const object = plural ? segment : segment.replace(/ies$/, "y").replace(/s$/, "");
  return operationId(`${words[0] ?? ""} ${object}`);
}

/** The route an operation's id is qualified by: its first documented one. */
function routeOf(op: OperationModel): string {
  return op.paths[0] ?? "";
}

/** The literal segments of a route as words: `/me/photos/{size}/$value` → me, photos, value; `microsoft.graph.x` → x. */
function literalSegments(route: string): string[] {
  return route
    .split("/")
    .map((segment) => segment.replace(/\{[^}]*\}/g, "").replace(/\(.*\)/, "").replace(/^microsoft\.graph\./i, "").replace(/[^A-Za-z0-9]+/g, ""))
    .filter(Boolean);
}

/**
 * `base` + `Of` + the owner segments that tell the operations apart (see the file header), one id
 * per operation in order; ids that still coincide are left equal for the caller's numeric suffix.
 */
function qualifiedIds(base: string, ops: readonly OperationModel[]): string[] {
  const chains = ops.map((op) => literalSegments(routeOf(op)).slice(0, -1).reverse());
  const longest = Math.max(0, ...chains.map((c) => c.length));
  // Positions (nearest owner first) where the members differ; shared segments say nothing.
  // A lone operation (the others' root keeps the bare id) is told apart by its nearest owners.
  const telling = [...Array(longest).keys()].filter((i) => chains.length === 1 || new Set(chains.map((c) => (c[i] ?? "").toLowerCase())).size > 1);
  const ids = (take: number): string[] =>
    chains.map((chain) => {
      const words = telling.slice(0, take).map((i) => chain[i]).filter((w): w is string => w !== undefined).reverse();
      return words.length > 0 ? base + "Of" + words.map(upperFirst).join("") : base;
    });
  for (let take = 1; take <= telling.length; take++) {
    const candidate = ids(take);
    if (new Set(candidate.map((id) => id.toLowerCase())).size === candidate.length) return candidate;
  }
  const full = ops.map((op) => base + "Of" + literalSegments(routeOf(op)).map(upperFirst).join(""));
  return new Set(full.map((id) => id.toLowerCase())).size === full.length ? full : ops.map(() => base);
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The routes, keeping the first of any that differ only in placeholder names and letter case. */
function dedupeRoutes(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = routeKey(null, "", path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What identifies an operation of a merged model: its version, method and first route (no two
 * operations share a route: a page naming a route already merged is merged into that operation).
 */
export function operationKey(op: Pick<OperationModel, "apiVersion" | "method" | "paths">): string {
  return routeKey(op.apiVersion, op.method, op.paths[0] ?? "");
}

/** Routes are the same when they differ only in placeholder names and letter case. */
export function routeKey(apiVersion: ApiVersion | null, method: string, path: string): string {
  return `${apiVersion ?? ""}|${method}|${path.replace(/\{[^}]*\}/g, "{}").toLowerCase()}`;
}

/** A collection GET one of whose example requests ends its path with `/$count` (after an optional type cast). */
function countsInExamples(op: OperationModel): boolean {
  if (op.method !== "GET" || !op.responseCollection) return false;
  return op.examples.some((example) => /\/\$count\/?$/i.test((example.request?.url ?? "").split("?")[0] ?? ""));
}

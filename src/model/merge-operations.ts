/**
 * Merging operations. One operation per API version, method and route: pages that document the same
 * route (the same call written up twice, or a collection GET repeated on derived-type pages) become
 * one operation whose examples and sources are the union. Ids come from the first page's title.
 *
 * Id rule: camelCase of the title's words (`Update remoteActionAudit` → `updateRemoteActionAudit`,
 * `user: delta` → `userDelta`). When different operations of one version derive the same id, the
 * first (in file order) keeps it and each later one gets the next free numeric suffix (`updateUser2`),
 * with an `operation-id-clash` diagnostic.
 */
import { compareText, makeDiagnostic } from "./diagnostics.js";
import { where } from "./merge-types.js";
import type { PageOperationModel } from "./page.js";
import { pathParams } from "./paths.js";
import type { ApiVersion, Diagnostic, OperationModel, PermissionEntry, PermissionsModel } from "./types.js";

export class OperationTable {
  private readonly byRoute = new Map<string, OperationModel>();
  private readonly ids = new Map<string, string>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  add(apiVersion: ApiVersion | null, page: PageOperationModel): void {
    const keys = page.paths.map((path) => routeKey(apiVersion, page.method, path));
    const existing = keys.map((key) => this.byRoute.get(key)).find((op) => op !== undefined);
    if (existing) {
      this.mergeInto(existing, page);
      for (const key of keys) if (!this.byRoute.has(key)) this.byRoute.set(key, existing);
      return;
    }
    const operation = this.create(apiVersion, page);
    for (const key of keys) this.byRoute.set(key, operation);
  }

  operations(): OperationModel[] {
    return [...new Set(this.byRoute.values())].sort(
      (a, b) => compareText(a.apiVersion ?? "", b.apiVersion ?? "") || compareText(a.id, b.id),
    );
  }

  private create(apiVersion: ApiVersion | null, page: PageOperationModel): OperationModel {
    const { source, title, ...rest } = page;
    const id = this.uniqueId(apiVersion, operationId(title), page);
    const paths = dedupeRoutes(page.paths);
    // Copies of every array: merging later pages must never change the PageModels it was given.
    return {
      id,
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

  private uniqueId(apiVersion: ApiVersion | null, base: string, page: PageOperationModel): string {
    let id = base;
    for (let n = 2; this.ids.has(`${apiVersion ?? ""}|${id}`); n++) id = `${base}${n}`;
    if (id !== base) {
      const firstFile = this.ids.get(`${apiVersion ?? ""}|${base}`) ?? "";
      this.diagnostics.push(
        makeDiagnostic("operation-id-clash", page.source, `"${page.title}" derives the id ${base}, already used by ${firstFile} for another route; this operation is named ${id}.`),
      );
    }
    this.ids.set(`${apiVersion ?? ""}|${id}`, page.source.file);
    return id;
  }

  private mergeInto(operation: OperationModel, page: PageOperationModel): void {
    const first = operation.sources[0];
    this.diagnostics.push(
      makeDiagnostic("operation-duplicate", page.source, `${page.method} ${page.paths[0] ?? ""} is also documented at ${first ? where(first) : "another page"}; the pages were merged into ${operation.id}.`),
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
        entries.push(entry);
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
      this.diagnostics.push(
        makeDiagnostic("permissions-disagree", incoming.entries[0]?.source ?? page.source, `The permissions of ${operation.id} here differ from ${first ? where(first) : "another page"}; the union is used.`),
      );
    }
    return { declaredOrder: current.declaredOrder, entries };
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

/** Routes are the same when they differ only in placeholder names and letter case. */
function routeKey(apiVersion: ApiVersion | null, method: string, path: string): string {
  return `${apiVersion ?? ""}|${method}|${path.replace(/\{[^}]*\}/g, "{}").toLowerCase()}`;
}

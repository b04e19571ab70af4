/**
 * Merging operations. One operation per API version, method and route: pages that document the same
 * route (the same call written up twice, or a collection GET repeated on derived-type pages) become
 * one operation whose examples and sources are the union. A page documenting routes that other pages
 * document one by one (`compositeEntries`) does not join them: each keeps its operation, and the
 * page's examples go to the one their URL addresses. Its title is the first page's, or, when
 * several pages were merged, the first title that names the route's last segment (see `routeTitle`);
 * pages that document it among other operations, or as another method than their own, name it only
 * when no other page does (then with the method: `updateRegionalAndLanguageSettingsPatch`).
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
import { requestPath, routeMatch } from "./route-match.js";
import type { ApiVersion, Diagnostic, ExampleModel, OperationModel, PermissionEntry, PermissionsModel, PropertyModel } from "./types.js";

/** One page's operation as added: its routes' keys (once each), and its place in the order added. */
interface Entry {
  apiVersion: ApiVersion | null;
  page: PageOperationModel;
  keys: string[];
  order: number;
}

/** The routes of one operation and the page operations that document them (see `groupEntries`). */
interface Group {
  /** Its routes' keys, and each key's route as first written. */
  routes: Map<string, string>;
  /** Every page operation documenting any of its routes, best first (`rank`, then order added). */
  contributors: Entry[];
}

export class OperationTable {
  private readonly entries: Entry[] = [];
  /** Diagnostics about each operation, reported once its routes (its key) are final. */
  private readonly found = new Map<OperationModel, Diagnostic[]>();

  constructor(private readonly report: MergeReport) {}

  private note(operation: OperationModel, diagnostic: Diagnostic): void {
    const list = this.found.get(operation);
    if (list) list.push(diagnostic);
    else this.found.set(operation, [diagnostic]);
  }

  /** Pages' operations are added in file order (and a page's in its order); `operations()` merges them. */
  add(apiVersion: ApiVersion | null, page: PageOperationModel): void {
    const keys = [...new Set(page.paths.map((path) => routeKey(apiVersion, page.method, path)))];
    this.entries.push({ apiVersion, page, keys, order: this.entries.length });
  }

  /** `baseOf`: a type's documented base type, for the request and response types of operations several derived-type pages document. */
  operations(baseOf: BaseOf = () => undefined): OperationModel[] {
    const byKey = entriesByKey(this.entries);
    const composite = compositeEntries(this.entries, byKey);
    const groups = groupEntries(this.entries, byKey, composite);
    // Each example of a composite page goes to the operation whose route its request addresses.
    const targets = new Map<Entry, Group[]>();
    for (const group of groups) for (const entry of group.contributors) if (composite.has(entry)) targets.set(entry, [...(targets.get(entry) ?? []), group]);
    const examplesOf = new Map<Entry, Map<Group, ExampleModel[]>>();
    for (const [entry, groupsOfEntry] of targets) examplesOf.set(entry, assignExamples(entry, groupsOfEntry, composite));

    const operations = groups.map((group) => {
      const [first, ...rest] = group.contributors;
      if (first === undefined) throw new Error("an operation without a page"); // groupEntries makes none
      const examples = (entry: Entry): ExampleModel[] => examplesOf.get(entry)?.get(group) ?? entry.page.examples;
      const op = this.create(first, [...group.routes.values()], examples(first));
      // A group's routes are all listed by plain page operations or all by composite ones only (`groupEntries`).
      for (const entry of rest) this.mergeInto(op, entry, examples(entry), composite.has(entry) && !composite.has(first));
      // Pages of derived types documenting one route (`POST /deviceManagement/deviceConfigurations` on
      // 108 pages, each with its own type) send and return their common base type.
      const typed = group.contributors.filter((entry) => !(composite.has(entry) && !composite.has(first)));
      const base = (name: string): string | undefined => baseOf(first.apiVersion, name);
      const requestType = commonBase(typed.map((entry) => entry.page.requestType), base);
      const responseType = commonBase(typed.map((entry) => entry.page.responseType), base);
      if (requestType !== undefined) op.requestType = requestType;
      if (responseType !== undefined) op.responseType = responseType;
      // Named after the best-ranked pages only: a page that documents this operation among others, or only another method of its own, does not name it.
      const best = group.contributors.filter((entry) => rank(entry, composite) === rank(first, composite));
      const titles = best.map((entry) => entry.page.title);
      const title = routeTitle(op, titles);
      const named = title !== op.title;
      if (named) Object.assign(op, { title, id: operationId(title) });
      // Only pages documenting another method name it: the title and the method (`updateRegionalAndLanguageSettingsPatch`),
      // not the route's segment after their verb, which is another method's (`createMultiValueExtendedPropertyPatch`).
      if (best.every((entry) => entry.page.secondary === true)) op.id += upperFirst(op.method.toLowerCase());
      else if (!named) op.id = routeId(op, titles) ?? op.id;
      return op;
    });
    for (const [op, diagnostics] of this.found) for (const diagnostic of diagnostics) this.report(operationKey(op), diagnostic);
    assignOperationIds(operations, this.report);
    for (const op of operations) if (countsInExamples(op)) op.countable = true;
    return operations.sort(
      (a, b) => compareText(a.apiVersion ?? "", b.apiVersion ?? "") || compareText(a.id, b.id),
    );
  }

  private create(entry: Entry, paths: string[], examples: readonly ExampleModel[]): OperationModel {
    const { source, title, secondary: _secondary, ...rest } = entry.page;
    // Copies of every array: merging later pages must never change the PageModels it was given.
    return {
      id: operationId(title),
      title,
      apiVersion: entry.apiVersion,
      ...rest,
      paths,
      pathParams: pathParams(paths),
      requestHeaders: [...entry.page.requestHeaders],
      examples: [...examples],
      sources: [source],
    };
  }

  /**
   * Another page's documentation of the operation. `partly`: the page documents this operation
   * among others (a composite page that has none of the operation's routes to itself): it adds its
   * examples and request headers, not its permissions, parameters or types, which are the others' too.
   */
  private mergeInto(operation: OperationModel, entry: Entry, examples: readonly ExampleModel[], partly: boolean): void {
    const page = entry.page;
    const first = operation.sources[0];
    // The page's first route that is one of the operation's (a composite page lists others' too).
    const own = new Set(operation.paths.map((path) => routeKey(null, "", path)));
    const route = page.paths.find((path) => own.has(routeKey(null, "", path))) ?? page.paths[0] ?? "";
    const at = first ? where(first) : "another page";
    const message = partly
      ? `${page.method} ${route}, one of the routes of several operations this page lists, is documented at ${at}; the examples addressing it were added to "${operation.title}".`
      : `${page.method} ${route} is also documented at ${at}; the pages were merged into "${operation.title}".`;
    this.note(operation, makeDiagnostic("operation-duplicate", page.source, message));
    operation.sources.push(page.source);
    operation.examples.push(...examples);
    const headers = new Set(operation.requestHeaders.map((h) => h.name.toLowerCase()));
    for (const header of page.requestHeaders) {
      if (headers.has(header.name.toLowerCase())) continue;
      headers.add(header.name.toLowerCase());
      operation.requestHeaders.push(header);
    }
    if (partly) return;
    const functionParameters = unionParameters(operation.functionParameters, page.functionParameters);
    if (functionParameters) operation.functionParameters = functionParameters;
    const bodyParameters = unionParameters(operation.bodyParameters, page.bodyParameters);
    if (bodyParameters) operation.bodyParameters = bodyParameters;
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

/**
 * Page operations that document several operations at once (composite): ones sharing routes with two
 * smaller page operations that share none with each other. "Create single-value extended property"
 * lists `POST /me/messages`, `POST /me/events`, … (30 routes), each of which a page of its own documents
 * ("Create message", "Create event"); "Update conversationMember" lists the team's and the channel's
 * member routes, each with its own page. Such a page does not join the operations it documents into
 * one: each of its routes stays with the pages documenting it alone (`groupEntries`).
 */
function compositeEntries(entries: readonly Entry[], byKey: ReadonlyMap<string, readonly Entry[]>): Set<Entry> {
  const composite = new Set<Entry>();
  for (const entry of entries) {
    const smaller = [...new Set(entry.keys.flatMap((key) => byKey.get(key) ?? []))].filter((other) => other.keys.length < entry.keys.length);
    const disjoint = smaller.some((a, i) => smaller.slice(i + 1).some((b) => !a.keys.some((key) => b.keys.includes(key))));
    if (disjoint) composite.add(entry);
  }
  return composite;
}

function entriesByKey(entries: readonly Entry[]): Map<string, Entry[]> {
  const byKey = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const key of entry.keys) {
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [entry]);
      else list.push(entry);
    }
  }
  return byKey;
}

/**
 * The operations: one per set of routes that pages document together. A route belongs with the page
 * operations listing it that are not composite (or, when only composite ones list it, with those),
 * and page operations sharing a route are one operation (the same call documented twice, a collection
 * GET repeated on 128 derived-type pages). A composite page operation also documents the operations
 * its other routes belong to (a contributor to each). Contributors are ordered by `rank`, then in the
 * order added (file order): what the first says wins where pages differ. Independent of file order
 * given the same pages.
 */
function groupEntries(entries: readonly Entry[], byKey: ReadonlyMap<string, readonly Entry[]>, composite: ReadonlySet<Entry>): Group[] {
  const parent = new Map<Entry, Entry>();
  const find = (entry: Entry): Entry => {
    let root = entry;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    parent.set(entry, root);
    return root;
  };
  // Each route's owners: the page operations listing it that are not composite, else all that list it.
  const owners = new Map<string, readonly Entry[]>();
  for (const [key, all] of byKey) {
    const plain = all.filter((entry) => !composite.has(entry));
    owners.set(key, plain.length > 0 ? plain : all);
  }
  for (const [head, ...others] of owners.values()) {
    if (head === undefined) continue;
    for (const other of others) {
      const a = find(head);
      const b = find(other);
      // The earlier entry is the root, so that roots (and the groups' order) follow the order added.
      if (a !== b) parent.set(a.order < b.order ? b : a, a.order < b.order ? a : b);
    }
  }
  const groups = new Map<Entry, Group>();
  const groupOf = (key: string): Group | undefined => {
    const [owner] = owners.get(key) ?? [];
    if (owner === undefined) return undefined;
    const root = find(owner);
    let group = groups.get(root);
    if (group === undefined) {
      group = { routes: new Map(), contributors: [] };
      groups.set(root, group);
    }
    return group;
  };
  for (const entry of entries) {
    for (const key of entry.keys) {
      const group = groupOf(key);
      if (group !== undefined && !group.contributors.includes(entry)) group.contributors.push(entry);
    }
  }
  for (const group of groups.values()) {
    group.contributors.sort((a, b) => rank(a, composite) - rank(b, composite) || a.order - b.order);
    // Routes in the contributors' order: the best page's first (an operation is keyed by its first route).
    for (const entry of group.contributors) {
      entry.page.paths.forEach((path) => {
        const key = routeKey(entry.apiVersion, entry.page.method, path);
        if (!group.routes.has(key) && groupOf(key) === group) group.routes.set(key, path);
      });
    }
  }
  return [...groups.values()];
}

/** How well a page operation speaks for an operation: 0 its page's own, 1 another method of its page, 2 and 3 the same of a composite page. */
function rank(entry: Entry, composite: ReadonlySet<Entry>): number {
  return (composite.has(entry) ? 2 : 0) + (entry.page.secondary === true ? 1 : 0);
}

/**
 * Each example of a composite page operation with the operation its request addresses: the one
 * with the route matching its URL best (`routeMatch`); an example matching none (or without a
 * request) goes with the page's own operation (of routes no other page lists), else with the
 * operation of the page's first route.
 */
function assignExamples(entry: Entry, groups: readonly Group[], composite: ReadonlySet<Entry>): Map<Group, ExampleModel[]> {
  const assigned = new Map<Group, ExampleModel[]>(groups.map((group) => [group, []]));
  const firstKey = entry.keys[0];
  // The page's own operation, of the routes only composite pages list (all of whose contributors are composite).
  const own = groups.find((group) => group.contributors[0] !== undefined && composite.has(group.contributors[0]));
  const home = own ?? groups.find((group) => firstKey !== undefined && group.routes.has(firstKey)) ?? groups[0];
  for (const example of entry.page.examples) {
    let best = home;
    let score = 0;
    const url = example.request?.url;
    if (url !== undefined) {
      const path = requestPath(url);
      for (const group of groups) {
        for (const route of group.routes.values()) {
          const s = routeMatch(route, path);
          if (s > score) [best, score] = [group, s];
        }
      }
    }
    if (best !== undefined) assigned.get(best)?.push(example);
  }
  return assigned;
}

/**
 * The operations documented by the pages `files`, with every operation documented by a page that
 * documents one of them, and so on: what merging any of them again needs merged with it. A composite
 * page is told apart only by the pages documenting its other operations, and its examples go to any
 * of them (in the corpus such a family is at most 30 operations of 40 pages).
 */
export function documentedTogether(operations: readonly OperationModel[], files: ReadonlySet<string>): OperationModel[] {
  const found = new Set<OperationModel>();
  const reached = new Set(files);
  for (let grown = true; grown; ) {
    grown = false;
    for (const op of operations) {
      if (found.has(op) || !op.sources.some((source) => reached.has(source.file))) continue;
      found.add(op);
      grown = true;
      for (const source of op.sources) reached.add(source.file);
    }
  }
  return operations.filter((op) => found.has(op));
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

/**
 * What identifies an operation of a merged model: its version, method and first route (no two
 * operations share a route: a page naming a route already merged is merged into that operation).
 */
export function operationKey(op: Pick<OperationModel, "apiVersion" | "method" | "paths">): string {
  return routeKey(op.apiVersion, op.method, op.paths[0] ?? "");
}

/** `current` with the parameters of `incoming` it lacks (names compared case-insensitively); undefined when neither has any. */
function unionParameters(current: PropertyModel[] | undefined, incoming: readonly PropertyModel[] | undefined): PropertyModel[] | undefined {
  if (!incoming) return current;
  const names = new Set((current ?? []).map((p) => p.name.toLowerCase()));
  const added = incoming.filter((p) => !names.has(p.name.toLowerCase()));
  return added.length > 0 ? [...(current ?? []), ...added] : current;
}

/** A type's documented base type in an API version (TypeTable's), if any. */
export type BaseOf = (apiVersion: ApiVersion | null, name: string) => string | undefined;

/**
 * The types `names` name (first one first): the nearest type all of them are or derive from (the
 * first one's own base chain is searched, nearest first); the first when they share none, or when
 * there is only one. Names compare case-insensitively.
 */
export function commonBase(names: ReadonlyArray<string | undefined>, baseOf: (name: string) => string | undefined): string | undefined {
  const given = names.filter((name): name is string => name !== undefined);
  const [first] = given;
  const distinct = new Set(given.map((name) => name.toLowerCase()));
  if (first === undefined || distinct.size < 2) return first;
  const chain = (name: string): string[] => {
    const found: string[] = [];
    const seen = new Set<string>();
    for (let current: string | undefined = name; current !== undefined && !seen.has(current.toLowerCase()); current = baseOf(current)) {
      seen.add(current.toLowerCase());
      found.push(current);
    }
    return found;
  };
  const others = [...distinct].map((name) => new Set(chain(name).map((n) => n.toLowerCase())));
  return chain(first).find((candidate) => others.every((ancestors) => ancestors.has(candidate.toLowerCase()))) ?? first;
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

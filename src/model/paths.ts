/** Path parameters of route templates: `{id}`, `{id | userPrincipalName}` (named after the first alternative). */
import type { PathParamModel } from "./types.js";

/** The placeholders of the routes, in order and once each (see `routeParamNames` for repeats within a route). */
export function pathParams(paths: readonly string[]): PathParamModel[] {
  const names = new Set<string>();
  for (const path of paths) for (const name of routeParamNames(path)) names.add(name);
  return [...names].map((name) => ({ name, type: "String" }));
}

/**
 * The parameter name of each placeholder of one route, in order. A name repeated within the route
 * is numbered from its second occurrence (`/classes/{id}/assignments/{id}` → `id`, `id2`): the
 * two segments take different values. Empty placeholders are skipped.
 */
export function routeParamNames(path: string): string[] {
  const seen = new Map<string, number>();
  const names: string[] = [];
  for (const match of path.matchAll(/\{([^}]*)\}/g)) {
    const name = paramName(match[1] ?? "");
    if (name === "") continue;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    names.push(count === 1 ? name : `${name}${count}`);
  }
  return names;
}

/** `{id | userPrincipalName}` → `id`; `{site-id}` → `site-id` (emitters make identifiers). */
export function paramName(placeholder: string): string {
  return (placeholder.split("|")[0] ?? "").trim();
}

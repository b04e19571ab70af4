/** Path parameters of route templates: `{id}`, `{id | userPrincipalName}` (named after the first alternative). */
import type { PathParamModel } from "./types.js";

/** The placeholders of a route, in order and once each. */
export function pathParams(paths: readonly string[]): PathParamModel[] {
  const names = new Set<string>();
  for (const path of paths) {
    for (const match of path.matchAll(/\{([^}]*)\}/g)) {
      const name = paramName(match[1] ?? "");
      if (name !== "") names.add(name);
    }
  }
  return [...names].map((name) => ({ name, type: "String" }));
}

/** `{id | userPrincipalName}` → `id`; `{site-id}` → `site-id` (emitters make identifiers). */
export function paramName(placeholder: string): string {
  return (placeholder.split("|")[0] ?? "").trim();
}

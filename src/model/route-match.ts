/**
 * Which documented route an example request addresses. Used where one page's examples go to several
 * operations (merge-operations.ts: a page documenting routes that other pages document one by one).
 */

/** `https://graph.microsoft.com/beta/me/events('A')/x?$top=1` → `/me/events/A/x`: no host, version, query or trailing slash; a quoted key in parentheses as a segment. */
export function requestPath(url: string): string {
  let rest = url.trim().replace(/^[a-z]+:\/\/[^/]*/i, "");
  const version = /(?:^|\/)(?:beta|v1\.0)(?=\/|$|\?)/i.exec(rest);
  if (version) rest = rest.slice(version.index + version[0].length);
  let path = rest.split("?")[0] ?? "";
  if (!path.startsWith("/")) path = `/${path}`;
  path = path.replace(/\('((?:[^'/]|'')*)'\)(?=\/|$)/g, (_, key: string) => `/${key}`);
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = new Map<string, RegExp>();

/** A route as a pattern: `{x}` matches one segment (a path in `root:/{x}:`); letter case is ignored. */
function routePattern(route: string): RegExp {
  let pattern = patterns.get(route);
  if (pattern === undefined) {
    const source = route
      .replace(/\/+$/, "")
      .split(/(\{[^{}]*\})/)
      .map((part, i, parts) => (i % 2 === 0 ? escapeRegExp(part) : (parts[i + 1] ?? "").startsWith(":") ? ".+?" : "[^/]+?"))
      .join("");
    pattern = new RegExp(`^${source}(?=$|[/(])`, "i");
    patterns.set(route, pattern);
  }
  return pattern;
}

/** What may follow a route in a request: function arguments, a type cast, `/$count`, `/$value` or `/$ref`. */
const ODATA_SUFFIX = /^(?:\([^/]*\))?(?:\/microsoft\.graph\.[^/]+)?(?:\/\$(?:count|value|ref))?$/i;

/**
 * How closely `route` matches the request path: 0 not at all (a path going on to a sub-resource,
 * `/me/messages/1/extensions` for `/me/messages`, is not a match); else the length of the path the
 * route matches, doubled, plus one when that is the whole path (so a whole match beats a route
 * followed by an OData suffix).
 */
export function routeMatch(route: string, path: string): number {
  const match = routePattern(route).exec(path);
  if (match === null || !ODATA_SUFFIX.test(path.slice(match[0].length))) return 0;
  return 2 * match[0].length + (match[0].length === path.length ? 1 : 0);
}

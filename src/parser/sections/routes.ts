/**
 * HTTP request routes: each `METHOD /path` line of the blocks in the HTTP request section.
 * Host and version prefixes are removed, a trailing slash dropped; `{placeholders}` become path
 * parameters (`{id | userPrincipalName}` → `id`), and so do `<placeholders>` (`range(address='<address>')`).
 */
import { HTTP_METHODS, type HttpMethod } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { Block } from "../outline.js";

export { paramName, pathParams } from "../../model/paths.js";

export interface Route {
  method: HttpMethod;
  path: string;
  line: number;
}

const ROUTE_LINE = /^\s*(GET|POST|PATCH|PUT|DELETE)\s*(\S.*?)\s*$/i;

export function parseRoutes(blocks: readonly Block[], ctx: PageContext): Route[] {
  const routes: Route[] = [];
  for (const block of blocks) {
    if (block.kind !== "code") continue;
    block.value.split("\n").forEach((line, index) => {
      if (line.trim() === "") return;
      const pos = { line: block.contentPos.line + index, column: block.contentPos.column };
      const match = ROUTE_LINE.exec(line);
      const method = match?.[1]?.toUpperCase();
      if (!match?.[2] || !isMethod(method)) {
        ctx.report("route-malformed", pos, `"${line.trim()}" is not a route; write it as "METHOD /path".`);
        return;
      }
      routes.push({ method, path: normalizeRoute(match[2]), line: pos.line });
    });
  }
  return routes;
}

/** `https://graph.microsoft.com/beta/users/{id}/?$top=5` → `/users/{id}`; whitespace and query string removed. */
export function normalizeRoute(raw: string): string {
  let path = raw.replace(/\s+/g, "").replace(/\?.*$/, "");
  path = path.replace(/^https?:\/\/[^/]+/i, "").replace(/^~/, "");
  path = path.replace(/^\/(?:beta|v1\.0)(?=\/|$)/i, "");
  if (!path.startsWith("/")) path = "/" + path;
  if (path.length > 1) path = path.replace(/\/+$/, "");
  // `range(address='<address>')`, `borders(<sideIndex>)`: an angle-bracket placeholder is a `{placeholder}`.
  return path.replace(/<([A-Za-z_][\w-]*)>/g, "{$1}");
}

function isMethod(value: string | undefined): value is HttpMethod {
  return HTTP_METHODS.some((method) => method === value);
}

/**
 * HTTP request routes: each `METHOD /path` line of the blocks in the HTTP request section.
 * Host and version prefixes are removed, a trailing slash dropped; `{placeholders}` become path
 * parameters (`{id | userPrincipalName}` → `id`), and so do placeholders written in other styles
 * (`<address>`, `/(team-id)/`, sample values in a function call: see route-placeholders.ts), each
 * reported as `route-placeholder-style`.
 */
import { HTTP_METHODS, type HttpMethod } from "../../model/types.js";
import type { PageContext } from "../context.js";
import type { Block, Pos } from "../outline.js";
import { readPlaceholders, type PlaceholderRewrite } from "./route-placeholders.js";

export { paramName, pathParams } from "../../model/paths.js";

export interface Route {
  method: HttpMethod;
  path: string;
  pos: Pos;
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
      if (!match?.[2] || !isMethod(method) || isProse(match[2])) {
        ctx.report("route-malformed", pos, `"${line.trim()}" is not a route; write it as "METHOD /path".`);
        return;
      }
      const { path, rewrites } = readPlaceholders(cleanRoute(match[2]));
      for (const rewrite of rewrites) reportRewrite(rewrite, pos, ctx);
      routes.push({ method, path, pos });
    });
  }
  return routes;
}

function reportRewrite(rewrite: PlaceholderRewrite, pos: Pos, ctx: PageContext): void {
  const message =
    rewrite.kind === "style"
      ? `The route writes the placeholder ${rewrite.written}; it is read as ${rewrite.read}. Write placeholders as {name}.`
      : `The route passes ${rewrite.written} to its function; the arguments are the caller's, so it is read as ${rewrite.read}. Write it so.`;
  ctx.report("route-placeholder-style", pos, message);
}

/**
 * Text that is no path: words separated by spaces outside placeholders, function arguments and the
 * query (`** Entity URI for microsoft.management.services.api.x not found`, a generator's error left in
 * Intune pages). Spaces around a slash or inside `{id | userPrincipalName}` are a path's.
 */
function isProse(raw: string): boolean {
  const bare = raw.replace(/\?.*$/, "").replace(/\{[^}]*\}/g, "{}").replace(/\([^)]*\)/g, "()");
  return /[^\s/]\s+[^\s/]/.test(bare);
}

/** `https://graph.microsoft.com/beta/users/{id}/?$top=5` → `/users/{id}`; other placeholder styles read as `{name}`. */
export function normalizeRoute(raw: string): string {
  return readPlaceholders(cleanRoute(raw)).path;
}

/** Whitespace, query string, host, `~` and version prefix removed; a leading slash, no trailing one. */
function cleanRoute(raw: string): string {
  let path = raw.replace(/\s+/g, "").replace(/\?.*$/, "");
  path = path.replace(/^https?:\/\/[^/]+/i, "").replace(/^~/, "");
  path = path.replace(/^\/(?:beta|v1\.0)(?=\/|$)/i, "");
  if (!path.startsWith("/")) path = "/" + path;
  if (path.length > 1) path = path.replace(/\/+$/, "");
  return path;
}

function isMethod(value: string | undefined): value is HttpMethod {
  return HTTP_METHODS.some((method) => method === value);
}

/**
 * Outline → PageModel: decides what kind of page this is and runs the section extractors.
 */
import { clip } from "../model/diagnostics.js";
import type { PageKind, PageModel, PageOperationModel, PageTypeModel } from "../model/page.js";
import { requestPath, routeMatch } from "../model/route-match.js";
import { BODY_METHODS, type ApiVersion, type ExampleModel, type PropertyModel, type SourcePosition } from "../model/types.js";
import { PageContext } from "./context.js";
import type { Block, Outline, TableBlock } from "./outline.js";
import { checkExampleBody } from "./sections/example-check.js";
import { exampleUrlProblem, parseExamples } from "./sections/examples.js";
import { parseFunctionParameters } from "./sections/function-parameters.js";
import { flagValues, namedEnumTables, SAYS_FLAGS, tableMembers, type EnumTable } from "./sections/enum-tables.js";
import { bareTypeName, parseInheritance, RESOURCE_ANNOTATION, writtenTypeName } from "./sections/inheritance.js";
import { checkRepresentation, readRepresentation, settleNameCase } from "./sections/representation.js";
import { parsePermissionsTable, parsePrerequisites } from "./sections/permissions.js";
import { headerLine, isPropertyTable, isRelationshipTable, looksLikeUnreadPropertyTable, parsePropertyTable } from "./sections/property-table.js";
import { parseRequestHeaders } from "./sections/request-headers.js";
import { parseResponseSection } from "./sections/response.js";
import { parseRoutes, pathParams, type Route } from "./sections/routes.js";
import { hasRoutes, routeSections, variantRouteBlocks } from "./sections/route-blocks.js";
import { findSection, splitSections, type SectionedPage } from "./sections/split.js";

const DOC_TYPES: Record<string, PageKind> = {
  apipagetype: "operation",
  resourcepagetype: "resource",
  enumpagetype: "enum",
  conceptualpagetype: "conceptual",
};

export function extractPage(outline: Outline): PageModel {
  const ctx = new PageContext(outline.file);
  for (const problem of outline.problems ?? []) ctx.report(problem.code, problem.pos, problem.message);
  const page = splitSections(outline);
  const title = page.title?.text ?? frontMatterText(outline, "title") ?? null;
  if (title === null) ctx.report("title-missing", { line: 1, column: 1 }, "The page has no title; start it with a '# Title' heading.");
  const declared = pageKind(outline, page, title);
  // A resource page must name its type: one that does not ("Use the Microsoft Search API", an
  // overview marked `resourcePageType`) is conceptual.
  const resourceName = declared === "resource" ? typeNameOf(outline, title ?? "") : undefined;
  const kind = declared === "resource" && resourceName === undefined ? "conceptual" : declared;
  const model: PageModel = {
    file: outline.file,
    format: outline.format,
    title,
    kind,
    apiVersion: apiVersionOf(outline),
    types: [],
    operations: [],
    typeRefs: ctx.typeRefs,
    diagnostics: ctx.diagnostics,
  };
  if (kind === "operation") extractOperation(page, title ?? "", ctx, model);
  else if (kind === "resource") extractResource(page, resourceName ?? "", ctx, model);
  else if (kind === "enum") extractEnumPage(page, title ?? "", ctx, model);
  else ctx.report("page-not-api", page.title?.pos ?? { line: 1, column: 1 }, "This page documents no operation, resource or enum; it was skipped.");
  return model;
}

function extractOperation(page: SectionedPage, title: string, ctx: PageContext, model: PageModel): void {
  const routeSection = routeSections(page)[0];
  // Pages documenting several variants (`## Get a user's OneDrive` → `### HTTP request`) have no
  // `## HTTP request` section: their routes are in each variant's section (route-blocks.ts).
  const routeBlocks = routeSection ? routeSections(page).flatMap((s) => s.blocks) : variantRouteBlocks(page);
  const routes = parseRoutes(routeBlocks, ctx);
  const first = routes[0];
  if (!first) {
    const message = routeBlocks.some((block) => block.kind === "code")
      ? "This operation page has no valid route (see route-malformed), so no request function is generated; write its routes as 'METHOD /path' lines."
      : "This operation page has no route; add an '## HTTP request' section with a 'METHOD /path' code block.";
    ctx.report("route-missing", routeSection?.heading.pos ?? page.title?.pos ?? { line: 1, column: 1 }, message);
    return;
  }
  const permissionSection = findSection(page, "permissions");
  const prerequisites = findSection(page, "prerequisites");
  const permissions = permissionSection
    ? parsePermissionsTable(permissionSection.blocks, ctx)
    : prerequisites
      ? parsePrerequisites(prerequisites.blocks, ctx)
      : undefined;
  const headers = findSection(page, "request headers");
  const requestHeaders = headers ? parseRequestHeaders(headers.blocks, ctx) : [];
  const response = parseResponseSection(findSection(page, "response")?.blocks ?? [], ctx);
  // Variant pages (above) without Example sections: the HTTP messages of every section are the examples.
  // A section holding a bold `**Request**` pseudo-heading (some pages put their example under `## Response`) is an example section too.
  const exampleSections = page.sections.filter((s) => s.key.startsWith("example") || s.blocks.some(isBoldRequest));
  const examples = (exampleSections.length > 0 || routeSection ? exampleSections : page.sections).map((s) => parseExamples(s.blocks, ctx));
  const allExamples = examples.flatMap((e) => e.examples);
  const description = introText(page.intro);

  // A page whose routes use several methods (`PATCH` and `PUT /organization/{id}/branding`) documents
  // one operation per method: the first route's method is the page's own operation, each other one
  // is `secondary` (merge-operations.ts names it after the page's title and its method, unless a page
  // of its own documents it). Each gets the example requests sent with its method.
  const methods = [...new Set(routes.map((r) => r.method))];
  const operations = methods.map((method): PageOperationModel => {
    const secondary = method !== first.method;
    const paths = [...new Set(routes.filter((r) => r.method === method).map((r) => r.path))];
    const operation: PageOperationModel = {
      title,
      method,
      paths,
      pathParams: pathParams(paths),
      requestHeaders,
      responseCollection: response.responseCollection,
      successStatus: response.successStatus,
      examples: allExamples.filter((e) => (e.request !== undefined && methods.includes(e.request.method) ? e.request.method === method : !secondary)),
      source: ctx.at(page.title?.pos ?? { line: 1, column: 1 }),
    };
    if (secondary) operation.secondary = true;
    if (description) operation.description = description;
    if (permissions) operation.permissions = permissions;
    if (response.responseType) operation.responseType = response.responseType;
    const exampleUrls = operation.examples.flatMap((e) => (e.request ? [e.request.url] : []));
    const functionParameters = parseFunctionParameters(page, method, paths, ctx, exampleUrls);
    if (functionParameters.length > 0) operation.functionParameters = functionParameters;
    return operation;
  });
  checkExampleStatuses(response.successStatus, allExamples, ctx);
  checkExampleRequests(routes, allExamples, ctx);

  const body = findSection(page, "request body");
  if (body) {
    const subject = requestBodySubject(body.blocks, title, ctx);
    const table = body.blocks.find((b): b is TableBlock => b.kind === "table" && isPropertyTable(b));
    const properties = table ? parsePropertyTable(table, ctx) : [];
    if (subject && (table || /representation/i.test(blockText(body.blocks)))) {
      // The request body is what the page's own method sends; a secondary GET or DELETE sends none.
      for (const operation of operations) if (!operation.secondary || BODY_METHODS.has(operation.method)) operation.requestType = subject;
    }
    if (subject && table) {
      model.types.push({ name: subject, properties, role: "requestBody", source: ctx.at(table.pos) });
      checkBodies(examples.flatMap((e) => e.bodies), properties, subject, response.responseType, ctx);
    } else if (table && properties.length > 0) {
      // An action's parameters ("supply a JSON object with the following parameters"): the body of
      // the page's own method, when it sends one (a GET's table is its function's parameters).
      for (const operation of operations) if (!operation.secondary && BODY_METHODS.has(operation.method)) operation.bodyParameters = properties;
    }
  }
  model.operations.push(...operations);
}

function isBoldRequest(block: Block): boolean {
  return block.kind === "paragraph" && /^request:?$/i.test(block.text) && block.emphasis.some((e) => /^request:?$/i.test(e));
}

/** Each example response should carry the success status the Response section states. */
function checkExampleStatuses(successStatus: number | null, examples: readonly ExampleModel[], ctx: PageContext): void {
  if (successStatus === null) return;
  for (const example of examples) {
    const response = example.response;
    if (!response || response.status === successStatus || response.status >= 400) continue;
    ctx.report(
      "example-status-mismatch",
      response.source,
      `The example response has status ${response.status}, but the Response section says ${successStatus}; make them agree.`,
    );
  }
}

/**
 * Each example request should use one of the page's routes (`example-route-unlisted`): its method,
 * and a URL the route matches (placeholders taking any segment; function arguments, a type cast or
 * `/$count`, `/$value`, `/$ref` may follow). Requests to another host (a callback or notification
 * URL) and malformed URLs (`example-url-malformed`) are not matched. A GET or DELETE request sends
 * no body (`example-body-unexpected`).
 */
function checkExampleRequests(routes: readonly Route[], examples: readonly ExampleModel[], ctx: PageContext): void {
  for (const example of examples) {
    const request = example.request;
    if (request === undefined) continue;
    const body = request.body !== undefined ? JSON.stringify(request.body) : (request.bodyText ?? "").trim();
    if (!BODY_METHODS.has(request.method) && body !== "") {
      const first = (body.split("\n")[0] ?? "").trim();
      const shown = clip(first);
      ctx.report("example-body-unexpected", request.source, `The example's ${request.method} request has a body (${shown}), which ${request.method} does not send; remove it, or the blank line above it if it is a header, or end the block before it if it is another request or the response.`);
    }
    if (exampleUrlProblem(request.url) !== null || otherHost(request.url)) continue;
    const own = routes.filter((route) => route.method === request.method);
    if (own.length === 0) {
      const methods = [...new Set(routes.map((route) => route.method))].join(" and ");
      ctx.report("example-route-unlisted", request.source, `The example sends ${request.method}, but the page's routes are ${methods}; use the routes' method in the example, or list its ${request.method} route in the HTTP request section.`);
      continue;
    }
    const path = requestPath(request.url);
    if (own.some((route) => routeMatch(route.path, path) > 0)) continue;
    const listed = own.length === 1 ? own[0]?.path ?? "" : `${own[0]?.path ?? ""} and ${own.length - 1} more`;
    ctx.report("example-route-unlisted", request.source, `The example's URL ${path} matches none of the page's ${request.method} routes (${listed}); correct the example, or list its route in the HTTP request section.`);
  }
}

/** An absolute URL to a host other than Graph's, with no API version in it: a callback or notification, no request of the API. */
function otherHost(url: string): boolean {
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  return host !== undefined && host !== "graph.microsoft.com" && !/\/(?:beta|v1\.0)(?:\/|$|\?)/i.test(url);
}

/** Request bodies are checked against the table; response bodies too when they return the same type. */
function checkBodies(
  bodies: ReturnType<typeof parseExamples>["bodies"],
  properties: PropertyModel[],
  subject: string,
  responseType: string | undefined,
  ctx: PageContext,
): void {
  for (const body of bodies) {
    if (body.kind === "response" && responseType?.toLowerCase() !== subject.toLowerCase()) continue;
    checkExampleBody(body.json, properties, ctx, subject);
  }
}

/** "supply a JSON representation of a [remoteActionAudit](…) object" → remoteActionAudit; else the title's object. */
function requestBodySubject(blocks: readonly Block[], title: string, ctx: PageContext): string | undefined {
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const match = /representation (?:of|for) (?:an?|the)\s+(?:new\s+|updated\s+)?(?:\[)?`?([A-Za-z][\w.]*)/i.exec(block.text);
    if (!match?.[1]) continue;
    const { link, name } = writtenTypeName(block, match[1]);
    // A type is linked ("a [teamsTab](…)") or called an object ("a windowsWifiConfiguration object");
    // "the parameters.", "the `id` of …", "a reference to …" name no type.
    const named = /^`?\]?\s*(?:object|resource|entity)\b/i.test(block.text.slice(match.index + match[0].length).replace(/^\.+/, ""));
    if (!link && !named) continue;
    ctx.referenceType(name, link?.pos ?? block.pos);
    return name;
  }
  const fromTitle = /^(?:update|create|add|patch)\s+(?:an?\s+|the\s+)?([A-Za-z][\w.]*)\s*$/i.exec(title.trim());
  return fromTitle?.[1];
}

const INSTANCE_ATTRIBUTES = /\binstance (?:attributes|annotations)\b/i;

function extractResource(page: SectionedPage, name: string, ctx: PageContext, model: PageModel): void {
  // Every property table of the page counts: besides `## Properties`, pages use `## X Properties`,
  // `## Page Content`, or a table right under the title. Relationship sections give navigation properties.
  const properties: PropertyModel[] = [];
  const seen = new Set<string>();
  // Tables under an "Instance attributes" heading list OData instance annotations, not properties;
  // tables under "Properties of a token lifetime policy definition" describe another object (here
  // the JSON held in a string property), not this resource.
  // Such a heading covers its own subheadings (`#### Example: definition …`) too.
  // `heading`: a Properties or Relationships heading the blocks are under, whose tables are meant to
  // list properties: one that is not read as such is reported (`property-table-unread`).
  const collect = (blocks: readonly Block[], navigation: boolean, skip = false, heading?: string): void => {
    let ignoredBelow = skip ? 0 : Infinity; // the depth of the heading that started ignoring, Infinity when none
    for (const block of blocks) {
      if (block.kind === "heading" && block.depth <= ignoredBelow) {
        ignoredBelow = INSTANCE_ATTRIBUTES.test(block.text) || describesOtherObject(block.text, name) ? block.depth : Infinity;
      }
      if (ignoredBelow === Infinity && heading !== undefined && block.kind === "table" && looksLikeUnreadPropertyTable(block)) {
        ctx.report(
          "property-table-unread",
          block.pos,
          `The table under "${heading}" was not read as properties: its header is "${headerLine(block)}", and a property table's starts with a Property (or Name) column and a Type column; rename its columns if it lists properties.`,
        );
      }
      if (ignoredBelow !== Infinity || block.kind !== "table" || !isPropertyTable(block)) continue;
      for (const property of parsePropertyTable(block, ctx, navigation || isRelationshipTable(block))) {
        if (seen.has(property.name)) continue;
        seen.add(property.name);
        properties.push(property);
      }
    }
  };
  collect(page.intro, false);
  for (const section of page.sections) {
    const listsProperties = /propert|relationship/.test(section.key);
    collect(section.blocks, /relationship|navigation propert/.test(section.key), INSTANCE_ATTRIBUTES.test(section.key) || describesOtherObject(section.key, name), listsProperties ? section.heading.text.trim() : undefined);
  }
  const representationSection = findSection(page, "json representation");
  const representation = representationSection ? readRepresentation(representationSection.blocks) : undefined;
  const settled = representation ? settleNameCase(representation, properties, ctx) : properties;
  const type: PageTypeModel = { name, properties: settled, role: "resource", source: ctx.at(page.title?.pos ?? { line: 1, column: 1 }) };
  const inheritance = parseInheritance(page.intro, [...page.intro, ...page.sections.flatMap((s) => s.blocks)], ctx);
  // Without an explicit base, rows saying "Inherited from [x]" name an ancestor; when they all name the same one, it is the base.
  const ancestors = [...new Set(properties.flatMap((p) => (p.inheritedFrom ? [bareTypeName(p.inheritedFrom)] : [])))];
  const baseType = inheritance.baseType ?? (ancestors.length === 1 ? ancestors[0] : undefined);
  if (baseType && baseType.toLowerCase() !== name.toLowerCase()) type.baseType = baseType;
  if (inheritance.keyProperty) type.kind = "entity";
  const description = introText(page.intro);
  if (description) type.description = description;
  const namespace = namespaceOf(page.intro);
  if (namespace) type.namespace = namespace;
  model.types.push(type);
  if (representation) checkRepresentation(representation, settled, name, ctx);
  pushEnumTables(namedEnumTables(page), ctx, model);
}

/** "Properties of a claims-mapping policy definition" on the claimsMappingPolicy page: a heading naming another object. */
function describesOtherObject(heading: string, typeName: string): boolean {
  const subject = /^properties of (?:an?|the)\s+(.+)$/i.exec(heading.trim())?.[1];
  if (!subject) return false;
  const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return compact(subject) !== compact(typeName) && compact(subject) !== `${compact(typeName)}object`;
}

function extractEnumPage(page: SectionedPage, title: string, ctx: PageContext, model: PageModel): void {
  const named = namedEnumTables(page);
  if (named.length > 0) {
    pushEnumTables(named, ctx, model);
    return;
  }
  const name = /^\s*`?([A-Za-z][\w.]*)`?\s+enum/i.exec(title)?.[1] ?? title.split(/\s+/)[0] ?? "";
  const members = new Set<string>();
  // A flags enum: its table numbers the members as bits, or its intro says so ("Flag enum to …").
  let flags = page.intro.some((block) => block.kind === "paragraph" && SAYS_FLAGS.test(block.text));
  for (const block of findSection(page, "members", "values", "enum values", "member values")?.blocks ?? []) {
    if (block.kind !== "table") continue;
    for (const value of tableMembers(block)) members.add(value);
    if (flagValues(block)) flags = true;
  }
  const type = enumType(name, [...members], flags, ctx.at(page.title?.pos ?? { line: 1, column: 1 }));
  const description = introText(page.intro);
  if (description) type.description = description;
  model.types.push(type);
}

/** Multi-enum pages and resource pages with `### X values` tables: one enum type per table. */
function pushEnumTables(tables: readonly EnumTable[], ctx: PageContext, model: PageModel): void {
  for (const table of tables) model.types.push(enumType(table.name, table.members, table.flags, ctx.at(table.heading.pos)));
}

function enumType(name: string, members: string[], flags: boolean, source: SourcePosition): PageTypeModel {
  return { name, kind: "enum", properties: [], members, role: "enum", source, ...(flags ? { flags: true } : {}) };
}

/**
 * What the page documents. Its content wins over a `doc_type` that contradicts it (copied page
 * templates): an "X resource type" or "X enum type" title names the kind; then, unless the page is
 * conceptual, routes make it an operation page; an `apiPageType` page with a Properties section and
 * no route is a resource page (which must also name its type: `typeNameOf`, in extractPage).
 */
function pageKind(outline: Outline, page: SectionedPage, title: string | null): PageKind {
  if (title && /\bresource type\b/i.test(title)) return "resource";
  if (title && /\benum(?:eration)? type\b/i.test(title)) return "enum";
  const docType = frontMatterText(outline, "doc_type")?.toLowerCase().replace(/[^a-z]/g, "");
  const declared = docType && Object.hasOwn(DOC_TYPES, docType) ? DOC_TYPES[docType] : undefined;
  if (declared === "conceptual") return declared;
  if (hasRoutes(page)) return "operation";
  if ((declared === undefined || declared === "operation") && findSection(page, "properties")) return "resource";
  return declared ?? "unknown";
}

/** `X resource type`, `X resource`, `X facet`, `X complex type`, `X object`, `X type`, `X entity` (a suffix such as "(deprecated)" may follow). */
const TYPE_TITLE = /^\s*`?([A-Za-z][\w.]*)`?\s+(?:resou?r?ce(?:\s+type)?|facet|complex\s+type|object|type|entity)\b/i;
const NAME_TITLE = /^\s*`?([A-Za-z][\w.]*)`?\s*$/;

/**
 * The type a resource page documents: the one its title names (a lone name too: `insightIdentity`),
 * else the `@odata.type` of its JSON representation's annotation ("Configuring the invitation
 * message" → invitedUserMessageInfo); undefined when neither names one.
 */
function typeNameOf(outline: Outline, title: string): string | undefined {
  const titled = TYPE_TITLE.exec(title)?.[1] ?? NAME_TITLE.exec(title)?.[1];
  if (titled !== undefined) return titled;
  for (const block of outline.blocks) {
    if (block.kind !== "annotation" || !RESOURCE_ANNOTATION.test(block.raw)) continue;
    const annotated = /"@odata\.type"\s*:\s*"([^"]+)"/.exec(block.raw)?.[1];
    if (annotated !== undefined) return bareTypeName(annotated);
  }
  return undefined;
}

/** The API version from example URLs, then notes ("/beta version"), then folder names; null when unknown. */
function apiVersionOf(outline: Outline): ApiVersion | null {
  for (const block of outline.blocks) {
    if (block.kind !== "code") continue;
    const match = /graph\.microsoft\.com\/(beta|v1\.0)\//i.exec(block.value);
    if (match?.[1]) return match[1].toLowerCase() === "beta" ? "beta" : "v1.0";
  }
  for (const block of outline.blocks) {
    if (block.kind !== "paragraph") continue;
    const match = /(?:^|\s)\/(beta|v1\.0)\b/i.exec(block.text);
    if (match?.[1]) return match[1].toLowerCase() === "beta" ? "beta" : "v1.0";
  }
  const folder = /(?:^|\/)(beta|v1\.0)\//i.exec(outline.file);
  if (folder?.[1]) return folder[1].toLowerCase() === "beta" ? "beta" : "v1.0";
  return null;
}

/** `Namespace: microsoft.graph.callRecords` → that namespace; undefined for `microsoft.graph` (the default) or none. */
function namespaceOf(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const match = /^namespace:\s*(microsoft\.graph(?:\.[A-Za-z]\w*)+)\s*$/i.exec(block.text.trim());
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** The first intro paragraph that is not a note (Important:, Note:, Namespace:). */
function introText(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    if (/^(?:\*\*)?(?:important|note|namespace|caution|\[!)/i.test(block.text)) continue;
    return block.text;
  }
  return undefined;
}

function blockText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(" ");
}

function frontMatterText(outline: Outline, key: string): string | undefined {
  const value = outline.frontMatter?.[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

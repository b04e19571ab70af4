/**
 * Examples: every HTTP message in the Example(s) sections, paired request → response. Blocks are
 * recognised by content (`METHOD url` or `HTTP/1.1 200 OK`), so unannotated Intune examples and
 * unfenced plain-text examples work too; `<!-- { … } -->` annotations add names and `truncated`.
 */
import type { ExampleModel, ExampleRequestModel, ExampleResponseModel, JsonValue } from "../../model/types.js";
import type { PageContext } from "../context.js";
import { parseJsonWithPositions, repairJson, type PositionedJson } from "../json.js";
import type { Block, Pos } from "../outline.js";
import { parseAnnotation, type Annotation } from "./annotation.js";
import { parseHttpMessage, type HttpMessageParts } from "./http-message.js";

/** A parsed example body with value positions, kept for checks against the page's own tables. */
export interface PositionedBody {
  kind: "request" | "response";
  json: PositionedJson;
}

export interface ParsedExamples {
  examples: ExampleModel[];
  bodies: PositionedBody[];
}

const TRUNCATED_SENTENCE = /may be truncated|truncated for brevity/i;

export function parseExamples(blocks: readonly Block[], ctx: PageContext): ParsedExamples {
  const result: ParsedExamples = { examples: [], bodies: [] };
  let annotation: Annotation = {};
  let truncatedSentence = false;
  let current: ExampleModel | null = null;
  for (const block of blocks) {
    if (block.kind === "annotation") {
      annotation = parseAnnotation(block, ctx);
      continue;
    }
    if (block.kind === "paragraph") {
      if (TRUNCATED_SENTENCE.test(block.text)) truncatedSentence = true;
      continue;
    }
    if (block.kind !== "code") continue;
    const message = parseHttpMessage(block);
    if (!message) {
      annotation = {};
      continue;
    }
    const body = parseBody(message, ctx);
    if (body.positioned) result.bodies.push({ kind: message.kind, json: body.positioned });
    if (message.kind === "request") {
      current = { request: requestModel(message, body, ctx) };
      if (annotation.name) current.name = annotation.name;
      result.examples.push(current);
    } else {
      const response = responseModel(message, body, ctx, annotation.truncated ?? truncatedSentence);
      if (current && !current.response) current.response = response;
      else result.examples.push({ response });
      current = null;
    }
    annotation = {};
    truncatedSentence = false;
  }
  return result;
}

interface ParsedBody {
  value?: JsonValue;
  text?: string;
  positioned?: PositionedJson;
}

function parseBody(message: HttpMessageParts, ctx: PageContext): ParsedBody {
  const body = parseBodyText(message, ctx);
  for (const duplicate of body.positioned?.duplicateKeys ?? []) {
    ctx.report(
      "example-json-duplicate-key",
      duplicate.pos,
      `This example body sets ${duplicate.pointer} more than once; only the last value counts. Remove the repeats.`,
    );
  }
  return body;
}

function parseBodyText(message: HttpMessageParts, ctx: PageContext): ParsedBody {
  const text = message.body;
  if (text.trim() === "") return {};
  const positioned = parseJsonWithPositions(text, message.bodyPos);
  if (positioned) return { value: positioned.value, positioned };
  const repaired = /^\s*[[{]/.test(text) ? repairJson(text, message.bodyPos) : null;
  if (repaired) {
    ctx.report("example-json-repaired", message.bodyPos, `This example body is not strict JSON (${repaired.repairs.join(", ")}); it was read leniently. Remove them so the example can be pasted as is.`);
    return { value: repaired.value, positioned: repaired };
  }
  if (/^\s*[[{]/.test(text)) {
    ctx.report("example-json-invalid", message.bodyPos, "This example body looks like JSON but does not parse; fix the JSON so it can be checked.");
  }
  return { text };
}

function requestModel(message: HttpMessageParts, body: ParsedBody, ctx: PageContext): ExampleRequestModel {
  const url = message.url ?? "";
  checkExampleUrl(url, message.urlPos, ctx);
  const request: ExampleRequestModel = {
    method: message.method ?? "GET",
    url,
    headers: message.headers,
    source: ctx.at(message.pos),
  };
  if (body.value !== undefined) request.body = body.value;
  if (body.text !== undefined) request.bodyText = body.text;
  return request;
}

function responseModel(message: HttpMessageParts, body: ParsedBody, ctx: PageContext, truncated: boolean): ExampleResponseModel {
  const response: ExampleResponseModel = {
    status: message.status ?? 0,
    statusText: message.statusText ?? "",
    headers: message.headers,
    truncated,
    source: ctx.at(message.pos),
  };
  if (body.value !== undefined) response.body = body.value;
  if (body.text !== undefined) response.bodyText = body.text;
  return response;
}

const GRAPH_URL = /^https:\/\/graph\.microsoft\.com\/(?:beta|v1\.0)(?:\/|$)/;

/** Absolute example URLs must be well-formed Graph URLs; relative ones must start with `/`. */
export function checkExampleUrl(url: string, pos: Pos, ctx: PageContext): void {
  const problem = exampleUrlProblem(url);
  if (problem) ctx.report("example-url-malformed", pos, `Example URL "${url}" ${problem}.`);
}

/** What makes an example URL malformed (`example-url-malformed`), or null. */
export function exampleUrlProblem(url: string): string | null {
  if (url.includes("\\")) return "contains a backslash; use forward slashes";
  if (/\s/.test(url)) return "contains spaces; encode them as %20";
  if (/^https?:/i.test(url)) {
    if (!URL.canParse(url)) return "is not a valid URL";
    if (/^https?:\/\/graph\.microsoft\.com/i.test(url) && !GRAPH_URL.test(url)) {
      return "does not start with https://graph.microsoft.com/beta/ or https://graph.microsoft.com/v1.0/";
    }
    return null;
  }
  return url.startsWith("/") ? null : "is neither an absolute URL nor a path starting with /";
}

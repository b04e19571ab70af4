/**
 * An example HTTP message in a code block: a request (`PATCH https://…`, headers, blank line, body)
 * or a response (`HTTP/1.1 200 OK`, headers, blank line, body). Also used for unfenced plain-text blocks.
 */
import { HTTP_METHODS, type HttpMethod } from "../../model/types.js";
import type { CodeBlock, Pos } from "../outline.js";

export interface HttpMessageParts {
  kind: "request" | "response";
  /** Request: method and URL. Response: status and reason. */
  method?: HttpMethod;
  url?: string;
  urlPos: Pos;
  status?: number;
  statusText?: string;
  headers: Record<string, string>;
  /** Body text (may be empty) and the position of its first character. */
  body: string;
  bodyPos: Pos;
  pos: Pos;
}

const REQUEST_LINE = /^(\s*)(GET|POST|PATCH|PUT|DELETE)\s+(\S.*?)\s*$/i;
const STATUS_LINE = /^\s*HTTP(?:\/[\d.]+)?\s+(\d{3})\b\s*(.*?)\s*$/i;
const HEADER_LINE = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/;

export function parseHttpMessage(block: CodeBlock): HttpMessageParts | null {
  const lines = block.value.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return null;
  const firstLine = lines[first] ?? "";
  // Every content line is indented like the first (fence indentation, "> " of a block quote).
  const at = (index: number, column = 1): Pos => ({ line: block.contentPos.line + index, column: block.contentPos.column + column - 1 });
  const request = REQUEST_LINE.exec(firstLine);
  const status = request ? null : STATUS_LINE.exec(firstLine);
  if (!request && !status) return null;

  const headers: Record<string, string> = {};
  let index = first + 1;
  for (; index < lines.length; index++) {
    const header = HEADER_LINE.exec(lines[index] ?? "");
    if (!header?.[1] || (lines[index] ?? "").trim() === "") break;
    // defineProperty: a header named "__proto__" is data, not the object's prototype.
    Object.defineProperty(headers, header[1], { value: header[2] ?? "", enumerable: true, writable: true, configurable: true });
  }
  while (index < lines.length && (lines[index] ?? "").trim() === "") index++;
  const body = lines.slice(index).join("\n").trimEnd();
  const parts: HttpMessageParts = {
    kind: request ? "request" : "response",
    urlPos: at(first, 1),
    headers,
    body,
    bodyPos: at(index, 1),
    pos: at(first, 1),
  };
  if (request) {
    const method = request[2]?.toUpperCase();
    parts.method = HTTP_METHODS.find((m) => m === method);
    parts.url = request[3] ?? "";
    parts.urlPos = at(first, firstLine.indexOf(parts.url) + 1);
  } else if (status) {
    parts.status = Number(status[1]);
    parts.statusText = status[2] ?? "";
  }
  return parts;
}

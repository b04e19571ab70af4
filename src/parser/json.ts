/**
 * JSON bodies of examples, parsed with positions: the value, and where each JSON Pointer's value
 * starts, so diagnostics about a value point at its line and column.
 */
import { parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import type { JsonValue } from "../model/types.js";
import type { Pos } from "./outline.js";

export interface PositionedJson {
  value: JsonValue;
  /** JSON Pointer (`/states/0/status`) → position of the value in the file. */
  positions: Map<string, Pos>;
}

/**
 * Parses `text`, whose first character is at `origin` in the file (and each later line at `origin.column`). Returns null when the text is not
 * valid JSON (comments and trailing commas included: repairing them is a later, reported step).
 */
export function parseJsonWithPositions(text: string, origin: Pos): PositionedJson | null {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0) return null;
  const lineStarts = lineStartOffsets(text);
  const positions = new Map<string, Pos>();
  const toPos = (offset: number): Pos => {
    const lineIndex = lineOf(lineStarts, offset);
    const column = offset - (lineStarts[lineIndex] ?? 0) + 1;
    // Every line of a code block is indented like its first (fence indentation, "> " of a block quote).
    return { line: origin.line + lineIndex, column: origin.column + column - 1 };
  };
  const value = toValue(root, "", positions, toPos);
  return { value, positions };
}

function toValue(node: JsonNode, pointer: string, positions: Map<string, Pos>, toPos: (offset: number) => Pos): JsonValue {
  positions.set(pointer, toPos(node.offset));
  switch (node.type) {
    case "object": {
      const out: { [key: string]: JsonValue } = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode || typeof keyNode.value !== "string") continue;
        const key = keyNode.value;
        // defineProperty, not assignment: a key such as "__proto__" must stay an own data property.
        Object.defineProperty(out, key, {
          value: toValue(valueNode, `${pointer}/${escapePointer(key)}`, positions, toPos),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map((child, index) => toValue(child, `${pointer}/${index}`, positions, toPos));
    case "string":
    case "number":
    case "boolean":
      return isScalar(node.value) ? node.value : null;
    default:
      return null;
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

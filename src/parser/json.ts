/**
 * JSON bodies of examples, parsed with positions: the value, and where each JSON Pointer's value
 * starts, so diagnostics about a value point at its line and column.
 */
import { parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { escapePointer } from "../model/json-pointer.js";
import type { JsonValue } from "../model/types.js";
import type { Pos } from "./outline.js";

export interface PositionedJson {
  value: JsonValue;
  /** JSON Pointer (`/states/0/status`) → position of the value in the file. */
  positions: Map<string, Pos>;
  /** Keys an object sets more than once (the last value is kept, as JSON.parse does), with where the repeat is. */
  duplicateKeys: { pointer: string; pos: Pos }[];
}

/**
 * Parses `text`, whose first character is at `origin` in the file (and each later line at `origin.column`). Returns null when the text is not
 * valid JSON (comments and trailing commas included: repairing them is a later, reported step).
 */
export function parseJsonWithPositions(text: string, origin: Pos, lenient: { allowTrailingComma: boolean; allowComments: boolean } = { allowTrailingComma: false, allowComments: false }): PositionedJson | null {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: lenient.allowTrailingComma, disallowComments: !lenient.allowComments });
  if (!root || errors.length > 0) return null;
  const lineStarts = lineStartOffsets(text);
  const positions = new Map<string, Pos>();
  const toPos = (offset: number): Pos => {
    const lineIndex = lineOf(lineStarts, offset);
    const column = offset - (lineStarts[lineIndex] ?? 0) + 1;
    // Every line of a code block is indented like its first (fence indentation, "> " of a block quote).
    return { line: origin.line + lineIndex, column: origin.column + column - 1 };
  };
  const duplicateKeys: PositionedJson["duplicateKeys"] = [];
  const value = toValue(root, "", { positions, toPos, duplicateKeys });
  return { value, positions, duplicateKeys };
}

interface Walk {
  positions: Map<string, Pos>;
  toPos: (offset: number) => Pos;
  duplicateKeys: PositionedJson["duplicateKeys"];
}

function toValue(node: JsonNode, pointer: string, walk: Walk): JsonValue {
  const { positions, toPos } = walk;
  positions.set(pointer, toPos(node.offset));
  switch (node.type) {
    case "object": {
      const out: { [key: string]: JsonValue } = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode || typeof keyNode.value !== "string") continue;
        const key = keyNode.value;
        const keyPointer = `${pointer}/${escapePointer(key)}`;
        if (Object.hasOwn(out, key)) walk.duplicateKeys.push({ pointer: keyPointer, pos: toPos(keyNode.offset) });
        // defineProperty, not assignment: a key such as "__proto__" must stay an own data property.
        Object.defineProperty(out, key, {
          value: toValue(valueNode, keyPointer, walk),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map((child, index) => toValue(child, `${pointer}/${index}`, walk));
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

/** Typographic quotes and non-breaking spaces, each replaced by one character so positions stay put. */
const SMART_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
const NBSP = /\u00a0/g;

export interface RepairedJson extends PositionedJson {
  /** What had to be repaired, in words ("trailing commas", "comments", "smart quotes", "non-breaking spaces"). */
  repairs: string[];
}

/**
 * Lenient reading of a body that is not strict JSON: smart double quotes become `"`, non-breaking
 * spaces become spaces (both one character for one, so positions are kept), then `//` and `/* *\/`
 * comments and trailing commas are tolerated. Returns null when the text still does not parse
 * (`...` elisions, single quotes, two objects in one block): such bodies stay text.
 */
export function repairJson(text: string, origin: Pos): RepairedJson | null {
  const repairs: string[] = [];
  let fixed = text;
  if (SMART_QUOTES.test(fixed)) {
    fixed = fixed.replace(SMART_QUOTES, '"');
    repairs.push("smart quotes");
  }
  if (NBSP.test(fixed)) {
    fixed = fixed.replace(NBSP, " ");
    repairs.push("non-breaking spaces");
  }
  const attempts: [allowComments: boolean, allowTrailingComma: boolean, what: string[]][] = [
    [false, false, []],
    [true, false, ["comments"]],
    [false, true, ["trailing commas"]],
    [true, true, ["comments", "trailing commas"]],
  ];
  for (const [allowComments, allowTrailingComma, what] of attempts) {
    const parsed = parseJsonWithPositions(fixed, origin, { allowComments, allowTrailingComma });
    // Strict JSON needs no repair: that is parseJsonWithPositions' job.
    if (parsed) return what.length + repairs.length > 0 ? { ...parsed, repairs: [...what, ...repairs] } : null;
  }
  return null;
}

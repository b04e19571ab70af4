/** `<!-- { "blockType": "request", "name": "…", "truncated": true } -->` annotations. */
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import type { PageContext } from "../context.js";
import type { AnnotationBlock } from "../outline.js";

export interface Annotation {
  blockType?: string;
  name?: string;
  truncated?: boolean;
  isCollection?: boolean;
  odataType?: string;
  keyProperty?: string;
  baseType?: string;
}

export function parseAnnotation(block: AnnotationBlock, ctx: PageContext): Annotation {
  let data: unknown;
  try {
    data = JSON.parse(block.raw);
  } catch {
    // Read leniently (trailing commas, comments, smart quotes) so names and flags still count; still reported.
    const errors: ParseError[] = [];
    data = parseJsonc(block.raw.replace(/[\u201c\u201d]/g, '"'), errors, { allowTrailingComma: true, disallowComments: false });
    const readable = errors.length === 0;
    ctx.report(
      "annotation-invalid",
      block.pos,
      `This <!-- { … } --> annotation is not valid JSON; fix its syntax so tools can read it.${readable ? " It was read leniently." : ""}`,
    );
    if (!readable) return {};
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  const field = (key: string): unknown => Object.getOwnPropertyDescriptor(data, key)?.value;
  const text = (key: string): string | undefined => {
    const value = field(key);
    if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  const flag = (key: string): boolean | undefined => {
    const value = field(key);
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    return undefined;
  };
  const annotation: Annotation = {};
  const assign = <K extends keyof Annotation>(key: K, value: Annotation[K] | undefined): void => {
    if (value !== undefined) annotation[key] = value;
  };
  assign("blockType", text("blockType"));
  assign("name", text("name"));
  assign("truncated", flag("truncated"));
  assign("isCollection", flag("isCollection"));
  assign("odataType", text("@odata.type"));
  assign("keyProperty", text("keyProperty"));
  assign("baseType", text("baseType"));
  return annotation;
}

/**
 * A resource's base type and key, from what its page says:
 * - the `<!-- { "blockType": "resource", "baseType": "microsoft.graph.x", "keyProperty": "id" } -->`
 *   annotation of the JSON representation;
 * - "Inherits from [x](x.md)" / "This type inherits from [x]" / "inherits from the abstract base
 *   type [x]" in the intro (a linked name, or a bare camelCase name).
 * The annotation wins when both are present.
 */
import type { PageContext } from "../context.js";
import type { Block, InlineText, Link, ParagraphBlock } from "../outline.js";
import { parseAnnotation } from "./annotation.js";

export interface Inheritance {
  baseType?: string;
  keyProperty?: string;
}

/** The JSON representation's annotation (`<!-- { "blockType": "resource", … } -->`), told from its raw text. */
export const RESOURCE_ANNOTATION = /"blockType"\s*:\s*"resource"/;
const INHERITS = /\binherits from\s+(?:(?:the|an?|abstract|base|type|entity)\s+)*`?([A-Za-z][\w.]*)/i;

/** `microsoft.graph.callRecords.endpoint` → `endpoint`; `graph.entity` → `entity`. */
export function bareTypeName(name: string): string {
  return name.trim().replace(/^(?:microsoft\.)?graph\.(?:[a-z]\w*\.)*/i, "");
}

/**
 * A type name as a sentence writes it (`raw`, as a pattern captured it): without the sentence's
 * closing period ("… of a user."), the link whose text it is, if any, and the short name it stands
 * for (`microsoft.graph.ediscovery.case` → `case`).
 */
export function writtenTypeName(text: InlineText, raw: string): { written: string; link: Link | undefined; name: string } {
  const written = raw.replace(/\.+$/, "");
  const link = text.links.find((l) => l.text.replace(/`/g, "") === written);
  return { written, link, name: bareTypeName(written) };
}

export function parseInheritance(intro: readonly Block[], all: readonly Block[], ctx: PageContext): Inheritance {
  const result: Inheritance = {};
  for (const block of all) {
    if (block.kind !== "annotation" || !RESOURCE_ANNOTATION.test(block.raw)) continue;
    const annotation = parseAnnotation(block, ctx);
    if (annotation.baseType && !result.baseType) result.baseType = bareTypeName(annotation.baseType);
    if (annotation.keyProperty && !result.keyProperty) result.keyProperty = annotation.keyProperty;
  }
  if (!result.baseType) {
    for (const block of intro) {
      const base = block.kind === "paragraph" ? inheritsFrom(block) : undefined;
      if (base) {
        result.baseType = base;
        break;
      }
    }
  }
  return result;
}

/** The name after "inherits from": a link's text, or a bare camelCase/dotted identifier. */
function inheritsFrom(block: ParagraphBlock): string | undefined {
  const match = INHERITS.exec(block.text);
  const word = match?.[1]?.replace(/\.$/, "");
  if (!word) return undefined;
  const linked = block.links.some((link) => link.text === word);
  if (linked || /^[a-z]+[A-Z][\w.]*$/.test(word) || /^microsoft\.graph\./i.test(word)) return bareTypeName(word);
  return undefined;
}

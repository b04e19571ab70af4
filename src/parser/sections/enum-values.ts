/**
 * Enum values listed in a description: "Possible values are: `a`, `b`, `c`." (also "The possible
 * values are", "Possible values:", "Supported values", "Allowed values"; backticked, bold or bare;
 * separated by commas, ", and", ", or"). Ranges ("Valid values 0 to 100") are not enums.
 */

const LEAD_IN = /\b(?:possible|supported|allowed|valid)\s+values\s*(?:are|is|include)?\s*:?\s*/i;
const VALUE = /^[A-Za-z_][\w.\-]*$/;

/**
 * The description says its values combine: "Multiple values can be combined using a comma-separated
 * list", "If selecting more than one value, …".
 */
export function valuesCombine(description: string): boolean {
  return /\bcomma[- ]separated\b|\b(?:can|may) be combined\b|\bmore than one value\b/i.test(description);
}

/** The values, in order and without duplicates, or null when the description lists none. */
export function possibleValues(description: string): string[] | null {
  const lead = LEAD_IN.exec(description);
  if (!lead) return null;
  const list = firstSentence(description.slice(lead.index + lead[0].length));
  const values: string[] = [];
  for (const piece of list.split(/,|;|\s+or\s+|\s+and\s+/)) {
    const value = piece
      .trim()
      .replace(/^(?:and|or)\s+/i, "")
      .replace(/^[`*"']+|[`*"'.]+$/g, "")
      .trim();
    if (value === "") continue;
    if (!VALUE.test(value)) return values.length > 0 ? dedupe(values) : null;
    values.push(value);
  }
  return values.length > 0 ? dedupe(values) : null;
}

/** Text up to the first sentence end that is outside backticks (". " followed by more text, or a final "."). */
function firstSentence(text: string): string {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "`") inCode = !inCode;
    else if (ch === "." && !inCode && (i === text.length - 1 || /\s/.test(text[i + 1] ?? ""))) return text.slice(0, i);
  }
  return text;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

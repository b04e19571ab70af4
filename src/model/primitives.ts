/**
 * The primitive (Edm) types the docs use, and the spellings that mean them.
 * Shared by the parser (to normalise a type cell) and the emitters (to map to TypeScript).
 */

export const PRIMITIVE_TYPES = [
  "String",
  "Boolean",
  "Byte",
  "SByte",
  "Int16",
  "Int32",
  "Int64",
  "Single",
  "Double",
  "Decimal",
  "DateTimeOffset",
  "Date",
  "TimeOfDay",
  "Duration",
  "Guid",
  "Binary",
  "Stream",
  "Json",
] as const;

export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

const BY_LOWER_NAME = new Map<string, PrimitiveType>(PRIMITIVE_TYPES.map((name) => [name.toLowerCase(), name]));

/** Other spellings found in type cells. `Enumeration` is a String whose values the description lists. */
const ALIASES: Record<string, PrimitiveType> = {
  int: "Int32",
  integer: "Int32",
  long: "Int64",
  float: "Single",
  number: "Double",
  // Dynamics 365 Business Central pages' spelling of a decimal amount (the service's Edm.Decimal).
  numeric: "Decimal",
  // A URL is sent as a string (the service's Edm.String).
  url: "String",
  uri: "String",
  bool: "Boolean",
  datetime: "DateTimeOffset",
  timestamp: "DateTimeOffset",
  enumeration: "String",
  enum: "String",
  untyped: "Json",
  object: "Json",
};

/** The canonical primitive for a type-cell spelling (`string`, `Edm.Int32`, `GUID`), or null for a non-primitive. */
export function primitiveFor(spelling: string): PrimitiveType | null {
  const lower = spelling.trim().replace(/^edm\./i, "").toLowerCase();
  // hasOwn: a spelling such as "constructor" must not find Object.prototype members.
  return BY_LOWER_NAME.get(lower) ?? (Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined) ?? null;
}

export function isPrimitive(name: string): boolean {
  return BY_LOWER_NAME.has(name.toLowerCase());
}

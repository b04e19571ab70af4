/**
 * Values of a flags enum: one member, or several joined by commas, the way OData writes a
 * combination (`"x86,x64"`). Space around a member is accepted (`"automaticReplies, mailboxFullStatus"`
 * in the docs' examples); an empty part is not. The generated validators' runtime
 * (templates/runtime/validation.ts, `flagSet`) accepts the same values.
 */
export function isEnumValue(members: ReadonlySet<string>, value: string, flags: boolean): boolean {
  if (members.has(value)) return true;
  return flags && value.includes(",") && value.split(",").every((part) => members.has(part.trim()));
}

/**
 * `dates.ts`, written only with `dates: "Date"`: converting between the wire format of
 * `DateTimeOffset` and `Date` values (strings) and JavaScript `Date` objects.
 *
 * The model decides what is a date: per object type that can hold one (a date property, a property
 * of such a type, or a derived type that can), the file has a shape: its date properties and the
 * properties of such types (inherited ones included), and the derived types an `@odata.type`
 * annotation may switch to. One walker, `reviveDates` / `serializeDates`, follows the shapes through
 * nested objects and collections and returns a converted copy (its input is never changed).
 * `TimeOfDay` and `Duration` stay strings (a `Date` cannot hold a time without a day, nor a length).
 * The request functions serialise bodies and revive responses (after response validation, which
 * checks the wire JSON); validators' Standard Schema output is revived the same way.
 */
import { compareText } from "../model/diagnostics.js";
import type { PropertyModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter } from "./context.js";
import { importOf } from "./imports.js";
import { allProperties, baseChain, derivedTypes } from "./inheritance.js";
import { literal, primitiveOf } from "./ts-code.js";

type DateKind = "DateTimeOffset" | "Date";
type Field = DateKind | { type: string };

interface Shape {
  /** Property name → what it holds, in property order. */
  fields: Array<[string, Field]>;
  /** Keys (lower-case names) of derived types that have a shape, sorted. */
  derived: string[];
}

/** The date primitive a property holds (also as a collection), if any. */
function dateKind(ctx: EmitContext, property: PropertyModel): DateKind | undefined {
  if (property.enumValues && property.enumValues.length > 0) return undefined;
  const primitive = primitiveOf(ctx, property.type);
  return primitive === "DateTimeOffset" || primitive === "Date" ? primitive : undefined;
}

/** The key of the object type a property refers to, if any. */
function objectKey(ctx: EmitContext, property: PropertyModel): string | undefined {
  if (property.enumValues && property.enumValues.length > 0) return undefined;
  if (primitiveOf(ctx, property.type)) return undefined;
  const target = ctx.typeByName(property.type);
  return target && target.kind !== "enum" ? target.name.toLowerCase() : undefined;
}

const shapesOf = new WeakMap<EmitContext, Map<string, Shape>>();

/** The shapes of a version's types that can hold dates, by lower-case type name; computed once per context. */
export function dateShapes(ctx: EmitContext): Map<string, Shape> {
  const known = shapesOf.get(ctx);
  if (known) return known;
  const objects = ctx.version.types.filter((t) => t.kind !== "enum");
  const derivedOf = derivedTypes(ctx);
  // Which types can hold a date: grows until nothing changes (types refer to each other in cycles).
  const holds = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of objects) {
      const key = type.name.toLowerCase();
      if (holds.has(key)) continue;
      const own = allProperties(ctx, type).some((p) => dateKind(ctx, p) !== undefined || holds.has(objectKey(ctx, p) ?? ""));
      if (own || (derivedOf.get(key) ?? []).some((d) => holds.has(d.name.toLowerCase()))) {
        holds.add(key);
        changed = true;
      }
    }
  }
  const shapes = new Map<string, Shape>();
  for (const type of objects) {
    const key = type.name.toLowerCase();
    if (!holds.has(key) || shapes.has(key)) continue;
    const fields: Array<[string, Field]> = [];
    for (const property of allProperties(ctx, type)) {
      const kind = dateKind(ctx, property);
      const target = objectKey(ctx, property);
      if (kind) fields.push([property.name, kind]);
      else if (target !== undefined && holds.has(target)) fields.push([property.name, { type: target }]);
    }
    const derived = [...new Set((derivedOf.get(key) ?? []).map((d) => d.name.toLowerCase()).filter((d) => holds.has(d)))].sort(compareText);
    shapes.set(key, { fields, derived });
  }
  shapesOf.set(ctx, shapes);
  return shapes;
}

/**
 * The key to pass to `reviveDates`/`serializeDates` for values of a type, when they can hold dates:
 * a model type's lower-case name, or `DateTimeOffset` / `Date` for a body or response that is a date itself.
 */
export function dateKey(ctx: EmitContext, typeName: string | undefined): string | undefined {
  if (ctx.options.dates !== "Date" || typeName === undefined) return undefined;
  const primitive = primitiveOf(ctx, typeName);
  if (primitive === "DateTimeOffset" || primitive === "Date") return primitive;
  if (primitive) return undefined;
  const type = ctx.typeByName(typeName);
  const key = type?.name.toLowerCase();
  return key !== undefined && dateShapes(ctx).has(key) ? key : undefined;
}

function fieldCode(field: Field): string {
  return typeof field === "string" ? literal(field) : `{ type: ${literal(field.type)} }`;
}

export const emitDates: Emitter = (ctx) => {
  const shapes = [...dateShapes(ctx)].sort(([a], [b]) => compareText(a, b));
  const entries = shapes.map(
    ([key, shape]) =>
      `[${literal(key)}, { fields: [${shape.fields.map(([name, field]) => `[${literal(name)}, ${fieldCode(field)}]`).join(", ")}], derived: new Set<string>([${shape.derived.map(literal).join(", ")}]) }]`,
  );
  return [
    ...importOf("./runtime/validation.js", ["isDate", "isDateTimeOffset", "isRecord", "odataTypeKey"], false),
    `/** What a property holds: a date (\`DateTimeOffset\` or \`Date\`), or an object type (by key) that can hold dates. */
type DateField = "DateTimeOffset" | "Date" | { readonly type: string };`,
    `/** The date-holding properties of one type (inherited ones included) and its derived types that hold dates. */
interface DateShape {
  readonly fields: ReadonlyArray<readonly [string, DateField]>;
  readonly derived: ReadonlySet<string>;
}`,
    `/** Per type (lower-case name) that can hold dates, from the docs' property tables. */
const dateShapes: ReadonlyMap<string, DateShape> = new Map<string, DateShape>([${entries.join(", ")}]);`,
    `/**
 * A copy of a response value (of the type with key \`type\`; with \`collection\`, a page whose \`value\`
 * holds them) with every date string turned into a \`Date\`: \`DateTimeOffset\` from RFC 3339 (to the
 * millisecond; the offset is not kept), \`Date\` (\`YYYY-MM-DD\`) as midnight UTC. A string that is
 * not a valid date of its kind (or a leap second, which \`Date\` cannot hold) is left as it is; turn on
 * response validation to reject it instead.
 */
export function reviveDates(value: unknown, type: string, collection = false): unknown {
  if (collection && isRecord(value)) return { ...value, value: convert(value["value"], type, true) };
  return convert(value, type, true);
}`,
    `/**
 * A copy of a request body (of the type with key \`type\`) with every \`Date\` turned into its wire
 * format: \`DateTimeOffset\` as \`toISOString()\` (UTC, \`Z\`), \`Date\` as \`YYYY-MM-DD\` of its UTC day.
 * Strings are sent as they are. An invalid \`Date\` throws a RangeError (from \`toISOString\`).
 */
export function serializeDates(value: unknown, type: string): unknown {
  return convert(value, type, false);
}`,
    `/** \`type\`: a key of \`dateShapes\` (lower case), or "DateTimeOffset" / "Date" for a value that is a date itself. */
function convert(value: unknown, type: string, revive: boolean): unknown {
  if (type === "DateTimeOffset" || type === "Date") return convertDate(value, type, revive);
  if (Array.isArray(value)) return value.map((item: unknown) => convert(item, type, revive));
  if (!isRecord(value) || value instanceof Date) return value;
  const shape = shapeOf(value, type);
  if (shape === undefined) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const [name, field] of shape.fields) {
    const item = copy[name];
    if (item === undefined || item === null) continue;
    copy[name] = typeof field === "string" ? convertDate(item, field, revive) : convert(item, field.type, revive);
  }
  return copy;
}`,
    `/** The shape of a value expected to be \`type\`: a derived type's when its \`@odata.type\` names one. */
function shapeOf(value: Record<string, unknown>, type: string): DateShape | undefined {
  const own = dateShapes.get(type);
  const annotation = value["@odata.type"];
  if (own === undefined || typeof annotation !== "string") return own;
  const key = odataTypeKey(annotation);
  const short = key.slice(key.lastIndexOf(".") + 1);
  const derived = own.derived.has(key) ? key : own.derived.has(short) ? short : undefined;
  return (derived !== undefined ? dateShapes.get(derived) : undefined) ?? own;
}`,
    `function convertDate(value: unknown, kind: "DateTimeOffset" | "Date", revive: boolean): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => convertDate(item, kind, revive));
  if (!revive) {
    if (!(value instanceof Date)) return value;
    const text = value.toISOString();
    return kind === "Date" ? text.slice(0, 10) : text;
  }
  if (typeof value !== "string") return value;
  if (kind === "Date") return isDate(value) ? new Date(value + "T00:00:00Z") : value;
  if (!isDateTimeOffset(value)) return value;
  const date = new Date(value.toUpperCase());
  return Number.isNaN(date.getTime()) ? value : date;
}`,
  ];
};

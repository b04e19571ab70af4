/**
 * Files planned by units, and the plan memo: planning again only what changed.
 *
 * A unit emitter writes a file as statements per unit (an interface per type, a request interface
 * and functions per operation) between a head and a tail made from what the units report (the
 * imports they need, the cast maps they name). A unit's statements depend on the unit itself, on
 * the types it looks up by name (`EmitContext.reading` records them: base types, request and
 * response types, property types), and on what depends only on the version's skeleton: the names,
 * kinds, base types and namespaces of its types and the ids of its operations (TypeScript names,
 * derived types, function names; computed outside the units' reading, `EmitContext.untracked`).
 *
 * The memo of a planned file keeps, per unit, a digest of its content, the digests of the types it
 * read, what it reported, and each of its statements' size and digest: all that chunking (`emit-
 * file.ts`) needs. Planning again with the memo of the same skeleton, a unit whose content and read
 * types are as they were is not emitted: its statements are emitted again only if a chunk holding
 * them must be rendered, and are then checked against their digests. After an edit of a page, most
 * units of its version's files are as they were (the corpus's beta: 3,651 operations and 2,067
 * types), and planning costs the digests of the model's types and operations instead of the
 * emitters' work. Without `dates: "Date"` only: date handling reads types transitively, past what
 * the units record.
 */
import { hash } from "node:crypto";
import type { OperationModel, TypeModel } from "../model/types.js";
import type { EmitContext, Emitter, Statement } from "./context.js";

export interface UnitEmitter<Item, Data> {
  /** Sections of the file the units write to, in order (1 when not given): each unit's statements of a section come in the units' order. */
  sections?: number;
  /** The units of the version, in the file's order. */
  units(ctx: EmitContext): readonly Item[];
  /** A unit's key within the file (the memo's). */
  key(item: Item): string;
  /** A unit's statements, per section, and what it reports to the head and tail (plain data: the memo keeps it). */
  emit(ctx: EmitContext, item: Item): { statements: Statement[][]; data: Data };
  /** The statements before and after the sections, from what the units reported, in order. */
  assemble(ctx: EmitContext, units: readonly Data[]): { head: Statement[]; tail: Statement[] };
  /**
   * Whether the head and tail depend on nothing but the units' reports and the skeleton (then a plan
   * whose units report what the memo says takes them from the memo); not when `assemble` reads the
   * model itself.
   */
  assembledFromReports: boolean;
}

export const typeUnitKey = (type: TypeModel): string => type.name.toLowerCase();
export const operationUnitKey = (op: OperationModel): string => op.id;

/** The plain emitter of a unit emitter: the head, each section's statements of every unit, the tail. */
export function emitterOf<Item, Data>(units: UnitEmitter<Item, Data>): Emitter {
  return (ctx) => {
    const emitted = units.units(ctx).map((item) => units.emit(ctx, item));
    const { head, tail } = units.assemble(ctx, emitted.map((unit) => unit.data));
    const sections = Array.from({ length: units.sections ?? 1 }, (_, section) => emitted.flatMap((unit) => unit.statements[section] ?? []));
    return [...head, ...sections.flat(), ...tail];
  };
}

/** A statement as chunking sees it: its size and digest (`serialise`), and the statement, made when asked. */
export interface PlannedStatement {
  size: number;
  /** sha256 of the serialised statement, in base64 (as the memo keeps it). */
  digest: string;
  statement(): Statement;
}

export interface UnitMemo {
  /** Digest of the unit's content. */
  content: string;
  /** The (lower-case) type names it looked up, each with the digest of that type then ("" for none). */
  reads: Array<[string, string]>;
  /**
   * What it reported to the head and tail, as JSON text: parsed only when the head and tail are
   * assembled again (a plan whose units all report as before takes them from the memo), so reading
   * a memo makes one string per unit of it, not the report's arrays and strings.
   */
  data: string;
  /** Size and digest (base64) of each of its statements, per section. */
  statements: Array<Array<[number, string]>>;
}

export interface PlanMemo {
  /** Digest of the version's skeleton and the emit options (see the file header). */
  skeleton: string;
  units: Record<string, UnitMemo>;
  /** The head and tail the units' reports were assembled into. */
  assembled?: AssembledMemo;
}

/**
 * The head and tail of a plan: a digest of its units' keys in order, and the size and digest of each
 * statement. A plan with the same skeleton, the same units and the same reports has the same head
 * and tail, assembled again only when a chunk holding them renders.
 */
export interface AssembledMemo {
  units: string;
  head: Array<[number, string]>;
  tail: Array<[number, string]>;
}

/** A statement as its digest hashes it; its length is the statement's size for chunking. */
export function serialise(statement: Statement): string {
  return typeof statement === "string" ? `s${statement}` : `o${JSON.stringify(statement)}`;
}

/** A statement planned now: its size and digest from its serialised form. */
export function plannedNow(statement: Statement): PlannedStatement {
  const text = serialise(statement);
  // One-shot hashing: a hash object per statement cost twice as much (tens of thousands of statements per version).
  return { size: text.length, digest: hash("sha256", text, "base64"), statement: () => statement };
}

/**
 * A unit served by the memo: its statements are emitted again (and checked against the memo) only
 * when a chunk holding one of them renders.
 */
class ServedUnit {
  private made: Statement[][] | null = null;

  constructor(
    private readonly again: () => Statement[][],
  ) {}

  statement(section: number, index: number): Statement {
    this.made ??= this.again();
    return this.made[section]?.[index] ?? "";
  }
}

/** A statement of a served unit, as the memo gives it: one object per statement, no closure (a version has tens of thousands). */
class ServedStatement implements PlannedStatement {
  constructor(
    readonly size: number,
    readonly digest: string,
    private readonly unit: ServedUnit,
    private readonly section: number,
    private readonly index: number,
  ) {}

  statement(): Statement {
    return this.unit.statement(this.section, this.index);
  }
}

/** A unit memo's statements were not what emitting the unit again gives: the memo is not to be trusted (nor kept). */
export class StaleMemoError extends Error {}

/**
 * The planned statements of a file, from its memo where units are as they were, the memo of this
 * plan, and how many units were emitted (not served by the memo). `memo`: the file's memo from an
 * earlier plan, or null.
 */
export function planUnits<Item extends TypeModel | OperationModel, Data>(ctx: EmitContext, emitter: UnitEmitter<Item, Data>, memo: PlanMemo | null): { statements: PlannedStatement[]; memo: PlanMemo; emitted: number } {
  const skeleton = skeletonOf(ctx);
  const prior = memo !== null && memo.skeleton === skeleton ? memo.units : {};
  const digests = new Map<string, string>();
  const typeDigest = (name: string): string => {
    let digest = digests.get(name);
    if (digest === undefined) {
      const type = ctx.untracked(() => ctx.typeByName(name));
      digests.set(name, (digest = type !== undefined ? contentDigest(type) : ""));
    }
    return digest;
  };
  // Without a prototype: a unit key may be any type name (`constructor`, `__proto__`).
  const units: Record<string, UnitMemo> = Object.create(null);
  // Each unit's report as the memo keeps it, and as emitted now (the memo's are parsed when the head and tail are assembled).
  const reported: Array<{ text: string; value?: Data }> = [];
  const sections = emitter.sections ?? 1;
  const planned: PlannedStatement[][] = Array.from({ length: sections }, () => []);
  let emitted = 0;
  const keys: string[] = [];
  // Whether every unit reports what the memo says it did (then the head and tail are the memo's).
  let sameReports = emitter.assembledFromReports && prior === memo?.units;
  for (const item of emitter.units(ctx)) {
    const key = emitter.key(item);
    keys.push(key);
    const content = contentDigest(item);
    // A key twice (not expected: ids and type names are unique in a version) is planned each time and not kept.
    const known = Object.hasOwn(units, key) || !Object.hasOwn(prior, key) ? undefined : prior[key];
    if (known !== undefined && known.content === content && known.reads.every(([name, digest]) => typeDigest(name) === digest)) {
      reported.push({ text: known.data });
      units[key] = known;
      const served = servedStatements(new ServedUnit(() => checked(emitter.emit(ctx, item).statements, known.statements, key)), known.statements);
      served.forEach((section, s) => planned[s]?.push(...section));
      continue;
    }
    const { value, reads } = ctx.reading(() => emitter.emit(ctx, item));
    emitted++;
    const data = JSON.stringify(value.data);
    reported.push({ text: data, value: value.data });
    if (sameReports && (known === undefined || known.data !== data)) sameReports = false;
    const statements = Array.from({ length: sections }, (_, s) => (value.statements[s] ?? []).map(plannedNow));
    statements.forEach((section, s) => planned[s]?.push(...section));
    if (Object.hasOwn(units, key)) continue;
    units[key] = {
      content,
      reads: reads.sort().map((name) => [name, typeDigest(name)]),
      data,
      statements: statements.map(sizesAndDigests),
    };
  }
  // A memo is this docgen build's (the cache's key includes its fingerprint), its reports written from this emitter's Data.
  const reports = (): Data[] => reported.map((report): Data => report.value ?? JSON.parse(report.text));
  const unitKeys = hash("sha1", keys.join("\0"), "base64");
  const before = memo?.assembled;
  let head: PlannedStatement[];
  let tail: PlannedStatement[];
  if (sameReports && before !== undefined && before.units === unitKeys) {
    const served = new ServedUnit(() => {
      const assembled = emitter.assemble(ctx, reports());
      return checked([assembled.head, assembled.tail], [before.head, before.tail], "the head and tail");
    });
    [head = [], tail = []] = servedStatements(served, [before.head, before.tail]);
  } else {
    const assembled = emitter.assemble(ctx, reports());
    head = assembled.head.map(plannedNow);
    tail = assembled.tail.map(plannedNow);
  }
  const assembled: AssembledMemo = { units: unitKeys, head: sizesAndDigests(head), tail: sizesAndDigests(tail) };
  return { statements: [...head, ...planned.flat(), ...tail], memo: { skeleton, units, assembled }, emitted };
}

/** The sizes and digests of statements, as a memo keeps them. */
function sizesAndDigests(statements: readonly PlannedStatement[]): Array<[number, string]> {
  return statements.map((statement) => [statement.size, statement.digest]);
}

/** The planned statements a memo gives, per section (a unit's, or the head and tail), made by `unit` when asked for. */
function servedStatements(unit: ServedUnit, sections: ReadonlyArray<ReadonlyArray<readonly [number, string]>>): PlannedStatement[][] {
  return sections.map((section, s) => section.map(([size, digest], i) => new ServedStatement(size, digest, unit, s, i)));
}

/** Statements emitted again for a unit (or the head and tail) from the memo, checked against the memo's digests. */
function checked(statements: Statement[][], memo: ReadonlyArray<ReadonlyArray<readonly [number, string]>>, what: string): Statement[][] {
  const digests = statements.map((section) => section.map((statement) => plannedNow(statement).digest));
  const same = digests.length === memo.length && digests.every((section, s) => section.length === memo[s]?.length && section.every((digest, i) => digest === memo[s]?.[i]?.[1]));
  if (!same) throw new StaleMemoError(`the plan memo of "${what}" does not match what it plans now`);
  return statements;
}

/**
 * Content digests of types and operations, computed once per object: a model's objects never
 * change once merged (patches copy what they change: model/patch-structure.ts, patch-descriptions.ts).
 */
const contentDigests = new WeakMap<TypeModel | OperationModel, string>();

/** A digest of a type's or operation's content (operations without their examples: no emitter reads them). */
export function contentDigest(item: TypeModel | OperationModel): string {
  let digest = contentDigests.get(item);
  if (digest === undefined) {
    const text = "examples" in item ? JSON.stringify({ ...item, examples: undefined }) : JSON.stringify(item);
    contentDigests.set(item, (digest = hash("sha1", text, "base64")));
  }
  return digest;
}

/** Records the content digest of an object read back from where it was stored with it (the CLI's stored merge), sparing its computation. */
export function knownDigest(item: TypeModel | OperationModel, digest: string): void {
  contentDigests.set(item, digest);
}

const skeletons = new WeakMap<EmitContext, string>();

/** The version's skeleton and emit options: what every unit may depend on without reading it (see the file header); once per context. */
function skeletonOf(ctx: EmitContext): string {
  const known = skeletons.get(ctx);
  if (known !== undefined) return known;
  const types = ctx.version.types.map((type) => [type.name, type.kind, type.baseType ?? null, type.namespace ?? null]);
  const skeleton = hash("sha256", JSON.stringify([ctx.version.apiVersion, ctx.options, types, ctx.version.operations.map((op) => op.id)]), "base64");
  skeletons.set(ctx, skeleton);
  return skeleton;
}

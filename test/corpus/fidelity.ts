/**
 * Fidelity of the parsed model against the service's CSDL (a test oracle only).
 *
 * How things are counted (beta corpus, types present both in the docs and in the CSDL):
 * - Docs properties D(T): the property names of a resource page for T (Properties and
 *   Relationships tables); each page is compared on its own with the CSDL type of that name that
 *   shares most property names (short names repeat across namespaces). CSDL properties C(T): T's declared structural and
 *   navigation properties plus those inherited along its BaseType chain.
 * - Precision = Σ|D∩C| / Σ|D|: documented names the CSDL also has (names with `@`, instance
 *   annotations documented in a table, are left out of D: they are not structural properties).
 * - Recall = Σ|D∩K| / Σ|K| with K(T) = the CSDL properties the page documents: C(T) names that
 *   open a table row of T's resource page in its raw text (markdown `| name |` or HTML `<td>name`).
 *   K is found by a crude line scan independent of the parser, so recall measures parser misses,
 *   not properties the docs never mention. Σ|D∩C| / Σ|C| is reported too (the docs' coverage).
 * - Type agreement: for every name in D∩C, the docs type equals the CSDL type after removing
 *   namespaces and `Edm.`, compared case-insensitively, and the collection flags are equal.
 * - Enum member recall = Σ|M∩E| / Σ|E| over enum types in both, with M the model's members and
 *   E the CSDL members that occur (as a word) in a page describing the enum; the raw Σ|M∩E'| / Σ|E'|
 *   over all CSDL members E' is reported too.
 * - Flags enums, over the same enum types: precision = model flags enums the CSDL marks IsFlags,
 *   recall = CSDL flags enums the model marks (the docs often give no sign: a member list without
 *   values, an enum page without a Value column).
 */
import type { PageModel } from "../../src/model/page.js";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import type { Csdl, CsdlProperty, CsdlType } from "./csdl.js";

export interface Ratio {
  hit: number;
  total: number;
}

export interface FidelityResult {
  typesCompared: number;
  typesOnlyInDocs: string[];
  precision: Ratio;
  recall: Ratio;
  coverage: Ratio;
  typeAgreement: Ratio;
  enumRecall: Ratio;
  enumRecallRaw: Ratio;
  /** Of the enums the model calls flags enums, those the CSDL does (IsFlags). */
  flagsPrecision: Ratio;
  /** Of the CSDL's flags enums the model has, those it calls flags enums. */
  flagsRecall: Ratio;
  kindAgreement: Ratio;
  baseTypeAgreement: Ratio;
  extra: { type: string; property: string; file: string; line: number; hint: string }[];
  missed: { type: string; property: string; file: string }[];
  typeMismatches: { type: string; property: string; docs: string; csdl: string; file: string; line: number }[];
  enumMissed: { type: string; members: string[]; file: string }[];
  flagsMismatches: { type: string; docs: boolean; file: string }[];
  kindMismatches: { type: string; docs: string; csdl: string; file: string }[];
  baseMismatches: { type: string; docs: string; csdl: string; file: string }[];
}

export const ratio = (r: Ratio): number => (r.total === 0 ? 1 : r.hit / r.total);

/** Names that open a table row: `| **name** | …`, `name | …`, `<td>name</td>`. */
export function rowNames(text: string): Set<string> {
  const names = new Set<string>();
  // Tables inside HTML comments are not documentation (pages comment out unfinished tables).
  for (const line of text.replace(/<!--[\s\S]*?-->/g, "").split(/\r?\n/)) {
    if (line.includes("|")) {
      const first = line.replace(/^\s*\|/, "").split("|")[0] ?? "";
      const word = /^[\s*`\\_]*([A-Za-z@][\w@.]*)/.exec(first.replace(/<[^>]+>/g, ""))?.[1];
      if (word) names.add(word);
    }
    for (const match of line.matchAll(/<td[^>]*>\s*(?:<[^>]+>|[*`\s])*([A-Za-z@][\w@.]*)/gi)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return names;
}

function normal(type: string): string {
  return type.slice(type.lastIndexOf(".") + 1).toLowerCase();
}

function pickCsdl(csdl: Csdl, name: string, docNames: Set<string>, kind: "enum" | "structured"): CsdlType | undefined {
  const candidates = (csdl.byName.get(name.toLowerCase()) ?? []).filter((t) => (kind === "enum") === (t.kind === "enum"));
  let best: CsdlType | undefined;
  let bestScore = -1;
  for (const candidate of candidates) {
    const names = kind === "enum" ? candidate.members : csdl.allProperties(candidate).map((p) => p.name);
    const score = names.filter((n) => docNames.has(n)).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export function measureFidelity(pages: readonly PageModel[], texts: ReadonlyMap<string, string>, model: ApiModel, csdl: Csdl): FidelityResult {
  const result: FidelityResult = {
    typesCompared: 0,
    typesOnlyInDocs: [],
    precision: { hit: 0, total: 0 },
    recall: { hit: 0, total: 0 },
    coverage: { hit: 0, total: 0 },
    typeAgreement: { hit: 0, total: 0 },
    enumRecall: { hit: 0, total: 0 },
    enumRecallRaw: { hit: 0, total: 0 },
    flagsPrecision: { hit: 0, total: 0 },
    flagsRecall: { hit: 0, total: 0 },
    kindAgreement: { hit: 0, total: 0 },
    baseTypeAgreement: { hit: 0, total: 0 },
    extra: [],
    missed: [],
    typeMismatches: [],
    enumMissed: [],
    flagsMismatches: [],
    kindMismatches: [],
    baseMismatches: [],
  };
  // One entry per resource page: two pages may describe same-named types of different namespaces.
  const resources = new Map<string, { name: string; properties: Map<string, PropertyModel>; files: string[] }>();
  for (const page of pages) {
    for (const type of page.types) {
      if (type.role !== "resource") continue;
      const key = `${type.name.toLowerCase()}|${page.file}`;
      const entry = resources.get(key) ?? { name: type.name, properties: new Map<string, PropertyModel>(), files: [] };
      entry.files.push(page.file);
      for (const p of type.properties) if (!entry.properties.has(p.name)) entry.properties.set(p.name, p);
      resources.set(key, entry);
    }
  }
  const modelTypes = new Map<string, TypeModel>(model.types.filter((t) => t.apiVersion !== "v1.0").map((t) => [t.name.toLowerCase(), t]));
  for (const [, entry] of [...resources].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const docNames = new Set(entry.properties.keys());
    const target = pickCsdl(csdl, entry.name, docNames, "structured");
    if (!target) {
      result.typesOnlyInDocs.push(entry.name);
      continue;
    }
    result.typesCompared++;
    const all = csdl.allProperties(target);
    const byName = new Map<string, CsdlProperty>(all.map((p) => [p.name, p]));
    const lower = new Map<string, string>(all.map((p) => [p.name.toLowerCase(), p.name]));
    for (const [name, property] of entry.properties) {
      if (name.includes("@")) continue; // instance annotations (`@microsoft.graph.x`) are no structural properties
      result.precision.total++;
      const declared = byName.get(name);
      if (declared) {
        result.precision.hit++;
        result.typeAgreement.total++;
        const agree = normal(property.type) === normal(declared.type) && property.collection === declared.collection;
        if (agree) result.typeAgreement.hit++;
        else
          result.typeMismatches.push({
            type: entry.name,
            property: name,
            docs: `${property.type}${property.collection ? " collection" : ""}`,
            csdl: `${declared.type}${declared.collection ? " collection" : ""}`,
            file: property.source.file,
            line: property.source.line,
          });
      } else {
        const differentCase = lower.get(name.toLowerCase());
        result.extra.push({
          type: entry.name,
          property: name,
          file: property.source.file,
          line: property.source.line,
          hint: differentCase ? `CSDL spells it ${differentCase}` : "not in the CSDL",
        });
      }
    }
    const rows = new Set<string>();
    for (const file of entry.files) for (const name of rowNames(texts.get(file) ?? "")) rows.add(name);
    for (const p of all) {
      result.coverage.total++;
      if (docNames.has(p.name)) result.coverage.hit++;
      if (!rows.has(p.name)) continue;
      result.recall.total++;
      if (docNames.has(p.name)) result.recall.hit++;
      else result.missed.push({ type: entry.name, property: p.name, file: entry.files[0] ?? "" });
    }
    const merged = modelTypes.get(entry.name.toLowerCase());
    if (merged) {
      result.kindAgreement.total++;
      if (merged.kind === target.kind) result.kindAgreement.hit++;
      else result.kindMismatches.push({ type: entry.name, docs: merged.kind, csdl: target.kind, file: entry.files[0] ?? "" });
      if (target.baseType) {
        result.baseTypeAgreement.total++;
        const docsBase = merged.baseType ? normal(merged.baseType) : "";
        if (docsBase === normal(target.baseType)) result.baseTypeAgreement.hit++;
        else result.baseMismatches.push({ type: entry.name, docs: merged.baseType ?? "(none)", csdl: target.baseType, file: entry.files[0] ?? "" });
      }
    }
  }
  for (const type of modelTypes.values()) {
    if (type.kind !== "enum" || !type.members) continue;
    const members = new Set(type.members);
    const target = pickCsdl(csdl, type.name, members, "enum");
    if (!target) continue;
    const words = new Set<string>();
    for (const source of type.sources) for (const w of (texts.get(source.file) ?? "").match(/[A-Za-z_][\w]*/g) ?? []) words.add(w);
    const missing: string[] = [];
    for (const member of target.members) {
      result.enumRecallRaw.total++;
      if (members.has(member)) result.enumRecallRaw.hit++;
      if (!words.has(member)) continue;
      result.enumRecall.total++;
      if (members.has(member)) result.enumRecall.hit++;
      else missing.push(member);
    }
    if (missing.length > 0) result.enumMissed.push({ type: type.name, members: missing, file: type.sources[0]?.file ?? "" });
    const docsFlags = type.flags === true;
    const csdlFlags = target.flags === true;
    if (docsFlags) result.flagsPrecision.total++;
    if (csdlFlags) result.flagsRecall.total++;
    if (docsFlags && csdlFlags) {
      result.flagsPrecision.hit++;
      result.flagsRecall.hit++;
    }
    if (docsFlags !== csdlFlags) result.flagsMismatches.push({ type: type.name, docs: docsFlags, file: type.sources[0]?.file ?? "" });
  }
  return result;
}

const pct = (r: Ratio): string => `${(ratio(r) * 100).toFixed(2)}% (${r.hit}/${r.total})`;

export function fidelityReport(r: FidelityResult): string {
  const out: string[] = [
    "# Fidelity of the beta model against beta_metadata.xml",
    "",
    "Definitions: see test/corpus/fidelity.ts.",
    "",
    `- types compared: ${r.typesCompared}; resource types not in the CSDL: ${r.typesOnlyInDocs.length}`,
    `- property precision: ${pct(r.precision)}`,
    `- property recall (CSDL properties the pages document in a table row): ${pct(r.recall)}`,
    `- docs coverage of CSDL properties (declared + inherited): ${pct(r.coverage)}`,
    `- type agreement: ${pct(r.typeAgreement)}`,
    `- enum member recall (members the pages mention): ${pct(r.enumRecall)}; of all CSDL members: ${pct(r.enumRecallRaw)}`,
    `- flags enums: precision ${pct(r.flagsPrecision)}, recall ${pct(r.flagsRecall)}`,
    `- entity/complex agreement: ${pct(r.kindAgreement)}`,
    `- base type agreement: ${pct(r.baseTypeAgreement)}`,
    "",
    `## Properties documented but not in the CSDL (${r.extra.length})`,
    "",
    ...r.extra.map((e) => `- ${e.type}.${e.property} — ${e.hint} — ${e.file}:${e.line}`),
    "",
    `## CSDL properties in a table row of the page but not parsed (${r.missed.length})`,
    "",
    ...r.missed.map((e) => `- ${e.type}.${e.property} — ${e.file}`),
    "",
    `## Type disagreements (${r.typeMismatches.length})`,
    "",
    ...r.typeMismatches.map((e) => `- ${e.type}.${e.property}: docs ${e.docs}, CSDL ${e.csdl} — ${e.file}:${e.line}`),
    "",
    `## Enum members mentioned but not parsed (${r.enumMissed.length} enums)`,
    "",
    ...r.enumMissed.map((e) => `- ${e.type}: ${e.members.join(", ")} — ${e.file}`),
    "",
    `## Flags enum disagreements (${r.flagsMismatches.length})`,
    "",
    ...r.flagsMismatches.map((e) => `- ${e.type}: ${e.docs ? "a flags enum in the docs, not in the CSDL" : "a flags enum in the CSDL, not in the docs"} — ${e.file}`),
    "",
    `## Entity/complex disagreements (${r.kindMismatches.length})`,
    "",
    ...r.kindMismatches.map((e) => `- ${e.type}: docs ${e.docs}, CSDL ${e.csdl} — ${e.file}`),
    "",
    `## Base type disagreements (${r.baseMismatches.length})`,
    "",
    ...r.baseMismatches.map((e) => `- ${e.type}: docs ${e.docs}, CSDL ${e.csdl} — ${e.file}`),
    "",
    `## Resource types not in the CSDL (${r.typesOnlyInDocs.length})`,
    "",
    r.typesOnlyInDocs.join(", "),
    "",
  ];
  return out.join("\n");
}

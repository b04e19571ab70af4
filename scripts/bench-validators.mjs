/**
 * Validator benchmark (`npm run bench:validators`; needs `npm run build` first, which the script
 * runs): the generated validators against ajv (compiled from an equivalent JSON Schema,
 * `allErrors: true`) and zod 4, side by side in one run, on
 *  1. the issue's reference object: 7 fields with a date-time, an enum, an array and a nested object;
 *  2. the corpus's example payloads (request and response bodies of every documented operation
 *     whose type is documented), valid as published, and a mutated invalid copy of each.
 * Reports objects/s per library, the ratios generated/ajv and generated/zod, and whether each
 * library's error paths point at the mutated properties. The JSON Schema and zod schemas are
 * built from the same model by small converters below (flattened base types; formats, ranges,
 * enums, nullability, collections and nesting as the generated validators check them).
 *
 * Options: --corpus <dir> (default ../shared/corpus/graph-docs-2021/beta), --time <ms per task>
 * (default 1000), --no-corpus (reference object only), --cpu (time each task by this process's CPU
 * time instead of the wall clock: on a shared machine the wall clock also counts the time other
 * jobs hold the cores, which differs from one task's window to the next), --rounds <n> (default 1:
 * each task's TIME is cut into n slices taken in turn, the order rotated each round — generated, ajv,
 * zod; ajv, zod, generated; zod, generated, ajv; … — so that each library follows each other equally
 * often: the task after zod pays for collecting zod's garbage. Rates and ratios are the medians over
 * the rounds, each ratio from one round's slices).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { Bench } from "tinybench";
import { z } from "zod";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const CORPUS = path.resolve(ROOT, option("--corpus", "../shared/corpus/graph-docs-2021/beta"));
const TIME = Number(option("--time", "1000"));
const WITH_CORPUS = !args.includes("--no-corpus");
const CPU = args.includes("--cpu");
const ROUNDS = Math.max(1, Number(option("--rounds", "1")));

const { emitModel } = await import(pathToFileURL(path.join(ROOT, "dist/emitters/emit.js")).href);
const { loadModel } = await import(pathToFileURL(path.join(ROOT, "dist/cli/pipeline.js")).href);
const { primitiveFor } = await import(pathToFileURL(path.join(ROOT, "dist/model/primitives.js")).href);
const { createContext } = await import(pathToFileURL(path.join(ROOT, "dist/emitters/context.js")).href);
const { validatorName } = await import(pathToFileURL(path.join(ROOT, "dist/emitters/naming.js")).href);

/** Generates TypeScript for a model, transpiles it with tsc (no type check) and imports a version's validators. */
async function generatedValidators(model, folder) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docgen-bench-"));
  const started = performance.now();
  const files = await emitModel(model);
  if (model.types.length > 100) console.error(`emitted in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const file of files) {
    const target = path.join(dir, "src", file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  const tsc = path.join(ROOT, "node_modules/.bin/tsc");
  const run = spawnSync(tsc, ["--ignoreConfig", "--noCheck", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--outDir", path.join(dir, "out"), "--rootDir", path.join(dir, "src"), path.join(dir, "src", folder, "validators.ts")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`tsc failed: ${run.stdout}${run.stderr}`);
  writeFileSync(path.join(dir, "out", "package.json"), '{ "type": "module" }');
  const module = await import(pathToFileURL(path.join(dir, "out", folder, "validators.js")).href);
  return { module, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- model → JSON Schema and zod ------------------------------------------------------------

const INT_RANGES = { Byte: [0, 255], SByte: [-128, 127], Int16: [-32768, 32767], Int32: [-2147483648, 2147483647], Int64: [-9223372036854775807, 9223372036854775807] };

function indexTypes(model, apiVersion) {
  const byName = new Map();
  for (const type of model.types) if (type.apiVersion === apiVersion) byName.set(type.name.toLowerCase(), type);
  return byName;
}

/** Own, then inherited properties (as the generated validators walk them). */
function properties(byName, type) {
  const result = [...type.properties];
  const names = new Set(result.map((p) => p.name));
  const seen = new Set([type.name.toLowerCase()]);
  let base = type.baseType ? byName.get(type.baseType.toLowerCase()) : undefined;
  while (base && base.kind !== "enum" && !seen.has(base.name.toLowerCase())) {
    seen.add(base.name.toLowerCase());
    for (const p of base.properties) if (!names.has(p.name)) (names.add(p.name), result.push(p));
    base = base.baseType ? byName.get(base.baseType.toLowerCase()) : undefined;
  }
  return result;
}

function jsonSchemaOf(byName) {
  const key = (name) => name.toLowerCase().replace(/[^a-z0-9_.-]/g, "_");
  const element = (p) => {
    if (p.enumValues?.length) return { enum: p.enumValues };
    const primitive = primitiveFor(p.type);
    if (primitive) {
      const range = INT_RANGES[primitive];
      if (range) return { type: "integer", minimum: range[0], maximum: range[1] };
      switch (primitive) {
        case "String": case "Stream": return { type: "string" };
        case "Boolean": return { type: "boolean" };
        case "Single": return { type: "number", minimum: -3.4028234663852886e38, maximum: 3.4028234663852886e38 };
        case "Double": case "Decimal": return { type: "number" };
        case "DateTimeOffset": return { type: "string", format: "date-time" };
        case "Date": return { type: "string", format: "date" };
        case "TimeOfDay": return { type: "string", format: "iso-time" };
        case "Duration": return { type: "string", format: "duration" };
        case "Guid": return { type: "string", format: "uuid" };
        case "Binary": return { type: "string", format: "byte" };
        default: return {};
      }
    }
    const target = byName.get(p.type.toLowerCase());
    return target ? { $ref: `#/definitions/${key(target.name)}` } : {};
  };
  const nullable = (schema, p) => (p.nullable === false ? schema : { anyOf: [schema, { type: "null" }] });
  const definitions = {};
  for (const type of byName.values()) {
    if (type.kind === "enum") {
      // An enum without documented members accepts nothing (as the generated validator does).
      definitions[key(type.name)] = type.members?.length ? { enum: type.members } : { not: {} };
      continue;
    }
    const props = {};
    for (const p of properties(byName, type)) {
      if (p.name === "@odata.type") continue;
      const one = element(p);
      props[p.name] = nullable(p.collection ? { type: "array", items: p.nullable === false ? one : { anyOf: [one, { type: "null" }] } } : one, p);
    }
    definitions[key(type.name)] = { type: "object", properties: props };
  }
  return { schema: { $id: "graph", definitions }, ref: (name) => `graph#/definitions/${key(name)}` };
}

function zodOf(byName) {
  const cache = new Map();
  const element = (p) => {
    if (p.enumValues?.length) return z.enum(p.enumValues);
    const primitive = primitiveFor(p.type);
    if (primitive) {
      const range = INT_RANGES[primitive];
      if (range) return z.number().int().min(range[0]).max(range[1]);
      switch (primitive) {
        case "String": case "Stream": return z.string();
        case "Boolean": return z.boolean();
        case "Single": return z.number().min(-3.4028234663852886e38).max(3.4028234663852886e38);
        case "Double": case "Decimal": return z.number();
        case "DateTimeOffset": return z.iso.datetime({ offset: true, local: false });
        case "Date": return z.iso.date();
        case "TimeOfDay": return z.iso.time();
        case "Duration": return z.iso.duration();
        case "Guid": return z.guid();
        case "Binary": return z.base64();
        default: return z.json();
      }
    }
    const target = byName.get(p.type.toLowerCase());
    return target ? z.lazy(() => of(target)) : z.json();
  };
  const of = (type) => {
    const k = type.name.toLowerCase();
    if (cache.has(k)) return cache.get(k);
    let schema;
    if (type.kind === "enum") schema = z.enum(type.members?.length ? type.members : ["?"]);
    else {
      const shape = {};
      for (const p of properties(byName, type)) {
        if (p.name === "@odata.type") continue;
        let one = element(p);
        if (p.collection) one = z.array(p.nullable === false ? one : one.nullable());
        shape[p.name] = (p.nullable === false ? one : one.nullable()).optional();
      }
      schema = z.looseObject(shape);
    }
    cache.set(k, schema);
    return schema;
  };
  return (name) => of(byName.get(name.toLowerCase()));
}

// ---- payloads ---------------------------------------------------------------------------------

/** (type, payload) pairs from the examples of every operation whose body type is documented. */
function corpusPayloads(model, byName) {
  const cases = [];
  const add = (typeName, body, collection) => {
    const type = typeName ? byName.get(typeName.toLowerCase()) : undefined;
    if (!type || type.kind === "enum" || body === undefined || body === null) return;
    const items = collection ? (Array.isArray(body?.value) ? body.value : []) : [body];
    for (const item of items) if (item && typeof item === "object" && !Array.isArray(item)) cases.push({ type, payload: item });
  };
  for (const op of model.operations) {
    if (op.apiVersion !== "beta") continue;
    for (const example of op.examples) {
      add(op.requestType, example.request?.body, op.requestCollection ?? false);
      add(op.responseType, example.response?.body, op.responseCollection);
    }
  }
  return cases;
}

/** A deep copy with up to two documented properties given a value of the wrong type; the mutated pointers. */
function mutate(byName, { type, payload }) {
  const copy = structuredClone(payload);
  const props = new Map(properties(byName, type).map((p) => [p.name, p]));
  const paths = [];
  for (const key of Object.keys(copy)) {
    if (paths.length === 2) break;
    const p = props.get(key);
    if (!p || copy[key] === null || primitiveFor(p.type) === "Json" || !byName.has(p.type.toLowerCase()) && !primitiveFor(p.type)) continue;
    copy[key] = typeof copy[key] === "number" || typeof copy[key] === "boolean" ? "wrong" : 12345;
    paths.push(`/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  }
  return paths.length > 0 ? { type, payload: copy, paths } : undefined;
}

// ---- running ----------------------------------------------------------------------------------

function setup(model, byName, module, cases) {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const { schema, ref } = jsonSchemaOf(byName);
  ajv.addSchema(schema);
  const zodFor = zodOf(byName);
  // The generator's own naming (types whose names differ only in punctuation, such as
  // "teamsTab" and "teamsTab.", get distinct TypeScript names: TeamsTab, TeamsTab2).
  const ctx = createContext("beta", model.types.filter((t) => t.apiVersion === "beta"), []);
  const tsName = (type) => validatorName(ctx.names.get(type.name) ?? type.name);
  const usable = [];
  for (const c of cases) {
    const generated = module[tsName(c.type)];
    if (typeof generated !== "function") continue;
    const ajvValidate = ajv.getSchema(ref(c.type.name));
    usable.push({ ...c, generated, ajv: ajvValidate, zod: zodFor(c.type.name) });
  }
  return usable;
}

function precision(cases) {
  const score = { generated: 0, ajv: 0, zod: 0, total: 0 };
  for (const c of cases) {
    if (!c.paths) continue;
    score.total += c.paths.length;
    const gen = new Set(c.generated(c.payload).errors.map((e) => e.path));
    c.ajv(c.payload);
    const ajvPaths = new Set((c.ajv.errors ?? []).map((e) => e.instancePath));
    const zodResult = c.zod.safeParse(c.payload);
    const zodPaths = new Set(zodResult.success ? [] : zodResult.error.issues.map((i) => (i.path.length ? `/${i.path.join("/")}` : "")));
    for (const p of c.paths) {
      if (gen.has(p)) score.generated++;
      if (ajvPaths.has(p)) score.ajv++;
      if (zodPaths.has(p)) score.zod++;
    }
  }
  return score;
}

async function measure(label, cases) {
  // Each task iteration validates at least 1000 objects, so that the per-iteration timing of the
  // harness does not dominate small sets.
  const rounds = Math.max(1, Math.ceil(1000 / cases.length));
  const batch = Array.from({ length: rounds }, () => cases).flat();
  let sink = 0;
  const tasks = {
    generated: () => {
      for (const c of batch) sink += c.generated(c.payload).errors.length;
    },
    ajv: () => {
      for (const c of batch) sink += c.ajv(c.payload) ? 0 : c.ajv.errors.length;
    },
    zod: () => {
      for (const c of batch) {
        const r = c.zod.safeParse(c.payload);
        sink += r.success ? 0 : r.error.issues.length;
      }
    },
  };
  const runs = CPU || ROUNDS > 1 ? slicedRates(tasks, batch.length) : [await wallRates(tasks, batch.length)];
  const rate = (name) => median(runs.map((run) => run[name]));
  const ratio = (other) => median(runs.map((run) => run.generated / run[other]));
  const row = `| ${label} | ${cases.length} | ${fmt(rate("generated"))} | ${fmt(rate("ajv"))} | ${fmt(rate("zod"))} | ${ratio("ajv").toFixed(2)}× | ${ratio("zod").toFixed(2)}× |`;
  if (sink < 0) console.log(sink);
  return row;
}

/** Objects per second of each task with tinybench (wall clock): a warm-up, then TIME ms. */
async function wallRates(tasks, objects) {
  const bench = new Bench({ time: TIME, warmup: true, warmupTime: Math.min(500, TIME) });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const rate = {};
  for (const task of bench.tasks) rate[task.name] = (objects * 1000) / task.result.latency.mean;
  return rate;
}

/**
 * --cpu or --rounds: objects per second of each task, scheduled as tinybench does (every task
 * warmed up for min(500, TIME) ms and 16 iterations, then each measured for TIME ms and 64
 * iterations), cut into ROUNDS rounds of slices in rotating order; one rate per task per round. The clock
 * is `process.cpuUsage()` with --cpu (user + system time of every thread of this process, so the
 * JIT compiler's and the garbage collector's threads count), else the wall clock.
 */
function slicedRates(tasks, objects) {
  for (const fn of Object.values(tasks)) timedLoop(fn, Math.min(500, TIME), 16);
  const runs = [];
  const names = Object.keys(tasks);
  for (let round = 0; round < ROUNDS; round++) {
    const run = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      const { passes, ms } = timedLoop(tasks[name], TIME / ROUNDS, Math.ceil(64 / ROUNDS));
      run[name] = (passes * objects * 1000) / ms;
    }
    runs.push(run);
  }
  return runs;
}

/** Runs `fn` until `ms` have passed on the clock and it has run `minimum` times; how many passes that took, and the ms. */
function timedLoop(fn, ms, minimum) {
  const start = now();
  let passes = 0;
  let used = 0;
  do {
    fn();
    passes++;
    used = now() - start;
  } while (used < ms || passes < minimum);
  return { passes, ms: used };
}

/** Milliseconds on the bench's clock: this process's CPU time with --cpu, else the wall clock. */
function now() {
  if (!CPU) return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const fmt = (perSecond) => (perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(0)} k/s`);

// The issue's reference object.
const at = { file: "bench.md", line: 1, column: 1 };
const prop = (name, type, extra = {}) => ({ name, type, collection: false, description: "", source: at, ...extra });
const referenceModel = {
  diagnostics: [],
  operations: [],
  types: [
    { name: "status", kind: "enum", apiVersion: "beta", properties: [], members: ["active", "suspended", "deleted", "unknownFutureValue"], sources: [at] },
    { name: "address", kind: "complex", apiVersion: "beta", properties: [prop("street", "String"), prop("city", "String"), prop("postalCode", "String")], sources: [at] },
    {
      name: "account",
      kind: "entity",
      apiVersion: "beta",
      properties: [prop("id", "String"), prop("displayName", "String"), prop("createdDateTime", "DateTimeOffset"), prop("status", "status"), prop("tags", "String", { collection: true }), prop("address", "address"), prop("score", "Int32")],
      sources: [at],
    },
  ],
};
const referenceValid = { id: "a1", displayName: "Adele", createdDateTime: "2024-05-01T10:20:30Z", status: "active", tags: ["x", "y"], address: { street: "1 Main", city: "Town", postalCode: "123" }, score: 42 };
const referenceInvalid = { id: 1, displayName: "Adele", createdDateTime: "2024-13-01T10:20:30Z", status: "gone", tags: ["x", 2], address: { street: "1 Main", city: 5 }, score: 1.5 };

const rows = [];
{
  const byName = indexTypes(referenceModel, "beta");
  const { module, cleanup } = await generatedValidators(referenceModel, "beta");
  const type = byName.get("account");
  const valid = setup(referenceModel, byName, module, [{ type, payload: referenceValid }]);
  const invalid = setup(referenceModel, byName, module, [{ type, payload: referenceInvalid, paths: ["/id", "/createdDateTime", "/status", "/tags/1", "/address/city", "/score"] }]);
  rows.push(await measure("reference object, valid", valid));
  rows.push(await measure("reference object, 6 errors", invalid));
  const p = precision(invalid);
  rows.push(`|  | paths found of ${p.total} | ${p.generated} | ${p.ajv} | ${p.zod} | | |`);
  cleanup();
}

if (WITH_CORPUS) {
  const started = performance.now();
  const model = await loadModel([path.join(CORPUS, "api"), path.join(CORPUS, "resources")]);
  console.error(`model built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const byName = indexTypes(model, "beta");
  const { module, cleanup } = await generatedValidators(model, "beta");
  const loadedMs = performance.now() - started;
  const cases = corpusPayloads(model, byName);
  const valid = setup(model, byName, module, cases);
  const invalid = setup(model, byName, module, cases.map((c) => mutate(byName, c)).filter(Boolean));
  console.error(`corpus: ${model.types.length} types, ${cases.length} example payloads, ${valid.length} with a validator, ${invalid.length} mutated (model + generation ${(loadedMs / 1000).toFixed(0)} s)`);
  rows.push(await measure("corpus examples as published", valid));
  rows.push(await measure("corpus examples, mutated", invalid));
  const p = precision(invalid);
  rows.push(`|  | mutated paths found of ${p.total} | ${p.generated} | ${p.ajv} | ${p.zod} | | |`);
  cleanup();
}

console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}; ${CPU ? "CPU time" : ROUNDS > 1 ? "wall clock" : "tinybench"}, ${TIME} ms per task${ROUNDS > 1 ? ` in ${ROUNDS} rounds (medians)` : ""}`);
console.log("| data | objects | generated | ajv (allErrors) | zod | generated/ajv | generated/zod |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);

/**
 * The whole corpus (7,950 pages), generated once: the output compiles under the strictest consumer
 * settings with both module systems and contains no `any`; every request example is replayed through
 * its generated request function against a local server and every response example through its
 * validator (see replay.ts). The replay report is written to reports/replay.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionFolder } from "../../src/emitters/naming.js";
import { routeKey } from "../../src/model/merge-operations.js";
import { ROOT } from "../helpers.js";
import { generateCorpus, STRICT_TSC, type CorpusOutput } from "./corpus.js";
import { loadApi, replayRequest, ReplayServer, validateResponse, ValidatorNames, type RequestOutcome, type ResponseOutcome } from "./replay.js";
import { replayReport } from "./report.js";

let corpus: CorpusOutput;
const server = new ReplayServer();

beforeAll(async () => {
  corpus = await generateCorpus("corpus");
  await server.start();
}, 600_000);
afterAll(() => server.stop());

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the corpus's generated code", () => {
  it("has operations with unique ids per API version", () => {
    const ids = corpus.model.operations.map((op) => `${op.apiVersion ?? ""} ${op.id}`);
    expect(ids.length).toBeGreaterThan(3000);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has each route in one operation: a page listing routes of several operations does not join them", () => {
    const owners = new Map<string, string[]>();
    for (const op of corpus.model.operations) {
      for (const key of new Set(op.paths.map((p) => routeKey(op.apiVersion, op.method, p)))) owners.set(key, [...(owners.get(key) ?? []), op.id]);
    }
    // Before composite pages were told apart, 67 routes were in two operations.
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it.each([
    ["nodenext", "nodenext"],
    ["esnext", "bundler"],
  ])("compiles with tsc --strict --module %s --moduleResolution %s", (module, resolution) => {
    const indexes = corpus.folders.map((folder) => path.join(corpus.out, folder, "index.ts"));
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT_TSC, "--module", module, "--moduleResolution", resolution, ...indexes], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect((result.stdout + result.stderr).split("\n").slice(0, 20).join("\n")).toBe("");
    expect(result.status).toBe(0);
  }, 300_000);

  it("has no `any` in code", () => {
    const offending: string[] = [];
    for (const file of tsFiles(corpus.out)) {
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "")
        .replace(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
      if (/\bany\b/.test(code)) offending.push(path.relative(corpus.out, file));
    }
    expect(offending).toEqual([]);
  });
});

describe("example replay over the corpus", () => {
  const requests: RequestOutcome[] = [];
  const responses: ResponseOutcome[] = [];

  beforeAll(async () => {
    const validators = new ValidatorNames(corpus.model);
    for (const folder of corpus.folders) {
      const api = await loadApi(pathToFileURL(path.join(corpus.out, folder, "index.ts")).href);
      const operations = corpus.model.operations.filter((o) => versionFolder(o.apiVersion) === folder);
      for (const op of operations) {
        for (const example of op.examples) {
          const sent = await replayRequest(api, server, op, example, operations, validators);
          if (sent) requests.push(sent);
          const checked = validateResponse(api, op, example, validators);
          if (checked) responses.push(checked);
        }
      }
    }
    mkdirSync(path.join(ROOT, "reports"), { recursive: true });
    writeFileSync(path.join(ROOT, "reports/replay.md"), replayReport(requests, responses));
  }, 600_000);

  it("replays request examples: method, path and body match", () => {
    // Examples sent to another host (a bot's callback, an upload URL) are no requests of the API.
    const replayed = requests.filter((r) => r.notReplayed === undefined);
    expect(replayed.length).toBeGreaterThan(2500);
    const matched = replayed.filter((r) => r.matched).length;
    const byGenerator = replayed.filter((r) => r.blame === "generator").length;
    // Every mismatch is explained, and none is the generator's: `/$count` (the …Count variants),
    // type casts (`cast`) and function parameters (`params`) replay like the rest.
    expect(replayed.filter((r) => !r.matched && !r.reason)).toEqual([]);
    expect(replayed.filter((r) => r.blame === "generator").map((r) => `${r.file}:${r.line} ${r.reason ?? ""}`)).toEqual([]);
    // The issue asks for 99% of all examples; that is not reachable without counting doc errors as
    // matches. Measured: 97.33% (5,258 of 5,402; 97.06% of 5,417 counting the 15 examples of the
    // Intune pages whose only route is an error message, which have no request function now); the
    // threshold is what is reached, so one example lost fails. docs/fidelity.md classifies the 144
    // left (all doc errors); reports/replay.md lists every example with its reason.
    expect(matched / replayed.length).toBeGreaterThanOrEqual(0.9733);
  });

  it("validates response examples, every failure classified", () => {
    const checked = responses.filter((r) => r.validated !== undefined);
    expect(checked.length).toBeGreaterThan(2000);
    expect(responses.filter((r) => r.validated !== true && !r.reason)).toEqual([]);
    expect(responses.filter((r) => r.validated === false && !r.blame)).toEqual([]);
    // The issue asks for the share to be reported (reports/replay.md), not for a threshold: every
    // failure must be classified, and none may be the generator's. Measured: 89.5% valid; the rest
    // are doc errors (placeholder values such as "id-value", Intune's { value: … } wrappers).
    expect(responses.filter((r) => r.validated === false && r.blame === "generator")).toEqual([]);
    const valid = checked.filter((r) => r.validated).length;
    expect(valid / checked.length).toBeGreaterThanOrEqual(0.85);
  });
});

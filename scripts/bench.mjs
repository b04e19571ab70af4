#!/usr/bin/env node
/**
 * `npm run bench`: docgen's speed on the corpus, measured side by side in one run (see BENCHMARKS.md).
 *
 *   (a) baseline: read + parse every corpus page with unified + remark-parse + remark-gfm, one thread,
 *       nothing else;
 *   (b) a cold `docgen gen` of the whole corpus (spawned CLI, empty cache), its wall time and peak RSS;
 *   (c) the same gen again with nothing changed;
 *   (d) the same gen after one property description in one page was edited;
 *   (e) the same gen after a property was added to that page instead (a structural edit);
 *   (f) the same gen after a property was added to a beta page's request body instead: the edited
 *       page of (d) and (e) has no API version in its examples, and an edit's cost grows with its
 *       version's share of the pages (beta: most of them).
 *
 * (b)–(e) run twice: in gen's own process (`--no-daemon`), then in the background process
 * (DOCGEN_DAEMON=1, with a cache of its own; its peak RSS is the process's, from --stats), and the
 * memory that process holds between runs is printed before it is stopped.
 *
 * The corpus is read in place for (a); (b)–(e) run on a copy in the system temp folder, so that (d)
 * can edit a page without touching the corpus. Options: --corpus <dir> (default
 * ../shared/corpus/graph-docs-2021/beta), --jobs <n> (passed to gen), --extensions (also time the
 * parse with GFM tables only and with no GFM at all).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: path.resolve(ROOT, "../shared/corpus/graph-docs-2021/beta") },
    jobs: { type: "string" },
    extensions: { type: "boolean", default: false },
  },
});
const corpus = path.resolve(values.corpus);
const SUBDIRS = ["api", "resources"];

function listPages(base) {
  return SUBDIRS.flatMap((sub) =>
    readdirSync(path.join(base, sub), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(md|markdown|txt)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  ).sort();
}

function timeParse(label, processor, files) {
  const started = performance.now();
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    bytes += Buffer.byteLength(text);
    processor.parse(text);
  }
  const seconds = (performance.now() - started) / 1000;
  return { label, seconds, bytes };
}

function runGen(args, served) {
  // /usr/bin/time measures the process it starts: with the background process that is only the client.
  const time = existsSync("/usr/bin/time") && !served ? ["/usr/bin/time", "-v"] : [];
  const command = [...time, process.execPath, path.join(ROOT, "bin/docgen.js"), "gen", ...args, ...(served ? [] : ["--no-daemon"]), "--stats"];
  const started = performance.now();
  const env = { ...process.env, DOCGEN_DAEMON: served ? "1" : "0" };
  const result = spawnSync(command[0], command.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28, env });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`docgen gen exited with ${result.status}`);
  }
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const statsRss = /maxRSS (\d+) MiB/.exec(result.stderr);
  const rssMiB = timeRss ? Number(timeRss[1]) / 1024 : statsRss ? Number(statsRss[1]) : NaN;
  const summary = result.stdout.trim().split("\n").at(-1) ?? "";
  const cliSeconds = Number(/\((\d+\.\d)s\)$/.exec(summary)?.[1] ?? NaN);
  const byCode = /^docgen: diagnostics by code: (.*)$/m.exec(result.stderr)?.[1] ?? "";
  const phases = /^docgen: stats: .*; seconds (.*)$/m.exec(result.stderr)?.[1] ?? "";
  return { seconds, cliSeconds, rssMiB, summary, byCode, phases, command: command.slice(time.length).map((a) => (a === process.execPath ? "node" : a.startsWith(ROOT) ? path.relative(ROOT, a) || "." : a)).join(" ") };
}

const files = listPages(corpus);
const sh = (cmd) => spawnSync("sh", ["-c", cmd], { encoding: "utf8" }).stdout.trim();
console.log(`# docgen bench, ${new Date().toISOString().slice(0, 10)}`);
console.log(`machine: ${os.cpus().length} cores (nproc ${sh("nproc")}, ${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, node ${process.version}, load average before start ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`corpus: ${files.length} pages under ${path.relative(ROOT, corpus)}/{${SUBDIRS.join(",")}}`);

// The copy (b)-(e) run on is made before (a), so that (a) separates it from (b): files whose change
// time is within 2 s of (b)'s stat are "racily clean" to the file index and read again by (c), as git
// does (cli/file-index.ts), which would measure the copy's timing rather than a rerun.
const work = mkdtempSync(path.join(os.tmpdir(), "docgen-bench-"));
// Removed however the bench ends.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
// The copy keeps the corpus folder's name (`beta/api`, `beta/resources`): a page's API version comes
// from its path, and a copy without it would put the resource pages (no version in their text) in
// no version and the operation pages (beta URLs in their examples) in beta, apart from their types.
const copyRoot = path.join(work, "corpus", path.basename(corpus));
for (const sub of SUBDIRS) cpSync(path.join(corpus, sub), path.join(copyRoot, sub), { recursive: true });

const full = unified().use(remarkParse).use(remarkGfm);
const a = timeParse("(a) read + parse, unified + remark-parse + remark-gfm, 1 thread", full, files);
console.log(`${a.label}: ${a.seconds.toFixed(1)} s (${(a.bytes / 2 ** 20).toFixed(1)} MiB, ${(a.bytes / 2 ** 20 / a.seconds).toFixed(2)} MiB/s)`);

if (values.extensions) {
  const { gfmTable } = await import("micromark-extension-gfm-table");
  const { gfmTableFromMarkdown } = await import("mdast-util-gfm-table");
  const tablesOnly = unified()
    .use(remarkParse)
    .use(function tables() {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(gfmTable());
      (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
    });
  for (const [label, processor] of [["read + parse, GFM tables only", tablesOnly], ["read + parse, no GFM", unified().use(remarkParse)]]) {
    const r = timeParse(label, processor, files);
    console.log(`    ${label}: ${r.seconds.toFixed(1)} s (${(r.seconds / a.seconds).toFixed(2)} of (a))`);
  }
}

const inputs = SUBDIRS.map((sub) => path.join(copyRoot, sub));
const copies = listPages(copyRoot);
// One property description edited in (d), so that the change reaches the generated code; a property added in (e).
const page = copies.find((f) => f.includes(`${path.sep}resources${path.sep}`) && /^\|.*Read-only\./m.test(readFileSync(f, "utf8"))) ?? copies[0];
const original = readFileSync(page, "utf8");
// The first operation page with a beta example and a request-body table (a row is added after the table's first row).
const BODY_ROW = /^## Request body\s*\n(?:[^\n]*\n)*?(\|[^\n]*\|\s*\n\|[ :|-]+\|\s*\n\|[^\n]*\|)/m;
const betaPage = copies.find((f) => f.includes(`${path.sep}api${path.sep}`) && /graph\.microsoft\.com\/beta\//.test(readFileSync(f, "utf8")) && BODY_ROW.test(readFileSync(f, "utf8")));
const betaOriginal = betaPage !== undefined ? readFileSync(betaPage, "utf8") : null;
let byCode = "";
for (const served of [false, true]) {
  writeFileSync(page, original);
  const cacheDir = path.join(work, served ? "cache-background" : "cache");
  const args = ["--input", ...inputs, "--out", path.join(work, served ? "out-background" : "out"), "--cache-dir", cacheDir, ...(values.jobs ? ["--jobs", values.jobs] : [])];
  console.log(served ? "\nin the background process (DOCGEN_DAEMON=1; started by (b)):" : "\nin gen's own process (--no-daemon):");
  const b = runGen(args, served);
  byCode = b.byCode;
  console.log(`(b) cold gen: ${b.seconds.toFixed(1)} s, peak RSS ${b.rssMiB.toFixed(0)} MiB${served ? " (the background process's)" : ""}; (b)/(a) = ${(b.seconds / a.seconds).toFixed(2)} (target <= 1.0)`);
  console.log(`    command: ${b.command.replaceAll(work, "$TMP")}`);
  console.log(`    ${b.summary.replaceAll(work, "$TMP")}`);
  console.log(`    seconds by phase: ${b.phases}`);
  const c = runGen(args, served);
  console.log(`(c) rerun, nothing changed: ${c.seconds.toFixed(2)} s = ${((100 * c.seconds) / b.seconds).toFixed(1)}% of (b) (target <= 3%), peak RSS ${c.rssMiB.toFixed(0)} MiB`);

  writeFileSync(page, /^\|.*Read-only\./m.test(original) ? original.replace(/^(\|.*?)Read-only\./m, "$1Read-only. Edited by the benchmark.") : original + "\nEdited by the benchmark.\n");
  const share = b.seconds / files.length;
  const d = runGen(args, served);
  console.log(`(d) rerun, one page changed (${path.basename(page)}): ${d.seconds.toFixed(2)} s (CLI's own timer ${d.cliSeconds} s; target <= 1 s + ${share.toFixed(3)} s share), peak RSS ${d.rssMiB.toFixed(0)} MiB`);
  console.log(`    ${d.summary.replaceAll(work, "$TMP")}`);
  console.log(`    seconds by phase: ${d.phases}`);

  // The same page with a property added instead: a structural edit (the model is merged again).
  const row = /^\|.*Read-only\..*$/m.exec(original);
  writeFileSync(page, row ? original.replace(row[0], `${row[0]}\n| benchmarkAdded | String | Added by the benchmark. |`) : original + "\n| benchmarkAdded | String | Added by the benchmark. |\n");
  const e = runGen(args, served);
  console.log(`(e) rerun, one property added to the same page: ${e.seconds.toFixed(2)} s (same target), peak RSS ${e.rssMiB.toFixed(0)} MiB`);
  console.log(`    ${e.summary.replaceAll(work, "$TMP")}`);
  console.log(`    seconds by phase: ${e.phases}`);
  writeFileSync(page, original);
  if (betaPage !== undefined && betaOriginal !== null) {
    runGen(args, served);
    const row = BODY_ROW.exec(betaOriginal)?.[1] ?? "";
    writeFileSync(betaPage, betaOriginal.replace(row, `${row}\n| benchmarkAdded | String | Added by the benchmark. |`));
    const f = runGen(args, served);
    console.log(`(f) rerun, a property added to a beta page's request body (${path.basename(betaPage)}) instead: ${f.seconds.toFixed(2)} s (same target), peak RSS ${f.rssMiB.toFixed(0)} MiB`);
    console.log(`    ${f.summary.replaceAll(work, "$TMP")}`);
    console.log(`    seconds by phase: ${f.phases}`);
    writeFileSync(betaPage, betaOriginal);
  }
  if (served) {
    const daemon = (verb) => spawnSync(process.execPath, [path.join(ROOT, "bin/docgen.js"), "daemon", verb, "--cache-dir", cacheDir], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
    // The process collects garbage after each reply and its workers after 1 s idle.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    console.log(`held between runs: ${daemon("status").replaceAll(work, "$TMP")}`);
    daemon("stop");
  }
}
console.log(`\ndiagnostics by code: ${byCode}`);

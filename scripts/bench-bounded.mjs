// Bounded cost: a huge page, a huge table and many tiny pages each take time proportional to their
// size. Runs the built pipeline (dist/) at four sizes per case and prints time per unit; a
// quadratic step shows as time per unit growing with size.
// Usage: npm run bench:bounded [-- --quick] [-- --only page,table,samples,pages]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadModel } from "../dist/cli/pipeline.js";
import { emitModel } from "../dist/emitters/emit.js";

const quick = process.argv.includes("--quick");
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? "").split(",") : null;
const scale = quick ? 0.1 : 1;
const tmp = path.join(os.tmpdir(), `docgen-bounded-${process.pid}`);

const row = (i) => `|prop${i}|${i % 3 === 0 ? "Int32" : "String"}|Property ${i}. Possible values are: \`a${i % 7}\`, \`b\`.|`;
const table = (rows) => ["# bigTable resource type", "", "A table.", "", "## Properties", "", "|Property|Type|Description|", "|:--|:--|:--|", ...Array.from({ length: rows }, (_, i) => row(i)), ""].join("\n");

/** A page of about `mb` megabytes: a property table, long paragraphs and a large example body. */
function bigPage(mb) {
  const target = mb * 1024 * 1024;
  const parts = ["# Update bigThing", "", "Updates a bigThing. Does it on https://graph.microsoft.com/beta/bigThings.", "", "## HTTP request", "", "```http", "PATCH /bigThings/{id}", "```", "", "## Request body", "", "|Property|Type|Description|", "|:--|:--|:--|"];
  for (let i = 0; i < 200; i++) parts.push(row(i));
  parts.push("", "## Remarks", "");
  let size = parts.join("\n").length;
  const paragraph = "Lorem ipsum `code` [link](x.md) **bold** dolor sit amet, consectetur adipiscing elit. ".repeat(40);
  while (size < target * 0.6) {
    parts.push(paragraph, "");
    size += paragraph.length + 2;
  }
  const item = (i) => `    {"prop${i % 200}": "value ${i}", "n": ${i}}`;
  const items = [];
  for (let i = 0; size < target; i++) {
    const line = item(i);
    items.push(line);
    size += line.length + 2;
  }
  parts.push("## Example", "", "```http", "PATCH https://graph.microsoft.com/beta/bigThings/1", "Content-type: application/json", "", `{"items": [\n${items.join(",\n")}\n]}`, "```", "");
  return parts.join("\n");
}

/** A list operation whose example response holds `n` objects of an undocumented type (inferred from them). */
function samples(n) {
  const items = Array.from({ length: n }, (_, i) => `{"@odata.type": "#microsoft.graph.widget", "name": "w${i}", "size": ${i}}`);
  return ["# List widgets", "", "## HTTP request", "", "```http", "GET /widgets", "```", "", "## Example", "", "```http", "HTTP/1.1 200 OK", "Content-type: application/json", "", `{"value": [\n${items.join(",\n")}\n]}`, "```", ""].join("\n");
}

function writeDocs(name, docs) {
  const dir = path.join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of docs) writeFileSync(path.join(dir, file), text);
  return dir;
}

async function measure(dir, emit) {
  const started = performance.now();
  const model = await loadModel([dir]);
  const parsed = performance.now();
  if (emit) await emitModel(model);
  return { parse: parsed - started, emit: emit ? performance.now() - parsed : null };
}

const CASES = [
  { key: "page", name: "one large page", unit: "MB", sizes: [6.25, 12.5, 25, 50], emit: false, docs: (mb) => [["big.md", bigPage(mb)]] },
  { key: "table", name: "one table", unit: "row", sizes: [2500, 5000, 10000, 20000], emit: true, docs: (rows) => [["table.md", table(rows)]] },
  { key: "samples", name: "inferred samples", unit: "object", sizes: [12500, 25000, 50000, 100000], emit: false, docs: (n) => [["list.md", samples(n)]] },
  { key: "pages", name: "one-line pages", unit: "page", sizes: [1250, 2500, 5000, 10000], emit: true, docs: (n) => Array.from({ length: n }, (_, i) => [`p${String(i).padStart(5, "0")}.md`, `# thing${i} resource type\n`]) },
];

console.log(`docgen bounded cost (node ${process.version}, ${os.cpus().length} cpus${quick ? ", --quick: sizes x0.1" : ""})`);
console.log("case | size | parse+merge ms | per unit | emit ms | per unit");
try {
  await measure(writeDocs("warmup", [["w.md", table(200)]]), true);
  for (const c of CASES.filter((c) => only === null || only.includes(c.key))) {
    for (const full of c.sizes) {
      const size = c.unit === "MB" ? full * scale : Math.round(full * scale);
      const dir = writeDocs(`${c.name.replace(/\W/g, "-")}-${size}`, c.docs(size));
      const { parse, emit } = await measure(dir, c.emit);
      const per = (ms) => (c.unit === "MB" ? `${ms / size >= 1 ? (ms / size).toFixed(0) : (ms / size).toFixed(2)} ms/${c.unit}` : `${((ms / size) * 1000).toFixed(0)} µs/${c.unit}`);
      console.log(`${c.name} | ${size} ${c.unit} | ${parse.toFixed(0)} | ${per(parse)} | ${emit === null ? "-" : emit.toFixed(0)} | ${emit === null ? "-" : per(emit)}`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

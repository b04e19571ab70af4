/**
 * `dates: "Date"` (config file) / `gen --dates Date`: through the spawned CLI, the generated code
 * is compiled with strict tsc and run against a node:http server on 127.0.0.1. Request bodies'
 * `Date`s reach the wire as RFC 3339 / `YYYY-MM-DD` strings; response date strings come back as
 * `Date` instances — nested, in collections, in derived types chosen by `@odata.type`, on every
 * page `iterateItems` fetches; invalid date strings stay strings, and response validation (which
 * checks the wire JSON before reviving) rejects them.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli, STRICT_TSC } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "dates-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const table = (rows: string[]): string[] => ["| Property | Type | Description |", "|:--|:--|:--|", ...rows];
const PAGES: Record<string, string[]> = {
  "event.md": ["# event resource type", "", "An event.", "", "## Properties", "", ...table([
    "| id | String | The id. Read-only. |", "| subject | String | The subject. |", "| start | DateTimeOffset | When it starts. |",
    "| day | Date | The day. |", "| reminders | DateTimeOffset collection | Reminder times. |", "| opensAt | TimeOfDay | Opening time. |",
    "| location | [place](place.md) | Where. |",
  ])],
  "place.md": ["# place resource type", "", "A place.", "", "## Properties", "", ...table(["| name | String | The name. |", "| openedOn | Date | When it opened. |"])],
  "item.md": ["# item resource type", "", "An item.", "", "## Properties", "", ...table(["| id | String | The id. |", "| name | String | The name. |"])],
  "fileitem.md": ["# fileItem resource type", "", "Inherits from [item](item.md).", "", "## Properties", "", ...table([
    "| expiresOn | Date | When it expires. |", "| history | [place](place.md) collection | Places it was. |",
  ])],
  "create-event.md": [
    "# Create event", "", "Create an event.", "", "## HTTP request", "", "```http", "POST /events", "```", "", "## Request body", "",
    "In the request body, supply a JSON representation of an [event](event.md) object.", "", "## Response", "",
    "If successful, this method returns a `201 Created` response code and an [event](event.md) object in the response body.",
  ],
  "list-occurrences.md": [
    "# List occurrences", "", "When the event occurs.", "", "## HTTP request", "", "```http", "GET /events/{id}/occurrences", "```", "", "## Response", "",
    "If successful, this method returns a `200 OK` response code and a collection of DateTimeOffset in the response body.",
  ],
  "list-items.md": [
    "# List items", "", "List the items.", "", "## HTTP request", "", "```http", "GET /items", "```", "", "## Response", "",
    "If successful, this method returns a `200 OK` response code and a collection of [item](item.md) objects in the response body.",
  ],
};

function project(name: string, config: object): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, "docs"), { recursive: true });
  for (const [file, lines] of Object.entries(PAGES)) writeFileSync(path.join(dir, "docs", file), lines.join("\n") + "\n");
  writeFileSync(path.join(dir, "docgen.config.json"), JSON.stringify({ input: "docs", out: "out", ...config }));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  return dir;
}

function gen(dir: string, args: string[] = []): void {
  const result = runCli(["gen", "--no-cache", ...args], dir);
  expect(result.stderr).not.toContain("docgen: error");
  expect(result.status).toBe(0);
}

const CONSUMER = `import { createClient, createEvent, GraphError, iterateItems, listItems, listOccurrences, validateEvent, type EventCreate, type Item } from "./out/unversioned/index.js";

declare const process: { argv: string[] };

/** JSON with every Date shown as { $date: iso }, so the test sees which values are Date instances. */
function show(value: unknown): unknown {
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? "invalid" : value.toISOString() };
  if (Array.isArray(value)) return value.map(show);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, show(v)]));
  return value;
}

const client = createClient({ baseUrl: process.argv[2] ?? "", retry: false });
const body: EventCreate = {
  subject: "standup",
  start: new Date("2024-03-01T10:00:00.000Z"),
  day: new Date("2024-03-02T00:00:00.000Z"),
  reminders: [new Date("2024-03-01T09:45:00.000Z")],
  opensAt: "08:30:00",
  location: { name: "room", openedOn: new Date("2001-02-03T00:00:00.000Z") },
};
const created = await createEvent(client, { body, headers: { "x-case": "valid" } });
const startMs: number | undefined = created.start?.getTime();
const invalid = await createEvent(client, { body, headers: { "x-case": "invalid" } });
let rejected: unknown = null;
try {
  await createEvent(client, { body, headers: { "x-case": "invalid" }, validateResponse: true });
} catch (error) {
  rejected = error instanceof GraphError ? { code: error.code, paths: error.validationErrors.map((e) => e.path) } : String(error);
}
let badDate: unknown = null;
try {
  await createEvent(client, { body: { ...body, start: new Date("not a date") } });
} catch (error) {
  badDate = error instanceof Error ? error.name : String(error);
}
const items: Item[] = [];
for await (const item of iterateItems(client, listItems(client))) items.push(item);
const occurrences: Date[] = (await listOccurrences(client, { path: { id: "e1" } })).value;
const wire = { start: "2024-01-01T00:00:00Z", day: "2024-01-02" };
const standard = await validateEvent["~standard"].validate(wire);
console.log(JSON.stringify({
  created: show(created), startMs, occurrences: show(occurrences), invalid: show(invalid), rejected, badDate, items: show(items),
  standard: "value" in standard ? show(standard.value) : standard.issues, wire, plain: validateEvent(wire).valid,
}));
`;

describe("dates: \"Date\"", () => {
  it("types dates as Date, converts request bodies to the wire format and revives responses (spawned CLI, strict tsc, HTTP)", async () => {
    const dir = project("date", { dates: "Date" });
    gen(dir);
    const interfaces = readFileSync(path.join(dir, "out/unversioned/interfaces.ts"), "utf8");
    expect(interfaces).toContain("start?: Date | null;");
    expect(interfaces).toContain("reminders?: Date[] | null;");
    expect(interfaces).toContain("opensAt?: string | null;");
    writeFileSync(path.join(dir, "main.ts"), CONSUMER);
    const tsc = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), [...STRICT_TSC.filter((o) => o !== "--noEmit"), "--module", "nodenext", "--moduleResolution", "nodenext", "--outDir", "build", "main.ts"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);

    const requests: { method: string; url: string; body: string }[] = [];
    let base = "";
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      req.on("end", () => {
        requests.push({ method: req.method ?? "", url: req.url ?? "", body: text });
        const json = (status: number, value: unknown): void => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(value));
        };
        if (req.method === "POST" && req.headers["x-case"] === "valid") {
          json(201, {
            id: "e1", subject: "standup", start: "2024-03-01T12:00:00+02:00", day: "2024-03-02",
            reminders: ["2024-03-01T09:45:00.1234567Z", null], opensAt: "08:30:00", location: { name: "room", openedOn: "2001-02-03" },
          });
        } else if (req.method === "POST") {
          json(201, { id: "e2", start: "yesterday", day: "2024-02-30", reminders: ["2016-12-31T23:59:60Z"] });
        } else if (req.url === "/events/e1/occurrences") {
          json(200, { value: ["2024-03-08T10:00:00Z", "2024-03-15T10:00:00Z"] });
        } else if (req.url === "/items") {
          json(200, {
            value: [
              { id: "1", "@odata.type": "#microsoft.graph.fileItem", expiresOn: "2025-12-31", history: [{ name: "a", openedOn: "1999-01-01" }] },
              { id: "2", name: "plain", expiresOn: "2025-12-31" },
            ],
            "@odata.nextLink": `${base}/items?page=2`,
          });
        } else {
          json(200, { value: [{ id: "3", "@odata.type": "fileItem", expiresOn: "2026-01-01" }] });
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo; // listening on TCP, so the address is an AddressInfo
      base = `http://127.0.0.1:${port}`;
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["build/main.js", base], { cwd: dir });
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`consumer exited ${code}: ${err}`))));
      });
      // The body on the wire: Date → RFC 3339 (DateTimeOffset) or YYYY-MM-DD (Date), nested and in collections; TimeOfDay untouched.
      expect(JSON.parse(requests[0]?.body ?? "")).toEqual({
        subject: "standup", start: "2024-03-01T10:00:00.000Z", day: "2024-03-02", reminders: ["2024-03-01T09:45:00.000Z"],
        opensAt: "08:30:00", location: { name: "room", openedOn: "2001-02-03" },
      });
      // The invalid Date failed before any request: POST valid, POST invalid ×2, GET page 1, GET page 2.
      expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /events", "POST /events", "POST /events", "GET /items", "GET /items?page=2", "GET /events/e1/occurrences"]);
      expect(JSON.parse(output)).toEqual({
        created: {
          id: "e1", subject: "standup", start: { $date: "2024-03-01T10:00:00.000Z" }, day: { $date: "2024-03-02T00:00:00.000Z" },
          reminders: [{ $date: "2024-03-01T09:45:00.123Z" }, null], opensAt: "08:30:00",
          location: { name: "room", openedOn: { $date: "2001-02-03T00:00:00.000Z" } },
        },
        startMs: Date.parse("2024-03-01T10:00:00.000Z"),
        // A response that is itself a collection of dates.
        occurrences: [{ $date: "2024-03-08T10:00:00.000Z" }, { $date: "2024-03-15T10:00:00.000Z" }],
        // Not valid dates of their kind (or a leap second): left as the strings received.
        invalid: { id: "e2", start: "yesterday", day: "2024-02-30", reminders: ["2016-12-31T23:59:60Z"] },
        rejected: { code: "InvalidResponse", paths: ["/start", "/day"] },
        badDate: "RangeError",
        items: [
          { id: "1", "@odata.type": "#microsoft.graph.fileItem", expiresOn: { $date: "2025-12-31T00:00:00.000Z" }, history: [{ name: "a", openedOn: { $date: "1999-01-01T00:00:00.000Z" } }] },
          // No @odata.type: an item, which has no expiresOn; left as received.
          { id: "2", name: "plain", expiresOn: "2025-12-31" },
          { id: "3", "@odata.type": "fileItem", expiresOn: { $date: "2026-01-01T00:00:00.000Z" } },
        ],
        standard: { start: { $date: "2024-01-01T00:00:00.000Z" }, day: { $date: "2024-01-02T00:00:00.000Z" } },
        wire: { start: "2024-01-01T00:00:00Z", day: "2024-01-02" },
        plain: true,
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("is off by default (strings, no dates.ts); --dates overrides the config file either way", () => {
    const plain = project("string", {});
    gen(plain);
    expect(readFileSync(path.join(plain, "out/unversioned/interfaces.ts"), "utf8")).toContain("start?: string | null;");
    expect(existsSync(path.join(plain, "out/unversioned/dates.ts"))).toBe(false);
    expect(readFileSync(path.join(plain, "out/unversioned/requests.ts"), "utf8")).not.toContain("Dates");

    gen(plain, ["--dates", "Date"]);
    expect(readFileSync(path.join(plain, "out/unversioned/interfaces.ts"), "utf8")).toContain("start?: Date | null;");
    const configured = project("configured", { dates: "Date" });
    gen(configured, ["--dates", "string"]);
    expect(readFileSync(path.join(configured, "out/unversioned/interfaces.ts"), "utf8")).toContain("start?: string | null;");

    const bad = runCli(["gen", "--dates", "date"], plain);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are string, Date");
  });
});

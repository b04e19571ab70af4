/**
 * The generated output as an npm package: `docgen gen --package` (name and version from the
 * config file), `npm pack` (which builds ESM JavaScript and .d.ts with tsc), then a fresh project
 * outside this repository installs the tarball offline, compiles a consumer with tsc and runs it
 * against a local HTTP server: a type, a validator and a request function from the package.
 */
import { spawn, spawnSync } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "package-"));
// The consumer lives outside the repository, so nothing resolves through this repo's node_modules.
const consumer = mkdtempSync(path.join(os.tmpdir(), "docgen-consumer-"));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(consumer, { recursive: true, force: true });
});

const TSC = path.join(ROOT, "node_modules/.bin/tsc");
const env = { ...process.env, PATH: `${path.join(ROOT, "node_modules/.bin")}${path.delimiter}${process.env["PATH"] ?? ""}`, npm_config_update_notifier: "false" };

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const CONSUMER = `import { createClient, updateRemoteActionAudit, validateRemoteActionAudit, type RemoteActionAudit } from "@acme/graph-client/beta";
import { remoteActionValues } from "@acme/graph-client";

declare const process: { argv: string[] };

const audit: RemoteActionAudit = { deviceDisplayName: "Laptop", action: "factoryReset" };
const bad = validateRemoteActionAudit({ action: "explode" });
const client = createClient({ baseUrl: process.argv[2], auth: async () => "token-1" });
const updated: RemoteActionAudit = await updateRemoteActionAudit(client, { path: { remoteActionAuditId: "a/b" }, body: audit });
console.log(JSON.stringify({ good: validateRemoteActionAudit(audit).valid, bad: bad.valid, badPath: bad.errors[0]?.path, values: remoteActionValues.length, updated }));
`;

describe("the generated package", () => {
  it("packs, installs into a fresh project offline, compiles and runs a consumer", async () => {
    writeFileSync(
      path.join(tmp, "docgen.config.json"),
      JSON.stringify({ input: path.relative(tmp, path.join(ROOT, "docs-input")), out: "pkg", package: { name: "@acme/graph-client", version: "1.2.3" } }),
    );
    const gen = runCli(["gen"], tmp);
    expect(gen.stderr).not.toContain("docgen: error");
    expect(gen.status).toBe(0);
    const pkgDir = path.join(tmp, "pkg");
    const pkg: { name: string; version: string; exports: Record<string, unknown>; types: string; dependencies?: unknown } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
    expect(pkg).toMatchObject({ name: "@acme/graph-client", version: "1.2.3", types: "./dist/beta/index.d.ts" });
    expect(Object.keys(pkg.exports)).toEqual([".", "./beta", "./unversioned"]);
    expect(pkg.dependencies).toBeUndefined();
    const manifest: { files: string[] } = JSON.parse(readFileSync(path.join(pkgDir, ".docgen-manifest.json"), "utf8"));
    expect(manifest.files).toEqual(expect.arrayContaining(["package.json", "tsconfig.json", ".gitignore"]));

    const tarball = run("npm", ["pack", "--silent", "--pack-destination", consumer], pkgDir).trim().split("\n").at(-1) ?? "";
    expect(tarball).toBe("acme-graph-client-1.2.3.tgz");
    const listing = run("tar", ["-tzf", path.join(consumer, tarball)], consumer).split("\n");
    expect(listing).toEqual(expect.arrayContaining(["package/dist/beta/index.js", "package/dist/beta/index.d.ts", "package/dist/beta/runtime/http.js"]));
    // Building the package leaves dist/ behind; docgen neither reports it as stale nor refuses to regenerate.
    expect(runCli(["gen", "--check"], tmp).status).toBe(0);

    writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", `./${tarball}`], consumer);
    expect(readdirSync(path.join(consumer, "node_modules/@acme/graph-client"))).not.toContain("node_modules");
    writeFileSync(path.join(consumer, "main.ts"), CONSUMER);
    run(TSC, ["--ignoreConfig", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2022,dom", "--types", "", "main.ts"], consumer);

    const requests: { method: string; url: string; auth: string; body: string }[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        requests.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization ?? "", body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "a/b", ...JSON.parse(body), actionState: "done" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo; // listening on TCP, so the address is an AddressInfo
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["main.js", `http://127.0.0.1:${port}/beta`], { cwd: consumer });
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`consumer exited ${code}: ${err}`))));
      });
      expect(JSON.parse(output)).toEqual({
        good: true,
        bad: false,
        badPath: "/action",
        values: 39,
        updated: { id: "a/b", deviceDisplayName: "Laptop", action: "factoryReset", actionState: "done" },
      });
      expect(requests).toEqual([{ method: "PATCH", url: "/beta/deviceManagement/remoteActionAudits/a%2Fb", auth: "Bearer token-1", body: '{"deviceDisplayName":"Laptop","action":"factoryReset"}' }]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

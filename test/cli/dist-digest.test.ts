/**
 * The digest of docgen's compiled code (cache.ts distDigest, part of every cache key): kept beside
 * the code with a stamp of its files, it is what hashing the files gives, and changes with any
 * file changed, added or removed, even one of the same size.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { distDigest } from "../../src/cli/cache.js";
import { ROOT } from "../helpers.js";

const tmp = mkdtempSync(path.join(ROOT, "test/.tmp-dist-digest-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The files hashed in name order, as docgen did before it kept the digest. */
function hashed(dist: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) hash.update(file).update("\0").update(readFileSync(path.join(dist, file))).update("\0");
  return hash.digest("hex");
}

describe("distDigest", () => {
  it("is the files' hash, kept, and follows every change of them", async () => {
    const dist = path.join(tmp, "dist");
    mkdirSync(path.join(dist, "cli"), { recursive: true });
    writeFileSync(path.join(dist, "a.js"), "export const a = 1;\n");
    writeFileSync(path.join(dist, "cli", "b.js"), "export const b = 2;\n");
    writeFileSync(path.join(dist, "notes.txt"), "not code");
    const first = distDigest(dist);
    expect(first).toBe(hashed(dist, ["a.js", "cli/b.js"]));
    expect(JSON.parse(readFileSync(path.join(dist, ".digest.json"), "utf8"))).toMatchObject({ digest: first });
    expect(distDigest(dist)).toBe(first);
    // Kept, not hashed again: a kept digest with the files' stamp is taken as it is.
    const kept: { stamp: string } = JSON.parse(readFileSync(path.join(dist, ".digest.json"), "utf8"));
    writeFileSync(path.join(dist, ".digest.json"), JSON.stringify({ stamp: kept.stamp, digest: "kept" }));
    expect(distDigest(dist)).toBe("kept");
    // The same size, other content.
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(path.join(dist, "a.js"), "export const a = 3;\n");
    const second = distDigest(dist);
    expect(second).not.toBe(first);
    expect(second).toBe(hashed(dist, ["a.js", "cli/b.js"]));
    writeFileSync(path.join(dist, "c.js"), "");
    expect(distDigest(dist)).toBe(hashed(dist, ["a.js", "c.js", "cli/b.js"]));
    // A damaged record is computed again.
    writeFileSync(path.join(dist, ".digest.json"), "{");
    expect(distDigest(dist)).toBe(hashed(dist, ["a.js", "c.js", "cli/b.js"]));
  });
});

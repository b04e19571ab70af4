/** docgen's own version, from its package.json (shown by `docgen --version` and written into SARIF reports). */
import { readFileSync } from "node:fs";

export function toolVersion(): string {
  const data: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const version = typeof data === "object" && data !== null ? Object.getOwnPropertyDescriptor(data, "version")?.value : undefined;
  return typeof version === "string" ? version : "0.0.0";
}

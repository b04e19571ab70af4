/**
 * The runtime helpers every generated folder carries (`runtime/*.ts`): JSON types, validation
 * primitives and the HTTP client. They are real TypeScript files under `templates/runtime/`,
 * copied verbatim, so the generated code depends on nothing but itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { GENERATED_HEADER } from "./ts-code.js";

const TEMPLATE_DIR = new URL("../../templates/runtime/", import.meta.url);

let cache: { path: string; content: string }[] | undefined;

export function runtimeFiles(): { path: string; content: string }[] {
  cache ??= readdirSync(TEMPLATE_DIR)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => ({ path: `runtime/${name}`, content: GENERATED_HEADER + readFileSync(new URL(name, TEMPLATE_DIR), "utf8") }));
  return cache;
}

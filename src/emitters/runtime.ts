/**
 * The runtime helpers every generated folder carries (`runtime/*.ts`): JSON types, validation
 * primitives and the HTTP client. They are real TypeScript files under `templates/runtime/`,
 * copied verbatim, so the generated code depends on nothing but itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { GENERATED_HEADER } from "./ts-code.js";

const TEMPLATE_DIR = new URL("../../templates/runtime/", import.meta.url);

/**
 * Runtime modules only the generated code imports: `index.ts` does not re-export them, so their
 * helpers (the walkers' value kinds and property tables) do not become the package's API.
 */
const INTERNAL_MODULES: ReadonlySet<string> = new Set(["walk.ts"]);

export interface RuntimeFile {
  path: string;
  content: string;
  /** Re-exported by the version's `index.ts`. */
  exported: boolean;
}

let cache: RuntimeFile[] | undefined;

export function runtimeFiles(): RuntimeFile[] {
  cache ??= readdirSync(TEMPLATE_DIR)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => ({
      path: `runtime/${name}`,
      content: GENERATED_HEADER + readFileSync(new URL(name, TEMPLATE_DIR), "utf8"),
      exported: !INTERNAL_MODULES.has(name),
    }));
  return cache;
}

/**
 * The work a gen run hands to worker threads, as plain functions: the same code runs in a worker
 * (`worker.ts`) or, with `--jobs 1`, on the main thread, so output cannot depend on the job count.
 */
import { createRequire } from "node:module";
import type { Chunk } from "../../emitters/emit-file.js";
import type { PageModel } from "../../model/page.js";
import { writeEntry } from "../cache.js";
import { saveCodeCache, useCodeCache } from "./code-cache.js";
import type * as ParserEntry from "../../parser/bundle.js";

/** Whether this module runs from source (the tests, through vitest), where there is no bundle. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
/** From source: the parser's entry, imported here (vitest resolves it to the TypeScript source). */
const sourceParser: typeof ParserEntry | null = FROM_SOURCE ? await import("../../parser/bundle.js") : null;
let parser: typeof ParserEntry | null = null;

export type Task =
  /** Parse one document; when `cacheFile` is set, also store the page there; with `codeCache`, the parser is loaded through V8's cached code in that folder. */
  | { kind: "parse"; file: string; text: string; cacheFile: string | null; codeCache: string | null }
  /** Print and format one chunk of a generated file (see `emitters/emit-file.ts`). */
  | { kind: "chunk"; chunk: Chunk }
  /**
   * Load what rendering chunks needs (ts-morph and Biome's formatter) ahead of the
   * chunks; with `codeCache`, through V8's cached code in that folder (written there when missing).
   */
  | { kind: "warm"; codeCache: string | null };

export type TaskResult = { kind: "parse"; page: PageModel } | { kind: "chunk"; content: string } | { kind: "warm" };

/**
 * The parser, loaded on first use (a run that parses nothing, or a worker that only renders, never
 * needs it): its CommonJS bundle, one file instead of the parser's 150-odd modules, through V8's
 * cached code when the thread uses it (see parser/bundle.ts); run from source (the tests), or built
 * by a bare `tsc` (no bundle), its entry.
 */
async function loadParser(): Promise<typeof ParserEntry> {
  if (parser === null) {
    let loaded: typeof ParserEntry;
    try {
      loaded = sourceParser ?? createRequire(import.meta.url)("../../parser/bundle.cjs");
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "MODULE_NOT_FOUND")) throw error;
      loaded = await import("../../parser/bundle.js");
    }
    parser = loaded;
  }
  return parser;
}

export async function runTask(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case "parse": {
      if (task.codeCache !== null) useCodeCache(task.codeCache);
      const { parseDocument } = await loadParser();
      const page = parseDocument(task.file, task.text);
      if (task.cacheFile !== null) writeEntry(task.cacheFile, JSON.stringify(page));
      // After a page is parsed, the cached code holds the functions parsing compiled too (written once per build).
      if (task.codeCache !== null) saveCodeCache();
      return { kind: "parse", page };
    }
    case "chunk": {
      // Loaded on first use: ts-morph and the formatter are only needed by emit jobs.
      const { renderChunk } = await import("../../emitters/render.js");
      return { kind: "chunk", content: await renderChunk(task.chunk) };
    }
    case "warm": {
      if (task.codeCache !== null) useCodeCache(task.codeCache);
      const { renderChunk } = await import("../../emitters/render.js");
      await renderChunk({ context: null, statements: ["export {};"] });
      saveCodeCache();
      return { kind: "warm" };
    }
  }
}

/** An error thrown by a task, as text to send back to the pool (the stack when there is one). */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

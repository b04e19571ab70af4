/**
 * The work a gen run hands to worker threads, as plain functions: the same code runs in a worker
 * (`worker.ts`) or, with `--jobs 1`, on the main thread, so output cannot depend on the job count.
 */
import type { PageModel } from "../../model/page.js";
import { parseDocument } from "../../parser/index.js";
import { writeEntry } from "../cache.js";

export type Task =
  /** Parse one document; when `cacheFile` is set, also store the page there. */
  | { kind: "parse"; file: string; text: string; cacheFile: string | null }
  /** Emit one generated file from one API version's slice of the model, formatted. */
  | { kind: "emit"; job: EmitJob };

export interface EmitJob {
  /** The version slice, as `emit-file.ts` expects it. */
  slice: import("../../emitters/emit-file.js").VersionSlice;
  name: string;
}

export type TaskResult = { kind: "parse"; page: PageModel } | { kind: "emit"; content: string };

export async function runTask(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case "parse": {
      const page = parseDocument(task.file, task.text);
      if (task.cacheFile !== null) writeEntry(task.cacheFile, JSON.stringify(page));
      return { kind: "parse", page };
    }
    case "emit": {
      // Loaded on first use: ts-morph and prettier are only needed by emit jobs.
      const { emitFile } = await import("../../emitters/emit-file.js");
      return { kind: "emit", content: await emitFile(task.job.slice, task.job.name) };
    }
  }
}

/**
 * A fixed pool of worker threads (node:worker_threads) running `tasks.ts` jobs. Results come back
 * as promises, each for its own task, so callers collect them in input order and the output never
 * depends on which worker finished first. With one job no thread is started: tasks run inline,
 * except the parse of a large page (`ISOLATED_PAGE_CHARS`).
 *
 * Every worker has a heap limit (`workerHeapMb`). A task that exhausts it ends that worker, not the
 * process: its promise rejects with `TaskOutOfMemory` and a fresh worker takes the next task. A
 * large page is parsed in a child process of its own (`child.ts`, one at a time, with the same
 * limit as `--max-old-space-size`): V8 stops a worker thread near its limit, but a single
 * allocation far beyond it can abort the whole process first (seen with a 2 MB one-table page at a
 * 512 MB limit); in a child process that abort ends only the child, and the page becomes
 * `TaskOutOfMemory`.
 */
import { fork } from "node:child_process";
import { availableParallelism, freemem, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { runTask, type Task, type TaskResult } from "./tasks.js";

/**
 * Pages of at least this many characters are parsed in a child process (even with `--jobs 1`), so
 * that a huge page meets a heap limit of its own instead of exhausting the main thread or the pool. Below it the worst
 * shape measured (a table of one-letter cells: about 4 KB per character, held whole by micromark)
 * needs about 4 GB at 1 MB, V8's default limit for the main thread.
 */
export const ISOLATED_PAGE_CHARS = 1024 * 1024;

/** The task ran its worker out of memory (the worker was stopped; the pool goes on). */
export class TaskOutOfMemory extends Error {
  constructor(readonly heapMb: number) {
    super(`a worker thread ran out of memory (limit ${heapMb} MB)`);
  }
}

const MB = 1024 * 1024;

/**
 * The old-generation heap limit of each worker, in MB: the lesser of half the machine's memory and
 * three quarters of the memory free at start, shared by `workers`, at least 512 MB and at most
 * 4096 MB (V8's default for a 64-bit main thread). With it, workers together cannot take more
 * memory than the machine has: a page that needs more ends as `page-too-large` instead of the
 * operating system killing the run. DOCGEN_WORKER_HEAP_MB (a whole number of MB) overrides it; it
 * is internal, for tests that need a page to exhaust a tiny limit.
 */
export function workerHeapMb(workers: number): number {
  const override = Number(process.env["DOCGEN_WORKER_HEAP_MB"] ?? "");
  if (Number.isInteger(override) && override > 0) return override;
  const budget = Math.min(totalmem() / 2, freemem() * 0.75) / MB / Math.max(1, workers);
  return Math.max(512, Math.min(4096, Math.floor(budget)));
}

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

interface Reply {
  result?: TaskResult;
  error?: string;
}

const FROM_SOURCE = import.meta.url.endsWith(".ts");

/**
 * The compiled worker. Under vitest this module runs from src/ as TypeScript, which a worker
 * thread cannot load, so it uses the build in dist/ (`npm test` builds first).
 */
const WORKER_URL = FROM_SOURCE ? new URL("../../../dist/cli/workers/worker.js", import.meta.url) : new URL("./worker.js", import.meta.url);
const CHILD_URL = FROM_SOURCE ? new URL("../../../dist/cli/workers/child.js", import.meta.url) : new URL("./child.js", import.meta.url);

function isLargePage(task: Task): boolean {
  return task.kind === "parse" && task.text.length >= ISOLATED_PAGE_CHARS;
}

/**
 * Runs one task in a child process with a heap limit of `heapMb`. A child that ends without
 * replying was killed or aborted (V8's fatal out-of-memory error aborts the process): the task
 * rejects with `TaskOutOfMemory`. Its output (V8's fatal-error report) is not shown.
 */
function runIsolated(task: Task, heapMb: number): Promise<TaskResult> {
  return new Promise<TaskResult>((resolve, reject) => {
    const child = fork(fileURLToPath(CHILD_URL), [], { execArgv: [`--max-old-space-size=${heapMb}`], stdio: ["ignore", "ignore", "ignore", "ipc"] });
    let settled = false;
    // Messages come only from child.ts, which sends one Reply.
    child.once("message", (reply: Reply) => {
      settled = true;
      if (reply.result !== undefined) resolve(reply.result);
      else reject(new Error(reply.error ?? "child process failed"));
    });
    child.once("error", (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    child.once("exit", () => {
      if (settled) return;
      settled = true;
      reject(new TaskOutOfMemory(heapMb));
    });
    child.send(task);
  });
}

/**
 * The available cores. Run from source (tests), 1 unless asked for more: workers run the build in
 * dist/, which may be older than the source a test is checking.
 */
export function defaultJobs(): number {
  return FROM_SOURCE ? 1 : Math.max(1, availableParallelism());
}

/**
 * Tasks handed to one worker at a time: the one it runs and the next, so that it starts the next
 * as soon as it posts a result instead of waiting for this thread to read the result and send
 * another (on a cold run of the corpus, about 8,000 such round trips while this thread hashes and
 * stores the pages that arrive). A worker runs its tasks one after the other (worker.ts), so only
 * the first of them is ever running: when a worker dies, that one fails and the others are queued
 * again.
 */
const TASKS_PER_WORKER = 2;

export class WorkerPool {
  readonly size: number;
  /** Each worker's heap limit in MB. */
  readonly heapMb: number;
  private readonly workers: Worker[] = [];
  private readonly queue: Pending[] = [];
  /** Each worker's tasks in the order sent (it answers them in that order). */
  private readonly sent = new Map<Worker, Pending[]>();
  private closed = false;
  /** Large pages run in child processes one at a time: each may take a worker's whole heap limit. */
  private isolated: Promise<unknown> = Promise.resolve();

  constructor(size: number) {
    this.size = Math.max(1, Math.floor(size));
    this.heapMb = workerHeapMb(this.size);
  }

  /** Tasks waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  run(task: Task): Promise<TaskResult> {
    if (isLargePage(task)) {
      const result = this.isolated.then(() => runIsolated(task, this.heapMb));
      this.isolated = result.catch(() => undefined);
      return result;
    }
    if (this.size === 1) return this.runHere(task);
    return new Promise<TaskResult>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Runs the task on this thread, which has the parser and the emitters loaded already (cheaper than
   * a worker for a few tasks), except a large page: that always runs isolated, as in `run`.
   */
  runHere(task: Task): Promise<TaskResult> {
    return isLargePage(task) ? this.run(task) : runTask(task);
  }

  /**
   * Stops the workers. With `wait: false` their threads end in the background and neither this
   * call nor the process waits for them: a worker that has loaded ts-morph and the formatter takes
   * 30-60 ms to tear down its heap, which a run would otherwise spend before writing its output.
   */
  async close({ wait = true }: { wait?: boolean } = {}): Promise<void> {
    this.closed = true;
    const stopping = this.workers.map((worker) => {
      if (!wait) worker.unref();
      return worker.terminate();
    });
    this.workers.length = 0;
    this.sent.clear();
    if (wait) await Promise.all(stopping);
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      const worker = this.pick();
      if (worker === null) return;
      const pending = this.queue.shift();
      if (pending === undefined) return;
      this.sent.get(worker)?.push(pending);
      worker.postMessage({ task: pending.task });
    }
  }

  /**
   * The worker for the next task: one with nothing to do (the earliest started: after an edit the
   * one that loaded the renderers), else a new one, else the one with the fewest tasks below
   * TASKS_PER_WORKER; null when every worker has that many.
   */
  private pick(): Worker | null {
    let best: Worker | null = null;
    let fewest = TASKS_PER_WORKER;
    for (const worker of this.workers) {
      const count = this.sent.get(worker)?.length ?? 0;
      if (count < fewest) {
        best = worker;
        fewest = count;
      }
    }
    if (best !== null && fewest === 0) return best;
    return this.spawn() ?? best;
  }

  private spawn(): Worker | null {
    if (this.workers.length >= this.size) return null;
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    this.sent.set(worker, []);
    // Messages come only from worker.ts, which posts Replies, in the order of the tasks sent.
    worker.on("message", (reply: Reply) => {
      const pending = this.sent.get(worker)?.shift();
      if (pending !== undefined) {
        if (reply.result !== undefined) pending.resolve(reply.result);
        else pending.reject(new Error(reply.error ?? "worker failed"));
      }
      this.dispatch();
    });
    // A worker that crashed or ran out of memory is gone: fail the task it was running, queue the
    // ones sent after it again, and let a fresh worker take them.
    const gone = (error: Error): void => {
      const index = this.workers.indexOf(worker);
      if (index < 0) return;
      this.workers.splice(index, 1);
      const [running, ...waiting] = this.sent.get(worker) ?? [];
      this.sent.delete(worker);
      this.queue.unshift(...waiting);
      running?.reject(error);
      this.dispatch();
    };
    worker.on("error", (error: Error) => gone("code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new TaskOutOfMemory(this.heapMb) : error));
    worker.on("exit", (code) => gone(new Error(`a worker thread stopped (exit code ${code})`)));
    this.workers.push(worker);
    return worker;
  }
}

/**
 * A fixed pool of worker threads (node:worker_threads) running `tasks.ts` jobs. Results come back
 * as promises, each for its own task, so callers collect them in input order and the output never
 * depends on which worker finished first. With one job no thread is started: tasks run inline.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { runTask, type Task, type TaskResult } from "./tasks.js";

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

interface Reply {
  id: number;
  result?: TaskResult;
  error?: string;
}

const FROM_SOURCE = import.meta.url.endsWith(".ts");

/**
 * The compiled worker. Under vitest this module runs from src/ as TypeScript, which a worker
 * thread cannot load, so it uses the build in dist/ (`npm test` builds first).
 */
const WORKER_URL = FROM_SOURCE ? new URL("../../../dist/cli/workers/worker.js", import.meta.url) : new URL("./worker.js", import.meta.url);

/**
 * The available cores. Run from source (tests), 1 unless asked for more: workers run the build in
 * dist/, which may be older than the source a test is checking.
 */
export function defaultJobs(): number {
  return FROM_SOURCE ? 1 : Math.max(1, availableParallelism());
}

export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;

  constructor(size: number) {
    this.size = Math.max(1, Math.floor(size));
  }

  run(task: Task): Promise<TaskResult> {
    if (this.size === 1) return runTask(task);
    return new Promise<TaskResult>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.spawn();
      if (worker === null) return;
      const pending = this.queue.shift();
      if (pending === undefined) {
        this.idle.push(worker);
        return;
      }
      this.running.set(worker, pending);
      worker.postMessage({ id: this.nextId++, task: pending.task });
    }
  }

  private spawn(): Worker | null {
    if (this.workers.length >= this.size) return null;
    const worker = new Worker(WORKER_URL);
    // Messages come only from worker.ts, which posts Replies.
    worker.on("message", (reply: Reply) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (pending !== undefined) {
        if (reply.result !== undefined) pending.resolve(reply.result);
        else pending.reject(new Error(reply.error ?? "worker failed"));
      }
      this.dispatch();
    });
    worker.on("error", (error) => {
      // A worker that crashed is gone: fail its task and let a fresh worker take the rest.
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.workers.splice(this.workers.indexOf(worker), 1);
      pending?.reject(error);
      this.dispatch();
    });
    this.workers.push(worker);
    return worker;
  }
}

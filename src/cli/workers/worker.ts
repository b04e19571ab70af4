/** A worker thread of the gen pool: runs the tasks it is sent (see `tasks.ts`) one at a time. */
import { parentPort } from "node:worker_threads";
import { errorText, runTask, type Task } from "./tasks.js";

/** One task; the pool matches answers to tasks by their order (see TASKS_PER_WORKER in pool.ts). */
export interface Request {
  task: Task;
}

/**
 * After this long without a task, a worker collects its garbage when the process exposes `gc`
 * (the background process does): a resident worker then holds what it loaded, not the last run's
 * pages and chunks, between runs.
 */
const IDLE_GC_MS = 1000;

const port = parentPort;
if (port === null) throw new Error("worker.ts must run in a worker thread");
const gc: unknown = Reflect.get(globalThis, "gc");
let idle: NodeJS.Timeout | null = null;
let pending = 0;
/** Tasks run one after the other, in the order sent: the pool sends the next before this one ends, and expects answers in order. */
let chain: Promise<unknown> = Promise.resolve();
// Messages come only from pool.ts, which posts Requests.
port.on("message", (request: Request) => {
  if (idle !== null) clearTimeout(idle);
  pending++;
  chain = chain.then(() =>
    runTask(request.task).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage({ error: errorText(error) }),
    ),
  ).finally(() => {
    pending--;
    if (typeof gc !== "function" || pending > 0) return;
    idle = setTimeout(() => gc(), IDLE_GC_MS);
    idle.unref();
  });
});

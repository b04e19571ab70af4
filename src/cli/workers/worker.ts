/** A worker thread of the gen pool: runs the tasks it is sent (see `tasks.ts`) one at a time. */
import v8 from "node:v8";
import { parentPort } from "node:worker_threads";
import { errorText, runTask, type Task } from "./tasks.js";

/*
 * WebAssembly (Biome's formatter, 45 MB) runs on V8's baseline compiler only: with the default
 * tiering, hot functions are compiled again by the optimising compiler on background threads,
 * which cost more than they save here (on 2 cores, rendering 8 MB of chunks took 800 ms with it
 * and 525-660 ms without; 20 MB, 1.5 s against 1.25-1.4 s) and which a worker must wait for before
 * it can end (50-270 ms just after rendering, against 15-25 ms). And each function is validated
 * when it is first compiled, not the whole module up front (compiling the module: 30 ms instead of
 * 90 ms; Biome's module is a published build, and a function that did not validate would still be
 * refused, when called). V8's flags are the process's: set here, before any worker loads anything,
 * so that every worker runs with the same flags (V8's cached code, see code-cache.ts, is only used
 * under the flags it was made with).
 */
v8.setFlagsFromString("--liftoff-only");
v8.setFlagsFromString("--wasm-lazy-validation");

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

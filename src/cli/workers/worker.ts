/** A worker thread of the gen pool: runs the tasks it is sent (see `tasks.ts`) one at a time. */
import { parentPort } from "node:worker_threads";
import { errorText, runTask, type Task } from "./tasks.js";

export interface Request {
  id: number;
  task: Task;
}

const port = parentPort;
if (port === null) throw new Error("worker.ts must run in a worker thread");
// Messages come only from pool.ts, which posts Requests.
port.on("message", (request: Request) => {
  runTask(request.task).then(
    (result) => port.postMessage({ id: request.id, result }),
    (error: unknown) => port.postMessage({ id: request.id, error: errorText(error) }),
  );
});

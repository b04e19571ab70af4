/**
 * A child process of the gen pool for one large page (see `runIsolated` in pool.ts): runs the one
 * task it is sent, replies, and exits. It has a heap of its own (`--max-old-space-size`), so a page
 * that exhausts it, even by one allocation V8 cannot survive, ends this process and not the run.
 */
import { errorText, runTask, type Task } from "./tasks.js";

// The one message comes from pool.ts, which sends a Task.
process.once("message", (task: Task) => {
  const reply = (message: object, code: number): void => {
    if (process.send) process.send(message, () => process.exit(code));
    else process.exit(code);
  };
  runTask(task).then(
    (result) => reply({ result }, 0),
    (error: unknown) => reply({ error: errorText(error) }, 1),
  );
});

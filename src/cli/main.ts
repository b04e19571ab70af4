/**
 * The `docgen` executable. `gen` runs in the background process when one can serve it (see
 * daemon/fast-path.ts: the run's output is the same, the time after an edit is shorter); every
 * other command, and `gen` when the background process is off or cannot be reached, runs here.
 * Only what the fast path needs is loaded before it has decided.
 */
import { serveThroughDaemon } from "./daemon/fast-path.js";

const served = await serveThroughDaemon(process.argv);
if (served !== null) {
  process.exitCode = served;
} else {
  const { runCli } = await import("./program.js");
  await runCli(process.argv);
}

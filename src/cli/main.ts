/**
 * The `docgen` executable. `gen` runs in the background process when one can serve it (see
 * daemon/fast-path.ts: the run's output is the same, the time after an edit is shorter); a command
 * that parses pages in worker threads runs in a child process with single-threaded garbage
 * collection (see gc-mode.ts); the rest runs here. Only what those decisions need is loaded before
 * they are made.
 */
import { serveThroughDaemon } from "./daemon/fast-path.js";
import { runWithSingleThreadedGc, wantsSingleThreadedGc } from "./gc-mode.js";

const served = await serveThroughDaemon(process.argv);
if (served !== null) {
  process.exitCode = served;
} else if (wantsSingleThreadedGc(process.argv)) {
  process.exitCode = await runWithSingleThreadedGc(process.argv);
} else {
  const { runCli } = await import("./program.js");
  await runCli(process.argv);
}

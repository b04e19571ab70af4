/** Runs the command line in this process: the entry of the child process gc-mode.ts starts. */
import { runCli } from "./program.js";

await runCli(process.argv);

/** Runs the command line in this process: the entry of the child process gc-mode.ts starts, and of the background process (daemon/client.ts). */
import { runCli } from "./program.js";

await runCli(process.argv);

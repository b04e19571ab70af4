/**
 * The `docgen` command line: a registry of the commands in ./commands. Bad input ends with one
 * line on stderr and exit code 2; an internal error with exit code 3. Each command documents its
 * own exit 1 (errors found, stale output, breaking changes). `main.ts` runs it in this process, or
 * hands `gen` to the background process (daemon/), which runs it the same way.
 */
import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check.js";
import { registerDaemon } from "./commands/daemon.js";
import { registerDiff } from "./commands/diff.js";
import { registerExports } from "./commands/exports.js";
import { registerGen } from "./commands/gen.js";
import { registerModel } from "./commands/model.js";
import { UserError } from "./errors.js";
import { toolVersion } from "./tool-version.js";

function createProgram(): Command {
  const program = new Command()
    .name("docgen")
    .description("Generate TypeScript types, validators and request functions from Graph-style API reference docs.")
    .version(toolVersion(), "-V, --version", "print docgen's version")
    .showHelpAfterError("(run docgen --help for usage)")
    .exitOverride();
  registerGen(program);
  registerModel(program);
  registerCheck(program);
  registerDiff(program);
  registerExports(program);
  registerDaemon(program);
  return program;
}

/** Runs one command line (`argv` as process.argv: node, script, arguments); the exit code is left in process.exitCode. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    // A program per run: commander keeps parsed option values on the command objects.
    await createProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof UserError) {
      // One line per problem (a config file can have several bad fields).
      for (const line of error.message.split("\n")) process.stderr.write(`docgen: error: ${line}\n`);
      process.exitCode = error.exitCode;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`docgen: internal error: ${message} (please report this with the input that caused it)\n`);
      if (process.env["DOCGEN_DEBUG"] && error instanceof Error) process.stderr.write(`${error.stack ?? ""}\n`);
      process.exitCode = 3;
    }
  }
}

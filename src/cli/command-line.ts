/**
 * What the launcher (main.ts) reads from a command line before the CLI is loaded, to decide where
 * the command runs (daemon/fast-path.ts, gc-mode.ts): the command, the cache folder and config
 * file given, the number of jobs when it is one, and the flags that keep a run in a process of its
 * own. Commander parses the whole line later; this scan only has to agree with it on these few
 * options. Only node: built-ins are imported here.
 */

export interface CommandLine {
  /** The first argument (the command), "" when there is none. */
  command: string;
  /** `--cache-dir`'s value as given, or null. */
  cacheDir: string | null;
  /** `--config` / `-c`'s value as given, or null. */
  config: string | null;
  /** `--jobs 1` in any spelling (`--jobs=1`, `-j 1`, `-j1`). */
  oneJob: boolean;
  /** The flags among `--no-daemon`, `--no-cache`, `--watch`, `-h`, `--help` that the line has. */
  flags: ReadonlySet<string>;
  /** An option that takes a value came last without one (commander reports it). */
  incomplete: boolean;
}

const FLAGS = new Set(["--no-daemon", "--no-cache", "--watch", "-h", "--help"]);

/** Reads `argv` (as process.argv: node, script, then the arguments), up to a `--`. */
export function scanCommandLine(argv: readonly string[]): CommandLine {
  const args = argv.slice(2);
  const flags = new Set<string>();
  const line: CommandLine = { command: args[0] ?? "", cacheDir: null, config: null, oneJob: false, flags, incomplete: false };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") break;
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [name, inline] = equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : arg.startsWith("-j") && arg.length > 2 ? ["-j", arg.slice(2)] : [arg, undefined];
    if (FLAGS.has(name)) flags.add(name);
    if (name !== "--cache-dir" && name !== "--config" && name !== "-c" && name !== "--jobs" && name !== "-j") continue;
    const value = inline ?? args[i + 1];
    if (inline === undefined) i++;
    if (value === undefined) {
      line.incomplete = true;
      break;
    }
    if (name === "--cache-dir") line.cacheDir = value;
    else if (name === "--config" || name === "-c") line.config = value;
    else line.oneJob = value === "1";
  }
  return line;
}

/** What the commands share: the --config and --input options, the model they load, and writing what they were asked to write. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { defaultJobs } from "../workers/pool.js";
import type { ApiModel } from "../../model/types.js";
import { loadConfig, type DocgenConfig } from "../config.js";
import { UserError } from "../errors.js";
import { loadModel } from "../pipeline.js";

export { selectVersions } from "../pipeline.js";

export interface CommonOptions {
  input?: string[];
  config?: string;
  jobs?: number;
}

/** Adds --input and --config to a command (input may come from the config file instead). */
export function withInputs(command: Command): Command {
  return command
    .option("-i, --input <paths...>", "documents: folders and/or files (default: the config file's input)")
    .option("-c, --config <file>", "config file (default: ./docgen.config.json when present)")
    .addOption(jobsOption());
}

/** `--jobs N`: worker threads; output is the same for any number. */
export function jobsOption(): Option {
  return new Option("-j, --jobs <n>", `worker threads (default: the available cores, ${defaultJobs()} here, fewer for few files; output is the same for any number)`).argParser((value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`--jobs must be a whole number of at least 1, not "${value}"`);
    return n;
  });
}

export interface Loaded {
  config: DocgenConfig;
  inputs: string[];
  model: ApiModel;
}

export function resolveInputs(options: CommonOptions, config: DocgenConfig): string[] {
  const inputs = options.input ?? config.input;
  if (!inputs || inputs.length === 0) throw new UserError("no input given; pass --input <folder or file> (for example --input docs-input) or set \"input\" in docgen.config.json");
  return inputs;
}

export async function loadFromOptions(options: CommonOptions): Promise<Loaded> {
  const config = await loadConfig(options.config);
  const inputs = resolveInputs(options, config);
  return { config, inputs, model: await loadModel(inputs, { ignore: config.ignore ?? [], ...(options.jobs ? { jobs: options.jobs } : {}) }) };
}


export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UserError(`${flag} expects a whole number ≥ 0, got "${value}"`);
  return Number(value);
}

/** What a failed write's error code means to someone choosing where to write. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  ENOTDIR: "part of the path is a file, not a folder",
  EEXIST: "part of the path is a file, not a folder",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
};

/**
 * Writes a file a command was asked to write (`--out`), making its folder first. A file that cannot
 * be written (a file or folder in the way, no permission, a full disk) is for the user to fix: one
 * line saying why, exit 2, not an internal error.
 */
export function writeOutFile(file: string, content: string): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, content);
  } catch (error) {
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
    const reason = WRITE_PROBLEMS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new UserError(`cannot write "${file}": ${reason}; pass another --out path`);
  }
}

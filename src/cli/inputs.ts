/**
 * Finding and reading the input documents. A folder contributes its `.md`, `.markdown` and `.txt`
 * files (recursively, hidden files and folders and node_modules skipped); a file named explicitly is
 * always read. Text must be UTF-8 without NUL bytes.
 *
 * Symbolic links inside an input folder are never followed, so a walk always ends (loops
 * included) and never leaves the input folders. A link whose target lies inside an input folder
 * is skipped silently (the target itself is read where it is); one pointing outside every input
 * folder, dangling or looping is reported (`input-symlink-outside`) and not read.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { compareText } from "../model/diagnostics.js";
import { UserError } from "./errors.js";

export interface InputFile {
  absolute: string;
  /** True when named on the command line (a problem with it is fatal), false when found in a folder. */
  explicit: boolean;
  /** Set for a symbolic link found in a folder that points out of the input folders (or nowhere): why it was not read. */
  symlink?: string;
}

export type InputDocument =
  /** `file`: path as shown in diagnostics: relative to the working directory, forward slashes. */
  | { file: string; text: string }
  | { file: string; problem: string };

const DOC_EXTENSIONS = /\.(?:md|markdown|txt)$/i;
const decoder = new TextDecoder("utf-8", { fatal: true });

/** `ignore`: globs (relative to each input folder) of documents to skip, the config file's `ignore`. */
export async function findInputFiles(inputs: readonly string[], cwd = process.cwd(), ignore: readonly string[] = []): Promise<InputFile[]> {
  if (inputs.length === 0) throw new UserError("no input given; pass --input <folder or file> (for example --input docs-input)");
  const files = new Map<string, InputFile>();
  const folders: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrNull(absolute);
    if (!stat) throw new UserError(`input path "${input}" does not exist; check the --input value`);
    if (stat.isFile()) files.set(absolute, { absolute, explicit: true });
    else folders.push(absolute);
  }
  const roots = folders.map((folder) => realpathSync(folder));
  const ignored = await ignoredFiles(folders, ignore);
  for (const folder of folders) {
    walk(folder, (absolute, symlink) => {
      if (files.has(absolute) || ignored.has(absolute)) return;
      files.set(absolute, symlink === undefined ? { absolute, explicit: false } : { absolute, explicit: false, symlink });
    }, roots);
  }
  const list = [...files.values()].sort((a, b) => compareText(a.absolute, b.absolute));
  if (list.length === 0) throw new UserError(`no documents found in ${inputs.join(", ")}; expected .md, .markdown or .txt files`);
  return list;
}

/** The files below the folders that the ignore globs match (links not followed). */
async function ignoredFiles(folders: readonly string[], ignore: readonly string[]): Promise<Set<string>> {
  const ignored = new Set<string>();
  if (ignore.length === 0) return ignored;
  // Loaded only for ignore globs: most runs have none.
  const { glob } = await import("tinyglobby");
  for (const folder of folders) {
    const matches = await glob([...ignore], { cwd: folder, absolute: true, followSymbolicLinks: false, dot: false });
    for (const file of matches) ignored.add(path.resolve(file));
  }
  return ignored;
}

/**
 * Visits the documents below `dir` without following symbolic links; reports the links that
 * point outside `roots` (real paths of the input folders), dangle or loop. Iterative, so depth is
 * not limited by the stack.
 */
function walk(dir: string, visit: (absolute: string, symlink?: string) => void, roots: readonly string[]): void {
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(next, { withFileTypes: true });
    } catch {
      continue; // unreadable folder (permissions, removed meanwhile): nothing to read in it
    }
    // `next` is an absolute, normalised path and an entry's name holds no separator: joined as text,
    // which path.join (normalising each of 7,949 paths again) took 6 ms of a run for.
    const prefix = next.endsWith(path.sep) ? next : next + path.sep;
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const absolute = prefix + entry.name;
      if (entry.isDirectory()) pending.push(absolute);
      else if (entry.isFile() && DOC_EXTENSIONS.test(entry.name)) visit(absolute);
      else if (entry.isSymbolicLink()) {
        const problem = symlinkProblem(absolute, roots);
        if (problem && (DOC_EXTENSIONS.test(entry.name) || problem.directory)) visit(absolute, problem.message);
      }
    }
  }
}

/** Why a link is not read, or null when its target is inside an input folder (and read there). */
function symlinkProblem(link: string, roots: readonly string[]): { message: string; directory: boolean } | null {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    return { message: "is a symbolic link whose target does not exist or loops", directory: false };
  }
  if (roots.some((root) => target === root || target.startsWith(root + path.sep))) return null;
  const directory = statOrNull(target)?.isDirectory() ?? false;
  return { message: `is a symbolic link to a ${directory ? "folder" : "file"} outside the input folders`, directory };
}

/** Reads one document; a file that is not readable UTF-8 text yields a problem instead of text. */
export function readInput(absolute: string, cwd = process.cwd()): InputDocument {
  const file = displayPath(absolute, cwd);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { file, problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (bytes.includes(0)) return { file, problem: "is a binary file, not a text document; remove it from the input" };
  try {
    const text = decoder.decode(bytes);
    return text.trim() === "" ? { file, problem: "is empty" } : { file, text };
  } catch {
    return { file, problem: "is not valid UTF-8 text; re-save it as UTF-8" };
  }
}

export function displayPath(absolute: string, cwd = process.cwd()): string {
  // Relative even when outside the working directory (`../docs/x.md`): absolute paths would make
  // diagnostics and generated comments differ from machine to machine.
  const relative = path.relative(cwd, absolute);
  const shown = relative === "" || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join("/");
}

function statOrNull(file: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Finding and reading the input documents. A folder contributes its `.md`, `.markdown` and `.txt`
 * files (recursively, symbolic links not followed, hidden folders and node_modules skipped); a file
 * named explicitly is always read. Text must be UTF-8 without NUL bytes.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { compareText } from "../model/diagnostics.js";
import { UserError } from "./errors.js";

export interface InputFile {
  absolute: string;
  /** True when named on the command line (a problem with it is fatal), false when found in a folder. */
  explicit: boolean;
}

export type InputDocument =
  /** `file`: path as shown in diagnostics: relative to the working directory, forward slashes. */
  | { file: string; text: string }
  | { file: string; problem: string };

const DOC_PATTERNS = ["**/*.md", "**/*.markdown", "**/*.txt"];
const decoder = new TextDecoder("utf-8", { fatal: true });

export async function findInputFiles(inputs: readonly string[], cwd = process.cwd(), ignore: readonly string[] = []): Promise<InputFile[]> {
  if (inputs.length === 0) throw new UserError("no input given; pass --input <folder or file> (for example --input docs-input)");
  const files = new Map<string, boolean>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrNull(absolute);
    if (!stat) throw new UserError(`input path "${input}" does not exist; check the --input value`);
    if (stat.isFile()) {
      files.set(absolute, true);
      continue;
    }
    const found = await glob(DOC_PATTERNS, { cwd: absolute, absolute: true, followSymbolicLinks: false, ignore: ["**/node_modules/**", "**/.*/**", ...ignore] });
    for (const file of found) if (!files.has(path.resolve(file))) files.set(path.resolve(file), false);
  }
  const list = [...files].map(([absolute, explicit]) => ({ absolute, explicit })).sort((a, b) => compareText(a.absolute, b.absolute));
  if (list.length === 0) throw new UserError(`no documents found in ${inputs.join(", ")}; expected .md, .markdown or .txt files`);
  return list;
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

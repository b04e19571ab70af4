/** The one-way pipeline the commands share: documents → pages → model (→ files, in gen). */
import { makeDiagnostic } from "../model/diagnostics.js";
import { buildModel } from "../model/merge.js";
import type { PageModel } from "../model/page.js";
import type { ApiModel } from "../model/types.js";
import { parseDocument } from "../parser/index.js";
import { UserError } from "./errors.js";
import { findInputFiles, readInput, type InputFile } from "./inputs.js";

/** `ignore`: globs of documents to skip inside input folders (the config file's `ignore`). */
export async function loadModel(inputs: readonly string[], ignore: readonly string[] = []): Promise<ApiModel> {
  const files = await findInputFiles(inputs, process.cwd(), ignore);
  return buildModel(files.map(parseInputFile));
}

/** One input file → its page (a file found in a folder that cannot be read becomes a diagnostic). */
export function parseInputFile({ absolute, explicit }: InputFile): PageModel {
  const doc = readInput(absolute);
  if ("text" in doc) return parseDocument(doc.file, doc.text);
  if (explicit) throw new UserError(`"${doc.file}" ${doc.problem}`);
  return unreadablePage(doc.file, doc.problem);
}

/** A file found in an input folder that is not a readable document: reported, then skipped. */
function unreadablePage(file: string, problem: string): PageModel {
  const diagnostic = makeDiagnostic("input-unreadable", { file, line: 1, column: 1 }, `This file ${problem}; it was skipped.`);
  return { file, format: "markdown", title: null, kind: "unknown", apiVersion: null, types: [], operations: [], typeRefs: [], diagnostics: [diagnostic] };
}

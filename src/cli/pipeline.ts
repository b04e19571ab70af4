/** The one-way pipeline the commands share: documents → pages → model (→ files, in gen). */
import { makeDiagnostic, type DiagnosticCode } from "../model/diagnostics.js";
import { buildModel } from "../model/merge.js";
import type { PageModel } from "../model/page.js";
import type { ApiModel } from "../model/types.js";
import { parseDocument } from "../parser/index.js";
import { UserError } from "./errors.js";
import { displayPath, findInputFiles, readInput } from "./inputs.js";

export async function loadModel(inputs: readonly string[]): Promise<ApiModel> {
  const files = await findInputFiles(inputs);
  const pages = files.map(({ absolute, explicit, symlink }): PageModel => {
    if (symlink !== undefined) return unreadablePage(displayPath(absolute), symlink, "input-symlink-outside");
    const doc = readInput(absolute);
    if ("text" in doc) return parseDocument(doc.file, doc.text);
    if (explicit) throw new UserError(`"${doc.file}" ${doc.problem}`);
    return unreadablePage(doc.file, doc.problem);
  });
  return buildModel(pages);
}

/** A file found in an input folder that is not a readable document: reported, then skipped. */
function unreadablePage(file: string, problem: string, code: DiagnosticCode = "input-unreadable"): PageModel {
  const diagnostic = makeDiagnostic(code, { file, line: 1, column: 1 }, `This file ${problem}; it was skipped.`);
  return { file, format: "markdown", title: null, kind: "unknown", apiVersion: null, types: [], operations: [], typeRefs: [], diagnostics: [diagnostic] };
}

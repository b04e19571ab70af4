/** Per-page parsing state: the file name and the diagnostics collected so far. */
import { makeDiagnostic, type DiagnosticCode } from "../model/diagnostics.js";
import type { TypeReference } from "../model/page.js";
import type { Diagnostic, SourcePosition } from "../model/types.js";
import type { Pos } from "./outline.js";

export class PageContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly typeRefs: TypeReference[] = [];

  constructor(readonly file: string) {}

  at(pos: Pos): SourcePosition {
    return { file: this.file, line: pos.line, column: pos.column };
  }

  report(code: DiagnosticCode, pos: Pos, message: string): void {
    this.diagnostics.push(makeDiagnostic(code, this.at(pos), message));
  }

  referenceType(name: string, pos: Pos): void {
    this.typeRefs.push({ name, source: this.at(pos) });
  }
}

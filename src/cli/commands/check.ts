/**
 * `docgen check`: the doc linter. Text (grouped by file, then a summary line), JSON or SARIF.
 * Exit 1 when there are errors, or more warnings than --max-warnings.
 */
import { Option, type Command } from "commander";
import { checkExamples } from "../../model/example-check.js";
import { joinDiagnostics } from "../../model/merge.js";
import type { Diagnostic } from "../../model/types.js";
import { countBySeverity, formatDiagnosticLine, severitySummary } from "../report.js";
import { toSarif } from "../sarif.js";
import { toolVersion } from "../tool-version.js";
import { loadFromOptions, parseCount, withInputs, type CommonOptions } from "./shared.js";

interface CheckOptions extends CommonOptions {
  format: "text" | "json" | "sarif";
  maxWarnings?: string;
  out?: string;
}

export function registerCheck(program: Command): void {
  withInputs(program.command("check").description("report problems in the docs; exit 1 when there are errors (or too many warnings)"))
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif"]).default("text"))
    .option("--max-warnings <n>", "also exit 1 when there are more than n warnings")
    .action(async (options: CheckOptions) => {
      const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, "--max-warnings");
      const { model } = await loadFromOptions(options);
      // The model merged every page: the example checks, which need every example body, are check's own.
      const diagnostics = joinDiagnostics([model.diagnostics, checkExamples(model)]);
      const counts = countBySeverity(diagnostics);
      if (options.format === "json") {
        process.stdout.write(JSON.stringify({ diagnostics, summary: counts }, null, 2) + "\n");
      } else if (options.format === "sarif") {
        process.stdout.write(JSON.stringify(toSarif(diagnostics, toolVersion()), null, 2) + "\n");
      } else {
        process.stdout.write(groupedText(diagnostics));
        process.stdout.write(`docgen check: ${severitySummary(diagnostics)}\n`);
      }
      const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
      if (tooManyWarnings && options.format === "text") {
        process.stdout.write(`docgen check: ${counts.warning} warnings exceed --max-warnings ${maxWarnings}\n`);
      }
      if (counts.error > 0 || tooManyWarnings) process.exitCode = 1;
    });
}

/** Diagnostics one per line, files separated by a blank line (they arrive sorted by file). */
function groupedText(diagnostics: readonly Diagnostic[]): string {
  let out = "";
  let file: string | undefined;
  for (const d of diagnostics) {
    if (file !== undefined && d.file !== file) out += "\n";
    file = d.file;
    out += formatDiagnosticLine(d) + "\n";
  }
  return out;
}

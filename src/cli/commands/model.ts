/** `docgen model`: the API model as JSON (docs/model.md). */
import type { Command } from "commander";
import { loadFromOptions, withInputs, writeOutFile, type CommonOptions } from "./shared.js";

export function registerModel(program: Command): void {
  withInputs(program.command("model").description("print the API model as JSON (see docs/model.md)"))
    .option("-o, --out <file>", "write to a file instead of stdout")
    .action(async (options: CommonOptions & { out?: string }) => {
      const { model } = await loadFromOptions(options);
      const json = JSON.stringify(model, null, 2) + "\n";
      if (options.out) writeOutFile(options.out, json);
      else process.stdout.write(json);
    });
}

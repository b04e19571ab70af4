/**
 * `docgen openapi` (an OpenAPI 3.1 document for one API version) and `docgen jsonschema` (a JSON
 * Schema 2020-12 file per type): the model handed to tools that speak those formats.
 */
import path from "node:path";
import type { Command } from "commander";
import { versionFolder } from "../../emitters/naming.js";
import { DEFAULT_BASE_URI, exportJsonSchemas } from "../../exporters/jsonschema.js";
import { exportOpenApi } from "../../exporters/openapi.js";
import { compareText } from "../../model/diagnostics.js";
import { UserError } from "../errors.js";
import { loadFromOptions, selectVersions, withInputs, writeOutFile, type CommonOptions } from "./shared.js";

export function registerExports(program: Command): void {
  withInputs(program.command("openapi").description("write an OpenAPI 3.1 document (paths, parameters, bodies, examples, schemas)"))
    .option("--api-version <version>", "which API version to describe: beta, v1.0 or unversioned (needed when the docs hold several)")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .action(async (options: CommonOptions & { apiVersion?: string; out?: string }) => {
      const { config, model } = await loadFromOptions(options);
      const selected = selectVersions(model, config.versions);
      const present = [...new Set([...selected.types.map((t) => versionFolder(t.apiVersion)), ...selected.operations.map((o) => versionFolder(o.apiVersion))])].sort(compareText);
      const folder = options.apiVersion ?? (present.length === 1 ? present[0] : undefined);
      if (folder === undefined) {
        throw new UserError(present.length === 0 ? "the docs define no types or operations to describe" : `the docs hold several API versions (${present.join(", ")}); pass --api-version with one of them`);
      }
      if (!present.includes(folder)) throw new UserError(`the docs hold no API version "${folder}"; pass --api-version with one of ${present.join(", ")}`);
      const json = JSON.stringify(exportOpenApi(selected, folder), null, 2) + "\n";
      if (options.out) writeOutFile(options.out, json);
      else process.stdout.write(json);
    });

  withInputs(program.command("jsonschema").description("write a JSON Schema (2020-12) per type into --out/<version>/<type>.schema.json"))
    .requiredOption("-o, --out <dir>", "output folder")
    .option("--base-uri <uri>", "base of each schema's $id", DEFAULT_BASE_URI)
    .action(async (options: CommonOptions & { out: string; baseUri: string }) => {
      const { config, model } = await loadFromOptions(options);
      const files = exportJsonSchemas(selectVersions(model, config.versions), options.baseUri);
      for (const file of files) writeOutFile(path.join(options.out, ...file.path.split("/")), file.content);
      process.stdout.write(`docgen: wrote ${files.length} JSON Schema files to ${options.out}\n`);
    });
}

/**
 * `docgen jsonschema`: one JSON Schema (draft 2020-12) file per model type, per API version:
 * `<version>/<typeName>.schema.json`, each with an `$id` under `baseUri` and `$ref`s to its
 * siblings. Reads only the model. The schemas give the same verdicts as the generated validators
 * (see schema.ts): base types are not folded in, as the validators check a type's own table.
 */
import { compareText } from "../model/diagnostics.js";
import type { ApiModel, TypeModel } from "../model/types.js";
import { typeSchema, type SchemaOptions } from "./schema.js";

export interface SchemaFile {
  path: string;
  content: string;
}

export const DEFAULT_BASE_URI = "https://docgen.invalid/schemas/";

export function exportJsonSchemas(model: ApiModel, baseUri = DEFAULT_BASE_URI): SchemaFile[] {
  const base = baseUri.endsWith("/") ? baseUri : `${baseUri}/`;
  const files: SchemaFile[] = [];
  const byVersion = new Map<string, TypeModel[]>();
  for (const type of model.types) {
    const folder = type.apiVersion ?? "unversioned";
    const list = byVersion.get(folder);
    if (list) list.push(type);
    else byVersion.set(folder, [type]);
  }
  for (const [folder, types] of byVersion) {
    const byName = new Map(types.map((t) => [t.name.toLowerCase(), t]));
    const options: SchemaOptions = { ref: (t) => fileName(t), typeByName: (name) => byName.get(name.toLowerCase()), formats: false };
    for (const type of types) {
      const schema = {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: `${base}${folder}/${fileName(type)}`,
        title: type.name,
        ...typeSchema(type, options),
      };
      files.push({ path: `${folder}/${fileName(type)}`, content: JSON.stringify(schema, null, 2) + "\n" });
    }
  }
  return files.sort((a, b) => compareText(a.path, b.path));
}

function fileName(type: TypeModel): string {
  return `${type.name}.schema.json`;
}

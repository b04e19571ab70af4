/**
 * `docgen openapi` passes a real OpenAPI 3.1 validator; `docgen jsonschema` writes 2020-12 schemas
 * that ajv compiles and that give the generated validators' verdicts on the docs' examples (and on
 * mutations of them that must be rejected or accepted).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/emitters/context.js";
import { exportOpenApi } from "../../src/exporters/openapi.js";
import type { ApiModel, JsonValue, TypeModel } from "../../src/model/types.js";
import { ROOT, runCli, seedModel } from "../helpers.js";

const tmpRoot = path.join(ROOT, "test/.tmp");
mkdirSync(tmpRoot, { recursive: true });
const tmp = mkdtempSync(path.join(tmpRoot, "exports-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> }; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { enum?: string[]; allOf?: unknown[] }> };
}

describe("docgen openapi", () => {
  it("writes an OpenAPI 3.1 document that swagger-parser validates, with paths, parameters, examples and enums", async () => {
    const out = path.join(tmp, "beta.openapi.json");
    const result = runCli(["openapi", "--input", "docs-input", "--api-version", "beta", "--out", out]);
    expect(result.status).toBe(0);
    const doc: OpenApiDoc = JSON.parse(readFileSync(out, "utf8"));
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    expect(doc.openapi).toBe("3.1.0");
    const update = doc.paths["/deviceManagement/remoteActionAudits/{remoteActionAuditId}"]?.["patch"];
    expect(update?.operationId).toBe("updateRemoteActionAudit");
    expect(update?.parameters).toContainEqual(expect.objectContaining({ name: "remoteActionAuditId", in: "path" }));
    expect(Object.keys(update?.requestBody?.content["application/json"]?.examples ?? {})).not.toHaveLength(0);
    expect(doc.components.schemas["remoteAction"]?.enum).toHaveLength(39);

    // The validator is real: a broken document is rejected.
    const broken = structuredClone(doc);
    const brokenUpdate = broken.paths["/deviceManagement/remoteActionAudits/{remoteActionAuditId}"]?.["patch"];
    if (brokenUpdate) Object.assign(brokenUpdate, { responses: "none", parameters: [{ name: "x" }] });
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it("asks which version when the docs hold several", () => {
    const result = runCli(["openapi", "--input", "docs-input"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("docgen: error: the docs hold several API versions (beta, unversioned); pass --api-version with one of them\n");
  });

  it("describes base types with allOf", async () => {
    const source = { file: "x.md", line: 1, column: 1 };
    const model: ApiModel = {
      types: [
        { name: "entity", kind: "entity", apiVersion: "beta", properties: [{ name: "id", type: "String", collection: false, description: "", nullable: false, source }], sources: [source] },
        { name: "widget", kind: "entity", apiVersion: "beta", baseType: "entity", properties: [{ name: "size", type: "Int32", collection: false, description: "", source }], sources: [source] },
      ],
      operations: [],
      diagnostics: [],
    };
    const doc = exportOpenApi(model, "beta");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    expect(JSON.parse(JSON.stringify(doc)).components.schemas.widget.allOf[0]).toEqual({ $ref: "#/components/schemas/entity" });
  });
});

type Validate = (value: unknown) => { valid: boolean };

describe("docgen jsonschema", () => {
  it("writes schemas ajv compiles, giving the generated validators' verdicts on examples and their mutations", async () => {
    const out = path.join(tmp, "schemas");
    const result = runCli(["jsonschema", "--input", "docs-input", "--out", out]);
    expect(result.status).toBe(0);
    const model = seedModel();
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const folder of readdirSync(out)) {
      for (const file of readdirSync(path.join(out, folder))) ajv.addSchema(JSON.parse(readFileSync(path.join(out, folder, file), "utf8")));
    }
    expect(result.stdout).toBe(`docgen: wrote ${model.types.length} JSON Schema files to ${out}\n`);

    let compared = 0;
    let rejected = 0;
    for (const folder of readdirSync(out)) {
      const types = model.types.filter((t) => (t.apiVersion ?? "unversioned") === folder);
      const ctx = createContext(types[0]?.apiVersion ?? null, types, model.operations.filter((o) => (o.apiVersion ?? "unversioned") === folder));
      const generated: Record<string, unknown> = await import(path.join(ROOT, "generated", folder, "index.ts"));
      const samples: [TypeModel, JsonValue][] = [];
      for (const op of ctx.version.operations) {
        for (const example of op.examples) {
          const pairs: [string | undefined, boolean | undefined, JsonValue | undefined][] = [
            [op.requestType, op.requestCollection, example.request?.body],
            [op.responseType, op.responseCollection, example.response?.body],
          ];
          for (const [typeName, collection, body] of pairs) {
            const type = typeName ? ctx.typeByName(typeName) : undefined;
            if (type && !collection && body !== undefined) samples.push([type, body]);
          }
        }
      }
      for (const [type, body] of samples) {
        const tsName = ctx.names.get(type.name) ?? type.name;
        const validate = generated[`validate${tsName}`];
        if (typeof validate !== "function") throw new Error(`no validator for ${tsName}`);
        // The generated index exports validators with this signature (checked by the strict compile test).
        const check = validate as Validate;
        const schema = ajv.getSchema(`https://docgen.invalid/schemas/${folder}/${type.name}.schema.json`);
        if (!schema) throw new Error(`no schema for ${type.name}`);
        const variants: JsonValue[] = [body];
        if (typeof body === "object" && body !== null && !Array.isArray(body)) {
          for (const key of Object.keys(body)) {
            for (const wrong of [12345, 1.5, "not-a-value", "2021-02-30", null, true, [], {}, ["x"]]) variants.push({ ...body, [key]: wrong });
          }
          variants.push({ ...body, undocumentedProperty: 1 });
        }
        variants.push("text", 1, null, []);
        for (const value of variants) {
          const expected = check(value).valid;
          expect(schema(value), `${type.name} ${JSON.stringify(value).slice(0, 200)}`).toBe(expected);
          compared++;
          if (!expected) rejected++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(20);
    expect(compared - rejected).toBeGreaterThan(20);
  });
});

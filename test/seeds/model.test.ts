/** The model of the five seed documents, as issue #2's "Done when" states it. */
import { describe, expect, it } from "vitest";
import type { ApiModel, TypeModel } from "../../src/model/types.js";
import { seedModel } from "../helpers.js";

const model: ApiModel = seedModel();

function type(name: string): TypeModel {
  const found = model.types.find((t) => t.name === name);
  if (!found) throw new Error(`no type ${name}`);
  return found;
}

describe("seed model: types", () => {
  it("remoteActionAudit has all 10 properties, managedDeviceId from 001 included", () => {
    const t = type("remoteActionAudit");
    expect(t.kind).toBe("entity");
    expect(t.apiVersion).toBe("beta");
    expect(t.properties.map((p) => p.name)).toEqual([
      "id",
      "deviceDisplayName",
      "userName",
      "initiatedByUserPrincipalName",
      "action",
      "requestDateTime",
      "deviceOwnerUserPrincipalName",
      "deviceIMEI",
      "actionState",
      "managedDeviceId",
    ]);
    expect(t.properties.find((p) => p.name === "managedDeviceId")?.source.file).toBe("docs-input/001_0e8a363102d616c0.txt");
    expect(t.properties.find((p) => p.name === "userName")?.deprecated).toBe(true);
    expect(t.properties.find((p) => p.name === "requestDateTime")?.type).toBe("DateTimeOffset");
  });

  it("the named enum remoteAction wins over String + possible values, with 001's 39 values in order", () => {
    const action = type("remoteActionAudit").properties.find((p) => p.name === "action");
    expect(action?.type).toBe("remoteAction");
    expect(action?.enumValues).toBeUndefined();
    const remoteAction = type("remoteAction");
    expect(remoteAction.kind).toBe("enum");
    expect(remoteAction.members).toHaveLength(39);
    expect(remoteAction.members?.slice(0, 3)).toEqual(["unknown", "factoryReset", "removeCompanyData"]);
    expect(remoteAction.members?.slice(-3)).toEqual(["initiateDeviceAttestation", "changeAssignments", "delete"]);
  });

  it("actionState is an enum of 7", () => {
    expect(type("actionState").members).toEqual(["none", "pending", "canceled", "active", "done", "failed", "notSupported"]);
  });

  it("securityAction has 15 properties and status values NotStarted, Running, Completed, Failed", () => {
    const t = type("securityAction");
    expect(t.properties).toHaveLength(15);
    const status = t.properties.find((p) => p.name === "status");
    expect(status?.type).toBe("String");
    expect(status?.enumValues).toEqual(["NotStarted", "Running", "Completed", "Failed"]);
    expect(t.properties.find((p) => p.name === "parameters")).toMatchObject({ type: "keyValuePair", collection: true });
  });

  it("deviceComplianceDeviceStatus has 9 properties, platform Int32", () => {
    const t = type("deviceComplianceDeviceStatus");
    expect(t.properties).toHaveLength(9);
    expect(t.properties.find((p) => p.name === "platform")?.type).toBe("Int32");
  });

  it("undocumented linked types are inferred from the example payloads", () => {
    const resultInfo = type("ResultInfo");
    expect(resultInfo.inferred).toBe(true);
    expect(resultInfo.properties.map((p) => [p.name, p.type])).toEqual([
      ["code", "Int32"],
      ["subcode", "Int32"],
      ["message", "String"],
    ]);
    expect(type("securityActionState").properties.map((p) => p.name)).toEqual(["status", "updatedDateTime", "user"]);
    expect(type("keyValuePair").inferred).toBe(true);
  });
});

describe("seed model: operations", () => {
  const op = (id: string) => model.operations.find((o) => o.id === id);

  it("create (POST, 201) and update (PATCH, 200) of remoteActionAudit", () => {
    expect(op("createRemoteActionAudit")).toMatchObject({ method: "POST", successStatus: 201, paths: ["/deviceManagement/remoteActionAudits"], requestType: "remoteActionAudit", responseType: "remoteActionAudit" });
    expect(op("updateRemoteActionAudit")).toMatchObject({ method: "PATCH", successStatus: 200, pathParams: [{ name: "remoteActionAuditId", type: "String" }] });
  });

  it("000 and 001 both document Update remoteActionAudit: one operation with both examples and the union of permissions", () => {
    const update = op("updateRemoteActionAudit");
    expect(model.operations.filter((o) => o.method === "PATCH" && o.paths[0] === "/deviceManagement/remoteActionAudits/{remoteActionAuditId}")).toHaveLength(1);
    expect(update?.sources.map((s) => s.file)).toEqual(["docs-input/000_6cd93ee16ac3ac1c.txt", "docs-input/001_0e8a363102d616c0.txt"]);
    expect(update?.examples).toHaveLength(2);
    expect(update?.permissions?.entries.find((e) => e.kind === "application")?.scopes).toEqual([
      "DeviceManagementConfiguration.ReadWrite.All",
      "DeviceManagementManagedDevices.ReadWrite.All",
    ]);
  });

  it("update of securityAction, and of deviceComplianceDeviceStatus with two path parameters", () => {
    expect(op("updateSecurityAction")).toMatchObject({ method: "PATCH", successStatus: 200, apiVersion: null });
    expect(op("updateDeviceComplianceDeviceStatus")?.pathParams.map((p) => p.name)).toEqual(["deviceCompliancePolicyId", "deviceComplianceDeviceStatusId"]);
    expect(op("updateDeviceComplianceDeviceStatus")?.permissions?.entries).toMatchObject([{ kind: "unspecified", scopes: ["DeviceManagementConfiguration.ReadWrite.All"] }]);
  });

  it("examples keep method, URL, headers, bodies and the truncated annotation", () => {
    const example = op("updateSecurityAction")?.examples[0];
    expect(example?.request).toMatchObject({ method: "PATCH", headers: { "Content-type": "application/json" }, source: { line: 75 } });
    expect(example?.response).toMatchObject({ status: 200, statusText: "OK", truncated: true, source: { line: 128 } });
  });
});

describe("seed model: diagnostics", () => {
  const at = (code: string) => model.diagnostics.filter((d) => d.code === code).map((d) => `${d.file.slice(11, 14)}:${d.line}:${d.column} ${d.severity}`);

  it("example body contradicting its own table (003 status \"String\")", () => {
    expect(at("example-value-mismatch")).toEqual(["003:108:13 error", "003:163:13 error"]);
  });

  it("malformed example URL (003 docs\\api)", () => {
    expect(at("example-url-malformed")).toEqual(["003:75:7 error"]);
  });

  it("types referenced but not documented (003)", () => {
    expect(at("type-undocumented")).toEqual(["003:51:12 warning", "003:54:13 warning", "003:55:9 warning", "003:58:20 warning"]);
    expect(model.diagnostics.find((d) => d.code === "type-undocumented" && d.line === 51)?.message).toContain("ResultInfo");
    expect(at("type-inferred")).toHaveLength(4);
  });

  it("enum lists that disagree between pages (000 vs 001)", () => {
    expect(at("enum-values-disagree")).toEqual(["001:45:1 warning"]);
    expect(model.diagnostics.find((d) => d.code === "enum-values-disagree")?.message).toContain("adds 27 values");
  });

  it("placeholder permissions (003 TODO)", () => {
    expect(at("permissions-placeholder")).toEqual(["003:19:37 warning", "003:21:14 warning"]);
  });

  it("every diagnostic has a severity, a code, a message and a position", () => {
    for (const d of model.diagnostics) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
      expect(["error", "warning", "info"]).toContain(d.severity);
    }
  });
});

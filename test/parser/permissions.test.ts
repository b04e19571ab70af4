import { describe, expect, it } from "vitest";
import type { Diagnostic, PermissionsModel } from "../../src/model/types.js";
import { parseDocument } from "../../src/parser/index.js";

const FILE = "api/thing-get.md";
/** An operation page whose section lines start at line 3 (after "# Get thing" and a blank line). */
const page = (...section: string[]) =>
  parseDocument(FILE, ["# Get thing", "", ...section, "", "## HTTP request", "", "```http", "GET /things/{id}", "```", ""].join("\n"));
const at = (line: number, column: number) => ({ file: FILE, line, column });
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

describe("permissions table", () => {
  type Case = [name: string, { given: string[]; want: PermissionsModel }];
  const cases: Case[] = [
    [
      "least to most privileged: scopes kept in order",
      {
        given: [
          "## Permissions", //                                                                       3
          "", //                                                                                     4
          "|Permission type|Permissions (from least to most privileged)|", //                         5
          "|:---|:---|", //                                                                          6
          "|Delegated (work or school account)|User.Read, User.ReadWrite.All|", //                  7
          "|Delegated (personal Microsoft account)|Not supported.|", //                              8
          "|Application|User.Read.All|", //                                                          9
        ],
        want: {
          declaredOrder: "leastToMost",
          entries: [
            { kind: "delegatedWork", scopes: ["User.Read", "User.ReadWrite.All"], supported: true, source: at(7, 37) },
            { kind: "delegatedPersonal", scopes: [], supported: false, source: at(8, 41) },
            { kind: "application", scopes: ["User.Read.All"], supported: true, source: at(9, 14) },
          ],
        },
      },
    ],
    [
      "most to least privileged: scopes reversed into least → most",
      {
        given: [
          "## Permissions",
          "",
          "|Permission type|Permissions (from most to least privileged)|",
          "|:---|:---|",
          "|Delegated (work or school account)|Directory.ReadWrite.All, User.ReadWrite.All, User.Read|",
          "|Delegated (personal Microsoft account)|Not supported.|",
          "|Application|`Directory.Read.All`; `User.Read.All`|",
        ],
        want: {
          declaredOrder: "mostToLeast",
          entries: [
            { kind: "delegatedWork", scopes: ["User.Read", "User.ReadWrite.All", "Directory.ReadWrite.All"], supported: true, source: at(7, 37) },
            { kind: "delegatedPersonal", scopes: [], supported: false, source: at(8, 41) },
            { kind: "application", scopes: ["User.Read.All", "Directory.Read.All"], supported: true, source: at(9, 14) },
          ],
        },
      },
    ],
    [
      "no declared order; 'Not applicable' is unsupported; words that are not scopes are dropped",
      {
        given: [
          "## Permissions",
          "",
          "|Permission type|Permissions|",
          "|---|---|",
          "|Delegated (work or school account)|User.Read and Mail.Read.|",
          "|Application|Not applicable|",
        ],
        want: {
          declaredOrder: null,
          entries: [
            { kind: "delegatedWork", scopes: ["User.Read", "Mail.Read"], supported: true, source: at(7, 37) },
            { kind: "application", scopes: [], supported: false, source: at(8, 14) },
          ],
        },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const result = page(...given);
    expect(result.operations[0]?.permissions).toEqual(want);
    expect(result.diagnostics).toEqual([]);
  });

  it("reports TODO placeholders at the cell's line:column and keeps the kind as supported with no scopes", () => {
    const result = page(
      "## Permissions", //                                                   3
      "", //                                                                 4
      "|Permission type|Permissions (from most to least privileged)|", //     5
      "|:---|:---|", //                                                      6
      "|Delegated (work or school account)|**TODO: Determine scopes **|", // 7
      "|Delegated (personal Microsoft account)|Not supported.|", //          8
      "|Application|**TODO: Determine AppOnly scopes**|", //                 9
    );
    expect(result.operations[0]?.permissions).toEqual({
      declaredOrder: "mostToLeast",
      entries: [
        { kind: "delegatedWork", scopes: [], supported: true, source: at(7, 37) },
        { kind: "delegatedPersonal", scopes: [], supported: false, source: at(8, 41) },
        { kind: "application", scopes: [], supported: true, source: at(9, 14) },
      ],
    });
    expect(result.diagnostics).toEqual([
      {
        severity: "warning",
        code: "permissions-placeholder",
        message: 'Permissions for "Delegated (work or school account)" are a placeholder ("**TODO: Determine scopes **"); list the real scopes or "Not supported."',
        ...at(7, 37),
      },
      {
        severity: "warning",
        code: "permissions-placeholder",
        message: 'Permissions for "Application" are a placeholder ("TODO: Determine AppOnly scopes"); list the real scopes or "Not supported."',
        ...at(9, 14),
      },
    ]);
  });

  it.each([["TBD"], ["Determine scopes"], ["todo"]])("treats %j as a placeholder", (cellText) => {
    const result = page("## Permissions", "", "|Permission type|Permissions|", "|---|---|", `|Application|${cellText}|`);
    expect(codes(result.diagnostics)).toEqual(["permissions-placeholder"]);
    expect(result.operations[0]?.permissions?.entries).toEqual([{ kind: "application", scopes: [], supported: true, source: at(7, 14) }]);
  });

  it("ignores a section without a 'Permission type' table", () => {
    const result = page("## Permissions", "", "Anyone can call this API.");
    expect(result.operations[0]?.permissions).toBeUndefined();
    expect(result.operations[0]).not.toHaveProperty("permissions");
  });
});

describe("## Prerequisites", () => {
  it("reads italic scopes as entries of unspecified kind, at the paragraph", () => {
    const result = page(
      "## Prerequisites", //                                                                            3
      "One of the following [permission scopes](https://example.com/scopes) is required to execute this API:", // 4
      "", //                                                                                            5
      "*DeviceManagementConfiguration.ReadWrite.All*", //                                               6
      "", //                                                                                            7
      "*DeviceManagementManagedDevices.ReadWrite.All*, *or an admin role*", //                               8
    );
    expect(result.operations[0]?.permissions).toEqual({
      declaredOrder: null,
      entries: [
        { kind: "unspecified", scopes: ["DeviceManagementConfiguration.ReadWrite.All"], supported: true, source: at(6, 1) },
        { kind: "unspecified", scopes: ["DeviceManagementManagedDevices.ReadWrite.All"], supported: true, source: at(8, 1) },
      ],
    });
    expect(result.diagnostics).toEqual([]);
  });

  it("uses a permissions table inside Prerequisites when there is one", () => {
    const result = page("## Prerequisites", "", "|Permission type|Permissions (from least to most privileged)|", "|---|---|", "|Application|User.Read.All|");
    expect(result.operations[0]?.permissions).toEqual({
      declaredOrder: "leastToMost",
      entries: [{ kind: "application", scopes: ["User.Read.All"], supported: true, source: at(7, 14) }],
    });
  });

  it("prefers ## Permissions over ## Prerequisites", () => {
    const result = page(
      "## Prerequisites",
      "*Other.Scope.All*",
      "",
      "## Permissions",
      "",
      "|Permission type|Permissions|",
      "|---|---|",
      "|Application|User.Read.All|",
    );
    expect(result.operations[0]?.permissions?.entries.map((e) => [e.kind, e.scopes])).toEqual([["application", ["User.Read.All"]]]);
  });

  it("gives no permissions when no italic text is a scope", () => {
    const result = page("## Prerequisites", "You need *an admin* account.");
    expect(result.operations[0]).not.toHaveProperty("permissions");
  });
});

import { describe, expect, it } from "vitest";
import type { TypeReference } from "../../src/model/page.js";
import { parseDocument } from "../../src/parser/index.js";

const FILE = "api/thing.md";
/** The Response paragraph is line 9. */
const page = (sentence: string) =>
  parseDocument(FILE, ["# Do thing", "", "## HTTP request", "", "```http", "POST /things", "```", "## Response", sentence, ""].join("\n"));

interface Want {
  successStatus: number | null;
  responseType?: string;
  responseCollection: boolean;
  typeRefs: TypeReference[];
}
const ref = (name: string, line: number, column: number): TypeReference => ({ name, source: { file: FILE, line, column } });

describe("Response section", () => {
  type Case = [name: string, { given: string; want: Want }];
  const cases: Case[] = [
    [
      "a qualified name is the type's short name; a collection's trailing period is the sentence's",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of [microsoft.graph.ediscovery.case](../resources/ediscovery-case.md) objects in the response body.",
        want: { successStatus: 200, responseType: "case", responseCollection: true, typeRefs: [ref("case", 9, 81)] },
      },
    ],
    [
      "a collection of plain names called objects; the sentence's period is not the name's",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of recentNotebook objects.",
        want: { successStatus: 200, responseType: "recentNotebook", responseCollection: true, typeRefs: [ref("recentNotebook", 9, 1)] },
      },
    ],
    [
      "a bold name is marked as one",
      {
        given: "A successful response returns a `200 OK` that contains a JSON collection of **recentNotebooks**.",
        want: { successStatus: 200, responseType: "recentNotebooks", responseCollection: true, typeRefs: [ref("recentNotebooks", 9, 1)] },
      },
    ],
    [
      "a collection of the [x] objects: the article is not the name",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of the [approvalStep](../resources/approvalstep.md) objects in the response body.",
        want: { successStatus: 200, responseType: "approvalStep", responseCollection: true, typeRefs: [ref("approvalStep", 9, 85)] },
      },
    ],
    [
      "a collection of a primitive",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of DateTimeOffset in the response body.",
        want: { successStatus: 200, responseType: "DateTimeOffset", responseCollection: true, typeRefs: [ref("DateTimeOffset", 9, 1)] },
      },
    ],
    [
      "a single bold primitive is no body type (OData wraps it in value)",
      {
        given: "If successful, this function returns a `200 OK` response code and a **String** in the response body.",
        want: { successStatus: 200, responseCollection: false, typeRefs: [] },
      },
    ],
    [
      "a collection of one [x] object",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of one [organization](../resources/organization.md) object in the response body.",
        want: { successStatus: 200, responseType: "organization", responseCollection: true, typeRefs: [ref("organization", 9, 85)] },
      },
    ],
    [
      "words are no type: 'a collection of changes to be applied', 'the response object includes'",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of changes to be applied to objects in the response body.",
        want: { successStatus: 200, responseCollection: false, typeRefs: [] },
      },
    ],
    [
      "the response object is the sentence's noun",
      {
        given: "Successful requests return `200 OK` response codes; the response object includes [directory (deleted items)](../resources/directory.md) properties.",
        want: { successStatus: 200, responseCollection: false, typeRefs: [] },
      },
    ],
    [
      "200 OK and an updated linked object",
      {
        given: "If successful, this method returns a `200 OK` response code and an updated [remoteActionAudit](../resources/x.md) object in the response body.",
        want: { successStatus: 200, responseType: "remoteActionAudit", responseCollection: false, typeRefs: [ref("remoteActionAudit", 9, 76)] },
      },
    ],
    [
      "201 Created and a new object",
      {
        given: "If successful, this method returns a `201 Created` response code and a new [securityAction](../resources/securityaction.md) object in the response body.",
        want: { successStatus: 201, responseType: "securityAction", responseCollection: false, typeRefs: [ref("securityAction", 9, 76)] },
      },
    ],
    [
      "an unlinked type is referenced at the paragraph",
      {
        given: "If successful, this method returns a 201 Created response code and a remoteActionAudit object in the response body.",
        want: { successStatus: 201, responseType: "remoteActionAudit", responseCollection: false, typeRefs: [ref("remoteActionAudit", 9, 1)] },
      },
    ],
    [
      "collection of [x] objects",
      {
        given: "If successful, this method returns a `200 OK` response code and a collection of [event](../resources/event.md) objects in the response body.",
        want: { successStatus: 200, responseType: "event", responseCollection: true, typeRefs: [ref("event", 9, 81)] },
      },
    ],
    [
      "collection of backticked type",
      {
        given: "If successful, this method returns a `200 OK` response code and collection of `user` objects in the response body.",
        want: { successStatus: 200, responseType: "user", responseCollection: true, typeRefs: [ref("user", 9, 1)] },
      },
    ],
    [
      "204 No Content: no type",
      {
        given: "If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.",
        want: { successStatus: 204, responseCollection: false, typeRefs: [] },
      },
    ],
    [
      "204 even when an object is named",
      {
        given: "If successful, this method returns `204 No Content` and the [user](user.md) object is not returned.",
        want: { successStatus: 204, responseCollection: false, typeRefs: [] },
      },
    ],
    [
      "status but no object phrase",
      {
        given: "If successful, this method returns a `202 Accepted` response code.",
        want: { successStatus: 202, responseCollection: false, typeRefs: [] },
      },
    ],
    [
      "no status",
      {
        given: "If successful, this method returns the updated object.",
        want: { successStatus: null, responseCollection: false, typeRefs: [] },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const result = page(given);
    const operation = result.operations[0];
    const { typeRefs, ...fields } = want;
    expect({ successStatus: operation?.successStatus, responseType: operation?.responseType, responseCollection: operation?.responseCollection }).toEqual({
      responseType: undefined,
      ...fields,
    });
    if (!("responseType" in fields)) expect(operation).not.toHaveProperty("responseType");
    expect(result.typeRefs).toEqual(typeRefs);
  });

  it("takes the first paragraph that has a status", () => {
    const result = parseDocument(
      FILE,
      [
        "# Do thing", "", "## HTTP request", "```http", "GET /things", "```", "## Response",
        "Some words first.", "",
        "If successful, this method returns a `200 OK` response code and a [thing](thing.md) object.", "",
        "Otherwise it returns a `404 Not Found` response code and an [error](error.md) object.",
      ].join("\n"),
    );
    expect(result.operations[0]).toMatchObject({ successStatus: 200, responseType: "thing", responseCollection: false });
  });

  it("has no status without a Response section", () => {
    const result = parseDocument(FILE, ["# Do thing", "", "## HTTP request", "```http", "DELETE /things/{id}", "```"].join("\n"));
    expect(result.operations[0]).toMatchObject({ successStatus: null, responseCollection: false });
    expect(result.operations[0]).not.toHaveProperty("responseType");
  });
});

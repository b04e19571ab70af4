/** Response sentences without an article or without the noun (found by the corpus replay: 805 response examples had no validator). */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

const page = (sentence: string) => parseDocument("api/thing.md", ["# Do thing", "", "## HTTP request", "", "```http", "POST /things", "```", "## Response", sentence, ""].join("\n"));
const response = (sentence: string) => {
  const op = page(sentence).operations[0];
  return [op?.successStatus, op?.responseType, op?.responseCollection];
};

describe("Response section: lenient phrasing", () => {
  it.each([
    ["If successful, this method returns `201 Created` response code and [attachment](../resources/attachment.md) object in the response body.", [201, "attachment", false]],
    ["If successful, this method returns a `200 OK` response code and [deviceManagementScriptUserState](../resources/x.md) object in the response body.", [200, "deviceManagementScriptUserState", false]],
    ["If successful, this action returns a `200 OK` response code and a [appLogCollectionDownloadDetails](../resources/x.md) in the response body.", [200, "appLogCollectionDownloadDetails", false]],
    ["If successful, this method returns `204 No Content` response code and [attachment](../resources/attachment.md) object in the response body.", [204, undefined, false]],
    ["If successful, this method returns a `200 OK` response code and the details in the response body.", [200, undefined, false]],
  ])("%s", (sentence, want) => expect(response(sentence)).toEqual(want));
});

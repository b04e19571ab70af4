/**
 * The Response section's sentence: "If successful, this method returns a `200 OK` response code
 * and an updated [remoteActionAudit](…) object in the response body." → status 200, type, collection.
 */
import type { PageContext } from "../context.js";
import type { Block } from "../outline.js";
import { isPrimitive } from "../../model/primitives.js";
import { writtenTypeName } from "./inheritance.js";

export interface ResponseInfo {
  successStatus: number | null;
  responseType?: string;
  responseCollection: boolean;
}

const STATUS = /\b([1-5]\d\d)\s+[A-Za-z]/;
// The article is often left out ("response code and [attachment] object"), and Intune pages drop the
// noun after a linked type ("and a [appLogCollectionDownloadDetails](…) in the response body").
// The type name is never an article ("and an Object object": the name is Object, not "an").
const OBJECT_PHRASE = /\b(?:an?|the|and)\s+(?:updated\s+|new\s+|created\s+)?(?!(?:an?|the)\s)(?:(?:\[)?`?([A-Za-z][\w.]*)`?(?:\])?\s+(?:object|resource|entity)\b|(?:\[)?([A-Za-z][\w.]*)(?:\])?\s+in the response body)/i;
// "a collection of the [approvalStep](…) objects", "a collection of one [organization](…) object": the article is not the name.
const COLLECTION_PHRASE = /\bcollection of\s+(?:(?:the|one)\s+)?(?:\[)?`?([A-Za-z][\w.]*)`?(?:\])?(?:\([^)]*\))?(\s+(?:objects?|resources?|entit(?:y|ies))\b)?/i;
// The sentence's own nouns ("the response object includes [directory] properties", "a JSON object").
const NOT_A_TYPE = /^(?:response|request|json|result|body)$/i;

export function parseResponseSection(blocks: readonly Block[], ctx: PageContext): ResponseInfo {
  const info: ResponseInfo = { successStatus: null, responseCollection: false };
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const status = STATUS.exec(block.text);
    if (!status?.[1]) continue;
    info.successStatus = Number(status[1]);
    const afterStatus = block.text.slice(status.index);
    const collection = COLLECTION_PHRASE.exec(afterStatus);
    const object = collection === null ? OBJECT_PHRASE.exec(afterStatus) : null;
    const raw = collection !== null ? collection[1] : (object?.[1] ?? object?.[2]);
    if (raw === undefined) break;
    const { written, link: linked, name } = writtenTypeName(block, raw);
    // Without the noun ("… a [x] in the response body", "a collection of changes to be applied") only
    // a linked or marked name counts; with it, any name but the sentence's own nouns.
    const named = collection !== null ? collection[2] !== undefined : object?.[1] !== undefined;
    // A name the writer marked (bold: "a JSON collection of **recentNotebooks**") is one too, and so
    // is a primitive's in a collection ("a collection of DateTimeOffset in the response body"). A
    // single primitive ("a **String** in the response body") is not the body: OData wraps it,
    // `{ "value": "…" }`, so such a response stays untyped JSON.
    const primitive = isPrimitive(written);
    const bold = block.emphasis.some((text) => text.replace(/[`*]/g, "").trim() === written);
    const marked = linked !== undefined || (bold && !(primitive && collection === null)) || (primitive && collection !== null);
    if (name && (marked || (named && !NOT_A_TYPE.test(name))) && info.successStatus !== 204) {
      info.responseType = name;
      info.responseCollection = collection !== null;
      ctx.referenceType(name, linked?.pos ?? block.pos);
    }
    break;
  }
  return info;
}

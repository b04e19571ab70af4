/**
 * The Response section's sentence: "If successful, this method returns a `200 OK` response code
 * and an updated [remoteActionAudit](…) object in the response body." → status 200, type, collection.
 */
import type { PageContext } from "../context.js";
import type { Block } from "../outline.js";

export interface ResponseInfo {
  successStatus: number | null;
  responseType?: string;
  responseCollection: boolean;
}

const STATUS = /\b([1-5]\d\d)\s+[A-Za-z]/;
const OBJECT_PHRASE = /\b(?:an?|the)\s+(?:updated\s+|new\s+|created\s+)?(?:\[)?`?([A-Za-z][\w.]*)`?(?:\])?\s+(?:object|resource|entity)\b/i;
const COLLECTION_PHRASE = /\bcollection of\s+(?:\[)?`?([A-Za-z][\w.]*)`?(?:\])?/i;

export function parseResponseSection(blocks: readonly Block[], ctx: PageContext): ResponseInfo {
  const info: ResponseInfo = { successStatus: null, responseCollection: false };
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const status = STATUS.exec(block.text);
    if (!status?.[1]) continue;
    info.successStatus = Number(status[1]);
    const afterStatus = block.text.slice(status.index);
    const collection = COLLECTION_PHRASE.exec(afterStatus);
    const object = collection ?? OBJECT_PHRASE.exec(afterStatus);
    const linked = block.links.find((link) => object?.[1] !== undefined && link.text === object[1]);
    if (object?.[1] && info.successStatus !== 204) {
      info.responseType = object[1];
      info.responseCollection = collection !== null;
      ctx.referenceType(object[1], linked?.pos ?? block.pos);
    }
    break;
  }
  return info;
}

import { describe, expect, it } from "vitest";
import type { InlineText } from "../../src/parser/outline.js";
import { parseTypeCell, type ParsedType } from "../../src/parser/sections/type-cell.js";

const pos = { line: 7, column: 12 };
/** A type cell as the markdown front end builds it: text with inline code in backticks, link text without. */
const plain = (text: string): InlineText => ({ text, links: [], emphasis: [], pos });
const linked = (text: string, linkText: string, url = `../resources/${linkText}.md`): InlineText => ({
  text,
  links: [{ text: linkText, url, pos: { line: 7, column: 13 } }],
  emphasis: [],
  pos,
});

const primitive = (type: string, collection = false, enumeration = false): ParsedType => ({ type, collection, enumeration, reference: false });
const reference = (type: string, collection = false): ParsedType => ({ type, collection, enumeration: false, reference: true });

describe("parseTypeCell", () => {
  type Case = [name: string, { given: InlineText; want: ParsedType | null }];
  const cases: Case[] = [
    ["String", { given: plain("String"), want: primitive("String") }],
    ["lower-case string", { given: plain("string"), want: primitive("String") }],
    ["Edm.Int32", { given: plain("Edm.Int32"), want: primitive("Int32") }],
    ["GUID", { given: plain("GUID"), want: primitive("Guid") }],
    ["DateTimeOffset", { given: plain("DateTimeOffset"), want: primitive("DateTimeOffset") }],
    ["Boolean", { given: plain("Boolean"), want: primitive("Boolean") }],
    ["Enumeration is a String with listed values", { given: plain("Enumeration"), want: primitive("String", false, true) }],
    ["`String` in backticks", { given: plain("`String`"), want: primitive("String") }],
    ["String (timestamp)", { given: plain("string (timestamp)"), want: primitive("String") }],
    ["alias int", { given: plain("int"), want: primitive("Int32") }],
    ["a note before the type", { given: plain("(Optional) String"), want: primitive("String") }],
    ["a union in prose is no type", { given: plain("(boolean or string or number) collection"), want: null }],
    ["Intune's unknown type: untyped", { given: plain("** Unknown Type microsoft.management.services.x.operation ** collection"), want: primitive("Json", true) }],
    ["alias numeric (Dynamics' decimal amounts)", { given: plain("numeric"), want: primitive("Decimal") }],
    ["alias Url", { given: plain("Url"), want: primitive("String") }],
    ["alias uri collection", { given: plain("uri collection"), want: primitive("String", true) }],
    ["a trailing comma after the type", { given: plain("string, read-only"), want: primitive("String") }],
    ["an undefined reference-style link [x][]", { given: plain("[fieldValueSet][]"), want: reference("fieldValueSet") }],
    ["Collection of an undefined reference link", { given: plain("Collection([drive][])"), want: reference("drive", true) }],
    ["a reference link with a label [x][ref]", { given: plain("[itemBody][body] collection"), want: reference("itemBody", true) }],
    ["link", { given: linked("remoteAction", "remoteAction"), want: reference("remoteAction") }],
    ["link with backticked text", { given: linked("`keyValuePair`", "keyValuePair"), want: reference("keyValuePair") }],
    ["link + collection", { given: linked("keyValuePair collection", "keyValuePair"), want: reference("keyValuePair", true) }],
    ["link + Collection (capitalised)", { given: linked("directoryObject Collection", "directoryObject"), want: reference("directoryObject", true) }],
    ["Collection([x](x.md))", { given: linked("Collection(securityActionState)", "securityActionState"), want: reference("securityActionState", true) }],
    ["Collection of [x]", { given: linked("Collection of user", "user"), want: reference("user", true) }],
    ["String collection", { given: plain("String collection"), want: primitive("String", true) }],
    ["Collection(String)", { given: plain("Collection(String)"), want: primitive("String", true) }],
    ["Collection(Edm.Guid)", { given: plain("Collection(Edm.Guid)"), want: primitive("Guid", true) }],
    ["microsoft.graph.callRecords.session", { given: plain("microsoft.graph.callRecords.session"), want: reference("session") }],
    ["microsoft.graph.user", { given: plain("microsoft.graph.user"), want: reference("user") }],
    ["Collection(microsoft.graph.keyValuePair)", { given: plain("Collection(microsoft.graph.keyValuePair)"), want: reference("keyValuePair", true) }],
    ["unlinked type name", { given: plain("securityVendorInformation"), want: reference("securityVendorInformation") }],
    ["empty", { given: plain(""), want: null }],
    ["only whitespace and backticks", { given: plain(" `` "), want: null }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(parseTypeCell(given)).toEqual(want);
  });
});

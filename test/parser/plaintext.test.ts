import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import type { Block, CodeBlock, HeadingBlock, ParagraphBlock, TableBlock } from "../../src/parser/outline.js";
import { looksLikePlainText, plainTextToOutline } from "../../src/parser/plaintext.js";

const readInput = (name: string): string => readFileSync(new URL(`../../docs-input/${name}`, import.meta.url), "utf8");

const outline = (text: string) => plainTextToOutline("page.txt", text);
const headings = (blocks: Block[]) => blocks.filter((b): b is HeadingBlock => b.kind === "heading");
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === "table");
const codes = (blocks: Block[]) => blocks.filter((b): b is CodeBlock => b.kind === "code");
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.kind === "paragraph");
/** Cell texts of a table, for compact assertions. */
const texts = (table: TableBlock) => [table.header.map((c) => c.text), ...table.rows.map((r) => r.map((c) => c.text))];

describe("looksLikePlainText", () => {
  it("is true for text without markdown signals, also with a BOM", () => {
    expect(looksLikePlainText("Get user\n\nPermissions\n\nGET /users/{id}")).toBe(true);
    expect(looksLikePlainText("\uFEFFGet user\r\nSome text [deprecated] and #hash")).toBe(true);
  });

  it("is false for each markdown signal and for empty text", () => {
    const markdown = [
      "Title\n# Heading",
      "Title\n   ### Heading",
      "Title\n|a|b|",
      "Title\n  | a | b |",
      "Title\n```http\nGET /x\n```",
      "Title\n~~~\ncode\n~~~",
      "---\ntitle: x\n---\nBody",
      "\uFEFF---\ntitle: x\n---",
      "Title\n<!-- { \"blockType\": \"request\" } -->",
      "See [user](user.md).",
    ];
    for (const text of markdown) expect(looksLikePlainText(text), text).toBe(false);
    expect(looksLikePlainText("")).toBe(false);
    expect(looksLikePlainText("\n  \n\t\n")).toBe(false);
    expect(looksLikePlainText("\uFEFF")).toBe(false);
  });

  it("tells the docs-input files apart", () => {
    expect(looksLikePlainText(readInput("001_0e8a363102d616c0.txt"))).toBe(true);
    for (const name of ["000_6cd93ee16ac3ac1c.txt", "002_823de28e2182d9d2.txt", "003_6135de15af08706f.txt", "004_c3d237070740f251.txt"]) {
      expect(looksLikePlainText(readInput(name)), name).toBe(false);
    }
  });
});

describe("plainTextToOutline", () => {
  it("returns a plaintext outline without front matter", () => {
    const result = plainTextToOutline("a/b.txt", "Title");
    expect(result).toMatchObject({ file: "a/b.txt", format: "plaintext", frontMatter: null, frontMatterPos: null });
  });

  it("makes the first non-blank line the depth-1 title", () => {
    const { blocks } = outline("\n   \n  Get user\nPermissions");
    expect(blocks[0]).toEqual({ kind: "heading", depth: 1, text: "Get user", pos: { line: 3, column: 3 } });
    // Even a known section name is the title when it comes first.
    expect(outline("Permissions\n\nText").blocks[0]).toMatchObject({ kind: "heading", depth: 1 });
  });

  it("makes section names depth 2 and Request/Response after Example depth 3", () => {
    const text = [
      "Create user", "", "permissions", "", "HTTP Request", "", "Request  body", "", "Response", "",
      "Example", "", "Request", "", "Response", "", "Example 2: Create a group", "Request", "",
      "Properties", "", "Response", "", "Examples", "", "Response",
    ].join("\n");
    const found = headings(outline(text).blocks).map((h) => [h.depth, h.text, h.pos.line]);
    expect(found).toEqual([
      [1, "Create user", 1],
      [2, "permissions", 3],
      [2, "HTTP Request", 5],
      [2, "Request  body", 7],
      [2, "Response", 9],
      [2, "Example", 11],
      [3, "Request", 13],
      [3, "Response", 15],
      [2, "Example 2: Create a group", 17],
      [3, "Request", 18],
      [2, "Properties", 20],
      [2, "Response", 22], // a later section ends the examples
      [2, "Examples", 24],
      [3, "Response", 26],
    ]);
    // A line that merely contains a section name is a paragraph.
    expect(paragraphs(outline("T\n\nSee Permissions.").blocks)[0].text).toBe("See Permissions.");
  });

  it("splits permission tables by the longest known permission type", () => {
    const text = [
      "T",
      "Permission type Permissions (from least to most privileged)",
      "Delegated (work or school account) User.Read, User.ReadWrite",
      "Delegated (personal Microsoft account) Not supported.",
      "Application User.Read.All",
      "Other",
    ].join("\n");
    const [table] = tables(outline(text).blocks);
    expect(texts(table)).toEqual([
      ["Permission type", "Permissions (from least to most privileged)"],
      ["Delegated (work or school account)", "User.Read, User.ReadWrite"],
      ["Delegated (personal Microsoft account)", "Not supported."],
      ["Application", "User.Read.All"],
      ["Other", ""],
    ]);
    expect(table.pos).toEqual({ line: 2, column: 1 });
    expect(table.header[1].pos).toEqual({ line: 2, column: 17 });
    expect(table.rows[0][1].pos).toEqual({ line: 3, column: 36 });
    expect(table.rows[2][1].pos).toEqual({ line: 5, column: 13 });
    const mostToLeast = tables(outline("T\nPermission type Permissions (from most to least privileged)\nApplication X").blocks);
    expect(mostToLeast[0].header[1].text).toBe("Permissions (from most to least privileged)");
  });

  it("splits name/type/description tables, with collection types and empty descriptions", () => {
    const text = [
      "T",
      "  Property Type Description",
      "id String The id.",
      "tags String collection Tags of the item.",
      "owner user",
      "",
      "Relationship Type Description",
      "members directoryObject Collection Members.",
    ].join("\n");
    const [properties, relationships] = tables(outline(text).blocks);
    expect(texts(properties)).toEqual([
      ["Property", "Type", "Description"],
      ["id", "String", "The id."],
      ["tags", "String collection", "Tags of the item."],
      ["owner", "user", ""],
    ]);
    expect(properties.pos).toEqual({ line: 2, column: 3 });
    expect(properties.header.map((c) => c.pos.column)).toEqual([3, 12, 17]);
    expect(properties.rows[1].map((c) => c.pos)).toEqual([
      { line: 4, column: 1 },
      { line: 4, column: 6 },
      { line: 4, column: 24 },
    ]);
    expect(properties.rows[2][2].pos).toEqual({ line: 5, column: 11 });
    expect(texts(relationships)[1]).toEqual(["members", "directoryObject Collection", "Members."]);
    for (const header of ["Parameter Type Description", "name type description"]) {
      expect(tables(outline(`T\n${header}\nx Int32 y`).blocks)[0].rows).toHaveLength(1);
    }
  });

  it("splits header/value tables into first token and rest", () => {
    const text = "T\nHeader Value\nAuthorization Bearer {token}. Required.\nAccept application/json\n\nName Value\nPrefer return=minimal";
    const [headers, names] = tables(outline(text).blocks);
    expect(texts(headers)).toEqual([
      ["Header", "Value"],
      ["Authorization", "Bearer {token}. Required."],
      ["Accept", "application/json"],
    ]);
    expect(headers.rows[0][1].pos).toEqual({ line: 3, column: 15 });
    expect(texts(names)[1]).toEqual(["Prefer", "return=minimal"]);
  });

  it("splits member tables, taking the value only when it is an integer", () => {
    const text = "T\nMember Value Description\nnone 0 Nothing.\nall -1\nunknownFutureValue Evolvable sentinel.\n\nMember Description\nred The colour red.";
    const [withValues, withoutValues] = tables(outline(text).blocks);
    expect(texts(withValues)).toEqual([
      ["Member", "Value", "Description"],
      ["none", "0", "Nothing."],
      ["all", "-1", ""],
      ["unknownFutureValue", "", "Evolvable sentinel."],
    ]);
    // The empty value cell sits where the description starts.
    expect(withValues.rows[2][1].pos).toEqual({ line: 5, column: 20 });
    expect(texts(withoutValues)).toEqual([["Member", "Description"], ["red", "The colour red."]]);
  });

  it("ends a table at a blank line or a heading", () => {
    const text = "T\nHeader Value\nAccept application/json\nRequest body\nAfter the table.\n\nHeader Value\nA b\n\nMore text.";
    const { blocks } = outline(text);
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "table", "heading", "paragraph", "table", "paragraph"]);
    expect(tables(blocks).map((t) => t.rows.length)).toEqual([1, 1]);
  });

  it("makes consecutive route lines in the HTTP request section one code block", () => {
    const text = "T\n\nHTTP request\n\nGet a user with one of these:\n  GET /users/{id}\n  GET /me\n\nPOST /users\n\nRequest body\n\nGET /not/a/route";
    const { blocks } = outline(text);
    const [routes, second] = codes(blocks);
    expect(routes).toEqual({
      kind: "code",
      lang: "http",
      value: "  GET /users/{id}\n  GET /me",
      pos: { line: 6, column: 3 },
      contentPos: { line: 6, column: 3 },
    });
    expect(second.value).toBe("POST /users");
    expect(codes(blocks)).toHaveLength(2);
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(["Get a user with one of these:", "GET /not/a/route"]);
  });

  it("reads an example request: request line, headers, blank line, JSON body", () => {
    const text = [
      "T", "Example", "Request", "Here is the request.",
      "POST https://graph.microsoft.com/v1.0/users",
      "Content-type: application/json",
      "",
      "{",
      '  "displayName": "a } \\" [ {",',
      '  "tags": ["x", {"y": 1}]',
      "}",
      "Text after the body.",
    ].join("\n");
    const { blocks } = outline(text);
    const [request] = codes(blocks);
    expect(request.value).toBe(text.split("\n").slice(4, 11).join("\n"));
    expect(request.pos).toEqual({ line: 5, column: 1 });
    expect(request.contentPos).toEqual({ line: 5, column: 1 });
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(["Here is the request.", "Text after the body."]);
    // Prose that starts with a method but has no URL or path is not a request.
    expect(codes(outline("T\nExample\nRequest\nGET requests are cached.").blocks)).toHaveLength(0);
  });

  it("reads an example response from its status line, with or without a body", () => {
    const text = "T\nExamples\nResponse\nHTTP/1.1 204 No Content\n\nNext text.\n\nResponse\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n[1, 2]\n\n";
    const [noBody, withBody] = codes(outline(text).blocks);
    expect(noBody).toMatchObject({ value: "HTTP/1.1 204 No Content", pos: { line: 4, column: 1 } });
    expect(withBody.value).toBe("HTTP/1.1 200 OK\nContent-Type: application/json\n\n[1, 2]");
    // Under Request, a status line is a paragraph; under Response, a request line is.
    const swapped = outline("T\nExample\nRequest\nHTTP/1.1 200 OK\n\nResponse\nGET /me");
    expect(codes(swapped.blocks)).toHaveLength(0);
  });

  it("ends an unbalanced JSON body at the next heading or the end of the text", () => {
    const text = "T\nExample\nResponse\nHTTP/1.1 200 OK\n\n{\n  \"value\": [\n    ...\n\nRequest\nGET /me\n{\n  \"a\": 1";
    const { blocks } = outline(text);
    const [response, request] = codes(blocks);
    expect(response.value).toBe('HTTP/1.1 200 OK\n\n{\n  "value": [\n    ...');
    expect(headings(blocks).map((h) => [h.depth, h.text])).toContainEqual([3, "Request"]);
    expect(request.value).toBe('GET /me\n{\n  "a": 1');
  });

  it("joins each run of non-blank lines into one paragraph", () => {
    const text = "T\n\n  First line\n\tsecond line  \n\nThird.";
    const found = paragraphs(outline(text).blocks);
    expect(found).toEqual([
      { kind: "paragraph", text: "First line second line", links: [], emphasis: [], pos: { line: 3, column: 3 } },
      { kind: "paragraph", text: "Third.", links: [], emphasis: [], pos: { line: 6, column: 1 } },
    ]);
  });

  it("handles CRLF line ends and a BOM", () => {
    const { blocks } = outline("\uFEFFTitle\r\n\r\nHeader Value\r\nAccept json\r\n");
    expect(blocks[0]).toMatchObject({ text: "Title", pos: { line: 1, column: 1 } });
    expect(texts(tables(blocks)[0])).toEqual([["Header", "Value"], ["Accept", "json"]]);
  });

  it("never throws, on odd input or large input", () => {
    const odd = ["", "\n\n   \n", "Permissions", "{", "T\nExample\nRequest\nPOST /x\n{\"a\": \"\\", "\uFEFF", "T\nHeader Value\n", "T\nHTTP request\nGET "];
    for (const text of odd) expect(() => outline(text), JSON.stringify(text)).not.toThrow();
    expect(outline("").blocks).toEqual([]);
    expect(outline("\n \n").blocks).toEqual([]);
    let garbage = "";
    for (let i = 0; i < 2000; i++) garbage += String.fromCharCode((i * 7919) % 128) + (i % 13 === 0 ? "\n" : "");
    expect(() => outline(garbage)).not.toThrow();
    const huge = "T\nExample\nResponse\nHTTP/1.1 200 OK\n{\n" + '"a": [{"b": "}"},\n'.repeat(100_000);
    const started = Date.now();
    expect(codes(outline(huge).blocks)[0].value.split("\n")).toHaveLength(100_002);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reads docs-input/001 (plain-text Update remoteActionAudit)", () => {
    const { blocks } = plainTextToOutline("001.txt", readInput("001_0e8a363102d616c0.txt"));
    expect(blocks[0]).toMatchObject({ kind: "heading", depth: 1, text: "Update remoteActionAudit" });

    const [permissions, , properties] = tables(blocks);
    expect(permissions.rows).toHaveLength(3);
    expect(permissions.rows.map((r) => r[0].text)).toEqual([
      "Delegated (work or school account)",
      "Delegated (personal Microsoft account)",
      "Application",
    ]);
    expect(properties.header.map((c) => c.text)).toEqual(["Property", "Type", "Description"]);
    // Lines 40-50: the header plus 10 rows (id … managedDeviceId), 11 table lines in all.
    expect(properties.rows).toHaveLength(10);
    expect(properties.rows.map((r) => r[0].pos.line)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    const row = (name: string) => properties.rows.find((r) => r[0].text === name);
    expect(row("action")?.[1]).toMatchObject({ text: "remoteAction", pos: { line: 45, column: 8 } });
    expect(row("actionState")?.[1].text).toBe("actionState");

    const [route, request, response] = codes(blocks);
    expect(route).toMatchObject({ value: "PATCH /deviceManagement/remoteActionAudits/{remoteActionAuditId}", pos: { line: 26, column: 1 } });
    expect(request.pos.line).toBe(62);
    expect(request.value.split("\n")).toHaveLength(77 - 62 + 1);
    expect(request.value.endsWith('"managedDeviceId": "Managed Device Id value"\n}')).toBe(true);
    expect(response.pos.line).toBe(83);
    expect(response.value.startsWith("HTTP/1.1 200 OK\n")).toBe(true);
    expect(response.value.split("\n")).toHaveLength(99 - 83 + 1);
    expect(response.value.endsWith("}")).toBe(true);

    expect(headings(blocks).map((h) => `${h.depth} ${h.text}`)).toEqual([
      "1 Update remoteActionAudit",
      "2 Permissions",
      "2 HTTP Request",
      "2 Request headers",
      "2 Request body",
      "2 Response",
      "2 Example",
      "3 Request",
      "3 Response",
    ]);
  });
});

/**
 * fast-check arbitraries for hostile documents: chaotic markdown (for "the parser never throws")
 * and structured pages with hostile names, types, values and text (for "the generated code
 * compiles and the model serialises").
 */
import fc from "fast-check";

/** Characters that have meant trouble somewhere: comment and template syntax, quotes, escapes, markdown, HTML, unicode line breaks. */
const HOSTILE_CHARS = [..."aZq_$09 -.*/`${}\\\"'<>|#()[]!@:,é✓🧨\u2028\u2029\u200b\t\n\r"];
const hostileChar = fc.constantFrom(...HOSTILE_CHARS);
export const hostileText = fc.string({ unit: hostileChar, maxLength: 24 });

const DANGEROUS_NAMES = [
  "__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf", "@odata.type", "foo-bar", "123abc", "a b",
  "delete", "default", "new", "class", "enum", "Date", "Object", "Record", "Error", "Promise", "Array", "String", "JsonValue",
  "ValidationResult", "Client", "createClient", "send", "serviceRoot", "encodePathParam", "T1", "t1", "x", "X", "*/", "${x}",
];
export const hostileName = fc.oneof(fc.constantFrom(...DANGEROUS_NAMES), hostileText.filter((s) => s.trim() !== ""));

const PRIMITIVES = ["String", "Boolean", "Int32", "Int64", "Byte", "Double", "Decimal", "DateTimeOffset", "Date", "TimeOfDay", "Duration", "Guid", "Binary", "Stream", "Json"];

/** One table cell: the text as written, pipes escaped or (sometimes) not. */
const cell = (text: fc.Arbitrary<string>) => text.map((t) => t.replace(/\n/g, " ")).chain((t) => fc.constantFrom(t.replace(/\|/g, "\\|"), t));

function typeCell(typeNames: readonly string[]): fc.Arbitrary<string> {
  const named = typeNames.length > 0 ? [fc.constantFrom(...typeNames).map((n) => `[${n}](${n}.md)`), fc.constantFrom(...typeNames).map((n) => `[${n}](${n}.md) collection`), fc.constantFrom(...typeNames).map((n) => `Collection(${n})`)] : [];
  return fc.oneof(fc.constantFrom(...PRIMITIVES), fc.constantFrom(...PRIMITIVES).map((p) => `${p} collection`), ...named, hostileText);
}

const description = fc.oneof(
  hostileText,
  fc.array(hostileName, { minLength: 1, maxLength: 4 }).map((values) => `Possible values are: ${values.map((v) => `\`${v}\``).join(", ")}.`),
  fc.constantFrom("Not nullable.", "Read-only.", "[deprecated] Old.", "Inherited from [entity](entity.md).", "*/ x /*", "`${process.exit(1)}`", "</script>"),
);

function resourcePage(name: string, typeNames: readonly string[]): fc.Arbitrary<string> {
  const row = fc.tuple(cell(hostileName), cell(typeCell(typeNames)), cell(description)).map(([n, t, d]) => `|${n}|${t}|${d}|`);
  return fc.tuple(hostileText, fc.array(row, { maxLength: 6 })).map(([intro, rows]) =>
    [`# ${name} resource type`, "", `Intro ${intro.replace(/\n/g, " ")}`, "", "## Properties", "", "|Property|Type|Description|", "|:--|:--|:--|", ...rows, ""].join("\n"),
  );
}

function enumPage(name: string): fc.Arbitrary<string> {
  return fc.array(cell(hostileName), { maxLength: 6 }).map((members) =>
    [`# ${name} enum type`, "", "## Members", "", "|Member|Value|Description|", "|:--|:--|:--|", ...members.map((m, i) => `|${m}|${i}|x|`), ""].join("\n"),
  );
}

const SEGMENT = fc.oneof(fc.constantFrom("users", "{id}", "{id | userPrincipalName}", "('{id}')", "items('{item-id}')", "{__proto__}", "{constructor}", "$value", "a*/b", "`x`", "${y}", "{a b}"), hostileText.map((t) => t.replace(/[\s/]/g, "")));
const route = fc.tuple(fc.constantFrom("GET", "POST", "PATCH", "PUT", "DELETE"), fc.array(SEGMENT, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "?$top=5", "?$filter=a eq 'b'")).map(([m, segments, query]) => `${m} /${segments.join("/")}${query}`);

function operationPage(typeNames: readonly string[]): fc.Arbitrary<string> {
  const responseType = typeNames.length > 0 ? fc.option(fc.constantFrom(...typeNames)) : fc.constant(null);
  return fc.tuple(fc.constantFrom("Get", "Create", "Update", "Delete", "List"), hostileName, fc.array(route, { minLength: 1, maxLength: 3 }), responseType, fc.constantFrom(200, 201, 204)).map(([verb, subject, routes, type, status]) =>
    [
      `# ${verb} ${subject.replace(/\n/g, " ")}`,
      "",
      "Does something with https://graph.microsoft.com/beta/x.",
      "",
      "## HTTP request",
      "",
      "```http",
      ...routes,
      "```",
      "",
      "## Response",
      "",
      type ? `If successful, this method returns a \`${status} OK\` response code and a [${type}](${type}.md) object in the response body.` : `If successful, this method returns a \`${status}\` response code.`,
      "",
    ].join("\n"),
  );
}

/** A set of structured pages whose types refer to each other (and themselves). */
export const structuredPages: fc.Arbitrary<string[]> = fc
  .tuple(fc.uniqueArray(hostileName.filter((n) => /^[A-Za-z]/.test(n)), { minLength: 1, maxLength: 4, selector: (n) => n.toLowerCase() }), fc.uniqueArray(hostileName.filter((n) => /^[A-Za-z]/.test(n)), { maxLength: 2, selector: (n) => n.toLowerCase() }))
  .chain(([resources, enums]) => {
    const enumNames = enums.filter((e) => !resources.some((r) => r.toLowerCase() === e.toLowerCase()));
    const all = [...resources, ...enumNames];
    return fc.tuple(...resources.map((r) => resourcePage(r, all)), ...enumNames.map((e) => enumPage(e)), fc.array(operationPage(all), { maxLength: 2 }));
  })
  .map((parts) => parts.flat());

const fence = fc.tuple(fc.constantFrom("```", "~~~", "````"), fc.constantFrom("", "http", "json", "javascript"), fc.oneof(fc.json(), hostileText, route), fc.boolean()).map(([f, lang, body, closed]) => `${f}${lang}\n${body}\n${closed ? f : ""}`);
const table = fc.array(fc.array(hostileText, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 5 }).map((rows) => rows.map((cells, i) => (i === 1 ? "|---|---|---|" : `|${cells.join("|")}|`)).join("\n"));
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(hostileText, fc.constantFrom("Properties", "HTTP request", "Members", "Response", "Example", "Request body", "Relationships", "Permissions", "x resource type", "y enum type"))).map(([level, text]) => `${"#".repeat(level)} ${text}`);
const frontMatter = fc.oneof(fc.constant("---\ndoc_type: apiPageType\n---"), hostileText.map((t) => `---\n${t}\n---`), fc.constant("---\ntitle: [unclosed\n---"));
const annotation = fc.oneof(fc.json(), hostileText).map((t) => `<!-- ${t} -->`);
const block = fc.oneof(heading, table, fence, hostileText, annotation, fc.json().map((j) => `\`\`\`json\n${j.slice(0, -1)}\n\`\`\``));

/** Any markdown assembled from random headings, tables, code fences, JSON, HTML comments and text. */
export const chaoticPage: fc.Arbitrary<string> = fc.tuple(fc.option(frontMatter), fc.array(block, { maxLength: 12 })).map(([fm, blocks]) => [fm ?? "", ...blocks].join("\n\n"));

/**
 * What the parser extracts from one page, before pages are merged into the ApiModel (see merge.ts).
 * Plain data, like the rest of the model.
 */
import type { ApiVersion, Diagnostic, OperationModel, PropertyModel, SourcePosition, TypeKind } from "./types.js";

export type PageKind = "operation" | "resource" | "enum" | "conceptual" | "unknown";

/** A type as one page describes it: a resource's Properties table, an operation's request-body table, an enum page. */
export interface PageTypeModel {
  name: string;
  /** Only when the page says so (enum page, keyProperty annotation); otherwise decided when merging. */
  kind?: TypeKind;
  description?: string;
  baseType?: string;
  /** `Namespace: microsoft.graph.callRecords` in the intro; absent for `microsoft.graph` or none. */
  namespace?: string;
  properties: PropertyModel[];
  members?: string[];
  /** The page says the members combine (an enum page's values are powers of two, or it says "flag enum"). */
  flags?: boolean;
  /** Where the page describes it: "resource" page, "requestBody" table of an operation, "enum" page. */
  role: "resource" | "requestBody" | "enum";
  source: SourcePosition;
}

/**
 * An operation as one page documents it: the OperationModel before merging (no id yet, one source).
 * `secondary`: the routes of a method other than the page's first route's (a page documenting
 * `PATCH` and `PUT` of one resource documents two operations; the first is the page's own).
 */
export type PageOperationModel = Omit<OperationModel, "id" | "apiVersion" | "sources"> & { source: SourcePosition; secondary?: true };

/** A type name used by a page (a type cell, a response sentence), with where it was written. */
export interface TypeReference {
  name: string;
  source: SourcePosition;
}

export interface PageModel {
  file: string;
  format: "markdown" | "plaintext";
  title: string | null;
  kind: PageKind;
  apiVersion: ApiVersion | null;
  types: PageTypeModel[];
  operations: PageOperationModel[];
  typeRefs: TypeReference[];
  diagnostics: Diagnostic[];
}

/** Which documented route an example request addresses (model/route-match.ts). */
import { describe, expect, it } from "vitest";
import { requestPath, routeMatch } from "../../src/model/route-match.js";

describe("requestPath", () => {
  it.each([
    ["https://graph.microsoft.com/beta/me/events?$top=1", "/me/events"],
    ["https://graph.microsoft.com/v1.0/users/{id}/", "/users/{id}"],
    ["/beta/me/events('AAMk=')/attachments", "/me/events/AAMk=/attachments"],
    ["me/messages", "/me/messages"],
    ["https://graph.microsoft.com/beta", "/"],
  ])("%s → %s", (url, want) => {
    expect(requestPath(url)).toBe(want);
  });
});

describe("routeMatch", () => {
  it("matches placeholders to one segment, ignoring letter case", () => {
    expect(routeMatch("/me/messages/{id}", "/ME/Messages/AAA")).toBeGreaterThan(0);
    expect(routeMatch("/me/messages/{id}", "/me/messages")).toBe(0);
    expect(routeMatch("/me/messages/{id}", "/me/events/AAA")).toBe(0);
  });

  it("matches a path placeholder between colons across segments", () => {
    expect(routeMatch("/me/drive/root:/{item-path}:/content", "/me/drive/root:/a/b.txt:/content")).toBeGreaterThan(0);
  });

  it("matches a route followed by an OData suffix, never a sub-resource", () => {
    for (const suffix of ["/$value", "/$count", "/$ref", "/microsoft.graph.user", "/microsoft.graph.user/$count", "(period='D7')"]) {
      expect(routeMatch("/me/messages/{id}", `/me/messages/AAA${suffix}`), suffix).toBeGreaterThan(0);
    }
    expect(routeMatch("/me/messages/{id}", "/me/messages/AAA/extensions")).toBe(0);
    expect(routeMatch("/me/messages", "/me/messages/AAA")).toBe(0);
  });

  it("scores a whole match above a route followed by a suffix", () => {
    const path = "/me/photo/$value";
    expect(routeMatch("/me/photo/$value", path)).toBeGreaterThan(routeMatch("/me/photo", path));
  });
});

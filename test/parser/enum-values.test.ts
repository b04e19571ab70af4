import { describe, expect, it } from "vitest";
import { possibleValues } from "../../src/parser/sections/enum-values.js";

describe("possibleValues", () => {
  type Case = [name: string, { given: string; want: string[] | null }];
  const cases: Case[] = [
    [
      "backticked, after another sentence",
      { given: "Action state. Possible values are: `none`, `pending`, `canceled`, `active`, `done`, `failed`, `notSupported`.", want: ["none", "pending", "canceled", "active", "done", "failed", "notSupported"] },
    ],
    ["bare values (plain-text page), ending in a period", { given: "Action state. Possible values are: none, pending, canceled, notSupported.", want: ["none", "pending", "canceled", "notSupported"] }],
    ["The possible values are", { given: "The possible values are: `enabled`, `disabled`.", want: ["enabled", "disabled"] }],
    ["Possible values: (no verb)", { given: "Possible values: `low`, `medium`, `high`", want: ["low", "medium", "high"] }],
    ["lead-in without a colon", { given: "Possible values are `on`, `off`.", want: ["on", "off"] }],
    ["leading '. ' of an empty description", { given: ". Possible values are: `NotStarted`, `Running`, `Completed`, `Failed`.", want: ["NotStarted", "Running", "Completed", "Failed"] }],
    ["', and' before the last value", { given: "Possible values are: `a`, `b`, and `c`.", want: ["a", "b", "c"] }],
    ["', or' before the last value", { given: "Possible values are: `a`, `b`, or `c`.", want: ["a", "b", "c"] }],
    ["' and ' without a comma", { given: "Possible values are `yes` and `no`.", want: ["yes", "no"] }],
    ["no space after the comma", { given: "Possible values are: `a`,`b`,`c`.", want: ["a", "b", "c"] }],
    ["a trailing sentence after the list", { given: "Possible values are: `user`, `group`. The default is `user`.", want: ["user", "group"] }],
    ["a trailing sentence after a bare list", { given: "Possible values are: user, group. Default is user.", want: ["user", "group"] }],
    ["unknownFutureValue is kept", { given: "Possible values are: `none`, `block`, `unknownFutureValue`.", want: ["none", "block", "unknownFutureValue"] }],
    ["bold values", { given: "Possible values are: **low**, **high**.", want: ["low", "high"] }],
    ["dotted value inside backticks does not end the sentence", { given: "Possible values are: `microsoft.graph.user`, `microsoft.graph.group`.", want: ["microsoft.graph.user", "microsoft.graph.group"] }],
    ["duplicates removed", { given: "Possible values are: `a`, `b`, `a`.", want: ["a", "b"] }],
    ["Supported values include", { given: "Supported values include `v1`, `v2`.", want: ["v1", "v2"] }],
    ["Allowed values", { given: "Allowed values: `read`, `write`.", want: ["read", "write"] }],
    ["case-insensitive lead-in", { given: "POSSIBLE VALUES ARE: `a`, `b`.", want: ["a", "b"] }],
    ["a range is not a list", { given: "Valid values 0 to 100", want: null }],
    ["a range with a verb is not a list", { given: "Valid values are 1 to 5.", want: null }],
    ["no list", { given: "The action name.", want: null }],
    ["empty description", { given: "", want: null }],
    ["lead-in with nothing after it", { given: "Possible values are:", want: null }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(possibleValues(given)).toEqual(want);
  });
});

import { describe, expect, it } from "vitest";
import { jsonErrorSentence, parseJson } from "../../src/core";

const errorOf = (text: string) => {
  const r = parseJson(text);
  if (r.ok) throw new Error("parsed");
  return r.error;
};

describe("parseJson", () => {
  it("parses JSON, ignoring a byte-order mark", () => {
    expect(parseJson('\uFEFF{"a": [1, "x"]}')).toEqual({ ok: true, value: { a: [1, "x"] } });
  });

  it.each([
    [
      "a trailing comma inside an array",
      '{\n  "bands": [\n    {"label": "Red"},\n  ]\n}',
      4,
      3,
      'a comma before "]": remove the last comma',
    ],
    ["a trailing comma inside an object", '{"a": 1,\n}', 2, 1, 'a comma before "}": remove the last comma'],
    [
      "a missing comma",
      '{"a": 1\n "b": 2}',
      2,
      2,
      'expected "," or "}", found a double quote (a comma is missing)',
    ],
    ["single quotes", "{'a': 1}", 1, 2, "a field name needs double quotes, not single ones"],
    ["an unquoted field name", "{a: 1}", 1, 2, 'expected a field name in double quotes, found "a"'],
    ["a missing colon", '{"a" 1}', 1, 6, 'expected ":" after the field name, found "1"'],
    ["a missing close", '{"a": [1, 2', 1, 12, 'the text ends before the JSON does: a closing "]" is missing'],
    ["text after the end", '{"a": 1} x', 1, 10, 'unexpected "x" after the end of the JSON'],
    ["an unclosed string", '{"a": "Red}', 1, 7, "this text has no closing double quote"],
    [
      "a bad escape",
      '{"a": "C:\\path"}',
      1,
      10,
      '"\\p" is not an escape JSON knows: write "\\\\" for a backslash',
    ],
    [
      "a bad literal",
      '{"a": tru}',
      1,
      7,
      'expected a value (text in double quotes, a number, true, false, null, [ or {), found "t"',
    ],
    ["nothing", "   ", 1, 4, "there is no JSON here"],
  ])("gives the line and column of %s", (_, text, line, column, message) => {
    expect(errorOf(text)).toEqual({ line, column, message });
  });

  it("judges JSON nested 100,000 levels deep without overflowing the stack", () => {
    expect(errorOf(`${"[".repeat(100_000)}1,${"]".repeat(100_000)}`)).toEqual({
      line: 1,
      column: 100_003,
      message: 'a comma before "]": remove the last comma',
    });
  });

  it("says it in one sentence", () => {
    expect(jsonErrorSentence('The rubric file "r.json"', errorOf("[1,]"))).toBe(
      'The rubric file "r.json" is not valid JSON at line 1, column 4: a comma before "]": remove the last comma.',
    );
  });
});

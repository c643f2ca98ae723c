import { describe, expect, it } from "vitest";
import { canonical, isObject, jsonErrorSentence, parseJson } from "../../src/core";

describe("canonical JSON", () => {
  it("gives the same text for objects that differ only in key order", () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: "x" } })).toBe(
      canonical({ a: { c: "x", d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonical({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("leaves out undefined fields, so a field removed and a field never set compare equal", () => {
    expect(canonical({ a: 1, b: undefined })).toBe(canonical({ a: 1 }));
  });

  it("keeps array order, which is meaningful in a rubric (bands low to high)", () => {
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]));
    expect(canonical([2, { b: 1, a: 2 }])).toBe('[2,{"a":2,"b":1}]');
  });

  it("writes scalars and null as JSON does", () => {
    expect(canonical(null)).toBe("null");
    expect(canonical('a"b')).toBe('"a\\"b"');
    expect(canonical(1.5)).toBe("1.5");
  });
});

describe("isObject", () => {
  it("is true for plain objects only", () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject("x")).toBe(false);
  });
});

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
    [
      "a missing comma after an empty array and object",
      '{"a": [], "b": {} "c": 1}',
      1,
      19,
      'expected "," or "}", found a double quote (a comma is missing)',
    ],
    ["two values without a comma", "[1 2]", 1, 4, 'expected "," or "]", found "2"'],
    [
      "a missing value",
      '{"a": ]}',
      1,
      7,
      'expected a value (text in double quotes, a number, true, false, null, [ or {), found "]"',
    ],
    [
      "a missing value at the end",
      "[1,",
      1,
      4,
      'the text ends before the JSON does: a closing "]" is missing',
    ],
    [
      "a trailing comma after literals",
      "[true, false, null,]",
      1,
      20,
      'a comma before "]": remove the last comma',
    ],
    [
      "a trailing comma after text with escapes",
      '["\\u00e9\\"\\n\\/", ]',
      1,
      18,
      'a comma before "]": remove the last comma',
    ],
    [
      "a trailing comma after text with a space",
      '["a b",]',
      1,
      8,
      'a comma before "]": remove the last comma',
    ],
    [
      "a bad escape in a field name",
      '{"a\\q": 1}',
      1,
      4,
      '"\\q" is not an escape JSON knows: write "\\\\" for a backslash',
    ],
    [
      "a backslash at the end",
      '["abc\\',
      1,
      6,
      '"\\" is not an escape JSON knows: write "\\\\" for a backslash',
    ],
    ["a \\u without four hex digits", '["\\u12G4"]', 1, 3, "\\u must be followed by four hex digits"],
    ["a tab inside text", '["a\tb"]', 1, 4, "a line break or tab inside text: write it as \\n or \\t"],
    ["a line break inside text", '["a\nb"]', 1, 4, "a line break or tab inside text: write it as \\n or \\t"],
    ["single-quoted text", "{\"a\": 'x'}", 1, 7, "text needs double quotes, not single ones"],
    ["a field name at the end", '{"a"', 1, 5, 'expected ":" after the field name, found the end'],
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

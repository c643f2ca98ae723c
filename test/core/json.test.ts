import { describe, expect, it } from "vitest";
import { canonical, isObject } from "../../src/core";

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

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonBytes } from "../../cli/jsonBytes";

/** What JSON.stringify writes for `value`, as the UTF-8 bytes Node would write to a file. */
const stringified = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");

describe("JsonBytes writes what JSON.stringify writes, as UTF-8", () => {
  it("quotes and escapes any string: quotes, backslashes, control characters, accents, emoji, lone surrogates", () => {
    const written = (text: string) => {
      const out = new JsonBytes(4); // small, so writing grows it
      out.string(text);
      return out.take();
    };
    // The edges of each UTF-8 length, of the surrogate ranges, and a half pair at the very end.
    const edges = [
      "\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff",
      "\ud800\udc00\udbff\udfff",
      "\udc00\udc00\ud800\ud800",
      "x\ud800",
      "\udbff\ue000",
    ];
    for (const text of [
      'say "hi"\\',
      "\b\f\n\r\t\u0000\u001f\u007f",
      "Chloé − 🎉",
      "\ud800x\udfff",
      "",
      ...edges,
    ])
      expect(written(text)).toEqual(stringified(text));
    fc.assert(
      // Any UTF-16 code units: pairs, lone halves of a pair, control characters.
      fc.property(fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)) }), (text) => {
        expect(written(text)).toEqual(stringified(text));
      }),
    );
  });

  it("writes numbers as JSON does, and null for none or what JSON cannot hold", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constant(null)), (n) => {
        const out = new JsonBytes();
        out.number(n);
        expect(out.take()).toEqual(stringified(n));
      }),
    );
  });

  it("writes a number rounded to 2 or 3 decimals as JSON.stringify writes Math.round(n × 10^d) / 10^d", () => {
    const edges = [
      0,
      -0,
      0.005,
      -0.005,
      0.015,
      1.005,
      99.995,
      -4.08,
      100,
      0.1,
      1e-9,
      -1e-9,
      2 ** 31 / 100,
      1e20,
    ];
    const ranges = [
      fc.integer().map((k) => k / 1000),
      fc.double({ min: -200, max: 200 }),
      fc.double({ min: -3e7, max: 3e7 }),
      fc.double(),
    ];
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...edges), ...ranges),
        fc.constantFrom(2 as const, 3 as const),
        (n, d) => {
          const out = new JsonBytes(2);
          out.rounded(n, d);
          expect(out.take().toString()).toBe(JSON.stringify(Math.round(n * 10 ** d) / 10 ** d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("copies bytes made earlier, and JSON text as UTF-8, and hands over what it wrote once", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = new JsonBytes(8);
        out.bytes(Buffer.from("["));
        out.json(JSON.stringify(value));
        out.ascii("]");
        expect(out.take()).toEqual(stringified([value]));
        expect(out.take()).toHaveLength(0);
      }),
    );
  });
});

/** The sidebar's unsaved edits kept in the user's properties (src/addon/drafts.ts), on the built bundle. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, utf8Chunks } from "../../src/addon/drafts";
import { customers, open } from "./helpers";

const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("the kept draft", () => {
  it("keeps a draft larger than one property holds, in pieces under the 9 KB limit, and gives it back whole", () => {
    const { emu, addon } = open({ Customers: customers() });
    // About 20 KB of rubric with accents and an emoji (several bytes each), as a user's labels may have.
    const big = {
      ...SIMPLE,
      metrics: Array.from({ length: 150 }, (_, i) => ({
        ...SIMPLE.metrics[0],
        id: `m${i}`,
        label: `Utilisé ${i} 📈`,
      })),
    };
    const text = JSON.stringify(big);
    addon.call("sidebarCall", "keepDraft", [text]);
    const stored = Object.entries(emu.properties("user"));
    expect(bytes(text)).toBeGreaterThan(18_000);
    expect(stored.length).toBeGreaterThanOrEqual(1 + Math.ceil(bytes(text) / CHUNK_BYTES));
    for (const [, value] of stored) expect(bytes(value)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect((addon.call("sidebarCall", "getSidebarData", []) as { draft: string }).draft).toBe(text);

    // A smaller draft leaves no piece of the larger one behind; null forgets it.
    addon.call("sidebarCall", "keepDraft", [JSON.stringify(SIMPLE)]);
    expect(Object.keys(emu.properties("user"))).toHaveLength(2);
    addon.call("sidebarCall", "keepDraft", [null]);
    expect(emu.properties("user")).toEqual({});
    expect((addon.call("sidebarCall", "getSidebarData", []) as { draft: string | null }).draft).toBeNull();
  });

  it("makes room in a full store by forgetting other spreadsheets' drafts, keeping the user's other settings", () => {
    const { emu, addon } = open({ Customers: customers() });
    const store = emu.globals.PropertiesService.getUserProperties();
    // 63 pieces of 8,000 bytes of another spreadsheet's forgotten draft: 504,000 of the 512,000 bytes a store holds.
    for (let i = 0; i < 63; i++) store.setProperty(`healthscore.draft.other.${i}`, "x".repeat(8_000));
    store.setProperty("healthscore.draft.other", "63");
    store.setProperty("theme", "dark");
    const text = JSON.stringify({ ...SIMPLE, name: "y".repeat(15_000) });
    addon.call("sidebarCall", "keepDraft", [text]);
    expect((addon.call("sidebarCall", "getSidebarData", []) as { draft: string }).draft).toBe(text);
    const keys = Object.keys(emu.properties("user"));
    expect(keys.filter((k) => k.includes("other"))).toEqual([]);
    expect(keys).toContain("theme");
  });

  it("keeps the draft it had when even a store cleared of other drafts cannot hold the new one", () => {
    const { emu, addon } = open({ Customers: customers() });
    const kept = JSON.stringify({ ...SIMPLE, name: "Kept" });
    addon.call("sidebarCall", "keepDraft", [kept]);
    // The user's other settings fill the store: 62 of 8,000 bytes, 496,000 of its 512,000.
    const store = emu.globals.PropertiesService.getUserProperties();
    for (let i = 0; i < 62; i++) store.setProperty(`setting.${i}`, "x".repeat(8_000));
    expect(() =>
      addon.call("sidebarCall", "keepDraft", [JSON.stringify({ ...SIMPLE, name: "z".repeat(20_000) })]),
    ).toThrow("You have exceeded the property storage quota.");
    expect((addon.call("sidebarCall", "getSidebarData", []) as { draft: string }).draft).toBe(kept);
  });

  it("refuses a draft that is not text, or too large to keep, in a sentence", () => {
    const { emu, addon } = open({ Customers: customers() });
    expect(() => addon.call("sidebarCall", "keepDraft", [{ name: "x" }])).toThrow(
      "A draft is kept as JSON text.",
    );
    expect(() => addon.call("sidebarCall", "keepDraft", ["x".repeat(120_001)])).toThrow(
      "Your unsaved edits are too large to keep for when the sidebar reopens (120001 characters): save the rubric to keep them.",
    );
    addon.call("sidebarCall", "keepDraft", ["x".repeat(120_000)]);
    expect(Object.keys(emu.properties("user"))).toHaveLength(1 + 15);
  });

  it("gives back no draft when a piece of it is missing", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "keepDraft", ["x".repeat(20_000)]);
    const id = emu.spreadsheet.getId();
    emu.globals.PropertiesService.getUserProperties().deleteProperty(`healthscore.draft.${id}.2`);
    expect((addon.call("sidebarCall", "getSidebarData", []) as { draft: string | null }).draft).toBeNull();
  });

  it("keeps each spreadsheet's draft apart in the user's one store", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "keepDraft", ["{}"]);
    const id = emu.spreadsheet.getId();
    expect(Object.keys(emu.properties("user")).every((k) => k.includes(id))).toBe(true);
  });

  it("forgets the draft once the rubric is saved", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "keepDraft", [JSON.stringify({ ...SIMPLE, name: "Edited" })]);
    addon.call("sidebarCall", "saveRubric", [{ ...SIMPLE, name: "Edited" }]);
    expect(emu.properties("user")).toEqual({});
  });

  it("says the menu's Rescore used the saved rubric while the sidebar holds unsaved edits", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "saveRubric", [SIMPLE]);
    addon.call("rescoreAll");
    expect(emu.ui.toasts.at(-1)?.message).not.toContain("unsaved");
    addon.call("sidebarCall", "keepDraft", [JSON.stringify({ ...SIMPLE, name: "Edited" })]);
    addon.call("rescoreAll");
    expect(emu.ui.toasts.at(-1)?.message).toContain(
      "The sidebar holds unsaved edits to the rubric: this rescore used the saved one.",
    );
  });

  it("cuts text by UTF-8 bytes, never inside a character", () => {
    const text = "é📈a".repeat(1000);
    const chunks = utf8Chunks(text, 10);
    expect(chunks.join("")).toBe(text);
    for (const c of chunks) expect(bytes(c)).toBeLessThanOrEqual(10);
    expect(utf8Chunks("", 10)).toEqual([""]);
  });

  it("puts as many characters in a piece as their UTF-8 bytes allow, at each width's first and last character", () => {
    for (const char of ["\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "\u{10000}", "\u{10ffff}"]) {
      const two = char + char;
      expect(utf8Chunks(two, bytes(two)), `U+${char.codePointAt(0)?.toString(16)}`).toEqual([two]);
      expect(utf8Chunks(two, bytes(two) - 1), `U+${char.codePointAt(0)?.toString(16)}`).toEqual([char, char]);
    }
  });
});

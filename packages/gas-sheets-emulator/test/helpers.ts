/** What the emulator's tests share: a spreadsheet with a small Customers sheet. */
import { createEmulator, type Emulator } from "../src/index";

export const CUSTOMERS = [
  ["Account", "ARR", "Last login", "Champion left"],
  ["Acme", 1200, new Date("2026-11-01T00:00:00Z"), false],
  ["Globex", 5400, new Date("2026-10-15T00:00:00Z"), true],
];

export function emulator(extra: Parameters<typeof createEmulator>[0] = {}): Emulator {
  return createEmulator({ sheets: { Customers: CUSTOMERS.map((r) => [...r]) }, ...extra });
}

export function customers(emu: Emulator) {
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Customers");
  if (!sheet) throw new Error("no Customers sheet");
  return sheet;
}

/**
 * Loading the built add-on (dist/Code.js, built by npm test) into a fresh emulator, as Sheets would.
 *
 * With HEALTHSCORE_ADDON=sources (set by vitest.mutate.config.ts) the same tests run src/main.ts's
 * entry points in this process instead (loadSources), so that mutation testing, which changes
 * only the sources, measures src/addon by the tests written for it. The tests that read the
 * bundle's text or its vm context are skipped then.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import {
  type CreateEmulatorOptions,
  createEmulator,
  type Emulator,
  loadBundle,
  loadSources,
  type ScriptHandle,
} from "gas-sheets-emulator";
import { parseRubric, rubricToGrid } from "../../src/core";
import * as main from "../../src/main";

export const FROM_SOURCES = process.env.HEALTHSCORE_ADDON === "sources";
/** The built bundle's text; read when first asked for, so runs from the sources need no build. */
export const code = (): string => {
  code_ ??= readFileSync("dist/Code.js", "utf8");
  return code_;
};
let code_: string | undefined;
export const NOW = new Date("2026-11-26T10:00:00Z");

export interface Session {
  emu: Emulator;
  addon: ScriptHandle;
}

/** The add-on loaded into `emu`: the built bundle, or the sources under HEALTHSCORE_ADDON=sources. */
export function load(emu: Emulator): ScriptHandle {
  return FROM_SOURCES ? loadSources(main, emu) : loadBundle(code(), emu);
}

/** A spreadsheet holding `sheets`, opened with the add-on installed (so its menu is built). */
export function open(
  sheets: Record<string, unknown[][]>,
  activeSheet?: string,
  options: CreateEmulatorOptions = {},
): Session {
  const emu = createEmulator({ sheets, activeSheet, timeZone: "Europe/London", now: () => NOW, ...options });
  const addon = load(emu);
  addon.callAs("NONE", "onOpen", emu.openEvent("NONE"));
  return { emu, addon };
}

/** examples/customers.csv (or another sample) as a sheet would hold it: numbers as numbers, TRUE/FALSE as booleans, dates as Dates. */
export function customers(file = "examples/customers.csv"): unknown[][] {
  const rows = parse(readFileSync(file, "utf8")) as string[][];
  const typed = (text: string): unknown => {
    if (text === "") return "";
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (text === "TRUE" || text === "FALSE") return text === "TRUE";
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T12:00:00Z`); // noon: the same day in any European zone
    if (/^\d+%$/.test(text)) return Number(text.slice(0, -1)) / 100;
    return text;
  };
  return rows.map((row, i) => (i === 0 ? row : row.map(typed)));
}

/** examples/from-activity.json: a rubric whose metrics come from the Logins, Tickets and NPS sheets. */
export const ACTIVITY_RUBRIC = parseRubric(JSON.parse(readFileSync("examples/from-activity.json", "utf8")));

/** An example CSV as a sheet holds it: numbers as numbers, ISO dates as Dates (noon, the same day in London). */
export function sheetOf(file: string, rows?: number): unknown[][] {
  const all = parse(readFileSync(`examples/${file}`, "utf8")) as string[][];
  const typed = (text: string): unknown => {
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)))
      return new Date(`${text}T12:00:00Z`);
    return text;
  };
  const body = all.slice(1).map((row) => row.map(typed));
  const wanted = rows ?? body.length;
  return [
    all[0] as unknown[],
    ...Array.from({ length: wanted }, (_, i) => body[i % body.length] as unknown[]),
  ];
}

export const SOURCE_SHEETS = { Logins: "logins.csv", Tickets: "tickets.csv", NPS: "nps.csv" };
/** The sample with its activity sheets and the from-activity rubric: `dataRows` accounts, `sourceRows` rows per source. */
export const activitySheets = (dataRows?: number, sourceRows?: number): Record<string, unknown[][]> => {
  const data = customers();
  const body = data.slice(1);
  const rows = dataRows ?? body.length;
  return {
    Customers: [
      data[0] as unknown[],
      ...Array.from({ length: rows }, (_, i) => body[i % body.length] as unknown[]),
    ],
    ...Object.fromEntries(
      Object.entries(SOURCE_SHEETS).map(([sheet, file]) => [sheet, sheetOf(file, sourceRows)]),
    ),
    "Health Rubric": rubricToGrid(ACTIVITY_RUBRIC),
  };
};

/**
 * Picks `column` in the column dialog the add-on showed last and clicks OK, as a user does: the
 * column must be one of the dialog's options, and the answer goes where the dialog's OK sends it
 * (google.script.run.sidebarCall("pickedColumn", [purpose, column])). Returns what the server did.
 */
export function pickColumn(s: Session, column: string): unknown {
  const dialog = s.emu.ui.dialogs.at(-1);
  if (!dialog) throw new Error("No dialog was shown.");
  const options = [...dialog.content.matchAll(/<option value="([^"]*)"/g)].map((m) =>
    (m[1] ?? "").replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))),
  );
  if (!options.includes(column))
    throw new Error(`"${column}" is not in the dialog's list: ${options.join(", ")}.`);
  const purpose = /sidebarCall\("pickedColumn", \["(\w+)"/.exec(dialog.content)?.[1];
  if (!purpose) throw new Error("The last dialog is not a column dialog.");
  return s.addon.call("sidebarCall", "pickedColumn", [purpose, column]);
}

/** The option the column dialog shown last has selected at first. */
export function preselectedColumn(s: Session): string | undefined {
  return /<option value="([^"]*)" selected>/.exec(s.emu.ui.dialogs.at(-1)?.content ?? "")?.[1];
}

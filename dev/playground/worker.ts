/**
 * The playground's spreadsheet: the emulator and the real add-on (dist/Code.js), in a worker
 * thread of the playground's server (server.ts), so that Ui.alert and Ui.prompt can wait as they
 * do in Sheets. The add-on's script is synchronous and a prompt returns the button the user clicked:
 * when one is asked, this thread posts the question to the server and sleeps (Atomics.wait on
 * `signal`) while the page shows it as a dialog; the server posts the answer on `answers` and
 * wakes it, and the script goes on from where it was, once. The server thread keeps serving the
 * page meanwhile.
 *
 * Requests arrive one at a time, as { id, op, args }, and are answered { id, ok, value | message }.
 */
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import {
  createEmulator,
  type Emulator,
  loadBundle,
  type UiAnswer,
  type UiQuestion,
} from "gas-sheets-emulator";
import type { RescoreReport } from "../../src/addon/rescore";
import { columnLetter } from "../../src/core";

/** What the server starts this thread with. */
export interface WorkerInput {
  code: string;
  htmlFiles: Record<string, string>;
  sheets: Record<string, unknown[][]>;
  /** The emulated clock's first instant, and the real instant it started (ms). */
  clockStart: number;
  started: number;
  rescore: boolean;
  /** [0] is 1 once an answer waits on `answers`. */
  signal: SharedArrayBuffer;
  answers: MessagePort;
}

/** The server's side of this thread: one question at a time, and the replies to its requests. */
export type WorkerMessage =
  | { ready: true; summary: string | null }
  | { question: UiQuestion }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };

export type Op = keyof typeof ops;

const input = workerData as WorkerInput;
const port = parentPort as NonNullable<typeof parentPort>;
const signal = new Int32Array(input.signal);

/** True once the server serves the page: before, nobody is there to answer (the start's rescore). */
let served = false;

/** A question to the page, waited for: the script stops here until the answer comes. */
function ask(question: UiQuestion): UiAnswer {
  if (!served) return { button: question.buttons[0] ?? "OK" }; // as the emulator answers in tests
  port.postMessage({ question } satisfies WorkerMessage);
  Atomics.wait(signal, 0, 0);
  Atomics.store(signal, 0, 0);
  const answer = receiveMessageOnPort(input.answers)?.message as UiAnswer | undefined;
  return answer ?? { button: "CLOSE" };
}

const emu = createEmulator({
  sheets: input.sheets,
  htmlFiles: input.htmlFiles,
  timeZone: "Europe/London",
  spreadsheetName: "Customer health (playground)",
  // The clock starts on the sample's day and runs, so "today" matches the data and timings are real.
  now: () => new Date(input.clockStart + (Date.now() - input.started)),
  ask,
});
showDatesAsDates(emu);
const addon = loadBundle(input.code, emu);
addon.callAs("NONE", "onOpen", { authMode: "NONE" });

let summary: string | null = null;
if (input.rescore) {
  const report = addon.clickMenuItem("Rescore all rows") as RescoreReport | undefined;
  if (report) summary = `${report.rows} accounts: ${report.bandLine}`;
}
// The sidebar opens beside the grid, as after a click (unless a test brought a script without it).
const items = emu.ui.menus.find((m) => m.addon)?.items ?? [];
if (items.some((item) => "caption" in item && item.caption === "Edit rubric"))
  addon.clickMenuItem("Edit rubric");
emu.recalculate();

/**
 * Runs what the page asked of the add-on, then recalculates the formulas that call its custom
 * functions, as Sheets does after an edit: the page then shows what Sheets would.
 */
function act(fn: () => unknown): unknown {
  try {
    return fn();
  } finally {
    emu.recalculate();
  }
}

/** What the server may ask of this thread. */
const ops = {
  /** Clicks an item of the add-on's menu. */
  menu: (caption: string) => act(() => addon.clickMenuItem(caption)),
  /** google.script.run.sidebarCall(name, args), refusing a result Apps Script could not carry. */
  run: (name: string, args: unknown[]) => {
    const value = act(() => addon.call("sidebarCall", name, args));
    const bad = unsendable(value, "the result");
    if (bad)
      throw new Error(`sidebarCall("${name}") returned a value google.script.run cannot carry: ${bad}.`);
    return value;
  },
  /** Makes a sheet the active one, as clicking its tab does. */
  sheet: (name: string) => {
    const sheet = emu.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet "${name}".`);
    emu.spreadsheet.setActiveSheet(sheet);
    emu.recalculate();
    return null;
  },
  state,
  /** The page of the sidebar or dialog the add-on last showed, or null. */
  shown: (kind: "sidebars" | "dialogs") => emu.ui[kind].at(-1)?.content ?? null,
  /** For tests: one of the add-on's functions, as a trigger or google.script.run would call it. */
  call: (name: string, args: unknown[]) => addon.call(name, ...args),
  sheetValues: (name: string) => emu.sheetValues(name),
  sheetNames: () => emu.spreadsheet.getSheets().map((s) => s.getName()),
  properties: (store: "user" | "script" | "document") => emu.properties(store),
  holdLock: (kind: "document" | "script" | "user") => {
    emu.holdLock(kind);
    return null;
  },
  /** A value typed into one cell (row and column from 1), as a person would edit the sheet. */
  setCell: (sheet: string, row: number, column: number, value: unknown) => {
    emu.spreadsheet.getSheetByName(sheet)?.getRange(row, column).setValue(value);
    emu.recalculate();
    return null;
  },
};

port.on("message", ({ id, op, args }: { id: number; op: Op; args: unknown[] }) => {
  try {
    const value = (ops[op] as (...a: unknown[]) => unknown)(...args);
    port.postMessage({ id, ok: true, value } satisfies WorkerMessage);
  } catch (e) {
    // Errors thrown in the bundle come from another realm: not instanceof this realm's Error.
    const message = typeof e === "object" && e !== null && "message" in e ? String(e.message) : String(e);
    port.postMessage({ id, ok: false, message } satisfies WorkerMessage);
  }
});
port.postMessage({ ready: true, summary } satisfies WorkerMessage);
served = true;

/** The page's view of the spreadsheet: the active sheet's grid, charts, menu, sidebar, dialogs, toasts. */
function state() {
  const ss = emu.spreadsheet;
  const active = ss.getActiveSheet().getName();
  const display = emu.sheetDisplayValues(active);
  const format = display.map((row, r) =>
    row.map((_v, c) => {
      const f = emu.formatAt(active, `${columnLetter(c)}${r + 1}`);
      return f.background || f.fontColor || f.bold ? f : null;
    }),
  );
  // A formula the emulator does not calculate (formulas.ts) shows its text, marked as such.
  const formulas = emu.sheetFormulas(active);
  const uncalculated = display.map((row, r) => row.map((v, c) => (v === "" ? formulas[r]?.[c] || "" : "")));
  const errors = emu.formulaErrors().filter((e) => e.sheet === active);
  const menu = emu.ui.menus.filter((m) => m.addon).at(-1) ?? null;
  const dialog = emu.ui.dialogs.at(-1);
  // Merged cells, wrapped text and row heights, as the add-on set them (the rubric sheet's how-to row).
  const sheet = ss.getActiveSheet();
  const used = sheet.getRange(1, 1, display.length, display[0]?.length ?? 1);
  const merges = used.getMergedRanges().map((m) => ({
    row: m.getRow(),
    column: m.getColumn(),
    rows: m.getNumRows(),
    columns: m.getNumColumns(),
  }));
  return {
    title: ss.getName(),
    today: emu.now().toISOString().slice(0, 10),
    sheets: ss.getSheets().map((s) => s.getName()),
    active,
    grid: {
      values: display,
      format,
      uncalculated,
      errors: errors.map(({ a1, error, message }) => ({ a1, error, message })),
      wraps: used.getWraps(),
      merges,
      heights: display.map((_, r) => sheet.getRowHeight(r + 1)),
    },
    charts: chartsOf(emu, active),
    menu: menu && { caption: "Health Score", items: menu.items },
    sidebar:
      emu.ui.sidebars.length > 0
        ? { title: emu.ui.sidebars.at(-1)?.title, count: emu.ui.sidebars.length }
        : null,
    dialog: dialog
      ? { title: dialog.title, width: dialog.width, height: dialog.height, count: emu.ui.dialogs.length }
      : null,
    toasts: emu.ui.toasts.map((t) => ({ title: t.title, message: t.message })),
  };
}

/**
 * The sheet's embedded charts as the page draws them: the type, title and anchor cell, and each
 * category's label and value, read from the chart's ranges (the first range the labels, the
 * second the values, below `numHeaders` header rows), as Sheets would plot them.
 */
function chartsOf(emu: Emulator, sheetName: string) {
  const sheet = emu.spreadsheet.getSheetByName(sheetName);
  return (sheet?.getCharts() ?? []).map((chart) => {
    const [labels, values] = chart.getRanges();
    const headers = Number(chart.getOptions().get("numHeaders") ?? 0);
    const column = (range: typeof labels, read: "getValues" | "getDisplayValues") =>
      (range ? range[read]().map((row) => row[0]) : []).slice(headers);
    const info = chart.getContainerInfo();
    return {
      type: chart.modify().getChartType().toString(),
      title: String(chart.getOptions().get("title") ?? ""),
      anchor: { row: info.getAnchorRow(), column: info.getAnchorColumn() },
      series: values ? String(values.getDisplayValues()[0]?.[0] ?? "") : "",
      points: column(labels, "getDisplayValues").map((label, i) => ({
        label: String(label),
        value: Number(column(values, "getValues")[i]) || 0,
        text: String(column(values, "getDisplayValues")[i] ?? ""),
      })),
    };
  });
}

/**
 * The sample's dates are noon UTC (the same day in any European zone), which the emulator shows
 * with their time; a person who typed dates would see them as dates, so their columns are formatted so.
 */
function showDatesAsDates(emu: Emulator): void {
  for (const sheet of emu.spreadsheet.getSheets()) {
    const values = emu.sheetValues(sheet.getName());
    const width = values[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      if (values.slice(1).some((row) => row[c] instanceof Date)) {
        sheet.getRange(2, c + 1, Math.max(1, values.length - 1), 1).setNumberFormat("yyyy-mm-dd");
      }
    }
  }
}

/** The values google.script.run cannot carry (Apps Script fails the call on them). */
function unsendable(value: unknown, where: string): string | undefined {
  if (value instanceof Date) return `${where} is a Date`;
  if (typeof value === "function") return `${where} is a function`;
  if (Array.isArray(value)) return value.map((v, i) => unsendable(v, `${where}[${i}]`)).find(Boolean);
  if (value && typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => unsendable(v, `${where}.${k}`))
      .find(Boolean);
  return undefined;
}

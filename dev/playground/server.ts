/**
 * The local playground: the real add-on (dist/Code.js) on the emulator, with the sample sheet,
 * served to a page that looks like Google Sheets: the grid with the add-on's output columns and
 * their conditional-format colours, the Extensions → Health Score menu, and the real
 * dist/Sidebar.html beside it, whose google.script.run is emulated over HTTP.
 *
 * Bound to 127.0.0.1 only: it runs whatever the page asks of the add-on. Node's http module, no
 * dependency. `startPlayground({ port: 0 })` is what the e2e tests use, in-process.
 *
 *   GET  /                 the page (page.html + build/playground-page.js)
 *   GET  /sidebar          the sidebar the add-on last showed, with the google.script.run shim
 *   GET  /dialog           the dialog (showModalDialog) the add-on last showed, with the same shim
 *   GET  /api/state        grid, charts, menu, alerts, toasts, dialogs of the active sheet
 *   POST /api/menu         {caption}: clicks a menu item
 *   POST /api/sheet        {name}: makes a sheet the active one (as clicking its tab does)
 *   POST /run              {name, args}: google.script.run.sidebarCall(name, args)
 */

import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type BundleHandle, createEmulator, type Emulator, loadBundle } from "gas-sheets-emulator";
import type { RescoreReport } from "../../src/addon/rescore";
import { columnLetter } from "../../src/core";
import { sampleSheet } from "./sample";

export const DEFAULT_PORT = 5180;
/** The day the sample data was generated for: the playground's clock starts there (10:00 UTC). */
export const SAMPLE_DAY = "2026-11-26";
export const SAMPLE_SHEET = "Customers";

const CODE = "dist/Code.js";
const SIDEBAR = "dist/Sidebar.html";
const HELP = "dist/Help.html";
const PAGE = "dev/playground/page.html";
const PAGE_SCRIPT = "build/playground-page.js";

export interface PlaygroundOptions {
  /** 0 picks a free port. Default DEFAULT_PORT. */
  port?: number;
  /** The spreadsheet's sheets; default the sample sheet as "Customers". */
  sheets?: Record<string, unknown[][]>;
  /** Rescore the data sheet once at start, so the grid opens scored (default true). */
  rescore?: boolean;
}

export interface Playground {
  url: string;
  emu: Emulator;
  addon: BundleHandle;
  /** "200 accounts: Red 29 · Yellow 146 · Green 24 · No data 1", from the first rescore. */
  summary: string | null;
  close(): Promise<void>;
}

function readBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm start does).`);
  return readFileSync(file, "utf8");
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

/**
 * google.script.run for the sidebar and dialogs, over HTTP: the same chain (withSuccessHandler,
 * withFailureHandler, withUserObject), asynchronous, and failing on what Apps Script refuses.
 */
const SHIM = `<script>
(function () {
  function illegal(v, where) {
    if (v instanceof Date) return where;
    if (typeof v === "function" || (typeof Node !== "undefined" && v instanceof Node)) return where;
    if (v && typeof v === "object") for (var k in v) { var w = illegal(v[k], where + "." + k); if (w) return w; }
    return "";
  }
  function runner(ok, fail, user) {
    return {
      withSuccessHandler: function (f) { return runner(f, fail, user); },
      withFailureHandler: function (f) { return runner(ok, f, user); },
      withUserObject: function (o) { return runner(ok, fail, o); },
      sidebarCall: function (name, args) {
        var bad = illegal(args, "args");
        if (bad) throw new Error("Failed due to illegal value in property: " + bad);
        fetch("/run", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: name, args: args }) })
          .then(function (r) { return r.json(); })
          .then(function (res) {
            parent.postMessage({ playground: "ran", name: name }, "*");
            if (res.ok) { if (ok) ok(res.value, user); }
            else if (fail) fail(new Error(res.message), user);
          }, function (e) {
            if (fail) fail(new Error("The playground server did not answer (" + e.message + "). Is npm start still running?"), user);
          });
      }
    };
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () { parent.postMessage({ playground: "close" }, "*"); }, editor: { focus: function () {} } }
  } };
})();
</script>`;

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const code = readBuilt(CODE);
  const sidebarHtml = readBuilt(SIDEBAR);
  const pageScript = readBuilt(PAGE_SCRIPT);
  const page = readFileSync(PAGE, "utf8");

  const started = Date.now();
  const clockStart = Date.parse(`${SAMPLE_DAY}T10:00:00Z`);
  const emu = createEmulator({
    sheets: options.sheets ?? { [SAMPLE_SHEET]: sampleSheet() },
    htmlFiles: { Sidebar: sidebarHtml, Help: readBuilt(HELP) },
    timeZone: "Europe/London",
    spreadsheetName: "Customer health (playground)",
    // The clock starts on the sample's day and runs, so "today" matches the data and timings are real.
    now: () => new Date(clockStart + (Date.now() - started)),
  });
  showDatesAsDates(emu);
  const addon = loadBundle(code, emu);
  addon.callAs("NONE", "onOpen", { authMode: "NONE" });

  let summary: string | null = null;
  if (options.rescore !== false) {
    const report = addon.clickMenuItem("Rescore all rows") as RescoreReport | undefined;
    if (report) summary = `${report.rows} accounts: ${report.bandLine}`;
  }
  addon.clickMenuItem("Edit rubric"); // the sidebar opens beside the grid, as after a click
  emu.recalculate();

  /**
   * Runs what the page asked of the add-on, then recalculates the formulas that call its custom
   * functions, as Sheets does after an edit: the page then shows what Sheets would.
   */
  const act = (fn: () => unknown) => {
    const result = attempt(fn);
    emu.recalculate();
    return result;
  };
  const withShim = (html: string) => html.replace(/<head[^>]*>/i, (m) => `${m}\n${SHIM}`);

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      send(res, e instanceof RequestError ? e.status : 500, { ok: false, message: (e as Error).message }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only pages of this server may talk to it: a Host other than its own is another site (DNS rebinding).
    const host = String(req.headers.host ?? "");
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host))
      return sendText(res, 403, "text/plain", "Forbidden.");
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case "GET /":
        return sendText(res, 200, "text/html", page);
      case "GET /page.js":
        return sendText(res, 200, "text/javascript", pageScript);
      case "GET /sidebar": {
        const shown = emu.ui.sidebars.at(-1);
        if (!shown)
          return sendText(
            res,
            404,
            "text/plain",
            "No sidebar is open: use Extensions → Health Score → Edit rubric.",
          );
        return sendText(res, 200, "text/html", withShim(shown.content));
      }
      case "GET /dialog": {
        const shown = emu.ui.dialogs.at(-1);
        if (!shown) return sendText(res, 404, "text/plain", "No dialog was shown.");
        return sendText(res, 200, "text/html", withShim(shown.content));
      }
      case "GET /api/state":
        return send(res, 200, state());
      case "POST /api/menu": {
        const { caption } = (await body(req)) as { caption: string };
        return send(
          res,
          200,
          act(() => addon.clickMenuItem(caption)),
        );
      }
      case "POST /api/sheet": {
        const { name } = (await body(req)) as { name: string };
        const sheet = emu.spreadsheet.getSheetByName(name);
        if (!sheet) return send(res, 404, { ok: false, message: `No sheet "${name}".` });
        emu.spreadsheet.setActiveSheet(sheet);
        emu.recalculate();
        return send(res, 200, { ok: true });
      }
      case "POST /run": {
        const { name, args } = (await body(req)) as { name: string; args: unknown[] };
        const result = act(() => addon.call("sidebarCall", name, args));
        const bad = result.ok ? unsendable(result.value, "the result") : undefined;
        if (bad)
          return send(res, 200, {
            ok: false,
            message: `sidebarCall("${name}") returned a value google.script.run cannot carry: ${bad}.`,
          });
        return send(res, 200, result);
      }
      default:
        return sendText(res, 404, "text/plain", "Not found.");
    }
  }

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
      alerts: emu.ui.alerts.map((a) => ({ title: a.title, prompt: a.prompt })),
      toasts: emu.ui.toasts.map((t) => ({ title: t.title, message: t.message })),
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    emu,
    addon,
    summary,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
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

function attempt(fn: () => unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    // Errors thrown in the bundle come from another realm: not instanceof this realm's Error.
    const message = typeof e === "object" && e !== null && "message" in e ? String(e.message) : String(e);
    return { ok: false, message };
  }
}

const MAX_BODY = 1024 * 1024;

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A request's JSON body: JSON only (a form post from another site cannot send it), at most 1 MB. */
async function body(req: IncomingMessage): Promise<unknown> {
  if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) {
    throw new RequestError(415, "Send JSON (content-type: application/json).");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      req.destroy();
      throw new RequestError(413, "The request is larger than 1 MB.");
    }
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

function send(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, "application/json", JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  res.end(text);
}

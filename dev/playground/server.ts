/**
 * The local playground: the real add-on (dist/Code.js) on the emulator, with the sample sheet,
 * served to a page that looks like Google Sheets: the grid with the add-on's output columns and
 * their conditional-format colours, the Extensions → Health Score menu, and the real
 * dist/Sidebar.html beside it, whose google.script.run is emulated over HTTP.
 *
 * The spreadsheet and the add-on run in a worker thread (worker.ts), so that Ui.alert and
 * Ui.prompt wait for the user as in Sheets: the question reaches the page over /api/events, the
 * page shows it as a dialog, and its answer (POST /api/answer) wakes the script where it stopped.
 * Meanwhile this thread keeps serving; requests for the spreadsheet wait their turn, as one
 * script's run does in Sheets.
 *
 * Bound to 127.0.0.1 only: it runs whatever the page asks of the add-on. Node's http module, no
 * dependency. `startPlayground({ port: 0 })` is what the e2e tests use, in-process.
 *
 *   GET  /                 the page (page.html + build/playground-page.js)
 *   GET  /sidebar          the sidebar the add-on last showed, with the google.script.run shim
 *   GET  /dialog           the dialog (showModalDialog) the add-on last showed, with the same shim
 *   GET  /api/state        grid, charts, menu, toasts, dialogs of the active sheet
 *   GET  /api/events       server-sent events: "question" (an alert or prompt waits for an answer)
 *   POST /api/menu         {caption}: clicks a menu item
 *   POST /api/sheet        {name}: makes a sheet the active one (as clicking its tab does)
 *   POST /api/answer       {button, text}: the answer to the open alert or prompt
 *   POST /run              {name, args}: google.script.run.sidebarCall(name, args)
 */

import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve as absolutePath } from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import type { UiAnswer, UiQuestion } from "gas-sheets-emulator";
import { sampleSheet } from "./sample";
import type { Op, WorkerInput, WorkerMessage } from "./worker";

export const DEFAULT_PORT = 5180;
/** The day the sample data was generated for: the playground's clock starts there (10:00 UTC). */
export const SAMPLE_DAY = "2026-11-26";
export const SAMPLE_SHEET = "Customers";

const CODE = "dist/Code.js";
const SIDEBAR = "dist/Sidebar.html";
const HELP = "dist/Help.html";
const PAGE = "dev/playground/page.html";
const PAGE_SCRIPT = "build/playground-page.js";
const WORKER = "build/playground-worker.js";

export interface PlaygroundOptions {
  /** 0 picks a free port. Default DEFAULT_PORT. */
  port?: number;
  /** The spreadsheet's sheets; default the sample sheet as "Customers". */
  sheets?: Record<string, unknown[][]>;
  /** Rescore the data sheet once at start, so the grid opens scored (default true). */
  rescore?: boolean;
  /** The add-on's script; default the built dist/Code.js (a test may bring a small script of its own). */
  code?: string;
}

export interface Playground {
  url: string;
  /** "200 accounts: Red 29 · Yellow 146 · Green 24 · No data 1", from the first rescore. */
  summary: string | null;
  /** For tests: runs one of the add-on's functions (as a trigger or google.script.run would); its error rejects. */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  /** For tests: a sheet's values as the script reads them (dates as Dates). */
  sheetValues(name: string): Promise<unknown[][]>;
  sheetNames(): Promise<string[]>;
  properties(store: "user" | "script" | "document"): Promise<Record<string, string>>;
  /** For tests: types a value into one cell (row and column from 1), as a person editing the sheet. */
  setCell(sheet: string, row: number, column: number, value: unknown): Promise<void>;
  /** For tests: another execution holds this lock (emu.holdLock), as when another rescore runs. */
  holdLock(kind: "document" | "script" | "user"): Promise<void>;
  /** The alert or prompt waiting for an answer, if any. */
  question(): UiQuestion | null;
  close(): Promise<void>;
}

function built(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm start does).`);
  return file;
}
const readBuilt = (file: string) => readFileSync(built(file), "utf8");

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
  const sidebarHtml = readBuilt(SIDEBAR);
  const pageScript = readBuilt(PAGE_SCRIPT);
  const page = readFileSync(PAGE, "utf8");

  // The spreadsheet's thread, and the two ways an answer reaches it while its script waits.
  const signal = new SharedArrayBuffer(4);
  const channel = new MessageChannel();
  const input: WorkerInput = {
    code: options.code ?? readBuilt(CODE),
    htmlFiles: { Sidebar: sidebarHtml, Help: readBuilt(HELP) },
    sheets: options.sheets ?? { [SAMPLE_SHEET]: sampleSheet() },
    clockStart: Date.parse(`${SAMPLE_DAY}T10:00:00Z`),
    started: Date.now(),
    rescore: options.rescore !== false,
    signal,
    answers: channel.port2,
  };
  const worker = new Worker(absolutePath(built(WORKER)), {
    workerData: input,
    transferList: [channel.port2],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let question: UiQuestion | null = null;
  const listeners = new Set<ServerResponse>();
  let summary: string | null = null;
  let failed: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (m: WorkerMessage) => {
      if ("ready" in m) {
        summary = m.summary;
        resolve();
      } else if ("question" in m) {
        question = m.question;
        for (const res of listeners) event(res, "question", question);
      } else {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.ok) w?.resolve(m.value);
        else w?.reject(new Error(m.message));
      }
    });
    const fail = (e: Error) => {
      failed ??= e;
      reject(e);
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", () =>
      fail(new Error("The playground's spreadsheet has stopped: start npm start again.")),
    );
  });
  await ready;

  /** Asks the spreadsheet's thread; requests are served one at a time, in order. */
  const ask = (op: Op, ...args: unknown[]): Promise<unknown> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  };
  /** Wakes the waiting script with the user's answer. */
  const answer = (a: UiAnswer) => {
    question = null;
    channel.port1.postMessage(a);
    Atomics.store(new Int32Array(signal), 0, 1);
    Atomics.notify(new Int32Array(signal), 0);
  };
  /** The same, as the page's { ok, value } | { ok, message }. */
  const result = (op: Op, ...args: unknown[]) =>
    ask(op, ...args).then(
      (value) => ({ ok: true, value }),
      (e: Error) => ({ ok: false, message: e.message }),
    );
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
        const shown = (await ask("shown", "sidebars")) as string | null;
        if (shown === null)
          return sendText(
            res,
            404,
            "text/plain",
            "No sidebar is open: use Extensions → Health Score → Edit rubric.",
          );
        return sendText(res, 200, "text/html", withShim(shown));
      }
      case "GET /dialog": {
        const shown = (await ask("shown", "dialogs")) as string | null;
        if (shown === null) return sendText(res, 404, "text/plain", "No dialog was shown.");
        return sendText(res, 200, "text/html", withShim(shown));
      }
      case "GET /api/state":
        return send(res, 200, await ask("state"));
      case "GET /api/events": {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
        listeners.add(res);
        res.on("close", () => listeners.delete(res));
        // A page opened while a question waits shows it too.
        if (question) event(res, "question", question);
        return;
      }
      case "POST /api/menu": {
        const { caption } = (await body(req)) as { caption: string };
        return send(res, 200, await result("menu", caption));
      }
      case "POST /api/sheet": {
        const { name } = (await body(req)) as { name: string };
        const r = await result("sheet", name);
        return send(res, r.ok ? 200 : 404, r);
      }
      case "POST /api/answer": {
        const { button, text } = (await body(req)) as { button: unknown; text?: unknown };
        const open = question;
        if (!open)
          return send(res, 409, { ok: false, message: "No alert or prompt is waiting for an answer." });
        if (button !== "CLOSE" && !open.buttons.includes(button as UiAnswer["button"]))
          return send(res, 400, { ok: false, message: `${String(button)} is not a button of this dialog.` });
        answer({ button: button as UiAnswer["button"], text: typeof text === "string" ? text : "" });
        return send(res, 200, { ok: true });
      }
      case "POST /run": {
        const { name, args } = (await body(req)) as { name: string; args: unknown[] };
        return send(res, 200, await result("run", name, args));
      }
      default:
        return sendText(res, 404, "text/plain", "Not found.");
    }
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
    summary,
    call: (name, ...args) => ask("call", name, args),
    sheetValues: (name) => ask("sheetValues", name) as Promise<unknown[][]>,
    sheetNames: () => ask("sheetNames") as Promise<string[]>,
    properties: (store) => ask("properties", store) as Promise<Record<string, string>>,
    setCell: async (sheet, row, column, value) => {
      await ask("setCell", sheet, row, column, value);
    },
    holdLock: async (kind) => {
      await ask("holdLock", kind);
    },
    question: () => question,
    close: async () => {
      // A script waiting on a question is let go (as if the dialog were closed) before the thread ends.
      if (question) answer({ button: "CLOSE" });
      await worker.terminate();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** One server-sent event. */
function event(res: ServerResponse, name: string, data: unknown): void {
  res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
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

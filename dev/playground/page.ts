/**
 * The playground page (browser side): draws the emulated spreadsheet from /api/state (cells,
 * formula results and errors, embedded charts as SVG), runs menu items, switches sheets, and hosts
 * the real sidebar and the add-on's dialogs in iframes, and asks the add-on's Ui.alert and Ui.prompt
 * questions as Sheets does, in a dialog the script waits on (server.ts). Everything from the sheet
 * is set as text (textContent, SVG text nodes), never parsed as HTML.
 */

type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; submenu: MenuEntry[] };

interface CellFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean;
}

interface State {
  title: string;
  today: string;
  sheets: string[];
  active: string;
  grid: {
    values: string[][];
    format: (CellFormat | null)[][];
    /** The text of formulas the emulator does not calculate ('' elsewhere). */
    uncalculated: string[][];
    errors: { a1: string; error: string; message: string }[];
    wraps: boolean[][];
    merges: { row: number; column: number; rows: number; columns: number }[];
    heights: number[];
  };
  charts: Chart[];
  menu: { caption: string; items: MenuEntry[] } | null;
  sidebar: { title: string; count: number } | null;
  dialog: { title: string; width: number | null; height: number | null; count: number } | null;
  toasts: { title: string; message: string }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const MIN_ROWS = 40;
const MIN_COLS = 10;
const FIRST_MENUS = ["File", "Edit", "View", "Insert", "Format", "Data", "Tools"];

interface Chart {
  type: string;
  title: string;
  anchor: { row: number; column: number };
  series: string;
  points: { label: string; value: number; text: string }[];
}

const SVG = "http://www.w3.org/2000/svg";

let seen = { toasts: 0, sidebars: 0, dialogs: 0 };
let first = true;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  cls?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function letter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function post(path: string, body: unknown): Promise<{ ok: boolean; message?: string }> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; message?: string };
}

async function refresh(): Promise<void> {
  const state = (await (await fetch("/api/state")).json()) as State;
  document.title = `${state.title} – playground`;
  $("doc-title").textContent = state.title;
  $("today").textContent = `Emulated Apps Script · today is ${state.today} in the spreadsheet`;
  drawMenu(state);
  drawGrid(state);
  drawCharts(state.charts);
  drawTabs(state);
  if (state.dialog && state.dialog.count > seen.dialogs) {
    seen.dialogs = state.dialog.count;
    if (!first) showHtmlDialog(state.dialog);
  }
  if (state.sidebar && state.sidebar.count > seen.sidebars) {
    seen.sidebars = state.sidebar.count;
    $("sidebar-title").textContent = state.sidebar.title || "Sidebar";
    $("sidebar").hidden = false;
    $<HTMLIFrameElement>("sidebar-frame").src = `/sidebar?v=${state.sidebar.count}`;
  }
  // What happened before the page opened is not news: only later toasts pop up.
  if (first) seen = { ...seen, toasts: state.toasts.length, dialogs: state.dialog?.count ?? 0 };
  first = false;
  for (const t of state.toasts.slice(seen.toasts)) toast(t.title, t.message);
  seen.toasts = state.toasts.length;
}

function drawMenu(state: State): void {
  const bar = $("menubar");
  if (bar.childElementCount > 0) return;
  for (const name of FIRST_MENUS) {
    const wrap = el("div");
    const b = el("button", name, "top");
    b.disabled = true;
    b.title = "Not emulated";
    wrap.append(b);
    bar.append(wrap);
  }
  const wrap = el("div");
  const ext = el("button", "Extensions", "top");
  ext.id = "menu-extensions";
  ext.setAttribute("aria-haspopup", "menu");
  ext.setAttribute("aria-expanded", "false");
  const drop = el("div", undefined, "dropdown");
  drop.setAttribute("role", "menu");
  drop.hidden = true;
  const close = () => {
    drop.hidden = true;
    ext.setAttribute("aria-expanded", "false");
  };
  ext.addEventListener("click", () => {
    drop.hidden = !drop.hidden;
    ext.setAttribute("aria-expanded", String(!drop.hidden));
    drop.querySelector<HTMLButtonElement>("button")?.focus();
  });
  drop.addEventListener("keydown", (e) => {
    const items = [...drop.querySelectorAll<HTMLButtonElement>("button")];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      close();
      ext.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  });
  document.addEventListener("click", (e) => {
    if (!wrap.contains(e.target as Node)) close();
  });
  drop.append(el("div", state.menu?.caption ?? "No add-on menu", "heading"));
  const add = (entries: MenuEntry[]) => {
    for (const item of entries) {
      if ("separator" in item) drop.append(el("hr"));
      else if ("submenu" in item) add(item.submenu);
      else {
        const b = el("button", item.caption);
        b.setAttribute("role", "menuitem");
        b.addEventListener("click", async () => {
          close();
          const res = await post("/api/menu", { caption: item.caption });
          if (!res.ok) showAlert("Error", res.message ?? "The script failed.");
          await refresh();
        });
        drop.append(b);
      }
    }
  };
  add(state.menu?.items ?? []);
  wrap.append(ext, drop);
  bar.append(wrap);
  const help = el("div");
  const hb = el("button", "Help", "top");
  hb.disabled = true;
  help.append(hb);
  bar.append(help);
}

function drawGrid(state: State): void {
  const { values, format } = state.grid;
  const errors = new Map(state.grid.errors.map((e) => [e.a1, e.message]));
  // A merged range is drawn as its top-left cell spanning the others, which are left out.
  const spans = new Map<string, { rows: number; columns: number }>();
  const covered = new Set<string>();
  for (const m of state.grid.merges) {
    spans.set(`${m.row - 1},${m.column - 1}`, m);
    for (let i = 0; i < m.rows; i++)
      for (let j = 0; j < m.columns; j++) if (i || j) covered.add(`${m.row - 1 + i},${m.column - 1 + j}`);
  }
  const cols = Math.max(MIN_COLS, (values[0]?.length ?? 0) + 2);
  const rows = Math.max(MIN_ROWS, values.length + 5);
  const table = $("grid");
  const head = el("thead");
  const hr = el("tr");
  hr.append(el("th", "", "rowhead"));
  for (let c = 0; c < cols; c++) hr.append(el("th", letter(c), c === 0 ? "colA" : undefined));
  head.append(hr);
  const body = el("tbody");
  for (let r = 0; r < rows; r++) {
    const tr = el("tr");
    tr.append(el("th", String(r + 1), "rowhead"));
    const height = state.grid.heights[r];
    if (height && height !== 21) tr.style.height = `${height}px`;
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const formula = state.grid.uncalculated[r]?.[c] ?? "";
      const text = values[r]?.[c] || formula;
      const td = el("td", text);
      if (formula) {
        td.classList.add("formula");
        td.title = `Not calculated in the playground (only the add-on's own functions are): ${formula}`;
      }
      const error = errors.get(`${letter(c)}${r + 1}`);
      if (error) {
        td.classList.add("error");
        td.title = error;
      }
      if (text !== "" && /^[-+]?[\d.,]+%?$/.test(text)) td.classList.add("num");
      if (c === 0) td.classList.add("colA");
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.colSpan = span.columns;
        td.rowSpan = span.rows;
        td.classList.add("merged");
      }
      if (state.grid.wraps[r]?.[c]) {
        td.classList.add("wrap");
        // Wrapped text takes the cell's width, never widens its columns (as in Sheets).
        const box = el("div", text, "wrapbox");
        td.replaceChildren(box);
      }
      const f = format[r]?.[c];
      if (f?.background) td.style.background = f.background;
      if (f?.fontColor) td.style.color = f.fontColor;
      if (f?.bold) td.style.fontWeight = "bold";
      if (text.length > 20) td.title = text;
      tr.append(td);
    }
    body.append(tr);
  }
  table.replaceChildren(head, body);
}

/** Embedded charts over the grid at their anchor cell; a column chart drawn as SVG bars. */
function drawCharts(charts: Chart[]): void {
  const layer = $("charts");
  layer.replaceChildren();
  for (const chart of charts) {
    const figure = el("figure", undefined, "chart");
    figure.setAttribute("role", "img");
    const anchor = document.querySelector<HTMLElement>(
      `#grid tbody tr:nth-child(${chart.anchor.row}) > td:nth-of-type(${chart.anchor.column})`,
    );
    figure.style.left = `${anchor?.offsetLeft ?? 0}px`;
    figure.style.top = `${anchor?.offsetTop ?? 0}px`;
    figure.setAttribute(
      "aria-label",
      `${chart.title}: ${chart.points.map((p) => `${p.label} ${p.text}`).join(", ")}`,
    );
    figure.append(el("figcaption", chart.title || chart.series));
    figure.append(columnChart(chart));
    layer.append(figure);
  }
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Bars from zero, one per point, its value text above it and its label below. */
function columnChart(chart: Chart): SVGSVGElement {
  const [w, h, pad] = [360, 200, 28];
  const root = svg("svg", { width: w, height: h, viewBox: `0 0 ${w} ${h}` });
  const max = Math.max(0, ...chart.points.map((p) => p.value)) || 1;
  const slot = (w - 2 * pad) / Math.max(1, chart.points.length);
  root.append(svg("line", { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: "#5f6368" }));
  chart.points.forEach((p, i) => {
    const barH = Math.max(0, (p.value / max) * (h - 2 * pad - 16));
    const x = pad + i * slot + slot * 0.2;
    const bar = svg("rect", {
      x,
      y: h - pad - barH,
      width: slot * 0.6,
      height: barH,
      fill: "#4285f4",
      class: "bar",
    });
    bar.append(svg("title", {}, `${p.label}: ${p.text}`));
    root.append(bar);
    root.append(svg("text", { x: x + slot * 0.3, y: h - pad - barH - 4, "text-anchor": "middle" }, p.text));
    root.append(svg("text", { x: x + slot * 0.3, y: h - pad + 16, "text-anchor": "middle" }, p.label));
  });
  return root;
}

/** A dialog the add-on showed (showModalDialog): its page in an iframe, with its title. */
function showHtmlDialog(d: NonNullable<State["dialog"]>): void {
  const dialog = $<HTMLDialogElement>("html-dialog");
  $("html-dialog-title").textContent = d.title;
  const frame = $<HTMLIFrameElement>("html-dialog-frame");
  frame.style.width = `${d.width ?? 400}px`;
  frame.style.height = `${d.height ?? 300}px`;
  frame.src = `/dialog?v=${d.count}`;
  if (!dialog.open) dialog.showModal();
}

function drawTabs(state: State): void {
  const tabs = $("tabs");
  tabs.replaceChildren();
  for (const name of state.sheets) {
    const b = el("button", name);
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(name === state.active));
    b.addEventListener("click", async () => {
      await post("/api/sheet", { name });
      await refresh();
    });
    tabs.append(b);
  }
}

function toast(title: string, message: string): void {
  const t = el("div", undefined, "toast");
  t.append(el("strong", title), el("span", message));
  $("toasts").append(t);
  setTimeout(() => t.remove(), 8000);
}

/** A Ui.alert or Ui.prompt, as the server's /api/events sends it while the script waits. */
interface Question {
  kind: "alert" | "prompt";
  title: string | null;
  prompt: string;
  buttons: ("OK" | "CANCEL" | "YES" | "NO")[];
}

const BUTTON_TEXT = { OK: "OK", CANCEL: "Cancel", YES: "Yes", NO: "No" };

/**
 * The question in a dialog like Sheets': its title (none for the one-argument forms), its text, a
 * text field for a prompt, and the button set's buttons, the first the default (Enter in the field
 * submits the form with it). The answer wakes the waiting script; Escape is the CLOSE button, as
 * closing the dialog is in Sheets.
 */
function showQuestion(q: Question): void {
  const dialog = $<HTMLDialogElement>("ui-dialog");
  const title = $("ui-dialog-title");
  title.textContent = q.title ?? "";
  title.hidden = !q.title;
  $("ui-dialog-text").textContent = q.prompt;
  const input = $<HTMLInputElement>("ui-dialog-input");
  input.value = "";
  input.hidden = q.kind !== "prompt";
  $("ui-dialog-buttons").replaceChildren(
    ...q.buttons.map((name, i) => {
      const b = el("button", BUTTON_TEXT[name], i === 0 ? "action" : undefined);
      b.type = "submit";
      b.value = name;
      return b;
    }),
  );
  dialog.returnValue = "";
  if (!dialog.open) dialog.showModal();
  (q.kind === "prompt" ? input : dialog.querySelector<HTMLButtonElement>("button.action"))?.focus();
}

$("ui-dialog").addEventListener("close", () => {
  const dialog = $<HTMLDialogElement>("ui-dialog");
  const text = $<HTMLInputElement>("ui-dialog-input").value;
  void post("/api/answer", { button: dialog.returnValue || "CLOSE", text });
});
new EventSource("/api/events").addEventListener("question", (e) => {
  showQuestion(JSON.parse((e as MessageEvent<string>).data) as Question);
});

function showAlert(title: string, text: string): void {
  $("alert-title").textContent = title;
  $("alert-text").textContent = text;
  const dialog = $<HTMLDialogElement>("alert");
  if (!dialog.open) dialog.showModal();
}

window.addEventListener("message", (e: MessageEvent<{ playground?: string }>) => {
  const fromSidebar = e.source === $<HTMLIFrameElement>("sidebar-frame").contentWindow;
  const fromDialog = e.source === $<HTMLIFrameElement>("html-dialog-frame").contentWindow;
  if (!fromSidebar && !fromDialog) return;
  if (e.data?.playground === "ran") void refresh();
  if (e.data?.playground === "close") {
    if (fromSidebar) $("sidebar").hidden = true;
    else $<HTMLDialogElement>("html-dialog").close();
  }
});
$("html-dialog-close").addEventListener("click", () => $<HTMLDialogElement>("html-dialog").close());
$("sidebar-close").addEventListener("click", () => {
  $("sidebar").hidden = true;
});

void refresh();

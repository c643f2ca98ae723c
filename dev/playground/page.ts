/**
 * The playground page (browser side): draws the emulated spreadsheet from /api/state, runs menu
 * items, switches sheets, and hosts the real sidebar in an iframe. Everything from the sheet is
 * set as text (textContent), never parsed as HTML.
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
  grid: { values: string[][]; format: (CellFormat | null)[][] };
  menu: { caption: string; items: MenuEntry[] } | null;
  sidebar: { title: string; count: number } | null;
  alerts: { title: string | null; prompt: string }[];
  toasts: { title: string; message: string }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const MIN_ROWS = 40;
const MIN_COLS = 10;
const FIRST_MENUS = ["File", "Edit", "View", "Insert", "Format", "Data", "Tools"];

let seen = { alerts: 0, toasts: 0, sidebars: 0 };
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
  drawTabs(state);
  if (state.sidebar && state.sidebar.count > seen.sidebars) {
    seen.sidebars = state.sidebar.count;
    $("sidebar-title").textContent = state.sidebar.title || "Sidebar";
    $("sidebar").hidden = false;
    $<HTMLIFrameElement>("sidebar-frame").src = `/sidebar?v=${state.sidebar.count}`;
  }
  // What happened before the page opened is not news: only later alerts and toasts pop up.
  if (first) seen = { ...seen, alerts: state.alerts.length, toasts: state.toasts.length };
  first = false;
  for (const t of state.toasts.slice(seen.toasts)) toast(t.title, t.message);
  const alert = state.alerts.slice(seen.alerts).at(-1);
  if (alert) showAlert(alert.title ?? "", alert.prompt);
  seen.toasts = state.toasts.length;
  seen.alerts = state.alerts.length;
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
    for (let c = 0; c < cols; c++) {
      const text = values[r]?.[c] ?? "";
      const td = el("td", text);
      if (text !== "" && /^[-+]?[\d.,]+%?$/.test(text)) td.classList.add("num");
      if (c === 0) td.classList.add("colA");
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

function showAlert(title: string, text: string): void {
  $("alert-title").textContent = title;
  $("alert-text").textContent = text;
  const dialog = $<HTMLDialogElement>("alert");
  if (!dialog.open) dialog.showModal();
}

window.addEventListener("message", (e: MessageEvent<{ playground?: string }>) => {
  if (e.source !== $<HTMLIFrameElement>("sidebar-frame").contentWindow) return;
  if (e.data?.playground === "ran") void refresh();
  if (e.data?.playground === "close") $("sidebar").hidden = true;
});
$("sidebar-close").addEventListener("click", () => {
  $("sidebar").hidden = true;
});

void refresh();

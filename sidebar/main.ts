/**
 * The rubric editor sidebar: loads the rubric and a sample of the data sheet from the server,
 * lets a CS manager edit the rubric with a live preview computed here by the core, and saves it
 * to the Health Rubric sheet; and checks the saved rubric against churn (sidebar/calibration.ts).
 * See the project README ("The sidebar").
 */
import type { SidebarData } from "../src/addon/sidebarApi";
import {
  isOutputColumn,
  type PlainCell,
  type Problem,
  parseRubric,
  pathText,
  plural,
  problemLines,
} from "../src/core";
import { CalibrationSection } from "./calibration";
import { fill, h } from "./dom";
import { Draft, type Json } from "./draft";
import { type EditorContext, renderEditor } from "./editor";
import { type FocusPlace, focusedPlace, restoreFocus } from "./focus";
import { Form } from "./form";
import { Preview } from "./preview";
import { ProblemList, scopeOf } from "./problems";
import { server } from "./server";
import { STARTERS } from "./starters";
import { transferSection } from "./transfer";

const PREVIEW_DELAY_MS = 40;

class App {
  readonly draft = new Draft();
  readonly form = new Form(this.draft);
  readonly preview: Preview;
  readonly calibration: CalibrationSection;
  readonly headers: string[];
  readonly problems = new ProblemList(this.draft, this.form);
  #editor = h("div", { id: "editor" });
  #start = h("div", { id: "start" });
  #notice = h("div", { id: "notice", role: "status", "aria-live": "polite" });
  #state = h("span", { class: "state", id: "save-state" });
  #save = h("button", { type: "button", class: "primary", id: "save" }, "Save");
  #discard = h("button", { type: "button", id: "discard" }, "Discard");
  #busy = false;
  #pendingFocus: FocusPlace | null = null;
  #previewTimer = 0;

  constructor(readonly data: SidebarData) {
    this.preview = new Preview(data.data, data.dataProblem, { asOf: data.asOf, timeZone: data.timeZone });
    this.headers = (data.data?.headers ?? []).filter((hd) => hd.trim() !== "" && !isOutputColumn(hd));
    this.calibration = new CalibrationSection(this.draft, this.headers, data.dataProblem);
    if (data.data) this.draft.headers = this.headers;
    this.#save.addEventListener("click", () => void this.save());
    this.#discard.addEventListener("click", () => this.discard());
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        // Some fields commit on change (when focus leaves); commit the one being typed in first.
        document.activeElement?.dispatchEvent(new Event("change", { bubbles: true }));
        if (!this.#save.disabled) void this.save();
      }
    });
    this.draft.onChange((change) => {
      if (change === "structure") this.#renderEditor();
      this.#afterChange();
    });
  }

  mount(root: HTMLElement): void {
    fill(
      root,
      h(
        "header",
        { class: "top" },
        h("div", { class: "title" }, h("h1", {}, "Health rubric"), this.#state),
        this.preview.strip,
      ),
      h(
        "main",
        {},
        this.#notice,
        this.#sheetProblems(),
        this.#start,
        this.preview.section,
        this.#editor,
        this.calibration.section,
        transferSection(this.draft),
      ),
      h(
        "footer",
        { class: "bar" },
        this.problems.element,
        h("div", { class: "buttons" }, this.#save, this.#discard),
      ),
    );
    this.preview.setSaved(this.data.rubric);
    this.draft.loadSaved(this.data.rubric);
  }

  #sheetProblems(): HTMLElement | null {
    if (this.data.problems.length === 0) return null;
    return h(
      "div",
      { class: "callout error-box" },
      h(
        "p",
        {},
        `The Health Rubric sheet has ${plural(this.data.problems.length, "problem")}, so it could not be opened here. Fix ${this.data.problems.length === 1 ? "it" : "them"} on the sheet and reopen this sidebar, or start again below: Save replaces the sheet.`,
      ),
      h("ul", {}, ...problemLines(this.data.problems).map((line) => h("li", {}, line))),
    );
  }

  #renderStart(): void {
    if (this.draft.json) {
      this.#start.replaceChildren();
      return;
    }
    fill(
      this.#start,
      h("h2", {}, "Choose a starting rubric"),
      h(
        "p",
        { class: "help" },
        "This spreadsheet has no rubric yet. Start from one of these, adjust it with the preview, then Save: it goes to a new Health Rubric sheet.",
      ),
      ...STARTERS.map((s) =>
        h(
          "button",
          { type: "button", class: "starter", onclick: () => this.draft.replace(s.rubric as Json) },
          h("strong", {}, String(s.rubric.name)),
          h("span", { class: "starter-about" }, s.summary),
        ),
      ),
    );
  }

  #context(): EditorContext {
    const data = this.data.data;
    return {
      draft: this.draft,
      form: this.form,
      headers: this.headers,
      sheetName: data?.sheet ?? null,
      sheets: this.data.sheets ?? [],
      cells: (header: string): PlainCell[] => {
        const key = header.trim().toLowerCase();
        const i = data ? data.headers.findIndex((hd) => hd.trim().toLowerCase() === key) : -1;
        return i < 0 || !data ? [] : data.rows.map((row) => row[i] ?? "");
      },
      focusAfter: (path, action) => {
        this.#pendingFocus = { path, action };
      },
    };
  }

  #renderEditor(): void {
    this.#renderStart();
    const restore = this.#pendingFocus ?? focusedPlace(this.#editor, this.form);
    this.#pendingFocus = null;
    const open = new Set(
      [...this.#editor.querySelectorAll<HTMLElement>("details.card[open]")].map((d) => d.dataset.path),
    );
    const closed = new Set(
      [...this.#editor.querySelectorAll<HTMLElement>("details.section:not([open])")].map(
        (d) => d.querySelector("h2")?.textContent,
      ),
    );
    this.form.reset();
    if (!this.draft.json) {
      this.#editor.replaceChildren();
      this.preview.section.hidden = true;
      return;
    }
    this.preview.section.hidden = false;
    const editor = renderEditor(this.#context());
    for (const d of editor.querySelectorAll<HTMLDetailsElement>("details.card"))
      if (open.has(d.dataset.path)) d.open = true;
    for (const d of editor.querySelectorAll<HTMLDetailsElement>("details.section")) {
      if (closed.has(d.querySelector("h2")?.textContent)) d.open = false;
    }
    fill(this.#editor, editor);
    if (restore) restoreFocus(this.#editor, this.form, restore);
  }

  #afterChange(): void {
    const { errors, warnings } = this.draft.validation;
    const inScope = (p: Problem) => scopeOf(this.draft, p.path) === pathText(this.draft.scope);
    const unplaced = this.form.showProblems(errors.filter(inScope), warnings.filter(inScope));
    this.problems.render(unplaced);
    this.#updateButtons();
    this.calibration.refresh();
    clearTimeout(this.#previewTimer);
    if (!this.draft.json) {
      fill(
        this.preview.strip,
        h("span", { class: "muted" }, "Choose a rubric to see how your accounts score."),
      );
      return;
    }
    this.#previewTimer = window.setTimeout(() => {
      this.preview.update(this.draft.valid, errors.length);
    }, PREVIEW_DELAY_MS);
  }

  #updateButtons(): void {
    const errors = this.draft.validation.errors.length;
    const dirty = this.draft.dirty && this.draft.json !== null;
    this.#save.disabled = this.#busy || !this.draft.json || errors > 0 || !dirty;
    this.#save.title = errors
      ? "Fix the problems first"
      : !dirty
        ? "No changes to save"
        : "Save the rubric to the Health Rubric sheet (Ctrl+S)";
    this.#discard.disabled = this.#busy || !dirty;
    this.#state.textContent = !this.draft.json
      ? "No rubric yet"
      : dirty
        ? "Unsaved changes"
        : `Saved · as of ${this.data.asOf}`;
    this.#state.classList.toggle("dirty", dirty);
  }

  notice(kind: "ok" | "error" | "busy", text: string, ...extra: Node[]): void {
    fill(this.#notice, h("div", { class: `notice ${kind}` }, h("p", {}, text), ...extra));
    if (kind === "error") this.#notice.scrollIntoView({ block: "nearest" });
  }

  async #run<T>(busyText: string, work: () => Promise<T>): Promise<T | undefined> {
    this.#busy = true;
    this.#editor.inert = true; // no edit can be typed into a draft that the answer will replace
    this.#updateButtons();
    this.notice("busy", busyText);
    try {
      return await work();
    } catch (e) {
      this.notice("error", (e as Error).message);
      return undefined;
    } finally {
      this.#busy = false;
      this.#editor.inert = false;
      this.#updateButtons();
    }
  }

  async save(): Promise<void> {
    const rubric = this.draft.valid;
    if (!rubric) return;
    const saved = await this.#run("Saving…", () => server.saveRubric(rubric));
    if (!saved) return;
    this.data.asOf = saved.asOf;
    this.preview.setSaved(parseRubric(rubric));
    this.draft.loadSaved(rubric);
    const rescore = h("button", { type: "button", class: "primary", id: "rescore" }, "Rescore now");
    rescore.addEventListener("click", () => void this.rescore());
    this.notice(
      "ok",
      `Saved "${saved.name}" to the ${saved.sheet} sheet, as of ${saved.asOf}. The scores in the sheet change when you rescore.`,
      rescore,
    );
    rescore.focus();
  }

  async rescore(): Promise<void> {
    const report = await this.#run("Rescoring every row…", () => server.rescoreAll());
    if (report) this.notice("ok", report.message);
  }

  discard(): void {
    const edits = this.draft.json;
    this.draft.replace(this.draft.saved);
    const restore = h("button", { type: "button", class: "link", id: "restore" }, "Bring them back");
    restore.addEventListener("click", () => {
      this.draft.replace(edits);
      this.#notice.replaceChildren();
    });
    this.notice(
      "ok",
      this.draft.saved ? "Discarded your edits: this is the saved rubric." : "Discarded your edits.",
      restore,
    );
  }
}

async function boot(): Promise<void> {
  const root = document.getElementById("app") as HTMLElement;
  fill(root, h("p", { class: "loading", role: "status" }, "Loading the rubric…"));
  try {
    const data = await server.getSidebarData();
    new App(data).mount(root);
  } catch (e) {
    fill(
      root,
      h(
        "div",
        { class: "notice error", role: "alert" },
        h("p", {}, `The sidebar could not load: ${(e as Error).message}`),
        h("button", { type: "button", onclick: () => void boot() }, "Try again"),
      ),
    );
  }
}

void boot();

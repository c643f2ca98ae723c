/**
 * The rubric editor sidebar: loads the rubric and a sample of the data sheet from the server,
 * lets a CS manager edit the rubric with a live preview computed here by the core, and saves it
 * to the Health Rubric sheet; and checks the saved rubric against churn (sidebar/calibration.ts).
 * See the project README ("The sidebar").
 */
import type { SidebarData } from "../src/addon/sidebarApi";
import {
  canonical,
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
import { type FocusPlace, focusedPlace, keepFocusClear, restoreFocus } from "./focus";
import { Form } from "./form";
import { Preview } from "./preview";
import { ProblemList, scopeOf } from "./problems";
import { server } from "./server";
import { transferSection } from "./transfer";

const PREVIEW_DELAY_MS = 40;
/** How long after the last edit the draft is kept on the server for a reopen (src/addon/drafts.ts). */
const KEEP_DELAY_MS = 1500;
/** How long the snackbar offers Undo after a removal (Ctrl+Z still works after). */
const SNACKBAR_MS = 8000;

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
  #snackbar = h("div", { class: "snackbar", id: "snackbar", role: "status", hidden: true });
  #snackbarTimer = 0;
  /** The draft text the server keeps for this user and spreadsheet (null: none). */
  #kept: string | null;
  #keepTimer = 0;
  #busy = false;
  #pendingFocus: FocusPlace | null = null;
  #previewTimer = 0;

  constructor(readonly data: SidebarData) {
    this.preview = new Preview(data.data, data.dataProblem, {
      asOf: data.asOf,
      timeZone: data.timeZone,
      // A histogram handle writes the band's From in the draft, as the editor's field would, and that field shows it.
      onThreshold: (band, from) => {
        const path = [...this.draft.scope, "bands", band, "from"];
        this.draft.set(path, from);
        this.form.showValue(path);
      },
    });
    this.headers = (data.data?.headers ?? []).filter((hd) => hd.trim() !== "" && !isOutputColumn(hd));
    this.calibration = new CalibrationSection(this.draft, this.headers, data.dataProblem);
    if (data.data) this.draft.headers = this.headers;
    this.#kept = data.draft;
    // Closing the sidebar or the tab: keep the last edits now rather than after the delay.
    window.addEventListener("pagehide", () => this.#keep());
    this.#save.addEventListener("click", () => void this.save());
    this.#discard.addEventListener("click", () => this.discard());
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        // Some fields commit on change (when focus leaves); commit the one being typed in first.
        document.activeElement?.dispatchEvent(new Event("change", { bubbles: true }));
        if (!this.#save.disabled) void this.save();
      }
      // Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo and redo edits to the rubric, in a field too (it
      // re-renders with the value before); the JSON box and other boxes keep the browser's own.
      const key = e.key.toLowerCase();
      const target = e.target as HTMLElement;
      const ownUndo =
        target instanceof HTMLTextAreaElement ||
        (target instanceof HTMLInputElement && !this.#editor.contains(target));
      if ((e.ctrlKey || e.metaKey) && (key === "z" || key === "y") && !ownUndo && !this.#busy) {
        e.preventDefault();
        if (key === "y" || e.shiftKey) this.draft.redo();
        else this.draft.undo();
      }
    });
    this.draft.onChange((change) => {
      if (change === "structure") this.#renderEditor();
      // "Rescore now" belongs to the save it follows: once the draft moves on, it would rescore
      // with a rubric that is no longer the one being edited, so the saved notice goes.
      if (this.#notice.querySelector("#rescore") && this.draft.dirty) this.#notice.replaceChildren();
      this.#snack(this.draft.removed);
      this.#afterChange();
      clearTimeout(this.#keepTimer);
      this.#keepTimer = window.setTimeout(() => this.#keep(), KEEP_DELAY_MS);
    });
  }

  mount(root: HTMLElement): void {
    const header = h(
      "header",
      { class: "top" },
      h(
        "div",
        { class: "title" },
        h("h1", {}, "Health rubric"),
        // The README's sidebar section, in a dialog over the sheet (dist/Help.html).
        h(
          "button",
          {
            type: "button",
            class: "link",
            id: "learn-more",
            onclick: () => server.showHelp().catch((e: Error) => this.notice("error", e.message)),
          },
          "Learn more",
        ),
        this.#state,
      ),
      this.preview.strip,
    );
    const bar = h(
      "footer",
      { class: "bar" },
      this.#snackbar,
      this.problems.element,
      h("div", { class: "buttons" }, this.#save, this.#discard),
    );
    keepFocusClear(header, bar);
    fill(
      root,
      header,
      h(
        "main",
        {},
        this.#notice,
        this.#sheetProblems(),
        this.#start,
        this.preview.section,
        this.#editor,
        this.calibration.section,
        transferSection(this.draft, this.data.starters),
      ),
      bar,
    );
    this.preview.setSaved(this.data.rubric);
    this.draft.loadSaved(this.data.rubric);
    this.#offerKeptDraft();
  }

  /** Asks whether to bring back the edits left unsaved when the sidebar last closed. */
  #offerKeptDraft(): void {
    let kept: Json | null = null;
    try {
      kept = JSON.parse(this.#kept ?? "null") as Json | null;
    } catch {
      // Unreadable: nothing to offer (the next edit replaces it).
    }
    if (!kept || canonical(kept) === canonical(this.draft.saved)) return;
    const answer = (restore: boolean) => {
      this.#notice.replaceChildren();
      if (restore) this.draft.replace(kept);
      else this.#keep();
    };
    this.notice(
      "ok",
      "Restore your unsaved edits? You closed the editor without saving them.",
      h(
        "button",
        { type: "button", class: "primary", id: "restore-draft", onclick: () => answer(true) },
        "Restore",
      ),
      h("button", { type: "button", id: "discard-draft", onclick: () => answer(false) }, "Discard them"),
    );
  }

  /** Tells the server the unsaved edits (or that there are none), when that changed. */
  #keep(): void {
    clearTimeout(this.#keepTimer);
    // While "Restore your unsaved edits?" waits, the kept draft is not overwritten before the answer.
    if (this.#notice.querySelector("#restore-draft")) return;
    const text = this.draft.dirty && this.draft.json ? JSON.stringify(this.draft.json) : null;
    if (text === this.#kept) return;
    this.#kept = text;
    server.keepDraft(text).catch((e: Error) => {
      this.#kept = null;
      this.notice("error", `Your unsaved edits could not be kept for when the editor reopens: ${e.message}`);
    });
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
    // The server sends the starters whenever no rubric is saved, which is when this shows.
    const starters = this.data.starters ?? [];
    // First run after a rescore without a rubric: say which rubric made the scores in the sheet.
    const scoredWith = starters.find((s) => s.rubric.name === this.data.scoredWith);
    fill(
      this.#start,
      scoredWith
        ? h(
            "div",
            { class: "callout", id: "scored-with" },
            h(
              "p",
              {},
              `"${this.data.data?.sheet}" was scored with the starter rubric "${String(scoredWith.rubric.name)}": no rubric is saved in this spreadsheet yet, so every rescore uses it. Save it to a Health Rubric sheet to see and change how it scores.`,
            ),
            h(
              "button",
              {
                type: "button",
                class: "primary",
                onclick: () => {
                  this.draft.replace(scoredWith.rubric as Json);
                  void this.save();
                },
              },
              "Save this rubric",
            ),
          )
        : null,
      h("h2", {}, scoredWith ? "Or start from another rubric" : "Choose a starting rubric"),
      h(
        "p",
        { class: "help" },
        "This spreadsheet has no rubric yet. Start from one of these, adjust it with the preview, then Save: it goes to a new Health Rubric sheet.",
      ),
      ...starters.map((s) =>
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
    const update = () => this.preview.update(this.draft.valid, errors.length, this.draft.scope);
    // Moving a threshold re-bands the rows already scored, cheap enough for every step of a drag;
    // anything else rescores them, once typing pauses.
    if (this.preview.onlyBandsMoved(this.draft.valid)) update();
    else this.#previewTimer = window.setTimeout(update, PREVIEW_DELAY_MS);
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

  /** Shows "Removed metric NPS. Undo" for a few seconds after a removal; any other change hides it. */
  #snack(removed: string): void {
    clearTimeout(this.#snackbarTimer);
    this.#snackbar.hidden = !removed;
    if (!removed) return;
    fill(
      this.#snackbar,
      h("span", {}, `Removed ${removed}.`),
      h("button", { type: "button", class: "link", onclick: () => this.draft.undo() }, "Undo"),
    );
    this.#snackbarTimer = window.setTimeout(() => {
      this.#snackbar.hidden = true;
    }, SNACKBAR_MS);
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
    clearTimeout(this.#keepTimer);
    const saved = await this.#run("Saving…", () => server.saveRubric(rubric));
    if (!saved) {
      this.#keep(); // not saved: the edits are kept for a reopen, as before
      return;
    }
    this.#kept = null; // saveRubric forgot the kept draft
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

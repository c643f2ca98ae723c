/**
 * The footer's problem list: every error to fix before saving, each a link that opens the segment
 * it belongs to and focuses its field.
 */
import { capped, isObject, isUnder, PROBLEMS_SHOWN, type Problem, pathText, plural } from "../src/core";
import { fill, h } from "./dom";
import type { Draft } from "./draft";
import { problemInWords } from "./fieldWords";
import type { Form } from "./form";

/** The path text of the rubric (top level "" or a segment's) a problem's path belongs to. */
export function scopeOf(draft: Draft, path: string): string {
  const rubrics = draft.get(["segments", "rubrics"]);
  if (isObject(rubrics)) {
    for (const key of Object.keys(rubrics)) {
      const prefix = pathText(["segments", "rubrics", key]);
      if (isUnder(path, prefix)) return prefix;
    }
  }
  return "";
}

export class ProblemList {
  readonly element = h("div", { class: "problems", id: "problems" });

  constructor(
    readonly draft: Draft,
    readonly form: Form,
  ) {}

  /**
   * Lists the draft's errors, then its warnings (what Save would leave out or ignore, so nothing
   * goes without a word); the list opens by itself when some have no field on screen (`unplaced`).
   */
  render(unplaced: readonly Problem[]): void {
    const { errors, warnings } = this.draft.validation;
    const all = [...errors, ...warnings];
    if (!this.draft.json || all.length === 0) {
      this.element.replaceChildren();
      return;
    }
    // Capped like every list of problems ("…and 9,990 more"): each shown one links to its field.
    const words = all.map(
      (p, i) => `${i < errors.length ? "" : "Warning: "}${problemInWords(this.draft.json, p)}`,
    );
    const lines = capped(words).map((line, i) => {
      const path = (all[i] as Problem).path;
      return i < PROBLEMS_SHOWN
        ? h("button", { type: "button", class: "link", onclick: () => this.goTo(path) }, line)
        : line;
    });
    const list = h(
      "ul",
      { class: "problem-list", hidden: true, id: "problem-list" },
      ...lines.map((line) => h("li", {}, line)),
    );
    const toggle = h(
      "button",
      {
        type: "button",
        class: `link ${errors.length ? "error" : "warning"}`,
        "aria-expanded": "false",
        "aria-controls": "problem-list",
        onclick: () => {
          list.hidden = !list.hidden;
          toggle.setAttribute("aria-expanded", String(!list.hidden));
        },
      },
      [
        errors.length ? `${plural(errors.length, "problem")} to fix before saving` : "",
        warnings.length ? plural(warnings.length, "warning") : "",
      ]
        .filter(Boolean)
        .join(", "),
    );
    fill(this.element, toggle, list);
    if (unplaced.length) list.hidden = false;
  }

  /** Opens the rubric (top level or segment) a path is in, and focuses its field. */
  goTo(path: string): void {
    const scope = scopeOf(this.draft, path);
    if (scope !== pathText(this.draft.scope)) {
      const rubrics = this.draft.get(["segments", "rubrics"]);
      const key = Object.keys(isObject(rubrics) ? rubrics : {}).find(
        (k) => pathText(["segments", "rubrics", k]) === scope,
      );
      this.draft.setScope(key === undefined ? [] : ["segments", "rubrics", key]);
    }
    this.form.focus(path);
  }
}

/**
 * Fields bound to the draft. Each control writes its value to one path of the rubric JSON, and
 * owns a message slot for that path, where the core's validation messages appear: at the field
 * that is wrong. A problem whose path has no field of its own (`bands[2]`, "min 5 is above max
 * 3") shows at the nearest enclosing slot: the row, the card, the section.
 */
import { pathText } from "../src/core";
import { h, uid } from "./dom";
import type { Draft, Path } from "./draft";
import { FIELD_HELP } from "./fields";
import { fieldWords } from "./fieldWords";

interface Slot {
  path: () => string;
  message: HTMLElement;
  /** The control to mark invalid and to focus when the problem is chosen from the list. */
  control?: HTMLElement;
}

export interface FieldOptions {
  hint?: string;
  placeholder?: string;
  /** Extra classes on the wrapper. */
  class?: string;
  /** Read the field's text into the value written to the draft. */
  parse?: (text: string) => unknown;
  /** Show a value of the draft as text in the field. */
  format?: (value: unknown) => string;
  /** Label hidden (still spoken): for compact table rows with column headers. */
  hideLabel?: boolean;
  /** Runs after the value is written (e.g. to refresh a summary). */
  after?: () => void;
}

/** A number field's text: "" is no value, a number is a number, anything else stays text for the core to name. */
export function parseNumberText(text: string): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const show = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

export class Form {
  readonly slots: Slot[] = [];
  /** Updates of derived text (percentages, summaries) run after every change. */
  readonly refreshers: (() => void)[] = [];

  constructor(readonly draft: Draft) {}

  reset(): void {
    this.slots.length = 0;
    this.refreshers.length = 0;
  }

  /** A message slot for a container (a band row, a metric card, a section). */
  slot(path: Path | (() => Path), control?: HTMLElement): HTMLElement {
    const message = h("div", { class: "msg", "aria-live": "polite" });
    this.slots.push({ path: () => pathText(typeof path === "function" ? path() : path), message, control });
    return message;
  }

  refresh(fn: () => void): void {
    this.refreshers.push(fn);
    fn();
  }

  text(path: Path, label: string, opts: FieldOptions = {}): HTMLElement {
    const input = h("input", {
      type: "text",
      id: uid(),
      value: (opts.format ?? show)(this.draft.get(path)),
      placeholder: opts.placeholder,
      autocomplete: "off",
      spellcheck: "false",
    });
    input.addEventListener("input", () => {
      const value = opts.parse ? opts.parse(input.value) : input.value === "" ? undefined : input.value;
      this.draft.set(path, value);
      opts.after?.();
    });
    return this.#wrap(path, label, input, opts);
  }

  number(path: Path, label: string, opts: FieldOptions = {}): HTMLElement {
    const wrapper = this.text(path, label, { parse: parseNumberText, ...opts });
    const input = wrapper.querySelector("input") as HTMLInputElement;
    input.inputMode = "decimal";
    input.classList.add("num");
    return wrapper;
  }

  select(
    path: Path,
    label: string,
    options: readonly (readonly [value: string, text: string])[],
    opts: FieldOptions & { onChange?: (value: string) => void; empty?: string } = {},
  ): HTMLElement {
    // `empty`: what an absent value means (the rubric's default), shown as chosen.
    const stored = show(this.draft.get(path)) || (opts.empty ?? "");
    // Columns match trimmed and case-insensitively (docs/rubric.md): "last login" is the header "Last login".
    const norm = (v: string) => v.trim().toLowerCase();
    const current =
      options.find(([v]) => v === stored)?.[0] ??
      options.find(([v]) => norm(v) === norm(stored))?.[0] ??
      stored;
    const select = h("select", { id: uid() });
    for (const [value, text] of options)
      select.append(h("option", { value, selected: value === current }, text));
    if (!options.some(([value]) => value === current)) {
      // A value the list does not offer (say, a column the sheet lacks) stays visible and named.
      select.prepend(
        h("option", { value: current, selected: true }, current ? `${current} (not found)` : "Choose…"),
      );
    }
    select.addEventListener("change", () => {
      if (opts.onChange) opts.onChange(select.value);
      else this.draft.set(path, opts.parse ? opts.parse(select.value) : select.value || undefined);
      opts.after?.();
    });
    return this.#wrap(path, label, select, opts);
  }

  color(path: Path, label: string): HTMLElement {
    const text = h("input", {
      type: "text",
      id: uid(),
      value: show(this.draft.get(path)),
      class: "hex",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "#b7e1cd",
    });
    const swatch = h("input", { type: "color", "aria-label": `${label}: pick`, tabindex: "-1" });
    const sync = () => {
      if (/^#[0-9a-f]{6}$/i.test(text.value.trim())) swatch.value = text.value.trim().toLowerCase();
      else if (/^#[0-9a-f]{3}$/i.test(text.value.trim()))
        swatch.value = `#${[...text.value.trim().slice(1)].map((c) => c + c).join("")}`.toLowerCase();
    };
    sync();
    text.addEventListener("input", () => {
      this.draft.set(path, text.value.trim() === "" ? undefined : text.value);
      sync();
    });
    swatch.addEventListener("input", () => {
      text.value = swatch.value;
      this.draft.set(path, swatch.value);
    });
    const wrapper = this.#wrap(path, label, text, { class: "color" });
    (wrapper.querySelector(".control") as HTMLElement).prepend(swatch);
    return wrapper;
  }

  #wrap(path: Path, label: string, control: HTMLElement, opts: FieldOptions): HTMLElement {
    const message = h("div", { class: "msg", id: `${control.id}-msg`, "aria-live": "polite" });
    control.setAttribute("aria-describedby", message.id);
    const help = opts.hideLabel ? undefined : FIELD_HELP[label];
    const about = help
      ? h("div", { class: "hint about", id: `${control.id}-about`, hidden: true }, help)
      : null;
    const wrapper = h(
      "div",
      { class: `field${opts.class ? ` ${opts.class}` : ""}` },
      h(
        "div",
        { class: "label-row" },
        h("label", { for: control.id, class: opts.hideLabel ? "sr-only" : undefined }, label),
        about
          ? h(
              "button",
              {
                type: "button",
                class: "about-button",
                // Named "?" with its field in the title (read as its description), so the field's
                // own label stays the only thing named like the field.
                title: `About ${label}`,
                "aria-expanded": "false",
                "aria-controls": about.id,
                onclick: (e: Event) => {
                  const button = e.currentTarget as HTMLElement;
                  about.hidden = !about.hidden;
                  button.setAttribute("aria-expanded", String(!about.hidden));
                },
              },
              "?",
            )
          : null,
      ),
      h("div", { class: "control" }, control),
      about,
      opts.hint ? h("div", { class: "hint" }, opts.hint) : null,
      message,
    );
    this.slots.push({ path: () => pathText(path), message, control });
    return wrapper;
  }

  /**
   * Shows every problem at its slot: the slot whose path is the problem's, else the nearest
   * enclosing one. Returns the problems that found no slot on the page.
   */
  showProblems(errors: readonly { path: string; message: string }[], warnings: typeof errors) {
    const byPath = new Map<string, Slot>();
    for (const slot of this.slots) {
      slot.message.replaceChildren();
      slot.message.className = "msg";
      slot.control?.removeAttribute("aria-invalid");
      byPath.set(slot.path(), slot);
    }
    const unplaced: { path: string; message: string }[] = [];
    const place = (p: { path: string; message: string }, kind: "error" | "warning") => {
      let path = p.path;
      let slot = byPath.get(path);
      while (!slot && path) {
        path = parent(path);
        slot = byPath.get(path);
      }
      if (!slot) {
        unplaced.push(p);
        return;
      }
      // Said where it is when shown at an enclosing slot: "Step 1: needs min or max".
      const words = p.path === path ? "" : fieldWords(this.draft.json, p.path, path);
      const where = words ? `${words}: ` : "";
      slot.message.append(h("div", { class: kind }, `${where}${p.message}`));
      slot.message.className = "msg shown";
      if (kind === "error" && p.path === path) slot.control?.setAttribute("aria-invalid", "true");
    };
    for (const p of errors) place(p, "error");
    for (const p of warnings) place(p, "warning");
    for (const fn of this.refreshers) fn();
    return unplaced;
  }

  /** Shows the draft's value at `path` in its field, after a change made elsewhere (a histogram handle). */
  showValue(path: Path): void {
    const text = pathText(path);
    const control = this.slots.find((s) => s.path() === text)?.control;
    if (control instanceof HTMLInputElement && control !== document.activeElement)
      control.value = show(this.draft.get(path));
  }

  /** Focuses the control (or the nearest slot) of a problem's path, opening closed cards. */
  focus(problemPath: string): boolean {
    let path = problemPath;
    for (;;) {
      const slot = this.slots.find((s) => s.path() === path);
      const target = slot?.control ?? slot?.message;
      if (target) {
        for (let el: HTMLElement | null = target; el; el = el.parentElement) {
          if (el instanceof HTMLDetailsElement) el.open = true;
        }
        (slot?.control ?? target).focus();
        target.scrollIntoView({ block: "center" });
        return true;
      }
      if (!path) return false;
      path = parent(path);
    }
  }
}

/** `a.b[2].c` → `a.b[2]` → `a.b` → `a` → "". */
export function parent(path: string): string {
  const m = /^(.*)(\[\d+\]|\.[^.[\]]*)$/.exec(path);
  return m ? (m[1] as string) : "";
}

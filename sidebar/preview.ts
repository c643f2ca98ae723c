/**
 * The live preview: the draft scored in the browser with the core, on the rows the server sent.
 * No server round-trip, so it follows every keystroke. It shows the band distribution, what
 * changes against the saved rubric, and one account's score with its drivers.
 */
import type { SidebarData } from "../src/addon/sidebarApi";
import {
  bandLabels,
  ColumnError,
  coverageText,
  flagEffect,
  formatValue,
  MissingSourceError,
  NO_DATA,
  NO_DATA_COLOR,
  planner,
  plural,
  type RowResult,
  type Rubric,
  type Summary,
  scoreTable,
  signed,
  summarize,
  thousands,
} from "../src/core";
import { fill, h } from "./dom";

type Data = NonNullable<SidebarData["data"]>;
type Results = (RowResult | undefined)[];

interface Scored {
  results: Results;
  error?: string;
}

const ACCOUNT_HEADERS = ["account", "customer", "company", "account name", "name", "client"];
const MAX_CHANGES_SHOWN = 8;

/** Drivers shown for the chosen account; the rest cost less. */
const DRIVERS_SHOWN = 6;

export class Preview {
  /** The compact distribution that stays in view while editing. */
  readonly strip = h("div", { class: "strip", role: "status", "aria-live": "polite" });
  /** The full preview section. */
  readonly section: HTMLElement;
  #body = h("div", { class: "section-body" });
  #account = h("select", { id: "preview-account" });
  #accountDetail = h("div", { class: "account" });
  #names: string[] = [];
  #saved: Scored | null = null;
  #savedRubric: Rubric | null = null;
  #draft: Rubric | undefined;
  #current: Scored | null = null;
  /** Milliseconds the last update took (scoring every row and drawing), kept on the section as data-ms. */
  lastMs = 0;

  constructor(
    readonly data: Data | null,
    readonly dataProblem: string | null,
    readonly options: { asOf: string; timeZone: string },
  ) {
    this.section = h(
      "details",
      { class: "section preview", open: true, id: "preview" },
      h("summary", {}, h("h2", {}, "Preview")),
      this.#body,
    );
    if (data) {
      const col = accountColumn(data.headers);
      this.#names = data.rows.map((row, i) => {
        const name = col >= 0 ? String(row[col] ?? "").trim() : "";
        return name || `Row ${i + 2}`;
      });
      this.#names.forEach((name, i) => {
        this.#account.append(h("option", { value: String(i) }, name));
      });
      this.#account.addEventListener("change", () => this.#renderAccount());
    }
  }

  /** The rubric saved on the sheet, which changes are counted against. */
  setSaved(rubric: Rubric | null): void {
    this.#savedRubric = rubric;
    this.#saved = rubric ? this.#score(rubric) : null;
  }

  /** Scores the draft (undefined while it has errors) and shows the result. */
  update(draft: Rubric | undefined, errorCount: number): void {
    this.#draft = draft;
    if (!this.data) {
      fill(this.strip, h("span", { class: "muted" }, "No rows to preview."));
      fill(
        this.#body,
        h("p", { class: "empty" }, this.dataProblem ?? "There are no account rows to preview."),
      );
      return;
    }
    if (!draft) {
      this.strip.classList.add("stale");
      const note = h("p", { class: "muted" }, `Fix ${plural(errorCount, "problem")} to update the preview.`);
      const old = this.strip.querySelector(".muted");
      if (old) old.replaceWith(note);
      else this.strip.append(note);
      return;
    }
    this.strip.classList.remove("stale");
    const started = performance.now();
    this.#current = this.#score(draft);
    this.#render();
    this.lastMs = performance.now() - started;
    this.section.dataset.ms = this.lastMs.toFixed(1);
  }

  #score(rubric: Rubric): Scored {
    const data = this.data as Data;
    try {
      const results = scoreTable(rubric, data.headers, data.rows, {
        ...this.options,
        sources: data.sources ?? {},
      }) as Results;
      data.rows.forEach((row, i) => {
        if (row.every((c) => c === "")) results[i] = undefined;
      });
      return { results };
    } catch (e) {
      if (e instanceof ColumnError) return { results: [], error: e.message };
      // A source added in the sidebar has no rows here until the rubric is saved and the sidebar reopened.
      if (e instanceof MissingSourceError)
        return {
          results: [],
          error: `${e.message} Save the rubric, then open the sidebar again to preview it.`,
        };
      throw e;
    }
  }

  #render(): void {
    const current = this.#current as Scored;
    if (current.error) {
      fill(this.strip, h("span", { class: "error" }, "The preview cannot read the sheet: see below."));
      fill(this.#body, h("p", { class: "error" }, current.error));
      return;
    }
    const summary = summarize(this.#draft as Rubric, current.results);
    const saved = this.#saved && !this.#saved.error ? this.#saved : null;
    const before = saved && this.#savedRubric ? summarize(this.#savedRubric, saved.results) : null;
    const counts = bandCounts(summary);
    const changes = saved ? bandChanges(saved.results, current.results) : [];
    // The strip: one stacked bar and one line, always in view.
    fill(this.strip, stackedBar(counts), stripLine(counts, saved ? changes.length : null));
    // The section: the sample note, the distribution, the changes, one account.
    fill(
      this.#body,
      this.#sampleNote(summary.rows),
      distribution(counts, before),
      this.#changeList(saved !== null, changes),
      h(
        "div",
        { class: "field" },
        h("label", { for: this.#account.id }, "Account"),
        h("div", { class: "control" }, this.#account),
      ),
      this.#accountDetail,
    );
    this.#renderAccount();
  }

  #sampleNote(rows: number): HTMLElement {
    const data = this.data as Data;
    if (data.totalRows > data.rows.length)
      return h(
        "p",
        { class: "note sample" },
        `Preview on a sample: the first ${thousands(data.rows.length)} of ${thousands(data.totalRows)} rows of "${data.sheet}". Rescore scores them all.`,
      );
    return h(
      "p",
      { class: "note" },
      `All ${plural(rows, "account")} of "${data.sheet}", as of ${this.options.asOf}, scored in your browser.`,
    );
  }

  /** The accounts that would change band against the saved rubric, each a link to its detail. */
  #changeList(compared: boolean, changes: readonly BandChange[]): HTMLElement {
    const list = h("div", { class: "changes" });
    if (!compared) {
      list.append(
        h(
          "p",
          { class: "muted" },
          this.#saved?.error
            ? "The saved rubric cannot read this sheet, so there is nothing to compare with."
            : "No rubric is saved yet, so there is nothing to compare with.",
        ),
      );
      return list;
    }
    if (changes.length === 0) {
      list.append(h("p", { class: "muted" }, "No account changes band against the saved rubric."));
      return list;
    }
    const link = (c: BandChange) =>
      h(
        "button",
        { type: "button", class: "link", onclick: () => this.select(c.row) },
        this.#names[c.row] ?? `Row ${c.row + 2}`,
      );
    list.append(
      h("h3", {}, `${plural(changes.length, "account")} would change band`),
      h(
        "ul",
        {},
        ...changes.slice(0, MAX_CHANGES_SHOWN).map((c) => h("li", {}, link(c), ` ${c.from} → ${c.to}`)),
      ),
    );
    if (changes.length > MAX_CHANGES_SHOWN)
      list.append(h("p", { class: "muted" }, `and ${changes.length - MAX_CHANGES_SHOWN} more.`));
    return list;
  }

  /** Shows one account (by row index) in the preview. */
  select(row: number): void {
    this.#account.value = String(row);
    this.#renderAccount();
    this.#account.focus();
  }

  #renderAccount(): void {
    const i = Number(this.#account.value || 0);
    const r = this.#current?.results[i];
    const before = this.#saved && !this.#saved.error ? this.#saved.results[i] : undefined;
    if (!r) {
      fill(this.#accountDetail, h("p", { class: "muted" }, "This row is blank."));
      return;
    }
    fill(
      this.#accountDetail,
      accountHead(r, before),
      r.action ? h("p", { class: "action" }, r.action) : null,
      h(
        "p",
        { class: "muted" },
        `Coverage ${coverageText(r.coverage)}`,
        r.segment ? ` · segment ${r.segment}` : "",
      ),
      r.drivers.length ? h("h3", {}, "What pulls it down") : null,
      r.drivers.length ? driverList(r) : null,
      this.#plan(i),
      ...r.flags.map((f) => h("p", { class: "flag" }, `Flag: ${f.label} (${flagEffect(f)})`)),
      ...r.invalid.map((c) => h("p", { class: "warning" }, `${c.column}: ${c.reason}`)),
      r.score === null ? h("p", { class: "muted" }, "No metric has a value in this row.") : null,
    );
  }

  /** What would lift the account a band, under the draft: the core's plan, in one sentence. */
  #plan(i: number): HTMLElement | null {
    const row = this.data?.rows[i];
    if (!this.#draft || !row) return null;
    try {
      const plan = planner(this.#draft, (this.data as Data).headers, this.options).planRow(row);
      if (plan.target === null) return null;
      return h("p", { class: plan.reachable ? "plan" : "plan muted", "data-plan": "" }, plan.why);
    } catch (e) {
      if (e instanceof ColumnError) return null;
      throw e;
    }
  }

  /** The band labels the preview shows, low to high (for tests and the strip). */
  labels(): string[] {
    return this.#draft ? bandLabels(this.#draft).map((b) => b.label) : [];
  }
}

interface BandShown {
  label: string;
  color: string;
  count: number;
}

interface BandChange {
  row: number;
  from: string;
  to: string;
}

/** Rows per band, low to high, then No data (shown only when some row has it). */
function bandCounts(summary: Summary): BandShown[] {
  return [
    ...summary.bands.map((b) => ({ label: b.label, color: b.color, count: b.count })),
    { label: NO_DATA, color: NO_DATA_COLOR, count: summary.noData },
  ].filter((b, i, all) => b.count > 0 || i < all.length - 1);
}

/** The rows whose band differs between two scorings of the same rows. */
function bandChanges(before: Results, after: Results): BandChange[] {
  const out: BandChange[] = [];
  after.forEach((r, i) => {
    const b = before[i];
    if (r && b && r.band !== b.band) out.push({ row: i, from: b.band, to: r.band });
  });
  return out;
}

function stackedBar(counts: readonly BandShown[]): HTMLElement {
  const bar = h("div", { class: "stack", "aria-hidden": "true" });
  for (const b of counts) {
    if (b.count > 0)
      bar.append(
        h("span", {
          style: `flex-grow:${b.count};background:${safeColor(b.color)}`,
          title: `${b.label} ${b.count}`,
        }),
      );
  }
  return bar;
}

/** `Red 27 · Yellow 126 · Green 46 · 3 changes`; `changes` is null with no saved rubric to compare. */
function stripLine(counts: readonly BandShown[], changes: number | null): HTMLElement {
  return h(
    "div",
    { class: "line" },
    counts
      .filter((b) => b.count > 0)
      .map((b) => `${b.label} ${b.count}`)
      .join(" · ") || "No rows",
    changes === null
      ? null
      : h(
          "span",
          { class: changes ? "changed" : "muted" },
          changes ? ` · ${plural(changes, "change")}` : " · no change",
        ),
  );
}

/** Rows per band as bars, with the change against the saved rubric when there is one. */
function distribution(counts: readonly BandShown[], before: Summary | null): HTMLElement {
  const was = (label: string) =>
    before
      ? label === NO_DATA
        ? before.noData
        : (before.bands.find((b) => b.label === label)?.count ?? 0)
      : null;
  const max = Math.max(1, ...counts.map((b) => b.count));
  const table = h("table", { class: "dist" }, h("caption", { class: "sr-only" }, "Accounts per band"));
  for (const b of counts) {
    const w = was(b.label);
    const delta =
      w === null ? "" : b.count - w === 0 ? "" : b.count - w > 0 ? `+${b.count - w}` : `−${w - b.count}`;
    const color = safeColor(b.color);
    table.append(
      h(
        "tr",
        {},
        h("th", { scope: "row" }, h("span", { class: "chip", style: `background:${color}` }), b.label),
        h("td", { class: "count" }, String(b.count)),
        h(
          "td",
          { class: "barcell" },
          h("span", { class: "bar", style: `width:${(b.count / max) * 100}%;background:${color}` }),
        ),
        h("td", { class: "delta", title: delta ? `was ${w}` : "" }, delta),
      ),
    );
  }
  return table;
}

/** An account's score and band, and what they were under the saved rubric when that differs. */
function accountHead(r: RowResult, before: RowResult | undefined): HTMLElement {
  return h(
    "div",
    { class: "score" },
    h("span", { class: "big" }, r.score === null ? "–" : r.score.toFixed(1)),
    h("span", { class: "chip pill", style: `background:${safeColor(r.color)}` }, r.band),
    before && (before.band !== r.band || before.score !== r.score)
      ? h(
          "span",
          { class: "muted" },
          ` was ${before.score === null ? NO_DATA : before.score.toFixed(1)} ${before.score === null ? "" : before.band}`,
        )
      : null,
  );
}

/** The metrics that pull an account's score down most, with what each costs. */
function driverList(r: RowResult): HTMLElement {
  return h(
    "ol",
    { class: "drivers" },
    ...r.drivers
      .slice(0, DRIVERS_SHOWN)
      .map((d) =>
        h(
          "li",
          {},
          h("span", { class: "what" }, `${d.label} `, h("span", { class: "muted" }, formatValue(d.value))),
          h("span", { class: Math.round(d.impact) < 0 ? "impact neg" : "impact" }, signed(d.impact)),
        ),
      ),
  );
}

function accountColumn(headers: readonly string[]): number {
  const keys = headers.map((hd) => hd.trim().toLowerCase());
  for (const name of ACCOUNT_HEADERS) {
    const i = keys.indexOf(name);
    if (i >= 0) return i;
  }
  return headers.length > 0 ? 0 : -1;
}

/** Colours come from the rubric, which the core has validated as #rgb / #rrggbb; anything else is grey. */
export function safeColor(color: string): string {
  return /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(color) ? color : NO_DATA_COLOR;
}

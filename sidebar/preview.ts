/**
 * The live preview: the draft scored in the browser with the core, on the rows the server sent.
 * No server round-trip, so it follows every keystroke (only a change of the key or of the Sources
 * asks the server for the draft's source rows). It shows the scores as a histogram with the
 * band thresholds to drag, the band distribution, what changes against the saved rubric, and one
 * account's score with its drivers.
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
  type PathKey,
  planner,
  plural,
  type RowResult,
  type Rubric,
  rebandRows,
  type Summary,
  scoreTable,
  signed,
  summarize,
  thousands,
} from "../src/core";
import { fill, h } from "./dom";
import { Histogram, type HistogramRow } from "./histogram";
import { server } from "./server";

type Data = NonNullable<SidebarData["data"]>;
type Results = (RowResult | undefined)[];

interface Scored {
  results: Results;
  error?: string;
}

const ACCOUNT_HEADERS = ["account", "customer", "company", "account name", "name", "client"];
/** Changes listed at first, and added by each "Show more": the list scrolls, the page stays light. */
const CHANGES_PAGE = 100;

/** Drivers shown for the chosen account; the rest cost less. */
const DRIVERS_SHOWN = 6;

/**
 * The draft with its bands left out. Bands never change a score (the core bands a row after
 * scoring it), so two drafts with the same key score alike, and the preview re-bands the rows it
 * has rather than score them again: dragging a threshold costs a loop, not a rescore.
 */
const withoutBands = (rubric: Rubric): string =>
  JSON.stringify(rubric, (key, value) => (key === "bands" ? undefined : value));

export interface PreviewOptions {
  asOf: string;
  timeZone: string;
  /** A histogram handle moved band i's from (of the rubric being edited) to `from`. */
  onThreshold?: (band: number, from: unknown) => void;
}

export class Preview {
  /** The compact distribution that stays in view while editing. */
  readonly strip = h("div", { class: "strip", role: "status", "aria-live": "polite" });
  /** The full preview section. */
  readonly section: HTMLElement;
  #body = h("div", { class: "section-body" });
  // The body's parts are kept across updates, so a dragged handle or a focused field is never replaced.
  #note = h("div", {});
  #histogram: Histogram;
  #dist = h("div", {});
  #changes = h("div", { class: "changes" });
  #account = h("input", {
    id: "preview-account",
    type: "search",
    list: "account-names",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Type to find an account",
  });
  #accountRow = 0;
  #accountDetail = h("div", { class: "account", id: "account-detail" });
  /** Each row's name in the picker: its account name, with its row number when two share one. */
  #names: string[] = [];
  #saved: Scored | null = null;
  #savedRubric: Rubric | null = null;
  #draft: Rubric | undefined;
  #scope: readonly PathKey[] = [];
  #current: Scored | null = null;
  #currentKey = "";
  /** The key and Sources the rows of `data.sources` were read for (set by the first rubric shown). */
  #sourcesFor: string | undefined;
  /** Milliseconds the last update took (scoring every row and drawing), kept on the section as data-ms. */
  lastMs = 0;

  constructor(
    readonly data: Data | null,
    readonly dataProblem: string | null,
    readonly options: PreviewOptions,
  ) {
    this.#histogram = new Histogram((band, from) => this.options.onThreshold?.(band, from));
    this.section = h(
      "details",
      { class: "section preview", open: true, id: "preview" },
      h("summary", {}, h("h2", {}, "Preview")),
      this.#body,
    );
    if (!data) return;
    const col = accountColumn(data.headers);
    const names = data.rows.map(
      (row, i) => (col >= 0 ? String(row[col] ?? "").trim() : "") || `Row ${i + 2}`,
    );
    const seen = new Map<string, number>();
    for (const n of names) seen.set(n.toLowerCase(), (seen.get(n.toLowerCase()) ?? 0) + 1);
    this.#names = names.map((n, i) => ((seen.get(n.toLowerCase()) ?? 0) > 1 ? `${n} (row ${i + 2})` : n));
    const list = h("datalist", { id: "account-names" }, ...this.#names.map((n) => h("option", { value: n })));
    this.#account.value = this.#names[0] ?? "";
    // The list filters as one types; a name picked or typed in full shows that account, and
    // Enter takes the first name that contains what was typed.
    this.#account.addEventListener("input", () => {
      const row = this.#names.indexOf(this.#account.value);
      if (row >= 0) this.#choose(row);
    });
    this.#account.addEventListener("change", () => this.#pickTyped());
    this.#account.addEventListener("keydown", (e) => {
      if (e.key === "Enter") this.#pickTyped();
    });
    fill(
      this.#body,
      this.#note,
      this.#histogram.element,
      this.#dist,
      this.#changes,
      h(
        "div",
        { class: "field" },
        h("label", { for: this.#account.id }, "Account"),
        h("div", { class: "control" }, this.#account, list),
      ),
      this.#accountDetail,
    );
  }

  #pickTyped(): void {
    const typed = this.#account.value.trim().toLowerCase();
    if (!typed) return;
    const row = this.#names.findIndex((n) => n.toLowerCase() === typed);
    const found = row >= 0 ? row : this.#names.findIndex((n) => n.toLowerCase().includes(typed));
    if (found < 0) {
      fill(
        this.#accountDetail,
        h("p", { class: "muted" }, `No account's name contains "${this.#account.value.trim()}".`),
      );
      return;
    }
    this.#account.value = this.#names[found] as string;
    this.#choose(found);
  }

  #choose(row: number): void {
    this.#accountRow = row;
    this.#renderAccount();
  }

  /** The rubric saved on the sheet, which changes are counted against. */
  setSaved(rubric: Rubric | null): void {
    this.#sourcesFor ??= sourcesKey(rubric ?? undefined);
    this.#savedRubric = rubric;
    this.#saved = rubric ? this.#score(rubric) : null;
  }

  /** True when the draft differs from the one last shown only in its bands: updating is then cheap. */
  onlyBandsMoved(draft: Rubric | undefined): boolean {
    return Boolean(
      draft && this.#current && !this.#current.error && withoutBands(draft) === this.#currentKey,
    );
  }

  /** Scores the draft (undefined while it has errors) and shows the result; `scope` is the rubric being edited. */
  update(draft: Rubric | undefined, errorCount: number, scope: readonly PathKey[] = []): void {
    this.#draft = draft;
    this.#scope = scope;
    if (draft && this.data) this.#readSources(draft, errorCount);
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
    if (this.onlyBandsMoved(draft)) rebandRows(draft, (this.#current as Scored).results);
    else {
      this.#current = this.#score(draft);
      this.#currentKey = withoutBands(draft);
    }
    this.#render();
    this.lastMs = performance.now() - started;
    this.section.dataset.ms = this.lastMs.toFixed(1);
  }

  /**
   * The server sent the source rows the saved rubric reads; when the draft's key or Sources change
   * (a source added, its sheet or columns picked), it is asked for the draft's, then the preview is
   * drawn again, so an unsaved source previews.
   */
  #readSources(draft: Rubric, errorCount: number): void {
    const wanted = sourcesKey(draft);
    if (wanted === this.#sourcesFor) return;
    this.#sourcesFor = wanted;
    server
      .draftSources(draft)
      .then((sources) => {
        const data = this.data as Data;
        if (wanted !== this.#sourcesFor) return; // a later edit asked again
        data.sources = { ...data.sources, ...sources };
        this.#currentKey = "";
        this.update(this.#draft, errorCount, this.#scope);
      })
      .catch(() => {
        // The preview keeps saying which source it lacks; Save still reads it.
      });
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
          error: `${e.message} Give each its sheet and columns under Sources to preview it.`,
        };
      throw e;
    }
  }

  #render(): void {
    const current = this.#current as Scored;
    const failed = Boolean(current.error);
    for (const part of [this.#histogram.element, this.#dist, this.#changes]) part.hidden = failed;
    if (current.error) {
      fill(this.strip, h("span", { class: "error" }, "The preview cannot read the sheet: see below."));
      fill(this.#note, h("p", { class: "error" }, current.error));
      fill(this.#accountDetail);
      return;
    }
    const draft = this.#draft as Rubric;
    const summary = summarize(draft, current.results);
    const saved = this.#saved && !this.#saved.error ? this.#saved : null;
    const before = saved && this.#savedRubric ? summarize(this.#savedRubric, saved.results) : null;
    const counts = bandCounts(summary);
    const changes = saved ? bandChanges(bandLabels(draft), saved.results, current.results) : [];
    // The strip: one stacked bar and one line, always in view.
    fill(this.strip, stackedBar(counts), stripLine(counts, saved ? changes.length : null));
    fill(this.#note, this.#sampleNote(summary.rows));
    this.#drawHistogram(draft, current.results);
    fill(this.#dist, distribution(counts, before));
    this.#changeList(saved !== null, changes);
    this.#renderAccount();
  }

  /** The scores of the rows the rubric being edited scores, under its bands. */
  #drawHistogram(draft: Rubric, results: Results): void {
    const segment = this.#scope.length === 3 ? String(this.#scope[2]) : undefined;
    const rubric = (segment === undefined ? draft : draft.segments?.rubrics[segment]) ?? draft;
    const rows: HistogramRow[] = [];
    for (const r of results)
      if (r && r.score !== null && r.segment === segment)
        rows.push({ score: r.score, color: safeColor(r.color) });
    this.#histogram.update(
      rows,
      rubric.bands.map((b) => ({ label: b.label, color: safeColor(b.color), from: b.from })),
      rubric.method !== "points",
    );
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

  /**
   * Every account that would change band against the saved rubric, the furthest moved first, in
   * a list that scrolls and grows a page at a time; each opens the account's drivers.
   */
  #changeList(compared: boolean, changes: readonly BandChange[]): void {
    const list = this.#changes;
    if (!compared) {
      fill(
        list,
        h(
          "p",
          { class: "muted" },
          this.#saved?.error
            ? "The saved rubric cannot read this sheet, so there is nothing to compare with."
            : "No rubric is saved yet, so there is nothing to compare with.",
        ),
      );
      return;
    }
    if (changes.length === 0) {
      fill(list, h("p", { class: "muted" }, "No account changes band against the saved rubric."));
      return;
    }
    const ul = h("ul", { class: "change-list", id: "change-list", tabindex: "-1" });
    const more = h("button", { type: "button", class: "link", id: "more-changes" });
    const show = (shown: number) => {
      const next = changes.slice(ul.children.length, shown);
      ul.append(
        ...next.map((c) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "link", onclick: () => this.select(c.row) },
              this.#names[c.row] ?? `Row ${c.row + 2}`,
            ),
            ` ${c.from} → ${c.to} `,
            h("span", { class: "muted" }, `${scoreText(c.scoreFrom)} → ${scoreText(c.scoreTo)}`),
          ),
        ),
      );
      const left = changes.length - ul.children.length;
      more.hidden = left <= 0;
      more.textContent = `Show ${Math.min(left, CHANGES_PAGE)} more of ${thousands(left)}`;
    };
    more.addEventListener("click", () => show(ul.children.length + CHANGES_PAGE));
    fill(list, h("h3", {}, `${plural(changes.length, "account")} would change band`), ul, more);
    show(CHANGES_PAGE);
  }

  /** Shows one account (by row index) in the preview, with its drivers. */
  select(row: number): void {
    this.#account.value = this.#names[row] ?? "";
    this.#choose(row);
    this.#accountDetail.scrollIntoView({ block: "nearest" });
    this.#account.focus();
  }

  #renderAccount(): void {
    const i = this.#accountRow;
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
      const data = this.data as Data;
      const options = { ...this.options, sources: data.sources ?? {} };
      const plan = planner(this.#draft, data.headers, options).planRow(row);
      if (plan.target === null) return null;
      return h("p", { class: plan.reachable ? "plan" : "plan muted", "data-plan": "" }, plan.why);
    } catch (e) {
      // The preview already says which column or source it lacks.
      if (e instanceof ColumnError || e instanceof MissingSourceError) return null;
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
  scoreFrom: number | null;
  scoreTo: number | null;
}

/**
 * The rows whose band differs between two scorings of the same rows, the furthest moved first:
 * by bands crossed (low to high, No data below the lowest), then by how far the score moved.
 */
function bandChanges(labels: readonly { label: string }[], before: Results, after: Results): BandChange[] {
  const rank = new Map(labels.map((b, i) => [b.label, i + 1]));
  const out: (BandChange & { steps: number; points: number })[] = [];
  after.forEach((r, i) => {
    const b = before[i];
    if (!r || !b || r.band === b.band) return;
    out.push({
      row: i,
      from: b.band,
      to: r.band,
      scoreFrom: b.score,
      scoreTo: r.score,
      steps: Math.abs((rank.get(r.band) ?? 0) - (rank.get(b.band) ?? 0)),
      points: Math.abs((r.score ?? 0) - (b.score ?? 0)),
    });
  });
  return out.sort((x, y) => y.steps - x.steps || y.points - x.points || x.row - y.row);
}

/** Rows per band, low to high, then No data (shown only when some row has it). */
function bandCounts(summary: Summary): BandShown[] {
  return [
    ...summary.bands.map((b) => ({ label: b.label, color: b.color, count: b.count })),
    { label: NO_DATA, color: NO_DATA_COLOR, count: summary.noData },
  ].filter((b, i, all) => b.count > 0 || i < all.length - 1);
}

const scoreText = (score: number | null): string => (score === null ? NO_DATA : score.toFixed(1));

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

/** What the source rows sent depend on: the rubric's key and its Sources table. */
function sourcesKey(rubric: Rubric | undefined): string {
  return JSON.stringify([rubric?.key ?? null, rubric?.sources ?? null]);
}

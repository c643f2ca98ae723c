/**
 * Check against churn: the saved rubric calibrated on the server against a column that says who
 * churned (the same numbers as the Health Calibration sheet, which the check writes), summed up
 * for a CS manager, with the suggested weights and thresholds loadable into the draft. Loading
 * only edits the draft: the preview shows what would change, and nothing is saved until Save.
 */
import {
  type AppliedWeights,
  applySuggestedThresholds,
  applySuggestedWeights,
  type Calibration,
  calibrationVerdict,
  describeAuc,
  guessOutcomeColumn,
  isObject,
  plural,
  thousands,
  thresholdsFit,
} from "../src/core";
import { fill, h } from "./dom";
import type { Draft, Json } from "./draft";
import { safeColor } from "./preview";
import { server } from "./server";

const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const auc2 = (x: number) => x.toFixed(2);
const auc3 = (x: number) => x.toFixed(3);
const pct = (share: number) => `${Math.round(share * 100)}%`;
/** One decimal, and no float dust (43.099999 → 43.1). */
const tenth = (x: number) => Math.round(x * 10) / 10;

export class CalibrationSection {
  readonly section: HTMLElement;
  #column = h("select", { id: "outcome-column" });
  #check = h("button", { type: "button", id: "check-churn" }, "Check against churn");
  #about = h("p", { class: "hint", id: "check-about" });
  #status = h("div", { class: "calib-status", role: "status", "aria-live": "polite" });
  #result = h("div", { class: "calib-result", id: "calibration" });
  #loadWeights = h("button", { type: "button", id: "load-weights" }, "Load suggested weights as a draft");
  #loadThresholds = h("button", { type: "button", id: "load-thresholds" }, "Load suggested thresholds");
  #weightsNote = h("p", { class: "hint" });
  #thresholdsNote = h("p", { class: "hint" });
  #loaded = h("div", { class: "msg", role: "status", "aria-live": "polite" });
  #stale = h("p", { class: "warning", hidden: true });
  #calibration: Calibration | null = null;
  /** The saved rubric the shown check was made on, to say when it has been saved over since. */
  #checkedSaved = "";
  #busy = false;

  constructor(
    readonly draft: Draft,
    headers: readonly string[],
    dataProblem: string | null,
  ) {
    const guess = guessOutcomeColumn(headers);
    this.#column.append(h("option", { value: "" }, "Choose the outcome column…"));
    for (const hd of headers) this.#column.append(h("option", { value: hd, selected: hd === guess }, hd));
    this.#column.disabled = headers.length === 0;
    this.#check.addEventListener("click", () => void this.check());
    this.#loadWeights.addEventListener("click", () => this.#applyWeights());
    this.#loadThresholds.addEventListener("click", () => this.#applyThresholds());
    this.section = h(
      "details",
      { class: "section", id: "churn" },
      h("summary", {}, h("h2", {}, "Check against churn")),
      h(
        "div",
        { class: "section-body" },
        h(
          "p",
          { class: "help" },
          "Does the saved rubric rank the accounts that churned below those that stayed? The check also writes the Health Calibration sheet.",
        ),
        headers.length === 0
          ? h("p", { class: "empty" }, dataProblem ?? "The data sheet has no columns to choose from.")
          : null,
        h("label", { for: this.#column.id }, "Column that says who churned"),
        this.#column,
        h(
          "p",
          { class: "hint" },
          "TRUE = churned in a column like Churned; TRUE = stayed in one like Renewed.",
        ),
        h("div", { class: "buttons" }, this.#check),
        this.#about,
        this.#status,
        this.#result,
      ),
    );
  }

  /** Follows the draft: shown with a rubric, and says what the check reads and whether it is current. */
  refresh(): void {
    const { draft } = this;
    this.section.hidden = draft.json === null;
    this.#check.disabled = this.#busy || draft.saved === null || this.#column.disabled;
    this.#about.textContent =
      draft.saved === null
        ? "Save a rubric first: the check scores the rubric saved on the Health Rubric sheet."
        : draft.dirty
          ? "The check reads the saved rubric: your unsaved changes are not part of it."
          : "";
    this.#about.hidden = this.#about.textContent === "";
    // Discarded or saved: what loading said no longer describes the draft.
    if (!draft.dirty) {
      this.#loaded.replaceChildren();
      this.#loaded.className = "msg";
    }
    const stale = this.#calibration !== null && JSON.stringify(draft.saved) !== this.#checkedSaved;
    this.#stale.hidden = !stale;
    this.#stale.textContent = stale
      ? "The rubric has been saved since this check: check again to see how it does now."
      : "";
    this.#refreshLoads();
  }

  async check(): Promise<void> {
    const column = this.#column.value;
    if (this.#busy) return;
    if (!column) {
      fill(this.#status, h("p", { class: "error" }, "Choose the column that says who churned first."));
      this.#column.focus();
      return;
    }
    this.#busy = true;
    this.#check.textContent = "Checking…";
    this.#result.setAttribute("aria-busy", "true");
    this.refresh();
    fill(
      this.#status,
      h(
        "p",
        { class: "notice busy" },
        `Checking the saved rubric against "${column}": scoring every account…`,
      ),
    );
    const saved = JSON.stringify(this.draft.saved);
    try {
      const c = await server.checkCalibration(column);
      this.#calibration = c;
      this.#checkedSaved = saved;
      this.#status.replaceChildren();
      this.#render(c, c.predictive);
    } catch (e) {
      this.#calibration = null;
      this.#result.replaceChildren();
      fill(
        this.#status,
        h("div", { class: "notice error", role: "alert" }, h("p", {}, (e as Error).message)),
      );
    } finally {
      this.#busy = false;
      this.#check.textContent = "Check against churn";
      this.#result.removeAttribute("aria-busy");
      this.refresh();
    }
  }

  /** `predictive`: the server's sentences on the check against the Health History (or why there is none). */
  #render(c: Calibration, predictive?: { mode: string; sentences: string[] }): void {
    fill(
      this.#result,
      h(
        "p",
        { class: "calib-head" },
        `Checked "${c.rubric}" against ${c.outcome.column}; the Health Calibration sheet has the details.`,
      ),
      predictive
        ? h(
            "div",
            { class: predictive.mode === "predictive" ? "callout" : "hint", id: "calib-mode" },
            ...predictive.sentences.map((s) => h("p", {}, s)),
          )
        : null,
      this.#stale,
      ...howWellItRanks(c),
      c.warning ? h("p", { class: "callout warning-box" }, c.warning) : null,
      c.outcome_warning ? h("p", { class: "warning", id: "calib-outcome" }, c.outcome_warning) : null,
      this.#bands(c),
      this.#disagreeing(c),
      this.#weights(c),
      this.#thresholds(c),
      this.#loaded,
    );
    this.#loaded.replaceChildren();
    this.#loaded.className = "msg";
  }

  #bands(c: Calibration): HTMLElement {
    const colors = new Map(
      list(this.draft.saved?.bands).map((b) => [String(b.label), typeof b.color === "string" ? b.color : ""]),
    );
    const max = Math.max(0.01, ...c.bands.map((b) => b.churn_rate ?? 0));
    const table = h("table", { class: "dist churn", id: "churn-bands" }, h("caption", {}, "Churn by band"));
    for (const b of c.bands) {
      const color = safeColor(colors.get(b.label) ?? "");
      table.append(
        h(
          "tr",
          {},
          h("th", { scope: "row" }, h("span", { class: "chip", style: `background:${color}` }), b.label),
          h(
            "td",
            { class: "barcell", "aria-hidden": "true" },
            h("span", {
              class: "bar",
              style: `width:${((b.churn_rate ?? 0) / max) * 100}%;background:${color}`,
            }),
          ),
          h("td", { class: "count rate" }, b.churn_rate === null ? "–" : pct(b.churn_rate)),
          h(
            "td",
            { class: "of", title: `${b.churned} of ${b.accounts} accounts churned` },
            `${b.churned}/${b.accounts}`,
          ),
        ),
      );
    }
    return h(
      "div",
      {},
      table,
      c.monotonic_warning
        ? h("p", { class: "warning", id: "calib-order" }, c.monotonic_warning)
        : h(
            "p",
            { class: "muted", id: "calib-order" },
            "Churn falls from the lowest band to the highest, as it should.",
          ),
    );
  }

  #disagreeing(c: Calibration): HTMLElement {
    const against = c.metrics.filter((m) => m.disagrees);
    if (against.length === 0)
      return h("p", { class: "muted" }, "Every metric points the way the rubric scores it.");
    return h(
      "div",
      { id: "calib-disagree" },
      h("h3", {}, `${plural(against.length, "metric")} the data reads the other way`),
      h(
        "ul",
        { class: "calib-list" },
        ...against.map((m) =>
          h(
            "li",
            {},
            h("strong", {}, m.label),
            m.direction === "unclear" || m.rubric_direction === "unclear"
              ? ": churned accounts score higher on it than retained ones"
              : `: the data says ${m.direction}, the rubric scores ${m.rubric_direction}`,
            m.significant ? "." : " (could be noise).",
          ),
        ),
      ),
    );
  }

  #weights(c: Calibration): HTMLElement {
    return h(
      "div",
      {},
      weightsTable(c),
      h("p", { id: "calib-verdict" }, c.verdict.text),
      c.note ? h("p", { class: "note" }, c.note) : null,
      h("div", { class: "buttons" }, this.#loadWeights),
      this.#weightsNote,
    );
  }

  #thresholds(c: Calibration): HTMLElement | null {
    const cuts = c.suggested.thresholds;
    const bands = c.bands.filter((b) => b.from !== undefined);
    if (!cuts) {
      return h(
        "p",
        { class: "muted" },
        "No band thresholds to suggest: the scores are too few or too tied to place them.",
      );
    }
    // The core keeps today's threshold where the data would move it by less than a point.
    const moves = bands.map((b, i) =>
      cuts[i] === b.from ? `${b.label} stays at ${b.from}` : `${b.label} from ${b.from} → ${cuts[i] ?? "?"}`,
    );
    const churn = (c.suggested.bands ?? [])
      .map((b) => `${b.label} ${b.churn_rate === null ? "–" : pct(b.churn_rate)}`)
      .join(" · ");
    return h(
      "div",
      { id: "calib-thresholds" },
      h("h3", {}, "Suggested band thresholds"),
      h("p", {}, moves.join(" · ")),
      churn ? h("p", { class: "muted" }, `Churn per band with them: ${churn}.`) : null,
      h(
        "p",
        { class: "hint" },
        "Found on today's scores, so they go with today's weights: after loading new weights, save and check again.",
      ),
      h("div", { class: "buttons" }, this.#loadThresholds),
      this.#thresholdsNote,
    );
  }

  /** Which load buttons apply to the draft as it stands, and why not when they do not. */
  #refreshLoads(): void {
    const c = this.#calibration;
    const json = this.draft.json;
    const noWeights = !c || Object.values(c.suggested.weights).every((w) => w === 0);
    this.#loadWeights.disabled = this.#busy || !json || noWeights;
    const grouped = json?.method !== "points" && isObject(json?.groups);
    this.#weightsNote.textContent = !c
      ? ""
      : noWeights
        ? "No metric's score goes with retention here, so there are no weights to load."
        : grouped
          ? "Your rubric has groups: loading sets each metric's weight to its suggested share and each group's weight to the sum of its metrics', so every metric counts for its suggested share of the score."
          : json?.method === "points"
            ? "Loads the weights on your rubric's own scale (the same total weight as today)."
            : "Loads the suggested shares as the weights. Review the preview, then Save; Discard undoes it.";

    const cuts = c?.suggested.thresholds ?? null;
    const fits = cuts !== null && json !== null && thresholdsFit(json, cuts);
    this.#loadThresholds.disabled = this.#busy || !json || !fits;
    this.#thresholdsNote.textContent =
      cuts && !fits
        ? `Your draft has ${plural(list(json?.bands).length, "band")}; these thresholds are for ${cuts.length + 1}.`
        : "";
  }

  #say(text: string): void {
    fill(this.#loaded, h("div", { class: "ok" }, text));
    this.#loaded.className = "msg shown";
  }

  #applyWeights(): void {
    const c = this.#calibration;
    if (!c || !this.draft.json) return;
    // The suggestion is for the top-level metrics: show those, not a segment's.
    if (this.draft.scope.length > 0) this.draft.setScope([]);
    let done: AppliedWeights = { metrics: 0, groups: 0, kept: [] };
    const segmented = this.draft.get(["segments"]) !== undefined;
    this.draft.update((json) => {
      done = applySuggestedWeights(json, c);
    });
    const changed = [
      plural(done.metrics, "metric weight"),
      done.groups ? plural(done.groups, "group weight") : "",
    ].filter(Boolean);
    this.#say(
      done.metrics + done.groups === 0
        ? "Your draft already has the suggested weights."
        : `Loaded the suggested weights into your draft: ${changed.join(" and ")} changed.${
            done.kept.length ? ` Not in the suggestion, so unchanged: ${done.kept.join(", ")}.` : ""
          }${segmented ? " Segment rubrics keep their own weights." : ""} The preview shows what would change; Save keeps them, Discard undoes it.`,
    );
  }

  #applyThresholds(): void {
    const cuts = this.#calibration?.suggested.thresholds;
    if (!cuts || !this.draft.json) return;
    if (this.draft.scope.length > 0) this.draft.setScope([]);
    let changed = 0;
    this.draft.update((json) => {
      changed = applySuggestedThresholds(json, cuts);
    });
    this.#say(
      changed === 0
        ? "Your draft already has the suggested thresholds."
        : `Loaded the suggested thresholds into your draft: ${plural(changed, "band")} moved. The preview shows what would change; Save keeps them, Discard undoes it.`,
    );
  }
}

/** Each metric's share of the score now and as suggested, and the held-out AUC of each. */
function weightsTable(c: Calibration): HTMLElement {
  const row = (head: string, now: string, suggested: string) =>
    h("tr", {}, h("th", { scope: "row" }, head), h("td", {}, now), h("td", {}, suggested));
  const cv = (x: number | null) => (x === null ? "–" : auc3(x));
  return h(
    "table",
    { class: "calib-weights", id: "calib-weights" },
    h("caption", {}, "Weights, as % of the score"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Metric"),
        h("th", { scope: "col" }, "Now"),
        h("th", { scope: "col" }, "Suggested"),
      ),
    ),
    h(
      "tbody",
      {},
      ...c.metrics.map((m) =>
        row(m.label, `${tenth(c.current.weights[m.id] ?? 0)}%`, `${tenth(c.suggested.weights[m.id] ?? 0)}%`),
      ),
    ),
    h("tfoot", {}, row("AUC on held-out accounts", cv(c.current.cv_auc), cv(c.suggested.cv_auc))),
  );
}

/** The AUC with its interval, what it means, and the accounts it was measured on. */
function howWellItRanks(c: Calibration): HTMLElement[] {
  const reading = describeAuc(c.auc);
  const left = [
    c.excluded.no_outcome ? `${c.excluded.no_outcome} without an outcome` : "",
    c.excluded.no_score ? `${c.excluded.no_score} with no score` : "",
  ].filter(Boolean);
  return [
    h("p", { id: "calib-headline" }, h("strong", {}, calibrationVerdict(c))),
    h(
      "p",
      { class: "auc" },
      h("strong", { id: "calib-auc" }, `AUC ${auc2(c.auc)}`),
      ` (95% interval ${auc2(c.auc_ci[0])}–${auc2(c.auc_ci[1])})`,
    ),
    h(
      "p",
      { id: "calib-reading" },
      `${reading[0]?.toUpperCase()}${reading.slice(1)}: a retained account outscores a churned one ${pct(c.auc)} of the time; 50% is chance.`,
      c.auc_ci[0] <= 0.5 ? " Its interval reaches 0.5, so the score does not yet separate churn." : "",
    ),
    h(
      "p",
      { class: "muted", id: "calib-counts" },
      `${plural(c.n, "account")}, ${thousands(c.churned)} churned (${pct(c.churn_rate)}).`,
      left.length ? ` Left out: ${left.join(", ")}.` : "",
    ),
  ];
}

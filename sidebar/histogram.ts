/**
 * The scores of the previewed rows in bins, with the band thresholds drawn on them as handles to
 * drag. A handle is a slider to the keyboard (arrows ±1, Page Up/Down ±5, Home/End to its
 * neighbours) and has a number field beside the chart; all three write the band's `from` in the
 * draft, the one place a threshold lives, so the editor's From field, validation and the preview
 * follow. Dragging keeps a threshold between its neighbours' (a band's from must stay above the
 * previous one's), so a drag never makes the rubric invalid; a typed number is validated as typed.
 */
import { h } from "./dom";
import { parseNumberText } from "./form";

export interface HistogramBand {
  label: string;
  color: string;
  /** Absent for the lowest band. */
  from?: number;
}

export interface HistogramRow {
  score: number;
  color: string;
}

const SVG = "http://www.w3.org/2000/svg";
const BINS = 20;
const HEIGHT = 64;

/** A step of 1, 2 or 5 × 10ⁿ that cuts `span` into about `bins` bins. */
function niceStep(span: number, bins: number): number {
  const raw = Math.max(span / bins, 1e-9);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

export class Histogram {
  readonly element: HTMLElement;
  #svg = document.createElementNS(SVG, "svg");
  #plot = h("div", { class: "plot" });
  #axis = h("div", { class: "axis", "aria-hidden": "true" });
  #fields = h("div", { class: "thresholds" });
  #bands: HistogramBand[] = [];
  #lo = 0;
  #hi = 100;

  /** `onMove(i, from)`: band i's from was dragged, keyed or typed (a typed value may be any text). */
  constructor(readonly onMove: (band: number, from: unknown) => void) {
    this.#svg.setAttribute("preserveAspectRatio", "none");
    this.#svg.setAttribute("aria-hidden", "true");
    this.#plot.append(this.#svg);
    this.element = h(
      "div",
      {
        class: "histogram",
        id: "histogram",
        role: "group",
        "aria-label": "Scores, with the band thresholds",
      },
      this.#plot,
      this.#axis,
      this.#fields,
    );
  }

  /** Draws the rows' scores and the bands' thresholds; keeps a focused handle or field in place. */
  update(rows: readonly HistogramRow[], bands: readonly HistogramBand[], weighted: boolean): void {
    const froms = bands.flatMap((b) => (b.from === undefined ? [] : [b.from]));
    let lo = weighted ? 0 : Number.POSITIVE_INFINITY;
    let hi = weighted ? 100 : Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      if (r.score < lo) lo = r.score;
      if (r.score > hi) hi = r.score;
    }
    for (const f of froms) {
      if (f < lo) lo = f;
      if (f > hi) hi = f;
    }
    if (!Number.isFinite(lo)) [lo, hi] = [0, 100];
    const step = niceStep(hi - lo || 1, BINS);
    lo = Math.floor(lo / step) * step;
    hi = Math.max(lo + step, Math.ceil(hi / step) * step);
    // While a handle is held the scale stays put, so the handle stays under the pointer.
    if (!this.#plot.querySelector(".handle.dragging")) [this.#lo, this.#hi] = [lo, hi];
    this.#bands = bands.map((b) => ({ ...b }));
    this.#drawBars(rows, step);
    this.#drawHandles();
    this.#drawFields();
    this.#axis.replaceChildren(h("span", {}, String(this.#lo)), h("span", {}, String(this.#hi)));
  }

  #x(value: number): number {
    return ((value - this.#lo) / (this.#hi - this.#lo)) * 100;
  }

  /** One column per bin, stacked by colour (a bin can straddle a threshold). */
  #drawBars(rows: readonly HistogramRow[], step: number): void {
    const n = Math.max(1, Math.round((this.#hi - this.#lo) / step));
    const bins: Map<string, number>[] = Array.from({ length: n }, () => new Map());
    for (const r of rows) {
      const i = Math.min(n - 1, Math.max(0, Math.floor((r.score - this.#lo) / step)));
      const bin = bins[i] as Map<string, number>;
      bin.set(r.color, (bin.get(r.color) ?? 0) + 1);
    }
    const most = Math.max(1, ...bins.map((b) => [...b.values()].reduce((a, c) => a + c, 0)));
    this.#svg.setAttribute("viewBox", `0 0 ${n} ${HEIGHT}`);
    this.#svg.replaceChildren();
    bins.forEach((bin, i) => {
      let y = HEIGHT;
      for (const [color, count] of bin) {
        const height = (count / most) * HEIGHT;
        y -= height;
        const rect = document.createElementNS(SVG, "rect");
        for (const [k, v] of [
          ["x", i + 0.06],
          ["y", y],
          ["width", 0.88],
          ["height", height],
          ["fill", color],
        ] as const)
          rect.setAttribute(k, String(v));
        this.#svg.append(rect);
      }
    });
  }

  /** The lowest and highest value band i's from may take: between its neighbours' froms. */
  #bounds(i: number): [number, number] {
    const prev = this.#bands
      .slice(0, i)
      .reverse()
      .find((b) => b.from !== undefined)?.from;
    const next = this.#bands.slice(i + 1).find((b) => b.from !== undefined)?.from;
    const min = prev === undefined ? Math.ceil(this.#lo) : Math.floor(prev) + 1;
    const max = next === undefined ? Math.floor(this.#hi) : Math.ceil(next) - 1;
    return [min, Math.max(min, max)];
  }

  #move(i: number, value: number): void {
    const [min, max] = this.#bounds(i);
    const v = Math.min(max, Math.max(min, Math.round(value)));
    if (v !== this.#bands[i]?.from) this.onMove(i, v);
  }

  #drawHandles(): void {
    const handles = this.#bands.flatMap((band, i) => (i > 0 && band.from !== undefined ? [i] : []));
    const existing = [...this.#plot.querySelectorAll<HTMLElement>(".handle")];
    // Handles are kept across updates (only moved), so a drag or the keyboard focus is never lost.
    existing.slice(handles.length).forEach((el) => {
      el.remove();
    });
    handles.forEach((i, k) => {
      const band = this.#bands[i] as HistogramBand;
      const el = existing[k] ?? this.#handle();
      el.dataset.band = String(i);
      const [min, max] = this.#bounds(i);
      el.style.left = `${this.#x(band.from as number)}%`;
      el.style.setProperty("--band", band.color);
      el.setAttribute("aria-label", `${band.label} from`);
      el.setAttribute("aria-valuenow", String(band.from));
      el.setAttribute("aria-valuemin", String(min));
      el.setAttribute("aria-valuemax", String(max));
      el.title = `${band.label} from ${band.from}: drag, or use the arrow keys`;
      if (!el.isConnected) this.#plot.append(el);
    });
  }

  #handle(): HTMLElement {
    const el = h("div", { class: "handle", role: "slider", tabindex: "0", "aria-orientation": "horizontal" });
    const band = () => Number(el.dataset.band);
    const from = () => this.#bands[band()]?.from ?? 0;
    el.addEventListener("keydown", (e) => {
      const [min, max] = this.#bounds(band());
      const to: Record<string, number> = {
        ArrowLeft: from() - 1,
        ArrowDown: from() - 1,
        ArrowRight: from() + 1,
        ArrowUp: from() + 1,
        PageDown: from() - 5,
        PageUp: from() + 5,
        Home: min,
        End: max,
      };
      const value = to[e.key];
      if (value === undefined) return;
      e.preventDefault();
      this.#move(band(), value);
    });
    el.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      el.focus();
      el.setPointerCapture(e.pointerId);
      el.classList.add("dragging");
    });
    el.addEventListener("pointermove", (e) => {
      if (!el.hasPointerCapture(e.pointerId)) return;
      const rect = this.#plot.getBoundingClientRect();
      this.#move(band(), this.#lo + ((e.clientX - rect.left) / rect.width) * (this.#hi - this.#lo));
    });
    const release = () => {
      el.classList.remove("dragging");
    };
    el.addEventListener("pointerup", release);
    el.addEventListener("pointercancel", release);
    return el;
  }

  /** A number field per threshold, for typing one; kept across updates like the handles. */
  #drawFields(): void {
    const wanted = this.#bands.slice(1).map((_band, k) => k + 1);
    const key = wanted.map((i) => this.#bands[i]?.label).join("\n");
    if (this.#fields.dataset.key !== key) {
      this.#fields.dataset.key = key;
      this.#fields.replaceChildren(
        ...wanted.map((i) => {
          const id = `threshold-${i}`;
          const input = h("input", { id, class: "num", inputmode: "decimal", autocomplete: "off" });
          input.addEventListener("input", () => this.onMove(i, parseNumberText(input.value)));
          return h(
            "div",
            { class: "field" },
            h("label", { for: id }, `${this.#bands[i]?.label} from`),
            input,
          );
        }),
      );
    }
    for (const i of wanted) {
      const input = this.#fields.querySelector<HTMLInputElement>(`#threshold-${i}`);
      const from = this.#bands[i]?.from;
      if (input && document.activeElement !== input) input.value = from === undefined ? "" : String(from);
    }
  }
}

/**
 * The rubric editor: every part of docs/rubric.md as a form over the draft. Method and missing
 * policy; bands; groups; metrics with their scorers; flags; segments. Lists can be added to,
 * removed from, duplicated and reordered. Typing changes one field (messages and preview follow);
 * anything that changes the shape re-renders the editor.
 */
import {
  type From,
  fromText,
  groupShares,
  idFrom,
  isObject,
  metricShares,
  pathText,
  plural,
  suggestScorer,
} from "../src/core";
import { append, h, iconButton, percent } from "./dom";
import { clone, type Json, type Key, type Path, renameKey } from "./draft";
import type { EditorContext } from "./editorContext";
import { itemTitle } from "./fieldWords";
import { scorerEditor } from "./scorerEditor";

export type { EditorContext };

const METHODS = [
  ["weighted", "Weighted: 0 to 100"],
  ["points", "Points"],
] as const;
const METHOD_HELP = {
  weighted: "Each metric scores 0–100; the score is their mean, weighted.",
  points: "Each metric gives points (weight × points); the score is their sum.",
};
const MISSING = [
  ["skip", "Skip it"],
  ["zero", "Count it as 0"],
  ["neutral", "Count it as 50"],
] as const;
const INPUTS = [
  ["number", "Number"],
  ["text", "Text"],
  ["boolean", "Checkbox (TRUE / FALSE)"],
  ["daysSince", "Date → days since"],
] as const;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

export function renderEditor(ctx: EditorContext): HTMLElement {
  const { draft } = ctx;
  const root = h("div", { class: "editor" });
  const scope = draft.scope;
  if (draft.get(["segments"]) !== undefined) root.append(scopePicker(ctx));
  const points = draft.get([...scope, "method"]) === "points";
  append(
    root,
    settingsSection(ctx, scope),
    bandsSection(ctx, scope),
    // Groups apply to the weighted method only; under points they show only to be removed.
    points && draft.get([...scope, "groups"]) === undefined ? null : groupsSection(ctx, scope),
    metricsSection(ctx, scope),
    flagsSection(ctx, scope),
  );
  if (scope.length === 0) root.append(sourcesSection(ctx), segmentsSection(ctx));
  return root as HTMLElement;
}

function section(title: string, help: string, ...children: (Node | null)[]): HTMLElement {
  const body = h("div", { class: "section-body" }, h("p", { class: "help" }, help));
  append(body, ...children);
  return h("details", { class: "section", open: true }, h("summary", {}, h("h2", {}, title)), body);
}

function scopePicker(ctx: EditorContext): HTMLElement {
  const { draft } = ctx;
  const keys = Object.keys(
    isObject(draft.get(["segments", "rubrics"])) ? (draft.get(["segments", "rubrics"]) as Json) : {},
  );
  const select = h("select", { id: "scope" });
  const current = pathText(draft.scope);
  const option = (path: Path, text: string) => {
    const el = h("option", { value: JSON.stringify(path), selected: pathText(path) === current }, text);
    ctx.form.refresh(() => {
      const n = draft
        .problemsUnder(path)
        .filter((p) => path.length > 0 || !p.path.startsWith("segments")).length;
      el.textContent = n ? `${text} (${plural(n, "problem")})` : text;
    });
    return el;
  };
  select.append(option([], "Main rubric (every other row)"));
  for (const key of keys) select.append(option(["segments", "rubrics", key], `Segment: ${key}`));
  select.addEventListener("change", () => draft.setScope(JSON.parse(select.value) as Path));
  return h("div", { class: "scope" }, h("label", { for: "scope" }, "Editing"), select);
}

function settingsSection(ctx: EditorContext, scope: Path): HTMLElement {
  const { form, draft } = ctx;
  const weighted = draft.get([...scope, "method"]) !== "points";
  return section(
    scope.length ? "Segment rubric" : "Rubric",
    scope.length
      ? "Rows of this segment are scored by this rubric instead of the main one."
      : "How metrics combine into one score, and what a blank cell counts as.",
    form.slot(scope),
    form.text([...scope, "name"], "Name", { placeholder: "Untitled rubric" }),
    form.select([...scope, "method"], "Method", METHODS, {
      hint: METHOD_HELP[weighted ? "weighted" : "points"],
      empty: "weighted",
      onChange: (value) =>
        draft.update(() => {
          draft.set([...scope, "method"], value);
          if (value === "points") draft.set([...scope, "missing"], undefined);
        }),
    }),
    weighted
      ? form.select([...scope, "missing"], "A blank or unreadable cell", MISSING, {
          empty: "skip",
          hint: "Skip shares its weight among the metrics that have a value. Each metric can override this.",
        })
      : h("p", { class: "hint" }, "Under points, a blank cell adds 0 points."),
  );
}

/** Move, duplicate and remove buttons for item i of the list at `path`. */
function itemTools(
  ctx: EditorContext,
  path: Path,
  i: number,
  what: string,
  opts: { copy?: (item: Json) => Json; move?: (items: unknown[], from: number, to: number) => void } = {},
): HTMLElement {
  const { draft } = ctx;
  const items = () => list(draft.get(path));
  const n = items().length;
  const move = (to: number) =>
    draft.update(() => {
      const arr = items();
      if (opts.move) opts.move(arr, i, to);
      else arr.splice(to, 0, ...arr.splice(i, 1));
      ctx.focusAfter([...path, to], to < i ? "up" : "down");
    });
  const tools = h(
    "div",
    { class: "tools" },
    iconButton("up", `Move ${what} up`, () => move(i - 1), i === 0),
    iconButton("down", `Move ${what} down`, () => move(i + 1), i === n - 1),
  );
  const copy = opts.copy;
  if (copy) {
    tools.append(
      iconButton("copy", `Duplicate ${what}`, () =>
        draft.update(() => {
          items().splice(i + 1, 0, copy(clone(items()[i] as Json)));
          ctx.focusAfter([...path, i + 1]);
        }),
      ),
    );
  }
  tools.append(
    iconButton("remove", `Remove ${what}`, () =>
      draft.update(() => {
        items().splice(i, 1);
        if (path[path.length - 1] === "bands") delete (items()[0] as Json | undefined)?.from;
      }, what),
    ),
  );
  return tools;
}

function bandsSection(ctx: EditorContext, scope: Path): HTMLElement {
  const { form, draft } = ctx;
  const path = [...scope, "bands"];
  const bands = list(draft.get(path));
  const rows = bands.map((_band, i) => {
    const p = [...path, i];
    const row = h(
      "div",
      { class: "band item", "data-path": pathText(p) },
      h(
        "div",
        { class: "row" },
        form.text([...p, "label"], `Band ${i + 1} label`, { class: "grow", placeholder: "Green" }),
        i === 0
          ? h(
              "div",
              { class: "field from" },
              h("span", { class: "label" }, "From"),
              h("div", { class: "lowest" }, "lowest"),
            )
          : form.number([...p, "from"], "From", { class: "from", placeholder: "70" }),
      ),
      form.color([...p, "color"], "Colour"),
      form.text([...p, "action"], "Action", { placeholder: "e.g. Call within 48 hours" }),
      form.slot(p),
      itemTools(ctx, path, i, `band ${i + 1}`, {
        copy: (b) => ({
          ...b,
          label: `${str(b.label)} copy`,
          from: typeof b.from === "number" ? b.from + 1 : b.from,
        }),
        // Thresholds stay in place, low to high: moving a band moves its label, colour and action.
        move: (arr, from, to) => {
          const a = arr[from] as Json;
          const b = arr[to] as Json;
          const [fa, fb] = [a.from, b.from];
          arr[from] = { ...b, from: fa };
          arr[to] = { ...a, from: fb };
          for (const x of [arr[from], arr[to]] as Json[]) if (x.from === undefined) delete x.from;
        },
      }),
    );
    return row;
  });
  const add = h(
    "button",
    {
      type: "button",
      class: "add",
      onclick: () =>
        draft.update(() => {
          const arr = list(draft.get(path));
          const last = arr[arr.length - 1] as Json | undefined;
          const from = arr.length === 0 ? undefined : num(last?.from) + 10;
          const band: Json = { label: `Band ${arr.length + 1}`, color: "#d9ead3" };
          if (from !== undefined) band.from = from;
          ctx.focusAfter([...path, draft.push(path, band), "label"]);
        }),
    },
    "+ Add band",
  );
  return section(
    "Bands",
    "Low to high. A score lands in the last band whose From it reaches.",
    form.slot(path),
    ...rows,
    add,
  );
}

function groupsSection(ctx: EditorContext, scope: Path): HTMLElement {
  const { form, draft } = ctx;
  const path = [...scope, "groups"];
  const groups = draft.get(path);
  const on = isObject(groups);
  const toggle = h("input", { type: "checkbox", id: "groups-on", checked: on });
  toggle.addEventListener("change", () =>
    draft.update(() => {
      const metrics = list(draft.get([...scope, "metrics"])) as Json[];
      if (toggle.checked) {
        draft.set(path, { General: 1 });
        for (const m of metrics) m.group = "General";
      } else {
        draft.set(path, undefined);
        for (const m of metrics) delete m.group;
      }
    }),
  );
  const body: (Node | null)[] = [
    form.slot(path),
    h("div", { class: "check" }, toggle, h("label", { for: "groups-on" }, "Combine metrics in groups")),
  ];
  if (on) {
    Object.keys(groups).forEach((name, i) => {
      const nameInput = h("input", { type: "text", id: `group-${i}`, value: name, autocomplete: "off" });
      const note = h("div", { class: "msg" });
      nameInput.addEventListener("change", () => {
        const to = nameInput.value.trim();
        const current = draft.get(path) as Json;
        if (to === name) return;
        if (!to || Object.hasOwn(current, to)) {
          note.replaceChildren(
            h("div", { class: "error" }, to ? `There is already a group "${to}".` : "A group needs a name."),
          );
          note.className = "msg shown";
          nameInput.value = name;
          return;
        }
        draft.update(() => {
          draft.set(path, renameKey(current, name, to));
          for (const m of list(draft.get([...scope, "metrics"])) as Json[])
            if (m.group === name) m.group = to;
        });
      });
      const share = h("span", { class: "share" });
      form.refresh(() => {
        share.textContent = percent(groupShares(draft.scoped()).get(name) ?? 0);
      });
      body.push(
        h(
          "div",
          { class: "group item", "data-path": pathText([...path, name]) },
          h(
            "div",
            { class: "row" },
            h(
              "div",
              { class: "field grow" },
              h("label", { for: nameInput.id }, "Group"),
              h("div", { class: "control" }, nameInput),
              note,
            ),
            form.number([...path, name], "Weight", { class: "weight" }),
            share,
            iconButton("remove", `Remove group ${name}`, () =>
              draft.update(() => {
                const rest = { ...(draft.get(path) as Json) };
                delete rest[name];
                draft.set(path, rest);
                const first = Object.keys(rest)[0];
                for (const m of list(draft.get([...scope, "metrics"])) as Json[]) {
                  if (m.group === name) {
                    if (first === undefined) delete m.group;
                    else m.group = first;
                  }
                }
              }, `group ${name}`),
            ),
          ),
        ),
      );
    });
    body.push(
      h(
        "button",
        {
          type: "button",
          class: "add",
          onclick: () =>
            draft.update(() => {
              const current = draft.get(path) as Json;
              let name = "New group";
              for (let n = 2; Object.hasOwn(current, name); n++) name = `New group ${n}`;
              draft.set(path, { ...current, [name]: 1 });
            }),
        },
        "+ Add group",
      ),
    );
  }
  return section(
    "Groups",
    "Optional dimensions (Adoption, Relationship…): each group scores the mean of its metrics, then groups are weighted.",
    ...body,
  );
}

function columnOptions(ctx: EditorContext): [string, string][] {
  return ctx.headers.map((hd) => [hd, hd]);
}

function columnField(ctx: EditorContext, path: Path, label: string, after?: () => void): HTMLElement {
  if (ctx.headers.length === 0)
    return ctx.form.text(path, label, { placeholder: "Header of the column", after });
  return ctx.form.select(path, label, columnOptions(ctx), { after });
}

/**
 * A metric's or flag's Column. With sources, it also offers no column, so a metric that reads one
 * can be switched to "Or computed from a source" (a rubric item has a column or a from, never both).
 */
function readerColumnField(ctx: EditorContext, path: Path): HTMLElement {
  if (ctx.headers.length === 0 || sourceNames(ctx).length === 0) return columnField(ctx, path, "Column");
  const none: [string, string] = ["", "None: computed from a source"];
  return ctx.form.select(path, "Column", [none, ...columnOptions(ctx)]);
}

/**
 * The row under a list that adds an item from a column: a picker of the sheet's headers ("New
 * column" when the sheet has none) and an Add button. Add with nothing picked focuses the picker;
 * otherwise `onPick` adds the item inside a draft update. `inUse` marks headers " (in use)".
 * `choices` and `noun` make it pick something else, such as a sheet.
 */
function addFromColumn(
  ctx: EditorContext,
  id: string,
  label: string,
  button: string,
  onPick: (column: string) => void,
  inUse: (header: string) => boolean = () => false,
  choices: readonly string[] = ctx.headers,
  noun = "column",
): HTMLElement {
  const picker = h("select", { id });
  picker.append(h("option", { value: "" }, choices.length ? `Choose a ${noun}…` : `No ${noun}s found`));
  for (const header of choices)
    picker.append(h("option", { value: header }, inUse(header) ? `${header} (in use)` : header));
  const add = h(
    "button",
    {
      type: "button",
      class: "add",
      onclick: () => {
        const column = picker.value || (choices.length ? "" : `New ${noun}`);
        if (!column) {
          picker.focus();
          return;
        }
        ctx.draft.update(() => onPick(column));
      },
    },
    button,
  );
  return h(
    "div",
    { class: "adder" },
    h("label", { for: id }, label),
    h("div", { class: "row" }, picker, add),
  );
}

/**
 * The rubric's `key` (the data's account column) and its sources: each a sheet, the sheet's
 * account column and, optionally, its date column. A source keeps the name it was added with
 * (the sheet's, as an id): `from` words name it, so renaming it would break them. Rows of a source
 * added or edited here reach the preview before Save (the preview asks the server for the draft's
 * sources when they change).
 */
function sourcesSection(ctx: EditorContext): HTMLElement {
  const { form, draft } = ctx;
  const sources = draft.get(["sources"]);
  const all: Json = isObject(sources) ? sources : {};
  const names = ctx.sheets.map((s) => s.name);
  const rows = Object.keys(all).map((name) => {
    const p = ["sources", name];
    const sheet = str(draft.get([...p, "sheet"])) || name;
    const found = ctx.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
    const columns: [string, string][] = (found?.headers ?? []).map((hd) => [hd, hd]);
    const column = (field: string, label: string, none?: string) =>
      columns.length
        ? form.select([...p, field], label, none ? [["", none], ...columns] : columns, { empty: none && "" })
        : form.text([...p, field], label, { placeholder: "Header of the column" });
    return h(
      "div",
      { class: "item source", "data-path": pathText(p) },
      h(
        "div",
        { class: "row" },
        h("strong", { class: "grow" }, name),
        iconButton("remove", `Remove source ${name}`, () =>
          draft.update(() => {
            const rest = { ...all };
            delete rest[name];
            draft.set(["sources"], Object.keys(rest).length ? rest : undefined);
          }, `source ${name}`),
        ),
      ),
      form.slot(p),
      names.length
        ? form.select(
            [...p, "sheet"],
            "Sheet",
            names.map((n) => [n, n]),
            { onChange: (v) => draft.update(() => draft.set([...p, "sheet"], v)) },
          )
        : form.text([...p, "sheet"], "Sheet"),
      column("key", "Its account column"),
      column("date", "Its date column", "No date: every row counts"),
    );
  });
  return section(
    "Sources",
    "Sheets of raw activity (logins, tickets…) that metrics and flags count per account, matched on the account column.",
    form.slot(["sources"]),
    columnField(ctx, ["key"], "Account column of this sheet"),
    ...rows,
    addFromColumn(
      ctx,
      "add-source",
      "New source from a sheet",
      "+ Add source",
      (sheet) => draft.set(["sources", idFrom(sheet, new Set(Object.keys(all)))], { sheet }),
      (n) => Object.values(all).some((s) => isObject(s) && s.sheet === n),
      names,
      "sheet",
    ),
  );
}

function metricsSection(ctx: EditorContext, scope: Path): HTMLElement {
  const { form, draft } = ctx;
  const path = [...scope, "metrics"];
  const metrics = list(draft.get(path));
  const weighted = draft.get([...scope, "method"]) !== "points";
  const cards = metrics.map((m, i) => metricCard(ctx, scope, i, isObject(m) ? m : {}, weighted));
  const used = new Set(metrics.map((m) => (isObject(m) ? str(m.column).trim().toLowerCase() : "")));
  const adder = addFromColumn(
    ctx,
    "add-metric-column",
    "New metric from column",
    "+ Add metric",
    (column) => {
      const metric: Json = { id: idFrom(column, draft.idsIn(path)), label: column, column, weight: 1 };
      const groups = draft.get([...scope, "groups"]);
      if (isObject(groups) && Object.keys(groups).length) metric.group = Object.keys(groups)[0];
      Object.assign(metric, suggestScorer(ctx.cells(column)));
      ctx.focusAfter([...path, draft.push(path, metric), "label"]);
    },
    (header) => used.has(header.trim().toLowerCase()),
  );
  return section(
    "Metrics",
    weighted
      ? "What you measure. Each metric scores 0–100; weights say how much each one counts."
      : "What you measure. Each metric gives points; its weight multiplies them.",
    form.slot(path),
    metrics.length === 0
      ? h("p", { class: "empty" }, "No metrics yet. Pick a column below to score it.")
      : null,
    ...cards,
    adder,
  );
}

function metricCard(
  ctx: EditorContext,
  scope: Path,
  i: number,
  metric: Json,
  weighted: boolean,
): HTMLElement {
  const { form, draft } = ctx;
  const path = [...scope, "metrics", i];
  const title = h("span", { class: "title" });
  const meta = h("span", { class: "meta" });
  const badge = h("span", { class: "badge" });
  const share = h("span", { class: "share" });
  form.refresh(() => {
    const m = draft.get(path);
    const me = isObject(m) ? m : {};
    title.textContent = itemTitle("Metric", me, i);
    const w = me.weight === undefined ? 1 : me.weight;
    const pct = weighted ? percent(metricShares(draft.scoped())[i] ?? 0) : "";
    meta.textContent = weighted ? `${pct} of score` : `× ${String(w)}`;
    share.textContent = weighted ? `= ${pct} of the score` : "multiplies its points";
    const n = draft.problemsUnder(path).length;
    badge.textContent = n ? plural(n, "problem") : "";
  });
  const groups = draft.get([...scope, "groups"]);
  const groupNames = isObject(groups) ? Object.keys(groups) : [];
  const cells = ctx.cells(str(metric.column));
  const card = h(
    "details",
    { class: "card item", "data-path": pathText(path) },
    h("summary", {}, title, badge, meta),
    h(
      "div",
      { class: "card-body" },
      form.slot(path),
      readerColumnField(ctx, [...path, "column"]),
      fromField(ctx, path),
      form.text([...path, "label"], "Label", { placeholder: str(metric.column) || "Shown in reasons" }),
      groupNames.length && weighted
        ? form.select(
            [...path, "group"],
            "Group",
            groupNames.map((g) => [g, g]),
          )
        : null,
      h(
        "div",
        { class: "row" },
        form.number([...path, "weight"], "Weight", { class: "weight", placeholder: "1" }),
        share,
      ),
      form.select([...path, "input"], "Read the cell as", INPUTS, {
        empty: "number",
        onChange: (value) => draft.update(() => draft.set([...path, "input"], value)),
      }),
      weighted
        ? form.select([...path, "missing"], "When the cell is blank", [
            ["", "As the rubric says"],
            ...MISSING,
          ])
        : null,
      scorerEditor(ctx, [...path, "score"], weighted, cells),
      form.select(
        [...path, "actionable"],
        "Can the team change it?",
        [
          ["", "Yes: plans may propose it"],
          ["false", "No (tenure, news): plans never do"],
        ],
        { parse: (v) => (v === "false" ? false : undefined) },
      ),
      form.text([...path, "id"], "ID", {
        class: "small",
        hint: "Stable name for this metric: letters, digits and _.",
      }),
      itemTools(ctx, [...scope, "metrics"], i, `metric ${title.textContent}`, {
        copy: (m) => copyOf(m, draft.idsIn([...scope, "metrics"]), "metric"),
      }),
    ),
  );
  return card;
}

const CONDITIONS = [
  ["when", "The cell is"],
  ["contains", "The cell contains"],
  ["range", "The number is between"],
] as const;

/** `TRUE` → true, `12` → 12, anything else stays text: what a flag's `when` compares with. */
function parseWhen(text: string): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}
const showWhen = (v: unknown) =>
  typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v === undefined ? "" : String(v);

function flagsSection(ctx: EditorContext, scope: Path): HTMLElement {
  const { form, draft } = ctx;
  const path = [...scope, "flags"];
  const flags = list(draft.get(path));
  const cards = flags.map((f, i) => flagCard(ctx, scope, i, isObject(f) ? f : {}));
  const adder = addFromColumn(ctx, "add-flag-column", "New flag on column", "+ Add flag", (column) => {
    const kind = suggestScorer(ctx.cells(column)).input;
    const flag: Json = { id: idFrom(column, draft.idsIn(path)), label: column, column };
    if (kind === "boolean") flag.when = true;
    else if (kind === "number") flag.min = 1;
    else flag.contains = "";
    flag.cap = draft.get([...scope, "method"]) === "points" ? 0 : 39;
    ctx.focusAfter([...path, draft.push(path, flag), "label"]);
  });
  return section(
    "Flags",
    "Risk and confidence tags that act after the metrics: cap the score (at most), floor it (at least) or add to it.",
    form.slot(path),
    flags.length === 0
      ? h("p", { class: "empty" }, "No flags. Add one to cap the score when, say, the champion left.")
      : null,
    ...cards,
    adder,
  );
}

function flagCard(ctx: EditorContext, scope: Path, i: number, flag: Json): HTMLElement {
  const { form, draft } = ctx;
  const path = [...scope, "flags", i];
  const condition =
    flag.contains !== undefined
      ? "contains"
      : flag.when !== undefined
        ? "when"
        : flag.min !== undefined || flag.max !== undefined
          ? "range"
          : "when";
  const title = h("span", { class: "title" });
  const badge = h("span", { class: "badge" });
  const meta = h("span", { class: "meta" });
  form.refresh(() => {
    const f = draft.get(path);
    const fl = isObject(f) ? f : {};
    title.textContent = itemTitle("Flag", fl, i);
    const effects = [
      fl.add !== undefined ? `add ${String(fl.add)}` : "",
      fl.floor !== undefined ? `floor ${String(fl.floor)}` : "",
      fl.cap !== undefined ? `cap ${String(fl.cap)}` : "",
    ].filter(Boolean);
    meta.textContent = effects.join(", ");
    const n = draft.problemsUnder(path).length;
    badge.textContent = n ? plural(n, "problem") : "";
  });
  const conditionFields: Node[] = [];
  if (condition === "when") {
    conditionFields.push(
      form.text([...path, "when"], "Equals", {
        parse: parseWhen,
        format: showWhen,
        placeholder: "TRUE, 0 or text",
        hint: "TRUE / FALSE for a checkbox; a number; or text (any case).",
      }),
    );
  } else if (condition === "contains") {
    conditionFields.push(form.text([...path, "contains"], "Text", { placeholder: "acquired" }));
  } else {
    conditionFields.push(
      h(
        "div",
        { class: "row" },
        form.number([...path, "min"], "At least", { class: "grow" }),
        form.number([...path, "max"], "At most", { class: "grow" }),
      ),
    );
  }
  const kind = h("select", { id: `flag-${i}-kind` });
  for (const [value, text] of CONDITIONS)
    kind.append(h("option", { value, selected: value === condition }, text));
  kind.addEventListener("change", () =>
    draft.update(() => {
      const f = draft.get(path) as Json;
      delete f.when;
      delete f.contains;
      delete f.min;
      delete f.max;
      if (kind.value === "when") f.when = true;
      else if (kind.value === "contains") f.contains = "";
      else f.min = 1;
      ctx.focusAfter(path);
    }),
  );
  return h(
    "details",
    { class: "card item", "data-path": pathText(path) },
    h("summary", {}, title, badge, meta),
    h(
      "div",
      { class: "card-body" },
      form.slot(path),
      form.text([...path, "label"], "Label", { placeholder: str(flag.column) }),
      readerColumnField(ctx, [...path, "column"]),
      fromField(ctx, path),
      h(
        "div",
        { class: "field" },
        h("label", { for: kind.id }, "Fires when"),
        h("div", { class: "control" }, kind),
      ),
      ...conditionFields,
      h("div", { class: "subhead" }, "Then (any of these)"),
      h(
        "div",
        { class: "row" },
        form.number([...path, "cap"], "Cap at", { class: "grow", placeholder: "39" }),
        form.number([...path, "floor"], "Floor at", { class: "grow" }),
        form.number([...path, "add"], "Add", { class: "grow" }),
      ),
      form.text([...path, "id"], "ID", { class: "small" }),
      itemTools(ctx, [...scope, "flags"], i, `flag ${title.textContent}`, {
        copy: (f) => copyOf(f, draft.idsIn([...scope, "flags"]), "flag"),
      }),
    ),
  );
}

function segmentsSection(ctx: EditorContext): HTMLElement {
  const { form, draft } = ctx;
  const path: Key[] = ["segments"];
  const segments = draft.get(path);
  if (!isObject(segments)) {
    const column = h("select", { id: "segment-column" });
    column.append(h("option", { value: "" }, "Choose a column"));
    for (const header of ctx.headers) column.append(h("option", { value: header }, header));
    return section(
      "Segments",
      "Score some rows with a rubric of their own, by the value of one column (say, Onboarding vs Adopted).",
      form.slot(path),
      h(
        "div",
        { class: "adder" },
        h("label", { for: column.id }, "Segment column"),
        h(
          "div",
          { class: "row" },
          column,
          h(
            "button",
            {
              type: "button",
              class: "add",
              onclick: () => {
                if (!column.value && ctx.headers.length) {
                  column.focus();
                  return;
                }
                draft.update(() => draft.set(path, { column: column.value || "Segment", rubrics: {} }));
              },
            },
            "Use segments",
          ),
        ),
      ),
    );
  }
  const rubrics = isObject(segments.rubrics) ? segments.rubrics : {};
  const names = Object.keys(rubrics);
  const rows = names.map((name, i) => {
    const input = h("input", { type: "text", id: `segment-${i}`, value: name, autocomplete: "off" });
    const note = h("div", { class: "msg" });
    input.addEventListener("change", () => {
      const to = input.value.trim();
      if (to === name) return;
      if (!to || names.some((n) => n.trim().toLowerCase() === to.toLowerCase() && n !== name)) {
        note.replaceChildren(
          h(
            "div",
            { class: "error" },
            to ? `There is already a segment "${to}".` : "A segment needs a name.",
          ),
        );
        note.className = "msg shown";
        input.value = name;
        return;
      }
      draft.update(() => draft.set([...path, "rubrics"], renameKey(rubrics, name, to)));
    });
    const segPath = [...path, "rubrics", name];
    const count = h("span", { class: "badge" });
    form.refresh(() => {
      const n = draft.problemsUnder(segPath).length;
      count.textContent = n ? plural(n, "problem") : "";
    });
    return h(
      "div",
      { class: "item segment", "data-path": pathText(segPath) },
      h(
        "div",
        { class: "row" },
        h(
          "div",
          { class: "field grow" },
          h("label", { for: input.id }, "Segment value"),
          h("div", { class: "control" }, input),
          note,
        ),
        count,
      ),
      form.slot(segPath),
      h(
        "div",
        { class: "tools" },
        h("button", { type: "button", onclick: () => draft.setScope(segPath) }, "Edit its rubric"),
        iconButton("remove", `Remove segment ${name}`, () =>
          draft.update(() => {
            const rest = { ...rubrics };
            delete rest[name];
            draft.set([...path, "rubrics"], rest);
          }, `segment ${name}`),
        ),
      ),
    );
  });
  const column = str(segments.column);
  const values = [
    ...new Set(
      ctx
        .cells(column)
        .map((c) => String(c).trim())
        .filter(Boolean),
    ),
  ];
  const taken = new Set(names.map((n) => n.trim().toLowerCase()));
  const free = values.filter((v) => !taken.has(v.toLowerCase()));
  const newName = h("input", {
    type: "text",
    id: "new-segment",
    list: "segment-values",
    autocomplete: "off",
    placeholder: free[0] ?? "Onboarding",
  });
  const datalist = h("datalist", { id: "segment-values" });
  for (const v of free) datalist.append(h("option", { value: v }));
  return section(
    "Segments",
    `Rows whose ${column || "segment"} cell matches a segment are scored by its rubric; every other row by the main rubric.`,
    form.slot(path),
    columnField(ctx, [...path, "column"], "Segment column"),
    form.slot([...path, "rubrics"]),
    ...rows,
    h(
      "div",
      { class: "adder" },
      h("label", { for: newName.id }, "New segment (a copy of the main rubric)"),
      h(
        "div",
        { class: "row" },
        newName,
        datalist,
        h(
          "button",
          {
            type: "button",
            class: "add",
            onclick: () => {
              const name = newName.value.trim() || free[0] || "";
              if (!name || taken.has(name.toLowerCase())) {
                newName.focus();
                return;
              }
              draft.update(() => {
                const main = clone(draft.json as Json);
                delete main.segments;
                draft.set([...path, "rubrics"], { ...rubrics, [name]: { ...main, name: `${name} rubric` } });
              });
            },
          },
          "+ Add segment",
        ),
      ),
    ),
    h(
      "button",
      {
        type: "button",
        class: "link",
        onclick: () => draft.update(() => draft.set(path, undefined), "the segments"),
      },
      "Stop using segments",
    ),
  );
}

/** A copy of a metric or flag: a fresh id, and "(copy)" after its label. */
function copyOf(item: Json, taken: ReadonlySet<string>, fallback: string): Json {
  return {
    ...item,
    id: idFrom(str(item.id) || fallback, taken),
    label: `${str(item.label) || str(item.column)} (copy)`,
  };
}

/**
 * A metric's or flag's From: the aggregate of a source's rows in words (“count of logins, last 30
 * days, where Status is Open”), shown when the rubric has sources. The words go into the draft as
 * they are typed; validation reads them, so a mistake is named inline like any other field's.
 */
function fromField(ctx: EditorContext, path: Path): HTMLElement | null {
  const [first] = sourceNames(ctx);
  if (first === undefined) return null;
  const words = (v: unknown) =>
    typeof v === "string" ? v : isObject(v) ? fromText(v as unknown as From) : "";
  return ctx.form.text([...path, "from"], "Or computed from a source", {
    format: words,
    placeholder: `count of ${first}, last 30 days`,
  });
}

/** The draft's source names, in order: none means From fields and "no column" are not offered. */
function sourceNames(ctx: EditorContext): string[] {
  const sources = ctx.draft.get(["sources"]);
  return isObject(sources) ? Object.keys(sources) : [];
}

/** A metric's scorer: its type, and the fields of that type (docs/rubric.md, "Scorers"). */
import { isObject, type PlainCell, pathText, scorerOfType } from "../src/core";
import { h, iconButton } from "./dom";
import { type Json, type Path, renameKey } from "./draft";
import type { EditorContext } from "./editorContext";

const TYPES = [
  ["steps", "Steps: thresholds"],
  ["range", "Range: worst to best, in a line"],
  ["map", "Map: a score per value"],
  ["scale", "Scale: around a neutral value"],
  ["perUnit", "Per unit: points for each one"],
] as const;

const HELP: Record<string, string> = {
  steps: "The first step the value meets gives the score. Min: value ≥ min. Max: value ≤ max.",
  range: "Worst scores 0, best scores 100, in a straight line between. Worst above best: lower is better.",
  map: "A score for each exact value (any case): TRUE / FALSE for checkboxes, 1…5 for surveys.",
  scale: "Neutral scores 50 (0 points under points); each unit above adds Step, each below takes it.",
  perUnit: "Value × points, e.g. 10 points per year. Cap limits the size either way.",
};

export function scorerEditor(
  ctx: EditorContext,
  path: Path,
  weighted: boolean,
  cells: readonly PlainCell[],
): HTMLElement {
  const { form, draft } = ctx;
  const score = draft.get(path);
  const scorer = isObject(score) ? score : {};
  const type = typeof scorer.type === "string" ? scorer.type : "";
  const method = weighted ? "weighted" : "points";
  const box = h(
    "div",
    { class: "scorer" },
    form.select(path.concat("type"), "Scorer", TYPES, {
      onChange: (value) => draft.update(() => draft.set(path, scorerOfType(value, method, cells))),
    }),
    HELP[type] ? h("p", { class: "hint" }, HELP[type]) : null,
    form.slot(path),
  );
  const unit = weighted ? "Score" : "Points";
  switch (type) {
    case "steps":
      box.append(
        stepsTable(ctx, path, unit),
        form.number([...path, "else"], `${unit} otherwise`, { placeholder: "0" }),
      );
      break;
    case "range":
      box.append(
        h(
          "div",
          { class: "row" },
          form.number([...path, "worst"], "Worst", { class: "grow" }),
          form.number([...path, "best"], "Best", { class: "grow" }),
          weighted
            ? null
            : form.number([...path, "points"], "Points at best", { class: "grow", placeholder: "100" }),
        ),
      );
      break;
    case "map":
      box.append(
        mapTable(ctx, path, unit),
        form.number([...path, "else"], `${unit} for any other value`, { placeholder: "0" }),
      );
      break;
    case "scale":
      box.append(
        h(
          "div",
          { class: "row" },
          form.number([...path, "neutral"], "Neutral", { class: "grow", placeholder: "3" }),
          form.number([...path, "step"], "Step", { class: "grow", placeholder: weighted ? "25" : "5" }),
        ),
      );
      break;
    case "perUnit":
      box.append(
        h(
          "div",
          { class: "row" },
          form.number([...path, "points"], "Points per unit", { class: "grow" }),
          form.number([...path, "cap"], "Cap", { class: "grow", placeholder: "none" }),
        ),
      );
      break;
  }
  return box;
}

function stepsTable(ctx: EditorContext, path: Path, unit: string): HTMLElement {
  const { form, draft } = ctx;
  const stepsPath = [...path, "steps"];
  const steps = Array.isArray(draft.get(stepsPath)) ? (draft.get(stepsPath) as unknown[]) : [];
  const table = h(
    "div",
    { class: "table steps" },
    h(
      "div",
      { class: "thead row" },
      h("span", {}, "Min"),
      h("span", {}, "Max"),
      h("span", {}, unit),
      h("span", {}),
    ),
    form.slot(stepsPath),
  );
  steps.forEach((_s, i) => {
    const p = [...stepsPath, i];
    const n = i + 1;
    table.append(
      h(
        "div",
        { class: "item", "data-path": pathText(p) },
        h(
          "div",
          { class: "row" },
          form.number([...p, "min"], `Step ${n} min`, { hideLabel: true, placeholder: "–" }),
          form.number([...p, "max"], `Step ${n} max`, { hideLabel: true, placeholder: "–" }),
          form.number([...p, "score"], `Step ${n} ${unit.toLowerCase()}`, { hideLabel: true }),
          h(
            "div",
            { class: "tools inline" },
            iconButton(
              "up",
              `Move step ${n} up`,
              () => draft.update(() => steps.splice(i - 1, 0, ...steps.splice(i, 1))),
              i === 0,
            ),
            iconButton("remove", `Remove step ${n}`, () => draft.update(() => steps.splice(i, 1))),
          ),
        ),
        form.slot(p),
      ),
    );
  });
  table.append(
    h(
      "button",
      {
        type: "button",
        class: "add",
        onclick: () =>
          draft.update(() => {
            const last = steps[steps.length - 1];
            const step: Json = { min: 0, score: 0 };
            if (isObject(last) && typeof last.min === "number") step.min = last.min - 1;
            if (isObject(last) && typeof last.max === "number") {
              delete step.min;
              step.max = last.max + 1;
            }
            ctx.focusAfter([
              ...stepsPath,
              draft.push(stepsPath, step),
              step.min === undefined ? "max" : "min",
            ]);
          }),
      },
      "+ Add step",
    ),
  );
  return table;
}

function mapTable(ctx: EditorContext, path: Path, unit: string): HTMLElement {
  const { form, draft } = ctx;
  const valuesPath = [...path, "values"];
  const values = isObject(draft.get(valuesPath)) ? (draft.get(valuesPath) as Json) : {};
  const table = h(
    "div",
    { class: "table map" },
    h("div", { class: "thead row" }, h("span", {}, "Value"), h("span", {}, unit), h("span", {})),
    form.slot(valuesPath),
  );
  Object.keys(values).forEach((key, i) => {
    const input = h("input", {
      type: "text",
      value: key,
      "aria-label": `Value ${i + 1}`,
      autocomplete: "off",
    });
    const note = h("div", { class: "msg" });
    input.addEventListener("change", () => {
      const to = input.value;
      if (to === key) return;
      if (Object.hasOwn(values, to)) {
        note.replaceChildren(h("div", { class: "error" }, `"${to}" is listed already.`));
        note.className = "msg shown";
        input.value = key;
        return;
      }
      draft.update(() => draft.set(valuesPath, renameKey(values, key, to)));
    });
    table.append(
      h(
        "div",
        { class: "item", "data-path": pathText([...valuesPath, key]) },
        h(
          "div",
          { class: "row" },
          h("div", { class: "field" }, h("div", { class: "control" }, input)),
          form.number([...valuesPath, key], `${unit} for value ${i + 1}`, { hideLabel: true }),
          h(
            "div",
            { class: "tools inline" },
            iconButton("remove", `Remove value ${i + 1}`, () =>
              draft.update(() => {
                const rest = { ...values };
                delete rest[key];
                draft.set(valuesPath, rest);
              }),
            ),
          ),
        ),
        note,
      ),
    );
  });
  table.append(
    h(
      "button",
      {
        type: "button",
        class: "add",
        onclick: () =>
          draft.update(() => {
            let key = "New value";
            for (let n = 2; Object.hasOwn(values, key); n++) key = `New value ${n}`;
            draft.set(valuesPath, { ...values, [key]: 0 });
          }),
      },
      "+ Add value",
    ),
  );
  return table;
}

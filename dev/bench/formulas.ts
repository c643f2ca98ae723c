/**
 * The rubric as a user without the add-on would build it: ordinary spreadsheet formulas.
 *
 * Next to the data, one helper column per metric (an IFS for steps and maps, a MIN/MAX line for
 * range and scale) that shows "" when the cell is blank or not a number; a "Weight used" column
 * (the weights of the metrics that had a value); the score, a SUMPRODUCT of metric scores × weights
 * over the weight used, rounded, with a MIN for each cap flag; and the band, an IFS. The weights sit
 * on a second sheet, "Rubric", as a user would keep them.
 *
 * That is docs/rubric.md's `missing: "skip"` (leave the metric out and re-normalise), so the formula
 * sheet and the core should agree on every row, blanks included. The formulas are generated from
 * the validated rubric, so the two cannot drift apart; they are exactly what a person would type.
 */
import { type CellValue, columnLetter, type Flag, type Metric, type Rubric } from "../../src/core";

export interface FormulaSheet {
  /** Sheet name → cells, for HyperFormula.buildFromSheets. */
  sheets: Record<string, CellValue[][]>;
  /** Zero-based columns of the score and the band on the "Data" sheet. */
  scoreCol: number;
  bandCol: number;
  /** The formulas of the first data row (row 2), US-English syntax, for showing. */
  example: { header: string; formula: string }[];
}

/** Stands for the row number in a formula template. */
const ROW = "§";

/** `(x - n)` written the way a person would: `(x-90)`, `(x+5)`, `x`. */
const less = (x: string, n: number) => (n > 0 ? `(${x}-${n})` : n < 0 ? `(${x}+${-n})` : x);

/** The data column a rubric column names, matched trimmed and case-insensitively like the core. */
function dataColumn(headers: readonly string[], column: string): string {
  const key = column.trim().toLowerCase();
  const i = headers.findIndex((h) => h.trim().toLowerCase() === key);
  if (i < 0) throw new Error(`formula sheet: no column "${column}"`);
  return columnLetter(i);
}

/** One metric's helper-column formula (without "="): its 0..100 score, or "" when it has no value. */
function metricFormula(metric: Metric, ref: string, asOf: string): string {
  const s = metric.score;
  if (metric.input === "boolean") {
    if (s.type !== "map") throw new Error(`formula sheet: boolean metric "${metric.id}" must use a map`);
    const pick = (key: string) =>
      Object.entries(s.values).find(([k]) => k.trim().toLowerCase() === key)?.[1] ?? s.else;
    return `IF(ISLOGICAL(${ref}),IF(${ref},${pick("true")},${pick("false")}),"")`;
  }
  let v: string;
  if (metric.input === "number") v = ref;
  else if (metric.input === "daysSince") {
    const [y, m, d] = asOf.split("-").map(Number);
    v = `MAX(0,DATE(${y},${m},${d})-${ref})`;
  } else throw new Error(`formula sheet: input "${metric.input}" is not supported`);

  let score: string;
  let bounded = true; // whether the formula already stays within 0..100
  switch (s.type) {
    case "steps": {
      const arms = s.steps.map((step) => {
        const conds = [
          ...(step.min !== undefined ? [`${v}>=${step.min}`] : []),
          ...(step.max !== undefined ? [`${v}<=${step.max}`] : []),
        ];
        const cond =
          conds.length === 0 ? "TRUE()" : conds.length === 1 ? conds[0] : `AND(${conds.join(",")})`;
        bounded &&= step.score >= 0 && step.score <= 100;
        return `${cond},${step.score}`;
      });
      bounded &&= s.else >= 0 && s.else <= 100;
      score = `IFS(${arms.join(",")},TRUE(),${s.else})`;
      break;
    }
    case "map": {
      const arms = Object.entries(s.values).map(([key, n]) => {
        if (!Number.isFinite(Number(key))) throw new Error(`formula sheet: map key "${key}" is not a number`);
        bounded &&= n >= 0 && n <= 100;
        return `${v}=${Number(key)},${n}`;
      });
      bounded &&= s.else >= 0 && s.else <= 100;
      score = `IFS(${arms.join(",")},TRUE(),${s.else})`;
      break;
    }
    case "range":
      score = `MIN(1,MAX(0,${less(v, s.worst)}/${s.best - s.worst}))*100`;
      break;
    case "scale":
      score = `50+${less(v, s.neutral)}*${s.step}`;
      bounded = false;
      break;
    case "perUnit":
      score = `${v}*${s.points}`;
      bounded = false;
      break;
  }
  if (!bounded) score = `MIN(100,MAX(0,${score}))`;
  return `IF(ISNUMBER(${ref}),${score},"")`;
}

/** A flag's condition as a formula. */
function flagCondition(flag: Flag, ref: string): string {
  if (flag.when === true || flag.when === false) return `${ref}=${flag.when ? "TRUE()" : "FALSE()"}`;
  if (typeof flag.when === "number") return `AND(ISNUMBER(${ref}),${ref}=${flag.when})`;
  if (typeof flag.when === "string") return `${ref}="${flag.when}"`;
  if (flag.contains !== undefined) return `ISNUMBER(SEARCH("${flag.contains}",${ref}))`;
  const conds = [`ISNUMBER(${ref})`];
  if (flag.min !== undefined) conds.push(`${ref}>=${flag.min}`);
  if (flag.max !== undefined) conds.push(`${ref}<=${flag.max}`);
  return `AND(${conds.join(",")})`;
}

/**
 * The formula sheet for `rows`. `hyperformula` switches the argument separator to ";" (Sheets'
 * European syntax): HyperFormula is set up to read "1,200" as a number like Sheets does, and it
 * then needs an argument separator other than ",".
 */
export function formulaSheet(
  rubric: Rubric,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  asOf: string,
  hyperformula = true,
): FormulaSheet {
  if (rubric.method !== "weighted" || rubric.groups || rubric.segments) {
    throw new Error("formula sheet: only a weighted rubric without groups or segments");
  }
  for (const m of rubric.metrics) {
    if ((m.missing ?? rubric.missing) !== "skip") throw new Error("formula sheet: only missing: skip");
  }
  const first = columnLetter(headers.length);
  const last = columnLetter(headers.length + rubric.metrics.length - 1);
  const usedCol = headers.length + rubric.metrics.length;
  const used = `${columnLetter(usedCol)}${ROW}`;
  const score = `${columnLetter(usedCol + 1)}${ROW}`;
  const weights = `Rubric!$A$1:$${columnLetter(rubric.metrics.length - 1)}$1`;
  const scores = `${first}${ROW}:${last}${ROW}`;

  const caps = rubric.flags.map((f) => {
    if (f.cap === undefined || f.add !== undefined || f.floor !== undefined) {
      throw new Error(`formula sheet: flag "${f.id}" must only cap`);
    }
    return `IF(${flagCondition(f, `${dataColumn(headers, f.column ?? "")}${ROW}`)},${f.cap},100)`;
  });
  const bands = [...rubric.bands]
    .reverse()
    .map((b) => (b.from === undefined ? `TRUE(),"${b.label}"` : `${score}>=${b.from},"${b.label}"`));

  const templates = [
    ...rubric.metrics.map((m) => ({
      header: `${m.label} score`,
      formula: metricFormula(m, `${dataColumn(headers, m.column ?? "")}${ROW}`, asOf),
    })),
    { header: "Weight used", formula: `SUMPRODUCT(ISNUMBER(${scores})*${weights})` },
    {
      header: "Score",
      formula: `IF(${used}=0,"",ROUND(MIN(SUMPRODUCT(${scores},${weights})/${used}${caps.map((c) => `,${c}`).join("")}),1))`,
    },
    { header: "Band", formula: `IFS(${score}="","No data",${bands.join(",")})` },
  ];

  const parts = templates.map((t) => {
    const text = `=${t.formula}`;
    return (hyperformula ? text.replaceAll(",", ";") : text).split(ROW);
  });
  const data: CellValue[][] = [[...headers, ...templates.map((t) => t.header)]];
  for (let i = 0; i < rows.length; i++) {
    const r = String(i + 2);
    data.push([...(rows[i] as CellValue[]), ...parts.map((p) => p.join(r))]);
  }
  return {
    sheets: { Data: data, Rubric: [rubric.metrics.map((m) => m.weight)] },
    scoreCol: usedCol + 1,
    bandCol: usedCol + 2,
    example: templates.map((t) => ({ header: t.header, formula: `=${t.formula.replaceAll(ROW, "2")}` })),
  };
}

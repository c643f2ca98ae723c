/**
 * The rubric contract (docs/rubric.md, v1) as TypeScript types.
 *
 * `RubricInput` is what a person writes (JSON, the rubric sheet, the sidebar); `validateRubric`
 * turns it into a `Rubric`, where every default is filled in, so the scoring code never has to
 * guess.
 */

export type Method = "weighted" | "points";
export type MissingPolicy = "skip" | "zero" | "neutral";
export type InputKind = "number" | "text" | "boolean" | "daysSince";

export interface Step {
  min?: number;
  max?: number;
  score: number;
}

export type Scorer =
  | { type: "steps"; steps: Step[]; else: number }
  | { type: "range"; worst: number; best: number; points: number }
  | { type: "map"; values: Record<string, number>; else: number }
  | { type: "scale"; neutral: number; step: number }
  | { type: "perUnit"; points: number; cap?: number };

export type ScorerType = Scorer["type"];

/** How a `from` reduces a source's rows to one value per account (RUBRIC.md, Sources). */
export type AggKind = "count" | "distinct" | "sum" | "avg" | "min" | "max" | "latest";

/** A text, number or boolean compared as a flag's `when` compares. */
export type Comparable = string | number | boolean;

/**
 * One `where` condition on a source row: exactly one of `equals`, `in`, `contains`, or `min`/`max`
 * (either or both). Text compares trimmed and case-insensitively, as flags compare.
 */
export interface Condition {
  column: string;
  equals?: Comparable;
  in?: Comparable[];
  contains?: string;
  min?: number;
  max?: number;
}

/** Where a metric's or a flag's value comes from when it is computed from a source's rows. */
export interface From {
  source: string;
  agg: AggKind;
  /** The source column the aggregate reads; absent for `count` only. */
  column?: string;
  /** Window in whole days ending on the as-of date (needs the source's `date`). */
  days?: number;
  where?: Condition[];
  /** The value becomes the percent change from the `days` before the window (needs `days`). */
  compare?: "previous";
}

/** A source of raw activity: rows (one per login, ticket, answer…) naming their account. */
export interface Source {
  /** The sheet (tab) holding the rows in the spreadsheet; defaults to the source's name. */
  sheet: string;
  /** The source's column naming the account, matched to the data's `key` trimmed and case-insensitively. */
  key: string;
  /** The column holding each row's date; rows after the as-of date, or undated, never count. */
  date?: string;
}

export interface Metric {
  id: string;
  label: string;
  /** The data column the metric reads. Exactly one of `column` and `from` is present. */
  column?: string;
  from?: From;
  group?: string;
  weight: number;
  input: InputKind;
  /** This metric's own missing policy; absent means the rubric's. */
  missing?: MissingPolicy;
  /** False when the team cannot change it (tenure, company news): plans never propose it. Absent means true. */
  actionable?: boolean;
  score: Scorer;
}

export interface Band {
  label: string;
  /** Absent on the first band only. */
  from?: number;
  color: string;
  action?: string;
}

export interface Flag {
  id: string;
  label: string;
  /** Exactly one of `column` and `from` is present, as on a metric. */
  column?: string;
  from?: From;
  /** Conditions: exactly one of `when`, `contains`, or `min`/`max` (either or both). */
  when?: boolean | number | string;
  contains?: string;
  min?: number;
  max?: number;
  /** Effects, applied add → floor → cap. At least one is present. */
  add?: number;
  floor?: number;
  cap?: number;
}

export interface BaseRubric {
  version: 1;
  name: string;
  method: Method;
  missing: MissingPolicy;
  bands: Band[];
  groups?: Record<string, number>;
  metrics: Metric[];
  flags: Flag[];
}

export interface Segments {
  column: string;
  rubrics: Record<string, BaseRubric>;
}

export interface Rubric extends BaseRubric {
  /** The data's column naming each account; present when anything reads a source. */
  key?: string;
  /** Sources by name. Segment rubrics read these; they declare none of their own. */
  sources?: Record<string, Source>;
  segments?: Segments;
}

/** One problem found in a rubric: where (a JSON path such as `metrics[2].score.steps[0]`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** A cell as Google Sheets hands it to Apps Script: number, boolean, Date, string ('' when empty). */
export type CellValue = number | boolean | Date | string | null | undefined;

/** A cell as it crosses JSON (the data the sidebar receives): Dates as ISO text, empty as ''. */
export type PlainCell = string | number | boolean;

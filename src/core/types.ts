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

export interface Metric {
  id: string;
  label: string;
  column: string;
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
  column: string;
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

/**
 * Rubric validation: turns untrusted input (JSON, a sheet, the sidebar's draft) into a `Rubric`
 * with every default filled in, or into the full list of what is wrong with it. Every problem is
 * reported at once, each with its path, so a person can fix them all in one pass.
 */
import { isMissingText } from "./cells";
import { absentColumnMessage, closestName, columnLetter, headerKey } from "./columns";
import { AGG_KINDS, fromText, parseFromText } from "./fromText";
import { isObject, type JsonObject } from "./json";
import { joinPath as join } from "./paths";
import type {
  Band,
  BaseRubric,
  Comparable,
  Condition,
  Flag,
  From,
  InputKind,
  Method,
  Metric,
  MissingPolicy,
  Problem,
  Rubric,
  Scorer,
  Segments,
  Source,
  Step,
} from "./types";
import { plural, thousands } from "./words";

export interface Validation {
  /** Present when there are no errors. */
  rubric?: Rubric;
  errors: Problem[];
  warnings: Problem[];
}

export const METHODS: readonly Method[] = ["weighted", "points"];
export const MISSING_POLICIES: readonly MissingPolicy[] = ["skip", "zero", "neutral"];
export const INPUT_KINDS: readonly InputKind[] = ["number", "text", "boolean", "daysSince"];
export const SCORER_TYPES: readonly Scorer["type"][] = ["steps", "range", "map", "scale", "perUnit"];
/** The band label given to rows with no usable metric; a rubric may not use it. */
export const NO_DATA = "No data";

const ID = /^[A-Za-z0-9_]+$/;
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

type Obj = JsonObject;

// Number.isFinite is false for anything not a number (it does not convert, unlike isFinite).
const isNumber = (v: unknown): v is number => Number.isFinite(v);
const describe = (v: unknown): string =>
  typeof v === "string"
    ? `"${v}"`
    : typeof v === "number"
      ? String(v) // JSON.stringify says null for NaN and Infinity
      : (JSON.stringify(v) ?? String(v));

/** The largest weight a metric or group may have: more is a typo, and would swamp every other weight. */
export const MAX_WEIGHT = 1_000_000;

/**
 * Names a group or segment may not have: the properties every JavaScript object inherits
 * (`constructor`, `__proto__`, `hasOwnProperty`…). As keys of a rubric's JSON they are mishandled
 * by the tools that read it (one replaces the object's prototype, others find a name that was
 * never written), so they are refused wherever a name is read.
 */
export function reservedName(name: string): boolean {
  // `__proto__` is among them: an accessor of Object.prototype's own.
  return Object.prototype.hasOwnProperty.call(Object.prototype, name.trim());
}

export const reservedNameMessage = (kind: "group" | "segment" | "source", name: string): string =>
  `"${name.trim()}" cannot be a ${kind} name: JavaScript reserves it; choose another name`;

/** Collects problems while reading one rubric; `at` builds child paths. */
class Reader {
  constructor(
    readonly errors: Problem[],
    readonly warnings: Problem[],
    /** The data's headers, when known: a column the rubric reads must be one of them. */
    readonly headers?: readonly string[],
    /** Each source's headers, when known, by source name: its columns must be among them. */
    readonly sourceHeaders?: ValidateOptions["sourceHeaders"],
  ) {}

  /**
   * Reads a data column's name, and names it an error when the data's headers lack it or name it
   * twice (scoring refuses both: it cannot tell which of two columns a metric reads).
   */
  column(obj: Obj, key: string, path: string, required: boolean): string | undefined {
    const column = this.text(obj, key, path, required);
    if (column === undefined || !this.headers) return column;
    this.among(column, this.headers, join(path, key), "the data");
    const at = this.headers.flatMap((h, i) => (headerKey(h) === column.toLowerCase() ? [i] : []));
    if (at.length > 1)
      this.error(
        join(path, key),
        `"${column}" is in columns ${at.map(columnLetter).join(" and ")} of the data: rename all but one of them`,
      );
    return column;
  }

  /** Names a source's column an error when that source's headers are known and lack it. */
  sourceColumn(source: string | undefined, column: string | undefined, path: string): void {
    if (source === undefined || !this.sourceHeaders) return;
    const own = Object.prototype.hasOwnProperty.call(this.sourceHeaders, source);
    this.among(column, own ? this.sourceHeaders[source] : undefined, path, `source "${source}"`);
  }

  among(
    column: string | undefined,
    headers: readonly string[] | undefined,
    path: string,
    table: string,
  ): void {
    if (column !== undefined && headers && !headers.some((h) => headerKey(h) === column.toLowerCase()))
      this.error(path, absentColumnMessage(column, headers, table));
  }

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Reports fields this version of the contract does not know, which are usually typos. */
  unknownFields(obj: Obj, path: string, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const near = closestName(key, known);
      this.warn(
        join(path, key),
        `unknown field "${key}" is ignored${near === undefined ? "" : `: did you mean "${near}"?`}`,
      );
    }
  }

  text(obj: Obj, key: string, path: string, required: boolean): string | undefined {
    const v = obj[key];
    // "" needs no test of its own: trimmed below, it is blank like "  ".
    if (v === undefined || v === null) {
      if (required) this.error(join(path, key), "is required");
      return undefined;
    }
    if (typeof v !== "string") {
      this.error(join(path, key), `must be text, not ${describe(v)}`);
      return undefined;
    }
    // Text is kept trimmed: a cell's stray spaces never make two rubrics differ.
    const t = v.trim();
    if (t === "" && required) this.error(join(path, key), "is required");
    return t === "" ? undefined : t;
  }

  number(
    obj: Obj,
    key: string,
    path: string,
    opts: { required?: boolean; min?: number; max?: number } = {},
  ): number | undefined {
    const v = obj[key];
    if (v === undefined || v === null || v === "") {
      if (opts.required) this.error(join(path, key), "is required and must be a number");
      return undefined;
    }
    if (!isNumber(v)) {
      this.error(join(path, key), `must be a number, not ${describe(v)}`);
      return undefined;
    }
    if (v < (opts.min ?? -Infinity)) {
      this.error(join(path, key), `must be a number ≥ ${opts.min}, not ${v}`);
      return undefined;
    }
    const max = opts.max ?? Infinity;
    if (v > max) {
      this.error(join(path, key), `must be at most ${thousands(max)}, not ${thousands(v)}`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(obj: Obj, key: string, path: string, allowed: readonly T[]): T | undefined {
    const v = obj[key];
    if (v === undefined || v === null || v === "") return undefined;
    if (!(allowed as readonly unknown[]).includes(v)) {
      this.error(
        join(path, key),
        `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, not ${describe(v)}`,
      );
      return undefined;
    }
    return v as T;
  }
}

export interface ValidateOptions {
  /**
   * The data's header row, when the caller has it (the sidebar has the data sheet's): every
   * column a metric, flag, segment or the key reads must then be one of them, or it is an error
   * naming the closest header; one they name twice is an error too.
   */
  headers?: readonly string[];
  /**
   * The header row of each source whose rows the caller has (the CLI's `--source name=file`), by
   * source name: the source's key and date, and the columns its `from`s and their `where`s read,
   * must then be among them. A source not listed is not checked.
   */
  sourceHeaders?: Readonly<Record<string, readonly string[]>>;
}

/** Validates a rubric (parsed JSON or equivalent) and fills in its defaults. */
export function validateRubric(input: unknown, options: ValidateOptions = {}): Validation {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const r = new Reader(errors, warnings, options.headers, options.sourceHeaders);
  if (!isObject(input)) {
    r.error("", "a rubric must be a JSON object with bands and metrics");
    return { errors, warnings };
  }
  const deep = tooDeep(input);
  if (deep !== undefined) {
    r.error(
      deep,
      `is nested more than ${MAX_DEPTH} levels deep, which no rubric is: check that this is the rubric you meant`,
    );
    return { errors, warnings };
  }
  const sources = input.sources === undefined ? undefined : readSources(r, input.sources, "sources");
  const key = r.column(input, "key", "", false);
  const reads: Reads = { sources, used: new Set() };
  const base = readBase(r, input, "", reads);
  let segments: Segments | undefined;
  if (input.segments !== undefined) segments = readSegments(r, input.segments, "segments", reads);
  r.unknownFields(input, "", [...BASE_FIELDS, "key", "sources", "segments"]);
  if (reads.used.size > 0 && key === undefined && !r.errors.some((e) => e.path === "key"))
    r.error(
      "key",
      'is required because metrics read sources: name the data\'s column naming each account, like "Account"',
    );
  for (const name of Object.keys(sources ?? {})) {
    if (!reads.used.has(name)) r.warn(join("sources", name), "is not read by any metric or flag");
  }
  if (errors.length > 0 || !base) return { errors, warnings };
  const rubric: Rubric = { ...base };
  if (key !== undefined) rubric.key = key;
  if (sources !== undefined) rubric.sources = sources;
  if (segments) rubric.segments = segments;
  return { rubric, errors, warnings };
}

/** Deeper than any rubric (segments.rubrics.X.metrics[0].score.steps[0] is 7 levels). */
const MAX_DEPTH = 32;

/**
 * The path of the first value nested deeper than MAX_DEPTH, or undefined. Walked with a stack of
 * its own: a rubric nested 100,000 levels deep gets one sentence, not a stack overflow.
 */
function tooDeep(input: Obj): string | undefined {
  const stack: [unknown, string, number][] = [[input, "", 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, path, depth] = item;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_DEPTH) return path;
    const list = Array.isArray(value);
    for (const [k, v] of Object.entries(value)) stack.push([v, join(path, list ? Number(k) : k), depth + 1]);
  }
  return undefined;
}

/** Validates and returns the rubric, or throws one Error that lists every problem. */
export function parseRubric(input: unknown): Rubric {
  const v = validateRubric(input);
  if (v.rubric) return v.rubric;
  throw new RubricError(v.errors);
}

export class RubricError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problemsSentence("The rubric", problems).slice(0, -1));
    this.name = "RubricError";
  }
}

/** How many problems a list shows before "…and 9,990 more": enough to fix in one pass, never a wall. */
export const PROBLEMS_SHOWN = 20;

/** The first `limit` items, then "…and 9,990 more" for the rest. */
export function capped(items: readonly string[], limit = PROBLEMS_SHOWN): string[] {
  if (items.length <= limit) return [...items];
  return [...items.slice(0, limit), `…and ${thousands(items.length - limit)} more`];
}

/** The problems as lines, capped: what the CLI prints under its heading and the sidebar lists. */
export function problemLines(problems: readonly Problem[]): string[] {
  return capped(problems.map(formatProblem));
}

/** Every problem in one sentence, capped, for a cell's error: `<where> has 3 problems: a; b; c.` */
export function problemsSentence(where: string, problems: readonly Problem[]): string {
  return `${where} has ${plural(problems.length, "problem")}: ${problemLines(problems).join("; ")}.`;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

const BASE_FIELDS = ["version", "name", "method", "missing", "bands", "groups", "metrics", "flags"] as const;

/** The top-level sources, which every `from` (segments' too) reads, and the ones read so far. */
interface Reads {
  sources: Record<string, Source> | undefined;
  used: Set<string>;
}

function readBase(r: Reader, o: Obj, path: string, reads: Reads): BaseRubric | undefined {
  const errorsBefore = r.errors.length;
  if (o.version !== undefined && o.version !== 1) {
    r.error(join(path, "version"), `must be 1 (this is rubric format v1), not ${describe(o.version)}`);
  }
  const name = r.text(o, "name", path, false) ?? "Untitled rubric";
  const method = r.oneOf(o, "method", path, METHODS) ?? "weighted";
  const missing = r.oneOf(o, "missing", path, MISSING_POLICIES) ?? "skip";
  // "skip" is the default every validated rubric carries, so a rubric read back never warns about itself.
  if (o.missing !== undefined && o.missing !== "skip" && method === "points") {
    r.warn(join(path, "missing"), "is ignored under the points method: a missing cell always adds 0 points");
  }
  const bands = readBands(r, o.bands, join(path, "bands"), method);
  const groups = o.groups === undefined ? undefined : readGroups(r, o.groups, join(path, "groups"), method);
  const metrics = readMetrics(r, o.metrics, path, method, groups, reads);
  const flags = readFlags(r, o.flags, join(path, "flags"), method, reads);
  // Stryker disable next-line ConditionalExpression: validateRubric returns no rubric once there is an error, so a base with errors is never seen
  if (r.errors.length > errorsBefore) return undefined;
  const rubric: BaseRubric = { version: 1, name, method, missing, bands, metrics, flags };
  if (groups) rubric.groups = groups;
  return rubric;
}

function readBands(r: Reader, v: unknown, path: string, method: Method): Band[] {
  if (!Array.isArray(v) || v.length === 0) {
    r.error(path, "needs at least one band, listed from low to high");
    // Stryker disable next-line ArrayDeclaration: with this error no rubric is returned, so these bands are never seen
    return [];
  }
  const bands: Band[] = [];
  const labels = new Set<string>();
  let previousFrom = Number.NEGATIVE_INFINITY;
  v.forEach((item, i) => {
    const p = join(path, i);
    if (!isObject(item)) {
      r.error(p, "must be an object with label, from and color");
      return;
    }
    r.unknownFields(item, p, ["label", "from", "color", "action"]);
    const label = r.text(item, "label", p, true);
    if (label !== undefined) {
      const key = label.toLowerCase();
      if (labels.has(key)) r.error(join(p, "label"), `"${label}" is used by another band`);
      if (key === NO_DATA.toLowerCase())
        r.error(join(p, "label"), `"${NO_DATA}" is reserved for rows with no data`);
      labels.add(key);
    }
    const errorsBeforeFrom = r.errors.length;
    const from = r.number(item, "from", p);
    if (i === 0 && from !== undefined) {
      r.error(join(p, "from"), "must be blank on the first band: it takes every score below the next band");
    } else if (i > 0 && from === undefined && r.errors.length === errorsBeforeFrom) {
      // Absent, null or "": a band after the first without a from would never be used.
      r.error(join(p, "from"), "is required on every band after the first");
    } else if (from !== undefined) {
      if (from <= previousFrom) {
        r.error(
          join(p, "from"),
          `must be above the previous band's from (${previousFrom}): list bands from low to high`,
        );
      }
      previousFrom = from;
      if (method === "weighted" && from > 100)
        r.warn(
          join(p, "from"),
          `${from} is above 100, which no weighted score reaches, so "${label ?? ""}" is never used`,
        );
      if (method === "weighted" && from < 0)
        r.warn(
          join(p, "from"),
          `${from} is below 0: every weighted score reaches it, so the bands below "${label ?? ""}" are never used`,
        );
    }
    const color = r.text(item, "color", p, false) ?? defaultColor(i, v.length);
    if (!COLOR.test(color)) r.error(join(p, "color"), `must be a colour like "#b7e1cd", not "${color}"`);
    const action = r.text(item, "action", p, false);
    // Stryker disable next-line StringLiteral: a band without a label is an error, so this band is never seen
    const band: Band = { label: label ?? "", color };
    if (from !== undefined && i > 0) band.from = from;
    if (action !== undefined) band.action = action;
    bands.push(band);
  });
  return bands;
}

/** Sheets' light red → yellow → green, spread over however many bands have no colour of their own. */
const PALETTE = ["#e6b8af", "#f4c7c3", "#fce8b2", "#d9ead3", "#b7e1cd"];
function defaultColor(index: number, count: number): string {
  if (count === 3) return [PALETTE[1], PALETTE[2], PALETTE[4]][index] as string;
  return PALETTE[count === 1 ? 4 : Math.round((index / (count - 1)) * (PALETTE.length - 1))] as string;
}

function readGroups(r: Reader, v: unknown, path: string, method: Method): Record<string, number> | undefined {
  if (!isObject(v)) {
    r.error(path, 'must be an object of group name → weight, like { "Adoption": 40 }');
    return undefined;
  }
  if (method === "points")
    r.warn(path, "groups apply to the weighted method only; under points they are ignored");
  const groups: Record<string, number> = {};
  for (const [name, weight] of Object.entries(v)) {
    const p = join(path, name);
    if (!name.trim()) r.error(p, "a group needs a name");
    else if (reservedName(name)) {
      r.error(p, reservedNameMessage("group", name));
      continue;
    }
    // A bad weight is reported here; the group is kept (as 0) so its metrics are not also "not in groups".
    if (!isNumber(weight) || weight < 0) r.error(p, `weight must be a number ≥ 0, not ${describe(weight)}`);
    else if (weight > MAX_WEIGHT)
      r.error(p, `weight must be at most ${thousands(MAX_WEIGHT)}, not ${thousands(weight)}`);
    groups[name] = isNumber(weight) && weight >= 0 && weight <= MAX_WEIGHT ? weight : 0;
  }
  return groups;
}

const METRIC_FIELDS = [
  "id",
  "label",
  "column",
  "from",
  "group",
  "weight",
  "input",
  "missing",
  "actionable",
  "score",
] as const;

function readMetrics(
  r: Reader,
  v: unknown,
  rubricPath: string,
  method: Method,
  groups: Record<string, number> | undefined,
  reads: Reads,
): Metric[] {
  const path = join(rubricPath, "metrics");
  if (!Array.isArray(v) || v.length === 0) {
    r.error(path, "needs at least one metric");
    // Stryker disable next-line ArrayDeclaration: with this error no rubric is returned, so these metrics are never seen
    return [];
  }
  const ids = new Set<string>();
  const metrics: Metric[] = [];
  v.forEach((item, i) => {
    const p = join(path, i);
    if (!isObject(item)) {
      r.error(p, "must be an object with id, column (or from) and score");
      return;
    }
    r.unknownFields(item, p, METRIC_FIELDS);
    const id = r.text(item, "id", p, true) ?? "";
    if (id && !ID.test(id)) r.error(join(p, "id"), `"${id}" may hold only letters, digits and _`);
    if (id && ids.has(id)) r.error(join(p, "id"), `"${id}" is used by another metric`);
    ids.add(id);
    const origin = readOrigin(r, item, p, reads);
    const label = r.text(item, "label", p, false) ?? origin.label;
    const group = r.text(item, "group", p, false);
    if (groups && method === "weighted") {
      if (group === undefined) r.error(join(p, "group"), "is required because the rubric has groups");
      else if (reservedName(group)) r.error(join(p, "group"), reservedNameMessage("group", group));
      else if (!Object.prototype.hasOwnProperty.call(groups, group))
        r.error(join(p, "group"), `"${group}" is not in groups`);
    }
    const weight = r.number(item, "weight", p, { min: 0, max: MAX_WEIGHT }) ?? 1;
    const input = r.oneOf(item, "input", p, INPUT_KINDS) ?? "number";
    const missing = r.oneOf(item, "missing", p, MISSING_POLICIES);
    const score = readScorer(r, item.score, join(p, "score"), method, input);
    if (item.actionable !== undefined && typeof item.actionable !== "boolean")
      r.error(join(p, "actionable"), `must be true or false, not ${describe(item.actionable)}`);
    const metric: Metric = {
      id,
      label,
      ...origin.read,
      weight,
      input,
      // Stryker disable next-line ObjectLiteral,StringLiteral: a metric without a scorer is an error, so this one is never seen
      score: score ?? { type: "map", values: {}, else: 0 },
    };
    if (group !== undefined) metric.group = group;
    if (missing !== undefined) metric.missing = missing;
    if (item.actionable === false) metric.actionable = false;
    metrics.push(metric);
  });
  if (metrics.length > 0 && metrics.every((m) => m.weight === 0)) {
    r.warn(
      path,
      method === "weighted"
        ? "every metric has weight 0, so no metric counts and every row scores No data: give the metrics that matter a weight above 0"
        : "every metric has weight 0, so every row scores 0 whatever its cells: give the metrics that matter a weight above 0",
    );
  } else if (groups && method === "weighted") {
    const allZero = Object.values(groups).every((w) => w === 0);
    for (const [name, weight] of Object.entries(groups)) {
      const own = metrics.filter((m) => m.group === name);
      const p = join(join(rubricPath, "groups"), name);
      if (own.length === 0) r.warn(p, "has no metrics and is ignored");
      else if (weight === 0 && !allZero)
        r.warn(p, "has weight 0, so its metrics never count toward the score (they still show when missing)");
      else if (own.every((m) => m.weight === 0))
        r.warn(p, "every metric in it has weight 0, so the group never counts toward the score");
    }
    if (allZero) {
      r.warn(
        join(rubricPath, "groups"),
        "every group has weight 0, so no metric counts and every row scores No data: give the groups that matter a weight above 0",
      );
    }
  }
  return metrics;
}

function readScorer(
  r: Reader,
  v: unknown,
  path: string,
  method: Method,
  input: InputKind,
): Scorer | undefined {
  if (!isObject(v)) {
    r.error(path, `needs a scorer: an object with a type (${SCORER_TYPES.join(", ")})`);
    return undefined;
  }
  const type = SCORER_TYPES.find((t) => t === v.type);
  if (type === undefined) {
    r.error(
      join(path, "type"),
      `unknown scorer type ${describe(v.type)}: use one of ${SCORER_TYPES.join(", ")}`,
    );
    return undefined;
  }
  if (input === "text" && type !== "map") {
    r.error(join(path, "type"), `a ${type} scorer needs a number; with input "text" use a map scorer`);
  }
  const over100 = (n: number, p: string) => {
    if (method === "weighted" && (n > 100 || n < 0)) {
      // Stryker disable next-line EqualityOperator: n is outside 0..100 here, so n > 100 and n >= 100 agree
      r.warn(p, `${n} is outside 0..100: under the weighted method it is clamped to ${n > 100 ? 100 : 0}`);
    }
  };
  switch (type) {
    case "steps": {
      r.unknownFields(v, path, ["type", "steps", "else"]);
      const steps: Step[] = [];
      if (!Array.isArray(v.steps) || v.steps.length === 0) {
        r.error(join(path, "steps"), "needs at least one step like { min: 10, score: 100 }");
      } else {
        v.steps.forEach((s, i) => {
          const p = join(join(path, "steps"), i);
          if (!isObject(s)) {
            r.error(p, "must be an object with min and/or max, and score");
            return;
          }
          r.unknownFields(s, p, ["min", "max", "score"]);
          const boundErrors = r.errors.length;
          const min = r.number(s, "min", p);
          const max = r.number(s, "max", p);
          const boundsRead = r.errors.length === boundErrors;
          const score = r.number(s, "score", p, { required: true });
          // Judged on what was read, so { min: null } is no bound at all. A bound given but unreadable
          // is named already; a missing or bad score is not a bound's problem, so it is named as well.
          if (min === undefined && max === undefined && boundsRead) {
            r.error(p, "needs min or max");
          }
          // A missing min is no lower bound, a missing max no upper bound.
          if ((min ?? -Infinity) > (max ?? Infinity)) r.error(p, `min ${min} is above max ${max}`);
          const step: Step = { score: score ?? 0 };
          over100(step.score, join(p, "score"));
          if (min !== undefined) step.min = min;
          if (max !== undefined) step.max = max;
          steps.push(step);
        });
      }
      const otherwise = r.number(v, "else", path) ?? 0;
      over100(otherwise, join(path, "else"));
      return { type, steps, else: otherwise };
    }
    case "range": {
      r.unknownFields(v, path, ["type", "worst", "best", "points"]);
      const worst = r.number(v, "worst", path, { required: true });
      const best = r.number(v, "best", path, { required: true });
      if (worst !== undefined && worst === best) {
        r.error(path, `worst and best are both ${worst}: they must differ`);
      }
      const points = r.number(v, "points", path) ?? 100;
      // 100 is the default a validated rubric carries: only another value is a mistake to name.
      if (v.points !== undefined && v.points !== 100 && method === "weighted") {
        r.warn(join(path, "points"), "is used under the points method only; weighted ranges run 0..100");
      }
      return { type, worst: worst ?? 0, best: best ?? 1, points };
    }
    case "map": {
      r.unknownFields(v, path, ["type", "values", "else"]);
      const values: Record<string, number> = {};
      if (!isObject(v.values) || Object.keys(v.values).length === 0) {
        r.error(join(path, "values"), 'needs at least one entry like { "Gold": 100 }');
      } else {
        const seen = new Set<string>();
        for (const [key, n] of Object.entries(v.values)) {
          const p = join(join(path, "values"), key);
          if (!isNumber(n)) r.error(p, `must be a number, not ${describe(n)}`);
          else {
            over100(n, p);
            values[key] = n;
          }
          const norm = key.trim().toLowerCase();
          if (seen.has(norm)) r.error(p, `"${key}" matches another entry (matching ignores case and spaces)`);
          if (key === "__proto__") r.error(p, `"${key}" cannot be matched`);
          else if (isMissingText(key))
            r.warn(
              p,
              `"${key}" never matches: a cell holding it is missing, and counts by the missing policy instead`,
            );
          seen.add(norm);
        }
      }
      const otherwise = r.number(v, "else", path) ?? 0;
      over100(otherwise, join(path, "else"));
      return { type, values, else: otherwise };
    }
    case "scale": {
      r.unknownFields(v, path, ["type", "neutral", "step"]);
      const neutral = r.number(v, "neutral", path, { required: true }) ?? 0;
      const step = r.number(v, "step", path, { required: true }) ?? 0;
      return { type, neutral, step };
    }
    case "perUnit": {
      r.unknownFields(v, path, ["type", "points", "cap"]);
      const points = r.number(v, "points", path, { required: true }) ?? 0;
      const cap = r.number(v, "cap", path, { min: 0 });
      if (v.cap === null)
        r.warn(join(path, "cap"), "is null, which is no cap at all: give a number or remove it");
      return cap === undefined ? { type, points } : { type, points, cap };
    }
  }
  return undefined;
}

const FLAG_FIELDS = [
  "id",
  "label",
  "column",
  "from",
  "when",
  "contains",
  "min",
  "max",
  "add",
  "floor",
  "cap",
] as const;

function readFlags(r: Reader, v: unknown, path: string, method: Method, reads: Reads): Flag[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    r.error(path, "must be a list of flags");
    // Stryker disable next-line ArrayDeclaration: equivalent, a rubric with an error is never returned, so no one reads these flags
    return [];
  }
  const ids = new Set<string>();
  const flags: Flag[] = [];
  v.forEach((item, i) => {
    const p = join(path, i);
    if (!isObject(item)) {
      r.error(p, "must be an object with id, column, a condition and an effect");
      return;
    }
    r.unknownFields(item, p, FLAG_FIELDS);
    const id = r.text(item, "id", p, true) ?? "";
    if (id && !ID.test(id)) r.error(join(p, "id"), `"${id}" may hold only letters, digits and _`);
    if (id && ids.has(id)) r.error(join(p, "id"), `"${id}" is used by another flag`);
    ids.add(id);
    const origin = readOrigin(r, item, p, reads);
    const flag: Flag = { id, label: r.text(item, "label", p, false) ?? (origin.label || id), ...origin.read };

    const errorsBefore = r.errors.length;
    if (item.when !== undefined && item.when !== null) {
      const w = typeof item.when === "string" ? item.when.trim() : item.when;
      if (typeof w === "boolean" || isNumber(w) || (typeof w === "string" && w !== "")) flag.when = w;
      else r.error(join(p, "when"), `must be true, false, a number or text, not ${describe(item.when)}`);
    }
    const contains = r.text(item, "contains", p, false);
    if (contains !== undefined) flag.contains = contains;
    const min = r.number(item, "min", p);
    const max = r.number(item, "max", p);
    if (min !== undefined) flag.min = min;
    if (max !== undefined) flag.max = max;
    // A missing min is no lower bound, a missing max no upper bound.
    if ((min ?? -Infinity) > (max ?? Infinity)) r.error(p, `min ${min} is above max ${max}`);
    // Counted on what was read, so a blank "contains" or a null "min" is no condition at all.
    const conditions = [
      flag.when !== undefined,
      contains !== undefined,
      min !== undefined || max !== undefined,
    ];
    if (conditions.filter(Boolean).length !== 1 && r.errors.length === errorsBefore) {
      r.error(p, "needs exactly one condition: when, contains, or min/max");
    }

    const effectErrors = r.errors.length;
    const add = r.number(item, "add", p);
    const floor = r.number(item, "floor", p);
    const cap = r.number(item, "cap", p);
    for (const name of ["add", "floor", "cap"] as const) {
      if (item[name] === null)
        r.warn(join(p, name), `is null, which is no ${name} at all: give a number or remove it`);
    }
    if (add === undefined && floor === undefined && cap === undefined && r.errors.length === effectErrors) {
      r.error(p, "needs an effect: cap, floor or add");
    }
    if (add !== undefined) flag.add = add;
    if (floor !== undefined) flag.floor = floor;
    if (cap !== undefined) flag.cap = cap;
    if (method === "weighted") {
      for (const [name, n] of [
        ["floor", floor],
        ["cap", cap],
      ] as const) {
        // Stryker disable next-line ConditionalExpression: n === undefined → false is equivalent, an absent floor or cap compares false both ways below; the check is for the type checker
        if (n === undefined) continue;
        if (n < 0 || n > 100) r.warn(join(p, name), `${n} is outside 0..100, where weighted scores stay`);
      }
    }
    // No floor is the lowest floor, no cap the highest cap.
    if ((floor ?? -Infinity) > (cap ?? Infinity)) {
      r.warn(p, `floor ${floor} is above cap ${cap}: the cap wins`);
    }
    flags.push(flag);
  });
  return flags;
}

function readSegments(r: Reader, v: unknown, path: string, reads: Reads): Segments | undefined {
  if (!isObject(v)) {
    r.error(path, 'must be an object like { "column": "Segment", "rubrics": { "Onboarding": { ... } } }');
    return undefined;
  }
  r.unknownFields(v, path, ["column", "rubrics"]);
  const column = r.column(v, "column", path, true);
  if (!isObject(v.rubrics) || Object.keys(v.rubrics).length === 0) {
    r.error(join(path, "rubrics"), "needs at least one segment rubric");
    return undefined;
  }
  const rubrics: Record<string, BaseRubric> = {};
  const seen = new Set<string>();
  for (const [key, sub] of Object.entries(v.rubrics)) {
    const p = join(join(path, "rubrics"), key);
    const norm = key.trim().toLowerCase();
    if (!norm) r.error(p, "a segment needs a name");
    else if (reservedName(key)) {
      r.error(p, reservedNameMessage("segment", key));
      continue;
    }
    if (seen.has(norm)) r.error(p, `"${key}" matches another segment (matching ignores case and spaces)`);
    seen.add(norm);
    if (!isObject(sub)) {
      r.error(p, "must be a whole rubric (bands, metrics, flags)");
      continue;
    }
    if (sub.segments !== undefined)
      r.error(join(p, "segments"), "a segment's rubric cannot have segments of its own");
    for (const field of ["sources", "key"]) {
      if (sub[field] !== undefined)
        r.error(
          join(p, field),
          `a segment's rubric reads the top-level ${field}: declare ${field === "key" ? "the key" : "sources"} there`,
        );
    }
    r.unknownFields(sub, p, [...BASE_FIELDS, "segments", "sources", "key"]);
    const base = readBase(r, sub, p, reads);
    // Stryker disable next-line ConditionalExpression: readBase gives undefined only after an error, and a rubric with errors is not returned
    if (base) rubrics[key] = base;
  }
  // Stryker disable next-line ConditionalExpression: a required column is undefined only after an error, and a rubric with errors is not returned
  return column === undefined ? undefined : { column, rubrics };
}

// ---------------------------------------------------------------- sources

const SOURCE_NAME = ID;

function readSources(r: Reader, v: unknown, path: string): Record<string, Source> | undefined {
  if (!isObject(v)) {
    r.error(
      path,
      'must be an object of name → source, like { "logins": { "sheet": "Logins", "key": "Account", "date": "Date" } }',
    );
    return undefined;
  }
  const sources: Record<string, Source> = {};
  for (const [name, item] of Object.entries(v)) {
    const p = join(path, name);
    if (!SOURCE_NAME.test(name)) {
      r.error(p, `the source name "${name}" may hold only letters, digits and _`);
      continue;
    }
    if (reservedName(name)) {
      r.error(p, reservedNameMessage("source", name));
      continue;
    }
    if (!isObject(item)) {
      r.error(p, "must be an object with sheet, key and (optionally) date");
      continue;
    }
    r.unknownFields(item, p, ["sheet", "key", "date"]);
    const key = r.text(item, "key", p, true);
    r.sourceColumn(name, key, join(p, "key"));
    // Stryker disable next-line StringLiteral: a required key is undefined only after an error, and a rubric with errors is not returned
    const source: Source = { sheet: r.text(item, "sheet", p, false) ?? name, key: key ?? "" };
    const date = r.text(item, "date", p, false);
    r.sourceColumn(name, date, join(p, "date"));
    if (date !== undefined) source.date = date;
    sources[name] = source;
  }
  return sources;
}

/** A metric's or a flag's `column` or `from` (exactly one), and the label it defaults to. */
function readOrigin(
  r: Reader,
  item: Obj,
  p: string,
  reads: Reads,
): { read: { column: string } | { from: From }; label: string } {
  const hasColumn = item.column !== undefined && item.column !== null && item.column !== "";
  if (item.from !== undefined && hasColumn) {
    r.error(
      p,
      "has both column and from: a value is read from a data column or computed from a source, not both",
    );
  }
  if (item.from === undefined) {
    // Stryker disable next-line StringLiteral: a required column is undefined only after an error, and a rubric with errors is not returned
    const column = r.column(item, "column", p, true) ?? "";
    return { read: { column }, label: column };
  }
  const from = readFrom(r, item.from, join(p, "from"), reads);
  // Stryker disable next-line ObjectLiteral,StringLiteral: readFrom gives undefined only after an error, and a rubric with errors is not returned
  return from ? { read: { from }, label: fromText(from) } : { read: { column: "" }, label: "" };
}

const FROM_FIELDS = ["source", "agg", "column", "days", "where", "compare"] as const;

function readFrom(r: Reader, given: unknown, path: string, reads: Reads): From | undefined {
  // A from may be written in words, as the rubric sheet's From cell and the sidebar write it.
  let v = given;
  if (typeof given === "string") {
    const parsed = parseFromText(given);
    if (typeof parsed === "string") {
      r.error(path, parsed);
      return undefined;
    }
    v = parsed;
  }
  if (!isObject(v)) {
    r.error(path, 'must be an object like { "source": "logins", "agg": "count", "days": 30 }');
    return undefined;
  }
  const errorsBefore = r.errors.length;
  r.unknownFields(v, path, FROM_FIELDS);
  const name = r.text(v, "source", path, true);
  const source = name === undefined ? undefined : reads.sources?.[name];
  if (name !== undefined && (!source || !Object.prototype.hasOwnProperty.call(reads.sources, name))) {
    const known = Object.keys(reads.sources ?? {});
    r.error(
      join(path, "source"),
      known.length === 0
        ? `"${name}" is not a source: declare it under sources`
        : `"${name}" is not a source: use one of ${known.map((k) => `"${k}"`).join(", ")}`,
    );
  }
  if (name !== undefined) reads.used.add(name);
  if (v.agg === undefined || v.agg === null || v.agg === "")
    r.error(join(path, "agg"), `is required: one of ${AGG_KINDS.join(", ")}`);
  const agg = r.oneOf(v, "agg", path, AGG_KINDS);
  const column = r.text(v, "column", path, false);
  if (agg !== undefined && agg !== "count" && column === undefined)
    r.error(join(path, "column"), `is required for ${agg}: the source column it reads`);
  if (agg === "count" && column !== undefined) r.warn(join(path, "column"), "is ignored: count counts rows");
  else r.sourceColumn(name, column, join(path, "column"));
  const days = r.number(v, "days", path, { min: 1 });
  if (days !== undefined && !Number.isInteger(days))
    r.error(join(path, "days"), `must be a whole number of days, not ${days}`);
  const undated = source !== undefined && source.date === undefined;
  if (days !== undefined && undated)
    r.error(join(path, "days"), `needs the source's date: give sources.${name}.date`);
  if (agg === "latest" && undated)
    r.error(join(path, "agg"), `latest needs the source's date: give sources.${name}.date`);
  const compare = r.oneOf(v, "compare", path, ["previous"] as const);
  // Not when days is given but wrong: that has its own error.
  if (compare !== undefined && (v.days === undefined || v.days === null || v.days === ""))
    r.error(join(path, "compare"), "needs days: the window to compare with the one before it");
  const where = v.where === undefined ? undefined : readWhere(r, v.where, join(path, "where"), name);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: each is true only after an error (name and agg are required), and a rubric with errors is not returned
  if (r.errors.length > errorsBefore || name === undefined || agg === undefined) return undefined;
  const from: From = { source: name, agg };
  if (agg !== "count") from.column = column; // defined: a non-count without a column is an error above
  if (days !== undefined) from.days = days;
  if (where !== undefined && where.length > 0) from.where = where;
  if (compare !== undefined) from.compare = compare;
  return from;
}

const comparable = (v: unknown): v is Comparable =>
  typeof v === "boolean" || isNumber(v) || (typeof v === "string" && v.trim() !== "");
const trimmed = (v: Comparable): Comparable => (typeof v === "string" ? v.trim() : v);

function readWhere(r: Reader, v: unknown, path: string, source?: string): Condition[] | undefined {
  if (!Array.isArray(v)) {
    r.error(path, 'must be a list of conditions, like [{ "column": "Status", "equals": "Open" }]');
    return undefined;
  }
  const out: Condition[] = [];
  v.forEach((item, i) => {
    const p = join(path, i);
    if (!isObject(item)) {
      r.error(p, "must be an object with column and equals, in, contains, or min/max");
      return;
    }
    r.unknownFields(item, p, ["column", "equals", "in", "contains", "min", "max"]);
    const errorsBefore = r.errors.length;
    const c: Condition = { column: r.text(item, "column", p, true) ?? "" };
    r.sourceColumn(source, c.column || undefined, join(p, "column"));
    if (item.equals !== undefined) {
      if (comparable(item.equals)) c.equals = trimmed(item.equals);
      else r.error(join(p, "equals"), `must be text, a number or true/false, not ${describe(item.equals)}`);
    }
    if (item.in !== undefined) {
      if (Array.isArray(item.in) && item.in.length > 0 && item.in.every(comparable))
        c.in = item.in.map(trimmed);
      else
        r.error(
          join(p, "in"),
          `must be a list of values, like ["Open", "Pending"], not ${describe(item.in)}`,
        );
    }
    const contains = r.text(item, "contains", p, false);
    if (contains !== undefined) c.contains = contains;
    const min = r.number(item, "min", p);
    const max = r.number(item, "max", p);
    if (min !== undefined) c.min = min;
    if (max !== undefined) c.max = max;
    if ((min ?? -Infinity) > (max ?? Infinity)) r.error(p, `min ${min} is above max ${max}`);
    const kinds = [
      c.equals !== undefined,
      c.in !== undefined,
      contains !== undefined,
      min !== undefined || max !== undefined,
    ];
    if (kinds.filter(Boolean).length !== 1 && r.errors.length === errorsBefore)
      r.error(p, "needs exactly one test: equals, in, contains, or min/max");
    out.push(c);
  });
  return out;
}

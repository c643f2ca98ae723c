/**
 * The rubric as a sheet: `rubricToGrid` lays a rubric out as readable tables (settings, bands,
 * groups, metrics, flags, segments) and `readRubricGrid` reads such a grid back, hand edits
 * included. The two are lossless: any valid rubric → grid → rubric is equal. Problems name the
 * cell (`Health Rubric!E7: weight must be a number ≥ 0, not -1`).
 *
 * Tables are found by their title in column A and their columns by header name, so a person may
 * move tables, reorder columns or add rows. Scorer fields live in one readable "Rule" cell:
 *   steps    min 7: 100; min 4 max 6: 70; else: 10
 *   range    worst 0; best 20            (points 50 under the points method)
 *   map      "Gold": 100; "Silver": 60; else: 20
 *   scale    neutral 3; step 5
 *   perUnit  points 10; cap 30
 */
import { dayToIso, isoDay, parseNumber, textOf, zoneDay } from "./cells";
import { columnLetter } from "./columns";
import type { BaseRubric, CellValue, Problem, Rubric, Scorer } from "./types";
import { reservedName, reservedNameMessage, validateRubric } from "./validate";

export const RUBRIC_SHEET = "Health Rubric";

/** Values kept on the rubric sheet beside the rubric itself. */
export interface SheetSettings {
  /** The as-of date for daysSince, ISO; the add-on's commands set it to today. */
  asOf?: string;
  /** The sheet holding the accounts, when it is not the active one. */
  dataSheet?: string;
  /** The column that names each account in the Health History (picked once, by the user). */
  accountKey?: string;
}

export const HOW_TO_EDIT =
  "Edit any cell below by hand, or use Extensions → Health Score. Keep each table's title in column A " +
  "and its header row; add or remove rows inside a table, with one blank row between tables. " +
  'Rules: steps “min 7: 100; max 2: 0; else: 40”, range “worst 0; best 20”, map “"Gold": 100; else: 0”, ' +
  "scale “neutral 3; step 5”, perUnit “points 10; cap 30”. Extensions → Health Score → Check rubric names any cell that is wrong.";

const TABLES = {
  Settings: ["Setting", "Value"],
  Bands: ["Band", "From", "Color", "Action", "Segment"],
  Groups: ["Group", "Weight", "Segment"],
  Metrics: ["Id", "Label", "Column", "Group", "Weight", "Input", "Missing", "Scorer", "Rule", "Segment"],
  Flags: ["Id", "Label", "Column", "When", "Contains", "Min", "Max", "Add", "Floor", "Cap", "Segment"],
  Segments: ["Segment", "Name", "Method", "Missing"],
} as const;
type TableName = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as TableName[];
const WIDTH = Math.max(...Object.values(TABLES).map((h) => h.length));

const SETTINGS = {
  name: "Name",
  method: "Method",
  missing: "Missing",
  version: "Version",
  asOf: "As of",
  dataSheet: "Data sheet",
  accountKey: "Account key",
  segmentColumn: "Segment column",
} as const;

// ---------------------------------------------------------------- writing

/** Formats a scorer's fields as the text of its Rule cell. */
export function ruleText(scorer: Scorer): string {
  const otherwise = (n: number) => (n === 0 ? [] : [`else: ${n}`]);
  switch (scorer.type) {
    case "steps":
      return [
        ...scorer.steps.map((s) => {
          const bounds = [
            s.min === undefined ? "" : `min ${s.min}`,
            s.max === undefined ? "" : `max ${s.max}`,
          ];
          return `${bounds.filter(Boolean).join(" ")}: ${s.score}`;
        }),
        ...otherwise(scorer.else),
      ].join("; ");
    case "range":
      return `worst ${scorer.worst}; best ${scorer.best}${scorer.points === 100 ? "" : `; points ${scorer.points}`}`;
    case "map":
      return [
        ...Object.entries(scorer.values).map(([k, n]) => `${JSON.stringify(k)}: ${n}`),
        ...otherwise(scorer.else),
      ].join("; ");
    case "scale":
      return `neutral ${scorer.neutral}; step ${scorer.step}`;
    case "perUnit":
      return `points ${scorer.points}${scorer.cap === undefined ? "" : `; cap ${scorer.cap}`}`;
  }
}

const blankRow = (): CellValue[] => new Array<CellValue>(WIDTH).fill("");
const row = (...cells: CellValue[]): CellValue[] => {
  const r = blankRow();
  cells.forEach((c, i) => {
    r[i] = c === undefined || c === null ? "" : c;
  });
  return r;
};

/**
 * Lays out a rubric as a rectangular grid of cell values (text, numbers, booleans, a Date for
 * As of when given as `asOfDate`). Text that Sheets would read as something else is the writer's
 * business (see the add-on's plain-text writing), not this layout's.
 */
export function rubricToGrid(
  rubric: Rubric,
  settings: SheetSettings & { asOfDate?: Date } = {},
): CellValue[][] {
  const parts: { segment: string; rubric: BaseRubric }[] = [
    { segment: "", rubric },
    ...Object.entries(rubric.segments?.rubrics ?? {}).map(([segment, r]) => ({ segment, rubric: r })),
  ];
  const out: CellValue[][] = [row(RUBRIC_SHEET), row(HOW_TO_EDIT), blankRow()];
  const table = (name: TableName, rows: CellValue[][]) => {
    out.push(row(name), row(...TABLES[name]), ...rows, blankRow());
  };

  const settings_: CellValue[][] = [
    row(SETTINGS.name, rubric.name),
    row(SETTINGS.method, rubric.method),
    row(SETTINGS.missing, rubric.missing),
    row(SETTINGS.version, rubric.version),
    row(SETTINGS.asOf, settings.asOfDate ?? settings.asOf ?? ""),
  ];
  if (settings.dataSheet) settings_.push(row(SETTINGS.dataSheet, settings.dataSheet));
  if (settings.accountKey) settings_.push(row(SETTINGS.accountKey, settings.accountKey));
  if (rubric.segments) settings_.push(row(SETTINGS.segmentColumn, rubric.segments.column));
  table("Settings", settings_);

  table(
    "Bands",
    parts.flatMap(({ segment, rubric: r }) =>
      r.bands.map((b) => row(b.label, b.from, b.color, b.action, segment)),
    ),
  );
  const groups = parts.flatMap(({ segment, rubric: r }) =>
    Object.entries(r.groups ?? {}).map(([g, w]) => row(g, w, segment)),
  );
  // An empty groups object is kept as a Groups table with no rows, so that it survives the trip.
  if (parts.some((p) => p.rubric.groups)) {
    const empty = parts.filter((p) => p.rubric.groups && Object.keys(p.rubric.groups).length === 0);
    table("Groups", [...groups, ...empty.map((p) => row("", "", p.segment))]);
  }
  table(
    "Metrics",
    parts.flatMap(({ segment, rubric: r }) =>
      r.metrics.map((m) =>
        row(
          m.id,
          m.label,
          m.column,
          m.group,
          m.weight,
          m.input,
          m.missing,
          m.score.type,
          ruleText(m.score),
          segment,
        ),
      ),
    ),
  );
  table(
    "Flags",
    parts.flatMap(({ segment, rubric: r }) =>
      r.flags.map((f) =>
        row(f.id, f.label, f.column, f.when, f.contains, f.min, f.max, f.add, f.floor, f.cap, segment),
      ),
    ),
  );
  if (rubric.segments) {
    table(
      "Segments",
      parts.slice(1).map(({ segment, rubric: r }) => row(segment, r.name, r.method, r.missing)),
    );
  }
  out.pop(); // no blank row after the last table
  return out;
}

// ---------------------------------------------------------------- reading

export interface SheetReading {
  /** Present when there are no errors. */
  rubric?: Rubric;
  settings: SheetSettings;
  /** Problems whose `path` is the cell (`Health Rubric!E7`). */
  errors: Problem[];
  warnings: Problem[];
}

export interface GridOptions {
  sheetName?: string;
  /** The zone in which a Date in the As of cell is read. */
  timeZone: string;
  /** 1-based row and column of grid[0][0] in the sheet (default A1). */
  origin?: { row: number; column: number };
}

type Obj = Record<string, unknown>;

/** Reads a rubric sheet's values (2-D, as getValues returns them) back into a validated rubric. */
export function readRubricGrid(grid: readonly (readonly CellValue[])[], options: GridOptions): SheetReading {
  const sheet = options.sheetName ?? RUBRIC_SHEET;
  const origin = options.origin ?? { row: 1, column: 1 };
  // Messages name cells as people say them (Health Rubric!E7), not as A1 notation quotes them.
  const ref = (r: number, c: number) => `${sheet}!${columnLetter(origin.column - 1 + c)}${origin.row + r}`;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const cellOf = new Map<string, string>(); // JSON path → cell reference
  const rowPaths = new Set<string>(); // JSON paths of whole table rows, e.g. metrics[2]
  const settings: SheetSettings = {};

  const tables = findTables(grid);
  const missingTables = (["Settings", "Bands", "Metrics"] as const).filter((t) => !tables.has(t));
  if (missingTables.length > 0) {
    errors.push({
      path: sheet,
      message: `has no ${missingTables.join(", ")} table: put each title (${missingTables.join(", ")}) in column A, above its header row. Set the sheet up again from Extensions → Health Score if it was cleared.`,
    });
    return { settings, errors, warnings };
  }

  // Settings
  const top: Obj = {};
  let segmentColumn: string | undefined;
  for (const r of tables.get("Settings")?.rows ?? []) {
    const key = textOf(grid[r]?.[0]).toLowerCase();
    const valueCell = grid[r]?.[1];
    const at = ref(r, 1);
    const value = cellText(valueCell);
    switch (key) {
      case SETTINGS.name.toLowerCase():
        top.name = value;
        cellOf.set("name", at);
        break;
      case SETTINGS.method.toLowerCase():
        top.method = value;
        cellOf.set("method", at);
        break;
      case SETTINGS.missing.toLowerCase():
        top.missing = value;
        cellOf.set("missing", at);
        break;
      case SETTINGS.version.toLowerCase():
        top.version = cellNumber(valueCell);
        cellOf.set("version", at);
        break;
      case SETTINGS.asOf.toLowerCase(): {
        if (valueCell === "" || valueCell === undefined || valueCell === null) break;
        const day =
          valueCell instanceof Date
            ? Number.isNaN(valueCell.getTime())
              ? undefined
              : zoneDay(options.timeZone)(valueCell)
            : isoDay(textOf(valueCell));
        if (day === undefined) {
          errors.push({ path: at, message: `As of must be a date (YYYY-MM-DD), not "${textOf(valueCell)}"` });
        } else settings.asOf = dayToIso(day);
        break;
      }
      case SETTINGS.dataSheet.toLowerCase():
        if (value !== undefined) settings.dataSheet = value;
        break;
      case SETTINGS.accountKey.toLowerCase():
        if (value !== undefined) settings.accountKey = value;
        break;
      case SETTINGS.segmentColumn.toLowerCase():
        segmentColumn = value;
        cellOf.set("segments.column", at);
        break;
      case "":
        break;
      default:
        warnings.push({ path: ref(r, 0), message: `unknown setting "${textOf(grid[r]?.[0])}" is ignored` });
    }
  }

  // Segment rubrics, named in the Segments table; rows of other tables join them by their Segment cell.
  const parts = new Map<string, { obj: Obj; path: string }>([["", { obj: top, path: "" }]]);
  const segmentRubrics: Obj = {};
  const segments = tables.get("Segments");
  for (const r of segments?.rows ?? []) {
    const get = (h: string) => segments?.column(h);
    const key = cellText(cellAt(grid, r, get("Segment")));
    if (key === undefined) {
      errors.push({
        path: ref(r, get("Segment") ?? 0),
        message: "a segment needs a name (the value its rows have in the segment column)",
      });
      continue;
    }
    if (reservedName(key)) {
      errors.push({ path: ref(r, get("Segment") ?? 0), message: reservedNameMessage("segment", key) });
      continue;
    }
    const obj: Obj = {
      name: cellText(cellAt(grid, r, get("Name"))),
      method: cellText(cellAt(grid, r, get("Method"))),
      missing: cellText(cellAt(grid, r, get("Missing"))),
    };
    const path = `segments.rubrics.${key}`;
    cellOf.set(path, ref(r, get("Segment") ?? 0));
    rowPaths.add(path);
    for (const [field, header] of [
      ["name", "Name"],
      ["method", "Method"],
      ["missing", "Missing"],
    ] as const) {
      const c = get(header);
      if (c !== undefined) cellOf.set(`${path}.${field}`, ref(r, c));
    }
    segmentRubrics[key] = obj;
    parts.set(key.trim().toLowerCase(), { obj, path });
  }
  if (segments || segmentColumn !== undefined) {
    top.segments = { column: segmentColumn, rubrics: segmentRubrics };
    if (segmentColumn === undefined) {
      errors.push({
        path: sheet,
        message: 'has segments but no "Segment column" setting naming the column that holds them',
      });
    }
  }

  /** Finds the rubric a table row belongs to by its Segment cell. */
  const partFor = (table: Table, r: number): { obj: Obj; path: string } | undefined => {
    const c = table.column("Segment");
    const key = cellText(cellAt(grid, r, c)) ?? "";
    const part = parts.get(key.trim().toLowerCase());
    if (!part) {
      errors.push({ path: ref(r, c ?? 0), message: `segment "${key}" is not in the Segments table` });
    }
    return part;
  };
  const listIn = (obj: Obj, key: string): Obj[] => {
    if (!Array.isArray(obj[key])) obj[key] = [];
    return obj[key] as Obj[];
  };

  /** Copies the named columns of a row into an object, remembering each field's cell. */
  const fields = (
    table: Table,
    r: number,
    path: string,
    spec: Record<string, [string, "text" | "number" | "any"]>,
  ) => {
    const obj: Obj = {};
    for (const [field, [header, kind]] of Object.entries(spec)) {
      const c = table.column(header);
      if (c === undefined) continue;
      const cell = cellAt(grid, r, c);
      const value = kind === "text" ? cellText(cell) : kind === "number" ? cellNumber(cell) : cellAny(cell);
      if (value !== undefined) obj[field] = value;
      cellOf.set(`${path}.${field}`, ref(r, c));
    }
    cellOf.set(path, ref(r, 0));
    rowPaths.add(path);
    return obj;
  };

  const bands = tables.get("Bands");
  for (const r of bands?.rows ?? []) {
    if (!bands) break;
    const part = partFor(bands, r);
    if (!part) continue;
    const list = listIn(part.obj, "bands");
    const path = `${join(part.path, "bands")}[${list.length}]`;
    list.push(
      fields(bands, r, path, {
        label: ["Band", "text"],
        from: ["From", "number"],
        color: ["Color", "text"],
        action: ["Action", "text"],
      }),
    );
  }

  const groups = tables.get("Groups");
  for (const r of groups?.rows ?? []) {
    if (!groups) break;
    const part = partFor(groups, r);
    if (!part) continue;
    part.obj.groups ??= {};
    const map = part.obj.groups as Obj;
    const name = cellText(cellAt(grid, r, groups.column("Group")));
    const weightCell = cellAt(grid, r, groups.column("Weight"));
    if (name === undefined && cellText(weightCell) === undefined) continue; // keeps an empty groups table
    const key = name ?? "";
    if (reservedName(key)) {
      errors.push({ path: ref(r, groups.column("Group") ?? 0), message: reservedNameMessage("group", key) });
      continue;
    }
    const path = `${join(part.path, "groups")}.${key}`;
    cellOf.set(path, ref(r, groups.column("Weight") ?? 0));
    rowPaths.add(path);
    if (Object.prototype.hasOwnProperty.call(map, key))
      errors.push({ path: ref(r, groups.column("Group") ?? 0), message: `group "${key}" is listed twice` });
    map[key] = cellNumber(weightCell);
  }

  const metrics = tables.get("Metrics");
  for (const r of metrics?.rows ?? []) {
    if (!metrics) break;
    const part = partFor(metrics, r);
    if (!part) continue;
    const list = listIn(part.obj, "metrics");
    const path = `${join(part.path, "metrics")}[${list.length}]`;
    const m = fields(metrics, r, path, {
      id: ["Id", "text"],
      label: ["Label", "text"],
      column: ["Column", "text"],
      group: ["Group", "text"],
      weight: ["Weight", "number"],
      input: ["Input", "text"],
      missing: ["Missing", "text"],
    });
    const typeCol = metrics.column("Scorer");
    const ruleCol = metrics.column("Rule");
    const type = cellText(cellAt(grid, r, typeCol));
    cellOf.set(`${path}.score`, ref(r, ruleCol ?? typeCol ?? 0));
    cellOf.set(`${path}.score.type`, ref(r, typeCol ?? 0));
    if (type !== undefined) {
      const parsed = parseRule(type, cellText(cellAt(grid, r, ruleCol)) ?? "");
      if (typeof parsed === "string") errors.push({ path: ref(r, ruleCol ?? 0), message: parsed });
      else m.score = parsed;
    }
    list.push(m);
  }

  const flags = tables.get("Flags");
  for (const r of flags?.rows ?? []) {
    if (!flags) break;
    const part = partFor(flags, r);
    if (!part) continue;
    const list = listIn(part.obj, "flags");
    const path = `${join(part.path, "flags")}[${list.length}]`;
    list.push(
      fields(flags, r, path, {
        id: ["Id", "text"],
        label: ["Label", "text"],
        column: ["Column", "text"],
        when: ["When", "any"],
        contains: ["Contains", "text"],
        min: ["Min", "number"],
        max: ["Max", "number"],
        add: ["Add", "number"],
        floor: ["Floor", "number"],
        cap: ["Cap", "number"],
      }),
    );
  }
  // A rubric with no flags has an empty Flags table (or none): both mean no flags.
  for (const { obj } of parts.values()) obj.flags ??= [];

  const v = validateRubric(top);
  const at = (p: Problem): Problem => {
    const { cell, field } = locate(cellOf, rowPaths, p.path);
    return { path: cell ?? sheet, message: field ? `${field} ${p.message}` : p.message };
  };
  errors.push(...v.errors.map(at));
  warnings.push(...v.warnings.map(at));
  const reading: SheetReading = { settings, errors, warnings };
  if (errors.length === 0 && v.rubric) reading.rubric = v.rubric;
  return reading;
}

/** The cell of a JSON path (its longest mapped prefix), and the field it names within its table row. */
function locate(
  cellOf: Map<string, string>,
  rowPaths: Set<string>,
  path: string,
): { cell?: string; field: string } {
  let cell: string | undefined;
  let field = path;
  for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf("."), p.lastIndexOf("[")))) {
    cell ??= cellOf.get(p);
    if (rowPaths.has(p)) {
      field = path.slice(p.length).replace(/^\./, "");
      break;
    }
  }
  return cell ? { cell, field } : { field };
}

interface Table {
  rows: number[];
  column(header: string): number | undefined;
}

/** Finds each titled table: its header row (the next one) and its data rows, up to a blank row or the next title. */
function findTables(grid: readonly (readonly CellValue[])[]): Map<TableName, Table> {
  const found = new Map<TableName, Table>();
  const isBlank = (r: number) => (grid[r] ?? []).every((c) => textOf(c) === "");
  const titleAt = (r: number): TableName | undefined => {
    const first = textOf(grid[r]?.[0]).toLowerCase();
    const rest = (grid[r] ?? []).slice(1).every((c) => textOf(c) === "");
    return rest ? TABLE_NAMES.find((t) => t.toLowerCase() === first) : undefined;
  };
  for (let r = 0; r < grid.length; r++) {
    const name = titleAt(r);
    if (!name || found.has(name)) continue;
    const headerRow = grid[r + 1] ?? [];
    const columns = new Map<string, number>();
    headerRow.forEach((h, c) => {
      const key = textOf(h).toLowerCase();
      if (key && !columns.has(key)) columns.set(key, c);
    });
    const rows: number[] = [];
    for (let d = r + 2; d < grid.length && !isBlank(d) && !titleAt(d); d++) rows.push(d);
    found.set(name, { rows, column: (header) => columns.get(header.toLowerCase()) });
  }
  return found;
}

// ---------------------------------------------------------------- rule cells

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const STEP = new RegExp(`^(?:min\\s+(${NUMBER}))?\\s*(?:max\\s+(${NUMBER}))?\\s*:\\s*(${NUMBER})$`, "i");
const PAIR = new RegExp(`^([a-z]+)\\s+(${NUMBER})$`, "i");
const ELSE = new RegExp(`^else\\s*:\\s*(${NUMBER})$`, "i");

const RULE_HELP: Record<string, string> = {
  steps: 'steps like "min 7: 100; min 4 max 6: 70; else: 10"',
  range: 'a range like "worst 0; best 20"',
  map: 'values like "\\"Gold\\": 100; \\"Silver\\": 60; else: 20"',
  scale: 'a scale like "neutral 3; step 5"',
  perUnit: 'points like "points 10; cap 30"',
};

/** Splits rule text on ";" outside double quotes. */
function clauses(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === "\\") {
      current += ch + (text[++i] ?? "");
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((c) => c !== "");
}

/**
 * Parses a Rule cell for a scorer type into the scorer's JSON fields. Returns a sentence when the
 * text cannot be read; field-level checks (required fields, worst ≠ best) are validateRubric's job.
 */
export function parseRule(type: string, text: string): Obj | string {
  const help = RULE_HELP[type];
  if (!help) return { type }; // validateRubric names the unknown type at the Scorer cell
  const bad = (clause: string) => `"${clause}" is not part of a ${type} rule: write ${help}`;
  const parts = clauses(text);
  if (type === "steps" || type === "map") {
    const out: Obj = { type };
    const steps: Obj[] = [];
    const values: Obj = {};
    for (const clause of parts) {
      const e = ELSE.exec(clause);
      if (e) {
        out.else = Number(e[1]);
        continue;
      }
      if (type === "steps") {
        const m = STEP.exec(clause);
        if (!m || (m[1] === undefined && m[2] === undefined && !/^:/.test(clause))) return bad(clause);
        const step: Obj = { score: Number(m[3]) };
        if (m[1] !== undefined) step.min = Number(m[1]);
        if (m[2] !== undefined) step.max = Number(m[2]);
        steps.push(step);
      } else {
        const colon = mapColon(clause);
        if (colon < 0) return bad(clause);
        const keyText = clause.slice(0, colon).trim();
        const n = clause.slice(colon + 1).trim();
        if (!new RegExp(`^${NUMBER}$`, "i").test(n)) return bad(clause);
        let key = keyText;
        if (keyText.startsWith('"')) {
          try {
            key = JSON.parse(keyText);
          } catch {
            return bad(clause);
          }
        }
        values[key] = Number(n);
      }
    }
    if (type === "steps") out.steps = steps;
    else out.values = values;
    return out;
  }
  const out: Obj = { type };
  const allowed: Record<string, string[]> = {
    range: ["worst", "best", "points"],
    scale: ["neutral", "step"],
    perUnit: ["points", "cap"],
  };
  for (const clause of parts) {
    const m = PAIR.exec(clause);
    const name = m?.[1]?.toLowerCase();
    const field = allowed[type]?.find((f) => f.toLowerCase() === name);
    if (!m || !field) return bad(clause);
    out[field] = Number(m[2]);
  }
  return out;
}

/** The colon that ends a map key: after the closing quote of a quoted key, else the last one. */
function mapColon(clause: string): number {
  if (clause.startsWith('"')) {
    for (let i = 1; i < clause.length; i++) {
      if (clause[i] === "\\") i++;
      else if (clause[i] === '"') return clause.indexOf(":", i);
    }
    return -1;
  }
  return clause.lastIndexOf(":");
}

// ---------------------------------------------------------------- cells

function cellAt(grid: readonly (readonly CellValue[])[], r: number, c: number | undefined): CellValue {
  return c === undefined ? "" : grid[r]?.[c];
}

function cellText(cell: CellValue): string | undefined {
  const t = textOf(cell);
  return t === "" ? undefined : t;
}

/** A number cell as its number; numeric text as Sheets reads it; other text as is, for validation to name. */
function cellNumber(cell: CellValue): unknown {
  if (typeof cell === "number") return cell;
  const t = textOf(cell);
  if (t === "") return undefined;
  return parseNumber(t) ?? t;
}

function cellAny(cell: CellValue): unknown {
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  return cellText(cell);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

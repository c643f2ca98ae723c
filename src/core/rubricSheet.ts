/**
 * The rubric as a sheet: `rubricToGrid` lays a rubric out as readable tables (settings, bands,
 * groups, metrics, flags, segments) and `readRubricGrid` reads such a grid back, hand edits
 * included. The two are lossless: any valid rubric → grid → rubric is equal. Problems name the
 * cell (`Health Rubric!E7: weight must be a number ≥ 0, not -1`).
 *
 * Tables are found by their title in column A and their columns by header name, so a person may
 * move tables, reorder columns or add rows. The tables that hold parts of a rubric (Bands, Groups,
 * Metrics, Flags) are each one description in PART_TABLES, which both directions follow. Scorer
 * fields live in one readable "Rule" cell:
 *   steps    min 7: 100; min 4 max 6: 70; else: 10
 *   range    worst 0; best 20            (points 50 under the points method)
 *   map      "Gold": 100; "Silver": 60; else: 20
 *   scale    neutral 3; step 5
 *   perUnit  points 10; cap 30
 */
import { dayToIso, isoDay, parseNumber, readBoolean, textOf, zoneDay } from "./cells";
import { columnLetter } from "./columns";
import { fromText, parseFromText } from "./fromText";
import type { JsonObject } from "./json";
import { RUBRIC_SHEET } from "./names";
import { joinPath } from "./paths";
import type { BaseRubric, CellValue, From, Problem, Rubric, Scorer } from "./types";
import { reservedName, reservedNameMessage, validateRubric } from "./validate";

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
  "scale “neutral 3; step 5”, perUnit “points 10; cap 30”. A metric or flag reads its Column, or is computed From a source " +
  "(the Sources table): “count of logins, last 30 days, where Status is Open”. Extensions → Health Score → Check rubric names any cell that is wrong.";

type Obj = JsonObject;

// ---------------------------------------------------------------- the tables

/** One column of a part table: its header, and the item field it holds, read as `kind`. */
interface Column {
  header: string;
  /** Absent for a column the table reads itself (`read`), such as a metric's Rule. */
  field?: string;
  kind?: "text" | "number" | "boolean" | "any";
  /** The cell written for an item, when it is not the field as it stands. */
  write?: (item: Obj) => CellValue;
}

/**
 * A table holding one part of every rubric (the top level's and each segment's), one row per item,
 * with a Segment column naming the segment a row belongs to (blank: the top level).
 */
interface PartTable {
  title: string;
  /** The rubric field it holds. */
  key: string;
  /**
   * A list table has one item per row, in order. A map table has one entry per row, named by its
   * `name` field; the entry is its `value` field when given (a group's weight), else the row's other
   * fields. `noun` names an entry in messages.
   */
  map?: { name: string; value?: string; noun: Parameters<typeof reservedNameMessage>[0] };
  columns: Column[];
  /** Written even when no rubric has the field; otherwise only when one does. */
  always?: boolean;
  /** A rubric without the field has none of it (an absent Flags table means no flags). */
  emptyWhenAbsent?: boolean;
  /** Reads the cells that are not plain fields into the item. */
  read?: (row: RowReader, item: Obj, path: string) => void;
}

const text = (header: string, field: string): Column => ({ header, field, kind: "text" });
const number = (header: string, field: string): Column => ({ header, field, kind: "number" });
const scorerOf = (item: Obj) => item.score as Scorer;
/** The From cell: a metric's or flag's `from` in words (fromText.ts), read back exactly. */
const fromColumn: Column = {
  header: "From",
  write: (item) => (item.from ? fromText(item.from as From) : ""),
};

const PART_TABLES: readonly PartTable[] = [
  {
    // Top level only: segment rubrics read these.
    title: "Sources",
    key: "sources",
    map: { name: "name", noun: "source" },
    columns: [text("Source", "name"), text("Sheet", "sheet"), text("Key", "key"), text("Date", "date")],
  },
  {
    title: "Bands",
    key: "bands",
    always: true,
    columns: [
      text("Band", "label"),
      number("From", "from"),
      text("Color", "color"),
      text("Action", "action"),
    ],
  },
  {
    title: "Groups",
    key: "groups",
    map: { name: "name", value: "weight", noun: "group" },
    columns: [text("Group", "name"), number("Weight", "weight")],
  },
  {
    title: "Metrics",
    key: "metrics",
    always: true,
    columns: [
      text("Id", "id"),
      text("Label", "label"),
      text("Column", "column"),
      text("Group", "group"),
      number("Weight", "weight"),
      text("Input", "input"),
      text("Missing", "missing"),
      { header: "Scorer", write: (m) => scorerOf(m).type },
      { header: "Rule", write: (m) => ruleText(scorerOf(m)) },
      // Blank means actionable (the default), so the column stays quiet until someone uses it.
      {
        header: "Actionable",
        field: "actionable",
        kind: "boolean",
        write: (m) => (m.actionable === false ? false : ""),
      },
      fromColumn,
    ],
    read: (row, item, path) => {
      readFrom(row, item, path);
      readScorer(row, item, path);
    },
  },
  {
    title: "Flags",
    key: "flags",
    always: true,
    emptyWhenAbsent: true,
    columns: [
      text("Id", "id"),
      text("Label", "label"),
      text("Column", "column"),
      { header: "When", field: "when", kind: "any" },
      text("Contains", "contains"),
      number("Min", "min"),
      number("Max", "max"),
      number("Add", "add"),
      number("Floor", "floor"),
      number("Cap", "cap"),
      fromColumn,
    ],
    read: readFrom,
  },
];

const SEGMENT = "Segment";
const headersOf = (t: PartTable) => [...t.columns.map((c) => c.header), SEGMENT];

const TABLES: Record<string, readonly string[]> = {
  Settings: ["Setting", "Value"],
  ...Object.fromEntries(PART_TABLES.map((t) => [t.title, headersOf(t)])),
  Segments: [SEGMENT, "Name", "Method", "Missing"],
};
const TABLE_NAMES = Object.keys(TABLES);
const WIDTH = Math.max(...Object.values(TABLES).map((h) => h.length));

const SETTINGS = {
  name: "Name",
  method: "Method",
  missing: "Missing",
  version: "Version",
  asOf: "As of",
  dataSheet: "Data sheet",
  accountKey: "Account key",
  key: "Key",
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
const row = (...cells: unknown[]): CellValue[] => {
  const r = blankRow();
  cells.forEach((c, i) => {
    r[i] = (c ?? "") as CellValue;
  });
  return r;
};

/** A rubric's part: the top level (segment "") or one segment's rubric. */
interface Part {
  segment: string;
  rubric: BaseRubric;
}

/**
 * Lays out a rubric as a rectangular grid of cell values (text, numbers, booleans, a Date for
 * As of when given as `asOfDate`). Text that Sheets would read as something else is the writer's
 * business (see the add-on's plain-text writing), not this layout's.
 */
export function rubricToGrid(
  rubric: Rubric,
  settings: SheetSettings & { asOfDate?: Date } = {},
): CellValue[][] {
  const parts: Part[] = [
    { segment: "", rubric },
    ...Object.entries(rubric.segments?.rubrics ?? {}).map(([segment, r]) => ({ segment, rubric: r })),
  ];
  const out: CellValue[][] = [row(RUBRIC_SHEET), row(HOW_TO_EDIT), blankRow()];
  const table = (name: string, rows: CellValue[][]) => {
    out.push(row(name), row(...(TABLES[name] ?? [])), ...rows, blankRow());
  };
  table("Settings", settingRows(rubric, settings));
  for (const t of PART_TABLES) {
    if (t.always || parts.some((p) => fieldOf(p.rubric, t.key))) table(t.title, partRows(t, parts));
  }
  if (rubric.segments) {
    table(
      "Segments",
      parts.slice(1).map(({ segment, rubric: r }) => row(segment, r.name, r.method, r.missing)),
    );
  }
  out.pop(); // no blank row after the last table
  return out;
}

function settingRows(rubric: Rubric, settings: SheetSettings & { asOfDate?: Date }): CellValue[][] {
  const rows: CellValue[][] = [
    row(SETTINGS.name, rubric.name),
    row(SETTINGS.method, rubric.method),
    row(SETTINGS.missing, rubric.missing),
    row(SETTINGS.version, rubric.version),
    row(SETTINGS.asOf, settings.asOfDate ?? settings.asOf ?? ""),
  ];
  if (settings.dataSheet) rows.push(row(SETTINGS.dataSheet, settings.dataSheet));
  if (settings.accountKey) rows.push(row(SETTINGS.accountKey, settings.accountKey));
  if (rubric.key !== undefined) rows.push(row(SETTINGS.key, rubric.key));
  if (rubric.segments) rows.push(row(SETTINGS.segmentColumn, rubric.segments.column));
  return rows;
}

const fieldOf = (rubric: BaseRubric, key: string): unknown => (rubric as unknown as Obj)[key];

/**
 * A part table's rows: every part's items, each ending with its segment. A map that is empty is
 * kept as a row with a blank name, so that it survives the trip.
 */
function partRows(t: PartTable, parts: readonly Part[]): CellValue[][] {
  const cells = (item: Obj, segment: string) =>
    row(...t.columns.map((c) => (c.write ? c.write(item) : item[c.field as string])), segment);
  if (!t.map) {
    return parts.flatMap((p) =>
      ((fieldOf(p.rubric, t.key) ?? []) as Obj[]).map((item) => cells(item, p.segment)),
    );
  }
  const { name, value } = t.map;
  const entries = (p: Part) => Object.entries((fieldOf(p.rubric, t.key) ?? {}) as Obj);
  const entryRow = (key: string, entry: unknown, segment: string) =>
    cells(value ? { [name]: key, [value]: entry } : { ...(entry as Obj), [name]: key }, segment);
  const empty = parts.filter((p) => fieldOf(p.rubric, t.key) && entries(p).length === 0);
  return [
    ...parts.flatMap((p) => entries(p).map(([key, entry]) => entryRow(key, entry, p.segment))),
    ...empty.map((p) => cells({}, p.segment)),
  ];
}

/**
 * How the rubric sheet is dressed, so that it reads as a document: the sheet's title, each table's
 * title and header row in bold (headers on a grey fill), the how-to-edit text wrapped across the
 * sheet's width, and each band's Band and Color cells filled with the band's colour. Rows and
 * columns are 1-based. Only looks: reading the sheet back ignores every format.
 */
export interface RubricSheetLook {
  /** Columns the layout uses. */
  width: number;
  /** The how-to-edit row, wrapped across `width` columns, and a height that shows it all (pixels). */
  instructions: { row: number; height: number };
  /** The sheet's title (row 1) and each table's title row (column A), bold. */
  titles: number[];
  /** Header rows, bold on a grey fill. */
  headers: number[];
  /** The Bands table's rows from its Band column to its Color column, each row's fill per cell (null: none). */
  bandFills?: { row: number; column: number; fills: (string | null)[][] };
}

/** A colour a cell can be filled with: #rgb or #rrggbb (a band's colour is free text in the sheet). */
const FILLABLE = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** About how many characters of the how-to text fit on one line across the layout's width. */
const CHARS_PER_LINE = 150;
const LINE_HEIGHT = 18;

export function rubricSheetLook(grid: Grid): RubricSheetLook {
  const tables = findTables(grid);
  const width = grid[0]?.length ?? WIDTH;
  const lines = Math.ceil(textOf(grid[1]?.[0]).length / CHARS_PER_LINE);
  const look: RubricSheetLook = {
    width,
    instructions: { row: 2, height: Math.max(1, lines) * LINE_HEIGHT + 8 },
    titles: [1, ...[...tables.values()].map((t) => t.title + 1)],
    headers: [...tables.values()].map((t) => t.title + 2),
  };
  const bands = tables.get("Bands");
  const label = bands?.column("Band");
  const color = bands?.column("Color");
  if (bands && bands.rows.length > 0 && label !== undefined && color !== undefined) {
    const [from, to] = [Math.min(label, color), Math.max(label, color)];
    const fills = bands.rows.map((r) => {
      // Stryker disable next-line OptionalChaining: a Bands row is a row of the grid
      const c = textOf(grid[r]?.[color]);
      return Array.from({ length: to - from + 1 }, (_, j) =>
        (from + j === label || from + j === color) && FILLABLE.test(c) ? c : null,
      );
    });
    // The Bands rows are contiguous (a table runs to its first blank row), so one block covers them.
    look.bandFills = { row: (bands.rows[0] as number) + 1, column: from + 1, fills };
  }
  return look;
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

type Grid = readonly (readonly CellValue[])[];
/** A rubric being read (the top level or a segment's) and its JSON path. */
type PartReading = { obj: Obj; path: string };

/** Reads a rubric sheet's values (2-D, as getValues returns them) back into a validated rubric. */
export function readRubricGrid(grid: Grid, options: GridOptions): SheetReading {
  const reader = new GridReader(grid, options);
  const tables = findTables(grid);
  const missingTables = ["Settings", "Bands", "Metrics"].filter((t) => !tables.has(t));
  if (missingTables.length > 0) {
    reader.errors.push({
      path: reader.sheet,
      message: `has no ${missingTables.join(", ")} table: put each title (${missingTables.join(", ")}) in column A, above its header row. Set the sheet up again from Extensions → Health Score if it was cleared.`,
    });
    return { settings: {}, errors: reader.errors, warnings: reader.warnings };
  }
  const { top, settings, segmentColumn } = reader.settings(tables.get("Settings") as Table);
  const parts = reader.segments(tables.get("Segments"), top, segmentColumn);
  for (const t of PART_TABLES) {
    const table = tables.get(t.title);
    if (table) reader.partTable(t, table, parts);
    if (t.emptyWhenAbsent) for (const { obj } of parts.values()) obj[t.key] ??= [];
  }
  return reader.validated(top, settings);
}

/** Reads one grid: knows each cell's reference, and which cell each JSON path came from. */
class GridReader {
  readonly sheet: string;
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  /** JSON path → cell reference. */
  readonly cellOf = new Map<string, string>();
  /** JSON paths of whole table rows, e.g. metrics[2]. */
  readonly rowPaths = new Set<string>();
  /** Rows whose From cell could not be read (already said): their missing column is not said again. */
  readonly unreadFrom = new Set<string>();
  private readonly origin: { row: number; column: number };

  constructor(
    readonly grid: Grid,
    readonly options: GridOptions,
  ) {
    this.sheet = options.sheetName ?? RUBRIC_SHEET;
    this.origin = options.origin ?? { row: 1, column: 1 };
  }

  /** A cell as people name it (Health Rubric!E7), not as A1 notation quotes it. */
  ref(r: number, c: number): string {
    return `${this.sheet}!${columnLetter(this.origin.column - 1 + c)}${this.origin.row + r}`;
  }

  row(table: Table, r: number): RowReader {
    return new RowReader(this, table, r);
  }

  /** The Settings table: the top-level rubric's own fields, the sheet's settings, the segment column. */
  settings(table: Table): { top: Obj; settings: SheetSettings; segmentColumn?: string } {
    const top: Obj = {};
    const settings: SheetSettings = {};
    let segmentColumn: string | undefined;
    for (const r of table.rows) {
      // Stryker disable next-line OptionalChaining: a Settings row is a row of the grid
      const label = this.grid[r]?.[0];
      // Stryker disable next-line OptionalChaining: a Settings row is a row of the grid
      const cell = this.grid[r]?.[1];
      const at = this.ref(r, 1);
      const value = cellText(cell);
      const field = (name: string, v: unknown) => {
        top[name] = v;
        this.cellOf.set(name, at);
      };
      switch (textOf(label).toLowerCase()) {
        case SETTINGS.name.toLowerCase():
          field("name", value);
          break;
        case SETTINGS.method.toLowerCase():
          field("method", value);
          break;
        case SETTINGS.missing.toLowerCase():
          field("missing", value);
          break;
        case SETTINGS.version.toLowerCase():
          field("version", cellNumber(cell));
          break;
        case SETTINGS.asOf.toLowerCase():
          this.asOf(cell, at, settings);
          break;
        case SETTINGS.dataSheet.toLowerCase():
          if (value !== undefined) settings.dataSheet = value;
          break;
        case SETTINGS.accountKey.toLowerCase():
          if (value !== undefined) settings.accountKey = value;
          break;
        case SETTINGS.key.toLowerCase():
          field("key", value);
          break;
        case SETTINGS.segmentColumn.toLowerCase():
          segmentColumn = value;
          this.cellOf.set("segments.column", at);
          break;
        case "":
          break;
        default:
          this.warnings.push({
            path: this.ref(r, 0),
            message: `unknown setting "${textOf(label)}" is ignored`,
          });
      }
    }
    return { top, settings, segmentColumn };
  }

  private asOf(cell: CellValue, at: string, settings: SheetSettings): void {
    if (cell === "" || cell === undefined || cell === null) return;
    const day =
      cell instanceof Date
        ? Number.isNaN(cell.getTime())
          ? undefined
          : zoneDay(this.options.timeZone)(cell)
        : isoDay(textOf(cell));
    if (day === undefined) {
      this.errors.push({ path: at, message: `As of must be a date (YYYY-MM-DD), not "${textOf(cell)}"` });
    } else settings.asOf = dayToIso(day);
  }

  /**
   * The Segments table: one rubric per segment, which rows of the other tables join by their
   * Segment cell. Returns every part by its lower-case segment name ("" for the top level).
   */
  segments(table: Table | undefined, top: Obj, segmentColumn: string | undefined): Map<string, PartReading> {
    const parts = new Map<string, PartReading>([["", { obj: top, path: "" }]]);
    const rubrics: Obj = {};
    for (const r of table?.rows ?? []) {
      const row = this.row(table as Table, r);
      const key = cellText(row.cell(SEGMENT));
      if (key === undefined) {
        row.error("a segment needs a name (the value its rows have in the segment column)", SEGMENT);
        continue;
      }
      if (reservedName(key)) {
        row.error(reservedNameMessage("segment", key), SEGMENT);
        continue;
      }
      const path = `segments.rubrics.${key}`;
      this.cellOf.set(path, row.ref(SEGMENT));
      this.rowPaths.add(path);
      const obj: Obj = {};
      for (const [field, header] of [
        ["name", "Name"],
        ["method", "Method"],
        ["missing", "Missing"],
      ] as const) {
        obj[field] = cellText(row.cell(header));
        if (row.has(header)) this.cellOf.set(`${path}.${field}`, row.ref(header));
      }
      rubrics[key] = obj;
      parts.set(key.toLowerCase(), { obj, path }); // cells are read trimmed
    }
    if (table || segmentColumn !== undefined) {
      top.segments = { column: segmentColumn, rubrics };
      if (segmentColumn === undefined) {
        this.errors.push({
          path: this.sheet,
          message: 'has segments but no "Segment column" setting naming the column that holds them',
        });
      }
    }
    return parts;
  }

  /** Reads a part table's rows into the rubric (or segment rubric) each belongs to. */
  partTable(t: PartTable, table: Table, parts: Map<string, PartReading>): void {
    for (const r of table.rows) {
      const row = this.row(table, r);
      const segment = cellText(row.cell(SEGMENT)) ?? "";
      const part = parts.get(segment.toLowerCase()); // cells are read trimmed
      if (!part) {
        row.error(`segment "${segment}" is not in the Segments table`, SEGMENT);
        continue;
      }
      if (t.map) this.mapRow(t, t.map, row, part);
      else {
        if (!Array.isArray(part.obj[t.key])) part.obj[t.key] = [];
        const list = part.obj[t.key] as Obj[];
        const path = joinPath(joinPath(part.path, t.key), list.length);
        const item = row.fields(t.columns, path);
        t.read?.(row, item, path);
        list.push(item);
      }
    }
  }

  /** One entry of a map table; a row with a blank name and no value only keeps the map (empty). */
  private mapRow(t: PartTable, map: NonNullable<PartTable["map"]>, row: RowReader, part: PartReading): void {
    part.obj[t.key] ??= {};
    const entries = part.obj[t.key] as Obj;
    const nameColumn = t.columns.find((c) => c.field === map.name) as Column;
    const others = t.columns.filter((c) => c !== nameColumn);
    const name = cellText(row.cell(nameColumn.header));
    if (name === undefined && others.every((c) => cellText(row.cell(c.header)) === undefined)) return;
    if (name === undefined) {
      row.error(`a ${map.noun} needs a name`, nameColumn.header);
      return;
    }
    const key = name;
    if (reservedName(key)) {
      row.error(reservedNameMessage(map.noun, key), nameColumn.header);
      return;
    }
    const path = joinPath(joinPath(part.path, t.key), key);
    if (Object.prototype.hasOwnProperty.call(entries, key))
      row.error(`${map.noun} "${key}" is listed twice`, nameColumn.header);
    const item = row.fields(others, path);
    const valueColumn = others.find((c) => c.field === map.value);
    if (valueColumn) this.cellOf.set(path, row.ref(valueColumn.header));
    entries[key] = map.value ? item[map.value] : item;
  }

  /** Validates what was read, and moves each problem to the cell it came from. */
  validated(top: Obj, settings: SheetSettings): SheetReading {
    const v = validateRubric(top);
    const at = (p: Problem): Problem => {
      const { cell, field } = locate(this.cellOf, this.rowPaths, p.path);
      return { path: cell ?? this.sheet, message: field ? `${field} ${p.message}` : p.message };
    };
    const said = (p: Problem) =>
      p.path.endsWith(".column") && this.unreadFrom.has(p.path.slice(0, -".column".length));
    const errors = [...this.errors, ...v.errors.filter((p) => !said(p)).map(at)];
    const reading: SheetReading = { settings, errors, warnings: [...this.warnings, ...v.warnings.map(at)] };
    if (errors.length === 0 && v.rubric) reading.rubric = v.rubric;
    return reading;
  }
}

/** One row of a table: its cells by header, their references, and its problems. */
class RowReader {
  constructor(
    readonly reader: GridReader,
    readonly table: Table,
    readonly r: number,
  ) {}

  has(header: string): boolean {
    return this.table.column(header) !== undefined;
  }

  /** The cell under a header ('' when the table has no such column). */
  cell(header: string): CellValue {
    const c = this.table.column(header);
    // Stryker disable next-line ConditionalExpression,OptionalChaining: grid[r][undefined] reads as blank too; a table row is a row of the grid
    return c === undefined ? "" : this.reader.grid[this.r]?.[c];
  }

  /** The reference of the cell under the first of these headers the table has, else of column A. */
  ref(...headers: string[]): string {
    for (const header of headers) {
      const c = this.table.column(header);
      if (c !== undefined) return this.reader.ref(this.r, c);
    }
    return this.reader.ref(this.r, 0);
  }

  error(message: string, ...headers: string[]): void {
    this.reader.errors.push({ path: this.ref(...headers), message });
  }

  /** Copies the columns' cells into an object, remembering each field's cell and the row's. */
  fields(columns: readonly Column[], path: string): Obj {
    const obj: Obj = {};
    for (const { header, field, kind } of columns) {
      if (field === undefined || !this.has(header)) continue;
      const cell = this.cell(header);
      const value =
        kind === "number"
          ? cellNumber(cell)
          : kind === "boolean"
            ? cellBoolean(cell)
            : kind === "any"
              ? cellAny(cell)
              : cellText(cell);
      // Stryker disable next-line ConditionalExpression: validateRubric reads a field set to undefined as absent
      if (value !== undefined) obj[field] = value;
      this.reader.cellOf.set(joinPath(path, field), this.ref(header));
    }
    this.reader.cellOf.set(path, this.reader.ref(this.r, 0));
    this.reader.rowPaths.add(path);
    return obj;
  }
}

/** A metric's or flag's From cell, when it is filled: its `from`, read from the words. */
function readFrom(row: RowReader, item: Obj, path: string): void {
  if (!row.has("From")) return;
  row.reader.cellOf.set(`${path}.from`, row.ref("From"));
  const words = cellText(row.cell("From"));
  if (words === undefined) return;
  const from = parseFromText(words);
  if (typeof from === "string") {
    row.error(from, "From");
    row.reader.unreadFrom.add(path);
  } else item.from = from;
}

/** A metric's Scorer and Rule cells: the scorer's type and its fields, read from the rule text. */
function readScorer(row: RowReader, metric: Obj, path: string): void {
  const cellOf = row.reader.cellOf;
  cellOf.set(`${path}.score`, row.ref("Rule", "Scorer"));
  cellOf.set(`${path}.score.type`, row.ref("Scorer"));
  const type = cellText(row.cell("Scorer"));
  if (type === undefined) return;
  const parsed = parseRule(type, cellText(row.cell("Rule")) ?? "");
  if (typeof parsed === "string") row.error(parsed, "Rule");
  else metric.score = parsed;
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
      // Stryker disable next-line Regex: the rest of the path starts with its only leading "." or a "["
      field = path.slice(p.length).replace(/^\./, "");
      break;
    }
  }
  return cell ? { cell, field } : { field };
}

interface Table {
  /** The title's row (0-based); the header row is the next one. */
  title: number;
  rows: number[];
  column(header: string): number | undefined;
}

/** Finds each titled table: its header row (the next one) and its data rows, up to a blank row or the next title. */
function findTables(grid: Grid): Map<string, Table> {
  const found = new Map<string, Table>();
  // Past the grid's last row is blank: a table there ends.
  const isBlank = (r: number) => (grid[r] ?? []).every((c) => textOf(c) === "");
  /** The table a row titles: its name alone in column A (called for rows of the grid only). */
  const titleAt = (r: number): string | undefined => {
    const [first, ...rest] = grid[r] as readonly CellValue[];
    if (!rest.every((c) => textOf(c) === "")) return undefined;
    return TABLE_NAMES.find((t) => t.toLowerCase() === textOf(first).toLowerCase());
  };
  for (let r = 0; r < grid.length; r++) {
    const name = titleAt(r);
    if (!name || found.has(name)) continue;
    // Stryker disable next-line ArrayDeclaration: a made-up header names no column either
    const headerRow = grid[r + 1] ?? [];
    const columns = new Map<string, number>();
    headerRow.forEach((h, c) => {
      const key = textOf(h).toLowerCase();
      if (key && !columns.has(key)) columns.set(key, c);
    });
    const rows: number[] = [];
    for (let d = r + 2; !isBlank(d) && !titleAt(d); d++) rows.push(d);
    found.set(name, { title: r, rows, column: (header) => columns.get(header.toLowerCase()) });
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
        if (!m) return bad(clause); // ": 40" (no bounds) is a step every value takes
        const step: Obj = { score: Number(m[3]) };
        if (m[1] !== undefined) step.min = Number(m[1]);
        if (m[2] !== undefined) step.max = Number(m[2]);
        steps.push(step);
      } else {
        // The last colon ends the key: one inside a quoted key comes before it, and a number has none.
        const colon = clause.lastIndexOf(":");
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
  const allowed: Record<string, readonly string[]> = {
    range: ["worst", "best", "points"],
    scale: ["neutral", "step"],
    perUnit: ["points", "cap"],
  };
  for (const clause of parts) {
    const m = PAIR.exec(clause);
    if (!m) return bad(clause);
    const name = (m[1] as string).toLowerCase();
    const field = (allowed[type] as readonly string[]).find((f) => f.toLowerCase() === name);
    if (!field) return bad(clause);
    out[field] = Number(m[2]);
  }
  return out;
}

// ---------------------------------------------------------------- cells

function cellText(cell: CellValue): string | undefined {
  const t = textOf(cell);
  return t === "" ? undefined : t;
}

/** A number cell as its number; numeric text as Sheets reads it; other text as is, for validation to name. */
function cellNumber(cell: CellValue): unknown {
  const t = textOf(cell); // a number's text reads back as the same number
  // Stryker disable next-line ConditionalExpression: validateRubric reads a blank number ("") as absent too
  if (t === "") return undefined;
  return parseNumber(t) ?? t;
}

/** A checkbox or yes/no text as a boolean; other text as is, for validation to name. */
function cellBoolean(cell: CellValue): unknown {
  return readBoolean(cell) ?? cellText(cell);
}

function cellAny(cell: CellValue): unknown {
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  return cellText(cell);
}

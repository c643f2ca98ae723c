/** The scoring core: pure, deterministic, no globals and no I/O. Every face of the product calls this. */

export type {
  BandCalibration,
  BootstrapOptions,
  CalibrateOptions,
  Calibration,
  Direction,
  LogisticFit,
  LogisticOptions,
  MetricCalibration,
  OutcomePositive,
  ThresholdSuggestion,
} from "./calibrate";
export {
  auc,
  bootstrapAucCi,
  CalibrationError,
  calibrate,
  DEFAULT_SEED,
  describeAuc,
  fitLogistic,
  outcomePositive,
  pairwiseAuc,
  RELIABLE_MINIMUM,
  readOutcome,
  seededRandom,
  suggestThresholds,
  toPercent,
} from "./calibrate";
export type { DayContext, Reading } from "./cells";
export {
  dayContext,
  dayToIso,
  formulaSafe,
  isBlankRow,
  isMissingCell,
  isoDay,
  parseNumber,
  readBoolean,
  readCell,
  startsLikeFormula,
  textOf,
  todayIn,
  zoneDay,
} from "./cells";
export {
  ColumnError,
  columnLetter,
  columnsRead,
  displayedColumns,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  headerKey,
  mapColumns,
} from "./columns";
export { explain, flagEffect, formatValue, signed } from "./explain";
export type { Snapshot } from "./history";
export {
  droppedBand,
  HISTORY_HEADERS,
  HISTORY_SHEET,
  historyByAccount,
  previousSnapshots,
  readHistory,
  rubricFingerprint,
  scoreChange,
  snapshotRows,
  trendText,
} from "./history";
export type { JsonReading, JsonSyntaxError } from "./json";
export { jsonErrorSentence, parseJson } from "./json";
export type { GridOptions, SheetReading, SheetSettings } from "./rubricSheet";
export { parseRule, RUBRIC_SHEET, readRubricGrid, rubricToGrid, ruleText } from "./rubricSheet";
export type { Driver, FiredFlag, InvalidCell, RowResult, Scorecard, ScoreOptions } from "./score";
export {
  applyFlags,
  bandFor,
  NO_DATA_COLOR,
  roundScore,
  scorecard,
  scoreNonBlank,
  scoreTable,
} from "./score";
export type { BandCount, Summary } from "./summary";
export { bandLabels, bandLine, summarize } from "./summary";
export * from "./types";
export type { Validation } from "./validate";
export {
  capped,
  formatProblem,
  MAX_WEIGHT,
  NO_DATA,
  PROBLEMS_SHOWN,
  parseRubric,
  plural,
  problemLines,
  problemsSentence,
  RubricError,
  reservedName,
  thousands,
  validateRubric,
} from "./validate";

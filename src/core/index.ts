/** The scoring core: pure, deterministic, no globals and no I/O. Every face of the product calls this. */

export type { AsOfChoice } from "./asOf";
export { AsOfError, chooseAsOf } from "./asOf";
export type { BackfillInput } from "./backfill";
export {
  anotherWeekFits,
  BACKFILL_WEEKS,
  backfillDates,
  backfillProblem,
  backfillRowsPerWeek,
  backfillWeek,
  prepareSources,
  SCRIPT_ROWS_PER_SECOND,
  SCRIPT_SECONDS,
  undatedColumns,
  WRITE_SECONDS,
  weeksThatFit,
} from "./backfill";
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
  WeightsVerdict,
} from "./calibrate";
export {
  auc,
  bootstrapAucCi,
  CalibrationError,
  calibrate,
  calibrationVerdict,
  DEFAULT_SEED,
  describeAuc,
  fitLogistic,
  guessOutcomeColumn,
  MIN_THRESHOLD_MOVE,
  offeredThresholds,
  outcomePositive,
  pairwiseAuc,
  RELIABLE_MINIMUM,
  readOutcome,
  seededRandom,
  suggestThresholds,
  toPercent,
  VERDICT_MARGIN,
  weightsVerdict,
} from "./calibrate";
export type { AppliedWeights, Suggestion } from "./calibrate/apply";
export { applySuggestedThresholds, applySuggestedWeights, thresholdsFit } from "./calibrate/apply";
export type { HistoryCalibration, HistoryCalibrationOptions } from "./calibrate/fromHistory";
export { calibrateHistory, predictiveSentences, readChurnDates } from "./calibrate/fromHistory";
export type {
  HistoryPoint,
  HorizonBand,
  HorizonOutcome,
  LeadTime,
  PredictiveCalibration,
  PredictiveOptions,
  TimeSplit,
} from "./calibrate/predict";
export {
  DEFAULT_HORIZON,
  horizonOutcome,
  LEAD_DAYS,
  PredictiveError,
  predictiveCalibration,
} from "./calibrate/predict";
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
  absentColumnMessage,
  ColumnError,
  closestName,
  columnLetter,
  columnsRead,
  displayedColumns,
  findHeaderRow,
  findTextHeaderRow,
  HEADER_SEARCH_ROWS,
  headerKey,
  mapColumns,
  sourceColumnsRead,
} from "./columns";
export { explain, flagEffect, formatValue, signed } from "./explain";
export { AGG_KINDS, fromText, parseFromText } from "./fromText";
export type { HistoryLayout, HistoryRescore, Rescored, Snapshot } from "./history";
export {
  CELL_CHARACTERS,
  CELL_WARNING_SHARE,
  cellBudget,
  droppedBand,
  HISTORY_HEADERS,
  historyByAccount,
  historyLayout,
  parseValues,
  previousSnapshots,
  readHistory,
  readHistoryRows,
  rescoredHeaders,
  rescoreHistory,
  rubricFingerprint,
  SHEETS_CELL_LIMIT,
  scoreChange,
  scoreUnder,
  scoreValues,
  snapshotRows,
  trendText,
  VALUE_CHARACTERS,
  valuesRubric,
  valuesText,
  weeklySnapshotDue,
} from "./history";
export type { JsonObject, JsonReading, JsonSyntaxError } from "./json";
export { canonical, isObject, jsonErrorSentence, parseJson } from "./json";
export type { OutputColumn } from "./names";
export {
  CALIBRATION_SHEET,
  HISTORY_SHEET,
  isOutputColumn,
  LIVE_COLUMN,
  OUTPUT_COLUMNS,
  OWN_SHEETS,
  PLAN_COLUMN,
  RUBRIC_SHEET,
  SCORE_COLUMNS,
  TREND_COLUMN,
} from "./names";
export type { PathKey } from "./paths";
export { isUnder, joinPath, pathText } from "./paths";
export type { Plan, PlanCell, PlanChange, Planner, PlanOptions } from "./plan";
export { PlanError, planner } from "./plan";
export type { GridOptions, SheetReading, SheetSettings } from "./rubricSheet";
export {
  parseRule,
  type RubricSheetLook,
  readRubricGrid,
  rubricSheetLook,
  rubricToGrid,
  ruleText,
} from "./rubricSheet";
export type { Driver, FiredFlag, InvalidCell, RowResult, Scorecard, ScoreOptions } from "./score";
export {
  applyFlags,
  bandFor,
  NO_DATA_COLOR,
  rebandRows,
  roundScore,
  scorecard,
  scoreNonBlank,
  scoreTable,
} from "./score";
export type { Activity, ActivityReport, SourceReport, SourceTable, SourceTables } from "./sources";
export {
  activityNotes,
  aggregateSources,
  fromsRead,
  MissingSourceError,
  SourceColumnError,
  sourceNamesRead,
} from "./sources";
export { idFrom, scorerOfType, suggestScorer } from "./suggest";
export type { BandCount, Summary } from "./summary";
export { bandLabels, bandLine, summarize } from "./summary";
export * from "./types";
export type { ValidateOptions, Validation } from "./validate";
export {
  capped,
  formatProblem,
  MAX_WEIGHT,
  NO_DATA,
  PROBLEMS_SHOWN,
  parseRubric,
  problemLines,
  problemsSentence,
  RubricError,
  reservedName,
  validateRubric,
} from "./validate";
export type { WeightedParts } from "./weights";
export { groupShares, metricShares } from "./weights";
export { coverageText, elapsed, plural, thousands } from "./words";

/**
 * The emulator as its users see it: what createEmulator returns and what a bundle sees as globals.
 * In a file of its own so that load.ts can name these types without importing index.ts.
 */
import type { ChartsService } from "./charts";
import type { AuthModeName, ButtonName, EnumValue } from "./enums";
import type { FormulaError } from "./formulas";
import type { HtmlService } from "./html";
import type { LockService } from "./lock";
import type { PropertiesService, PropertyStoreName } from "./properties";
import type { ScriptApp } from "./script";
import type { Spreadsheet, SpreadsheetApp } from "./spreadsheet";
import type { LockEvent, LockKind, LogRecord, TypedInputRecord, UiRecords } from "./state";
import type { TriggerRecord } from "./types";
import type { CacheService, Console, Logger, Session, Utilities } from "./utilities";

/** What a vm context running the add-on holds, and nothing else. */
export interface EmulatedGlobals {
  SpreadsheetApp: SpreadsheetApp;
  PropertiesService: PropertiesService;
  LockService: LockService;
  HtmlService: HtmlService;
  ScriptApp: ScriptApp;
  Session: Session;
  Utilities: Utilities;
  Logger: Logger;
  console: Console;
  CacheService: CacheService;
  Charts: ChartsService;
}

export interface CallCounts {
  /** Calls of "Class.method" (e.g. "Range.getValues") since the last reset. */
  get(key: string): number;
  all(): Record<string, number>;
  total(): number;
  reset(): void;
}

/** A cell's look after conditional formatting: the first matching rule over the cell's own format. */
export interface EffectiveFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean;
}

export interface Emulator {
  readonly globals: EmulatedGlobals;
  /** The active spreadsheet (what SpreadsheetApp.getActiveSpreadsheet() returns). */
  readonly spreadsheet: Spreadsheet;
  readonly calls: CallCounts;
  /** Menus, alerts, prompts, sidebars, dialogs and toasts, in the order they happened. */
  readonly ui: UiRecords;
  /** Whether the add-on is in use in this document yet (EmulatorOptions.addonInUse). */
  readonly addonInUse: boolean;
  /** Who uses the spreadsheet now (Session.getActiveUser); switch it to act as a colleague. */
  user: string;
  /** The authorization mode service calls run in (default FULL); see auth.ts. */
  authMode: AuthModeName;
  /** The answer the next alert gets (a Button name or ui.Button value). */
  queueAlertResponse(button: ButtonName | EnumValue): void;
  /** The answer the next prompt gets: text (clicking OK/YES) or a button and text. */
  queuePromptResponse(response: string | { button?: ButtonName | EnumValue; text?: string }): void;
  /** Pretend another execution holds this lock: tryLock returns false, waitLock throws. */
  holdLock(kind: LockKind): void;
  releaseHeldLock(kind: LockKind): void;
  /** Whether the script holds a lock of this kind right now. */
  scriptHoldsLock(kind: LockKind): boolean;
  /** Every tryLock / waitLock / release, with the timeouts asked for. */
  readonly lockLog: readonly LockEvent[];
  /** Logger.log and console output. */
  readonly logs: readonly LogRecord[];
  /** Utilities.sleep requests, in milliseconds (the emulator does not wait). */
  readonly sleeps: readonly number[];
  /** How many times the script called SpreadsheetApp.flush(). */
  readonly flushes: number;
  /**
   * Strings the script wrote (setValue, setValues, appendRow) into cells not formatted as plain
   * text ("@") that Sheets read as typed input and turned into something else: an apostrophe
   * dropped, a number, a date, a formula. Empty when the script writes text only into "@" cells
   * and dates as Date objects, relying on no parsing.
   */
  readonly typedInput: readonly TypedInputRecord[];
  /** The installable triggers that exist now. */
  triggers(): TriggerRecord[];
  /** A copy of a property store. */
  properties(store: PropertyStoreName): Record<string, string>;
  /** The used area (getDataRange) of a sheet, as getValues() would return it, in this realm. */
  sheetValues(sheetName: string): unknown[][];
  sheetDisplayValues(sheetName: string): string[][];
  sheetFormulas(sheetName: string): string[][];
  /** A cell's background after conditional formatting, else its own background, else null. */
  backgroundAt(sheetName: string, a1: string): string | null;
  formatAt(sheetName: string, a1: string): EffectiveFormat;
  /**
   * The event object Sheets passes to onOpen/onInstall: { authMode, source, triggerUid, user },
   * with authMode an AuthMode enum value, so `e.authMode === ScriptApp.AuthMode.NONE` holds.
   */
  openEvent(authMode?: AuthModeName): Record<string, unknown>;
  /** The emulator's clock. */
  now(): Date;
  /**
   * Calculates every formula that calls the loaded bundle's own custom functions with range,
   * named-range or literal arguments (formulas.ts): results in the cells, spilled as Sheets does.
   * Nothing recalculates by itself. Throws when no bundle is loaded.
   */
  recalculate(): void;
  /** The #NAME?, #ERROR! and #REF! cells of the last recalculate(), each with its tooltip. */
  formulaErrors(): FormulaError[];
}

/**
 * ScriptApp: enums, installable triggers and their builders. Triggers are recorded (emu.triggers)
 * and never fire by themselves: a test runs the handler with handle.call.
 *
 * Triggers belong to the user who created them (TriggerRecord.owner): getProjectTriggers lists
 * only the current user's, and a handler run by handle.runTrigger runs as its owner. In an add-on
 * a time-driven trigger's handler sees no active spreadsheet and no document lock (state.ts).
 *
 * Limits enforced: 20 triggers per user per script (Apps Script's message), and, when the
 * emulator runs as an add-on (the default), the add-on rules from "Add-on triggers": at most one
 * trigger of each event type per user per document, and time-driven triggers no more often than
 * once an hour. Those two messages are ours; the rules are documented.
 */
import { instrument } from "./calls";
import {
  AuthMode,
  AuthorizationStatus,
  EnumValue,
  EventType,
  InstallationSource,
  TriggerSource,
  Weekday,
} from "./enums";
import { isDate } from "./realm";
import { type EmulatorState, ServiceObject } from "./state";
import type { ClockSchedule, DocumentRef, TriggerRecord } from "./types";

export const MAX_TRIGGERS = 20;

export class Trigger extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly record: Readonly<TriggerRecord>,
  ) {
    super(ctx);
  }

  getUniqueId(): string {
    return this.record.uniqueId;
  }

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getEventType(): EnumValue {
    return EventType[this.record.eventType];
  }

  getTriggerSource(): EnumValue {
    return TriggerSource[this.record.source];
  }

  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

function createTrigger(
  ctx: EmulatorState,
  record: Omit<TriggerRecord, "uniqueId" | "documentId" | "owner">,
): Trigger {
  const documentId = ctx.documentId;
  const owner = ctx.user;
  if (ctx.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS) {
    throw ctx.fail(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
  }
  if (
    ctx.options.addon &&
    ctx.triggers.some(
      (t) => t.documentId === documentId && t.owner === owner && t.eventType === record.eventType,
    )
  ) {
    throw ctx.fail(
      `An add-on can have only one ${record.eventType} trigger per user per document; delete the existing one first.`,
    );
  }
  const full: TriggerRecord = {
    ...record,
    uniqueId: String(8_000_000_000 + ctx.nextId()),
    documentId,
    owner,
  };
  ctx.triggers.push(full);
  return new Trigger(ctx, full);
}

export class ClockTriggerBuilder extends ServiceObject {
  readonly #schedule: ClockSchedule = {};

  constructor(
    ctx: EmulatorState,
    readonly handlerFunction: string,
  ) {
    super(ctx);
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) {
      throw this.ctx.fail(
        "The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.",
      );
    }
    this.#schedule.everyMinutes = n;
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) {
      throw this.ctx.fail(
        "The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.",
      );
    }
    this.#schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw this.ctx.fail("The value you passed to everyDays was invalid.");
    this.#schedule.everyDays = n;
    return this;
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw this.ctx.fail("The value you passed to everyWeeks was invalid.");
    this.#schedule.everyWeeks = n;
    return this;
  }

  onWeekDay(day: EnumValue): ClockTriggerBuilder {
    if (!(day instanceof EnumValue) || day.enumName !== "Weekday")
      throw this.ctx.fail("Invalid argument: day");
    this.#schedule.onWeekDay = day.name();
    return this;
  }

  onMonthDay(day: number): ClockTriggerBuilder {
    if (!Number.isInteger(day) || day < 1 || day > 31) throw this.ctx.fail("Invalid argument: day");
    this.#schedule.onMonthDay = day;
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw this.ctx.fail("Invalid argument: hour");
    this.#schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw this.ctx.fail("Invalid argument: minute");
    this.#schedule.nearMinute = minute;
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    this.#schedule.timeZone = String(timezone);
    return this;
  }

  at(date: Date): ClockTriggerBuilder {
    if (!isDate(date)) throw this.ctx.fail("Invalid argument: date");
    this.#schedule.at = new Date(date.getTime());
    return this;
  }

  /** Midnight of that day in the trigger's time zone; recorded as a date. */
  atDate(year: number, month: number, day: number): ClockTriggerBuilder {
    this.#schedule.at = new Date(Date.UTC(year, month - 1, day));
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.#schedule.afterMs = durationMilliseconds;
    return this;
  }

  create(): Trigger {
    const s = this.#schedule;
    const recurring = s.everyMinutes ?? s.everyHours ?? s.everyDays ?? s.everyWeeks ?? s.onMonthDay;
    if (recurring === undefined && s.at === undefined && s.afterMs === undefined) {
      throw this.ctx.fail(
        "The trigger has no schedule: call everyHours, everyDays, everyWeeks, onMonthDay, at or after before create().",
      );
    }
    if (
      this.ctx.options.addon &&
      (s.everyMinutes !== undefined || (s.afterMs !== undefined && s.afterMs < 3_600_000))
    ) {
      throw this.ctx.fail("Add-on time-driven triggers can run at most once per hour.");
    }
    return createTrigger(this.ctx, {
      handlerFunction: this.handlerFunction,
      eventType: "CLOCK",
      source: "CLOCK",
      sourceId: null,
      schedule: { ...s },
    });
  }
}

export class SpreadsheetTriggerBuilder extends ServiceObject {
  #eventType: TriggerRecord["eventType"] | null = null;

  constructor(
    ctx: EmulatorState,
    readonly handlerFunction: string,
    readonly spreadsheetId: string,
  ) {
    super(ctx);
  }

  onOpen(): SpreadsheetTriggerBuilder {
    this.#eventType = "ON_OPEN";
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilder {
    this.#eventType = "ON_EDIT";
    return this;
  }

  onChange(): SpreadsheetTriggerBuilder {
    this.#eventType = "ON_CHANGE";
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.#eventType = "ON_FORM_SUBMIT";
    return this;
  }

  create(): Trigger {
    if (!this.#eventType)
      throw this.ctx.fail(
        "The trigger has no event: call onOpen, onEdit, onChange or onFormSubmit before create().",
      );
    return createTrigger(this.ctx, {
      handlerFunction: this.handlerFunction,
      eventType: this.#eventType,
      source: "SPREADSHEETS",
      sourceId: this.spreadsheetId,
      schedule: null,
    });
  }
}

export class TriggerBuilder extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly handlerFunction: string,
  ) {
    super(ctx);
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.handlerFunction);
  }

  /** forSpreadsheet(sheet) | forSpreadsheet(key): only the emulated spreadsheet exists. */
  forSpreadsheet(sheetOrKey: DocumentRef | string): SpreadsheetTriggerBuilder {
    const id = typeof sheetOrKey === "string" ? sheetOrKey : sheetOrKey?.getId?.();
    if (id !== this.ctx.documentId) throw this.ctx.fail("Invalid argument: key");
    return new SpreadsheetTriggerBuilder(this.ctx, this.handlerFunction, id);
  }
}

export class AuthorizationInfo extends ServiceObject {
  getAuthorizationStatus(): EnumValue {
    return AuthorizationStatus.NOT_REQUIRED;
  }

  getAuthorizationUrl(): string | null {
    return null;
  }

  getAuthorizedScopes(): string[] {
    return this.ctx.array<string>([]);
  }
}

export class ScriptApp extends ServiceObject {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.ctx, String(functionName));
  }

  /** "All installable triggers associated with the current project and current user": not a colleague's. */
  getProjectTriggers(): Trigger[] {
    return this.ctx.array(this.#mine().map((t) => new Trigger(this.ctx, t)));
  }

  /** The spreadsheet's own triggers (onOpen/onEdit/...) for this user; clock triggers are not "in" it. */
  getUserTriggers(document: DocumentRef): Trigger[] {
    const id = document?.getId?.();
    return this.ctx.array(
      this.#mine()
        .filter((t) => t.sourceId === id)
        .map((t) => new Trigger(this.ctx, t)),
    );
  }

  #mine(): TriggerRecord[] {
    return this.ctx.triggers.filter((t) => t.owner === this.ctx.user);
  }

  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof Trigger)) throw this.ctx.fail("ScriptApp.deleteTrigger expects a Trigger.");
    if (trigger.record.owner !== this.ctx.user) return; // a colleague's trigger is out of reach
    const i = this.ctx.triggers.findIndex((t) => t.uniqueId === trigger.record.uniqueId);
    if (i !== -1) this.ctx.triggers.splice(i, 1);
  }

  getScriptId(): string {
    return "1EmuLatedScriptProject0000000000000000000000000000000";
  }

  getOAuthToken(): string {
    return "emulated-oauth-token";
  }

  getInstallationSource(): EnumValue {
    return InstallationSource.NONE;
  }

  getAuthorizationInfo(_authMode: EnumValue): AuthorizationInfo {
    return new AuthorizationInfo(this.ctx);
  }
}

instrument(Trigger, "Trigger");
instrument(ClockTriggerBuilder, "ClockTriggerBuilder");
instrument(SpreadsheetTriggerBuilder, "SpreadsheetTriggerBuilder");
instrument(TriggerBuilder, "TriggerBuilder");
instrument(AuthorizationInfo, "AuthorizationInfo");
instrument(ScriptApp, "ScriptApp");

/**
 * Shapes shared across the emulator's files that belong to none of them. They live here, below
 * every service, so that no two files need each other (test/dev/importGraph.test.ts holds the
 * package free of import cycles).
 */
import type { EventType, TriggerSource } from "./enums";

/** A document a trigger may be tied to: what ScriptApp reads of a Spreadsheet passed to it. */
export interface DocumentRef {
  getId(): string;
}

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
  at?: Date;
  afterMs?: number;
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: keyof typeof EventType;
  source: keyof typeof TriggerSource;
  /** The spreadsheet id for spreadsheet triggers; null for clock triggers. */
  sourceId: string | null;
  /** The document the trigger was created from (add-on triggers are per document). */
  documentId: string;
  /** The user who created it: only they see it (getProjectTriggers) and it runs as them. */
  owner: string;
  schedule: ClockSchedule | null;
}

/**
 * Colour bands: conditional-format rules on the Health Band column (text per band) and the Health
 * Score column (a formula on its row's band, so segment rubrics with their own thresholds colour
 * right), in the rubric's colours. setConditionalFormatRules replaces every rule of a sheet, so
 * the add-on remembers which rules are its own (in the document's properties) and replaces only
 * those, keeping every rule the user made.
 */
import { bandLabels, columnLetter, NO_DATA, NO_DATA_COLOR, type Rubric } from "../core";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const OWN_RULES_KEY = "healthscore.colorRules";

/**
 * What identifies one of the add-on's rules: its condition and colour, with cell references
 * blanked, so that a rule still counts as the add-on's after columns are inserted or the sheet is
 * renamed. Which sheet it belongs to is the key it is kept under.
 */
function fingerprint(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  if (!condition) return "";
  const values = condition.getCriteriaValues().map((v) => String(v).replace(/\$?[A-Z]{1,3}\$?\d+/g, "#"));
  return JSON.stringify([String(condition.getCriteriaType()), values, condition.getBackground()]);
}

type OwnRules = Record<string, string[]>;

function ownRules(): OwnRules {
  const stored = PropertiesService.getDocumentProperties().getProperty(OWN_RULES_KEY);
  try {
    const parsed = stored ? JSON.parse(stored) : {};
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as OwnRules) : {};
  } catch {
    return {};
  }
}

function remember(sheet: Sheet, fingerprints: string[]): void {
  const all = ownRules();
  const key = String(sheet.getSheetId());
  if (fingerprints.length > 0) all[key] = fingerprints;
  else delete all[key];
  PropertiesService.getDocumentProperties().setProperty(OWN_RULES_KEY, JSON.stringify(all));
}

/** The sheet's rules without the add-on's own. */
function userRules(sheet: Sheet): Rule[] {
  const own = new Set(ownRules()[String(sheet.getSheetId())] ?? []);
  return sheet.getConditionalFormatRules().filter((rule) => !own.has(fingerprint(rule)));
}

export interface BandColumns {
  headerRow: number;
  scoreColumn: number;
  bandColumn: number;
}

/** (Re)applies the add-on's colour rules for a rubric's bands; returns how many rules it made. */
export function applyColorBands(sheet: Sheet, rubric: Rubric, at: BandColumns): number {
  const keep = userRules(sheet);
  const firstRow = at.headerRow + 1;
  const height = Math.max(1, sheet.getMaxRows() - at.headerRow);
  const scoreRange = sheet.getRange(firstRow, at.scoreColumn, height, 1);
  const bandRange = sheet.getRange(firstRow, at.bandColumn, height, 1);
  const bandCell = `$${columnLetter(at.bandColumn - 1)}${firstRow}`;
  const ours: Rule[] = [];
  for (const { label, color } of [...bandLabels(rubric), { label: NO_DATA, color: NO_DATA_COLOR }]) {
    ours.push(
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(label)
        .setBackground(color)
        .setRanges([bandRange])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=${bandCell}="${label.replace(/"/g, '""')}"`)
        .setBackground(color)
        .setRanges([scoreRange])
        .build(),
    );
  }
  sheet.setConditionalFormatRules([...keep, ...ours]);
  remember(sheet, ours.map(fingerprint));
  return ours.length;
}

/** Removes the add-on's colour rules from a sheet; the user's stay. Returns how many it removed. */
export function removeColorBands(sheet: Sheet): number {
  const rules = sheet.getConditionalFormatRules();
  const keep = userRules(sheet);
  if (keep.length !== rules.length) sheet.setConditionalFormatRules(keep);
  remember(sheet, []);
  return rules.length - keep.length;
}

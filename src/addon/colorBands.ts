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

/** What identifies a rule: its ranges, condition and colour. */
function fingerprint(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  return JSON.stringify([
    rule.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
    condition ? String(condition.getCriteriaType()) : "",
    condition ? condition.getCriteriaValues().map(String) : [],
    condition ? condition.getBackground() : "",
  ]);
}

function ownFingerprints(): Set<string> {
  const stored = PropertiesService.getDocumentProperties().getProperty(OWN_RULES_KEY);
  try {
    return new Set(stored ? (JSON.parse(stored) as string[]) : []);
  } catch {
    return new Set();
  }
}

/** The sheet's rules without the add-on's own. */
function userRules(sheet: Sheet, own: Set<string>): Rule[] {
  return sheet.getConditionalFormatRules().filter((rule) => !own.has(fingerprint(rule)));
}

export interface BandColumns {
  headerRow: number;
  scoreColumn: number;
  bandColumn: number;
}

/** (Re)applies the add-on's colour rules for a rubric's bands; returns how many rules it made. */
export function applyColorBands(sheet: Sheet, rubric: Rubric, at: BandColumns): number {
  const own = ownFingerprints();
  const keep = userRules(sheet, own);
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
  remember([...otherSheets(own, sheet), ...ours.map(fingerprint)]);
  return ours.length;
}

/** Removes the add-on's colour rules from a sheet; the user's stay. Returns how many it removed. */
export function removeColorBands(sheet: Sheet): number {
  const own = ownFingerprints();
  const rules = sheet.getConditionalFormatRules();
  const keep = rules.filter((rule) => !own.has(fingerprint(rule)));
  if (keep.length !== rules.length) sheet.setConditionalFormatRules(keep);
  remember(otherSheets(own, sheet));
  return rules.length - keep.length;
}

/** Fingerprints of the add-on's rules on other sheets, which stay the add-on's. */
function otherSheets(own: Set<string>, sheet: Sheet): string[] {
  const prefix = JSON.stringify(`${sheet.getName()}!`).slice(0, -1);
  return [...own].filter((f) => !f.startsWith(`[[${prefix}`));
}

function remember(fingerprints: string[]): void {
  PropertiesService.getDocumentProperties().setProperty(OWN_RULES_KEY, JSON.stringify(fingerprints));
}

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
 *
 * The fingerprint of a rule fresh from build() must equal that of the same rule read back from
 * the sheet, and Sheets stores rules in its own form: colours as the "#rrggbb" of
 * RgbColor.asHexString() (developers.google.com/apps-script/reference/spreadsheet/rgb-color),
 * numbers as numbers, a formula with its own spacing and case. So every part is put in one form
 * first: colour lower-case #rrggbb (#RGB expanded), numbers by value, formulas without spaces and
 * upper-case outside their "text". Ranges are left out, so their order does not matter.
 */
export function fingerprint(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  if (!condition) return "";
  const type = String(condition.getCriteriaType());
  const values = condition
    .getCriteriaValues()
    .map((v) => (type === "CUSTOM_FORMULA" ? canonicalFormula(String(v)) : canonicalValue(v)));
  return JSON.stringify([type, values, canonicalColor(backgroundOf(condition))]);
}

/** The background as a string: getBackgroundObject() where it exists (getBackground() is deprecated). */
function backgroundOf(condition: GoogleAppsScript.Spreadsheet.BooleanCondition): string {
  // Documented on BooleanCondition, missing from @types/google-apps-script.
  const withObject = condition as { getBackgroundObject?: () => GoogleAppsScript.Spreadsheet.Color | null };
  try {
    const color = withObject.getBackgroundObject?.();
    if (color) return color.asRgbColor().asHexString();
  } catch {
    // A theme colour has no RGB form: fall back to the string.
  }
  return condition.getBackground() ?? "";
}

/** "#ABC" and "#aabbcc" are one colour; Color objects may carry alpha as "#ffaabbcc". */
export function canonicalColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((d) => d + d).join("")}`;
  if (/^#ff[0-9a-f]{6}$/.test(c)) return `#${c.slice(3)}`;
  return c;
}

function canonicalValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = String(value).trim();
  return text !== "" && Number.isFinite(Number(text)) ? String(Number(text)) : text;
}

/** Outside "quoted text": no spaces, upper case, cell references blanked. */
function canonicalFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, "")
            .toUpperCase()
            .replace(/\$?[A-Z]{1,3}\$?\d+/g, "#"),
    )
    .join("");
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

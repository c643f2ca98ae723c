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
 * blanked, so that a rule still counts as the add-on's after columns or rows are inserted (Sheets
 * moves the references in a rule's formula). Which sheet it belongs to is the key it is kept under.
 *
 * The fingerprint of a rule fresh from build() must equal that of the same rule read back from
 * the sheet, and Sheets stores rules in its own form: colours as the "#rrggbb" (or "#aarrggbb")
 * of RgbColor.asHexString() (developers.google.com/apps-script/reference/spreadsheet/rgb-color),
 * a formula with its own spacing and case. So colours are put in lower-case #rrggbb, and formulas
 * lose their spaces and are upper-cased outside their "text". The add-on's other rules compare
 * text, which Sheets keeps as given. Ranges are left out, so their order does not matter.
 */
export function fingerprint(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  // Stryker disable next-line StringLiteral: a rule without a condition (a gradient) is never the add-on's; any text that is no fingerprint of a condition serves
  if (!condition) return "";
  const type = String(condition.getCriteriaType());
  const values = condition
    .getCriteriaValues()
    .map((v) => (type === "CUSTOM_FORMULA" ? canonicalFormula(String(v)) : String(v)));
  return JSON.stringify([type, values, canonicalColor(backgroundOf(condition))]);
}

/**
 * The background as text: getBackgroundObject()'s hex (getBackground() is deprecated). That
 * throws for a rule without a background (null) and for a theme colour (no RGB form); the string
 * getter answers then. The add-on's own rules always have an RGB background.
 */
function backgroundOf(condition: GoogleAppsScript.Spreadsheet.BooleanCondition): string {
  // Documented on BooleanCondition, missing from @types/google-apps-script.
  const withObject = condition as unknown as { getBackgroundObject(): GoogleAppsScript.Spreadsheet.Color };
  try {
    return withObject.getBackgroundObject().asRgbColor().asHexString();
  } catch {
    return String(condition.getBackground());
  }
}

/** "#AABBCC" and "#aabbcc" are one colour; Color objects may carry alpha as "#ffaabbcc". */
export function canonicalColor(color: string): string {
  const c = color.toLowerCase();
  // Stryker disable next-line Regex: dropping ^ or $ changes nothing, as a colour here is "#" and 6 or 8 hex digits (the other regex mutants are killed by "colour rules as Sheets stores them")
  return /^#ff[0-9a-f]{6}$/.test(c) ? `#${c.slice(3)}` : c;
}

/** Outside "quoted text": no spaces, upper case, cell references (all the add-on writes are $COLrow) blanked. */
function canonicalFormula(formula: string): string {
  return (
    formula
      .split(/("(?:[^"]|"")*")/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part
              .replace(/\s/g, "")
              .toUpperCase()
              .replace(/\$[A-Z]+\d+/g, "#"),
      )
      // Stryker disable next-line StringLiteral: the rule built and the rule read back are joined alike
      .join("")
  );
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
  const own = new Set(ownRules()[String(sheet.getSheetId())]);
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

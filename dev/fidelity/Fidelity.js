/**
 * Fidelity check: does real Google Sheets behave as the add-on and its emulator assume?
 *
 * Paste this whole file into a test spreadsheet's script editor (Extensions → Apps Script, a new
 * file), save, choose runFidelityCheck in the toolbar and press Run (allow access once). It writes
 * a "Fidelity check" sheet: one row per assumption, with what real Sheets answered, what the
 * emulator (packages/gas-sheets-emulator) answers, and PASS or FAIL. Then type
 * =FIDELITY_SHAPE(A1:B2) and =FIDELITY_WRITE() in any empty cells of that sheet: each shows PASS
 * or FAIL for the custom-function assumptions. See dev/fidelity/README.md for what to do with a
 * FAIL. test/dev/fidelity.test.ts runs this same file on the emulator, where every row passes.
 */

// biome-ignore-all lint/correctness/noUnusedVariables: Apps Script calls these global functions by name.
// biome-ignore-all lint/complexity/useOptionalChain: plain ES2019, as pasted into any Apps Script project.

var FIDELITY_SHEET = "Fidelity check";
var FIDELITY_PROBE_KEY = "fidelity.triggerProbe";

function runFidelityCheck() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var old = ss.getSheetByName(FIDELITY_SHEET);
  if (old) ss.deleteSheet(old);
  var sheet = ss.insertSheet(FIDELITY_SHEET);
  var tz = ss.getSpreadsheetTimeZone();
  var results = [];
  function check(name, emulator, measure) {
    var real;
    try {
      real = String(measure());
    } catch (e) {
      real = `threw: ${e && e.message ? e.message : e}`;
    }
    results.push([name, real, emulator, real === emulator ? "PASS" : "FAIL"]);
  }
  // A scratch cell below the report, written and read back for each check.
  var scratch = sheet.getRange(40, 1);
  function written(value, format) {
    scratch.clear();
    if (format) scratch.setNumberFormat(format);
    scratch.setValue(value);
    SpreadsheetApp.flush();
    return scratch;
  }
  function describe(v) {
    if (v instanceof Date) return `Date ${Utilities.formatDate(v, tz, "yyyy-MM-dd")}`;
    return `${typeof v} ${JSON.stringify(v)}`;
  }

  check("A leading apostrophe is dropped and the rest kept as text", 'string "+Good"', () =>
    describe(written("'+Good").getValue()),
  );
  check('Text written into a plain-text ("@") cell stays text: a formula', 'string "=1+1" formula ""', () => {
    var cell = written("=1+1", "@");
    return `${describe(cell.getValue())} formula "${cell.getFormula()}"`;
  });
  check('Text written into a plain-text ("@") cell stays text: a percentage', 'string "45%"', () =>
    describe(written("45%", "@").getValue()),
  );
  check("A number written into a plain-text cell stays a number", "number 5", () =>
    describe(written(5, "@").getValue()),
  );
  check(
    `ISO text in a general cell is read as a date (locale ${ss.getSpreadsheetLocale()})`,
    "Date 2026-11-26",
    () => describe(written("2026-11-26").getValue()),
  );
  check("A Date from Utilities.parseDate in the spreadsheet's zone shows that day", "2026-11-26", () =>
    written(Utilities.parseDate("2026-11-26", tz, "yyyy-MM-dd"), "yyyy-mm-dd").getDisplayValue(),
  );

  const colourBack = (colour) =>
    roundTrip(sheet, SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("Red").setBackground(colour))
      .getBooleanCondition()
      .getBackgroundObject()
      .asRgbColor()
      .asHexString();
  check("A colour rule reads back its colour as lower-case #rrggbb", "#f4c7c3", () => colourBack("#F4C7C3"));
  check("A #RGB colour reads back as #rrggbb", "#ffee88", () => colourBack("#FE8"));
  check("A custom formula reads back as written", '["=$B2=\\"Red\\""]', () => {
    var rule = roundTrip(
      sheet,
      SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Red"').setBackground("#f4c7c3"),
    );
    return JSON.stringify(rule.getBooleanCondition().getCriteriaValues());
  });
  check("A number threshold reads back as a number", "[39.5]", () => {
    var rule = roundTrip(
      sheet,
      SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(39.5).setBackground("#f4c7c3"),
    );
    return JSON.stringify(rule.getBooleanCondition().getCriteriaValues());
  });
  sheet.clearConditionalFormatRules();

  var instant = new Date(Date.UTC(2026, 10, 26, 3, 30)); // still the 25th in New York
  check(
    "Intl.DateTimeFormat knows IANA time zones",
    "America/New_York",
    () => new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York" }).resolvedOptions().timeZone,
  );
  check(
    "Intl's formatToParts exists (the core falls back to format() without it)",
    "function",
    () => typeof new Intl.DateTimeFormat("en-US", { timeZone: "UTC" }).formatToParts,
  );
  check("Intl and Utilities.formatDate agree on the day in a zone", "2026-11-25 2026-11-25", () => {
    var parts = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(instant);
    function part(type) {
      return parts.filter((p) => p.type === type)[0].value;
    }
    return (
      part("year") +
      "-" +
      part("month") +
      "-" +
      part("day") +
      " " +
      Utilities.formatDate(instant, "America/New_York", "yyyy-MM-dd")
    );
  });

  // Filled in by fidelityTriggerProbe, when someone ran fidelityScheduleTriggerProbe a minute before.
  var probe = PropertiesService.getScriptProperties().getProperty(FIDELITY_PROBE_KEY);
  results.push([
    "In a time-driven trigger: active spreadsheet, document lock (an add-on expects none; a bound script may have both)",
    probe || "not probed: run fidelityScheduleTriggerProbe, wait two minutes, run this again",
    "null null",
    "INFO",
  ]);

  scratch.clear();
  var rows = [["Assumption", "Real Sheets", "Emulator", "Result"]].concat(results);
  sheet.getRange(1, 1, rows.length, 4).setNumberFormat("@").setValues(rows);
  sheet.getRange(1, 1, 1, 4).setFontWeight("bold");
  var failed = results.filter((r) => r[3] === "FAIL").length;
  Logger.log(results.map((r) => `${r[3]}  ${r[0]}: ${r[1]} (emulator: ${r[2]})`).join("\n"));
  ss.toast(
    failed === 0 ? "Every assumption holds." : `${failed} assumptions FAIL: see dev/fidelity/README.md.`,
    "Fidelity check",
    10,
  );
  return results;
}

/** Sets one rule on the sheet and reads it back as Sheets stores it. */
function roundTrip(sheet, builder) {
  sheet.setConditionalFormatRules([
    builder.setRanges([sheet.getRange("C2:C5"), sheet.getRange("B2:B5")]).build(),
  ]);
  return sheet.getConditionalFormatRules()[0];
}

/**
 * Custom function: how Sheets passes a range and a single cell. The add-on expects a range as a
 * 2-D array of rows and a single cell as a plain value.
 * @param {A1:B2} range Any 2 × 2 range.
 * @return PASS or FAIL, with what arrived.
 * @customfunction
 */
function FIDELITY_SHAPE(range) {
  var rows = Array.isArray(range) ? range.length : -1;
  var cols = rows > 0 && Array.isArray(range[0]) ? range[0].length : -1;
  var shape = rows === -1 ? `a ${typeof range}` : `${rows} × ${cols} array`;
  return (
    (rows === 2 && cols === 2 ? "PASS" : "FAIL") +
    ": a 2 × 2 range arrived as " +
    shape +
    " (emulator: 2 × 2 array)"
  );
}

/**
 * Custom function: whether a custom function may write a cell (the add-on expects it may not).
 * @return PASS when the write was refused.
 * @customfunction
 */
function FIDELITY_WRITE() {
  try {
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(FIDELITY_SHEET).getRange("Z1").setValue("written");
    return "FAIL: a custom function wrote a cell (emulator: refused)";
  } catch (e) {
    return "PASS: the write was refused (emulator: refused)";
  }
}

/** Makes a one-off time-driven trigger that runs fidelityTriggerProbe in about a minute. */
function fidelityScheduleTriggerProbe() {
  ScriptApp.newTrigger("fidelityTriggerProbe")
    .timeBased()
    .after(60 * 1000)
    .create();
}

/** The trigger's handler: records what a time-driven trigger sees, then deletes its trigger. */
function fidelityTriggerProbe(e) {
  var lock = LockService.getDocumentLock();
  PropertiesService.getScriptProperties().setProperty(
    FIDELITY_PROBE_KEY,
    (SpreadsheetApp.getActiveSpreadsheet() === null ? "null" : "a spreadsheet") +
      " " +
      (lock === null ? "null" : "a lock"),
  );
  ScriptApp.getProjectTriggers().forEach((t) => {
    if (e && t.getUniqueId() === e.triggerUid) ScriptApp.deleteTrigger(t);
  });
}

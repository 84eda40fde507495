/**
 * "Set up KPI sheets" as Apps Script runs it: the built dist/Code.js in the emulator, with the
 * user's hands (`emu.spreadsheet`) renaming sheets, moving columns and typing data in between.
 */

import type { Emulator } from "../../emulator";
import { emulated, writeCalls } from "./emulated";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KPI_HEADERS = [
  "ID",
  "Name",
  "Description",
  "Type",
  "Level",
  "Parent",
  "Owner",
  "Department",
  "Unit",
  "Direction",
  "Aggregation",
  "Baseline",
  "Target",
  "Start",
  "Due",
  "Cadence",
  "Weight",
  "Reward",
  "Data source",
  "Why it matters",
  "Actual",
  "Attainment",
  "Expected",
  "Status",
  "Last check-in",
  "Updated",
];
const SHEETS = ["KPIs", "Check-ins", "Settings", "Dashboard", "Alerts"];

function sheet(emu: Emulator, name: string): Sheet {
  const found = emu.spreadsheet.getSheetByName(name);
  if (found === null) throw new Error(`no sheet ${name}`);
  return found;
}

function header(target: Sheet): unknown[] {
  return target.getRange(1, 1, 1, target.getLastColumn()).getValues()[0] ?? [];
}

/** Everything a user can see in a sheet's used range: values and formulas. */
function contents(target: Sheet): { values: unknown[][]; formulas: string[][] } {
  const range = target.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

function tagsOf(emu: Emulator): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const data of emu.book.metadata) {
    if (data.key !== "smart-kpi.sheet" || data.location.type !== "SHEET") continue;
    const { sheetId } = data.location;
    tags[emu.book.sheets.find((s) => s.id === sheetId)?.name ?? "?"] = data.value ?? "";
  }
  return tags;
}

function validation(target: Sheet, a1: string) {
  const rule = target.getRange(a1).getDataValidation();
  if (rule === null) return null;
  const [first] = rule.getCriteriaValues() as [unknown];
  const range = first as GoogleAppsScript.Spreadsheet.Range;
  return {
    criteria: String(rule.getCriteriaType()),
    values:
      typeof range === "object" && range !== null && "getA1Notation" in range
        ? `${range.getSheet().getName()}!${range.getA1Notation()}`
        : first,
    allowInvalid: rule.getAllowInvalid(),
  };
}

/** 1-based columns of the range protections on a sheet, with their warning flag. */
function protectedColumns(emu: Emulator, name: string): { column: number; warningOnly: boolean }[] {
  const id = sheet(emu, name).getSheetId();
  return emu.book.protections
    .filter((p) => p.type === "RANGE" && p.range.sheetId === id && p.range.numColumns === 1)
    .map((p) => ({ column: p.range.column, warningOnly: p.warningOnly }));
}

describe("setupSheets in a new spreadsheet", () => {
  const { emu, addOn } = emulated();
  let report: { added: string[]; sheets: Record<string, string> };

  beforeAll(() => {
    report = addOn.run("setupSheets") as typeof report;
  });

  it("creates the five sheets after the user's own, each tagged with its role", () => {
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1", ...SHEETS]);
    expect(tagsOf(emu)).toEqual({
      KPIs: "kpis",
      "Check-ins": "checkins",
      Settings: "settings",
      Dashboard: "dashboard",
      Alerts: "alerts",
    });
    expect(report.sheets).toEqual({
      kpis: "KPIs",
      checkins: "Check-ins",
      settings: "Settings",
      dashboard: "Dashboard",
      alerts: "Alerts",
    });
  });

  it("writes frozen, bold header rows with a note on each column", () => {
    const kpis = sheet(emu, "KPIs");
    expect(header(kpis)).toEqual(KPI_HEADERS);
    expect(header(sheet(emu, "Check-ins"))).toEqual(["Date", "KPI ID", "Value", "Note", "By"]);
    expect(header(sheet(emu, "Alerts"))).toEqual([
      "Time",
      "KPI ID",
      "Owner",
      "Kind",
      "Sent to",
      "Result",
    ]);
    for (const name of ["KPIs", "Check-ins", "Settings", "Alerts"]) {
      expect(sheet(emu, name).getFrozenRows()).toBe(1);
    }
    expect(kpis.getRange("A1:Z1").getFontWeights()[0]).toEqual(KPI_HEADERS.map(() => "bold"));
    expect(kpis.getRange("P1").getNote()).toMatch(/Daily/);
  });

  it("formats user text as plain text and dates, percents and times as such", () => {
    const formats = sheet(emu, "KPIs").getRange("A2:Z2").getNumberFormats()[0]!;
    const formatOf = (name: string) => formats[KPI_HEADERS.indexOf(name)];
    expect(["ID", "Name", "Parent", "Owner", "Status"].map(formatOf)).toEqual([
      "@",
      "@",
      "@",
      "@",
      "@",
    ]);
    expect(["Start", "Due", "Last check-in"].map(formatOf)).toEqual([
      "yyyy-mm-dd",
      "yyyy-mm-dd",
      "yyyy-mm-dd",
    ]);
    expect(["Attainment", "Expected"].map(formatOf)).toEqual(["0%", "0%"]);
    expect(formatOf("Updated")).toBe("yyyy-mm-dd hh:mm");
    expect(sheet(emu, "KPIs").getRange("B1000").getNumberFormat()).toBe("@");
    expect(sheet(emu, "Check-ins").getRange("A2").getNumberFormat()).toBe("yyyy-mm-dd");
  });

  it("adds warning-only dropdowns of the fixed lists and of the registry's IDs", () => {
    const kpis = sheet(emu, "KPIs");
    expect(validation(kpis, "D2")).toEqual({
      criteria: "VALUE_IN_LIST",
      values: ["KPI", "Objective", "Key result", "Habit"],
      allowInvalid: true,
    });
    expect(validation(kpis, "J500")?.values).toEqual([
      "Increase",
      "Decrease",
      "At least",
      "At most",
    ]);
    expect(validation(kpis, "K2")?.values).toEqual([
      "Sum",
      "Average",
      "Last",
      "Max",
      "Min",
      "Count",
    ]);
    expect(validation(kpis, "P2")?.values).toEqual([
      "Daily",
      "Weekly",
      "Monthly",
      "Quarterly",
      "Yearly",
    ]);
    expect(validation(kpis, "E2")?.values).toEqual(["Company", "Department", "Team", "Personal"]);
    expect(validation(kpis, "F2")).toEqual({
      criteria: "VALUE_IN_RANGE",
      values: "KPIs!A2:A1000",
      allowInvalid: true,
    });
    expect(validation(sheet(emu, "Check-ins"), "B2")?.values).toBe("KPIs!A2:A1000");
    expect(validation(kpis, "G2")?.criteria).toBe("TEXT_IS_VALID_EMAIL");
    expect(validation(sheet(emu, "Check-ins"), "E2")?.criteria).toBe("TEXT_IS_VALID_EMAIL");
    expect(validation(kpis, "N2")?.criteria).toBe("DATE_IS_VALID_DATE");
    expect(validation(kpis, "B2")).toBeNull();
  });

  it("colours statuses on the registry and the Dashboard by conditional formatting", () => {
    const rules = (name: string) =>
      emu.book.sheetByName(name)!.conditionalRules.map((rule) => ({
        text: rule.condition?.values[0],
        background: rule.format.background,
        range: rule.ranges.map((r) => [r.row, r.column, r.numColumns]),
      }));
    const kpiRules = rules("KPIs");
    expect(kpiRules.filter((r) => r.background !== undefined)).toEqual([
      { text: "Achieved", background: "#b7e1cd", range: [[2, 24, 1]] },
      { text: "On track", background: "#b7e1cd", range: [[2, 24, 1]] },
      { text: "At risk", background: "#fce8b2", range: [[2, 24, 1]] },
      { text: "Off track", background: "#f4c7c3", range: [[2, 24, 1]] },
      { text: "Missed", background: "#f4c7c3", range: [[2, 24, 1]] },
      { text: "No data", background: "#e8eaed", range: [[2, 24, 1]] },
    ]);
    expect(rules("Dashboard").map((r) => r.range)).toEqual(
      rules("Dashboard").map(() => [[22, 9, 1]]),
    );
  });

  it("protects the computed columns and the Alerts log with a warning only", () => {
    expect(protectedColumns(emu, "KPIs")).toEqual(
      [21, 22, 23, 24, 25, 26].map((column) => ({ column, warningOnly: true })),
    );
    const alertsId = sheet(emu, "Alerts").getSheetId();
    expect(
      emu.book.protections
        .filter((p) => p.type === "SHEET")
        .map((p) => [p.range.sheetId, p.warningOnly]),
    ).toEqual([[alertsId, true]]);
  });

  it("writes the settings with their defaults and names the as-of cell, set to today there", () => {
    const settings = sheet(emu, "Settings");
    expect(settings.getRange("A1:B11").getDisplayValues()).toEqual([
      ["Setting", "Value"],
      ["As of", "2026-03-02"],
      ["At-risk gap", "10%"],
      ["Off-track gap", "25%"],
      ["Check-in grace days", "2"],
      ["Repeat reminders every N days", "7"],
      ["Escalate to parent owner", "TRUE"],
      ["Manager e-mail", ""],
      ["Daily check hour", "8"],
      ["Last run", ""],
      ["Last run summary", ""],
    ]);
    expect(emu.spreadsheet.getRangeByName("KPI_AS_OF")?.getA1Notation()).toBe("B2");
    expect(validation(settings, "B7")?.criteria).toBe("CHECKBOX");
    expect(validation(settings, "B9")?.values).toBe(0);
    const lastRun = protectedColumns(emu, "Settings").map((p) => p.column);
    expect(lastRun).toEqual([2, 2]);
  });

  it("builds the Dashboard from the add-on's functions only, with a column and a line chart", () => {
    const dashboard = sheet(emu, "Dashboard");
    expect(dashboard.getRange("B2").getFormula()).toBe("=KPI_AS_OF");
    const safe = (range: string) =>
      `ARRAYFORMULA(IF(ISERROR(${range}), IFERROR(CHOOSE(ERROR.TYPE(${range}), "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"), "#ERROR!"), ${range}))`;
    const inputs = `${safe("KPIs!A1:AD")}, ${safe("'Check-ins'!A1:E")}`;
    expect(dashboard.getRange("A21").getFormula()).toBe(
      `=KPI_ROLLUP(${inputs}, KPI_AS_OF, "ID,Name,Department,Owner,Actual,Target,Attainment,Expected,Status", KPI_AT_RISK_GAP, KPI_OFF_TRACK_GAP)`,
    );
    expect(dashboard.getRange("K21").getFormula()).toBe(
      `=KPI_SUMMARY(${inputs}, KPI_AS_OF, "Department", KPI_AT_RISK_GAP, KPI_OFF_TRACK_GAP)`,
    );
    const companyIds = `ARRAYFORMULA(IFERROR(FILTER(KPIs!A2:A, KPIs!E2:E="Company"), ""))`;
    expect(dashboard.getRange("W21").getFormula()).toBe(
      `=KPI_TREND(${inputs}, ${companyIds}, , KPI_AS_OF, "week", "Attainment")`,
    );
    expect(dashboard.getRange("AI21").getFormula()).toBe(
      `=KPI_TREND(${inputs}, ${companyIds}, , KPI_AS_OF, "week", "Expected")`,
    );
    // No figure comes from a hand-built array formula: every formula is one of the functions.
    const formulas = dashboard
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== "");
    expect(formulas.map((f) => f.slice(0, f.indexOf("(") + 1) || f)).toEqual([
      "=KPI_AS_OF",
      "=KPI_ROLLUP(",
      "=KPI_SUMMARY(",
      "=KPI_TREND(",
      "=KPI_TREND(",
    ]);

    const id = dashboard.getSheetId();
    const charts = emu.book.charts.filter((chart) => chart.sheetId === id);
    expect(
      charts.map((chart) => [
        chart.chartType,
        chart.ranges.map((r) => [r.row, r.column, r.numColumns]),
      ]),
    ).toEqual([
      [
        "COLUMN",
        [
          [21, 11, 1],
          [21, 13, 7],
        ],
      ],
      [
        "LINE",
        [
          [21, 23, 11],
          [21, 36, 10],
        ],
      ],
    ]);
    // Both charts side by side at the top: 46 px of row numbers, 600 + 16 + 600 px of charts.
    expect(charts.map((chart) => chart.position)).toEqual([
      { row: 4, column: 1, offsetX: 0, offsetY: 0 },
      { row: 4, column: 1, offsetX: 616, offsetY: 0 },
    ]);
    expect(46 + 616 + Number(charts[1]!.options.width)).toBeLessThanOrEqual(1280);
    expect(charts.every((chart) => Number(chart.options.height) <= 16 * 21)).toBe(true);
    expect(dashboard.getColumnWidth(2)).toBeGreaterThanOrEqual(250);

    const kpis = sheet(emu, "KPIs");
    kpis.getRange("A2:O4").setValues([
      [
        "KPI-1",
        "Sell 10000000 units",
        "",
        "",
        "Company",
        "",
        "",
        "Sales",
        "units",
        "",
        "",
        0,
        10_000_000,
        "2026-01-01",
        "2026-12-31",
      ],
      ["KPI-2", "Ship 50 orders", "", "", "Team", "", "", "Ops", "orders", "", "", 0, 50, "", ""],
      ["KPI-3", "Win 10 fans", "", "", "Team", "", "", "ops", "fans", "", "", 0, 10, "", ""],
    ]);
    sheet(emu, "Check-ins")
      .getRange("A2:C4")
      .setValues([
        ["2026-01-05", "KPI-1", 4_000_000],
        ["2026-02-01", "KPI-2", 10],
        ["2026-02-02", "KPI-3", 5],
      ]);
    expect(dashboard.getRange("A21:I24").getDisplayValues()).toEqual([
      ["ID", "Name", "Department", "Owner", "Actual", "Target", "Attainment", "Expected", "Status"],
      [
        "KPI-1",
        "Sell 10000000 units",
        "Sales",
        "",
        "4,000,000.00",
        "10,000,000.00",
        "40%",
        "16%",
        "On track",
      ],
      ["KPI-2", "Ship 50 orders", "Ops", "", "10.00", "50.00", "20%", "", "In progress"],
      ["KPI-3", "Win 10 fans", "ops", "", "5.00", "10.00", "50%", "", "In progress"],
    ]);
    expect(dashboard.getRange("K21:U24").getDisplayValues()).toEqual([
      [
        "Department",
        "Goals",
        "Achieved",
        "On track",
        "At risk",
        "Off track",
        "Missed",
        "In progress",
        "No data",
        "Errors",
        "Mean score",
      ],
      ["Ops", "2", "0", "0", "0", "0", "0", "2", "0", "0", "0.4"],
      ["Sales", "1", "0", "1", "0", "0", "0", "0", "0", "0", "0.4"],
      ["Total", "3", "0", "1", "0", "0", "0", "2", "0", "0", "0.4"],
    ]);
    expect(dashboard.getRange("W21:X23").getDisplayValues()).toEqual([
      ["Date", "Sell 10000000 units"],
      ["2026-01-04", ""],
      ["2026-01-11", "40%"],
    ]);
    expect(dashboard.getRange("AI21:AJ22").getDisplayValues()).toEqual([
      ["Date", "Sell 10000000 units"],
      ["2026-01-04", "1%"],
    ]);
  });

  it("says what it did in a toast", () => {
    expect(emu.ui.toasts.map((toast) => toast.message)).toEqual([
      expect.stringMatching(
        /^Set up the KPI sheets: created "KPIs"; created "Check-ins"; .* more changes\.$/,
      ),
    ]);
  });
});

describe("setupSheets run again", () => {
  it("changes nothing and writes nothing when everything is there", () => {
    const { emu, addOn } = emulated();
    addOn.run("setupSheets");
    const before = JSON.stringify(emu.toJSON().spreadsheet);
    emu.calls.reset();
    const report = addOn.run("setupSheets") as { added: string[] };
    expect(report.added).toEqual([]);
    expect(writeCalls(emu.calls.byMethod())).toEqual({});
    expect(JSON.stringify(emu.toJSON().spreadsheet)).toBe(before);
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "The KPI sheets were already set up; nothing was changed.",
    );
  });

  it("finds sheets the user renamed by their tag", () => {
    const { emu, addOn } = emulated();
    addOn.run("setupSheets");
    sheet(emu, "KPIs").setName("Goals 2026");
    sheet(emu, "Dashboard").setName("Overview");
    const report = addOn.run("setupSheets") as { added: string[]; sheets: Record<string, string> };
    expect(report.added).toEqual([]);
    expect(report.sheets.kpis).toBe("Goals 2026");
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      "Sheet1",
      "Goals 2026",
      "Check-ins",
      "Settings",
      "Overview",
      "Alerts",
    ]);
  });

  it("keeps columns the user inserted, moved and added, and every value they typed", () => {
    const { emu, addOn } = emulated();
    addOn.run("setupSheets");
    const kpis = sheet(emu, "KPIs");
    // Move Description to the front (insert a column, name it, delete the old one), insert a
    // column of notes before Name, and add a column of their own at the end.
    kpis.insertColumnsBefore(1, 1);
    kpis.getRange("A1").setValue("Description");
    kpis.deleteColumn(4);
    kpis.insertColumnsBefore(3, 1);
    kpis.getRange("C1").setValue("My notes");
    kpis.insertColumnsAfter(27, 1);
    kpis.getRange("AB1").setValue("Bonus");
    kpis.getRange("A2:E3").setValues([
      ["who and where", "KPI-1", "call Bob", "=not a formula", "KPI"],
      ["", "KPI-2", "", "-5 churn", "Habit"],
    ]);
    kpis.getRange("AB2").setValue(500);
    const before = contents(kpis);

    const report = addOn.run("setupSheets") as { added: string[] };

    expect(report.added).toEqual([]);
    expect(contents(kpis)).toEqual(before);
    expect(header(kpis).slice(0, 5)).toEqual(["Description", "ID", "My notes", "Name", "Type"]);
    expect(kpis.getRange("D2").getValue()).toBe("=not a formula");
  });

  it("appends a column the user deleted after the last one, moving nothing", () => {
    const { emu, addOn } = emulated();
    addOn.run("setupSheets");
    const kpis = sheet(emu, "KPIs");
    kpis.deleteColumn(KPI_HEADERS.indexOf("Reward") + 1);
    kpis.insertColumnsAfter(25, 1);
    kpis.getRange("Z1:Z2").setValues([["Region"], ["North"]]);
    kpis.getRange("A2:B2").setValues([["KPI-1", "Sell 100 units"]]);
    const before = contents(kpis);

    const report = addOn.run("setupSheets") as { added: string[] };

    expect(report.added).toEqual(['added missing columns Reward to "KPIs"']);
    const after = contents(kpis);
    expect(after.values.map((row) => row.slice(0, 26))).toEqual(before.values);
    expect(header(kpis).slice(24)).toEqual(["Updated", "Region", "Reward"]);
    expect(kpis.getRange("AA2").getNumberFormat()).toBe("@");
    expect(kpis.getMaxColumns()).toBe(27);
  });

  it("restores a deleted setting below the others and keeps the values the user changed", () => {
    const { emu, addOn } = emulated();
    addOn.run("setupSheets");
    const settings = sheet(emu, "Settings");
    settings.getRange("B3").setValue(0.2);
    settings.deleteRow(9);
    emu.spreadsheet.removeNamedRange("KPI_AS_OF");

    const report = addOn.run("setupSheets") as { added: string[] };

    expect(report.added).toEqual([
      "added the settings Daily check hour",
      "named the as-of cell KPI_AS_OF",
    ]);
    expect(settings.getRange("A2:B11").getDisplayValues()).toEqual([
      ["As of", "2026-03-02"],
      ["At-risk gap", "20%"],
      ["Off-track gap", "25%"],
      ["Check-in grace days", "2"],
      ["Repeat reminders every N days", "7"],
      ["Escalate to parent owner", "TRUE"],
      ["Manager e-mail", ""],
      ["Last run", ""],
      ["Last run summary", ""],
      ["Daily check hour", "8"],
    ]);
    expect(emu.spreadsheet.getRangeByName("KPI_AS_OF")?.getA1Notation()).toBe("B2");
  });
});

describe("setupSheets on a Dashboard an earlier version built", () => {
  /** The Dashboard as the previous setup wrote it, then a user's own note and chart beside it. */
  function oldDashboard() {
    const { emu, addOn } = emulated();
    addOn.run("setupSheets");
    const dashboard = sheet(emu, "Dashboard");
    for (const chart of dashboard.getCharts()) dashboard.removeChart(chart);
    dashboard.clear();
    dashboard.getRange("A1:B2").setValues([
      ["SMART KPI dashboard", ""],
      ["As of", "=KPI_AS_OF"],
    ]);
    dashboard
      .getRange("A4")
      .setFormula(
        `=KPI_ROLLUP(KPIs!A1:AD, 'Check-ins'!A1:E, KPI_AS_OF, "ID,Name,Department,Owner,Actual,Target,Attainment,Expected,Status")`,
      );
    dashboard.getRange("K4:L4").setValues([["Department", "Attainment"]]);
    dashboard
      .getRange("K5")
      .setFormula('=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(C5:C, C5:C<>""))), ""))');
    dashboard
      .getRange("L5")
      .setFormula('=ARRAYFORMULA(IF(K5:K="", "", IFERROR(AVERAGEIF(C5:C, K5:K, G5:G), "")))');
    dashboard.insertChart(
      dashboard
        .newChart()
        .asColumnChart()
        .setTitle("Attainment by department")
        .addRange(dashboard.getRange("K4:L1002"))
        .setPosition(4, 13, 0, 0)
        .build(),
    );
    // The user's additions: a note far right, and their own chart.
    dashboard.getRange("Z2").setValue("My note");
    dashboard.insertChart(
      dashboard
        .newChart()
        .asPieChart()
        .setTitle("Mine")
        .addRange(dashboard.getRange("Z2:Z3"))
        .build(),
    );
    return { emu, addOn, dashboard };
  }

  it("upgrades the old formulas in place and adds the trend, leaving the user's additions alone", () => {
    const { emu, addOn, dashboard } = oldDashboard();
    const report = addOn.run("setupSheets") as { added: string[] };
    expect(report.added).toEqual([
      'passed the Settings gaps to the KPI table on "Dashboard"',
      'replaced the department table on "Dashboard" with KPI_SUMMARY',
      'added a weekly trend of the company goals to "Dashboard"',
    ]);
    expect(dashboard.getRange("A4").getFormula()).toMatch(
      /^=KPI_ROLLUP\(ARRAYFORMULA\(IF\(ISERROR\(KPIs!A1:AD\), .*, KPI_AS_OF, "ID,Name,Department,Owner,Actual,Target,Attainment,Expected,Status", KPI_AT_RISK_GAP, KPI_OFF_TRACK_GAP\)$/,
    );
    expect(dashboard.getRange("K4").getFormula()).toMatch(/^=KPI_SUMMARY\(/);
    expect(dashboard.getRange("K5:L5").getFormulas()).toEqual([["", ""]]);
    expect(dashboard.getRange("AB4").getFormula()).toMatch(/^=KPI_TREND\(.*"Attainment"\)$/);
    expect(dashboard.getRange("Z2").getValue()).toBe("My note");
    const charts = emu.book.charts.filter((chart) => chart.sheetId === dashboard.getSheetId());
    expect(charts.map((chart) => [chart.chartType, chart.options.title])).toEqual([
      ["COLUMN", "Goals by department and status"],
      ["PIE", "Mine"],
      ["LINE", "Company goals: attainment by week vs expected pace"],
    ]);
    expect(charts[0]!.position).toEqual({ row: 4, column: 13, offsetX: 0, offsetY: 0 });
    expect(charts[1]!.ranges.map((r) => [r.row, r.column, r.numRows])).toEqual([[2, 26, 2]]);

    // A third run finds everything in place.
    const before = JSON.stringify(emu.toJSON().spreadsheet);
    emu.calls.reset();
    expect((addOn.run("setupSheets") as { added: string[] }).added).toEqual([]);
    expect(writeCalls(emu.calls.byMethod())).toEqual({});
    expect(JSON.stringify(emu.toJSON().spreadsheet)).toBe(before);
  });

  it("leaves a KPI_ROLLUP formula the user wrote themselves as it is", () => {
    const { addOn, dashboard } = oldDashboard();
    const own = "=IFERROR(KPI_ROLLUP(KPIs!A1:AD, 'Check-ins'!A1:E), \"\")";
    dashboard.getRange("A4").setFormula(own);
    addOn.run("setupSheets");
    expect(dashboard.getRange("A4").getFormula()).toBe(own);
  });
});

describe("setupSheets next to the user's own sheets", () => {
  it("adopts an untagged KPIs sheet, adding only the missing columns after the user's", () => {
    const { emu, addOn } = emulated();
    const own = emu.spreadsheet.insertSheet("KPIs");
    own.getRange("A1:F3").setValues([
      ["Status", "My notes", "name", "Id", "TARGET", "Due date"],
      ["", "first", "Visit 100 customers", "V-1", 100, "2026-06-30"],
      ["", "", "Convert 5%", "V-2", "5%", ""],
    ]);
    const before = contents(own);

    addOn.run("setupSheets");

    expect(tagsOf(emu).KPIs).toBe("kpis");
    expect(emu.spreadsheet.getSheets().filter((s) => s.getName() === "KPIs")).toHaveLength(1);
    const after = contents(own);
    expect(after.values.map((row) => row.slice(0, 6))).toEqual(before.values);
    expect(header(own)).toEqual([
      "Status",
      "My notes",
      "name",
      "Id",
      "TARGET",
      "Due date",
      ...KPI_HEADERS.filter((h) => !["Status", "Name", "ID", "Target", "Due"].includes(h)),
    ]);
    const parentColumn = header(own).indexOf("Parent") + 1;
    expect(validation(own, own.getRange(2, parentColumn).getA1Notation())?.values).toBe(
      "KPIs!D2:D1000",
    );
    expect(protectedColumns(emu, "KPIs").map((p) => p.column)).toContain(1);
  });

  it("puts the Dashboard block beside a user's content, covering nothing", () => {
    const { emu, addOn } = emulated();
    const own = emu.spreadsheet.insertSheet("Dashboard");
    own.getRange("A1:B3").setValues([
      ["My chart data", ""],
      ["Q1", 10],
      ["Q2", "=B2*2"],
    ]);
    const before = contents(own);

    addOn.run("setupSheets");

    const after = own.getRange("A1:B3");
    expect({ values: after.getValues(), formulas: after.getFormulas() }).toEqual(before);
    expect(own.getRange("D21").getFormula()).toMatch(/^=KPI_ROLLUP\(/);
    expect(own.getRange("E2").getFormula()).toBe("=KPI_AS_OF");
  });

  it("costs the same service calls whether the registry has 10 rows or 5,000", () => {
    const callsFor = (rows: number) => {
      const { emu, addOn } = emulated();
      const own = emu.spreadsheet.insertSheet("KPIs");
      if (rows >= 1000) own.insertRowsAfter(1000, rows + 1 - 1000);
      own
        .getRange(1, 1, rows + 1, 3)
        .setValues([
          ["ID", "Name", "Target"],
          ...Array.from({ length: rows }, (_, i) => [`KPI-${i + 1}`, `Goal ${i + 1}`, i]),
        ]);
      emu.calls.reset();
      addOn.run("setupSheets");
      return emu.calls.byMethod();
    };
    expect(callsFor(5_000)).toEqual(callsFor(10));
  });

  it("gives up without changing anything while another execution holds the document lock", () => {
    const { emu, addOn } = emulated();
    emu.locks.holdExternally("document", 120_000);

    expect(addOn.run("setupSheets")).toBeUndefined();

    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect(emu.ui.toasts.map((toast) => toast.message)).toEqual([
      "Someone else is changing the KPI sheets right now. Try again in a minute.",
    ]);
  });
});

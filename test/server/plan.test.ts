import fc from "fast-check";
import { headerKey } from "../../src/core/headers";
import {
  callArguments,
  chooseSheets,
  columnLetter,
  columnsAfter,
  dashboardColumn,
  dashboardLayout,
  errorsAsText,
  findLegacySummary,
  hasRollupFormula,
  overlapsAny,
  planColumns,
  planSettings,
  sheetRef,
  uncovered,
  uncoveredColumns,
  upgradeRollupFormula,
} from "../../src/server/plan";
import { CHECKIN_COLUMNS, KPI_COLUMNS, SETTINGS } from "../../src/server/workbook";

const sheet = (name: string, tag?: string) => ({ name, tag });

describe("chooseSheets", () => {
  it("creates every sheet under its default name in a fresh spreadsheet", () => {
    const choices = chooseSheets([sheet("Sheet1")]);
    expect(choices).toEqual({
      kpis: { kind: "create", name: "KPIs" },
      checkins: { kind: "create", name: "Check-ins" },
      settings: { kind: "create", name: "Settings" },
      dashboard: { kind: "create", name: "Dashboard" },
      alerts: { kind: "create", name: "Alerts" },
    });
  });

  it("finds a renamed sheet by its tag and leaves a new sheet with the old name alone", () => {
    const choices = chooseSheets([sheet("KPIs"), sheet("Goals", "kpis")]);
    expect(choices.kpis).toEqual({ kind: "tagged", index: 1 });
    expect(Object.values(choices)).not.toContainEqual({ kind: "named", index: 0 });
  });

  it("adopts an untagged sheet by name, whatever its case", () => {
    const choices = chooseSheets([sheet("kpis"), sheet(" Check-Ins ")]);
    expect(choices.kpis).toEqual({ kind: "named", index: 0 });
    expect(choices.checkins).toEqual({ kind: "named", index: 1 });
  });

  it("never adopts by name a sheet that carries another of the add-on's tags", () => {
    // The user renamed the check-in log to "Alerts": the audit log needs a sheet of its own.
    const choices = chooseSheets([sheet("Alerts", "checkins")]);
    expect(choices.checkins).toEqual({ kind: "tagged", index: 0 });
    expect(choices.alerts).toEqual({ kind: "create", name: "Alerts 2" });
  });

  it("uses the first of two sheets with the same tag and gives the copy no role", () => {
    const choices = chooseSheets([sheet("KPIs", "kpis"), sheet("Copy of KPIs", "kpis")]);
    expect(choices.kpis).toEqual({ kind: "tagged", index: 0 });
    const indices = Object.values(choices).flatMap((c) => ("index" in c ? [c.index] : []));
    expect(indices).toEqual([0]);
  });
});

describe("planColumns", () => {
  it("adds every column, in order, to an empty sheet", () => {
    const plan = planColumns([], CHECKIN_COLUMNS);
    expect(plan.found).toEqual({});
    expect(plan.missing.map(({ def, index }) => [def.names[0], index])).toEqual([
      ["Date", 0],
      ["KPI ID", 1],
      ["Value", 2],
      ["Note", 3],
      ["By", 4],
    ]);
  });

  it("finds reordered columns by name, ignoring case, spaces, _ and -, and aliases", () => {
    const header = ["my notes", "value", "kpi_id", "", "DATE", "by", "NOTE"];
    const plan = planColumns(header, CHECKIN_COLUMNS);
    expect(plan.missing).toEqual([]);
    expect(plan.found).toEqual({ value: 1, kpiId: 2, date: 4, by: 5, note: 6 });
    expect(planColumns(["KPI", "Date", "Value", "Note", "By"], CHECKIN_COLUMNS).found.kpiId).toBe(
      0,
    );
  });

  it("appends missing columns after the last used column, even one without a header", () => {
    const header = ["Value", "", "Date"];
    const plan = planColumns(header, CHECKIN_COLUMNS);
    expect(plan.missing.map(({ def, index }) => [def.field, index])).toEqual([
      ["kpiId", 3],
      ["note", 4],
      ["by", 5],
    ]);
    expect(columnsAfter(plan)).toEqual({ value: 0, date: 2, kpiId: 3, note: 4, by: 5 });
  });

  it("never moves an existing column and puts new ones after everything", () => {
    const names = KPI_COLUMNS.map((def) => def.names[0]);
    const cell = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 }), fc.constant(""));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (header) => {
        const plan = planColumns(header, KPI_COLUMNS);
        for (const def of KPI_COLUMNS) {
          const index = plan.found[def.field];
          if (index === undefined) continue;
          expect(def.names.map(headerKey)).toContain(headerKey(header[index]));
        }
        expect(plan.missing.map(({ index }) => index)).toEqual(
          plan.missing.map((_, i) => header.length + i),
        );
        const after = Object.values(columnsAfter(plan));
        expect(new Set(after).size).toBe(KPI_COLUMNS.length);
      }),
    );
  });
});

describe("planSettings", () => {
  it("finds settings by label and lists the missing ones in order", () => {
    const plan = planSettings(["At-risk gap", "", "my own note", "as of", "DAILY CHECK HOUR"]);
    expect([...plan.found]).toEqual([
      ["asOf", 3],
      ["atRiskGap", 0],
      ["checkHour", 4],
    ]);
    expect(plan.missing.map((def) => def.key)).toEqual(
      SETTINGS.map((def) => def.key).filter((k) => !["asOf", "atRiskGap", "checkHour"].includes(k)),
    );
  });
});

describe("protection and formatting coverage", () => {
  const rect = (row: number, column: number, numRows: number, numColumns: number) => ({
    row,
    column,
    numRows,
    numColumns,
  });

  it("counts a column as protected when any protection spans it, whatever its rows", () => {
    expect(uncoveredColumns([21, 22, 24], [rect(1, 21, 1000, 2), rect(1, 24, 5, 1)])).toEqual([]);
    expect(uncoveredColumns([21, 23], [rect(1, 21, 1000, 2)])).toEqual([23]);
  });

  it("counts a cell as protected only when a protection contains it", () => {
    const cell = rect(10, 2, 1, 1);
    expect(uncovered([cell], [rect(1, 1, 9, 5)])).toEqual([cell]);
    expect(uncovered([cell], [rect(10, 2, 1, 1)])).toEqual([]);
  });

  it("sees an overlapping conditional format and ignores an adjacent one", () => {
    expect(overlapsAny(rect(2, 24, 999, 1), [rect(1, 23, 1000, 1)])).toBe(false);
    expect(overlapsAny(rect(2, 24, 999, 1), [rect(500, 20, 1, 10)])).toBe(true);
  });
});

describe("dashboard", () => {
  it("recognises a KPI_ROLLUP table anywhere among the formulas", () => {
    expect(hasRollupFormula([["", "=SUM(A1:A3)"]])).toBe(false);
    expect(hasRollupFormula([[""], ["", '=kpi_rollup(KPIs!A1:AD, Log!A1:E, , "ID")']])).toBe(true);
  });

  it("puts the block at A1 when its columns are empty and right of the content otherwise", () => {
    expect(dashboardColumn([], [])).toBe(1);
    expect(dashboardColumn([["", "", "", "", "", "", "", "", "", "", "", "", "", "x"]], [[]])).toBe(
      1,
    );
    expect(dashboardColumn([[""], ["", "", "my chart data"]], [[""], ["", "", ""]])).toBe(5);
    expect(dashboardColumn([["", ""]], [["", "=NOW()"]])).toBe(4);
  });

  it("names columns the way Sheets does", () => {
    expect([1, 5, 26, 27, 30, 52, 702, 703].map(columnLetter)).toEqual([
      "A",
      "E",
      "Z",
      "AA",
      "AD",
      "AZ",
      "ZZ",
      "AAA",
    ]);
  });

  it("quotes sheet names unless they are plain letters", () => {
    expect(sheetRef("KPIs")).toBe("KPIs");
    expect(sheetRef("Check-ins")).toBe("'Check-ins'");
    expect(sheetRef("Q1")).toBe("'Q1'");
    expect(sheetRef("Ann's goals")).toBe("'Ann''s goals'");
  });

  const SOURCES = {
    kpisSheet: "KPIs",
    kpisWidth: 26,
    checkinsSheet: "Check-ins",
    checkinsWidth: 5,
    idColumn: 1,
    levelColumn: 5,
  };

  it("lays out the title, the charts on top, then the three tables side by side", () => {
    const layout = dashboardLayout(1, 1, SOURCES);
    expect(layout.cells.map((cell) => [cell.row, cell.column, cell.value])).toEqual([
      [1, 1, "SMART KPI dashboard"],
      [2, 1, "As of"],
      [2, 2, "=KPI_AS_OF"],
    ]);
    expect(layout.rollup.cells[1]).toMatchObject({ row: 21, column: 1 });
    expect(layout.summary.cells[1]).toMatchObject({ row: 21, column: 11 });
    expect(layout.trend.cells.map((cell) => [cell.row, cell.column])).toEqual([
      [20, 23],
      [21, 23],
      [20, 35],
      [21, 35],
    ]);
    expect(layout.charts.map((chart) => chart.position)).toEqual([
      { row: 4, column: 1, offsetX: 0, offsetY: 0 },
      { row: 4, column: 1, offsetX: 616, offsetY: 0 },
    ]);
    expect(layout.rollup.formats.map((f) => [f.column, f.numColumns, f.format])).toEqual([
      [5, 2, "#,##0.00"],
      [7, 2, "0%"],
    ]);
  });

  it("references wider registries, renamed sheets and a shifted block correctly", () => {
    const layout = dashboardLayout(1, 5, {
      ...SOURCES,
      kpisSheet: "Goals 2026",
      kpisWidth: 33,
      checkinsSheet: "Log",
      checkinsWidth: 7,
      levelColumn: 9,
    });
    const rollup = layout.rollup.cells[1]!.value;
    expect(rollup).toContain("ISERROR('Goals 2026'!A1:AG)");
    expect(rollup).toContain("ISERROR(Log!A1:G)");
    expect(layout.trend.cells[1]!.value).toContain(
      `FILTER('Goals 2026'!A2:A, 'Goals 2026'!I2:I="Company")`,
    );
    expect(layout.rollup.cells[1]!.column).toBe(5);
  });

  it("turns error cells of a range into their text, keeping every other cell", () => {
    expect(errorsAsText("KPIs!A1:AD")).toBe(
      'ARRAYFORMULA(IF(ISERROR(KPIs!A1:AD), IFERROR(CHOOSE(ERROR.TYPE(KPIs!A1:AD), "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"), "#ERROR!"), KPIs!A1:AD))',
    );
  });

  it("reads the top-level arguments of one call, quotes and nested calls included", () => {
    expect(callArguments('=KPI_ROLLUP(A1:B, IF(x, "a,b", 1), , "ID,Name")', "KPI_ROLLUP")).toEqual([
      "A1:B",
      'IF(x, "a,b", 1)',
      "",
      '"ID,Name"',
    ]);
    expect(callArguments("=KPI_ROLLUP('It''s, mine'!A1:B, x)", "KPI_ROLLUP")).toEqual([
      "'It''s, mine'!A1:B",
      "x",
    ]);
    expect(callArguments("=IFERROR(KPI_ROLLUP(A:B, C:D), 0)", "KPI_ROLLUP")).toBeUndefined();
    expect(callArguments("=KPI_ROLLUP(A:B, C:D) + 1", "KPI_ROLLUP")).toBeUndefined();
  });

  it("upgrades an earlier rollup formula once: error-safe inputs and the Settings gaps", () => {
    const old = `=KPI_ROLLUP(KPIs!A1:AD, 'Check-ins'!A1:E, KPI_AS_OF, "ID,Name")`;
    const upgraded = upgradeRollupFormula(old)!;
    expect(upgraded).toBe(
      `=KPI_ROLLUP(${errorsAsText("KPIs!A1:AD")}, ${errorsAsText("'Check-ins'!A1:E")}, KPI_AS_OF, "ID,Name", KPI_AT_RISK_GAP, KPI_OFF_TRACK_GAP)`,
    );
    expect(upgradeRollupFormula(upgraded)).toBeUndefined();
    expect(upgradeRollupFormula("=KPI_ROLLUP(KPIs!A1:AD, Log!A1:E)")).toBe(
      `=KPI_ROLLUP(${errorsAsText("KPIs!A1:AD")}, ${errorsAsText("Log!A1:E")}, , , KPI_AT_RISK_GAP, KPI_OFF_TRACK_GAP)`,
    );
    expect(upgradeRollupFormula('=KPI_ROLLUP(Mine(), Log!A1:E, B2, "ID", 0.2, 0.3)')).toBe(
      `=KPI_ROLLUP(Mine(), ${errorsAsText("Log!A1:E")}, B2, "ID", 0.2, 0.3)`,
    );
  });

  it("recognises the department table an earlier setup wrote, and nothing a user changed", () => {
    const values = [[], [], [], ["", "Department", "Attainment"], ["", "", ""]];
    const formulas = [
      [],
      [],
      [],
      ["", "", ""],
      [
        "",
        '=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(C5:C, C5:C<>""))), ""))',
        '=ARRAYFORMULA(IF(K5:K="", "", IFERROR(AVERAGEIF(C5:C, K5:K, G5:G), "")))',
      ],
    ];
    expect(findLegacySummary(values, formulas)).toEqual({ row: 3, column: 1 });
    const renamed = values.map((row, r) => (r === 3 ? ["", "Team", "Attainment"] : row));
    expect(findLegacySummary(renamed, formulas)).toBeUndefined();
  });
});

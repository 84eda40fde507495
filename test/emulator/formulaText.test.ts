import {
  boundOpenRanges,
  referencedSheets,
  renameSheetInFormula,
  shiftFormula,
} from "../../emulator/formulaText";

describe("formula references move as Sheets moves them", () => {
  it("rows inserted above a reference push it down; ranges spanning the insertion grow", () => {
    const change = { sheetName: "KPIs", axis: "row" as const, at: 3, delta: 2 };
    expect(shiftFormula("=A2+A3+$B$10", "KPIs", change)).toBe("=A2+A5+$B$12");
    expect(shiftFormula("=SUM(A1:A4)", "KPIs", change)).toBe("=SUM(A1:A6)");
    expect(shiftFormula("=SUM(KPIs!A1:A4)", "Dashboard", change)).toBe("=SUM(KPIs!A1:A6)");
    expect(shiftFormula("=SUM(A1:A4)", "Dashboard", change)).toBe("=SUM(A1:A4)");
  });

  it("deleted cells become #REF! and ranges shrink", () => {
    const change = { sheetName: "S", axis: "row" as const, at: 2, delta: -2 };
    expect(shiftFormula("=A2*2", "S", change)).toBe("=#REF!*2");
    expect(shiftFormula("=SUM(A1:A5)", "S", change)).toBe("=SUM(A1:A3)");
    expect(shiftFormula("=A7", "S", change)).toBe("=A5");
  });

  it("columns move column letters, and open ranges keep their open end", () => {
    const change = { sheetName: "KPIs", axis: "column" as const, at: 2, delta: 1 };
    expect(shiftFormula("=KPI_ROLLUP(KPIs!A1:AD, 'Check-ins'!A1:E)", "Dashboard", change)).toBe(
      "=KPI_ROLLUP(KPIs!A1:AE, 'Check-ins'!A1:E)",
    );
    const rows = { sheetName: "KPIs", axis: "row" as const, at: 1, delta: 1 };
    expect(shiftFormula("=COUNTA(KPIs!A1:A)", "Dashboard", rows)).toBe("=COUNTA(KPIs!A2:A)");
  });

  it("leaves strings, function names and named ranges alone", () => {
    const change = { sheetName: "S", axis: "row" as const, at: 1, delta: 5 };
    expect(shiftFormula('=LOG10(A1)&"A1"&KPI_AS_OF', "S", change)).toBe(
      '=LOG10(A6)&"A1"&KPI_AS_OF',
    );
  });

  it("follows a renamed sheet, quoting the new name when needed", () => {
    expect(renameSheetInFormula("=SUM(KPIs!B2:B)", "KPIs", "My KPIs")).toBe("=SUM('My KPIs'!B2:B)");
  });

  it("bounds open ranges by the grid of the sheet they point into", () => {
    const grid = (name: string) =>
      name === "Check-ins" ? { rows: 5000, columns: 5 } : { rows: 1000, columns: 30 };
    expect(boundOpenRanges("=F(KPIs!A1:AD, 'Check-ins'!A1:E, A:A, 2:3)", "Dash", grid)).toBe(
      "=F(KPIs!A1:AD1000, 'Check-ins'!A1:E5000, A1:A1000, A2:AD3)",
    );
  });

  it("lists the sheets a formula reads", () => {
    expect([...referencedSheets("=F(KPIs!A1:AD, 'Check-ins'!A1:E, B2)", "Dash")].sort()).toEqual([
      "Check-ins",
      "Dash",
      "KPIs",
    ]);
  });
});

describe("sheet names in formulas", () => {
  it("match without regard to case, as in Sheets", () => {
    const change = { sheetName: "KPIs", axis: "row" as const, at: 1, delta: 1 };
    expect(shiftFormula("=kpis!A1", "Dashboard", change)).toBe("=kpis!A2");
    expect(renameSheetInFormula("=kpis!A1", "KPIs", "Goals")).toBe("=Goals!A1");
  });
});

import { createEmulator, loadAddOn } from "../../emulator";

const FUNCTIONS = `
/** Echoes its argument's shape so tests can see what Sheets passed. @customfunction */
function KPI_SMART(kpis) {
  return kpis.map(function (row) { return [row[0] === "" ? "" : String(row[0]).toUpperCase(), row.length]; });
}
function KPI_PACE(start, due, asOf) {
  if (start === "boom") throw new Error("start is not a date");
  if (!(start instanceof Date)) return typeof start;
  return (asOf - start) / (due - start);
}
function KPI_SPLIT(total, weights) {
  var n = Number(weights);
  var out = [];
  for (var i = 0; i < n; i++) out.push([total / n]);
  return out;
}
function KPI_STATUS(x) {
  var sheet = SpreadsheetApp.getActive().getSheetByName("Settings");
  return sheet.getRange("A1").getValue() + ":" + x;
}
function KPI_ATTAINMENT(day) { return new Date(day.getTime() + 86400000); }
`;

function setUp() {
  const emu = createEmulator({ timeZone: "Pacific/Auckland" });
  loadAddOn(FUNCTIONS, emu);
  const ss = emu.services("FULL").SpreadsheetApp.getActive();
  return { emu, ss, sheet: ss.getSheets()[0]! };
}

describe("formulas evaluated as Sheets evaluates them", () => {
  it("getValues returns computed values, getFormulas the formulas", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:A2").setValues([[2], [3]]);
    sheet.getRange("B1").setFormula("=A1*A2+1");
    expect(sheet.getRange("B1").getValue()).toBe(7);
    expect(sheet.getRange("A1:B1").getFormulas()).toEqual([["", "=A1*A2+1"]]);
    sheet.getRange("A2").setValue(10);
    expect(sheet.getRange("B1").getValue()).toBe(21);
  });

  it("a custom function gets ranges as 2-D arrays, open ranges to the end of the grid, and spills", () => {
    const { ss, sheet } = setUp();
    const kpis = ss.insertSheet("KPIs");
    kpis.getRange("A1:B3").setValues([
      ["ID", "x"],
      ["k-1", 1],
      ["k-2", 2],
    ]);
    sheet.getRange("A1").setFormula("=KPI_SMART(KPIs!A1:B)");
    const values = sheet.getRange("A1:B4").getValues();
    expect(values).toEqual([
      ["ID", 2],
      ["K-1", 2],
      ["K-2", 2],
      ["", 2],
    ]);
    expect(sheet.getLastRow()).toBe(1000);
    expect(sheet.getRange("A2").getFormula()).toBe("");
  });

  it("date cells reach a custom function as Dates and date results come back as dates", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:C1").setValues([["2026-01-01", "2026-01-11", "2026-01-06"]]);
    sheet.getRange("D1").setFormula("=KPI_PACE(A1, B1, C1)");
    sheet.getRange("E1").setFormula("=KPI_ATTAINMENT(A1)");
    expect(sheet.getRange("D1").getValue()).toBeCloseTo(0.5, 12);
    expect(sheet.getRange("E1").getValue()).toEqual(new Date("2026-01-01T11:00:00Z"));
    expect(sheet.getRange("E1").getDisplayValue()).toBe("1/2/2026");
  });

  it("a thrown error shows #ERROR! in the cell", () => {
    const { sheet } = setUp();
    sheet.getRange("A1").setFormula('=KPI_PACE("boom", 1, 2)');
    expect(sheet.getRange("A1").getValue()).toBe("#ERROR!");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("#ERROR!");
  });

  it("a spill blocked by data gives #REF!", () => {
    const { sheet } = setUp();
    sheet.getRange("A2").setValue("in the way");
    sheet.getRange("A1").setFormula("=KPI_SPLIT(100, 3)");
    expect(sheet.getRange("A1:A3").getValues()).toEqual([["#REF!"], ["in the way"], [""]]);
    sheet.getRange("A2").clearContent();
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[100 / 3], [100 / 3], [100 / 3]]);
  });

  it("named ranges work in formulas", () => {
    const { ss, sheet } = setUp();
    const settings = ss.insertSheet("Settings");
    settings.getRange("B2").setValue(40);
    ss.setNamedRange("KPI_AS_OF", settings.getRange("B2"));
    sheet.getRange("A1").setFormula("=KPI_AS_OF+2");
    expect(sheet.getRange("A1").getValue()).toBe(42);
  });

  it("formulas follow rows inserted into the sheets they read", () => {
    const { ss, sheet } = setUp();
    const data = ss.insertSheet("Data");
    data.getRange("A1:A2").setValues([[1], [2]]);
    sheet.getRange("A1").setFormula("=Data!A2*10");
    data.insertRowsBefore(1, 1);
    expect(sheet.getRange("A1").getFormula()).toBe("=Data!A3*10");
    expect(sheet.getRange("A1").getValue()).toBe(20);
  });

  it("writing many rows costs one recalculation, at the next read that needs it", () => {
    const { emu, sheet } = setUp();
    sheet.getRange("C1").setFormula("=SUM(A1:A)");
    expect(sheet.getRange("C1").getValue()).toBe(0);
    const before = emu.formulas.syncs;
    for (let i = 1; i <= 500; i++) sheet.getRange(i, 1).setValue(i);
    expect(emu.formulas.syncs).toBe(before);
    expect(sheet.getRange("C1").getValue()).toBe(125250);
    expect(emu.formulas.syncs).toBe(before + 1);
    expect(emu.formulas.builds).toBe(1);
  });

  it("custom functions recalculated by the sheet run read-only and count apart from the script's calls", () => {
    const { emu, ss, sheet } = setUp();
    ss.insertSheet("Settings").getRange("A1").setValue("as of");
    sheet.getRange("A1").setFormula('=KPI_STATUS("x")');
    emu.calls.reset();
    expect(sheet.getRange("A1").getValue()).toBe("as of:x");
    expect(emu.recalculationCalls.count("Range.getValue")).toBe(1);
    expect(emu.calls.count("Range.getValue")).toBe(1);
  });

  it("each cell's call is its own execution: a global set by one cell is gone in the next", () => {
    const emu = createEmulator();
    loadAddOn(
      `var calls = 0;
       function KPI_PACE(x) { calls += 1; return calls; }`,
      emu,
    );
    const sheet = emu.spreadsheet.getSheets()[0]!;
    sheet.getRange("A1:A3").setFormulas([["=KPI_PACE(1)"], ["=KPI_PACE(2)"], ["=KPI_PACE(3)"]]);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[1], [1], [1]]);
  });

  it("without the add-on loaded its functions are unknown (#NAME?)", () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0]!;
    sheet.getRange("A1").setFormula("=KPI_PACE(1, 2, 3)");
    expect(sheet.getRange("A1").getValue()).toBe("#NAME?");
  });
});

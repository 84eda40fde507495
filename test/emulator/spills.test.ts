import { createEmulator, loadAddOn } from "../../emulator";

/** Functions that report what Sheets handed them and return results of a chosen size. */
const SCRIPT = `
function KPI_SPLIT(total, weights) {
  if (Array.isArray(weights)) {
    return weights.map(function (row) { return [Array.isArray(row) ? "row of " + row.length : typeof row, row[0]]; });
  }
  var out = [];
  for (var i = 0; i < weights; i++) out.push([total / weights]);
  return out;
}
function KPI_SMART(kpis) {
  return kpis.filter(function (row) { return row[0] !== ""; }).map(function (row) { return [row[0]]; });
}
function KPI_STATUS(rows, columns) {
  var out = [];
  for (var r = 0; r < rows; r++) { var line = []; for (var c = 0; c < columns; c++) line.push(r * 10 + c); out.push(line); }
  return out;
}
`;

function setUp() {
  const emu = createEmulator();
  loadAddOn(SCRIPT, emu, { manifest: {} });
  const sheet = emu.spreadsheet.getSheets()[0]!;
  return { emu, sheet };
}

describe("custom-function arguments and spills as in Sheets", () => {
  it("a single-cell reference arrives as its value: =KPI_SPLIT(100, B2) with B2 = 3 is three parts", () => {
    const { sheet } = setUp();
    sheet.getRange("B2").setValue(3);
    sheet.getRange("A1").setFormula("=KPI_SPLIT(100, B2)");
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[100 / 3], [100 / 3], [100 / 3], [""]]);
  });

  it("an array literal still arrives as a 2-D array", () => {
    const { sheet } = setUp();
    sheet.getRange("A1").setFormula("=KPI_SPLIT(100, {1;2})");
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["row of 1", 1],
      ["row of 1", 2],
    ]);
  });

  it("only the returned cells are occupied: a value under a short result blocks nothing", () => {
    const { sheet } = setUp();
    sheet.getRange("C1:C5").setValues([["a"], ["b"], [""], [""], [""]]);
    sheet.getRange("E4").setValue("mine");
    sheet.getRange("E1").setFormula("=KPI_SMART(C1:C5)");
    expect(sheet.getRange("E1:E4").getValues()).toEqual([["a"], ["b"], [""], ["mine"]]);
  });

  it("a result larger than the formula's text predicts spills in full", () => {
    const { sheet } = setUp();
    sheet.getRange("A1").setFormula("=KPI_STATUS(2, 3)");
    expect(sheet.getRange("A1:C2").getValues()).toEqual([
      [0, 1, 2],
      [10, 11, 12],
    ]);
  });

  it("the spill follows the result as it grows and shrinks, and is blocked only where it lands", () => {
    const { sheet } = setUp();
    sheet.getRange("B1").setValue(2);
    sheet.getRange("A1").setFormula("=KPI_SPLIT(12, B1)");
    sheet.getRange("A4").setValue("below");
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[6], [6], [""], ["below"]]);
    sheet.getRange("B1").setValue(4);
    expect(sheet.getRange("A1").getValue()).toBe("#REF!");
    sheet.getRange("B1").setValue(3);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[4], [4], [4], ["below"]]);
  });

  it("resizing a spill does not call the function again", () => {
    const { emu, sheet } = setUp();
    const counting = `var n = 0;
      function KPI_SPLIT(total, weights) { Logger.log("called"); var out = []; for (var i = 0; i < weights; i++) out.push([total]); return out; }`;
    loadAddOn(counting, emu, { manifest: {} });
    sheet.getRange("B1").setValue(5);
    sheet.getRange("A1").setFormula("=KPI_SPLIT(1, B1)");
    expect(sheet.getRange("A1:A5").getValues()).toEqual([[1], [1], [1], [1], [1]]);
    expect(emu.logs.filter((l) => l.message === "called")).toHaveLength(1);
  });
});

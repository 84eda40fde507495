import { createEmulator } from "../../emulator";
import { day } from "../support/clock";

function setUp(timeZone = "Pacific/Auckland") {
  const emu = createEmulator({ timeZone, now: "2026-03-01T00:00:00Z" });
  const app = emu.services("FULL").SpreadsheetApp;
  const ss = app.getActive();
  const sheet = ss.getSheets()[0]!;
  return { emu, app, ss, sheet };
}

describe("Range reads and writes as in Sheets", () => {
  it("getRange(row, column, rows, columns) is 1-based and getValues gives '' for empty cells", () => {
    const { sheet } = setUp();
    sheet.getRange(2, 3).setValue(7);
    expect(sheet.getRange(1, 2, 2, 3).getValues()).toEqual([
      ["", "", ""],
      ["", 7, ""],
    ]);
    expect(sheet.getRange("C2").getValue()).toBe(7);
  });

  it("setValues with the wrong number of rows or columns throws Sheets' error", () => {
    const { sheet } = setUp();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it("getRange outside the grid or with a size below one throws", () => {
    const { sheet } = setUp();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      "The number of rows in the range must be at least 1.",
    );
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange("Nowhere!A1")).toThrow("Range not found");
  });

  it("A1 notation reaches open ranges to the grid's end and other sheets by quoted name", () => {
    const { ss, sheet } = setUp();
    const log = ss.insertSheet("Check-ins");
    log.getRange("A3").setValue("x");
    expect(sheet.getRange("A1:E").getNumRows()).toBe(1000);
    expect(sheet.getRange("A:A").getNumColumns()).toBe(1);
    expect(sheet.getRange("2:3").getNumColumns()).toBe(26);
    const range = ss.getRange("'Check-ins'!A1:E");
    expect(range.getSheet().getName()).toBe("Check-ins");
    expect(range.getValues()[2]?.[0]).toBe("x");
    expect(range.getA1Notation()).toBe("A1:E1000");
  });

  it("getLastRow and getLastColumn follow the last cell with content", () => {
    const { sheet } = setUp();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange("C7").setValue("x");
    sheet.getRange("E2").setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 5]);
    sheet.getRange("C7").clearContent();
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:E2");
  });

  it("date cells reach the script as the Date of that wall-clock time in the spreadsheet's zone", () => {
    const { sheet } = setUp("Pacific/Auckland");
    sheet.getRange("A1").setValue("2026-01-05");
    const value = sheet.getRange("A1").getValue() as Date;
    expect(value.toISOString()).toBe("2026-01-04T11:00:00.000Z");
    expect(sheet.getRange("A1").getNumberFormat()).toBe("yyyy-mm-dd");
  });

  it("a Date written by setValues is stored as its wall-clock day and keeps a date format", () => {
    const { sheet } = setUp("America/Los_Angeles");
    const midnight = new Date("2026-07-01T07:00:00Z");
    sheet.getRange("A1:A2").setValues([[midnight], [new Date("2026-07-01T19:30:00Z")]]);
    expect(sheet.getRange("A1:A2").getDisplayValues()).toEqual([
      ["7/1/2026"],
      ["7/1/2026 12:30:00"],
    ]);
    expect(sheet.getRange("A1").getValue()).toEqual(midnight);
    sheet.getRange("A1").setNumberFormat("0");
    expect(sheet.getRange("A1").getValue()).toBe(day("2026-07-01"));
  });

  it("changing the spreadsheet's zone keeps wall-clock dates and moves their instants", () => {
    const { ss, sheet } = setUp("Pacific/Auckland");
    sheet.getRange("A1").setValue("2026-01-05");
    ss.setSpreadsheetTimeZone("America/Los_Angeles");
    expect(ss.getSpreadsheetTimeZone()).toBe("America/Los_Angeles");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe(
      "2026-01-05T08:00:00.000Z",
    );
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2026-01-05");
  });

  it("strings become numbers, booleans and formulas as typed, but stay text under '@'", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:D1").setValues([["12", "TRUE", "=1+1", "5%"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[12, true, 2, 0.05]]);
    expect(sheet.getRange("C1").getFormula()).toBe("=1+1");
    const text = sheet.getRange("A2:D2").setNumberFormat("@");
    text.setValues([["12", "TRUE", "=1+1", "+cmd"]]);
    expect(text.getValues()).toEqual([["12", "TRUE", "=1+1", "+cmd"]]);
    expect(text.getFormulas()).toEqual([["", "", "", ""]]);
  });

  it("getDisplayValues renders each cell's number format", () => {
    const { sheet } = setUp();
    const range = sheet.getRange("A1:F1");
    range.setValues([[1234.5, 0.256, 3, 46023, 2.5, "txt"]]);
    range.setNumberFormats([["#,##0", "0.0%", "0.00", "yyyy-mm-dd", "0", "@"]]);
    expect(range.getDisplayValues()).toEqual([
      ["1,235", "25.6%", "3.00", "2026-01-01", "3", "txt"],
    ]);
    expect(range.getNumberFormats()).toEqual([["#,##0", "0.0%", "0.00", "yyyy-mm-dd", "0", "@"]]);
  });

  it("number formats survive writes of new values", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:A3").setNumberFormat("0.00%");
    sheet.getRange("A1:A3").setValues([[0.5], [1], [0.125]]);
    expect(sheet.getRange("A1:A3").getDisplayValues()).toEqual([
      ["50.00%"],
      ["100.00%"],
      ["12.50%"],
    ]);
  });

  it("insertRowsBefore shifts data down and the new rows take the formats of the row below", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:B3").setValues([
      ["h", "d"],
      ["a", 46023],
      ["b", 46024],
    ]);
    sheet.getRange("B2:B3").setNumberFormat("yyyy-mm-dd");
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange("A1:A5").getValues()).toEqual([["h"], [""], [""], ["a"], ["b"]]);
    expect(sheet.getRange("B3").getNumberFormat()).toBe("yyyy-mm-dd");
    expect(sheet.getMaxRows()).toBe(1002);
  });

  it("insertRowsAfter grows the grid and deleteRows closes the gap", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 1);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[1], [""], [2], [3]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[1], [3]]);
    expect(sheet.getMaxRows()).toBe(999);
    expect(() => sheet.deleteRows(1, 999)).toThrow(
      "Sorry, it is not possible to delete all non-frozen rows.",
    );
  });

  it("insertColumns and deleteColumns shift data sideways with their formats", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:C1").setValues([[1, 2, 3]]);
    sheet.getRange("C1").setNumberFormat("0.0");
    sheet.insertColumnsBefore(2, 1);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[1, "", 2, 3]]);
    expect(sheet.getRange("D1").getDisplayValue()).toBe("3.0");
    sheet.deleteColumn(1);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["", 2, 3]]);
    expect(sheet.getMaxColumns()).toBe(26);
  });

  it("appendRow writes after the last row, growing a full grid", () => {
    const { sheet } = setUp();
    sheet.getRange(1000, 1).setValue("last");
    sheet.appendRow(["next", "2026-01-05"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getDisplayValues()).toEqual([["next", "2026-01-05"]]);
  });

  it("sheets are found by name, renamed, inserted at an index and deleted, but never all", () => {
    const { ss } = setUp();
    const kpis = ss.insertSheet("KPIs", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["KPIs", "Sheet1"]);
    expect(() => ss.insertSheet("kpis")).toThrow(
      'A sheet with the name "kpis" already exists. Please enter another name.',
    );
    kpis.setName("Registry");
    expect(ss.getSheetByName("KPIs")).toBeNull();
    expect(ss.getSheetByName("Registry")?.getIndex()).toBe(1);
    ss.deleteSheet(kpis);
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it("sorts a range by columns with blanks last", () => {
    const { sheet } = setUp();
    const range = sheet.getRange("A1:B4");
    range.setValues([
      ["b", 2],
      ["", 9],
      ["a", 3],
      ["c", 1],
    ]);
    range.sort([{ column: 1, ascending: true }]);
    expect(range.getValues()).toEqual([
      ["a", 3],
      ["b", 2],
      ["c", 1],
      ["", 9],
    ]);
    range.sort({ column: 2, ascending: false });
    expect(range.getValues().map((r) => r[1])).toEqual([9, 3, 2, 1]);
  });

  it("offset, getCell and the range's coordinates agree", () => {
    const { sheet } = setUp();
    const range = sheet.getRange("B2:D5");
    expect([range.getRow(), range.getColumn(), range.getLastRow(), range.getLastColumn()]).toEqual([
      2, 2, 5, 4,
    ]);
    expect(range.offset(1, 1, 2, 2).getA1Notation()).toBe("C3:D4");
    expect(range.getCell(2, 3).getA1Notation()).toBe("D3");
  });

  it("clear removes contents and formats; clear({contentsOnly}) keeps formats", () => {
    const { sheet } = setUp();
    const range = sheet.getRange("A1");
    range.setValue(0.5).setNumberFormat("0%").setBackground("#ff0000");
    range.clear({ contentsOnly: true });
    expect([range.getValue(), range.getNumberFormat(), range.getBackground()]).toEqual([
      "",
      "0%",
      "#ff0000",
    ]);
    range.clear();
    expect(range.getNumberFormat()).toBe("0.###############");
    expect(range.getBackground()).toBe("#ffffff");
  });

  it("keeps styles and notes per cell", () => {
    const { sheet } = setUp();
    sheet.getRange("A1:B1").setFontWeight("bold").setNote("header");
    expect(sheet.getRange("A1:C1").getFontWeights()).toEqual([["bold", "bold", "normal"]]);
    expect(sheet.getRange("B1").getNote()).toBe("header");
    sheet.getRange("A1:B1").setBackgrounds([["#111111", null]]);
    expect(sheet.getRange("A1:B1").getBackgrounds()).toEqual([["#111111", "#ffffff"]]);
  });

  it("checkboxes hold booleans and check/uncheck them", () => {
    const { sheet } = setUp();
    const box = sheet.getRange("A1").insertCheckboxes();
    expect([box.getValue(), box.isChecked()]).toEqual([false, false]);
    box.check();
    expect(box.getValue()).toBe(true);
    expect(sheet.getRange("B1").isChecked()).toBeNull();
  });

  it("a 200,000-row log is written and read in one call each", () => {
    const { emu, sheet } = setUp("UTC");
    const rows = 200_000;
    sheet.insertRowsAfter(1000, rows);
    const data = Array.from({ length: rows }, (_, i) => [
      new Date(Date.UTC(2026, 0, 1 + (i % 365))),
      "KPI-1",
      i,
    ]);
    emu.calls.reset();
    sheet.getRange(2, 1, rows, 3).setValues(data);
    const back = sheet.getRange(2, 1, rows, 3).getValues();
    expect(back[rows - 1]).toEqual(data[rows - 1]);
    expect(emu.calls.count("Range.setValues") + emu.calls.count("Range.getValues")).toBe(2);
    expect(sheet.getLastRow()).toBe(rows + 1);
  });
});

describe("named ranges", () => {
  it("are found by name, follow inserted rows, and are removed", () => {
    const { ss, sheet } = setUp();
    sheet.getRange("B2").setValue("2026-01-05");
    ss.setNamedRange("KPI_AS_OF", sheet.getRange("B2"));
    sheet.insertRowsBefore(1, 3);
    expect(ss.getRangeByName("KPI_AS_OF")?.getA1Notation()).toBe("B5");
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(["KPI_AS_OF"]);
    ss.removeNamedRange("KPI_AS_OF");
    expect(ss.getRangeByName("KPI_AS_OF")).toBeNull();
    expect(() => ss.setNamedRange("A1", sheet.getRange("A1"))).toThrow("Invalid argument: name");
  });
});

describe("the user's selection", () => {
  it("is A1 until the user selects a range, then that range on its sheet", () => {
    const emu = createEmulator();
    const ss = emu.services("FULL").SpreadsheetApp.getActive();
    expect(ss.getActiveRange()?.getA1Notation()).toBe("A1");
    emu.spreadsheet.getSheets()[0]!.getRange("B3:C4").activate();
    expect(ss.getActiveRange()?.getA1Notation()).toBe("B3:C4");
    expect(ss.getActiveCell().getA1Notation()).toBe("B3");
  });
});

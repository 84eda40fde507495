/**
 * emulator/hyperformula.ts itself: what a custom function receives from a formula and what its
 * result becomes in the sheet, checked with recording functions in place of the bundle's.
 */

import {
  type CustomFunction,
  type CustomFunctionName,
  createFormulaEngine,
  type FormulaEngine,
} from "../../emulator/hyperformula";
import { day, sheetDate } from "../support/clock";
import { cellAt, cellsIn, isCellError, spillOf, TIME_ZONES, typeOf, wallClock } from "./workbook";

interface Recorder {
  readonly calls: unknown[][];
  readonly fn: CustomFunction;
}

function recorder(result: (...args: unknown[]) => unknown = () => "ok"): Recorder {
  const calls: unknown[][] = [];
  return {
    calls,
    fn: (...args) => {
      calls.push(args);
      return result(...args);
    },
  };
}

function engine(
  timeZone: string,
  functions: Partial<Record<CustomFunctionName, CustomFunction>>,
  cells: unknown[][],
  data: unknown[][] = [],
): FormulaEngine {
  return createFormulaEngine({ timeZone, functions, sheets: { S: cells, Data: data } });
}

describe("arguments, as Sheets passes them", () => {
  test("passes a range as a 2-D array and a single cell or a 1×1 range as its value", () => {
    const spy = recorder();
    engine(
      "Pacific/Auckland",
      { KPI_SMART: spy.fn },
      [["=KPI_SMART(Data!A1:B2)", "", "", "=KPI_SMART(Data!A1)", "", "", "=KPI_SMART(Data!B2:B2)"]],
      [
        ["a", 1],
        [true, 2.5],
      ],
    );
    // HyperFormula evaluates independent cells in no particular order.
    expect(spy.calls).toHaveLength(3);
    expect(spy.calls).toEqual(
      expect.arrayContaining([
        [
          [
            ["a", 1],
            [true, 2.5],
          ],
        ],
        ["a"],
        [2.5],
      ]),
    );
  });

  test('passes empty cells and empty arguments as "" and leaves out unwritten ones', () => {
    const spy = recorder();
    engine(
      "Pacific/Auckland",
      { KPI_PACE: spy.fn },
      [["=KPI_PACE(Data!A1:A2, , Data!A2)"]],
      [["x"], [null]],
    );
    expect(spy.calls).toEqual([[[["x"], [""]], "", ""]]);
  });

  test("passes percent cells and percent literals as plain numbers", () => {
    const spy = recorder();
    engine(
      "Pacific/Auckland",
      { KPI_ATTAINMENT: spy.fn },
      [['=KPI_ATTAINMENT(Data!A1, 5%, "5%")']],
      [["12.5%"]],
    );
    // A quoted "5%" is text, and stays text: the function reads it (SPEC §4.1).
    expect(spy.calls).toEqual([[0.125, 0.05, "5%"]]);
  });

  test.each(TIME_ZONES)(
    "passes date cells and DATE() as Dates at midnight in the spreadsheet's zone (%s)",
    (tz) => {
      const spy = recorder();
      engine(
        tz,
        { KPI_PACE: spy.fn },
        [["=KPI_PACE(Data!A1, DATE(2026,3,29), Data!A2)"]],
        [[sheetDate(tz, "2026-01-31")], [wallClock(tz, "2026-04-05", 2, 30)]],
      );
      expect(spy.calls).toEqual([
        [
          sheetDate(tz, "2026-01-31"),
          sheetDate(tz, "2026-03-29"),
          wallClock(tz, "2026-04-05", 2, 30),
        ],
      ]);
    },
  );

  test("gives the formula an argument's error without calling the function", () => {
    const spy = recorder();
    const sheet = engine(
      "Pacific/Auckland",
      { KPI_SPLIT: spy.fn },
      [["=KPI_SPLIT(10, Data!A1:A2)"]],
      [[1], ["=NA()"]],
    );
    const cell = cellAt(sheet, "S!A1");
    expect(isCellError(cell) && cell.value).toBe("#N/A");
    expect(spy.calls).toEqual([]);
  });
});

describe("results, as Sheets shows them", () => {
  test("spills a 2-D array and a 1-D array down a column", () => {
    const sheet = engine(
      "Pacific/Auckland",
      {
        KPI_SPLIT: () => [1, 2, 3],
        KPI_SMART: () => [
          ["SMART", "Advice"],
          ["5/5", ""],
        ],
      },
      [["=KPI_SPLIT(6, 3)", "=KPI_SMART(Data!A1:A2)"]],
      [["ID"], ["KPI-1"]],
    );
    expect(cellsIn(sheet, "S!A1:A3")).toEqual([[1], [2], [3]]);
    expect(cellsIn(sheet, "S!B1:C2")).toEqual([
      ["SMART", "Advice"],
      ["5/5", ""],
    ]);
  });

  test("occupies only the rows a result has, padding its short rows with empty strings", () => {
    const sheet = engine(
      "Pacific/Auckland",
      { KPI_SMART: () => [["SMART"], ["1/5", "Say what"]] },
      [["=KPI_SMART(Data!A1:A3)"]],
      [["ID"], ["a"], ["b"]],
    );
    expect(spillOf(sheet, "S!A1")).toEqual({ rows: 2, columns: 2 });
    expect(cellsIn(sheet, "S!A1:B3")).toEqual([
      ["SMART", ""],
      ["1/5", "Say what"],
      ["", ""],
    ]);
  });

  test("spills the columns a KPI_ROLLUP returns, whatever its field list predicted", () => {
    const table = (width: number) => [Array.from({ length: width }, (_, i) => `f${i}`)];
    const sheet = engine(
      "Pacific/Auckland",
      { KPI_ROLLUP: (_k, _c, _a, fields) => table(fields === "ID, Name , Status" ? 3 : 8) },
      [
        ['=KPI_ROLLUP(Data!A1:A2, Data!B1:B2, , "ID, Name , Status")'],
        [],
        [],
        ["=KPI_ROLLUP(Data!A1:A2, Data!B1:B2)"],
      ],
      [
        ["ID", "KPI ID"],
        ["x", "x"],
      ],
    );
    expect(spillOf(sheet, "S!A1")).toEqual({ rows: 1, columns: 3 });
    expect(spillOf(sheet, "S!A4")).toEqual({ rows: 1, columns: 8 });
  });

  test("spills a result larger than the formula's text predicts in full, as Sheets does", () => {
    const sheet = engine(
      "Pacific/Auckland",
      { KPI_SPLIT: () => [[1], [2], [3]] },
      [["=KPI_SPLIT(3, Data!A1)"]],
      [[3]],
    );
    expect(cellsIn(sheet, "S!A1:A4")).toEqual([[1], [2], [3], [""]]);
    expect(spillOf(sheet, "S!A1")).toEqual({ rows: 3, columns: 1 });
  });

  test.each(TIME_ZONES)(
    "turns a returned Date into a date cell of its wall-clock day (%s)",
    (tz) => {
      const sheet = engine(
        tz,
        {
          KPI_PACE: () => sheetDate(tz, "2026-06-10"),
          KPI_STATUS: () => wallClock(tz, "2026-06-10", 18),
        },
        [["=KPI_PACE(1, 2)", "=KPI_STATUS(1)"]],
      );
      expect(typeOf(sheet, "S!A1")).toBe("NUMBER_DATE");
      expect(sheet.hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(day("2026-06-10"));
      expect(cellAt(sheet, "S!A1")).toEqual(sheetDate(tz, "2026-06-10"));
      // 18:00 is three quarters of the day.
      expect(typeOf(sheet, "S!B1")).toBe("NUMBER_DATETIME");
      expect(sheet.hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(day("2026-06-10") + 0.75);
    },
  );

  test("shows a thrown error as #ERROR! with its message, from any realm", () => {
    const sheet = engine(
      "Pacific/Auckland",
      {
        KPI_PACE: () => {
          throw new Error("KPI_PACE: due 2026-01-01 (row 3) is before start 2026-03-01");
        },
        KPI_STATUS: () => {
          throw { message: "KPI_STATUS: from another realm" };
        },
      },
      [["=KPI_PACE(1, 2)", "=KPI_STATUS(1)"]],
    );
    const [pace, status] = cellsIn(sheet, "S!A1:B1")[0] ?? [];
    expect(pace !== undefined && isCellError(pace) && [pace.value, pace.message]).toEqual([
      "#ERROR!",
      "KPI_PACE: due 2026-01-01 (row 3) is before start 2026-03-01",
    ]);
    expect(status !== undefined && isCellError(status) && status.message).toBe(
      "KPI_STATUS: from another realm",
    );
  });

  test("shows NaN as #NUM! and nothing as an empty string", () => {
    const sheet = engine(
      "Pacific/Auckland",
      { KPI_PACE: () => Number.NaN, KPI_STATUS: () => undefined },
      [["=KPI_PACE(1, 2)", "=KPI_STATUS(1)"]],
    );
    const [nan, nothing] = cellsIn(sheet, "S!A1:B1")[0] ?? [];
    expect(nan !== undefined && isCellError(nan) && nan.value).toBe("#NUM!");
    expect(nothing).toBe("");
  });

  test("shows a function the engine was not given as #NAME?", () => {
    const sheet = engine("Pacific/Auckland", {}, [["=KPI_PACE(1, 2)"]]);
    const cell = cellAt(sheet, "S!A1");
    expect(isCellError(cell) && cell.value).toBe("#NAME?");
  });
});

describe("engines", () => {
  test("keep their own functions and time zones side by side", () => {
    const north = recorder();
    const south = recorder();
    const formula = [["=KPI_PACE(DATE(2026,1,1))"]];
    engine("America/Los_Angeles", { KPI_PACE: north.fn }, formula);
    engine("Pacific/Auckland", { KPI_PACE: south.fn }, formula);
    expect(north.calls).toEqual([[sheetDate("America/Los_Angeles", "2026-01-01")]]);
    expect(south.calls).toEqual([[sheetDate("Pacific/Auckland", "2026-01-01")]]);
  });

  test("keep date cells' wall-clock days when the spreadsheet's zone changes, and recalculate", () => {
    const spy = recorder();
    const sheet = engine(
      "Pacific/Auckland",
      { KPI_PACE: spy.fn },
      [["=KPI_PACE(Data!A1)"]],
      [[sheetDate("Pacific/Auckland", "2026-01-31")]],
    );
    sheet.setTimeZone("America/Los_Angeles");
    expect(sheet.timeZone).toBe("America/Los_Angeles");
    expect(spy.calls.at(-1)).toEqual([sheetDate("America/Los_Angeles", "2026-01-31")]);
    expect(cellAt(sheet, "Data!A1")).toEqual(sheetDate("America/Los_Angeles", "2026-01-31"));
  });

  test("store what Apps Script writes as Sheets would: dates as dates, text with a quote as text", () => {
    const sheet = engine("Pacific/Auckland", {}, [[]]);
    const data = sheet.hf.getSheetId("Data") ?? -1;
    sheet.hf.setCellContents({ sheet: data, row: 0, col: 0 }, [
      [
        sheet.toCellContent(sheetDate("Pacific/Auckland", "2026-02-01")),
        sheet.toCellContent("'2026-02-01"),
        sheet.toCellContent(""),
      ],
    ]);
    expect(typeOf(sheet, "Data!A1")).toBe("NUMBER_DATE");
    expect(cellsIn(sheet, "Data!A1:C1")).toEqual([
      [sheetDate("Pacific/Auckland", "2026-02-01"), "2026-02-01", ""],
    ]);
  });
});

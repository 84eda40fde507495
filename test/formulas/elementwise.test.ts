/**
 * KPI_ATTAINMENT, KPI_PACE and KPI_STATUS in cells: over whole columns of a goal list (results
 * spill in the ranges' shape), over single values, with percent and date cells, and with the
 * error a wrong argument shows — in two spreadsheet zones.
 */

import { sheetDate } from "../support/clock";
import {
  cellAt,
  cellsIn,
  isCellError,
  openWorkbook,
  spillOf,
  TIME_ZONES,
  typeOf,
  wallClock,
} from "./workbook";

const close = (value: number) => expect.closeTo(value, 12);

function goalsWorkbook(tz: string, extra: unknown[][] = []) {
  const d = (iso: string) => sheetDate(tz, iso);
  return openWorkbook(tz, {
    Goals: [
      [
        "Goal",
        "Actual",
        "Target",
        "Baseline",
        "Direction",
        "Start",
        "Due",
        "Attainment",
        "Expected",
        "Status",
      ],
      // biome-ignore format: one goal per line reads like the sheet
      ["Visit 100 manufacturing customers", 50, 100, "", "", d("2026-01-01"), d("2026-01-31"), "=KPI_ATTAINMENT(B2:B5, C2:C5, D2:D5, E2:E5)", "=KPI_PACE(F2:F5, G2:G5, Settings!B1)", "=KPI_STATUS(H2:H5, I2:I5, G2:G5, Settings!B1)"],
      ["Cut complaints to 5 a week", 7.5, 5, 10, "decrease", d("2026-01-01"), d("2026-03-31")],
      ["Conversion rate reaches 5%", "3%", "5%", "1%", "", d("2026-01-16"), d("2026-01-16")],
      ["Read a book every month", "", 12, "", "", "", ""],
    ],
    Settings: [
      ["As of", sheetDate(tz, "2026-01-16")],
      ["As of, late evening", wallClock(tz, "2026-01-16", 23, 30)],
    ],
    Sheet3: extra,
  });
}

describe.each(TIME_ZONES)("in a spreadsheet in %s", (tz) => {
  test("reads typed percentages as percent numbers", () => {
    const book = goalsWorkbook(tz);
    expect(typeOf(book, "Goals!C4")).toBe("NUMBER_PERCENT");
    expect(cellAt(book, "Goals!C4")).toBe(0.05);
  });

  test("computes attainment for a whole column and spills it beside the goals", () => {
    const book = goalsWorkbook(tz);
    expect(spillOf(book, "Goals!H2")).toEqual({ rows: 4, columns: 1 });
    expect(cellsIn(book, "Goals!H2:H5")).toEqual([
      [0.5], // 50 of 100
      [0.5], // decrease from 10 to 5, at 7.5: (10 − 7.5) / (10 − 5)
      [close(0.5)], // 3% from 1% towards 5%: (0.03 − 0.01) / (0.05 − 0.01)
      [""], // no actual yet
    ]);
  });

  test("computes the expected pace of each goal's window at the as-of cell", () => {
    const book = goalsWorkbook(tz);
    expect(spillOf(book, "Goals!I2")).toEqual({ rows: 4, columns: 1 });
    expect(cellsIn(book, "Goals!I2:I5")).toEqual([
      [0.5], // Jan 1 → Jan 16 is 15 of the 30 days to Jan 31
      [close(15 / 89)], // 15 of the 31 + 28 + 30 = 89 days to Mar 31
      [1], // a one-day window on its day
      [""], // no window
    ]);
  });

  test("grades each goal from its attainment and pace", () => {
    const book = goalsWorkbook(tz);
    expect(cellsIn(book, "Goals!J2:J5")).toEqual([
      ["On track"], // 0.5 − 0.5 = 0
      ["On track"], // 0.5 − 0.169 is ahead
      ["Off track"], // 0.5 − 1 = −0.5 < −0.25
      ["No data"], // no attainment, no due date
    ]);
  });

  test("spills a 2-D range in its own shape", () => {
    const book = goalsWorkbook(tz, [["=KPI_ATTAINMENT(Goals!B2:C3, 100)"]]);
    expect(spillOf(book, "Sheet3!A1")).toEqual({ rows: 2, columns: 2 });
    // 50, 100, 7.5 and 5 of 100
    expect(cellsIn(book, "Sheet3!A1:B2")).toEqual([
      [0.5, 1],
      [0.075, 0.05],
    ]);
  });

  test("returns a single value, not a spill, for single values", () => {
    const book = goalsWorkbook(tz, [
      ["=KPI_PACE(DATE(2026,1,1), DATE(2026,1,31), DATE(2026,1,16))", "after"],
      ['=KPI_STATUS(0.3, 0.5, "", "", 5%, 30%)', "after"],
      ['=KPI_ATTAINMENT(0.03, "5%", 1%)', "after"],
    ]);
    expect(spillOf(book, "Sheet3!A1")).toEqual({ rows: 1, columns: 1 });
    expect(cellsIn(book, "Sheet3!A1:B3")).toEqual([
      [0.5, "after"],
      // 0.3 − 0.5 = −0.2: behind by more than the 5% at-risk gap, less than the 30% off-track gap
      ["At risk", "after"],
      [close(0.5), "after"],
    ]);
  });

  test("reads a date-time as-of cell as its calendar day in the spreadsheet's zone", () => {
    const book = goalsWorkbook(tz, [["=KPI_PACE(Goals!F2, Goals!G2, Settings!B2)"]]);
    expect(typeOf(book, "Settings!B2")).toBe("NUMBER_DATETIME");
    // 23:30 on Jan 16 is still Jan 16: 15 of 30 days.
    expect(cellAt(book, "Sheet3!A1")).toBe(0.5);
  });

  test("shows a wrong window as #ERROR! with the function's message", () => {
    const book = goalsWorkbook(tz, [["=KPI_PACE(DATE(2026,3,1), DATE(2026,1,1), DATE(2026,2,1))"]]);
    const cell = cellAt(book, "Sheet3!A1");
    expect(isCellError(cell) && cell.value).toBe("#ERROR!");
    expect(isCellError(cell) && cell.message).toMatch(
      /^KPI_PACE: .*2026-01-01.*before start 2026-03-01/,
    );
  });

  test("names the row of a bad cell in a range", () => {
    const book = goalsWorkbook(tz, [['=KPI_ATTAINMENT(Goals!B2:B3, {100; "lots"})']]);
    const cell = cellAt(book, "Sheet3!A1");
    expect(isCellError(cell) && cell.message).toMatch(/^KPI_ATTAINMENT: .*row 2/);
    // Only the formula's cell shows the error; the rest of the reserved area stays empty.
    expect(cellAt(book, "Sheet3!A2")).toBe("");
  });

  test("rejects ranges of different shapes", () => {
    const book = goalsWorkbook(tz, [["=KPI_ATTAINMENT(Goals!B2:B5, Goals!C2:C3)"]]);
    const cell = cellAt(book, "Sheet3!A1");
    expect(isCellError(cell) && cell.message).toMatch(/^KPI_ATTAINMENT: /);
  });

  test("passes an error argument through without calling the function", () => {
    const book = goalsWorkbook(tz, [["=KPI_ATTAINMENT(1/0, 100)"]]);
    const cell = cellAt(book, "Sheet3!A1");
    expect(isCellError(cell) && cell.value).toBe("#DIV/0!");
  });
});

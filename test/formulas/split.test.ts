/** KPI_SPLIT in cells: the parts spill in the weights' shape and always add up to the total. */

import { cellAt, cellsIn, isCellError, openWorkbook, spillOf } from "./workbook";

function book(cells: unknown[][]) {
  return openWorkbook("Pacific/Auckland", {
    Split: cells,
    Weights: [
      [2, 1],
      [1, ""],
    ],
  });
}

test("splits a target into N equal parts down a column, the earlier parts taking the remainder", () => {
  const sheet = book([["=KPI_SPLIT(100, 3)"]]);
  expect(spillOf(sheet, "Split!A1")).toEqual({ rows: 3, columns: 1 });
  // 100 / 3 = 33.33…: the one unit left over goes to the first part.
  expect(cellsIn(sheet, "Split!A1:A3")).toEqual([[34], [33], [33]]);
});

test("splits across a row of weights, blank weights taking no share", () => {
  const sheet = book([['=KPI_SPLIT(10, {1,"",1})']]);
  expect(spillOf(sheet, "Split!A1")).toEqual({ rows: 1, columns: 3 });
  expect(cellsIn(sheet, "Split!A1:C1")).toEqual([[5, "", 5]]);
});

test("splits across a 2-D range of weights in its shape", () => {
  const sheet = book([["=KPI_SPLIT(1000, Weights!A1:B2)"]]);
  expect(spillOf(sheet, "Split!A1")).toEqual({ rows: 2, columns: 2 });
  // weights 2 + 1 + 1 = 4: 500, 250, 250, and nothing for the blank
  expect(cellsIn(sheet, "Split!A1:B2")).toEqual([
    [500, 250],
    [250, ""],
  ]);
});

test("rounds to the decimals asked for", () => {
  const sheet = book([["=KPI_SPLIT(100, 3, 2)"]]);
  // 33.333… → 33.33 each leaves 0.01, which goes to the first part.
  expect(cellsIn(sheet, "Split!A1:A3")).toEqual([[33.34], [33.33], [33.33]]);
});

test("shows a negative weight as the formula's error", () => {
  const sheet = book([["=KPI_SPLIT(10, {1;-1})"]]);
  const cell = cellAt(sheet, "Split!A1");
  expect(isCellError(cell) && cell.value).toBe("#ERROR!");
  expect(isCellError(cell) && cell.message).toMatch(/^KPI_SPLIT: .*negative/i);
});

import { formatShape, isRange, mapCells, placeOf, shapeOf } from "../../src/core/grid";
import { KpiInputError } from "../../src/core/values";

const join = (cell: Readonly<Record<string, unknown>>) => Object.values(cell).join("|");

describe("mapCells", () => {
  it("returns one value when no argument is a range, with no place", () => {
    const places: string[] = [];
    const result = mapCells({ a: 1, b: "x" }, (cell, place) => {
      places.push(place);
      return join(cell);
    });
    expect(result).toBe("1|x");
    expect(places).toEqual([""]);
  });

  it("uses a single value for every cell of a range and keeps the range's shape", () => {
    const result = mapCells({ a: [[1], [2], [3]], b: 10 }, (cell) => join(cell));
    expect(result).toEqual([["1|10"], ["2|10"], ["3|10"]]);
  });

  it("pairs cells of ranges of the same shape position by position", () => {
    const result = mapCells(
      {
        a: [
          [1, 2],
          [3, 4],
        ],
        b: [
          ["w", "x"],
          ["y", "z"],
        ],
      },
      (cell) => join(cell),
    );
    expect(result).toEqual([
      ["1|w", "2|x"],
      ["3|y", "4|z"],
    ]);
  });

  it("treats a 1×1 array as a range and returns a 1×1 result", () => {
    expect(mapCells({ a: [[7]], b: 1 }, (cell) => join(cell))).toEqual([["7|1"]]);
  });

  it("names both arguments and their shapes when ranges differ in shape", () => {
    const run = () => mapCells({ actual: [[1], [2], [3]], target: [[1], [2]] }, () => 0);
    expect(run).toThrow(KpiInputError);
    expect(run).toThrow("actual is 3×1 but target is 2×1");
  });

  it("rejects ranges of the same size but a different orientation", () => {
    expect(() => mapCells({ a: [[1, 2, 3]], b: [[1], [2], [3]] }, () => 0)).toThrow(
      "a is 1×3 but b is 3×1",
    );
  });

  it("names single-column places by row and others by row and column, counting from 1", () => {
    const column = mapCells({ a: [[0], [0], [0]] }, (_cell, place) => place);
    expect(column).toEqual([[" (row 1)"], [" (row 2)"], [" (row 3)"]]);
    const block = mapCells(
      {
        a: [
          [0, 0],
          [0, 0],
        ],
      },
      (_cell, place) => place,
    );
    expect(block).toEqual([
      [" (row 1, column 1)", " (row 1, column 2)"],
      [" (row 2, column 1)", " (row 2, column 2)"],
    ]);
  });

  it("lets an error thrown for one cell escape with that cell's place in it", () => {
    const run = () =>
      mapCells({ a: [[1], [2], [3]] }, (cell, place) => {
        if (cell.a === 3) throw new KpiInputError(`bad${place}`);
        return 0;
      });
    expect(run).toThrow("bad (row 3)");
  });

  it("rejects empty and ragged ranges, naming the argument", () => {
    expect(() => mapCells({ weights: [] }, () => 0)).toThrow("weights is an empty range");
    expect(() => mapCells({ weights: [[]] }, () => 0)).toThrow("weights is an empty range");
    expect(() => mapCells({ weights: [[1, 2], [3]] }, () => 0)).toThrow(
      "weights is not a rectangular range",
    );
    expect(() => mapCells({ weights: [1, 2, 3] }, () => 0)).toThrow(
      "weights is not a rectangular range",
    );
  });
});

describe("shape helpers", () => {
  it("measures rows and columns", () => {
    expect(shapeOf([[1, 2, 3]], "x")).toEqual({ rows: 1, columns: 3 });
    expect(formatShape({ rows: 4, columns: 2 })).toBe("4×2");
  });

  it("recognises ranges as arrays and single values as anything else", () => {
    expect(isRange([[1]])).toBe(true);
    expect(isRange(1)).toBe(false);
    expect(isRange("")).toBe(false);
    expect(isRange(new Date(0))).toBe(false);
  });

  it("gives no place without a range", () => {
    expect(placeOf(2, 1, undefined)).toBe("");
    expect(placeOf(2, 0, { rows: 3, columns: 1 })).toBe(" (row 3)");
    expect(placeOf(0, 1, { rows: 1, columns: 2 })).toBe(" (row 1, column 2)");
  });
});

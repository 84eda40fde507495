/** How the playground paints conditional formats: as Sheets does, first matching rule wins. */

import {
  type ConditionalRule,
  conditionHolds,
  paintConditionalFormats,
} from "../../playground/conditionalFormats";

const column = (col: number, rows: number) => ({
  row: 2,
  column: col,
  numRows: rows,
  numColumns: 1,
});

describe("conditionHolds", () => {
  test.each([
    ["TEXT_EQUAL_TO", ["On track"], "on TRACK", true],
    ["TEXT_EQUAL_TO", ["On track"], "On track!", false],
    ["TEXT_EQUAL_TO", [""], "", false],
    ["TEXT_STARTS_WITH", ["Error: "], "Error: duplicate ID", true],
    ["TEXT_STARTS_WITH", ["Error: "], "", false],
    ["TEXT_CONTAINS", ["risk"], "At risk", true],
    ["TEXT_DOES_NOT_CONTAIN", ["risk"], "", true],
    ["TEXT_ENDS_WITH", ["track"], "Off track", true],
    ["CELL_EMPTY", [], "", true],
    ["CELL_NOT_EMPTY", [], 0, true],
    ["NUMBER_GREATER_THAN", [1], 1.2, true],
    ["NUMBER_GREATER_THAN", [1], "1.2", true],
    ["NUMBER_GREATER_THAN", [1], "many", false],
    ["NUMBER_LESS_THAN_OR_EQUAL_TO", [0.5], 0.5, true],
    ["NUMBER_BETWEEN", [1, 0], 0.25, true],
    ["NUMBER_NOT_BETWEEN", [0, 1], 1.5, true],
    ["NUMBER_EQUAL_TO", [2], "", false],
    ["CUSTOM_FORMULA", ["=A1>0"], 5, false],
  ] as const)("%s %j on %j is %s", (criteria, values, value, expected) => {
    expect(conditionHolds(criteria, values, value)).toBe(expected);
  });
});

describe("paintConditionalFormats", () => {
  const cells: Record<string, unknown> = {
    "2,1": "Achieved",
    "3,1": "Error: child KPI-0002 has an error",
    "4,1": "Off track",
    "5,1": "",
    "2,2": "Achieved",
  };
  const valueAt = (row: number, col: number) => cells[`${row},${col}`] ?? "";
  const green = { background: "#b7e1cd" };
  const red = { background: "#f4c7c3" };
  const errorText = { fontColor: "#c5221f" };

  test("gives each cell the format of the first rule that holds for it, within the rule's ranges", () => {
    const rules: ConditionalRule[] = [
      { ranges: [column(1, 999)], criteria: "TEXT_EQUAL_TO", values: ["Achieved"], format: green },
      {
        ranges: [column(1, 999)],
        criteria: "TEXT_STARTS_WITH",
        values: ["Error: "],
        format: errorText,
      },
      { ranges: [column(1, 999)], criteria: "CELL_NOT_EMPTY", values: [], format: red },
    ];
    const painted = paintConditionalFormats(rules, 5, 2, valueAt);
    // Keys are row * numColumns + column, 0-based. Every non-empty cell of column A meets the
    // last rule, but A2 and A3 met an earlier one; B2 is outside the rules' ranges.
    expect(Object.fromEntries(painted)).toEqual({ 2: green, 4: errorText, 6: red });
  });

  test("paints nothing outside the drawn area or for conditions it does not know", () => {
    const rules: ConditionalRule[] = [
      {
        ranges: [{ row: 9, column: 1, numRows: 5, numColumns: 5 }],
        criteria: "CELL_EMPTY",
        values: [],
        format: red,
      },
      { ranges: [column(1, 3)], criteria: "DATE_BEFORE", values: [], format: red },
    ];
    expect(paintConditionalFormats(rules, 5, 2, valueAt).size).toBe(0);
  });
});

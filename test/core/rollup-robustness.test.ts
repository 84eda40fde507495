/**
 * What no cell can do to the rollup (SPEC §4.7 "Edge cases, decided"): a number too large to
 * compute with is its KPI's error, never a status; an error value (`#N/A`…) handed over as text
 * is the error of its own row, never of the whole table; and the status gaps are arguments.
 */

import { kpiAttainment, kpiStatus } from "../../src/core/elementwise";
import { computeRollup, kpiRollup } from "../../src/core/rollup";
import { kpiSplit } from "../../src/core/split";
import { day, fixedClock, sheetDate, zoneOf } from "../support/clock";
import {
  type Checkin,
  type Goal,
  iso,
  log,
  registry,
  rollup,
  summary,
  TZ,
} from "./rollup.fixtures";

const clock = fixedClock(TZ, "2026-03-31");

const orders: Goal = {
  ID: "ORD",
  Name: "Close 100 orders",
  Unit: "orders",
  Target: 100,
  Start: "2026-01-01",
  Due: "2026-12-31",
};

describe("numbers too large to compute", () => {
  it("makes an actual that overflows its KPI's error, never Achieved", () => {
    const rows = rollup(
      [orders],
      [
        ["2026-02-01", "ORD", 1e308],
        ["2026-02-02", "ORD", 1e308],
      ],
      "2026-03-31",
    );
    expect(summary(rows.ORD)).toEqual({
      actual: undefined,
      attainment: undefined,
      expected: undefined,
      status: "Error: Actual is too large to compute",
    });
    expect(rows.ORD!.score).toBeUndefined();
  });

  it("makes an Average whose sum overflows an error too", () => {
    const rows = rollup(
      [{ ...orders, Aggregation: "Average" }],
      [
        ["2026-02-01", "ORD", 1.5e308],
        ["2026-02-02", "ORD", 1.5e308],
      ],
      "2026-03-31",
    );
    expect(rows.ORD!.statusText).toBe("Error: Actual is too large to compute");
  });

  it("refuses an attainment whose arithmetic overflows", () => {
    const rows = rollup(
      [{ ...orders, Baseline: -1e308, Target: 1e308 }],
      [["2026-02-01", "ORD", 5]],
      "2026-03-31",
    );
    expect(rows.ORD!.statusText).toBe("Error: Attainment is too large to compute");
  });

  it("makes a sum parent whose children's actuals overflow an error, the children fine", () => {
    const goals: Goal[] = [
      { ID: "TOP", Unit: "NTD", Target: 1e308 },
      { ID: "A", Parent: "TOP", Unit: "NTD", Target: 1e308 },
      { ID: "B", Parent: "TOP", Unit: "NTD", Target: 1e308 },
    ];
    const rows = rollup(
      goals,
      [
        ["2026-02-01", "A", 1e308],
        ["2026-02-01", "B", 1e308],
      ],
      "2026-03-31",
    );
    expect(rows.A!.actual).toBe(1e308);
    expect(rows.B!.actual).toBe(1e308);
    expect(rows.TOP!.statusText).toBe("Error: Actual is too large to compute");
  });

  it("makes a weighted parent whose weights overflow an error instead of a silent 0", () => {
    const goals: Goal[] = [
      { ID: "OBJ", Type: "Objective" },
      { ID: "A", Parent: "OBJ", Target: 10, Weight: 1e308 },
      { ID: "B", Parent: "OBJ", Target: 10, Weight: 1e308 },
    ];
    const rows = rollup(
      goals,
      [
        ["2026-02-01", "A", 5],
        ["2026-02-01", "B", 5],
      ],
      "2026-03-31",
    );
    expect(rows.OBJ!.statusText).toMatch(/^Error: Attainment is too large to compute/);
  });

  it("makes a habit period that overflows the habit's error", () => {
    const habit = {
      ID: "H",
      Type: "Habit",
      Cadence: "Monthly",
      Target: 1,
      Start: "2026-01-01",
    };
    const rows = rollup(
      [habit],
      [
        ["2026-01-05", "H", 1e308],
        ["2026-01-06", "H", 1e308],
        ["2026-03-02", "H", 1],
      ],
      "2026-03-31",
    );
    expect(rows.H!.statusText).toBe("Error: Actual is too large to compute");
  });

  it("says a registry number typed with too many digits is too large, not a typo", () => {
    const rows = rollup([{ ...orders, Target: `1${"0".repeat(400)}` }], [], "2026-03-31");
    expect(rows.ORD!.statusText).toBe(
      `Error: target "1${"0".repeat(36)}..." is too large to compute`,
    );
  });

  it("has the other functions refuse non-finite input, naming the place", () => {
    expect(() => kpiAttainment(Number.POSITIVE_INFINITY, 100, "", "")).toThrow(
      "actual Infinity is not a finite number",
    );
    expect(() => kpiAttainment([[5], [1e308]], [[10], [1e-308]], "", "")).toThrow(
      "Attainment (row 2) is too large to compute",
    );
    expect(() => kpiStatus(Number.NaN, 0.5, "", "", "", "", clock)).toThrow(
      "attainment NaN is not a finite number",
    );
    expect(() => kpiStatus(0.5, 0.5, "", "", Number.POSITIVE_INFINITY, "", clock)).toThrow(
      "at_risk_gap Infinity is not a finite number",
    );
    expect(() => kpiSplit(Number.POSITIVE_INFINITY, 3, "")).toThrow(
      "total Infinity is not a finite number",
    );
    expect(() => kpiSplit(100, [[1], [Number.NaN]], "")).toThrow(
      "weight NaN (row 2) is not a finite number",
    );
  });
});

describe("error values in the inputs", () => {
  const goals: Goal[] = [
    orders,
    { ID: "VIS", Name: "Visit 100 customers", Unit: "visits", Target: 100 },
  ];
  const checkins: Checkin[] = [
    ["2026-02-01", "ORD", 10],
    ["2026-02-02", "VIS", 20],
  ];

  it("makes an error value in a registry cell that row's error, naming the column", () => {
    for (const [column, error] of [
      ["Target", "#N/A"],
      ["Start", "#REF!"],
      ["Name", "#NAME?"],
      ["Unit", "#VALUE!"],
    ] as const) {
      const rows = rollup([{ ...goals[0]!, [column]: error }, goals[1]!], checkins, "2026-03-31");
      expect(rows.ORD!.statusText).toBe(`Error: ${column} holds the error ${error}`);
      expect(rows.VIS!.statusText).toBe("In progress");
      expect(rows.VIS!.actual).toBe(20);
    }
  });

  it("shows a registry row whose ID is an error value, matched by nothing", () => {
    const rows = rollup(
      [{ ...goals[0]!, ID: "#REF!" }, goals[1]!, { ID: "KID", Parent: "#REF!", Target: 5 }],
      [...checkins, ["2026-02-03", "#REF!", 1]],
      "2026-03-31",
    );
    expect(rows["#REF!"]!.statusText).toBe("Error: ID holds the error #REF!");
    expect(rows["#REF!"]!.key).toBe("");
    // The check-in naming "#REF!" belongs to no KPI; a Parent cell holding it is its row's error.
    expect(rows["#REF!"]!.checkins).toBeUndefined();
    expect(rows.KID!.parent).toBeUndefined();
    expect(rows.KID!.statusText).toBe("Error: Parent holds the error #REF!");
    expect([rows.VIS!.statusText, rows.VIS!.actual]).toEqual(["In progress", 20]);
  });

  it("makes an error value in a check-in's Date or Value its KPI's error, naming the row", () => {
    const value = rollup(goals, [...checkins, ["2026-02-03", "ORD", "#DIV/0!"]], "2026-03-31");
    expect(value.ORD!.statusText).toBe("Error: check-in row 4 has the error #DIV/0! in Value");
    expect([value.VIS!.statusText, value.VIS!.actual]).toEqual(["In progress", 20]);
    const date = rollup(goals, [...checkins, ["#N/A", "VIS", 3]], "2026-03-31");
    expect(date.VIS!.statusText).toBe("Error: check-in row 4 has the error #N/A in Date");
    expect(date.ORD!.actual).toBe(10);
  });

  it("leaves out a check-in whose KPI ID is an error value: it belongs to no KPI", () => {
    const rows = rollup(goals, [...checkins, ["2026-02-03", "#N/A", 1e9]], "2026-03-31");
    expect([rows.ORD!.actual, rows.VIS!.actual]).toEqual([10, 20]);
  });

  it("never fails the whole table for error values anywhere in its rows", () => {
    const errors = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#ERROR!", "#NULL!"];
    const kpis = registry(goals);
    const entries = log(checkins);
    for (const error of errors) {
      const brokenKpis = kpis.map((row, r) => (r === 0 ? row : row.map(() => error)));
      const brokenLog = entries.map((row, r) => (r === 0 ? row : row.map(() => error)));
      const output = kpiRollup(brokenKpis, brokenLog, "", "ID,Status", clock) as unknown[][];
      expect(output).toEqual([
        ["ID", "Status"],
        [error, `Error: ID holds the error ${error}`],
        [error, `Error: ID holds the error ${error}`],
      ]);
    }
  });
});

describe("KPI_ROLLUP's status gaps", () => {
  // Attainment 0.6 against an expected 83/105 ≈ 0.79 (a gap of about −0.19) on 2026-03-25.
  const quarter: Goal = { ...orders, Target: 100, Start: "2026-01-01", Due: "2026-04-16" };
  const kpis = registry([quarter]);
  const entries = log([["2026-02-01", "ORD", 60]]);
  const statusWith = (atRisk: unknown, offTrack: unknown) =>
    (
      kpiRollup(kpis, entries, "2026-03-25", "Expected,Status", clock, atRisk, offTrack) as [
        unknown[],
        [number, string],
      ]
    )[1];

  it("grades with 0.10 and 0.25 when the gaps are blank", () => {
    const [expected, status] = statusWith("", "");
    expect(expected).toBeCloseTo(83 / 105, 12);
    expect(status).toBe("At risk");
    expect(statusWith(undefined, undefined)[1]).toBe("At risk");
  });

  it("grades with the gaps given, as numbers, percentages or single cells", () => {
    expect(statusWith(0.25, 0.5)[1]).toBe("On track");
    expect(statusWith("25%", [[0.5]])[1]).toBe("On track");
    expect(statusWith(0.05, 0.15)[1]).toBe("Off track");
  });

  it("refuses a gap that is not a number, naming the argument", () => {
    expect(() => statusWith("a lot", "")).toThrow('at_risk_gap "a lot" is not a number');
    expect(() => statusWith("", "#N/A")).toThrow('off_track_gap "#N/A" is not a number');
    expect(() => statusWith("", Number.POSITIVE_INFINITY)).toThrow(
      "off_track_gap Infinity is not a finite number",
    );
    expect(() => statusWith([[0.1, 0.2]], "")).toThrow(
      "at_risk_gap must be one number, not a range",
    );
  });
});

describe("offset look-ups (each one a Utilities.formatDate call in Apps Script)", () => {
  it("asks for the same offsets for 100 and 20,000 check-ins over the same year", () => {
    const lookups = (count: number, timeZone: string) => {
      const zone = zoneOf(timeZone);
      const entries: Checkin[] = [];
      for (let i = 0; i < count; i++) {
        entries.push([sheetDate(timeZone, iso(day("2026-01-01") + (i % 365)) ?? ""), "ORD", 1]);
      }
      computeRollup(registry([orders], timeZone), log(entries, timeZone), {
        asOf: day("2026-12-31"),
        zone,
      });
      return zone.offsetLookups;
    };
    for (const timeZone of ["Asia/Taipei", "America/Los_Angeles", "Pacific/Auckland"]) {
      const few = lookups(365, timeZone);
      expect([timeZone, lookups(20_000, timeZone)]).toEqual([timeZone, few]);
      // About one a week of dates, and a bisection per DST change.
      expect(few).toBeLessThan(100);
    }
  });
});

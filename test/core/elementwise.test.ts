import type { Clock } from "../../src/core/clock";
import { kpiAttainment, kpiPace, kpiStatus } from "../../src/core/elementwise";
import { KpiInputError } from "../../src/core/values";
import { day, fixedClock, sheetDate, zoneOf } from "../support/clock";

const AUCKLAND = "Pacific/Auckland";
const clock = fixedClock(AUCKLAND, "2026-01-16");

/** A clock that counts how often it is asked for today. */
function countingClock(timeZone: string, todayIso: string): Clock & { asked: number } {
  const counter = {
    zone: zoneOf(timeZone),
    asked: 0,
    today() {
      counter.asked++;
      return day(todayIso);
    },
  };
  return counter;
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error("expected an error");
}

describe("kpiAttainment", () => {
  it.each([
    [[50, 100, "", ""], 0.5],
    [[7.5, 5, 10, "decrease"], 0.5],
    [[120, 100, "", ""], 1.2],
    [[0.03, "5%", 0.01, ""], 0.5],
    [[5, 5, 10, "lower is better"], 1],
    [[100, 100, 100, ""], 1],
    [[99, 100, "", "at least"], 0],
  ] as const)("gives the SPEC §4.2 example %j → %p", (args, expected) => {
    const [actual, target, baseline, direction] = args;
    expect(kpiAttainment(actual, target, baseline, direction)).toBe(expected);
  });

  it("measures an increase from its baseline", () => {
    expect(kpiAttainment(60, 120, 20, "increase")).toBe(0.4);
    expect(kpiAttainment(60, 120, undefined, undefined)).toBe(0.5);
  });

  it("does not clamp or round the result", () => {
    expect(kpiAttainment(150, 100, "", "")).toBe(1.5);
    expect(kpiAttainment(-50, 100, "", "")).toBe(-0.5);
    expect(kpiAttainment(12, 5, 10, "decrease")).toBe(-0.4);
    expect(kpiAttainment(1, 3, "", "")).toBe(1 / 3);
  });

  it("reads At least and At most as met or not met", () => {
    expect(kpiAttainment(100, 100, "", "at least")).toBe(1);
    expect(kpiAttainment(101, 100, "", ">=")).toBe(1);
    expect(kpiAttainment(99, 100, "", "stay above")).toBe(0);
    expect(kpiAttainment(100, 100, "", "at most")).toBe(1);
    expect(kpiAttainment(99, 100, "", "<=")).toBe(1);
    expect(kpiAttainment(101, 100, "", "Stay_Below")).toBe(0);
  });

  it("accepts every alias of each direction, ignoring case, spaces, _ and -", () => {
    for (const alias of ["up", "Higher", "higher is better", "HIGHER_IS-BETTER", " Increase "]) {
      expect(kpiAttainment(50, 100, 0, alias)).toBe(0.5);
    }
    for (const alias of ["down", "LOWER", "lower-is-better", "Decrease"]) {
      expect(kpiAttainment(7.5, 5, 10, alias)).toBe(0.5);
    }
    for (const alias of ["min", "At Least", "at_least"]) {
      expect(kpiAttainment(99, 100, "", alias)).toBe(0);
    }
    for (const alias of ["max", "At-Most", "stay below"]) {
      expect(kpiAttainment(99, 100, "", alias)).toBe(1);
    }
  });

  it("grades a target equal to its baseline as met or not in the goal's direction", () => {
    expect(kpiAttainment(100, 100, 100, "increase")).toBe(1);
    expect(kpiAttainment(101, 100, 100, "increase")).toBe(1);
    expect(kpiAttainment(99, 100, 100, "increase")).toBe(0);
    expect(kpiAttainment(0, 0, "", "")).toBe(1);
    expect(kpiAttainment(5, 5, 5, "decrease")).toBe(1);
    expect(kpiAttainment(4, 5, 5, "decrease")).toBe(1);
    expect(kpiAttainment(6, 5, 5, "decrease")).toBe(0);
  });

  it("gives blank when the actual or the target is blank", () => {
    expect(kpiAttainment("", 100, "", "")).toBe("");
    expect(kpiAttainment(null, 100, "", "")).toBe("");
    expect(kpiAttainment(undefined, 100, "", "")).toBe("");
    expect(kpiAttainment(50, "", "", "")).toBe("");
    expect(kpiAttainment(50, null, 10, "decrease")).toBe("");
  });

  it("names the right direction when the target is on the wrong side of the baseline", () => {
    expect(() => kpiAttainment(5, 5, 10, "increase")).toThrow(
      'target 5 is below baseline 10: use direction "Decrease"',
    );
    expect(() => kpiAttainment(15, 15, 10, "decrease")).toThrow(
      'target 15 is above baseline 10: use direction "Increase"',
    );
  });

  it("treats a blank baseline of an increase as 0, so a negative target needs Decrease", () => {
    expect(() => kpiAttainment(-2, -5, "", "")).toThrow(
      'target -5 is below baseline 0 (a blank baseline is 0): use direction "Decrease"',
    );
  });

  it("reports a wrong set-up even while the actual is still blank", () => {
    expect(() => kpiAttainment("", 100, "", "sideways")).toThrow(
      'unknown direction "sideways": use Increase, Decrease, At least or At most',
    );
    expect(() => kpiAttainment("", 5, "", "decrease")).toThrow("a Decrease goal needs a baseline");
    expect(() => kpiAttainment("", 5, 10, "increase")).toThrow("is below baseline 10");
    expect(() => kpiAttainment("", 15, 10, "decrease")).toThrow("is above baseline 10");
  });

  it("still checks direction, baseline and actual when the target is blank too", () => {
    expect(kpiAttainment("", "", "", "")).toBe("");
    expect(kpiAttainment(5, "", 10, "increase")).toBe("");
    expect(() => kpiAttainment("", "", "", "sideways")).toThrow("unknown direction");
    expect(() => kpiAttainment("", "", "", "decrease")).toThrow("needs a baseline");
    expect(() => kpiAttainment("", "", "ten", "")).toThrow('baseline "ten" is not a number');
    expect(() => kpiAttainment("abc", "", "", "")).toThrow('actual "abc" is not a number');
  });

  it("reads numbers typed as text and percentages", () => {
    expect(kpiAttainment(" 12.5 ", "25", "", "")).toBe(0.5);
    expect(kpiAttainment("2.5%", "5%", "", "")).toBe(0.5);
  });

  it("refuses text, booleans and dates where a number is needed", () => {
    expect(() => kpiAttainment("abc", 100, "", "")).toThrow('actual "abc" is not a number');
    expect(() => kpiAttainment(true, 100, "", "")).toThrow("actual TRUE is not a number");
    expect(() => kpiAttainment(50, new Date(0), "", "")).toThrow(
      "target the date 1970-01-01T00:00:00.000Z is not a number",
    );
    expect(() => kpiAttainment(50, 100, "n/a", "")).toThrow('baseline "n/a" is not a number');
    expect(() => kpiAttainment(50, 100, "", 7)).toThrow('unknown direction "7"');
  });

  it("works element-wise on ranges, reusing single values for every row", () => {
    expect(kpiAttainment([[50], [""], [120]], 100, "", "")).toEqual([[0.5], [""], [1.2]]);
    expect(
      kpiAttainment([[7.5], [50]], [[5], [100]], [[10], [""]], [["decrease"], ["increase"]]),
    ).toEqual([[0.5], [0.5]]);
  });

  it("names the row of a bad cell in a single-column range", () => {
    const error = thrown(() => kpiAttainment([[1], ["abc"]], 5, "", ""));
    expect(error).toBeInstanceOf(KpiInputError);
    expect(error.message).toBe('actual "abc" (row 2) is not a number');
    expect(() => kpiAttainment(1, 5, "", [["up"], ["sideways"], ["down"]])).toThrow(
      'unknown direction "sideways" (row 2)',
    );
    expect(() => kpiAttainment([[1], [2], [3]], 5, [[0], [0], [10]], "")).toThrow(
      "target 5 (row 3) is below baseline 10",
    );
    expect(() => kpiAttainment([[1], [""]], 5, "", [["up"], ["decrease"]])).toThrow(
      "a Decrease goal (row 2) needs a baseline",
    );
  });

  it("names row and column of a bad cell in a wider range", () => {
    expect(() =>
      kpiAttainment(
        [
          [1, 2],
          [3, "x"],
        ],
        10,
        "",
        "",
      ),
    ).toThrow('actual "x" (row 2, column 2) is not a number');
  });

  it("rejects ranges of different shapes, naming both", () => {
    expect(() => kpiAttainment([[1], [2], [3]], [[1], [2]], "", "")).toThrow(
      "actual is 3×1 but target is 2×1",
    );
  });
});

describe("kpiPace", () => {
  it("gives the SPEC §4.3 example: half of January elapsed on the 16th", () => {
    expect(kpiPace("2026-01-01", "2026-01-31", "2026-01-16", clock)).toBe(0.5);
  });

  it("counts whole calendar days whatever the time of day of the dates", () => {
    expect(kpiPace("2026-01-01T23:59", "2026-01-31 00:01", "2026-01-16 12:00:00", clock)).toBe(0.5);
    expect(kpiPace(46023.9, 46053.1, 46038.5, clock)).toBe(0.5);
  });

  it.each([
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Europe/London",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
  ])("reads date cells of a spreadsheet in %s as their calendar days", (timeZone) => {
    const zoneClock = fixedClock(timeZone, "2026-01-16");
    const cell = (iso: string) => sheetDate(timeZone, iso);
    expect(kpiPace(cell("2026-01-01"), cell("2026-01-31"), cell("2026-01-16"), zoneClock)).toBe(
      0.5,
    );
    expect(kpiPace(cell("2026-03-01"), cell("2026-03-31"), cell("2026-03-29"), zoneClock)).toBe(
      28 / 30,
    );
  });

  it("clamps to 0 before the start and to 1 after the due date", () => {
    expect(kpiPace("2026-01-01", "2026-01-31", "2025-12-01", clock)).toBe(0);
    expect(kpiPace("2026-01-01", "2026-01-31", "2026-01-01", clock)).toBe(0);
    expect(kpiPace("2026-01-01", "2026-01-31", "2026-01-31", clock)).toBe(1);
    expect(kpiPace("2026-01-01", "2026-01-31", "2026-06-30", clock)).toBe(1);
  });

  it("gives 1 from a one-day window's due date on and 0 before it", () => {
    expect(kpiPace("2026-01-10", "2026-01-10", "2026-01-09", clock)).toBe(0);
    expect(kpiPace("2026-01-10", "2026-01-10", "2026-01-10", clock)).toBe(1);
    expect(kpiPace("2026-01-10", "2026-01-10", "2026-01-11", clock)).toBe(1);
  });

  it("gives blank when start or due is blank", () => {
    expect(kpiPace("", "2026-01-31", "2026-01-16", clock)).toBe("");
    expect(kpiPace("2026-01-01", null, "2026-01-16", clock)).toBe("");
    expect(kpiPace(undefined, undefined, undefined, clock)).toBe("");
  });

  it("uses the clock's today when as_of is blank", () => {
    expect(kpiPace("2026-01-01", "2026-01-31", "", fixedClock(AUCKLAND, "2026-01-16"))).toBe(0.5);
    expect(kpiPace("2026-01-01", "2026-01-31", null, fixedClock(AUCKLAND, "2026-01-25"))).toBe(0.8);
  });

  it("asks the clock for today once per formula, and not at all when as_of is given", () => {
    const blank = countingClock(AUCKLAND, "2026-01-16");
    const result = kpiPace([["2026-01-01"], ["2026-01-06"]], "2026-01-31", "", blank);
    expect(result).toEqual([[0.5], [0.4]]);
    expect(blank.asked).toBe(1);
    const given = countingClock(AUCKLAND, "2026-01-16");
    kpiPace([["2026-01-01"], ["2026-01-06"]], "2026-01-31", "2026-01-20", given);
    expect(given.asked).toBe(0);
  });

  it("names the row when due is before start", () => {
    expect(() =>
      kpiPace(
        [["2026-01-01"], ["2026-01-01"], ["2026-03-01"]],
        [["2026-02-01"], ["2026-02-01"], ["2026-01-01"]],
        "2026-01-16",
        clock,
      ),
    ).toThrow("due 2026-01-01 (row 3) is before start 2026-03-01");
    expect(() => kpiPace("2026-03-01", "2026-01-01", "", clock)).toThrow(
      "due 2026-01-01 is before start 2026-03-01",
    );
  });

  it("refuses values that are not dates, naming the argument and the place", () => {
    expect(() => kpiPace("2026-02-30", "2026-03-31", "", clock)).toThrow(
      'start "2026-02-30" is not a date',
    );
    expect(() => kpiPace("2026-01-01", [["2026-03-31"], ["soon"]], "", clock)).toThrow(
      'due "soon" (row 2) is not a date',
    );
    expect(() => kpiPace("2026-01-01", "2026-03-31", "46023", clock)).toThrow(
      'as_of "46023" is not a date',
    );
    expect(() => kpiPace("2026-01-01", "2026-03-31", true, clock)).toThrow(
      "as_of TRUE is not a date",
    );
  });

  it("checks as_of even when start or due is blank", () => {
    expect(() => kpiPace("", "2026-03-31", "someday", clock)).toThrow('as_of "someday"');
  });
});

describe("kpiStatus", () => {
  const status = (
    attainment: unknown,
    expected?: unknown,
    due?: unknown,
    asOf?: unknown,
    atRisk?: unknown,
    offTrack?: unknown,
  ) => kpiStatus(attainment, expected, due, asOf, atRisk, offTrack, clock);

  it("gives the documented examples", () => {
    expect(status(0.4, 0.5)).toBe("On track");
    expect(status(0.2, 0.5)).toBe("Off track");
  });

  it("is Achieved at attainment 1 or more, even after the due date", () => {
    expect(status(1, 0.5)).toBe("Achieved");
    expect(status(1.3, "")).toBe("Achieved");
    expect(status(1, 1, "2026-01-01", "2026-02-01")).toBe("Achieved");
  });

  it("counts attainment within 1e-9 of 1 as Achieved", () => {
    expect(status(0.9999999999, 1, "2026-01-01", "2026-02-01")).toBe("Achieved");
    expect(status(0.999999998, 1, "2026-01-01", "2026-02-01")).toBe("Missed");
  });

  it("is Missed after the due date without attainment 1, but not on the due date", () => {
    expect(status(0.5, 1, "2026-01-31", "2026-02-01")).toBe("Missed");
    expect(status("", "", "2026-01-31", "2026-02-01")).toBe("Missed");
    expect(status(0.95, 1, "2026-01-31", "2026-01-31")).toBe("On track");
  });

  it("is No data without attainment, and In progress without expected", () => {
    expect(status("", 0.5)).toBe("No data");
    expect(status("", "")).toBe("No data");
    expect(status(0.3, "")).toBe("In progress");
    expect(status(0.3, "", "2026-12-31")).toBe("In progress");
  });

  it("grades the gap against expected with the default gaps, boundaries included", () => {
    expect(status(0.5, 0.5)).toBe("On track");
    expect(status(0.9, 0.5)).toBe("On track");
    expect(status(0.4, 0.5)).toBe("On track");
    expect(status(0.7, 0.8)).toBe("On track"); // -0.10000000000000009 in floating point
    expect(status(0.39, 0.5)).toBe("At risk");
    expect(status(0.25, 0.5)).toBe("At risk");
    expect(status(0.3, 0.55)).toBe("At risk"); // -0.25000000000000006 in floating point
    expect(status(0.24, 0.5)).toBe("Off track");
    expect(status(-0.5, 0.2)).toBe("Off track");
  });

  it("uses the gaps it is given", () => {
    expect(status(0.3, 0.5, "", "", 0.2, 0.4)).toBe("On track");
    expect(status(0.29, 0.5, "", "", 0.2, 0.4)).toBe("At risk");
    expect(status(0.09, 0.5, "", "", 0.2, 0.4)).toBe("Off track");
    expect(status(0.45, 0.5, "", "", 0, 0)).toBe("Off track");
    expect(status(0.5, 0.5, "", "", 0, 0)).toBe("On track");
    expect(status(0.45, 0.5, "", "", "2%", "5%")).toBe("At risk");
  });

  it("uses the clock's today when as_of is blank", () => {
    const before = fixedClock(AUCKLAND, "2026-01-31");
    const after = fixedClock(AUCKLAND, "2026-02-01");
    expect(kpiStatus(0.5, 1, "2026-01-31", "", "", "", before)).toBe("Off track");
    expect(kpiStatus(0.5, 1, "2026-01-31", "", "", "", after)).toBe("Missed");
  });

  it("reads due and as_of as calendar days of the spreadsheet's zone", () => {
    for (const timeZone of ["Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu"]) {
      const zoneClock = fixedClock(timeZone, "2026-01-01");
      const due = sheetDate(timeZone, "2026-01-31");
      expect(kpiStatus(0.5, 1, due, sheetDate(timeZone, "2026-01-31"), "", "", zoneClock)).toBe(
        "Off track",
      );
      expect(kpiStatus(0.5, 1, due, sheetDate(timeZone, "2026-02-01"), "", "", zoneClock)).toBe(
        "Missed",
      );
    }
  });

  it("grades swapped or negative gaps by the rules as written", () => {
    // gap 0 ≥ −0.3 → On track, whatever the off-track gap.
    expect(status(0.5, 0.5, "", "", 0.3, 0.2)).toBe("On track");
    // gap −0.25 is below −0.2 (On track) and below −0.1 (At risk) → Off track.
    expect(status(0.25, 0.5, "", "", 0.2, 0.1)).toBe("Off track");
    // A negative at-risk gap asks to be ahead: gap 0 is below 0.05 (On track) but ≥ −0.25 → At risk.
    expect(status(0.5, 0.5, "", "", -0.05, "")).toBe("At risk");
  });

  it("refuses values that are not numbers or dates, naming the place", () => {
    expect(() => status("No data", 0.5)).toThrow('attainment "No data" is not a number');
    expect(() => status(0.5, "half")).toThrow('expected "half" is not a number');
    expect(() => status(0.5, 0.5, "tomorrow")).toThrow('due "tomorrow" is not a date');
    expect(() => status(0.5, 0.5, "", "2026-13-01")).toThrow('as_of "2026-13-01" is not a date');
    expect(() => status(0.5, 0.5, "", "", "wide")).toThrow('at_risk_gap "wide" is not a number');
    expect(() => status([[0.5], [0.2], ["x"]], 0.5)).toThrow(
      'attainment "x" (row 3) is not a number',
    );
    expect(() => status([[0.5], [0.2]], 0.5, "", "", [[0.1], ["wide"]])).toThrow(
      'at_risk_gap "wide" (row 2) is not a number',
    );
  });

  it("works element-wise on ranges", () => {
    expect(
      status(
        [[1], [0.4], [0.3], [0.1], [""], [0.5], [0.2]],
        [[0.5], [0.5], [0.5], [0.5], [0.5], [""], [1]],
        [[""], [""], [""], [""], [""], [""], ["2026-01-10"]],
      ),
    ).toEqual([
      ["Achieved"],
      ["On track"],
      ["At risk"],
      ["Off track"],
      ["No data"],
      ["In progress"],
      ["Missed"],
    ]);
  });
});

describe("KPI_ATTAINMENT direction names", () => {
  it("refuses a direction that is only an Object.prototype member name", () => {
    expect(() => kpiAttainment(50, 100, 0, "constructor")).toThrow(
      /unknown direction "constructor"/,
    );
  });
});

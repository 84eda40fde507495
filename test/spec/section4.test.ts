/**
 * SPEC §4.1–§4.5 read sentence by sentence and checked against the built dist/Code.js, called the
 * way Sheets calls a custom function. Expected values are worked out by hand from the SPEC text
 * (the arithmetic is in the comments), not taken from the implementation.
 */

import { wallClock } from "../../emulator/timezone";
import { day } from "../support/clock";
import { datesIn, functionsIn, isDate, plain, thrown, ZONES } from "./harness";

describe.each(ZONES)("in a spreadsheet in $tz", ({ tz, scriptTz }) => {
  const { KPI_ATTAINMENT, KPI_PACE, KPI_STATUS, KPI_SPLIT } = functionsIn(tz, scriptTz);
  const { d, serial, at } = datesIn(tz);

  describe("§4.1 numbers", () => {
    it("takes a JS number, a trimmed decimal string and a percent string", () => {
      expect(KPI_ATTAINMENT(50, 100)).toBe(0.5);
      expect(KPI_ATTAINMENT(" 12.5 ", "25")).toBe(0.5);
      expect(KPI_ATTAINMENT("-25", 100)).toBe(-0.25);
      // "5%" → 0.05, so (0.03 − 0.01) / (0.05 − 0.01) = 0.5
      expect(KPI_ATTAINMENT(0.03, "5%", 0.01)).toBeCloseTo(0.5, 12);
      // "50%" / 1 = 0.5
      expect(KPI_ATTAINMENT("50%", 1)).toBe(0.5);
    });

    it.each([
      ["a word", "abc"],
      ["a number followed by text", "12abc"],
      ["a thousands separator", "1,000"],
      ["hexadecimal", "0x10"],
      ["Infinity", "Infinity"],
      ["a boolean", true],
      ["a date cell", new Date(Date.UTC(2026, 0, 1))],
    ])("rejects %s where a number is needed, naming the function", (_label, value) => {
      expect(thrown(() => KPI_ATTAINMENT(value, 100))).toMatch(/^KPI_ATTAINMENT: /);
      expect(thrown(() => KPI_ATTAINMENT(50, value))).toMatch(/^KPI_ATTAINMENT: /);
    });

    it("says which argument holds the bad number", () => {
      expect(thrown(() => KPI_ATTAINMENT("abc", 100))).toMatch(/actual/i);
      expect(thrown(() => KPI_ATTAINMENT(50, "abc"))).toMatch(/target/i);
      expect(thrown(() => KPI_ATTAINMENT(50, 100, "abc"))).toMatch(/baseline/i);
    });

    it.each([
      ["an empty string", ""],
      ["null", null],
      ["undefined", undefined],
    ])("treats %s as blank", (_label, blank) => {
      expect(KPI_ATTAINMENT(blank, 100)).toBe("");
      expect(KPI_ATTAINMENT(50, blank)).toBe("");
      // blank baseline → 0 for an increase: (50 − 0) / (100 − 0)
      expect(KPI_ATTAINMENT(50, 100, blank)).toBe(0.5);
      expect(KPI_ATTAINMENT(50, 100, 0, blank)).toBe(0.5);
    });
  });

  describe("§4.1 dates", () => {
    // 2026-01-01 → 2026-01-31 is 30 days; the 16th is 15 days in: 15 / 30 = 0.5
    it("takes a date cell, a serial day and an ISO string alike", () => {
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-01-16"))).toBe(0.5);
      expect(KPI_PACE(serial("2026-01-01"), serial("2026-01-31"), serial("2026-01-16"))).toBe(0.5);
      expect(KPI_PACE("2026-01-01", "2026-01-31", "2026-01-16")).toBe(0.5);
      expect(KPI_PACE(d("2026-01-01"), "2026-01-31", serial("2026-01-16"))).toBe(0.5);
    });

    it("reduces a time of day to its calendar day in the spreadsheet's zone", () => {
      // 23:30 and 00:30 on the 16th are both the 16th: still 15 / 30
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), at("2026-01-16", 23.5))).toBe(0.5);
      expect(KPI_PACE(at("2026-01-01", 0.5), d("2026-01-31"), at("2026-01-16", 0.5))).toBe(0.5);
      // serial 46038.9 is 21:36 on 2026-01-16
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), serial("2026-01-16") + 0.9)).toBe(0.5);
      expect(KPI_PACE("2026-01-01", "2026-01-31", "2026-01-16T23:59")).toBe(0.5);
      expect(KPI_PACE("2026-01-01 08:00", "2026-01-31", "2026-01-16 23:59:59")).toBe(0.5);
    });

    it.each([
      ["a numeric string", String(46038)],
      ["a zone suffix Z", "2026-01-16T08:00Z"],
      ["a zone offset", "2026-01-16T08:00+08:00"],
      ["slashes", "2026/01/16"],
      ["a day-first date", "16/01/2026"],
      ["an impossible day", "2026-02-30"],
      ["a word", "tomorrow"],
      ["a boolean", true],
    ])("rejects %s where a date is needed, naming the function", (_label, value) => {
      expect(thrown(() => KPI_PACE(d("2026-01-01"), d("2026-01-31"), value))).toMatch(
        /^KPI_PACE: /,
      );
    });

    it("counts whole calendar days across a DST change", () => {
      // Los Angeles springs forward on 2026-03-08: 15 of 30 days is still 0.5
      expect(KPI_PACE(d("2026-03-01"), d("2026-03-31"), d("2026-03-16"))).toBe(0.5);
      // Auckland falls back on 2026-04-05: 5 of 10 days
      expect(KPI_PACE(d("2026-04-01"), d("2026-04-11"), d("2026-04-06"))).toBe(0.5);
      // Taipei, Los Angeles and Auckland all change nothing in June: 1 of 4 days
      expect(KPI_PACE(d("2026-06-01"), d("2026-06-05"), d("2026-06-02"))).toBe(0.25);
    });
  });

  describe("§4.1 element-wise ranges", () => {
    it("uses a single value for every cell and returns the ranges' shape", () => {
      // (50 − 0) / 100 and (75 − 0) / 100
      expect(KPI_ATTAINMENT([[50], [75]], 100)).toEqual([[0.5], [0.75]]);
      // row: 0.25, 0.5, 1
      expect(KPI_ATTAINMENT([[25, 50, 100]], 100)).toEqual([[0.25, 0.5, 1]]);
      // per-cell direction: (50 − 0) / 100 = 0.5; decrease (10 − 8) / (10 − 5) = 0.4
      expect(KPI_ATTAINMENT([[50], [8]], [[100], [5]], [[0], [10]], [["up"], ["down"]])).toEqual([
        [0.5],
        [0.4],
      ]);
    });

    it("returns a single value when no argument is a range", () => {
      expect(KPI_ATTAINMENT(50, 100)).toBe(0.5);
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-01-16"))).toBe(0.5);
      expect(KPI_STATUS(0.5, 0.5)).toBe("On track");
    });

    it("keeps a 1×1 range a range", () => {
      expect(KPI_ATTAINMENT([[50]], 100)).toEqual([[0.5]]);
    });

    it("works on 2-D ranges cell by cell", () => {
      const starts = [
        [d("2026-01-01"), d("2026-02-01")],
        [d("2026-01-01"), ""],
      ];
      const dues = [
        [d("2026-01-31"), d("2026-02-11")],
        [d("2026-01-11"), d("2026-02-11")],
      ];
      // as_of 2026-02-06: 36/30 → 1; 5/10 = 0.5; 36/10 → 1; blank start → ""
      expect(KPI_PACE(starts, dues, d("2026-02-06"))).toEqual([
        [1, 0.5],
        [1, ""],
      ]);
    });

    it("rejects ranges of different shapes", () => {
      expect(thrown(() => KPI_ATTAINMENT([[1], [2]], [[1, 2]]))).toMatch(/^KPI_ATTAINMENT: /);
      expect(
        thrown(() => KPI_PACE([[d("2026-01-01")], [d("2026-01-01")]], [[d("2026-02-01")]])),
      ).toMatch(/^KPI_PACE: /);
      expect(thrown(() => KPI_STATUS([[0.5, 0.5]], [[0.5], [0.5]]))).toMatch(/^KPI_STATUS: /);
    });

    it("names the function and the row of a bad cell", () => {
      const dues = [[d("2026-03-31")], [d("2026-04-01")], [d("2026-01-01")]];
      const message = thrown(() => KPI_PACE(d("2026-03-01"), dues, d("2026-03-16")));
      expect(message).toMatch(/^KPI_PACE: /);
      expect(message).toMatch(/row 3\b/);
      expect(message).toMatch(/2026-01-01/);
      expect(message).toMatch(/2026-03-01/);
      expect(thrown(() => KPI_ATTAINMENT([[50], ["lots"]], 100))).toMatch(
        /^KPI_ATTAINMENT: .*row 2\b/,
      );
      expect(thrown(() => KPI_STATUS([[0.5], [0.5], ["high"]], 0.5))).toMatch(
        /^KPI_STATUS: .*row 3\b/,
      );
    });
  });

  describe("§4.2 KPI_ATTAINMENT", () => {
    it("gives the SPEC's examples", () => {
      expect(KPI_ATTAINMENT(50, 100)).toBe(0.5);
      expect(KPI_ATTAINMENT(7.5, 5, 10, "decrease")).toBe(0.5);
      expect(KPI_ATTAINMENT(120, 100)).toBe(1.2);
      expect(KPI_ATTAINMENT(0.03, "5%", 0.01)).toBeCloseTo(0.5, 12);
      expect(KPI_ATTAINMENT(5, 5, 10, "lower is better")).toBe(1);
      expect(KPI_ATTAINMENT(100, 100, 100)).toBe(1);
      expect(KPI_ATTAINMENT(99, 100, "", "at least")).toBe(0);
    });

    it.each([
      "increase",
      "Increase",
      "up",
      "HIGHER",
      "higher is better",
      "Higher_is-Better",
      " increase ",
    ])("reads %p as increase", (direction) => {
      // (60 − 20) / (100 − 20) = 0.5
      expect(KPI_ATTAINMENT(60, 100, 20, direction)).toBe(0.5);
    });

    it.each(["decrease", "Down", "lower", "Lower is better", "lower_is_better", "LOWER-IS-BETTER"])(
      "reads %p as decrease",
      (direction) => {
        // (100 − 60) / (100 − 20) = 0.5
        expect(KPI_ATTAINMENT(60, 20, 100, direction)).toBe(0.5);
      },
    );

    it.each(["at least", "AtLeast", "at_least", "min", "stay above", "Stay-Above", ">="])(
      "reads %p as at least",
      (direction) => {
        expect(KPI_ATTAINMENT(100, 100, "", direction)).toBe(1);
        expect(KPI_ATTAINMENT(101, 100, "", direction)).toBe(1);
        expect(KPI_ATTAINMENT(99, 100, "", direction)).toBe(0);
      },
    );

    it.each(["at most", "AtMost", "at-most", "max", "stay below", "STAY_BELOW", "<="])(
      "reads %p as at most",
      (direction) => {
        expect(KPI_ATTAINMENT(100, 100, "", direction)).toBe(1);
        expect(KPI_ATTAINMENT(99, 100, "", direction)).toBe(1);
        expect(KPI_ATTAINMENT(101, 100, "", direction)).toBe(0);
      },
    );

    it("ignores the baseline for at least and at most, on either side of the target", () => {
      expect(KPI_ATTAINMENT(5, 3, 10, "at least")).toBe(1);
      expect(KPI_ATTAINMENT(5, 30, 10, "at most")).toBe(1);
      expect(KPI_ATTAINMENT(5, 30, 10, "at least")).toBe(0);
    });

    it("does not clamp or round", () => {
      // (−10 − 0) / 100
      expect(KPI_ATTAINMENT(-10, 100)).toBe(-0.1);
      // (150 − 0) / 100
      expect(KPI_ATTAINMENT(150, 100)).toBe(1.5);
      // decrease beyond the target: (10 − 2) / (10 − 5) = 1.6
      expect(KPI_ATTAINMENT(2, 5, 10, "decrease")).toBe(1.6);
      // decrease gone the wrong way: (10 − 12) / (10 − 5) = −0.4
      expect(KPI_ATTAINMENT(12, 5, 10, "decrease")).toBe(-0.4);
      // 1 / 3 unrounded
      expect(KPI_ATTAINMENT(1, 3)).toBe(1 / 3);
    });

    it("meets a target equal to the baseline in the goal's direction", () => {
      expect(KPI_ATTAINMENT(100, 100, 100)).toBe(1);
      expect(KPI_ATTAINMENT(101, 100, 100)).toBe(1);
      expect(KPI_ATTAINMENT(99, 100, 100)).toBe(0);
      expect(KPI_ATTAINMENT(5, 5, 5, "decrease")).toBe(1);
      expect(KPI_ATTAINMENT(4, 5, 5, "decrease")).toBe(1);
      expect(KPI_ATTAINMENT(6, 5, 5, "decrease")).toBe(0);
      // blank baseline is 0 for increase: target 0 = baseline
      expect(KPI_ATTAINMENT(0, 0)).toBe(1);
      expect(KPI_ATTAINMENT(-1, 0)).toBe(0);
    });

    it("gives blank for a blank actual or target", () => {
      expect(KPI_ATTAINMENT("", 100)).toBe("");
      expect(KPI_ATTAINMENT(50, "")).toBe("");
      expect(KPI_ATTAINMENT("", "", 10, "decrease")).toBe("");
      expect(KPI_ATTAINMENT("", 100, "", "at least")).toBe("");
    });

    it("names the right direction for a target on the wrong side of the baseline", () => {
      const increase = thrown(() => KPI_ATTAINMENT(5, 10, 20));
      expect(increase).toMatch(/^KPI_ATTAINMENT: /);
      expect(increase).toMatch(/decrease/i);
      const decrease = thrown(() => KPI_ATTAINMENT(5, 30, 20, "decrease"));
      expect(decrease).toMatch(/^KPI_ATTAINMENT: /);
      expect(decrease).toMatch(/increase/i);
    });

    it("rejects a wrong set-up even while the actual is blank", () => {
      expect(thrown(() => KPI_ATTAINMENT("", 100, 0, "sideways"))).toMatch(/^KPI_ATTAINMENT: /);
      expect(thrown(() => KPI_ATTAINMENT("", 5, "", "decrease"))).toMatch(/^KPI_ATTAINMENT: /);
      expect(thrown(() => KPI_ATTAINMENT("", 10, 20))).toMatch(/^KPI_ATTAINMENT: .*decrease/i);
      expect(thrown(() => KPI_ATTAINMENT("", 30, 20, "down"))).toMatch(
        /^KPI_ATTAINMENT: .*increase/i,
      );
    });

    it("rejects an unknown direction and a decrease without baseline", () => {
      expect(thrown(() => KPI_ATTAINMENT(50, 100, 0, "sideways"))).toMatch(
        /^KPI_ATTAINMENT: .*sideways/,
      );
      expect(thrown(() => KPI_ATTAINMENT(7, 5, "", "decrease"))).toMatch(/^KPI_ATTAINMENT: /);
      expect(thrown(() => KPI_ATTAINMENT(7, 5, null, "lower is better"))).toMatch(
        /^KPI_ATTAINMENT: /,
      );
    });

    it.each(["toString", "constructor", "__proto__", "hasOwnProperty"])(
      "rejects %p as a direction",
      (direction) => {
        expect(thrown(() => KPI_ATTAINMENT(50, 100, 0, direction))).toMatch(/^KPI_ATTAINMENT: /);
      },
    );
  });

  describe("§4.3 KPI_PACE", () => {
    it("gives the SPEC's example", () => {
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-01-16"))).toBe(0.5);
    });

    it("clamps to 0 before the start and to 1 after the due date", () => {
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2025-12-01"))).toBe(0);
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-01-01"))).toBe(0);
      // one day in: 1 / 30
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-01-02"))).toBe(1 / 30);
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-01-31"))).toBe(1);
      expect(KPI_PACE(d("2026-01-01"), d("2026-01-31"), d("2026-06-01"))).toBe(1);
    });

    it("gives 1 from the due day on when due = start, 0 before", () => {
      expect(KPI_PACE(d("2026-01-10"), d("2026-01-10"), d("2026-01-09"))).toBe(0);
      expect(KPI_PACE(d("2026-01-10"), d("2026-01-10"), d("2026-01-10"))).toBe(1);
      expect(KPI_PACE(d("2026-01-10"), d("2026-01-10"), d("2026-01-11"))).toBe(1);
      // different times of the same day are still due = start
      expect(KPI_PACE(at("2026-01-10", 9), at("2026-01-10", 17), at("2026-01-10", 1))).toBe(1);
    });

    it("gives blank for a blank start or due", () => {
      expect(KPI_PACE("", d("2026-01-31"), d("2026-01-16"))).toBe("");
      expect(KPI_PACE(d("2026-01-01"), null, d("2026-01-16"))).toBe("");
      expect(KPI_PACE(undefined, undefined, d("2026-01-16"))).toBe("");
    });

    it("uses today for a blank as_of", () => {
      expect(KPI_PACE(d("2000-01-01"), d("2000-12-31"))).toBe(1);
      expect(KPI_PACE(d("2000-01-01"), d("2000-12-31"), "")).toBe(1);
      expect(KPI_PACE(d("2999-01-01"), d("2999-12-31"), null)).toBe(0);
    });

    it("rejects a due date before the start, with both dates", () => {
      const message = thrown(() => KPI_PACE(d("2026-03-01"), d("2026-01-01"), d("2026-02-01")));
      expect(message).toMatch(/^KPI_PACE: /);
      expect(message).toMatch(/2026-01-01/);
      expect(message).toMatch(/2026-03-01/);
    });

    it("rejects a due date before the start even without an as_of", () => {
      expect(thrown(() => KPI_PACE(d("2026-03-01"), d("2026-01-01")))).toMatch(/^KPI_PACE: /);
    });
  });

  describe("§4.4 KPI_STATUS", () => {
    const due = d("2026-01-31");

    it("puts Achieved first, even after the due date", () => {
      expect(KPI_STATUS(1, 0.5)).toBe("Achieved");
      expect(KPI_STATUS(1.3, "", due, d("2026-03-01"))).toBe("Achieved");
      // within 1e-9 of 1
      expect(KPI_STATUS(1 - 1e-10, 1, due, d("2026-03-01"))).toBe("Achieved");
      expect(KPI_STATUS(1 - 1e-7, 1, due, d("2026-03-01"))).toBe("Missed");
    });

    it("gives Missed after the due date, before No data", () => {
      expect(KPI_STATUS(0.5, 1, due, d("2026-02-01"))).toBe("Missed");
      expect(KPI_STATUS("", "", due, d("2026-02-01"))).toBe("Missed");
      expect(KPI_STATUS("", 1, "2026-01-31", "2026-02-01")).toBe("Missed");
      // on the due day itself it is not missed yet: gap 0.5 − 1 = −0.5 → Off track
      expect(KPI_STATUS(0.5, 1, due, d("2026-01-31"))).toBe("Off track");
      expect(KPI_STATUS(0.5, 1, due, at("2026-01-31", 23.9))).toBe("Off track");
    });

    it("uses today for a blank as_of", () => {
      expect(KPI_STATUS(0.5, 1, d("2000-01-01"))).toBe("Missed");
      expect(KPI_STATUS(0.5, 0.5, d("2999-01-01"), "")).toBe("On track");
    });

    it("gives No data for a blank attainment and In progress for a blank expected", () => {
      expect(KPI_STATUS("", 0.5)).toBe("No data");
      expect(KPI_STATUS(null, 0.5, due, d("2026-01-10"))).toBe("No data");
      expect(KPI_STATUS("")).toBe("No data");
      expect(KPI_STATUS(0.2)).toBe("In progress");
      expect(KPI_STATUS(0.2, "", due, d("2026-01-10"))).toBe("In progress");
    });

    it("grades the gap with the default 0.10 and 0.25 gaps", () => {
      // gap = attainment − expected
      expect(KPI_STATUS(0.6, 0.5)).toBe("On track"); // +0.1
      expect(KPI_STATUS(0.4, 0.5)).toBe("On track"); // −0.1
      expect(KPI_STATUS(0.39, 0.5)).toBe("At risk"); // −0.11
      expect(KPI_STATUS(0.25, 0.5)).toBe("At risk"); // −0.25
      expect(KPI_STATUS(0.24, 0.5)).toBe("Off track"); // −0.26
      expect(KPI_STATUS(-0.5, 0.5)).toBe("Off track"); // −1
    });

    it("compares gaps with a 1e-9 tolerance", () => {
      // 0.3 − 0.4 = −0.10000000000000003 in floating point: still −0.1
      expect(KPI_STATUS(0.3, 0.4)).toBe("On track");
      // 0.3 − 0.55 = −0.25000000000000006: still −0.25
      expect(KPI_STATUS(0.3, 0.55)).toBe("At risk");
      // 1e-8 beyond a boundary is beyond it
      expect(KPI_STATUS(0.4 - 1e-8, 0.5)).toBe("At risk");
      expect(KPI_STATUS(0.25 - 1e-8, 0.5)).toBe("Off track");
    });

    it("takes custom gaps, as numbers or percents", () => {
      expect(KPI_STATUS(0.3, 0.5, "", "", 0.2, 0.3)).toBe("On track"); // −0.2 ≥ −0.2
      expect(KPI_STATUS(0.25, 0.5, "", "", 0.2, 0.3)).toBe("At risk"); // −0.25 ≥ −0.3
      expect(KPI_STATUS(0.15, 0.5, "", "", 0.2, 0.3)).toBe("Off track"); // −0.35
      expect(KPI_STATUS(0.3, 0.5, "", "", "20%", "30%")).toBe("On track");
      // blank gaps fall back to the defaults
      expect(KPI_STATUS(0.39, 0.5, "", "", "", "")).toBe("At risk");
      expect(KPI_STATUS(0.39, 0.5, "", "", 0.2)).toBe("On track");
    });

    it("reads percents in attainment and expected", () => {
      expect(KPI_STATUS("40%", "50%")).toBe("On track");
      expect(KPI_STATUS("100%", "")).toBe("Achieved");
    });

    it("rejects a non-number attainment, expected or gap", () => {
      expect(thrown(() => KPI_STATUS("high", 0.5))).toMatch(/^KPI_STATUS: /);
      expect(thrown(() => KPI_STATUS(0.5, "half"))).toMatch(/^KPI_STATUS: /);
      expect(thrown(() => KPI_STATUS(0.5, 0.5, "", "", "wide"))).toMatch(/^KPI_STATUS: /);
      expect(thrown(() => KPI_STATUS(0.5, 0.5, "soon"))).toMatch(/^KPI_STATUS: /);
    });

    it("works element-wise over a column of KPIs", () => {
      expect(
        KPI_STATUS(
          [[1], [0.5], [""], [0.45], [0.1]],
          [[0.5], [1], [0.5], [""], [0.5]],
          due,
          d("2026-01-20"),
        ),
      ).toEqual([["Achieved"], ["Off track"], ["No data"], ["In progress"], ["Off track"]]);
      expect(KPI_STATUS(0.5, 0.5, [[d("2026-01-10")], [d("2026-01-20")]], d("2026-01-15"))).toEqual(
        [["Missed"], ["On track"]],
      );
    });
  });

  describe("§4.5 KPI_SPLIT", () => {
    it("gives the SPEC's examples", () => {
      expect(KPI_SPLIT(10_000_000, [[4], [3], [2], [1]])).toEqual([
        [4_000_000],
        [3_000_000],
        [2_000_000],
        [1_000_000],
      ]);
      expect(KPI_SPLIT(100, 3)).toEqual([[34], [33], [33]]);
      expect(KPI_SPLIT(10, [[1], [""], [1]])).toEqual([[5], [""], [5]]);
    });

    it("gives the unit left over to the largest remainder, ties to the earlier part", () => {
      // 1 × 1/3 = 0.333, 1 × 2/3 = 0.667: floors 0 + 0, the one unit goes to the larger remainder
      expect(KPI_SPLIT(1, [[1], [2]])).toEqual([[0], [1]]);
      // 10 × (1, 1, 1)/3 = 3.333 each: floors 9, one unit to the first
      expect(KPI_SPLIT(10, [[1], [1], [1]])).toEqual([[4], [3], [3]]);
      // 100 / 7 = 14.2857 each: floors 98, two units to the first two
      expect(KPI_SPLIT(100, 7)).toEqual([[15], [15], [14], [14], [14], [14], [14]]);
      // 10 × (2, 3, 3)/8 = 2.5, 3.75, 3.75: floors 8, units to the two .75s (tie → both)
      expect(KPI_SPLIT(10, [[2], [3], [3]])).toEqual([[2], [4], [4]]);
      // 9 × (3, 3, 2)/8 = 3.375, 3.375, 2.25: floors 8; the one unit ties at .375 → the earlier
      expect(KPI_SPLIT(9, [[3], [3], [2]])).toEqual([[4], [3], [2]]);
    });

    it("adds up to the total exactly", () => {
      const weights = [[7], [13], [29], [1], [0.5], [3.25]];
      for (const total of [1, 99, 1000, 123_457, 10_000_000]) {
        const parts = (KPI_SPLIT(total, weights) as number[][]).map((row) => row[0] as number);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
        for (const part of parts) expect(Number.isInteger(part)).toBe(true);
      }
    });

    it("rounds to the given decimals by largest remainder", () => {
      // 100 / 3 = 33.333…: 33.33 each = 99.99, the 0.01 left goes to the first
      expect(KPI_SPLIT(100, 3, 2)).toEqual([[33.34], [33.33], [33.33]]);
      // 10.5 in tenths is 105 tenths / 2 = 52.5 each: 5.3 and 5.2
      expect(KPI_SPLIT(10.5, [[1], [1]], 1)).toEqual([[5.3], [5.2]]);
      // 4.35 is 4.3499999… in binary but has two decimals: 435 hundredths / 3 = 145 each
      expect(KPI_SPLIT(4.35, 3, 2)).toEqual([[1.45], [1.45], [1.45]]);
      // 0.3 in tenths is 3 / 3
      expect(KPI_SPLIT(0.3, [[1], [1], [1]], 1)).toEqual([[0.1], [0.1], [0.1]]);
      // ten decimals: 1e10 units / 3 = 3333333333.33: one unit to the first
      expect(KPI_SPLIT(1, 3, 10)).toEqual([[0.3333333334], [0.3333333333], [0.3333333333]]);
    });

    it("splits a negative total like a positive one", () => {
      expect(KPI_SPLIT(-100, 3)).toEqual([[-34], [-33], [-33]]);
      expect(plain(KPI_SPLIT(-1, [[1], [2]]))).toEqual([[0], [-1]]);
      expect(KPI_SPLIT(-10, [[4], [3], [2], [1]])).toEqual([[-4], [-3], [-2], [-1]]);
    });

    it("returns the weights' shape, blank cells blank", () => {
      // 100 × (1, 1, 2)/4
      expect(KPI_SPLIT(100, [[1, 1, 2]])).toEqual([[25, 25, 50]]);
      expect(KPI_SPLIT(10, [[1], [null], [undefined]])).toEqual([[10], [""], [""]]);
      expect(
        KPI_SPLIT(12, [
          [1, ""],
          ["", 2],
        ]),
      ).toEqual([
        [4, ""],
        ["", 8],
      ]);
    });

    it("gives tied units to the earlier part in reading order of a 2-D range", () => {
      // 10 / 4 = 2.5 each: floors 8, the two units to the first two cells of the first row
      expect(
        KPI_SPLIT(10, [
          [1, 1],
          [1, 1],
        ]),
      ).toEqual([
        [3, 3],
        [2, 2],
      ]);
    });

    it("gives a zero weight a zero part", () => {
      expect(KPI_SPLIT(10, [[0], [1]])).toEqual([[0], [10]]);
    });

    it("reads weights and total given as text numbers", () => {
      expect(KPI_SPLIT("10", [[" 1 "], ["1"]])).toEqual([[5], [5]]);
      // weights 50% and 50%
      expect(KPI_SPLIT(10, [["50%"], ["50%"]])).toEqual([[5], [5]]);
    });

    it("splits into N equal parts for a whole number N, as a column", () => {
      expect(KPI_SPLIT(100, 4)).toEqual([[25], [25], [25], [25]]);
      expect(KPI_SPLIT(10, 1)).toEqual([[10]]);
    });

    it("splits into three parts when a single cell holding 3 is referenced (its value arrives)", () => {
      // =KPI_SPLIT(100, B2) with B2 = 3: Sheets hands the function the number 3
      expect(KPI_SPLIT(100, 3)).toEqual([[34], [33], [33]]);
    });

    it("treats a 1×1 range as one part, not as N", () => {
      expect(KPI_SPLIT(100, [[3]])).toEqual([[100]]);
      expect(KPI_SPLIT(100, [[0.5]])).toEqual([[100]]);
    });

    it.each([
      ["a negative weight", () => KPI_SPLIT(10, [[1], [-1], [2]])],
      ["weights adding up to 0", () => KPI_SPLIT(10, [[0], [0]])],
      ["all weights blank", () => KPI_SPLIT(10, [[""], [""]])],
      ["a 1×1 range of 0", () => KPI_SPLIT(100, [[0]])],
      ["N = 0", () => KPI_SPLIT(100, 0)],
      ["a negative N", () => KPI_SPLIT(100, -3)],
      ["a fractional N", () => KPI_SPLIT(100, 2.5)],
      ["a blank total", () => KPI_SPLIT("", 3)],
      ["a null total", () => KPI_SPLIT(null, [[1], [1]])],
      ["a text total", () => KPI_SPLIT("lots", 3)],
      ["a text weight", () => KPI_SPLIT(10, [[1], ["half"]])],
      ["a total with decimals when decimals = 0", () => KPI_SPLIT(10.5, [[1], [1]])],
      ["a total with more decimals than asked", () => KPI_SPLIT(10.25, [[1], [1]], 1)],
      ["decimals above 10", () => KPI_SPLIT(100, 3, 11)],
      ["negative decimals", () => KPI_SPLIT(100, 3, -1)],
      ["text decimals", () => KPI_SPLIT(100, 3, "two")],
    ])("rejects %s", (_label, run) => {
      expect(thrown(run)).toMatch(/^KPI_SPLIT: /);
    });

    it("accepts decimals from 0 to 10", () => {
      expect(KPI_SPLIT(6, 3, 0)).toEqual([[2], [2], [2]]);
      expect(KPI_SPLIT(6, 3, 10)).toEqual([[2], [2], [2]]);
      expect(KPI_SPLIT(6, 3, "")).toEqual([[2], [2], [2]]);
    });

    it("returns plain numbers, never dates", () => {
      const parts = KPI_SPLIT(10, [[1], [1]]) as unknown[][];
      for (const row of parts) expect(isDate(row[0])).toBe(false);
    });
  });
});

describe("a blank as_of is today in the spreadsheet's zone, not the script's or the machine's", () => {
  // UTC+14 and UTC−11 are 25 hours apart, so their calendar days always differ.
  const tz = "Pacific/Kiritimati";
  const { KPI_PACE, KPI_STATUS, KPI_ROLLUP } = functionsIn(tz, "Pacific/Pago_Pago");

  const todayIn = (zone: string): string => {
    const { year, month, day: dayOfMonth } = wallClock(zone, Date.now());
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${year}-${pad(month)}-${pad(dayOfMonth)}`;
  };

  /** Runs `check` with today's serial day in `tz`, again if the day turned meanwhile. */
  function onToday(check: (today: number) => void): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = todayIn(tz);
      let failure: unknown;
      try {
        check(day(before));
      } catch (error) {
        failure = error;
      }
      if (todayIn(tz) === before) {
        if (failure !== undefined) throw failure;
        return;
      }
    }
    throw new Error("the day kept turning during the test");
  }

  it("KPI_PACE counts to today", () => {
    // yesterday → tomorrow, today is 1 of 2 days
    onToday((today) => expect(KPI_PACE(today - 1, today + 1)).toBe(0.5));
  });

  it("KPI_STATUS is Missed the day after Due, not on it", () => {
    onToday((today) => {
      expect(KPI_STATUS(0.5, 1, today - 1)).toBe("Missed");
      expect(KPI_STATUS(0.5, 1, today)).toBe("Off track");
    });
  });

  it("KPI_ROLLUP computes for today", () => {
    onToday((today) => {
      const out = KPI_ROLLUP(
        [
          ["ID", "Target", "Start", "Due"],
          ["KPI-1", 10, today - 1, today + 1],
        ],
        [
          ["Date", "KPI ID", "Value"],
          [today, "KPI-1", 4],
          [today + 1, "KPI-1", 4],
        ],
        "",
        "ID,Actual,Expected",
      );
      // tomorrow's check-in is after as_of
      expect(out).toEqual([
        ["ID", "Actual", "Expected"],
        ["KPI-1", 4, 0.5],
      ]);
    });
  });
});

describe.each(ZONES)("non-finite numbers in a spreadsheet in $tz", ({ tz, scriptTz }) => {
  const { KPI_ATTAINMENT, KPI_PACE, KPI_STATUS, KPI_SPLIT } = functionsIn(tz, scriptTz);

  describe("numbers that are not finite (§4.7 edge cases: every other function refuses them)", () => {
    const INFINITE = Number.POSITIVE_INFINITY;

    it.each([
      ["KPI_ATTAINMENT", () => KPI_ATTAINMENT(INFINITE, 100), /^KPI_ATTAINMENT: actual Infinity/],
      ["KPI_ATTAINMENT", () => KPI_ATTAINMENT(50, Number.NaN), /^KPI_ATTAINMENT: target NaN/],
      ["KPI_STATUS", () => KPI_STATUS(INFINITE, 0.5), /^KPI_STATUS: attainment Infinity/],
      ["KPI_STATUS", () => KPI_STATUS(0.5, 0.5, "", "", INFINITE), /^KPI_STATUS: at_risk_gap/],
      ["KPI_PACE", () => KPI_PACE(INFINITE, 46_023, 46_023), /^KPI_PACE: start Infinity/],
      ["KPI_SPLIT", () => KPI_SPLIT(INFINITE, 3), /^KPI_SPLIT: total Infinity/],
      [
        "KPI_SPLIT",
        () => KPI_SPLIT(100, [[1], [INFINITE]]),
        /^KPI_SPLIT: weight Infinity \(row 2\)/,
      ],
    ])("%s refuses it with a named error", (_name, run, message) => {
      expect(thrown(run)).toMatch(message);
    });

    it("refuses an attainment whose arithmetic overflows instead of returning Infinity", () => {
      // (1e308 − (−1e308)) overflows
      expect(thrown(() => KPI_ATTAINMENT(1e308, 1, -1e308))).toMatch(
        /^KPI_ATTAINMENT: Attainment is too large to compute/,
      );
    });
  });
});

/**
 * SPEC §4.7 "Habits" and the habit lines of "Edge cases, decided", checked against the built
 * dist/Code.js with the guide's personal-growth habits. Periods and the arithmetic of each
 * expected value are in the comments (2026-01-05 is a Monday).
 */

import { checkins, datesIn, functionsIn, type KpiRow, registry, rowOf, ZONES } from "./harness";

const FIELDS = "ID,Actual,Attainment,Expected,Status,Score,Check-ins,Last check-in,Streak";

describe.each(ZONES)("KPI_ROLLUP habits in a spreadsheet in $tz", ({ tz, scriptTz }) => {
  const { KPI_ROLLUP } = functionsIn(tz, scriptTz);
  const { d } = datesIn(tz);

  const habitRow = (
    habit: KpiRow,
    log: [unknown, unknown, unknown][],
    asOf: unknown,
    others: KpiRow[] = [],
  ): Record<string, unknown> =>
    rowOf(KPI_ROLLUP(registry([habit, ...others]), checkins(log), asOf, FIELDS), "H");

  /** "Exercise twice a week": Sum of 1 per session, 2 per ISO week. */
  const exercise: KpiRow = {
    ID: "H",
    Name: "Exercise twice a week",
    Type: "Habit",
    Level: "Personal",
    Unit: "sessions",
    Target: 2,
    Cadence: "Weekly",
    Start: d("2026-01-05"),
    Due: d("2026-03-29"),
  };
  const sessions = (...isos: string[]): [unknown, unknown, unknown][] =>
    isos.map((iso) => [d(iso), "H", 1]);

  describe("weekly", () => {
    // Weeks: W1 01-05..11, W2 01-12..18, W3 01-19..25, W4 01-26..02-01 (current on 01-28)
    const log = sessions(
      "2026-01-06",
      "2026-01-08", // W1: 2, met
      "2026-01-13", // W2: 1, not met
      "2026-01-19",
      "2026-01-21",
      "2026-01-25", // W3: 3, met
      "2026-01-26",
      "2026-01-28", // W4 so far: 2
      "2026-01-29", // after as_of
    );

    it("grades ISO weeks, the current one as soon as it is met, and counts the streak", () => {
      const row = habitRow(exercise, log, d("2026-01-28"));
      // W1 ✓, W2 ✗, W3 ✓, W4 met already on Wednesday ✓ → 3 / 4; expected 1; gap −0.25 → At risk;
      // streak W4, W3 = 2
      expect(row).toMatchObject({
        Actual: 2,
        Attainment: 0.75,
        Expected: 1,
        Status: "At risk",
        Score: 0.8,
        "Check-ins": 8,
        Streak: 2,
      });
    });

    it("is never Achieved: every week met is On track", () => {
      const all = sessions("2026-01-06", "2026-01-08", "2026-01-13", "2026-01-14");
      // W1 2, W2 2: 2 / 2 = 1; gap 0 → On track; streak 2; W3 (current) empty → Actual ""
      expect(habitRow(exercise, all, d("2026-01-21"))).toMatchObject({
        Actual: "",
        Attainment: 1,
        Status: "On track",
        Score: 1,
        Streak: 2,
      });
    });

    it("grades an unmet week only once it is over, after its last day", () => {
      // as_of Sunday 01-11: W1 (one session) is current and not met → not graded yet
      const row = habitRow(exercise, sessions("2026-01-06"), d("2026-01-11"));
      expect(row).toMatchObject({ Actual: 1, Attainment: "", Status: "No data", Streak: 0 });
      // Monday 01-12: W1 is over and not met; W2 current and empty
      const next = habitRow(exercise, sessions("2026-01-06"), d("2026-01-12"));
      expect(next).toMatchObject({ Actual: "", Attainment: 0, Streak: 0 });
    });

    it("grades a week met on its last day that day", () => {
      // the second session on Sunday 01-11 meets W1 on 01-11 itself
      const row = habitRow(exercise, sessions("2026-01-06", "2026-01-11"), d("2026-01-11"));
      expect(row).toMatchObject({ Actual: 2, Attainment: 1, Status: "On track", Streak: 1 });
    });

    it("runs weeks Monday to Sunday across a new year", () => {
      // Monday 2025-12-29 and Sunday 2026-01-04 are one ISO week (2026-W01)
      const row = habitRow(
        { ...exercise, Start: d("2025-12-29") },
        sessions("2025-12-29", "2026-01-04"),
        d("2026-01-05"),
      );
      expect(row).toMatchObject({ Attainment: 1, Streak: 1, Actual: "" });
    });

    it("starts at the week containing Start, ignoring check-ins before Start", () => {
      // Start Wednesday 01-07: W1 is 01-05..11 but the Monday session is before Start
      const row = habitRow(
        { ...exercise, Start: d("2026-01-07") },
        sessions("2026-01-05", "2026-01-08"),
        d("2026-01-12"),
      );
      // W1 has 1 own check-in: not met, and cut short by Start → not graded
      expect(row).toMatchObject({ Attainment: "", Streak: 0, "Check-ins": 1, Status: "No data" });
    });

    it("grades a first week that Start cuts short when it is met", () => {
      // Start Thursday 01-08: two sessions in its four days meet W1
      const row = habitRow(
        { ...exercise, Start: d("2026-01-08") },
        sessions("2026-01-08", "2026-01-10", "2026-01-13"),
        d("2026-01-19"),
      );
      // W1 ✓ (cut short, met), W2 ✗ (over) → 1 / 2, streak 0; W3 current and empty
      expect(row).toMatchObject({ Actual: "", Attainment: 0.5, Streak: 0 });
    });

    it("starts at the week of the first check-in when Start is blank", () => {
      // first check-in Wed 01-07 → W1 01-05..11 (1, met with target 1), W2 empty, W3 met; W4 current
      const row = habitRow(
        { ...exercise, Start: "", Target: 1 },
        sessions("2026-01-07", "2026-01-20"),
        d("2026-01-26"),
      );
      expect(row["Attainment"]).toBeCloseTo(2 / 3, 12);
      expect(row).toMatchObject({ Actual: "", Streak: 1 });
    });

    it("stops at the period containing Due once as_of is past it, and is never Missed", () => {
      // Due Wed 01-21: periods W1..W3; a check-in after Due (01-23) is not own
      const row = habitRow(
        { ...exercise, Due: d("2026-01-21"), Target: 1 },
        sessions("2026-01-06", "2026-01-14", "2026-01-20", "2026-01-23"),
        d("2026-03-01"),
      );
      // 3 / 3 met; current period = W3 (contains Due): 1
      expect(row).toMatchObject({
        Actual: 1,
        Attainment: 1,
        Expected: 1,
        Status: "On track",
        Streak: 3,
        "Check-ins": 3,
      });
      const missedAll = habitRow(
        { ...exercise, Due: d("2026-01-21"), Target: 1 },
        [],
        d("2026-03-01"),
      );
      // no check-ins at all: W1 ✗, W2 ✗, W3 cut short by Due and unmet is not graded → 0 / 2,
      // Off track, not Missed
      expect(missedAll).toMatchObject({
        Actual: "",
        Attainment: 0,
        Status: "Off track",
        Streak: 0,
      });
    });
  });

  describe("monthly, quarterly, yearly and daily", () => {
    it("reads a book every month", () => {
      const book: KpiRow = {
        ...exercise,
        Name: "Read a book every month",
        Target: 1,
        Cadence: "monthly",
        Start: d("2026-01-15"),
        Due: d("2026-12-31"),
      };
      const row = habitRow(
        book,
        [
          [d("2026-01-10"), "H", 1], // before Start: January has none
          [d("2026-02-14"), "H", 1],
          [d("2026-03-03"), "H", 1],
          [d("2026-03-31"), "H", 1],
          [d("2026-04-02"), "H", 1],
        ],
        d("2026-04-10"),
      );
      // January (cut short by Start, no book) not graded; Feb 1 ✓, Mar 2 ✓, April met already
      // with 1 → 3 / 3; streak 3; April so far 1
      expect(row).toMatchObject({ Actual: 1, Attainment: 1, Streak: 3, Status: "On track" });
    });

    it("travels once a quarter", () => {
      const travel: KpiRow = {
        ...exercise,
        Name: "Travel once a quarter",
        Target: 1,
        Cadence: "Quarterly",
        Start: d("2026-01-01"),
        Due: d("2026-12-31"),
      };
      const log: [unknown, unknown, unknown][] = [
        [d("2026-02-10"), "H", 1], // Q1
        [d("2026-08-01"), "H", 1], // Q3
        [d("2026-09-30"), "H", 1], // Q3
      ];
      // on 10-01: Q1 ✓, Q2 ✗, Q3 ✓ → 2 / 3, streak 1; Q4 empty
      const october = habitRow(travel, log, d("2026-10-01"));
      expect(october["Attainment"]).toBeCloseTo(2 / 3, 12);
      expect(october).toMatchObject({ Actual: "", Streak: 1 });
      // on 09-30 Q3 is current but met already: Q1 ✓, Q2 ✗, Q3 ✓ → 2 / 3, streak 1
      const september = habitRow(travel, log, d("2026-09-30"));
      expect(september["Attainment"]).toBeCloseTo(2 / 3, 12);
      expect(september).toMatchObject({ Actual: 2, Streak: 1, Status: "Off track" });
      // on 03-31 after a trip in February: Q1 met → On track
      const march = habitRow(travel, log, d("2026-03-31"));
      expect(march).toMatchObject({ Actual: 1, Attainment: 1, Streak: 1, Status: "On track" });
      // on 06-30 without a trip in Q2: Q2 is current and not over → still Q1 only
      expect(habitRow(travel, log, d("2026-06-30"))).toMatchObject({ Attainment: 1, Streak: 1 });
    });

    it("counts calendar years", () => {
      const yearly: KpiRow = {
        ...exercise,
        Name: "Read 12 books every year",
        Target: 12,
        Cadence: "Yearly",
        Start: d("2024-01-01"),
        Due: d("2030-12-31"),
      };
      const row = habitRow(
        yearly,
        [
          [d("2024-06-01"), "H", 12],
          [d("2025-03-01"), "H", 5],
        ],
        d("2026-02-01"),
      );
      // 2024 ✓, 2025 ✗ → 0.5; streak 0; 2026 empty
      expect(row).toMatchObject({ Actual: "", Attainment: 0.5, Streak: 0 });
    });

    it("ends February on the 29th in a leap year", () => {
      const monthly: KpiRow = {
        ...exercise,
        Target: 1,
        Cadence: "Monthly",
        Start: d("2028-01-01"),
        Due: d("2028-12-31"),
      };
      const log: [unknown, unknown, unknown][] = [
        [d("2028-01-05"), "H", 1],
        [d("2028-02-29"), "H", 1],
      ];
      // on 02-29 February is current and met that day: January ✓, February ✓
      expect(habitRow(monthly, log, d("2028-02-29"))).toMatchObject({
        Actual: 1,
        Attainment: 1,
        Streak: 2,
      });
      // on 02-28 February is current and not yet met: January ✓ only
      expect(habitRow(monthly, log, d("2028-02-28"))).toMatchObject({
        Actual: "",
        Attainment: 1,
        Streak: 1,
      });
      expect(habitRow(monthly, log, d("2028-03-01"))).toMatchObject({
        Actual: "",
        Attainment: 1,
        Streak: 2,
      });
    });

    it("gets off work on time every day, across a DST change", () => {
      const daily: KpiRow = {
        ...exercise,
        Name: "Get off work on time every day",
        Direction: "At least",
        Target: 1,
        Cadence: "Daily",
        Start: d("2026-03-06"),
        Due: d("2026-12-31"),
      };
      const row = habitRow(
        daily,
        [
          [d("2026-03-06"), "H", 1],
          [d("2026-03-07"), "H", 1],
          [d("2026-03-08"), "H", 0],
          [d("2026-03-09"), "H", 1],
          [d("2026-03-10"), "H", 1],
        ],
        d("2026-03-10"),
      );
      // days 06..09: ✓ ✓ ✗ ✓, today (10) met already ✓ → 0.8; gap −0.2 → At risk; streak 2
      expect(row).toMatchObject({ Actual: 1, Attainment: 0.8, Status: "At risk", Streak: 2 });
    });
  });

  describe("empty periods and directions", () => {
    const late: KpiRow = {
      ...exercise,
      Name: "Stay late at most once a week",
      Direction: "At most",
      Target: 1,
    };

    it("counts an empty past period as 0 for Sum, which meets an at-most target", () => {
      // W1 2 ✗ (2 > 1), W2 empty = 0 ✓, W3 1 ✓ → 2 / 3, streak 2
      const row = habitRow(
        late,
        sessions("2026-01-06", "2026-01-07", "2026-01-20"),
        d("2026-01-26"),
      );
      expect(row["Attainment"]).toBeCloseTo(2 / 3, 12);
      expect(row).toMatchObject({ Streak: 2, Actual: "" });
    });

    it("grades an at-most week only once it is over, a week Due cuts short once Due is past", () => {
      // Due Wednesday 01-14: W2 runs 01-12..14. W1 1 ✓; W2 2 ✗ (2 > 1)
      const short = { ...late, Due: d("2026-01-14") };
      const log = sessions("2026-01-06", "2026-01-12", "2026-01-13");
      // on Due W2 is not over (its last day is not before as_of) → W1 only
      expect(habitRow(short, log, d("2026-01-14"))).toMatchObject({
        Actual: 2,
        Attainment: 1,
        Streak: 1,
      });
      // the day after Due W2 is over → 1 / 2, streak 0
      expect(habitRow(short, log, d("2026-01-15"))).toMatchObject({
        Actual: 2,
        Attainment: 0.5,
        Streak: 0,
        Status: "Off track",
      });
    });

    it("counts an empty past period as 0 for Count", () => {
      // Count ≤ 1: W1 2 ✗, W2 0 ✓, W3 1 ✓
      const row = habitRow(
        { ...late, Aggregation: "Count" },
        sessions("2026-01-06", "2026-01-07", "2026-01-20"),
        d("2026-01-26"),
      );
      expect(row["Attainment"]).toBeCloseTo(2 / 3, 12);
    });

    it("counts an empty past period as not met for other aggregations", () => {
      // Max ≤ 1: W1 max 1 ✓, W2 empty ✗, W3 max 1 ✓ → 2 / 3, streak 1
      const row = habitRow(
        { ...late, Aggregation: "Max" },
        sessions("2026-01-06", "2026-01-07", "2026-01-20"),
        d("2026-01-26"),
      );
      expect(row["Attainment"]).toBeCloseTo(2 / 3, 12);
      expect(row["Streak"]).toBe(1);
      // Average ≥ 2 of weekly ratings: W1 avg 3 ✓, W2 empty ✗, W3 avg 2 ✓
      const rating = habitRow(
        { ...exercise, Aggregation: "Average" },
        [
          [d("2026-01-06"), "H", 4],
          [d("2026-01-07"), "H", 2],
          [d("2026-01-20"), "H", 2],
        ],
        d("2026-01-26"),
      );
      expect(rating["Attainment"]).toBeCloseTo(2 / 3, 12);
      expect(rating["Streak"]).toBe(1);
    });

    it("aggregates each period by the KPI's aggregation", () => {
      // Last ≥ 5: W1 last 3 ✗ (9 came earlier), W2 last 6 ✓ → 0.5, streak 1; W3 (current) empty
      const row = habitRow(
        { ...exercise, Type: " habit ", Aggregation: "Last", Target: 5 },
        [
          [d("2026-01-06"), "H", 9],
          [d("2026-01-08"), "H", 3],
          [d("2026-01-13"), "H", 3],
          [d("2026-01-14"), "H", 6],
        ],
        d("2026-01-20"),
      );
      expect(row).toMatchObject({ Actual: "", Attainment: 0.5, Streak: 1, "Check-ins": 4 });
    });

    it("meets a decrease target at or below it", () => {
      // decrease with baseline 5 → target 1: W1 2 ✗, W2 0 ✓ (Sum), W3 1 ✓
      const row = habitRow(
        { ...late, Direction: "Decrease", Baseline: 5 },
        sessions("2026-01-06", "2026-01-07", "2026-01-20"),
        d("2026-01-26"),
      );
      expect(row["Attainment"]).toBeCloseTo(2 / 3, 12);
    });
  });

  describe("what is not a habit", () => {
    it("treats a Habit with a blank Cadence as a plain KPI", () => {
      const row = habitRow(
        { ...exercise, Cadence: "", Target: 3, Due: d("2026-01-31") },
        sessions("2026-01-06", "2026-01-08", "2026-01-13"),
        d("2026-01-16"),
      );
      // 3 / 3 → Achieved; expected (11 / 26), streak blank
      expect(row).toMatchObject({ Actual: 3, Attainment: 1, Status: "Achieved", Streak: "" });
      expect(row["Expected"]).toBeCloseTo(11 / 26, 12);
      const missed = habitRow(
        { ...exercise, Cadence: "", Target: 3, Due: d("2026-01-31") },
        sessions("2026-01-06"),
        d("2026-02-02"),
      );
      expect(missed["Status"]).toBe("Missed");
    });

    it("rolls a Habit that is a parent up like a parent", () => {
      const child: KpiRow = {
        ID: "C",
        Name: "Run 10 km a week",
        Parent: "H",
        Unit: "km",
        Baseline: 0,
        Target: 10,
        Start: d("2026-01-05"),
        Due: d("2026-03-29"),
      };
      // no Unit on the habit → weighted: child 5 / 10 = 0.5
      const row = habitRow(
        { ...exercise, Unit: "" },
        [[d("2026-01-06"), "C", 5]],
        d("2026-01-28"),
        [child],
      );
      expect(row).toMatchObject({ Actual: "", Attainment: 0.5 });
    });

    it("gives a blank streak to plain KPIs", () => {
      const row = habitRow({ ...exercise, Type: "KPI" }, sessions("2026-01-06"), d("2026-01-28"));
      expect(row["Streak"]).toBe("");
    });
  });
});

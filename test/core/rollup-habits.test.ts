import { computeRollup } from "../../src/core/rollup";
import { day, zoneOf } from "../support/clock";
import { type Checkin, iso, registry, rollup, summary, TZ } from "./rollup.fixtures";

const exercise = {
  ID: "FIT",
  Name: "Exercise twice a week",
  Type: "Habit",
  Level: "Personal",
  Cadence: "Weekly",
  Aggregation: "Count",
  Unit: "workouts",
  Target: 2,
  Start: "2025-12-15", // a Monday
};
// ISO weeks: Dec 15–21, Dec 22–28, Dec 29–Jan 4 (across New Year), Jan 5–11, Jan 12–18 (current).
const workouts: Checkin[] = [
  ["2025-12-16", "FIT", 1],
  ["2025-12-18", "FIT", 1],
  ["2025-12-23", "FIT", 1],
  ["2025-12-31", "FIT", 1],
  ["2026-01-02", "FIT", 1],
  ["2026-01-06", "FIT", 1],
  ["2026-01-08", "FIT", 1],
  ["2026-01-10", "FIT", 1],
  ["2026-01-13", "FIT", 1],
];

describe("weekly habit: exercise twice a week", () => {
  it("grades complete ISO weeks, a week across New Year being one week", () => {
    const row = rollup([exercise], workouts, "2026-01-14").FIT!;
    expect(summary(row)).toEqual({
      actual: 1, // this week so far
      attainment: 0.75, // 3 of 4 complete weeks met
      expected: 1,
      status: "At risk",
    });
    expect(row.kind).toBe("habit");
    expect(row.streak).toBe(2);
    expect(row.checkins).toBe(9);
    expect(iso(row.lastCheckin)).toBe("2026-01-13");
    expect(row.score).toBe(0.8);
  });

  it("treats the current week as incomplete up to its Sunday and complete the day after", () => {
    const sunday = rollup([exercise], workouts, "2026-01-18").FIT!;
    expect([sunday.attainment, sunday.streak]).toEqual([0.75, 2]);
    const monday = rollup([exercise], workouts, "2026-01-19").FIT!;
    expect([monday.attainment, monday.streak, monday.actual]).toEqual([0.6, 0, undefined]);
  });

  it("reads the cadence case-insensitively and by its aliases", () => {
    for (const cadence of [" WEEKLY ", "week"]) {
      expect(
        rollup([{ ...exercise, Cadence: cadence }], workouts, "2026-01-14").FIT!.attainment,
      ).toBe(0.75);
    }
  });

  it("starts from the week of the first check-in when Start is blank", () => {
    const row = rollup([{ ...exercise, Start: "" }], workouts.slice(2), "2026-01-14").FIT!;
    // Weeks from Dec 22: Dec 22–28 (1), Dec 29–Jan 4 (2), Jan 5–11 (3) complete.
    expect([row.attainment, row.streak]).toEqual([2 / 3, 2]);
  });

  it("does not count check-ins before Start, nor fail the week Start cuts short", () => {
    const row = rollup(
      [{ ...exercise, Start: "2025-12-17" }],
      [
        ["2025-12-15", "FIT", 1],
        ["2025-12-18", "FIT", 1],
      ],
      "2025-12-22",
    ).FIT!;
    // Wednesday to Sunday with one workout: not met, and too short to count as failed.
    expect([row.attainment, row.streak, row.checkins]).toEqual([undefined, 0, 1]);
    expect(row.statusText).toBe("No data");
  });

  it("is never Achieved nor Missed", () => {
    const allMet: Checkin[] = [...workouts, ["2025-12-24", "FIT", 1]];
    const row = rollup([{ ...exercise, Due: "2026-01-11" }], allMet, "2026-03-01").FIT!;
    expect(row.attainment).toBe(1);
    expect(row.statusText).toBe("On track");
    const none = rollup([{ ...exercise, Due: "2026-01-11" }], [], "2026-03-01").FIT!;
    expect(none.attainment).toBe(0);
    expect(none.statusText).toBe("Off track");
  });

  it("keeps the week containing Due as the current one when as-of is after Due", () => {
    // Due on Wednesday Jan 14; the Thursday check-in is after Due and does not count.
    const goal = { ...exercise, Due: "2026-01-14" };
    const checkins: Checkin[] = [...workouts, ["2026-01-15", "FIT", 1]];
    const thursday = rollup([goal], checkins, "2026-01-15").FIT!;
    expect([thursday.actual, thursday.attainment, thursday.checkins]).toEqual([1, 0.75, 9]);
    const later = rollup([goal], checkins, "2026-02-20").FIT!;
    // The Due week (Monday to Wednesday, one workout) is over but was cut short by Due: unmet,
    // it is not graded, so the streak counts back from the week before it.
    expect([later.actual, later.attainment, later.streak]).toEqual([1, 0.75, 2]);
    // Met, the short week counts like any other.
    const met = rollup([goal], [...checkins, ["2026-01-14", "FIT", 1]], "2026-02-20").FIT!;
    expect([met.actual, met.attainment, met.streak]).toEqual([2, 0.8, 3]);
  });
});

describe("monthly, quarterly and daily habits", () => {
  const reading = {
    ID: "READ",
    Name: "Read a book every month",
    Type: "Habit",
    Cadence: "Monthly",
    Aggregation: "Count",
    Unit: "books",
    Target: 1,
    Start: "2026-01-01",
  };
  const books: Checkin[] = [
    ["2026-01-20", "READ", 1],
    ["2026-03-03", "READ", 1],
    ["2026-03-28", "READ", 1],
    ["2026-04-25", "READ", 1],
  ];

  it("grades months, a month without a book counting as not met", () => {
    const row = rollup([reading], books, "2026-04-10").READ!;
    expect(summary(row)).toEqual({
      actual: undefined, // no book yet in April
      attainment: 2 / 3,
      expected: 1,
      status: "Off track",
    });
    expect(row.streak).toBe(1);
  });

  it("keeps the month of Due as the current one after Due", () => {
    const row = rollup([{ ...reading, Due: "2026-03-31" }], books, "2026-05-15").READ!;
    expect([row.actual, row.attainment, row.streak, row.checkins]).toEqual([2, 2 / 3, 1, 3]);
    expect(row.statusText).toBe("Off track");
  });

  it("grades the current month as soon as its book is read", () => {
    const row = rollup([reading], books, "2026-03-31").READ!;
    // January met, February not, March met already.
    expect([row.actual, row.attainment, row.streak]).toEqual([2, 2 / 3, 1]);
  });

  it("counts a book read on 31 March for March, that same day", () => {
    const lastDay: Checkin[] = [
      ["2026-01-20", "READ", 1],
      ["2026-02-27", "READ", 1],
      ["2026-03-31", "READ", 1],
    ];
    const row = rollup([reading], lastDay, "2026-03-31").READ!;
    expect(summary(row)).toEqual({ actual: 1, attainment: 1, expected: 1, status: "On track" });
    expect(row.streak).toBe(3);
    // The day before, March is still open: it counts neither way.
    const before = rollup([reading], lastDay, "2026-03-30").READ!;
    expect([before.actual, before.attainment, before.streak]).toEqual([undefined, 1, 2]);
  });

  it("grades quarters for travelling once a quarter", () => {
    const travel = {
      ID: "TRAVEL",
      Name: "Travel once a quarter",
      Type: "Habit",
      Cadence: "Quarterly",
      Aggregation: "Count",
      Target: 1,
      Start: "2025-01-01",
    };
    const trips: Checkin[] = [
      ["2025-02-14", "TRAVEL", 1],
      ["2025-08-01", "TRAVEL", 1],
      ["2025-11-20", "TRAVEL", 1],
      ["2026-01-25", "TRAVEL", 1],
    ];
    const row = rollup([travel], trips, "2026-02-01").TRAVEL!;
    // Five quarters graded: Q2 2025 without a trip, and Q1 2026 met already in January.
    expect([row.actual, row.attainment, row.streak]).toEqual([1, 0.8, 3]);
  });

  it("is On track on 31 March after a trip in February (travel once a quarter)", () => {
    const travel = {
      ID: "TRAVEL",
      Name: "Travel once a quarter",
      Type: "Habit",
      Level: "Personal",
      Cadence: "Quarterly",
      Direction: "At least",
      Aggregation: "Sum",
      Unit: "trips",
      Baseline: 0,
      Target: 1,
      Start: "2026-01-01",
      Due: "2026-12-31",
    };
    const row = rollup([travel], [["2026-02-14", "TRAVEL", 1]], "2026-03-31").TRAVEL!;
    expect(summary(row)).toEqual({ actual: 1, attainment: 1, expected: 1, status: "On track" });
    expect(row.streak).toBe(1);
    // Before the trip nothing is known yet: the quarter is still open.
    const january = rollup([travel], [["2026-02-14", "TRAVEL", 1]], "2026-01-31").TRAVEL!;
    expect(summary(january)).toEqual({
      actual: undefined,
      attainment: undefined,
      expected: 1,
      status: "No data",
    });
  });

  it("grades years", () => {
    const goal = {
      ID: "Y",
      Type: "Habit",
      Cadence: "Yearly",
      Aggregation: "Sum",
      Target: 12,
      Start: "2024-03-01",
    };
    const row = rollup(
      [goal],
      [
        ["2024-06-01", "Y", 12],
        ["2025-06-01", "Y", 11],
        ["2026-02-01", "Y", 5],
      ],
      "2026-02-01",
    ).Y!;
    expect([row.actual, row.attainment, row.streak]).toEqual([5, 0.5, 0]);
  });

  const onTime = {
    ID: "HOME",
    Name: "Get off work on time every day",
    Type: "Habit",
    Cadence: "Daily",
    Target: 1,
    Start: "2026-03-02",
  };

  it("grades days from logged 1s and 0s with Sum", () => {
    const row = rollup(
      [{ ...onTime, Aggregation: "Sum" }],
      [
        ["2026-03-02", "HOME", 1],
        ["2026-03-03", "HOME", 0],
        ["2026-03-04", "HOME", 1],
        ["2026-03-05", "HOME", 1],
        ["2026-03-06", "HOME", 1],
      ],
      "2026-03-06",
    ).HOME!;
    // Today is met already, so it is graded: 4 of 5 days, the last three in a row.
    expect([row.actual, row.attainment, row.streak]).toEqual([1, 0.8, 3]);
  });

  it("grades days from check-ins logged only on good days with Count", () => {
    const row = rollup(
      [{ ...onTime, Aggregation: "Count" }],
      [
        ["2026-03-02", "HOME", 1],
        ["2026-03-04", "HOME", 1],
        ["2026-03-05", "HOME", 1],
        ["2026-03-06", "HOME", 1],
      ],
      "2026-03-06",
    ).HOME!;
    expect([row.actual, row.attainment, row.streak]).toEqual([1, 0.8, 3]);
  });
});

describe("habit edge cases", () => {
  const coffee = {
    ID: "COFFEE",
    Name: "Drink at most 2 coffees a day",
    Type: "Habit",
    Cadence: "Daily",
    Direction: "At most",
    Target: 2,
    Start: "2026-03-02",
  };

  it("counts a past period without check-ins as 0 for Sum, so an at-most habit meets it", () => {
    const row = rollup(
      [coffee],
      [
        ["2026-03-02", "COFFEE", 3],
        ["2026-03-04", "COFFEE", 1],
        ["2026-03-04", "COFFEE", 1],
      ],
      "2026-03-05",
    ).COFFEE!;
    expect([row.attainment, row.streak]).toEqual([2 / 3, 2]);
  });

  it("lets a Decrease habit go without a baseline, met at or below its target", () => {
    const row = rollup(
      [{ ...coffee, Direction: "Decrease" }],
      [["2026-03-02", "COFFEE", 2]],
      "2026-03-03",
    ).COFFEE!;
    expect([row.statusText, row.attainment]).toEqual(["On track", 1]);
  });

  it("counts a past period without check-ins as not met for Average, Last, Max and Min", () => {
    for (const aggregation of ["Average", "Last", "Max", "Min"]) {
      const row = rollup(
        [{ ...coffee, Aggregation: aggregation }],
        [["2026-03-02", "COFFEE", 1]],
        "2026-03-04",
      ).COFFEE!;
      expect([aggregation, row.attainment, row.streak]).toEqual([aggregation, 0.5, 0]);
    }
  });

  it("combines a period's check-ins by the habit's Aggregation", () => {
    const sleep = {
      ID: "SLEEP",
      Type: "Habit",
      Cadence: "Weekly",
      Aggregation: "Average",
      Target: 7,
      Start: "2026-03-02",
    };
    const nights: Checkin[] = [
      ["2026-03-02", "SLEEP", 8],
      ["2026-03-03", "SLEEP", 6],
      ["2026-03-09", "SLEEP", 6],
      ["2026-03-10", "SLEEP", 7],
    ];
    const row = rollup([sleep], nights, "2026-03-16").SLEEP!;
    expect([row.attainment, row.streak]).toEqual([0.5, 0]);
    expect(rollup([sleep], nights, "2026-03-10").SLEEP!.actual).toBe(6.5);
  });

  it("has a streak of 0 and no attainment before its first period is complete", () => {
    const row = rollup([coffee], [["2026-03-02", "COFFEE", 1]], "2026-03-02").COFFEE!;
    expect(summary(row)).toEqual({
      actual: 1,
      attainment: undefined,
      expected: 1,
      status: "No data",
    });
    expect(row.streak).toBe(0);
  });

  it("has no periods before Start, nor without Start and check-ins", () => {
    const early = rollup([coffee], [], "2026-02-01").COFFEE!;
    expect([early.actual, early.attainment, early.streak, early.statusText]).toEqual([
      undefined,
      undefined,
      0,
      "No data",
    ]);
    const open = rollup([{ ...coffee, Start: "" }], [], "2026-02-01").COFFEE!;
    expect([open.actual, open.attainment, open.streak]).toEqual([undefined, undefined, 0]);
  });

  it("grades nothing without a Target, but still shows the current period", () => {
    const row = rollup(
      [{ ...coffee, Target: "" }],
      [
        ["2026-03-02", "COFFEE", 1],
        ["2026-03-03", "COFFEE", 4],
      ],
      "2026-03-03",
    ).COFFEE!;
    expect([row.actual, row.attainment, row.streak]).toEqual([4, undefined, 0]);
  });

  it("is a plain KPI when its Cadence is blank", () => {
    const row = rollup(
      [{ ...coffee, Cadence: "" }],
      [
        ["2026-03-02", "COFFEE", 1],
        ["2026-03-03", "COFFEE", 1],
      ],
      "2026-03-04",
    ).COFFEE!;
    expect([row.kind, row.actual, row.streak, row.attainment]).toEqual(["plain", 2, undefined, 1]);
  });

  it("needs a Date column in the check-in log", () => {
    const rows = computeRollup(
      registry([coffee]),
      [
        ["KPI ID", "Value"],
        ["COFFEE", 1],
      ],
      {
        asOf: day("2026-03-04"),
        zone: zoneOf(TZ),
      },
    );
    expect(rows[0]!.statusText).toBe(
      "Error: a habit needs dated check-ins, but checkins has no Date column",
    );
  });

  it("gives the same results in spreadsheets of different zones", () => {
    const results = ["Asia/Taipei", "America/Los_Angeles", "Pacific/Auckland"].map((timeZone) => {
      const row = rollup([exercise], workouts, "2026-01-14", { timeZone }).FIT!;
      return [row.actual, row.attainment, row.streak, row.lastCheckin];
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe("habit periods compare with the target exactly", () => {
  it("counts a period as met the same way an At least KPI is: by plain ≥", () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floating point: below 0.8, as KPI_ATTAINMENT says.
    const water = {
      ID: "H",
      Name: "Drink 0.8 litres of water every day",
      Type: "Habit",
      Level: "Personal",
      Unit: "litres",
      Direction: "At least",
      Target: 0.8,
      Cadence: "Daily",
      Start: "2026-03-01",
    };
    const rows = rollup(
      [water],
      [
        ["2026-03-01", "H", 0.7],
        ["2026-03-01", "H", 0.1],
        ["2026-03-02", "H", 0.8],
      ],
      "2026-03-03",
    );
    // Two complete days: only the second met the target.
    expect(rows.H?.attainment).toBe(0.5);
    expect(rows.H?.streak).toBe(1);
  });
});

describe("habits graded as people count them (SPEC §4.7)", () => {
  const personal = {
    Type: "Habit",
    Level: "Personal",
    Direction: "At least",
    Aggregation: "Sum",
    Baseline: 0,
    Start: "2026-01-01", // a Thursday
    Due: "2026-12-31",
  };
  const habits = [
    { ...personal, ID: "FIT", Name: "Exercise twice a week", Cadence: "Weekly", Target: 2 },
    { ...personal, ID: "READ", Name: "Read a book every month", Cadence: "Monthly", Target: 1 },
    { ...personal, ID: "TRIP", Name: "Travel once a quarter", Cadence: "Quarterly", Target: 1 },
    {
      ...personal,
      ID: "HOME",
      Name: "Get off work on time every day",
      Cadence: "Daily",
      Target: 1,
    },
  ];

  it("counts the guide's four personal habits met on the last day of their periods that day", () => {
    const cases: readonly [id: string, asOf: string, checkins: Checkin[], streak: number][] = [
      // Sunday 11 January ends the second week; its second workout is that Sunday.
      [
        "FIT",
        "2026-01-11",
        [
          ["2026-01-02", "FIT", 1],
          ["2026-01-03", "FIT", 1],
          ["2026-01-06", "FIT", 1],
          ["2026-01-11", "FIT", 1],
        ],
        2,
      ],
      ["READ", "2026-01-31", [["2026-01-31", "READ", 1]], 1],
      ["TRIP", "2026-03-31", [["2026-03-31", "TRIP", 1]], 1],
      [
        "HOME",
        "2026-01-03",
        [
          ["2026-01-01", "HOME", 1],
          ["2026-01-02", "HOME", 1],
          ["2026-01-03", "HOME", 1],
        ],
        3,
      ],
    ];
    for (const [id, asOf, checkins, streak] of cases) {
      const row = rollup(habits, checkins, asOf)[id]!;
      expect([id, summary(row), row.streak]).toEqual([
        id,
        { actual: id === "FIT" ? 2 : 1, attainment: 1, expected: 1, status: "On track" },
        streak,
      ]);
    }
  });

  it("does not fail the first week of a habit started on a Thursday for having four days", () => {
    const one: Checkin[] = [["2026-01-02", "FIT", 1]];
    const monday = rollup(habits, one, "2026-01-05").FIT!;
    expect([monday.attainment, monday.streak, monday.statusText]).toEqual([
      undefined,
      0,
      "No data",
    ]);
    // Met in its four days, it counts.
    const two: Checkin[] = [...one, ["2026-01-04", "FIT", 1]];
    const met = rollup(habits, two, "2026-01-05").FIT!;
    expect([met.attainment, met.streak, met.statusText]).toEqual([1, 1, "On track"]);
    // The first full week is graded like any other once it is over.
    const later = rollup(habits, two, "2026-01-12").FIT!;
    expect([later.attainment, later.streak]).toEqual([0.5, 0]);
  });

  it("grades the week Due cuts short of an at-most habit once Due has passed", () => {
    const coffee = {
      ID: "COFFEE",
      Name: "At most 10 coffees a week",
      Type: "Habit",
      Cadence: "Weekly",
      Direction: "At most",
      Aggregation: "Sum",
      Target: 10,
      Start: "2026-03-02", // a Monday
      Due: "2026-03-11", // the Wednesday of the second week
    };
    const cups = (second: number): Checkin[] => [
      ["2026-03-04", "COFFEE", 8],
      ["2026-03-10", "COFFEE", second],
    ];
    // On Due the short week is not over: an at-most week is known only when it ends.
    const onDue = rollup([coffee], cups(12), "2026-03-11").COFFEE!;
    expect([onDue.actual, onDue.attainment, onDue.streak]).toEqual([12, 1, 1]);
    const after = rollup([coffee], cups(12), "2026-03-12").COFFEE!;
    expect([after.actual, after.attainment, after.streak, after.statusText]).toEqual([
      12,
      0.5,
      0,
      "Off track",
    ]);
    const kept = rollup([coffee], cups(3), "2026-03-12").COFFEE!;
    expect([kept.attainment, kept.streak]).toEqual([1, 2]);
  });

  it("counts a period met early in the streak, and an open unmet one in neither", () => {
    const books: Checkin[] = [
      ["2026-01-12", "READ", 1],
      ["2026-02-08", "READ", 1],
      ["2026-03-10", "READ", 1],
    ];
    const met = rollup(habits, books, "2026-03-15").READ!;
    expect([met.actual, met.attainment, met.streak]).toEqual([1, 1, 3]);
    const open = rollup(habits, books.slice(0, 2), "2026-03-15").READ!;
    expect([open.actual, open.attainment, open.streak]).toEqual([undefined, 1, 2]);
    const broken = rollup(habits, [books[0]!, books[2]!], "2026-03-15").READ!;
    expect([broken.attainment, broken.streak]).toEqual([2 / 3, 1]);
  });

  it("grades an at-least period met early even when later check-ins could lower it", () => {
    // Average aggregation: met on Monday, as the SPEC says ("as soon as it is met").
    const sleep = {
      ID: "SLEEP",
      Type: "Habit",
      Cadence: "Weekly",
      Direction: "At least",
      Aggregation: "Average",
      Target: 7,
      Start: "2026-03-02",
    };
    const row = rollup([sleep], [["2026-03-02", "SLEEP", 8]], "2026-03-02").SLEEP!;
    expect([row.actual, row.attainment, row.streak]).toEqual([8, 1, 1]);
  });
});

import { computeRollup, kpiRollup, ROLLUP_FIELDS, score } from "../../src/core/rollup";
import { day, fixedClock, sheetDate, zoneOf } from "../support/clock";
import { type Goal, iso, log, registry, rollup, summary, TZ, table } from "./rollup.fixtures";

const visits: Goal = {
  ID: "KPI-0001",
  Name: "Visit 100 manufacturing customers",
  Owner: "amy@example.com",
  Unit: "visits",
  Target: 100,
  Start: "2026-01-01",
  Due: "2026-12-31",
};

describe("own check-ins and actual", () => {
  it("sums a sales team's visits and grades them against the pace of the year", () => {
    const rows = rollup(
      [visits],
      [
        ["2026-02-10", "KPI-0001", 12],
        ["2026-03-15", "KPI-0001", 18],
        ["2026-05-20", "KPI-0001", 10],
      ],
      "2026-07-02",
    );
    // 182 of 364 days have passed; 40 of 100 visits is 0.1 behind: still on track.
    expect(summary(rows["KPI-0001"])).toEqual({
      actual: 40,
      attainment: 0.4,
      expected: 0.5,
      status: "On track",
    });
    expect(rows["KPI-0001"]!.checkins).toBe(3);
    expect(iso(rows["KPI-0001"]!.lastCheckin)).toBe("2026-05-20");
    expect(rows["KPI-0001"]!.streak).toBeUndefined();
  });

  it("counts check-ins on Start, Due and the as-of day, and none outside them", () => {
    const goal = { ...visits, Start: "2026-03-01", Due: "2026-03-31" };
    const checkins = [
      ["2026-02-28", "KPI-0001", 1000],
      ["2026-03-01", "KPI-0001", 1],
      ["2026-03-10", "KPI-0001", 2],
      ["2026-03-20", "KPI-0001", 4],
      ["2026-03-31", "KPI-0001", 8],
      ["2026-04-01", "KPI-0001", 2000],
    ] as const;
    expect(rollup([goal], checkins, "2026-03-20")["KPI-0001"]!.actual).toBe(7);
    expect(rollup([goal], checkins, "2026-03-19")["KPI-0001"]!.actual).toBe(3);
    expect(rollup([goal], checkins, "2026-06-01")["KPI-0001"]!.actual).toBe(15);
  });

  it("counts every check-in up to as-of when Start and Due are blank", () => {
    const goal = { ID: "K", Target: 10 };
    const rows = rollup(
      [goal],
      [
        ["1999-01-01", "K", 1],
        ["2026-06-01", "K", 2],
        ["2026-06-02", "K", 4],
      ],
      "2026-06-01",
    );
    expect(summary(rows.K)).toEqual({
      actual: 3,
      attainment: 0.3,
      expected: undefined,
      status: "In progress",
    });
  });

  it("matches check-ins to IDs trimmed and case-insensitively, and ignores unknown IDs", () => {
    const rows = rollup(
      [{ ID: " KPI-0001 ", Target: 10 }],
      [
        ["2026-01-02", "kpi-0001", 1],
        ["2026-01-03", "KPI-0001  ", 2],
        ["2026-01-04", "KPI-0002", 4],
        ["2026-01-05", "", 8],
      ],
      "2026-02-01",
    );
    expect(rows["KPI-0001"]!.actual).toBe(3);
  });

  it("matches numeric IDs typed as numbers in either sheet", () => {
    const rows = rollup(
      [{ ID: 1001, Target: 10 }],
      [
        ["2026-01-02", "1001", 1],
        ["2026-01-03", 1001, 2],
      ],
      "2026-02-01",
    );
    expect(rows["1001"]!.actual).toBe(3);
  });

  it("skips rows with a blank Value and reads text numbers and percentages", () => {
    const rows = rollup(
      [{ ID: "K", Target: 100 }],
      [
        ["2026-01-02", "K", ""],
        ["2026-01-03", "K", " 12 "],
        ["2026-01-04", "K", "50%"],
        ["2026-01-05", "K", null],
      ],
      "2026-02-01",
    );
    expect(rows.K!.actual).toBe(12.5);
    expect(rows.K!.checkins).toBe(2);
  });

  it("leaves Actual blank without own check-ins, which is No data before Due and Missed after", () => {
    const before = rollup([visits], [["2027-01-05", "KPI-0001", 5]], "2026-06-01");
    expect(summary(before["KPI-0001"])).toEqual({
      actual: undefined,
      attainment: undefined,
      expected: expect.any(Number),
      status: "No data",
    });
    expect(before["KPI-0001"]!.checkins).toBe(0);
    expect(before["KPI-0001"]!.lastCheckin).toBeUndefined();
    expect(rollup([visits], [], "2027-01-01")["KPI-0001"]!.statusText).toBe("Missed");
  });
});

describe("aggregations", () => {
  const checkins = [
    ["2026-01-05", "K", 4],
    ["2026-01-02", "K", 10],
    ["2026-01-03", "K", -2],
    ["2026-01-04", "K", 8],
  ] as const;
  const actualWith = (aggregation: unknown) =>
    rollup([{ ID: "K", Target: 100, Aggregation: aggregation }], checkins, "2026-02-01").K!;

  it.each([
    ["Sum", 20],
    ["total", 20],
    ["", 20],
    ["Average", 5],
    ["avg", 5],
    [" MEAN ", 5],
    ["Last", 4],
    ["latest", 4],
    ["Current", 4],
    ["Max", 10],
    ["Min", -2],
    ["Count", 4],
  ])("combines check-ins with %j", (aggregation, expected) => {
    expect(actualWith(aggregation).actual).toBe(expected);
  });

  it("takes the latest check-in by date for Last, the later row on the same date", () => {
    const rows = rollup(
      [{ ID: "K", Target: 100, Aggregation: "Last" }],
      [
        ["2026-01-10", "K", 7],
        ["2026-01-10", "K", 9],
        ["2026-01-03", "K", 1],
      ],
      "2026-02-01",
    );
    expect(rows.K!.actual).toBe(9);
    expect(iso(rows.K!.lastCheckin)).toBe("2026-01-10");
  });

  it("reports an unknown aggregation as that row's error and keeps its other fields", () => {
    const row = actualWith("median");
    expect(row.statusText).toBe(
      'Error: unknown aggregation "median": use Sum, Average, Last, Max, Min or Count',
    );
    expect(row.kind).toBe("error");
    expect(row.actual).toBeUndefined();
    expect(row.checkins).toBeUndefined();
    expect(row.score).toBeUndefined();
  });
});

describe("attainment, expected, status and score", () => {
  it("grades a decrease goal with a direction alias from its baseline", () => {
    const rows = rollup(
      [
        {
          ID: "Defects",
          Direction: "lower is better",
          Aggregation: "Last",
          Baseline: 10,
          Target: 5,
        },
      ],
      [["2026-01-05", "Defects", 7.5]],
      "2026-02-01",
    );
    expect(rows.Defects!.attainment).toBe(0.5);
  });

  it("is Achieved when the target is met, even after Due", () => {
    const rows = rollup([visits], [["2026-05-01", "KPI-0001", 120]], "2027-02-01");
    expect(rows["KPI-0001"]!.statusText).toBe("Achieved");
    expect(rows["KPI-0001"]!.attainment).toBe(1.2);
    expect(rows["KPI-0001"]!.score).toBe(1);
  });

  it.each([
    [29, "At risk"],
    [25, "At risk"],
    [24, "Off track"],
    [41, "On track"],
  ])("with %d of 100 visits at half time is %s", (done, expected) => {
    const rows = rollup([visits], [["2026-05-01", "KPI-0001", done]], "2026-07-02");
    expect(rows["KPI-0001"]!.statusText).toBe(expected);
  });

  it("uses the gaps it is given", () => {
    const rows = rollup([visits], [["2026-05-01", "KPI-0001", 45]], "2026-07-02", {
      atRiskGap: 0.02,
      offTrackGap: 0.04,
    });
    expect(rows["KPI-0001"]!.statusText).toBe("Off track");
  });

  it.each([
    [0.44, 0.4],
    [0.45, 0.5],
    [0.55, 0.6],
    [0.25, 0.3],
    [1.7, 1],
    [-0.3, 0],
    [0, 0],
  ])("scores attainment %d as %d", (attainment, expected) => {
    expect(score(attainment)).toBe(expected);
  });

  it("scores blank attainment as blank", () => {
    expect(score(undefined)).toBeUndefined();
  });

  it("reports goal set-up problems as the row's error even without check-ins", () => {
    const rows = rollup(
      [
        { ID: "A", Target: 5, Direction: "Decrease" },
        { ID: "B", Target: 5, Baseline: 10 },
        { ID: "C", Target: 5, Direction: "sideways" },
        { ID: "D", Target: "ten", Name: "Ten", Owner: "d@example.com" },
        { ID: "E", Target: 5, Start: "2026-03-01", Due: "2026-01-01" },
        { ID: "F", Target: 5, Type: "Project" },
        { ID: "G", Target: 5, Type: "Habit", Cadence: "fortnightly" },
        { ID: "H", Target: 5, Start: "soon" },
        { ID: "I", Target: 5, Baseline: "n/a" },
        { ID: "J", Target: 5, Direction: "constructor" },
        { ID: "K", Direction: "Decrease" },
        { ID: "L", Target: -5 },
      ],
      [],
      "2026-02-01",
    );
    const status = (id: string) => rows[id]!.statusText;
    expect(status("A")).toBe(
      "Error: a Decrease goal needs a baseline to measure the reduction from",
    );
    expect(status("B")).toMatch(/^Error: target 5 is below baseline 10: use direction "Decrease"/);
    expect(status("C")).toMatch(/^Error: unknown direction "sideways"/);
    expect(status("D")).toBe('Error: target "ten" is not a number');
    expect(status("E")).toBe("Error: due 2026-01-01 is before start 2026-03-01");
    expect(status("F")).toBe(
      'Error: unknown type "Project": use KPI, Objective, Key result or Habit',
    );
    expect(status("G")).toMatch(/^Error: unknown cadence "fortnightly"/);
    expect(status("H")).toBe('Error: start "soon" is not a date');
    expect(status("I")).toBe('Error: baseline "n/a" is not a number');
    expect(status("J")).toMatch(/^Error: unknown direction "constructor"/);
    expect(status("K")).toBe(
      "Error: a Decrease goal needs a baseline to measure the reduction from",
    );
    expect(status("L")).toMatch(/^Error: target -5 is below baseline 0/);
  });
});

describe("problems in the check-in log", () => {
  const goals = [
    {
      ID: "KPI-0001",
      Name: "Visit 100 manufacturing customers",
      Owner: "amy@example.com",
      Target: 100,
      Due: "2026-03-31",
    },
    { ID: "KPI-0002", Name: "Orders", Target: 10 },
  ];

  it("makes a blank Date in any row with the KPI's ID that KPI's error", () => {
    const rows = rollup(
      goals,
      [
        ["2026-01-05", "KPI-0001", 5],
        ["", "KPI-0001", 5],
        ["2026-01-05", "KPI-0002", 3],
      ],
      "2026-02-01",
    );
    expect(rows["KPI-0001"]!.statusText).toBe("Error: check-in row 3 has no date");
    expect(rows["KPI-0001"]!.actual).toBeUndefined();
    expect(rows["KPI-0002"]!.actual).toBe(3);
  });

  it("makes a non-numeric Value an error whatever the row's date, naming the first bad row", () => {
    const rows = rollup(
      goals,
      [
        ["2026-01-05", "KPI-0001", 5],
        ["2027-06-01", "kpi-0001", "lots"],
        ["", "KPI-0001", 5],
      ],
      "2026-02-01",
    );
    expect(rows["KPI-0001"]!.statusText).toBe(
      'Error: check-in row 3 has Value "lots", which is not a number',
    );
  });

  it("makes a Date that is not a date an error", () => {
    const rows = rollup(goals, [["last Tuesday", "KPI-0002", 1]], "2026-02-01");
    expect(rows["KPI-0002"]!.statusText).toBe(
      'Error: check-in row 2 has Date "last Tuesday", which is not a date',
    );
  });

  it("keeps the registry fields of an error row in the rendered output", () => {
    const kpis = registry(goals);
    const output = kpiRollup(
      kpis,
      log([["", "KPI-0001", 5]]),
      "2026-02-01",
      "",
      fixedClock(TZ, "2026-02-01"),
    ) as unknown[][];
    expect(output[1]).toEqual([
      "KPI-0001",
      "Visit 100 manufacturing customers",
      "amy@example.com",
      "",
      100,
      "",
      "",
      "Error: check-in row 2 has no date",
    ]);
  });

  it("reads a text date or a serial day number in the Date column", () => {
    const rows = rollup(
      goals,
      [
        ["2026-01-05 09:30", "KPI-0002", 1],
        [day("2026-01-06") + 0.75, "KPI-0002", 2],
      ],
      "2026-02-01",
    );
    expect(rows["KPI-0002"]!.actual).toBe(3);
    expect(iso(rows["KPI-0002"]!.lastCheckin)).toBe("2026-01-06");
  });
});

describe("duplicate IDs and rows without an ID", () => {
  it("puts Error: duplicate ID on every copy, compared trimmed and case-insensitively", () => {
    const rows = computeRollup(
      registry([
        { ID: "KPI-0001", Target: 1 },
        { ID: "kpi-0001 ", Target: 2 },
        { ID: "KPI-0002", Target: 3 },
      ]),
      log([["2026-01-02", "KPI-0001", 1]]),
      { asOf: day("2026-02-01"), zone: zoneOf(TZ) },
    );
    expect(rows.map((row) => row.statusText)).toEqual([
      "Error: duplicate ID",
      "Error: duplicate ID",
      "No data",
    ]);
  });

  it("outputs one row per registry row that has an ID, in registry order", () => {
    const rows = computeRollup(
      registry([{ ID: "B", Target: 1 }, { ID: "", Name: "a note" }, { ID: "A", Target: 1 }, {}]),
      log([]),
      { asOf: day("2026-02-01"), zone: zoneOf(TZ) },
    );
    expect(rows.map((row) => [row.row, row.id])).toEqual([
      [2, "B"],
      [4, "A"],
    ]);
  });
});

describe("KPI_ROLLUP", () => {
  const clock = fixedClock(TZ, "2026-07-02");
  const kpis = registry([
    visits,
    { ID: "KPI-0002", Name: "Orders", Target: 3, Aggregation: "Count" },
  ]);
  const checkins = log([
    ["2026-02-10", "KPI-0001", 10],
    ["2026-03-10", "KPI-0002", 1],
  ]);
  const run = (asOf: unknown, fields: unknown) =>
    kpiRollup(kpis, checkins, asOf, fields, clock) as unknown[][];

  it("returns the default fields under their canonical names", () => {
    const output = run("", "");
    expect(output[0]).toEqual([
      "ID",
      "Name",
      "Owner",
      "Actual",
      "Target",
      "Attainment",
      "Expected",
      "Status",
    ]);
    expect(output[1]).toEqual([
      "KPI-0001",
      "Visit 100 manufacturing customers",
      "amy@example.com",
      10,
      100,
      0.1,
      0.5,
      "Off track",
    ]);
    expect(output[2]).toEqual(["KPI-0002", "Orders", "", 1, 3, 1 / 3, "", "In progress"]);
  });

  it("reads fields case-insensitively with spaces, _ and - ignored, and heads them canonically", () => {
    const output = run("", " id,STATUS , last_checkin,check ins,  streak,score ");
    expect(output[0]).toEqual(["ID", "Status", "Last check-in", "Check-ins", "Streak", "Score"]);
    expect(output[1]).toEqual(["KPI-0001", "Off track", sheetDate(TZ, "2026-02-10"), 1, "", 0.1]);
  });

  it("accepts the fields as a range of names", () => {
    expect(run("", [["ID", "Actual, Target"]])[0]).toEqual(["ID", "Actual", "Target"]);
  });

  it("renders every field, dates as Date cells and enumerations by their labels", () => {
    const output = kpiRollup(
      registry([
        {
          ID: "KR-1",
          Name: "Conversion reaches 5%",
          Type: "kr",
          Level: "team",
          Owner: "bo@example.com",
          Department: "Sales",
          Parent: "OBJ-1",
          Unit: "%",
          Direction: "up",
          Aggregation: "Last",
          Baseline: "1%",
          Target: "5%",
          Start: "2026-01-01",
          Due: "2026-12-31",
        },
      ]),
      log([["2026-03-01", "KR-1", "3%"]]),
      "2026-07-02",
      ROLLUP_FIELDS.join(","),
      clock,
    ) as unknown[][];
    expect(output[0]).toEqual(ROLLUP_FIELDS);
    const row = Object.fromEntries(ROLLUP_FIELDS.map((field, i) => [field, output[1]![i]]));
    expect(row).toEqual({
      ID: "KR-1",
      Name: "Conversion reaches 5%",
      Type: "Key result",
      Level: "Team",
      Owner: "bo@example.com",
      Department: "Sales",
      Parent: "OBJ-1",
      Unit: "%",
      Direction: "Increase",
      Baseline: 0.01,
      Target: 0.05,
      Start: sheetDate(TZ, "2026-01-01"),
      Due: sheetDate(TZ, "2026-12-31"),
      Actual: 0.03,
      Attainment: expect.closeTo(0.5, 12),
      Expected: 0.5,
      Status: "On track",
      Score: 0.5,
      "Check-ins": 1,
      "Last check-in": sheetDate(TZ, "2026-03-01"),
      Streak: "",
    });
  });

  it("rejects an unknown field, listing the valid ones", () => {
    expect(() => run("", "ID,Progress")).toThrow(
      'unknown field "Progress" in fields: use ID, Name, Type, Level, Owner, Department, Parent, Unit, Direction, Baseline, Target, Start, Due, Actual, Attainment, Expected, Status, Score, Check-ins, Last check-in, Streak',
    );
  });

  it("computes for today when as_of is blank, and for the date it is given otherwise", () => {
    expect(run("", "Expected")[1]).toEqual([0.5]);
    expect(run("2026-01-01", "Expected")[1]).toEqual([0]);
    expect(run(sheetDate(TZ, "2026-12-31"), "Expected")[1]).toEqual([1]);
    expect(run([[day("2026-12-31")]], "Expected")[1]).toEqual([1]);
    expect(() => run("someday", "Expected")).toThrow('as_of "someday" is not a date');
  });

  it("names a missing required column", () => {
    const noTarget = table([{ ID: "A", Name: "x" }]);
    expect(() => kpiRollup(noTarget, checkins, "", "", clock)).toThrow(
      'kpis has no "Target" column',
    );
    expect(() => kpiRollup(table([{ Name: "x", Target: 1 }]), checkins, "", "", clock)).toThrow(
      'kpis has no "ID" column',
    );
    expect(() => kpiRollup(kpis, [["Date", "KPI ID", "Amount"]], "", "", clock)).toThrow(
      'checkins has no "Value" column',
    );
    expect(() => kpiRollup(kpis, [["Date", "Goal", "Value"]], "", "", clock)).toThrow(
      'checkins has no "KPI ID" column (or "KPI" or "ID")',
    );
  });

  it("throws when an argument is not a range", () => {
    expect(() => kpiRollup("KPIs", checkins, "", "", clock)).toThrow(
      "kpis must be a range that includes its header row",
    );
    expect(() => kpiRollup(kpis, "", "", "", clock)).toThrow("checkins must be a range");
  });

  it("returns only the header for a registry without goals", () => {
    expect(kpiRollup([["ID", "Target"]], [["KPI", "Value"]], "", "ID", clock)).toEqual([["ID"]]);
  });
});

describe("columns are found by name", () => {
  const goals = [
    visits,
    { ID: "KPI-0002", Name: "Orders", Target: 3, Aggregation: "Count", Due: "2026-12-31" },
  ];
  const checkins = [
    ["2026-02-10", "KPI-0001", 10],
    ["2026-03-10", "KPI-0002", 1],
    ["2026-03-12", "KPI-0002", 1],
  ] as const;
  const clock = fixedClock(TZ, "2026-07-02");
  const fields = ROLLUP_FIELDS.join(",");
  const expected = kpiRollup(registry(goals), log(checkins), "", fields, clock);

  it("gives the same result whatever the column order, with the user's own columns added", () => {
    const header = [
      "Notes",
      "Due",
      "Target",
      "My score",
      "Aggregation",
      "Owner",
      "Name",
      "ID",
      "Start",
      "Unit",
    ];
    const kpis = registry(
      goals.map((goal) => ({ ...goal, Notes: "call Bo", "My score": 3 })),
      TZ,
      header,
    );
    const shuffledLog = [
      ["Value", "By", "Comment", "KPI ID", "Date"],
      ...log(checkins)
        .slice(1)
        .map(([date, id, value]) => [value, "x@example.com", "", id, date]),
    ];
    expect(kpiRollup(kpis, shuffledLog, "", fields, clock)).toEqual(expected);
  });

  it("accepts header spellings that differ in case, spaces, _ and - and the documented aliases", () => {
    const kpis = registry(goals).map((row, r) =>
      r === 0
        ? row.map(
            (name) =>
              (
                ({
                  ID: "kpi_id",
                  Due: "DUE DATE",
                  Start: "start-date",
                  Aggregation: " aggregation ",
                }) as Record<string, string>
              )[String(name)] ?? name,
          )
        : row,
    );
    const renamedLog = log(checkins).map((row, r) =>
      r === 0 ? [" date ", "KPI", "VALUE", "note", "by"] : row,
    );
    expect(kpiRollup(kpis, renamedLog, "", fields, clock)).toEqual(expected);
    const idOnly = log(checkins).map((row, r) => (r === 0 ? ["Date", "Id", "Value"] : row));
    expect(kpiRollup(kpis, idOnly, "", fields, clock)).toEqual(expected);
  });

  it("counts every check-in when the log has no Date column", () => {
    const undated = [
      ["KPI ID", "Value"],
      ["KPI-0001", 10],
      ["KPI-0001", 5],
    ];
    const rows = computeRollup(registry(goals), undated, {
      asOf: day("2026-07-02"),
      zone: zoneOf(TZ),
    });
    expect(rows[0]!.actual).toBe(15);
    expect(rows[0]!.lastCheckin).toBeUndefined();
  });
});

describe("time zones", () => {
  const goals = [
    { ...visits, Due: "2026-03-31" },
    {
      ID: "KPI-0002",
      Name: "Orders",
      Target: 3,
      Aggregation: "Last",
      Start: "2026-01-01",
      Due: "2026-12-31",
    },
  ];
  const checkins = [
    ["2026-01-01", "KPI-0001", 10],
    ["2026-03-31", "KPI-0001", 20],
    ["2026-04-01", "KPI-0001", 40],
    ["2026-02-01", "KPI-0002", 1],
    ["2026-02-01", "KPI-0002", 2],
  ] as const;
  const zones = ["Asia/Taipei", "America/Los_Angeles", "Pacific/Auckland", "UTC"];

  it("gives the same numbers for Date cells of spreadsheets in different zones", () => {
    const outputs = zones.map((timeZone) => {
      const rows = computeRollup(registry(goals, timeZone), log(checkins, timeZone), {
        asOf: day("2026-07-02"),
        zone: zoneOf(timeZone),
      });
      return rows.map((row) => [
        row.actual,
        row.attainment,
        row.expected,
        row.statusText,
        row.checkins,
        row.lastCheckin,
      ]);
    });
    for (const output of outputs) expect(output).toEqual(outputs[0]);
    expect(outputs[0]![0]).toEqual([30, 0.3, 1, "Missed", 2, day("2026-03-31")]);
  });

  it("reads a check-in logged late in the evening as that day in the spreadsheet's zone", () => {
    for (const timeZone of zones) {
      const zone = zoneOf(timeZone);
      const lateOnDue = new Date(zone.startOf(day("2026-03-31")).getTime() + 23.5 * 3_600_000);
      const rows = computeRollup(
        registry([{ ...visits, Due: "2026-03-31" }], timeZone),
        [
          ["Date", "KPI ID", "Value"],
          [lateOnDue, "KPI-0001", 7],
        ],
        { asOf: day("2026-07-02"), zone },
      );
      expect(rows[0]!.actual).toBe(7);
    }
  });

  it("returns dates as the Date cells of the spreadsheet's zone", () => {
    for (const timeZone of zones) {
      const output = kpiRollup(
        registry([visits], timeZone),
        log([["2026-02-10", "KPI-0001", 1]], timeZone),
        "2026-07-02",
        "Start,Due,Last check-in",
        fixedClock(timeZone, "2026-07-02"),
      ) as unknown[][];
      expect(output[1]).toEqual([
        sheetDate(timeZone, "2026-01-01"),
        sheetDate(timeZone, "2026-12-31"),
        sheetDate(timeZone, "2026-02-10"),
      ]);
    }
  });
});

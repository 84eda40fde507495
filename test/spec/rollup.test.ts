/**
 * SPEC §4.7 KPI_ROLLUP for plain KPIs, parents and Objectives, checked against the built
 * dist/Code.js. Expected values are worked out by hand from the SPEC (arithmetic in comments).
 * Habits are in habits.test.ts.
 */

import {
  checkins,
  datesIn,
  functionsIn,
  isDate,
  type KpiRow,
  records,
  registry,
  rowOf,
  thrown,
  ZONES,
} from "./harness";

const DEFAULT_FIELDS = [
  "ID",
  "Name",
  "Owner",
  "Actual",
  "Target",
  "Attainment",
  "Expected",
  "Status",
];
const ALL_FIELDS = [
  "ID",
  "Name",
  "Type",
  "Level",
  "Owner",
  "Department",
  "Parent",
  "Unit",
  "Direction",
  "Baseline",
  "Target",
  "Start",
  "Due",
  "Actual",
  "Attainment",
  "Expected",
  "Status",
  "Score",
  "Check-ins",
  "Last check-in",
  "Streak",
];

describe.each(ZONES)("KPI_ROLLUP in a spreadsheet in $tz", ({ tz, scriptTz }) => {
  const { KPI_ROLLUP } = functionsIn(tz, scriptTz);
  const { d, serial, at } = datesIn(tz);

  const all = ALL_FIELDS.join(",");
  const rollup = (
    kpis: KpiRow[],
    log: [unknown, unknown, unknown][],
    asOf: unknown,
    fields: string = all,
  ): unknown => KPI_ROLLUP(registry(kpis), checkins(log), asOf, fields);

  /** A January KPI: 0 → 100 orders, 2026-01-01 to 2026-01-31. */
  const january: KpiRow = {
    ID: "KPI-1",
    Name: "Close 100 orders in January",
    Type: "KPI",
    Owner: "sales@example.com",
    Unit: "orders",
    Baseline: 0,
    Target: 100,
    Start: d("2026-01-01"),
    Due: d("2026-01-31"),
  };

  function expectDay(value: unknown, iso: string): void {
    expect(isDate(value)).toBe(true);
    expect((value as Date).getTime()).toBe(d(iso).getTime());
  }

  describe("output", () => {
    it("uses the default fields, one row per registry row with an ID, in registry order", () => {
      const out = KPI_ROLLUP(
        registry([
          { ...january, ID: "KPI-2", Name: "Second" },
          { ...january, ID: "", Name: "No ID" },
          { ...january, ID: "KPI-1", Name: "First" },
        ]),
        checkins([[d("2026-01-05"), "KPI-1", 40]]),
        d("2026-01-16"),
      ) as unknown[][];
      expect(out[0]).toEqual(DEFAULT_FIELDS);
      // KPI-1: 40 / 100 = 0.4; expected 15 / 30 = 0.5; gap −0.1 → On track
      expect(out.slice(1)).toEqual([
        ["KPI-2", "Second", "sales@example.com", "", 100, "", 0.5, "No data"],
        ["KPI-1", "First", "sales@example.com", 40, 100, 0.4, 0.5, "On track"],
      ]);
    });

    it("uses the default fields for blank fields", () => {
      const out = KPI_ROLLUP(registry([january]), checkins([]), d("2026-01-16"), "") as unknown[][];
      expect(out[0]).toEqual(DEFAULT_FIELDS);
    });

    it("reads fields case-insensitively around commas and prints canonical names", () => {
      const out = rollup(
        [january],
        [],
        d("2026-01-16"),
        " id , ACTUAL,status , last check-in,CHECK-INS,streak,score",
      );
      expect((out as unknown[][])[0]).toEqual([
        "ID",
        "Actual",
        "Status",
        "Last check-in",
        "Check-ins",
        "Streak",
        "Score",
      ]);
    });

    it("rejects an unknown field, listing the valid ones", () => {
      const message = thrown(() => rollup([january], [], d("2026-01-16"), "ID,Progress"));
      expect(message).toMatch(/^KPI_ROLLUP: /);
      expect(message).toMatch(/Progress/);
      for (const field of ALL_FIELDS) expect(message).toContain(field);
    });

    it("echoes registry columns and gives blank for blank cells", () => {
      const row = rowOf(
        rollup(
          [
            {
              ...january,
              Type: "Key result",
              Level: "Team",
              Department: "Sales",
              Parent: "",
              Direction: "Increase",
              Baseline: 10,
              Target: 110,
            },
          ],
          [],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expect(row).toMatchObject({
        Name: "Close 100 orders in January",
        Type: "Key result",
        Level: "Team",
        Owner: "sales@example.com",
        Department: "Sales",
        Parent: "",
        Unit: "orders",
        Baseline: 10,
        Target: 110,
        Actual: "",
        Attainment: "",
        Score: "",
        "Check-ins": 0,
        "Last check-in": "",
        Streak: "",
      });
    });

    it("returns Start, Due and Last check-in as dates at midnight of the day", () => {
      const row = rowOf(
        rollup(
          [{ ...january, Start: "2026-01-01", Due: serial("2026-01-31") }],
          [
            ["2026-01-05T09:30", "KPI-1", 10],
            [at("2026-01-07", 17.5), "KPI-1", 10],
            [serial("2026-01-06") + 0.75, "KPI-1", 10],
          ],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expectDay(row["Start"], "2026-01-01");
      expectDay(row["Due"], "2026-01-31");
      expectDay(row["Last check-in"], "2026-01-07");
      expect(row["Check-ins"]).toBe(3);
    });

    it("does not round numbers", () => {
      // 1 / 3 of the way; expected 15 / 30
      const row = rowOf(
        rollup([{ ...january, Target: 3 }], [[d("2026-01-02"), "KPI-1", 1]], d("2026-01-16")),
        "KPI-1",
      );
      expect(row["Attainment"]).toBe(1 / 3);
      expect(row["Expected"]).toBe(0.5);
    });
  });

  describe("columns", () => {
    it("finds registry and log columns by header name, in any order", () => {
      const kpis = [
        ["Notes", "due", " TARGET ", "base_line", "id", "START", "Aggre-gation", "Name"],
        ["mine", d("2026-01-31"), 100, 0, "KPI-1", d("2026-01-01"), "max", "x"],
      ];
      const log = [
        ["value", "By", " kpi_id ", "DATE"],
        [30, "a@example.com", "KPI-1", d("2026-01-05")],
        [60, "a@example.com", "KPI-1", d("2026-01-06")],
      ];
      // max(30, 60) = 60 → 0.6; expected 0.5; gap +0.1 → On track
      const row = rowOf(
        KPI_ROLLUP(kpis, log, d("2026-01-16"), "ID,Actual,Attainment,Status"),
        "KPI-1",
      );
      expect(row).toEqual({ ID: "KPI-1", Actual: 60, Attainment: 0.6, Status: "On track" });
    });

    it.each(["KPI ID", "KPI", "ID", "kpi-id"])(
      "takes %p as the check-in KPI ID column",
      (header) => {
        const log = [
          ["Date", header, "Value"],
          [d("2026-01-05"), "KPI-1", 25],
        ];
        const row = rowOf(
          KPI_ROLLUP(registry([january]), log, d("2026-01-16"), "ID,Actual"),
          "KPI-1",
        );
        expect(row["Actual"]).toBe(25);
      },
    );

    it("counts every check-in when the log has no Date column", () => {
      const log = [
        ["KPI ID", "Value"],
        ["KPI-1", 25],
        ["KPI-1", 5],
      ];
      const row = rowOf(
        KPI_ROLLUP(registry([january]), log, d("2026-01-16"), "ID,Actual"),
        "KPI-1",
      );
      expect(row["Actual"]).toBe(30);
    });

    it.each([
      [
        "the registry's ID",
        [
          ["Name", "Target"],
          ["x", 1],
        ],
        checkins([]),
        /ID/,
      ],
      [
        "the registry's Target",
        [
          ["ID", "Name"],
          ["KPI-1", "x"],
        ],
        checkins([]),
        /Target/,
      ],
      [
        "the log's Value",
        registry([january]),
        [
          ["Date", "KPI ID"],
          [d("2026-01-05"), "KPI-1"],
        ],
        /Value/,
      ],
      [
        "the log's KPI ID",
        registry([january]),
        [
          ["Date", "Value"],
          [d("2026-01-05"), 1],
        ],
        /KPI ID/,
      ],
    ])("names a missing required column: %s", (_label, kpis, log, name) => {
      const message = thrown(() => KPI_ROLLUP(kpis, log, d("2026-01-16")));
      expect(message).toMatch(/^KPI_ROLLUP: /);
      expect(message).toMatch(name);
    });

    it("throws for a bad argument as a whole", () => {
      expect(thrown(() => KPI_ROLLUP(registry([january]), checkins([]), "someday"))).toMatch(
        /^KPI_ROLLUP: /,
      );
      expect(thrown(() => KPI_ROLLUP("KPIs!A1:AD", checkins([]), d("2026-01-16")))).toMatch(
        /^KPI_ROLLUP: /,
      );
    });
  });

  describe("own check-ins", () => {
    const window: KpiRow = { ...january, Start: d("2026-01-10"), Due: d("2026-01-20") };
    const log: [unknown, unknown, unknown][] = [
      [d("2026-01-09"), "KPI-1", 1], // before Start
      [d("2026-01-10"), "KPI-1", 2], // on Start
      [d("2026-01-15"), " kpi-1 ", 4], // ID trimmed, any case
      [d("2026-01-16"), "KPI-1", 8],
      [d("2026-01-20"), "KPI-1", 16], // on Due
      [d("2026-01-21"), "KPI-1", 32], // after Due
      [d("2026-01-12"), "KPI-1", ""], // blank Value: not a check-in
      [d("2026-01-12"), "KPI-2", 64], // another KPI
    ];

    it("counts check-ins from Start to as_of, both included", () => {
      // as_of 01-15: 2 + 4 = 6; expected 5 / 10
      const row = rowOf(rollup([window], log, d("2026-01-15")), "KPI-1");
      expect(row["Actual"]).toBe(6);
      expect(row["Check-ins"]).toBe(2);
      expect(row["Expected"]).toBe(0.5);
      expectDay(row["Last check-in"], "2026-01-15");
    });

    it("counts check-ins up to Due, both included, once as_of is past it", () => {
      // 2 + 4 + 8 + 16 = 30
      const row = rowOf(rollup([window], log, d("2026-02-15")), "KPI-1");
      expect(row["Actual"]).toBe(30);
      expect(row["Check-ins"]).toBe(4);
      expectDay(row["Last check-in"], "2026-01-20");
    });

    it("counts every check-in up to as_of when Start and Due are blank", () => {
      // 1 + 2 + 4 + 8 = 15 up to 01-16
      const row = rowOf(rollup([{ ...window, Start: "", Due: "" }], log, d("2026-01-16")), "KPI-1");
      expect(row["Actual"]).toBe(15);
      expect(row["Expected"]).toBe("");
    });

    it("reads text values as numbers", () => {
      // " 12.5 " + "50%" = 12.5 + 0.5
      const row = rowOf(
        rollup(
          [january],
          [
            [d("2026-01-05"), "KPI-1", " 12.5 "],
            [d("2026-01-06"), "KPI-1", "50%"],
          ],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expect(row["Actual"]).toBe(13);
    });

    it("makes a blank Date or a non-numeric Value that KPI's error, naming the row", () => {
      const table = rollup(
        [
          january,
          { ...january, ID: "KPI-2" },
          { ...january, ID: "KPI-3" },
          { ...january, ID: "KPI-4" },
        ],
        [
          [d("2026-01-05"), "KPI-1", 5], // row 2
          ["", "KPI-1", 3], // row 3: blank Date
          [d("2026-01-05"), "KPI-2", "lots"], // row 4: not a number
          [d("2030-01-01"), "kpi-3", "n/a"], // row 5: outside the window, still an error
          [d("2026-01-05"), "KPI-4", 4], // row 6
          ["", "KPI-9", "x"], // row 7: a KPI not in the registry
        ],
        d("2026-01-16"),
      );
      const one = rowOf(table, "KPI-1");
      expect(String(one["Status"])).toMatch(/^Error: check-in row 3\b/);
      expect(one).toMatchObject({ Actual: "", Attainment: "", Score: "" });
      expect(String(rowOf(table, "KPI-2")["Status"])).toMatch(/^Error: check-in row 4\b/);
      expect(String(rowOf(table, "KPI-3")["Status"])).toMatch(/^Error: check-in row 5\b/);
      // 4 / 100 = 0.04; gap 0.04 − 0.5 → Off track
      expect(rowOf(table, "KPI-4")).toMatchObject({
        Actual: 4,
        Attainment: 0.04,
        Status: "Off track",
      });
    });

    it("makes a row with the KPI's ID but neither date nor value an error too", () => {
      const row = rowOf(rollup([january], [["", "KPI-1", ""]], d("2026-01-16")), "KPI-1");
      expect(String(row["Status"])).toMatch(/^Error: check-in row 2\b/);
    });

    it("makes a value of only spaces an error, since it is not blank", () => {
      const row = rowOf(
        rollup([january], [[d("2026-01-05"), "KPI-1", " "]], d("2026-01-16")),
        "KPI-1",
      );
      expect(String(row["Status"])).toMatch(/^Error: check-in row 2\b/);
    });

    it("ignores check-in rows of unknown IDs, even blank ones", () => {
      const row = rowOf(
        rollup(
          [january],
          [
            ["", "", 5],
            ["", "", ""],
            [null, null, null],
            [d("2026-01-05"), "KPI-1", 40],
          ],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expect(row).toMatchObject({ Actual: 40, Status: "On track" });
    });
  });

  describe("aggregation", () => {
    // Rows out of date order: the last row (3) is not the latest date (01-04: 6).
    const log = (id: string): [unknown, unknown, unknown][] => [
      [d("2026-01-03"), id, 9],
      [d("2026-01-04"), id, 6],
      [d("2026-01-02"), id, 3],
    ];

    it.each([
      ["", 18],
      ["Sum", 18],
      ["total", 18],
      ["Average", 6],
      [" AVG ", 6],
      ["mean", 6],
      ["Last", 6],
      ["latest", 6],
      ["CURRENT", 6],
      ["max", 9],
      ["Min", 3],
      ["count", 3],
    ])("combines check-ins by %p", (aggregation, actual) => {
      const row = rowOf(
        rollup([{ ...january, Aggregation: aggregation }], log("KPI-1"), d("2026-01-16")),
        "KPI-1",
      );
      expect(row["Actual"]).toBe(actual);
      // attainment is actual / 100
      expect(row["Attainment"]).toBe(actual / 100);
      expect(row["Check-ins"]).toBe(3);
    });

    it("breaks a tie of the latest date towards the later row", () => {
      const row = rowOf(
        rollup(
          [{ ...january, Aggregation: "Last" }],
          [
            [d("2026-01-04"), "KPI-1", 5],
            [d("2026-01-04"), "KPI-1", 7],
            [d("2026-01-02"), "KPI-1", 3],
          ],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expect(row["Actual"]).toBe(7);
      expectDay(row["Last check-in"], "2026-01-04");
    });

    it("counts only check-ins with a value", () => {
      const row = rowOf(
        rollup(
          [{ ...january, Aggregation: "Count" }],
          [
            [d("2026-01-04"), "KPI-1", 0],
            [d("2026-01-05"), "KPI-1", ""],
            [d("2026-01-06"), "KPI-1", -2],
          ],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expect(row["Actual"]).toBe(2);
    });
  });

  describe("attainment, expected, status and score", () => {
    const at16 = (actual: number | null, change: KpiRow = {}): Record<string, unknown> =>
      rowOf(
        rollup(
          [{ ...january, ...change }],
          actual === null ? [] : [[d("2026-01-05"), "KPI-1", actual]],
          d("2026-01-16"),
        ),
        "KPI-1",
      );

    it("grades with the default gaps against the elapsed fraction", () => {
      // expected 15 / 30 = 0.5
      expect(at16(40)).toMatchObject({ Attainment: 0.4, Expected: 0.5, Status: "On track" });
      expect(at16(30)).toMatchObject({ Attainment: 0.3, Status: "At risk" });
      expect(at16(25)).toMatchObject({ Attainment: 0.25, Status: "At risk" });
      expect(at16(20)).toMatchObject({ Attainment: 0.2, Status: "Off track" });
      expect(at16(100)).toMatchObject({ Attainment: 1, Status: "Achieved" });
      expect(at16(null)).toMatchObject({ Actual: "", Attainment: "", Status: "No data" });
      expect(at16(50, { Start: "", Due: "" })).toMatchObject({
        Expected: "",
        Status: "In progress",
      });
    });

    it("gives Missed after Due and Achieved before it", () => {
      const table = rollup(
        [january, { ...january, ID: "KPI-2" }],
        [
          [d("2026-01-05"), "KPI-1", 50],
          [d("2026-01-05"), "KPI-2", 100],
        ],
        d("2026-02-01"),
      );
      expect(rowOf(table, "KPI-1")).toMatchObject({ Expected: 1, Status: "Missed" });
      expect(rowOf(table, "KPI-2")["Status"]).toBe("Achieved");
    });

    it("follows the direction and baseline", () => {
      // decrease: (10 − 8) / (10 − 5) = 0.4
      expect(at16(8, { Direction: "Lower is better", Baseline: 10, Target: 5 })["Attainment"]).toBe(
        0.4,
      );
      expect(at16(8, { Direction: "at most", Baseline: "", Target: 10 })["Attainment"]).toBe(1);
      // (60 − 20) / (100 − 20) = 0.5
      expect(at16(60, { Baseline: 20 })["Attainment"]).toBe(0.5);
      expect(at16(60, { Target: "" })).toMatchObject({
        Actual: 60,
        Attainment: "",
        Status: "No data",
      });
    });

    it("scores attainment clamped to [0, 1] and rounded to one decimal", () => {
      expect(at16(44)["Score"]).toBe(0.4);
      expect(at16(46)["Score"]).toBe(0.5);
      expect(at16(130)["Score"]).toBe(1);
      expect(at16(0)["Score"]).toBe(0);
      // decrease gone the wrong way: (10 − 12) / (10 − 5) = −0.4 → 0
      expect(at16(12, { Direction: "decrease", Baseline: 10, Target: 5 })["Score"]).toBe(0);
      expect(at16(null)["Score"]).toBe("");
    });

    it.each([
      ["an unknown direction", { Direction: "sideways" }],
      ["a decrease without baseline", { Direction: "decrease", Baseline: "" }],
      ["an increase with the target below the baseline", { Baseline: 200 }],
      ["a decrease with the target above the baseline", { Direction: "down", Baseline: 50 }],
      ["an unknown aggregation", { Aggregation: "median" }],
      ["an unknown type", { Type: "Project" }],
      ["an unknown cadence", { Cadence: "Fortnightly" }],
      ["a target that is not a number", { Target: "a hundred" }],
      ["a baseline that is not a number", { Baseline: "zero" }],
      ["a start that is not a date", { Start: "January" }],
      ["a due date that is not a date", { Due: "end of month" }],
      ["a due date before the start", { Start: d("2026-02-01") }],
    ])("puts %s in the row's Status, blanking computed fields", (_label, change) => {
      const table = rollup(
        [
          { ...january, ...change },
          { ...january, ID: "KPI-2" },
        ],
        [
          [d("2026-01-05"), "KPI-1", 40],
          [d("2026-01-05"), "KPI-2", 40],
        ],
        d("2026-01-16"),
      );
      const row = rowOf(table, "KPI-1");
      expect(String(row["Status"])).toMatch(/^Error: \S/);
      expect(row).toMatchObject({ Actual: "", Attainment: "", Expected: "", Score: "" });
      // the other rows are unaffected
      expect(rowOf(table, "KPI-2")).toMatchObject({ Actual: 40, Status: "On track" });
    });

    it("puts an error in the row even without check-ins", () => {
      const row = rowOf(
        rollup([{ ...january, Direction: "decrease", Baseline: "" }], [], d("2026-01-16")),
        "KPI-1",
      );
      expect(String(row["Status"])).toMatch(/^Error: /);
    });

    it("reads type, direction, aggregation and cadence names trimmed and in any case", () => {
      const row = rowOf(
        rollup(
          [
            {
              ...january,
              Type: " key RESULT ",
              Direction: " INCREASE ",
              Aggregation: " Max ",
              Cadence: " weekly ",
            },
          ],
          [
            [d("2026-01-05"), "KPI-1", 40],
            [d("2026-01-06"), "KPI-1", 30],
          ],
          d("2026-01-16"),
        ),
        "KPI-1",
      );
      expect(row).toMatchObject({ Actual: 40, Attainment: 0.4, Status: "On track" });
    });

    it("uses today for a blank as_of", () => {
      const row = rowOf(
        rollup(
          [{ ...january, Start: d("2000-01-01"), Due: d("2000-12-31") }],
          [[d("2000-06-01"), "KPI-1", 100]],
          "",
        ),
        "KPI-1",
      );
      expect(row).toMatchObject({ Actual: 100, Expected: 1, Status: "Achieved" });
    });

    it("takes as_of as an ISO string or a serial day", () => {
      for (const asOf of ["2026-01-16", serial("2026-01-16"), "2026-01-16 18:00"]) {
        expect(rowOf(rollup([january], [], asOf), "KPI-1")["Expected"]).toBe(0.5);
      }
    });
  });

  describe("sum parents", () => {
    /** A company goal in NTD with two channels; only the SEO channel has check-ins. */
    const company: KpiRow = {
      ID: "CO",
      Name: "Reach 1000 NTD in sales",
      Level: "Company",
      Unit: "NTD",
      Aggregation: "Sum",
      Baseline: 0,
      Target: 1000,
      Start: d("2026-01-01"),
      Due: d("2026-01-31"),
    };
    const seo: KpiRow = {
      ...company,
      ID: "SEO",
      Level: "Department",
      Parent: "CO",
      Unit: " ntd ",
      Aggregation: "",
      Target: 400,
    };
    const events: KpiRow = { ...seo, ID: "EV", Unit: "NTD", Aggregation: "total", Target: 600 };

    it("sums the children's actuals, blank as 0, and grades against its own target", () => {
      const table = rollup(
        [company, seo, events],
        [[d("2026-01-05"), "SEO", 300]],
        d("2026-01-16"),
      );
      // 300 + blank (0) = 300; 300 / 1000 = 0.3; expected 0.5; gap −0.2 → At risk
      expect(rowOf(table, "CO")).toMatchObject({ Actual: 300, Attainment: 0.3, Status: "At risk" });
      // 300 / 400
      expect(rowOf(table, "SEO")).toMatchObject({ Actual: 300, Attainment: 0.75 });
      expect(rowOf(table, "EV")).toMatchObject({ Actual: "", Attainment: "" });
    });

    it("is blank when every child is blank", () => {
      const table = rollup([company, seo, events], [], d("2026-01-16"));
      expect(rowOf(table, "CO")).toMatchObject({ Actual: "", Attainment: "", Status: "No data" });
    });

    it("sums at any depth", () => {
      const table = rollup(
        [
          company,
          { ...seo, ID: "MKT", Parent: "CO", Target: 600 },
          { ...seo, ID: "WEB", Parent: "MKT", Target: 300 },
          { ...seo, ID: "SOC", Parent: "MKT", Target: 300 },
          { ...seo, ID: "OPS", Parent: "CO", Target: 400 },
        ],
        [
          [d("2026-01-05"), "WEB", 200],
          [d("2026-01-06"), "SOC", 100],
          [d("2026-01-07"), "OPS", 150],
        ],
        d("2026-01-16"),
      );
      // MKT = 200 + 100 = 300 (0.5 of 600); CO = 300 + 150 = 450 (0.45 of 1000)
      expect(rowOf(table, "MKT")).toMatchObject({ Actual: 300, Attainment: 0.5 });
      expect(rowOf(table, "CO")).toMatchObject({ Actual: 450, Attainment: 0.45 });
    });

    it("uses its own check-ins instead, when it has any, of any date", () => {
      const inWindow = rollup(
        [company, seo],
        [
          [d("2026-01-05"), "SEO", 300],
          [d("2026-01-06"), "CO", 50],
        ],
        d("2026-01-16"),
      );
      // own check-in: 50 / 1000
      expect(rowOf(inWindow, "CO")).toMatchObject({ Actual: 50, Attainment: 0.05 });
      // an own check-in before Start still makes it a non-parent; none in the window → blank
      const outside = rollup(
        [company, seo],
        [
          [d("2026-01-05"), "SEO", 300],
          [d("2025-12-01"), "CO", 50],
        ],
        d("2026-01-16"),
      );
      expect(rowOf(outside, "CO")).toMatchObject({ Actual: "", Attainment: "", Status: "No data" });
    });

    it("stays a parent when its own log rows have no value", () => {
      const table = rollup(
        [company, seo],
        [
          [d("2026-01-05"), "SEO", 300],
          [d("2026-01-06"), "CO", ""],
        ],
        d("2026-01-16"),
      );
      expect(rowOf(table, "CO")).toMatchObject({ Actual: 300, Attainment: 0.3 });
    });

    it("reports a duplicate child as a child error", () => {
      const table = rollup([company, seo, seo], [[d("2026-01-05"), "SEO", 300]], d("2026-01-16"));
      expect(String(rowOf(table, "CO")["Status"])).toMatch(/^Error: child SEO has an error/);
    });

    it("averages attainment instead when a unit or aggregation differs", () => {
      const cases: KpiRow[][] = [
        [company, seo, { ...events, Unit: "orders" }],
        [company, seo, { ...events, Aggregation: "Max" }],
        [{ ...company, Aggregation: "Average" }, seo, events],
        [{ ...company, Unit: "" }, seo, events],
      ];
      for (const kpis of cases) {
        const table = rollup(
          kpis,
          [
            [d("2026-01-05"), "SEO", 200],
            [d("2026-01-05"), "EV", 300],
          ],
          d("2026-01-16"),
        );
        // SEO 200 / 400 = 0.5 (sum of one check-in, or its max); EV 300 / 600 = 0.5 → mean 0.5
        expect(rowOf(table, "CO")).toMatchObject({ Actual: "", Attainment: 0.5 });
      }
    });
  });

  describe("weighted parents and Objectives", () => {
    const objective: KpiRow = {
      ID: "O-1",
      Name: "Become the go-to supplier for manufacturers",
      Type: "Objective",
      Level: "Company",
      // a unit and Sum do not make an Objective a sum parent
      Unit: "visits",
      Aggregation: "Sum",
      Start: d("2026-01-01"),
      Due: d("2026-01-31"),
    };
    const kr = (id: string, target: number, weight: unknown): KpiRow => ({
      ID: id,
      Name: `Key result ${id}`,
      Type: "Key result",
      Level: "Team",
      Parent: "O-1",
      Unit: "visits",
      Baseline: 0,
      Target: target,
      Weight: weight,
      Start: d("2026-01-01"),
      Due: d("2026-01-31"),
    });

    it("takes the weighted mean of clamped attainments over children that have one", () => {
      const table = rollup(
        [objective, kr("KR-1", 100, 1), kr("KR-2", 10, 3), kr("KR-3", 50, "")],
        [
          [d("2026-01-05"), "KR-1", 150],
          [d("2026-01-05"), "KR-2", 2],
        ],
        d("2026-01-16"),
      );
      // KR-1 1.5 → 1 (weight 1); KR-2 0.2 (weight 3); KR-3 none: (1 + 0.6) / 4 = 0.4
      const o = rowOf(table, "O-1");
      expect(o["Actual"]).toBe("");
      expect(o["Attainment"]).toBeCloseTo(0.4, 12);
      // expected 0.5, gap −0.1 → On track; score 0.4
      expect(o).toMatchObject({ Expected: 0.5, Status: "On track", Score: 0.4 });
      expect(rowOf(table, "KR-1")["Attainment"]).toBe(1.5);
    });

    it("counts a blank weight as 1 and clamps below 0 too", () => {
      const table = rollup(
        [objective, kr("KR-1", 100, ""), kr("KR-2", 10, "")],
        [
          [d("2026-01-05"), "KR-1", -50],
          [d("2026-01-05"), "KR-2", 8],
        ],
        d("2026-01-16"),
      );
      // KR-1 −0.5 → 0; KR-2 0.8: (0 + 0.8) / 2 = 0.4
      expect(rowOf(table, "O-1")["Attainment"]).toBeCloseTo(0.4, 12);
    });

    it("is blank when no child has an attainment", () => {
      const table = rollup([objective, kr("KR-1", 100, 1), kr("KR-2", 10, 3)], [], d("2026-01-16"));
      expect(rowOf(table, "O-1")).toMatchObject({ Actual: "", Attainment: "", Status: "No data" });
    });

    it("is blank when the contributing weights add up to 0", () => {
      const table = rollup(
        [objective, kr("KR-1", 100, 0), kr("KR-2", 10, 0)],
        [
          [d("2026-01-05"), "KR-1", 50],
          [d("2026-01-05"), "KR-2", 5],
        ],
        d("2026-01-16"),
      );
      expect(rowOf(table, "O-1")["Attainment"]).toBe("");
    });

    it("ignores a zero-weight child in the mean", () => {
      const table = rollup(
        [objective, kr("KR-1", 100, 0), kr("KR-2", 10, 2)],
        [
          [d("2026-01-05"), "KR-1", 100],
          [d("2026-01-05"), "KR-2", 5],
        ],
        d("2026-01-16"),
      );
      // (0 × 1 + 2 × 0.5) / 2 = 0.5
      expect(rowOf(table, "O-1")["Attainment"]).toBe(0.5);
    });

    it("makes a negative weight the child's error and the parent's child error", () => {
      const table = rollup(
        [objective, kr("KR-1", 100, -1), kr("KR-2", 10, 1)],
        [
          [d("2026-01-05"), "KR-1", 50],
          [d("2026-01-05"), "KR-2", 5],
        ],
        d("2026-01-16"),
      );
      expect(String(rowOf(table, "KR-1")["Status"])).toMatch(/^Error: /);
      expect(String(rowOf(table, "O-1")["Status"])).toMatch(/^Error: child KR-1 has an error/);
      expect(rowOf(table, "O-1")).toMatchObject({ Actual: "", Attainment: "" });
      expect(rowOf(table, "KR-2")).toMatchObject({ Attainment: 0.5 });
    });

    it("passes a child's error up every level", () => {
      const table = rollup(
        [
          objective,
          { ...objective, ID: "O-2", Level: "Team", Parent: "O-1" },
          { ...kr("KR-1", 100, 1), Parent: "O-2", Direction: "sideways" },
        ],
        [],
        d("2026-01-16"),
      );
      expect(String(rowOf(table, "O-2")["Status"])).toMatch(/^Error: child KR-1 has an error/);
      expect(String(rowOf(table, "O-1")["Status"])).toMatch(/^Error: child O-2 has an error/);
    });

    it("averages at any depth, each level clamped", () => {
      const table = rollup(
        [
          objective,
          { ...objective, ID: "O-2", Level: "Team", Parent: "O-1", Weight: 1 },
          kr("KR-1", 100, 1),
          { ...kr("KR-2", 100, 1), Parent: "O-2" },
          { ...kr("KR-3", 100, 1), Parent: "O-2" },
        ],
        [
          [d("2026-01-05"), "KR-1", 20],
          [d("2026-01-05"), "KR-2", 200],
          [d("2026-01-05"), "KR-3", 60],
        ],
        d("2026-01-16"),
      );
      // O-2: (min(2, 1) + 0.6) / 2 = 0.8; O-1: (0.2 + 0.8) / 2 = 0.5
      expect(rowOf(table, "O-2")["Attainment"]).toBeCloseTo(0.8, 12);
      expect(rowOf(table, "O-1")["Attainment"]).toBeCloseTo(0.5, 12);
    });

    it("ignores an unknown Parent", () => {
      const row = rowOf(
        rollup(
          [{ ...kr("KR-1", 100, 1), Parent: "O-404" }],
          [[d("2026-01-05"), "KR-1", 40]],
          d("2026-01-16"),
        ),
        "KR-1",
      );
      expect(row).toMatchObject({ Actual: 40, Attainment: 0.4, Status: "On track" });
    });
  });

  describe("cycles and duplicates", () => {
    const base: KpiRow = { ...january, Unit: "NTD" };

    it("puts a parent cycle error on every KPI in the cycle, and only there", () => {
      const table = rollup(
        [
          { ...base, ID: "A", Parent: "B" },
          { ...base, ID: "B", Parent: "C" },
          { ...base, ID: "C", Parent: "A" },
          { ...base, ID: "D", Parent: "A" },
          { ...base, ID: "S", Parent: "S" },
          { ...base, ID: "E" },
        ],
        [
          [d("2026-01-05"), "D", 40],
          [d("2026-01-05"), "E", 40],
        ],
        d("2026-01-16"),
      );
      for (const id of ["A", "B", "C", "S"]) {
        expect(String(rowOf(table, id)["Status"])).toMatch(/^Error: parent cycle/);
      }
      expect(rowOf(table, "D")).toMatchObject({ Actual: 40, Status: "On track" });
      expect(rowOf(table, "E")).toMatchObject({ Actual: 40, Status: "On track" });
    });

    it("puts a duplicate ID error on every copy", () => {
      const table = rollup(
        [
          { ...base, ID: "KPI-7" },
          { ...base, ID: "KPI-8" },
          { ...base, ID: "KPI-7", Name: "Again" },
        ],
        [
          [d("2026-01-05"), "KPI-7", 40],
          [d("2026-01-05"), "KPI-8", 40],
        ],
        d("2026-01-16"),
      );
      const rows = records(table);
      expect(rows.map((row) => row["ID"])).toEqual(["KPI-7", "KPI-8", "KPI-7"]);
      expect(String(rows[0]?.["Status"])).toMatch(/^Error: duplicate ID/);
      expect(String(rows[2]?.["Status"])).toMatch(/^Error: duplicate ID/);
      expect(rows[1]).toMatchObject({ Actual: 40, Status: "On track" });
    });
  });

  describe("status gaps (at_risk_gap, off_track_gap)", () => {
    // attainment 0.3 against expected 15 / 30 = 0.5: a gap of −0.2
    const table = (atRisk: unknown, offTrack: unknown): unknown =>
      KPI_ROLLUP(
        registry([january]),
        checkins([[d("2026-01-05"), "KPI-1", 30]]),
        d("2026-01-16"),
        "ID,Status",
        atRisk,
        offTrack,
      );

    it("grades with 0.10 and 0.25 when the gaps are blank", () => {
      expect(rowOf(table("", ""), "KPI-1")["Status"]).toBe("At risk");
      expect(
        rowOf(
          KPI_ROLLUP(
            registry([january]),
            checkins([[d("2026-01-05"), "KPI-1", 30]]),
            d("2026-01-16"),
            "ID,Status",
          ),
          "KPI-1",
        )["Status"],
      ).toBe("At risk");
    });

    it("grades with the gaps given, like KPI_STATUS", () => {
      // −0.2 ≥ −0.2 → On track; −0.2 < −0.1 and < −0.15 → Off track
      expect(rowOf(table(0.2, 0.4), "KPI-1")["Status"]).toBe("On track");
      expect(rowOf(table("10%", "15%"), "KPI-1")["Status"]).toBe("Off track");
    });

    it("refuses a gap that is not a number, naming it", () => {
      expect(thrown(() => table("soon", ""))).toMatch(/^KPI_ROLLUP: .*at_risk_gap/);
      expect(thrown(() => table("", "#N/A"))).toMatch(/^KPI_ROLLUP: .*off_track_gap/);
    });
  });

  describe("edge cases: error values and numbers too large", () => {
    const other: KpiRow = { ...january, ID: "KPI-2", Name: "Close 100 more orders" };
    const log: [unknown, unknown, unknown][] = [
      [d("2026-01-05"), "KPI-1", 40],
      [d("2026-01-05"), "KPI-2", 40],
    ];

    it("makes an error value in a registry cell the error of its row only", () => {
      for (const error of ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?"]) {
        const table = rollup([{ ...january, Target: error }, other], log, d("2026-01-16"));
        expect(String(rowOf(table, "KPI-1")["Status"])).toMatch(/^Error: .*#/);
        expect(rowOf(table, "KPI-1")).toMatchObject({ Actual: "", Attainment: "" });
        expect(rowOf(table, "KPI-2")).toMatchObject({ Actual: 40, Status: "On track" });
      }
    });

    it("makes an error value in a check-in the error of its KPI, naming the row", () => {
      const table = rollup(
        [january, other],
        [...log, [d("2026-01-06"), "KPI-1", "#DIV/0!"]],
        d("2026-01-16"),
      );
      // the check-in is row 4 of the range (header = 1)
      expect(String(rowOf(table, "KPI-1")["Status"])).toMatch(/^Error: check-in row 4 .*#DIV\/0!/);
      expect(rowOf(table, "KPI-2")).toMatchObject({ Actual: 40, Status: "On track" });
    });

    it("makes an actual that overflows its KPI's error, never a status", () => {
      const table = rollup(
        [january, other],
        [...log, [d("2026-01-06"), "KPI-1", 1e308], [d("2026-01-07"), "KPI-1", 1e308]],
        d("2026-01-16"),
      );
      expect(rowOf(table, "KPI-1")).toMatchObject({
        Actual: "",
        Attainment: "",
        Status: "Error: Actual is too large to compute",
      });
      expect(rowOf(table, "KPI-2")).toMatchObject({ Actual: 40, Status: "On track" });
    });
  });
});

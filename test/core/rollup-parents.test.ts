import { type Goal, rollup, summary } from "./rollup.fixtures";

const year = { Start: "2026-01-01", Due: "2026-12-31" };
const midYear = "2026-07-02"; // half of the year has passed: expected 0.5

/** The guide's company goal of 10 million, split by channel (4 : 3 : 2 : 1). */
const marketing: Goal[] = [
  {
    ID: "MKT",
    Name: "Reach 10,000,000 NTD from marketing channels",
    Level: "Company",
    Unit: "NTD",
    Target: 10_000_000,
    ...year,
  },
  {
    ID: "SEO",
    Name: "Earn 4,000,000 NTD through SEO",
    Level: "Department",
    Parent: "MKT",
    Unit: "NTD",
    Target: 4_000_000,
    ...year,
  },
  {
    ID: "COM",
    Name: "Earn 3,000,000 NTD through the community",
    Level: "Department",
    Parent: "MKT",
    Unit: "NTD",
    Target: 3_000_000,
    ...year,
  },
  {
    ID: "EVT",
    Name: "Earn 2,000,000 NTD through events",
    Level: "Department",
    Parent: "MKT",
    Unit: "NTD",
    Target: 2_000_000,
    ...year,
  },
  {
    ID: "KOL",
    Name: "Earn 1,000,000 NTD through KOL partners",
    Level: "Department",
    Parent: "MKT",
    Unit: "NTD",
    Target: 1_000_000,
    ...year,
  },
];
const channelSales = [
  ["2026-02-01", "SEO", 1_500_000],
  ["2026-05-01", "SEO", 500_000],
  ["2026-03-01", "COM", 1_000_000],
  ["2026-04-01", "EVT", 1_000_000],
] as const;

const change = (goals: Goal[], id: string, fields: Goal) =>
  goals.map((goal) => (goal.ID === id ? { ...goal, ...fields } : goal));

describe("sum parents", () => {
  it("rolls channel actuals up into the company target, a channel without check-ins counting 0", () => {
    const rows = rollup(marketing, channelSales, midYear);
    expect(summary(rows.MKT)).toEqual({
      actual: 4_000_000,
      attainment: 0.4,
      expected: 0.5,
      status: "On track",
    });
    expect(rows.MKT!.kind).toBe("sum-parent");
    expect(rows.MKT!.checkins).toBe(0);
    expect(rows.MKT!.lastCheckin).toBeUndefined();
    expect(rows.KOL!.actual).toBeUndefined();
    expect(rows.SEO!.attainment).toBe(0.5);
  });

  it("compares units trimmed and case-insensitively, and reads a blank Aggregation as Sum", () => {
    const goals = change(change(marketing, "MKT", { Unit: " ntd ", Aggregation: "" }), "SEO", {
      Aggregation: "total",
    });
    expect(rollup(goals, channelSales, midYear).MKT!.actual).toBe(4_000_000);
  });

  it("leaves the parent's Actual blank when no child has one", () => {
    const rows = rollup(marketing, [], midYear);
    expect(summary(rows.MKT)).toEqual({
      actual: undefined,
      attainment: undefined,
      expected: 0.5,
      status: "No data",
    });
  });

  it("grades the summed actual with the parent's own baseline and direction", () => {
    const goals = change(marketing, "MKT", { Baseline: 2_000_000 });
    expect(rollup(goals, channelSales, midYear).MKT!.attainment).toBe(0.25);
  });

  it.each([
    ["a child counts in another unit", "SEO", { Unit: "visits" }],
    ["a child averages its check-ins", "COM", { Aggregation: "Average" }],
    ["the parent takes its last value", "MKT", { Aggregation: "Last" }],
    ["the parent has no unit", "MKT", { Unit: "" }],
    ["the parent is an Objective", "MKT", { Type: "Objective" }],
  ])("averages attainment instead when %s", (_, id, fields) => {
    const rows = rollup(change(marketing, id, fields), channelSales, midYear);
    expect(rows.MKT!.kind).toBe("weighted-parent");
    expect(rows.MKT!.actual).toBeUndefined();
    // SEO 0.5, community 1/3, events 0.5; KOL has no attainment and does not count.
    const childAttainment = [rows.SEO!, rows.COM!, rows.EVT!].map((row) => row.attainment!);
    expect(rows.MKT!.attainment).toBeCloseTo(childAttainment.reduce((a, b) => a + b) / 3, 12);
  });
});

/** An OKR: an Objective whose key results are the guide's Specific and Measurable examples. */
const okr: Goal[] = [
  { ID: "OBJ", Name: "Win the manufacturing market", Type: "Objective", Level: "Company", ...year },
  {
    ID: "KR-1",
    Name: "Visit 100 manufacturing customers",
    Type: "Key result",
    Parent: "OBJ",
    Unit: "visits",
    Target: 100,
    ...year,
  },
  {
    ID: "KR-2",
    Name: "Conversion rate of those customers reaches 5%",
    Type: "Key result",
    Parent: "OBJ",
    Unit: "%",
    Aggregation: "Last",
    Baseline: "1%",
    Target: "5%",
    ...year,
  },
];
const okrCheckins = [
  ["2026-03-01", "KR-1", 35],
  ["2026-05-01", "KR-1", 25],
  ["2026-04-01", "KR-2", "2%"],
  ["2026-06-01", "KR-2", "3%"],
] as const;

describe("weighted parents and Objectives", () => {
  it("grades an Objective by the mean attainment of its key results", () => {
    const rows = rollup(okr, okrCheckins, midYear);
    expect(rows["KR-1"]!.attainment).toBe(0.6);
    expect(rows["KR-2"]!.attainment).toBeCloseTo(0.5, 12);
    expect(summary(rows.OBJ)).toEqual({
      actual: undefined,
      attainment: expect.closeTo(0.55, 12),
      expected: 0.5,
      status: "On track",
    });
    expect(rows.OBJ!.score).toBe(0.6);
  });

  it("weighs each key result by its Weight, blank counting 1", () => {
    const rows = rollup(change(okr, "KR-1", { Weight: 3 }), okrCheckins, midYear);
    expect(rows.OBJ!.attainment).toBeCloseTo((3 * 0.6 + 0.5) / 4, 12);
  });

  it("clamps each child's attainment to [0, 1] before averaging", () => {
    const rows = rollup(
      [
        ...okr,
        {
          ID: "KR-3",
          Name: "Cut complaints",
          Parent: "OBJ",
          Unit: "complaints",
          Direction: "Decrease",
          Aggregation: "Last",
          Baseline: 10,
          Target: 5,
        },
      ],
      [...okrCheckins, ["2026-03-01", "KR-1", 100], ["2026-03-01", "KR-3", 12]],
      midYear,
    );
    expect(rows["KR-1"]!.attainment).toBe(1.6);
    expect(rows["KR-3"]!.attainment).toBeCloseTo(-0.4, 12);
    expect(rows.OBJ!.attainment).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
  });

  it("averages only the children that have an attainment", () => {
    const rows = rollup(okr, [["2026-03-01", "KR-1", 30]], midYear);
    expect(rows.OBJ!.attainment).toBe(0.3);
    expect(rollup(okr, [], midYear).OBJ!.attainment).toBeUndefined();
  });

  it("averages even children of one unit when the parent is an Objective", () => {
    const goals = [
      { ID: "OBJ", Type: "Objective", Unit: "visits", Target: 1000 },
      { ID: "A", Parent: "OBJ", Unit: "visits", Target: 100 },
      { ID: "B", Parent: "OBJ", Unit: "visits", Target: 100 },
    ];
    const rows = rollup(
      goals,
      [
        ["2026-03-01", "A", 50],
        ["2026-03-01", "B", 100],
      ],
      midYear,
    );
    expect(rows.OBJ!.actual).toBeUndefined();
    expect(rows.OBJ!.attainment).toBe(0.75);
  });

  it("leaves attainment blank when the contributing weights add up to 0", () => {
    const goals = change(change(okr, "KR-1", { Weight: 0 }), "KR-2", { Weight: "0" });
    const rows = rollup(goals, okrCheckins, midYear);
    expect(rows.OBJ!.attainment).toBeUndefined();
    expect(rows.OBJ!.statusText).toBe("No data");
  });

  it("makes a negative Weight the child's error, and so its parent's", () => {
    const rows = rollup(change(okr, "KR-2", { Weight: -1 }), okrCheckins, midYear);
    expect(rows["KR-2"]!.statusText).toBe("Error: weight -1 is negative: a weight is 0 or more");
    expect(rows.OBJ!.statusText).toBe("Error: child KR-2 has an error");
    expect(rows.OBJ!.attainment).toBeUndefined();
    expect(rows["KR-1"]!.attainment).toBe(0.6);
  });

  it("averages a community team's weekly fans, interactions and orders, which have different units", () => {
    const week = { Start: "2026-03-02", Due: "2026-03-08" };
    const goals = [
      {
        ID: "TEAM",
        Name: "Community team weekly goals",
        Level: "Team",
        Unit: "points",
        Target: 100,
        ...week,
      },
      {
        ID: "FANS",
        Name: "Gain 200 new fans this week",
        Parent: "TEAM",
        Unit: "fans",
        Target: 200,
        ...week,
      },
      {
        ID: "INT",
        Name: "Get 1,000 interactions this week",
        Parent: "TEAM",
        Unit: "interactions",
        Target: 1000,
        ...week,
      },
      {
        ID: "ORD",
        Name: "Close 30 orders this week",
        Parent: "TEAM",
        Unit: "orders",
        Aggregation: "Count",
        Target: 30,
        ...week,
      },
    ];
    const orders = Array.from({ length: 15 }, () => ["2026-03-04", "ORD", 1] as const);
    const rows = rollup(
      goals,
      [
        ["2026-03-03", "FANS", 120],
        ["2026-03-04", "FANS", 80],
        ["2026-03-04", "INT", 400],
        ...orders,
      ],
      "2026-03-05",
    );
    expect([rows.FANS!.attainment, rows.INT!.attainment, rows.ORD!.attainment]).toEqual([
      1, 0.4, 0.5,
    ]);
    expect(summary(rows.TEAM)).toEqual({
      actual: undefined,
      attainment: expect.closeTo(1.9 / 3, 12),
      expected: 0.5,
      status: "On track",
    });
  });
});

describe("parent trees", () => {
  const company: Goal[] = [
    {
      ID: "CO",
      Name: "Reach 10,000,000 NTD in sales",
      Level: "Company",
      Unit: "NTD",
      Target: 10_000_000,
      ...year,
    },
    {
      ID: "MKT",
      Name: "Marketing brings 6,000,000 NTD",
      Level: "Department",
      Parent: "CO",
      Unit: "NTD",
      Target: 6_000_000,
      ...year,
    },
    {
      ID: "SALES",
      Name: "Sales brings 4,000,000 NTD",
      Level: "Department",
      Parent: "CO",
      Unit: "NTD",
      Target: 4_000_000,
      ...year,
    },
    {
      ID: "SEO",
      Name: "SEO brings 4,000,000 NTD",
      Level: "Team",
      Parent: "MKT",
      Unit: "NTD",
      Target: 4_000_000,
      ...year,
    },
    {
      ID: "COM",
      Name: "Community brings 2,000,000 NTD",
      Level: "Team",
      Parent: "MKT",
      Unit: "NTD",
      Target: 2_000_000,
      ...year,
    },
  ];
  const sales = [
    ["2026-02-01", "SEO", 1_000_000],
    ["2026-02-01", "COM", 500_000],
    ["2026-03-01", "SALES", 2_500_000],
  ] as const;

  it("rolls up any depth", () => {
    const rows = rollup(company, sales, midYear);
    expect(rows.MKT!.actual).toBe(1_500_000);
    expect(rows.MKT!.attainment).toBe(0.25);
    expect(rows.CO!.actual).toBe(4_000_000);
    expect(rows.CO!.attainment).toBe(0.4);
  });

  it("reports a child's error on every ancestor", () => {
    const rows = rollup(company, [...sales, ["2026-04-01", "COM", "a lot"]], midYear);
    expect(rows.COM!.statusText).toMatch(/^Error: check-in row 5 has Value "a lot"/);
    expect(rows.MKT!.statusText).toBe("Error: child COM has an error");
    expect(rows.CO!.statusText).toBe("Error: child MKT has an error");
    expect(rows.CO!.actual).toBeUndefined();
    expect(rows.SEO!.actual).toBe(1_000_000);
  });

  it("reports a duplicated child as the parent's error", () => {
    const rows = rollup([...company, { ID: "seo", Parent: "MKT", Target: 1 }], sales, midYear);
    expect(rows.SEO!.statusText).toBe("Error: duplicate ID");
    expect(rows.MKT!.statusText).toBe("Error: child SEO has an error");
  });

  it("keeps the parent's own error ahead of its children's", () => {
    const goals = change(company, "MKT", { Direction: "sideways" });
    const rows = rollup(goals, [...sales, ["", "SEO", 1]], midYear);
    expect(rows.MKT!.statusText).toMatch(/^Error: unknown direction "sideways"/);
  });

  it("treats a KPI with its own check-ins of any date as a plain KPI, not a parent", () => {
    const rows = rollup(company, [...sales, ["2025-12-01", "MKT", 99]], midYear);
    expect(rows.MKT!.kind).toBe("plain");
    expect(rows.MKT!.actual).toBeUndefined();
    expect(rows.CO!.actual).toBe(2_500_000);
  });

  it("ignores a Parent that names no KPI", () => {
    const rows = rollup(change(company, "SALES", { Parent: "KPI-9999" }), sales, midYear);
    expect(rows.SALES!.statusText).toBe("On track");
    expect(rows.SALES!.parent).toBeUndefined();
    expect(rows.CO!.actual).toBe(1_500_000);
  });

  it("puts Error: parent cycle on every KPI in a cycle, and computes what hangs off it", () => {
    const rows = rollup(
      [
        { ID: "Y", Parent: "Z", Target: 1 },
        { ID: "Z", Parent: "X", Target: 1 },
        { ID: "X", Parent: "Y", Target: 1 },
        { ID: "CHILD", Parent: "X", Target: 10 },
        { ID: "SELF", Parent: "self", Target: 1 },
      ],
      [["2026-03-01", "CHILD", 5]],
      midYear,
    );
    for (const id of ["X", "Y", "Z"]) {
      expect(rows[id]!.statusText).toBe("Error: parent cycle Y → Z → X → Y");
    }
    expect(rows.SELF!.statusText).toBe("Error: parent cycle SELF → SELF");
    expect(rows.CHILD!.actual).toBe(5);
    expect(rows.CHILD!.statusText).toBe("In progress");
  });

  it("links rows to their parent and children by position in the result", () => {
    const rows = rollup(company, sales, midYear);
    expect(rows.MKT!.parent).toBe(0);
    expect(rows.MKT!.children).toEqual([3, 4]);
    expect(rows.SEO!.children).toEqual([]);
  });

  it("applies the parent rule to a habit that has children and no check-ins", () => {
    const rows = rollup(
      [
        { ID: "FIT", Name: "Exercise twice a week", Type: "Habit", Cadence: "Weekly", Target: 2 },
        { ID: "RUN", Parent: "FIT", Unit: "runs", Target: 10 },
      ],
      [["2026-03-01", "RUN", 5]],
      midYear,
    );
    expect(rows.FIT!.kind).toBe("weighted-parent");
    expect(rows.FIT!.attainment).toBe(0.5);
    expect(rows.FIT!.streak).toBeUndefined();
  });
});

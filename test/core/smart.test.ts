import {
  countWords,
  findVagueWord,
  gradeSmart,
  kpiSmart,
  type SmartContext,
  type SmartGoal,
} from "../../src/core/smart";
import { fixedClock, sheetDate } from "../support/clock";
import { table } from "./rollup.fixtures";

const context: SmartContext = { ids: new Set(["co", "kpi-0001"]), hasKeyResults: false };

/** The guide's Specific and Measurable example, serving the company goal. */
const visits: SmartGoal = {
  id: "KPI-0001",
  name: "Visit 100 manufacturing customers",
  level: "Department",
  parent: "CO",
  unit: "visits",
  baseline: 40,
  target: 100,
  start: "2026-01-01",
  due: "2026-12-31",
};

const grade = (changes: SmartGoal, ctx: Partial<SmartContext> = {}) =>
  gradeSmart({ ...visits, ...changes }, { ...context, ...ctx });
const passes = (changes: SmartGoal, ctx: Partial<SmartContext> = {}) =>
  Object.fromEntries(grade(changes, ctx).checks.map((check) => [check.letter, check.passed]));

describe("grading one goal", () => {
  it("passes all five letters for a specific, measured, stretched, linked and dated goal", () => {
    const result = gradeSmart(visits, context);
    expect(result.passed).toBe(5);
    expect(result.firstFailing).toBeUndefined();
    expect(result.advice).toBe("");
    expect(result.checks.map((check) => check.name)).toEqual([
      "Specific",
      "Measurable",
      "Attainable",
      "Relevant",
      "Time-bound",
    ]);
  });

  it("gives the advice of the first failing letter in S-M-A-R-T order", () => {
    const result = grade({ name: "Build good customer relationships", parent: "" });
    expect(result.passed).toBe(3);
    expect(result.firstFailing).toBe("S");
    expect(result.advice).toBe(
      '"good" is vague: say what, how many and for whom, e.g. "Visit 100 manufacturing customers", not "Build good customer relationships".',
    );
    expect(result.checks[3]!.advice).toMatch(/^Link it to the goal it serves/);
  });
});

describe("Specific", () => {
  it.each([
    "improve",
    "Improves",
    "improved",
    "improving",
    "improvement",
    "improvements",
    "enhancing",
    "enhanced",
    "better",
    "betterment",
    "good",
    "optimize",
    "optimizing",
    "optimised",
    "strengthened",
    "strengthening",
    "established",
    "establishment",
    "relationships",
    "awareness",
    "maximizes",
    "maximizing",
    "minimized",
    "supporting",
    "supports",
  ])("finds the vague word %j", (word) => {
    expect(findVagueWord(`Our team ${word} sales`)).toBe(word.toLowerCase());
    expect(passes({ name: `Our team ${word} sales` }).S).toBe(false);
  });

  it.each(["goodwill", "supporter", "bettor", "optimum", "improv"])(
    "does not take %j for a vague word",
    (word) => {
      expect(findVagueWord(`Our ${word} sales plan`)).toBeUndefined();
    },
  );

  it("accepts a vague word when the name has a number", () => {
    expect(passes({ name: "Improve conversion to 5%" }).S).toBe(true);
    expect(passes({ name: "Improve conversion a lot" }).S).toBe(false);
  });

  it("needs at least three words", () => {
    expect(passes({ name: "Sales growth" }).S).toBe(false);
    expect(grade({ name: "Sales growth" }).advice).toMatch(
      /^Say more in the name \(at least 3 words\)/,
    );
    expect(passes({ name: "Close 30 orders" }).S).toBe(true);
    expect(passes({ name: "" }).S).toBe(false);
    expect(grade({ name: "  " }).advice).toMatch(/^Name the goal/);
  });

  it("counts each character of Chinese, Japanese or Korean text as a word", () => {
    expect(countWords("拜訪100家製造業客戶")).toBe(9);
    expect(countWords("Visit  100 - customers")).toBe(3);
    expect(passes({ name: "拜訪100家製造業客戶" }).S).toBe(true);
  });
});

describe("Measurable", () => {
  it("needs a numeric target and a unit", () => {
    expect(passes({ target: "" }).M).toBe(false);
    expect(passes({ target: "ten" }).M).toBe(false);
    expect(grade({ target: "ten" }).advice).toMatch(/^Target "ten" is not a number/);
    expect(passes({ unit: " " }).M).toBe(false);
    expect(grade({ unit: "" }).advice).toMatch(/^Give the unit/);
    expect(passes({ target: "5%", unit: "%" }).M).toBe(true);
  });

  it("passes an Objective that has key results, and asks one without for them", () => {
    const objective = { type: "Objective", unit: "", target: "", baseline: "" };
    expect(passes(objective, { hasKeyResults: true })).toMatchObject({ M: true, A: true });
    expect(passes(objective, { hasKeyResults: false })).toMatchObject({ M: false, A: false });
    expect(grade(objective).advice).toMatch(/or add key results under this objective\.$/);
  });
});

describe("Attainable", () => {
  it("needs a baseline", () => {
    expect(passes({ baseline: "" }).A).toBe(false);
    expect(grade({ baseline: "" }).advice).toMatch(/^Add a baseline/);
  });

  it("rejects a target that needs no change", () => {
    expect(passes({ baseline: 100 }).A).toBe(false);
    expect(grade({ baseline: 100 }).advice).toMatch(/a target that needs no change is no goal/);
  });

  it("allows up to 3× the baseline for goals that go up", () => {
    expect(passes({ baseline: 34 }).A).toBe(true);
    expect(passes({ baseline: 100 / 3 }).A).toBe(true);
    expect(passes({ baseline: 33 }).A).toBe(false);
    expect(grade({ baseline: 33 }).advice).toMatch(/a ladder, not tiptoe/);
    expect(passes({ baseline: 20, direction: "At least" }).A).toBe(false);
    expect(passes({ baseline: 0 }).A).toBe(true);
  });

  it("allows down to a third of the baseline for goals that go down", () => {
    expect(passes({ direction: "Decrease", baseline: 30, target: 10 }).A).toBe(true);
    expect(passes({ direction: "Decrease", baseline: 30, target: 9 }).A).toBe(false);
    expect(passes({ direction: "at most", baseline: 30, target: 9 }).A).toBe(false);
    expect(passes({ direction: "at most", baseline: 30, target: 12 }).A).toBe(true);
  });

  it("judges only the stretch, leaving a target on the wrong side of its baseline to Direction", () => {
    // §4.6: 150 → 100 is within 3× of 150, so Attainable passes; KPI_ROLLUP reports the direction.
    expect(passes({ baseline: 150 }).A).toBe(true);
    expect(passes({ direction: "Decrease", baseline: 50, target: 60 }).A).toBe(true);
  });

  it("applies the 3× bound literally to a negative baseline", () => {
    // −5 is not at most 3 × −10 = −30.
    expect(passes({ baseline: -10, target: -5 }).A).toBe(false);
    expect(passes({ baseline: -10, target: -40 }).A).toBe(true);
  });

  it("fails an unknown direction", () => {
    expect(grade({ direction: "sideways" }).advice).toMatch(/^Unknown direction "sideways"/);
  });
});

describe("Relevant", () => {
  it("passes a Company goal without a parent", () => {
    expect(passes({ level: "company", parent: "" }).R).toBe(true);
  });

  it("needs a Parent that is in the registry", () => {
    expect(passes({ parent: " co " }).R).toBe(true);
    expect(passes({ parent: "" }).R).toBe(false);
    expect(passes({ parent: "KPI-9999" }).R).toBe(false);
    expect(grade({ parent: "KPI-9999" }).advice).toBe(
      'Parent "KPI-9999" is not in the registry: link it to the goal it serves.',
    );
    // Literal §4.6: the goal's own ID is present in the range (KPI_ROLLUP calls it a cycle).
    expect(passes({ parent: "KPI-0001" }).R).toBe(true);
  });
});

describe("Time-bound", () => {
  it("needs a Due date after Start", () => {
    expect(passes({ due: "" }).T).toBe(false);
    expect(grade({ due: "" }).advice).toBe("Set a deadline: add a Due date.");
    expect(passes({ due: "end of year" }).T).toBe(false);
    expect(passes({ due: "2026-01-01" }).T).toBe(false);
    expect(grade({ due: "2025-12-01" }).advice).toBe(
      "Set the deadline after the start: Due 2025-12-01 is not after Start 2026-01-01.",
    );
    expect(passes({ due: "2026-01-02" }).T).toBe(true);
    expect(passes({ start: "" }).T).toBe(true);
    expect(passes({ start: "soon" }).T).toBe(false);
  });

  it("reads Date cells in the spreadsheet's zone", () => {
    const clock = fixedClock("Pacific/Auckland", "2026-01-01");
    const goal = {
      start: sheetDate("Pacific/Auckland", "2026-01-01"),
      due: sheetDate("Pacific/Auckland", "2026-01-02"),
    };
    expect(passes(goal, { zone: clock.zone }).T).toBe(true);
  });
});

describe("KPI_SMART", () => {
  const clock = fixedClock("Asia/Taipei", "2026-01-01");
  const registry = table([
    {
      ID: "CO",
      Name: "Reach 10,000,000 NTD in sales",
      Level: "Company",
      Unit: "NTD",
      Baseline: 6_000_000,
      Target: 10_000_000,
      Due: "2026-12-31",
    },
    { ID: "", Name: "a note between goals" },
    {
      ID: "KPI-0001",
      Name: "Visit 100 manufacturing customers",
      Parent: "CO",
      Unit: "visits",
      Baseline: 40,
      Target: 100,
      Start: "2026-01-01",
      Due: "2026-12-31",
    },
    {
      ID: "KPI-0002",
      Name: "Build good customer relationships",
      Parent: "CO",
      Unit: "",
      Due: "2026-12-31",
    },
    {
      ID: "OBJ",
      Name: "Win the manufacturing market",
      Type: "Objective",
      Level: "Company",
      Due: "2026-12-31",
    },
    {
      ID: "KR-1",
      Name: "Conversion rate of those customers reaches 5%",
      Type: "Key result",
      Parent: "obj",
      Unit: "%",
      Baseline: "2%",
      Target: "5%",
      Due: "2026-12-31",
    },
  ]);

  it("returns SMART and Advice for every row, blank for a row without an ID", () => {
    expect(kpiSmart(registry, clock)).toEqual([
      ["SMART", "Advice"],
      ["5/5", ""],
      ["", ""],
      ["5/5", ""],
      [
        "2/5",
        '"good" is vague: say what, how many and for whom, e.g. "Visit 100 manufacturing customers", not "Build good customer relationships".',
      ],
      ["5/5", ""],
      ["5/5", ""],
    ]);
  });

  it("grades a registry without optional columns", () => {
    expect(kpiSmart([["ID"], ["A"]], clock)).toEqual([
      ["SMART", "Advice"],
      ["0/5", expect.stringMatching(/^Name the goal/)],
    ]);
  });

  it("needs an ID column and a range", () => {
    expect(() => kpiSmart([["Name"], ["x"]], clock)).toThrow('kpis has no "ID" column');
    expect(() => kpiSmart("KPIs", clock)).toThrow("kpis must be a range");
  });
});

/**
 * SPEC §4.6 KPI_SMART, checked against the built dist/Code.js. The advice wording "may differ", so
 * advice is compared between rows (the same failing letter gives the same advice), never to text.
 */

import { datesIn, functionsIn, type KpiRow, registry, thrown, ZONES } from "./harness";

describe.each(ZONES)("KPI_SMART in a spreadsheet in $tz", ({ tz, scriptTz }) => {
  const { KPI_SMART } = functionsIn(tz, scriptTz);
  const { d, serial } = datesIn(tz);

  /** A KPI that passes all five letters; each test changes what it is about. */
  const good: KpiRow = {
    ID: "KPI-1",
    Name: "Visit 100 manufacturing customers",
    Type: "KPI",
    Level: "Company",
    Unit: "visits",
    Direction: "Increase",
    Baseline: 20,
    Target: 60,
    Start: d("2026-01-01"),
    Due: d("2026-06-30"),
  };

  /** SMART and Advice of each data row. */
  function grade(rows: KpiRow[]): [unknown, unknown][] {
    const out = KPI_SMART(registry(rows)) as unknown[][];
    expect(out[0]).toEqual(["SMART", "Advice"]);
    expect(out).toHaveLength(rows.length + 1);
    return out.slice(1).map((row) => {
      expect(row).toHaveLength(2);
      return [row[0], row[1]];
    });
  }

  /** The grade of `good` changed by `change`, on its own. */
  function gradeOf(change: KpiRow): [unknown, unknown] {
    return grade([{ ...good, ...change }])[0] as [unknown, unknown];
  }

  type Letter = "S" | "M" | "A" | "R" | "T";
  const LETTERS: readonly Letter[] = ["S", "M", "A", "R", "T"];

  /** One defect per letter, each touching fields that only that letter reads. */
  const PROBES: Readonly<Record<Letter, KpiRow>> = {
    S: { Name: "Visit customers" },
    M: { Unit: "" },
    A: { Baseline: "" },
    R: { Level: "Team", Parent: "" },
    T: { Due: "" },
  };

  /**
   * The letters `change` fails, found without reading advice wording (which "may differ"): adding
   * a letter's probe defect lowers the count exactly when that letter was still passing. The one
   * letter whose probe touches a field the change also sets is deduced from the count.
   */
  function failing(change: KpiRow): Letter[] {
    const count = (row: KpiRow) => Number(String(gradeOf(row)[0]).split("/")[0]);
    const own = count(change);
    const unprobed = LETTERS.filter((letter) =>
      Object.keys(PROBES[letter]).some((key) => key in change),
    );
    if (unprobed.length > 1) throw new Error(`cannot tell ${unprobed.join(", ")} apart`);
    const found = LETTERS.filter(
      (letter) => !unprobed.includes(letter) && count({ ...change, ...PROBES[letter] }) === own,
    );
    const deduced = unprobed.filter(() => 5 - own > found.length);
    return LETTERS.filter((letter) => found.includes(letter) || deduced.includes(letter));
  }

  /** The advice of the letter failed by `defect` alone. */
  const adviceOf = (defect: KpiRow): unknown => gradeOf(defect)[1];

  it("passes a goal that meets all five letters with no advice", () => {
    expect(gradeOf({})).toEqual(["5/5", ""]);
  });

  it("fails only the letter each probe defect is about, with advice", () => {
    for (const letter of LETTERS) {
      const [smart, advice] = gradeOf(PROBES[letter]);
      expect(smart).toBe("4/5");
      expect(typeof advice).toBe("string");
      expect(advice).not.toBe("");
      const others = LETTERS.filter((other) => other !== letter);
      // every other probe lowers the count, so this one failed nothing else
      for (const other of others) {
        expect(gradeOf({ ...PROBES[letter], ...PROBES[other] })[0]).toBe("3/5");
      }
    }
  });

  it("counts every passing letter and advises on the first failing one in S-M-A-R-T order", () => {
    for (const [i, first] of LETTERS.entries()) {
      for (const later of LETTERS.slice(i + 1)) {
        expect(gradeOf({ ...PROBES[later], ...PROBES[first] })).toEqual([
          "3/5",
          adviceOf(PROBES[first]),
        ]);
      }
    }
    // fails A, R and T: 2/5, advice of A
    expect(gradeOf({ Baseline: "", Level: "", Due: "" })).toEqual(["2/5", adviceOf(PROBES.A)]);
    // fails all five
    expect(
      gradeOf({ Name: "Visit customers", Unit: "", Baseline: "", Level: "Team", Due: "" }),
    ).toEqual(["0/5", adviceOf(PROBES.S)]);
  });

  it("returns a blank output row for a blank ID", () => {
    const rows = grade([good, { ...good, ID: "" }, { ...good, ID: "KPI-3" }]);
    expect(rows).toEqual([
      ["5/5", ""],
      ["", ""],
      ["5/5", ""],
    ]);
  });

  describe("Specific", () => {
    it.each([
      "Visit 100 manufacturing customers",
      "Visit two hundred customers",
      "Visit   manufacturing   customers",
      // a digit excuses a vague word
      "Improve conversion to 5%",
      "Build good relationships with 20 dealers",
      "Improve by 5",
      // words that only start like a vague word
      "Goodwill visits to dealers",
      "Supportive visits to dealers",
      "Goodness of fit reports",
      "Betterave sales in France",
    ])("passes %p", (name) => {
      expect(gradeOf({ Name: name })).toEqual(["5/5", ""]);
    });

    it.each([
      ["fewer than 3 words", "Visit customers"],
      ["fewer than 3 words even with a digit", "Visit 100"],
      ["a blank name", ""],
      ["good, relationship+s", "Build good customer relationships"],
      ["improve", "Improve customer conversion rates"],
      ["improve+d", "Improved customer conversion rate"],
      ["improve+ment", "Improvement of the checkout"],
      ["improve+ments", "Customer checkout improvements tracked"],
      ["enhance+d", "Enhanced onboarding for clients"],
      ["enhance+s", "Marketing enhances onboarding flow"],
      ["better", "Better onboarding for dealers"],
      ["better+ment", "Betterment of dealer ties"],
      ["good in capitals", "GOOD onboarding for dealers"],
      ["good+s", "Sell more goods online"],
      ["optimize+s", "Optimizes the checkout funnel"],
      ["optimize+d", "Optimized the checkout funnel"],
      ["strengthen+ed", "Strengthened ties with dealers"],
      ["strengthen+ing", "Strengthening ties with dealers"],
      ["establish+ment", "Establishment of regional dealers"],
      ["establish+ments", "New regional establishments opened"],
      ["establish+ed", "Established regional dealer network"],
      ["awareness", "Brand awareness in Taipei"],
      ["maximize+d", "Maximized visits to dealers"],
      ["minimize+s", "Minimizes churn among dealers"],
      ["support+ing", "Supporting new regional dealers"],
      ["support+ed", "Supported regional dealer launches"],
      ["support+s", "Team supports regional dealers"],
      ["relationship", "Relationship with key dealers"],
    ])("fails %s", (_label, name) => {
      // only Specific reads Name, so 4/5 is a Specific failure
      const [smart, advice] = gradeOf({ Name: name });
      expect(smart).toBe("4/5");
      expect(typeof advice).toBe("string");
      expect(advice).not.toBe("");
    });
  });

  describe("Measurable", () => {
    it("needs a numeric target and a unit", () => {
      // no number to reach: neither measurable nor attainable
      expect(failing({ Target: "" })).toEqual(["M", "A"]);
      expect(failing({ Target: "sixty" })).toEqual(["M", "A"]);
      expect(failing({ Unit: "" })).toEqual(["M"]);
      expect(gradeOf({ Target: " 60 " })).toEqual(["5/5", ""]);
      // "5%" is 0.05, baseline "2%" is 0.02: 0.05 ≤ 3 × 0.02
      expect(gradeOf({ Target: "5%", Baseline: "2%", Unit: "%" })).toEqual(["5/5", ""]);
    });

    it("passes an Objective with key results, without target, unit or baseline", () => {
      const rows = grade([
        {
          ID: "O-1",
          Name: "Become the go-to supplier for 50 manufacturers",
          Type: "Objective",
          Level: "Company",
          Due: d("2026-06-30"),
        },
        { ...good, ID: "KR-1", Level: "Team", Parent: "O-1" },
        {
          ID: "O-2",
          Name: "Win 3 new regions this year",
          Type: "objective",
          Level: "Company",
          Due: d("2026-06-30"),
        },
      ]);
      expect(rows[0]).toEqual(["5/5", ""]);
      expect(rows[1]).toEqual(["5/5", ""]);
      // no key results: fails M and A
      expect(rows[2]?.[0]).toBe("3/5");
      expect(rows[2]?.[1]).not.toBe("");
    });
  });

  describe("Attainable", () => {
    it.each([
      ["baseline 0, any target", { Baseline: 0, Target: 1000 }],
      ["increase to exactly 3× the baseline", { Baseline: 10, Target: 30 }],
      ["at least exactly 3× the baseline", { Baseline: 10, Target: 30, Direction: "At least" }],
      ["a blank direction as increase", { Baseline: 10, Target: 30, Direction: "" }],
      ["decrease to exactly a third", { Baseline: 30, Target: 10, Direction: "Decrease" }],
      ["at most exactly a third", { Baseline: 30, Target: 10, Direction: "At most" }],
      ["a direction alias", { Baseline: 30, Target: 10, Direction: "lower is better" }],
      ["a text baseline that is a number", { Baseline: " 10 ", Target: 25 }],
    ])("passes %s", (_label, change) => {
      expect(gradeOf(change)).toEqual(["5/5", ""]);
    });

    it.each([
      ["a blank baseline", { Baseline: "" }],
      ["a text baseline", { Baseline: "some" }],
      ["a target equal to the baseline", { Baseline: 40, Target: 40 }],
      ["increase beyond 3× the baseline", { Baseline: 10, Target: 31 }],
      ["at least beyond 3×", { Baseline: 10, Target: 31, Direction: "at least" }],
      ["decrease below a third", { Baseline: 30, Target: 9, Direction: "decrease" }],
      ["at most below a third", { Baseline: 30, Target: 9, Direction: "AT MOST" }],
    ])("fails %s", (_label, change) => {
      expect(failing(change)).toEqual(["A"]);
    });
  });

  describe("Relevant", () => {
    it("passes a Company goal and a goal whose Parent is in the range", () => {
      const rows = grade([
        good,
        { ...good, ID: "KPI-2", Level: "Team", Parent: "KPI-1" },
        { ...good, ID: "KPI-3", Level: "Personal", Parent: "KPI-2" },
      ]);
      expect(rows).toEqual([
        ["5/5", ""],
        ["5/5", ""],
        ["5/5", ""],
      ]);
    });

    it.each([
      ["a team goal without a parent", { Level: "Team" }],
      ["a goal without level or parent", { Level: "", Parent: "" }],
      ["a parent not in the range", { Level: "Team", Parent: "KPI-404" }],
      ["a personal goal whose parent is missing", { Level: "Personal", Parent: "KPI-9" }],
    ])("fails %s", (_label, change) => {
      expect(failing(change)).toEqual(["R"]);
    });
  });

  describe("Time-bound", () => {
    it.each([
      ["a due date after the start", { Start: d("2026-01-01"), Due: d("2026-01-02") }],
      ["a due date without a start", { Start: "", Due: d("2026-06-30") }],
      ["an ISO due date", { Due: "2026-06-30" }],
      ["a serial-day due date", { Due: serial("2026-06-30") }],
    ])("passes %s", (_label, change) => {
      expect(gradeOf(change)).toEqual(["5/5", ""]);
    });

    it.each([
      ["a blank due date", { Due: "" }],
      ["a due date equal to the start", { Start: d("2026-03-01"), Due: d("2026-03-01") }],
      ["a due date before the start", { Start: d("2026-03-01"), Due: d("2026-02-01") }],
      ["a due date that is not a date", { Due: "end of June" }],
    ])("fails %s, in its row", (_label, change) => {
      expect(failing(change)).toEqual(["T"]);
    });
  });

  it("finds columns by header name in any order, ignoring case, spaces, _ and -", () => {
    const header = [
      "Notes",
      "due",
      " TARGET ",
      "base_line",
      "u-n-i-t",
      "Name",
      "level",
      "id",
      "Start",
      "Direction",
      "PARENT",
      "Type",
    ];
    const out = KPI_SMART(
      registry([good, { ...good, ID: "KPI-2", Level: "Team", Parent: "KPI-1", Unit: "" }], header),
    );
    expect(out).toEqual([
      ["SMART", "Advice"],
      ["5/5", ""],
      ["4/5", adviceOf({ Unit: "" })],
    ]);
  });

  it("throws only for an argument that is not a registry at all", () => {
    expect(thrown(() => KPI_SMART("KPIs!A1:V"))).toMatch(/^KPI_SMART: /);
  });
});

/**
 * KPI_ROLLUP as a manager uses it: real formulas in a workbook built from the KPI guide's
 * examples — a 10,000,000 NTD company goal split across SEO / community / events / KOL by
 * KPI_SPLIT, a sales team's Objective with two key results, and the habit "exercise twice a
 * week" — computed by the built bundle and spilled by HyperFormula, in two spreadsheet zones.
 */

import { day, sheetDate } from "../support/clock";
import {
  cellAt,
  cellsIn,
  isCellError,
  openWorkbook,
  spillOf,
  TIME_ZONES,
  typeOf,
  wallClock,
} from "./workbook";

const HEADER = [
  "ID",
  "Name",
  "Type",
  "Level",
  "Parent",
  "Owner",
  "Department",
  "Unit",
  "Direction",
  "Aggregation",
  "Baseline",
  "Target",
  "Start",
  "Due",
  "Cadence",
  "Weight",
];

/** KPIs!A1:P10. Column L (Target) of the four channels is the spill of L3's KPI_SPLIT. */
function registry(tz: string): unknown[][] {
  const d = (iso: string) => sheetDate(tz, iso);
  const year = [d("2026-01-01"), d("2026-12-31")];
  const q2 = [d("2026-04-01"), d("2026-06-30")];
  return [
    HEADER,
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0001", "Reach 10,000,000 NTD in sales in 2026", "KPI", "Company", "", "ceo@example.com", "Marketing", "NTD", "Increase", "Sum", 0, 10_000_000, ...year, "", ""],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0002", "SEO brings 4,000,000 NTD in orders", "KPI", "Department", "KPI-0001", "seo@example.com", "Marketing", "NTD", "Increase", "Sum", 0, "=KPI_SPLIT(L2, {4;3;2;1})", ...year, "Monthly", 1],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0003", "Community brings 3,000,000 NTD in orders", "KPI", "Department", "KPI-0001", "fans@example.com", "Marketing", "NTD", "Increase", "Sum", 0, "", ...year, "Monthly", 1],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0004", "Events bring 2,000,000 NTD in orders", "KPI", "Department", "KPI-0001", "events@example.com", "Marketing", "NTD", "Increase", "Sum", 0, "", ...year, "Monthly", 1],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0005", "KOL partnerships bring 1,000,000 NTD in orders", "KPI", "Department", "KPI-0001", "kol@example.com", "Marketing", "NTD", "Increase", "Sum", 0, "", ...year, "Monthly", 1],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0006", "Become the go-to supplier for manufacturers", "Objective", "Team", "", "lead@example.com", "Sales", "", "", "", "", "", ...q2, "", ""],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0007", "Visit 100 manufacturing customers", "Key result", "Team", "KPI-0006", "sales@example.com", "Sales", "visits", "Increase", "Sum", 0, 100, ...q2, "Weekly", 2],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0008", "Conversion rate of visited customers reaches 5%", "Key result", "Team", "KPI-0006", "sales@example.com", "Sales", "%", "Increase", "Last", "1%", "5%", ...q2, "Monthly", 1],
    // biome-ignore format: one registry row per line reads like the sheet
    ["KPI-0009", "Exercise twice a week", "Habit", "Personal", "", "me@example.com", "", "sessions", "At least", "Count", 0, 2, d("2026-06-01"), d("2026-12-31"), "Weekly", ""],
  ];
}

/** 'Check-ins'!A1:C40: the log in date order; the rest of the range is empty rows. */
function checkins(tz: string): unknown[][] {
  const d = (iso: string) => sheetDate(tz, iso);
  return [
    ["Date", "KPI ID", "Value"],
    [d("2026-01-15"), "KPI-0002", 500_000],
    [d("2026-02-01"), "KPI-0003", 600_000],
    [d("2026-03-20"), "KPI-0002", 700_000],
    [d("2026-03-28"), "KPI-0007", 10], // before the key result's Start: not counted
    [d("2026-04-10"), "KPI-0007", 30],
    [d("2026-04-18"), "KPI-0004", 1_200_000],
    [d("2026-04-30"), "KPI-0008", "2%"],
    [d("2026-05-05"), "KPI-0003", 900_000],
    [d("2026-05-12"), "KPI-0007", 20],
    [d("2026-05-31"), "KPI-0008", "3%"],
    [d("2026-06-02"), "KPI-0009", 1],
    [d("2026-06-04"), "KPI-0009", 1],
    [d("2026-06-09"), "KPI-0009", 1],
    [d("2026-06-10"), "KPI-0002", 800_000],
    [d("2026-06-16"), "KPI-0009", 1],
    [d("2026-06-18"), "KPI-0009", 1],
    [d("2026-06-20"), "KPI-0007", 20],
    [d("2026-06-20"), "KPI-0009", 1],
    [d("2026-06-23"), "KPI-0009", 1],
    // Sunday 23:30 in the spreadsheet's zone: still the week of June 22, in either zone.
    [wallClock(tz, "2026-06-28", 23, 30), "KPI-0009", 1],
    [d("2026-06-29"), "KPI-0009", 1],
    [d("2026-06-30"), "KPI-0008", "4.5%"],
    [d("2026-07-02"), "KPI-0003", 400_000], // after the as-of date: not counted
  ];
}

const ROLLUP = "=KPI_ROLLUP(KPIs!A1:P10, 'Check-ins'!A1:C40, DATE(2026,6,30))";
const DETAILS =
  "=KPI_ROLLUP(KPIs!A1:P10, 'Check-ins'!A1:C40, DATE(2026,6,30), \"ID, Actual, Score, Check-ins, Last check-in, Streak\")";

function guideWorkbook(tz: string, dashboard: unknown[][] = [[ROLLUP]]) {
  return openWorkbook(tz, {
    KPIs: registry(tz),
    "Check-ins": checkins(tz),
    Dashboard: dashboard,
    Settings: [["As of", sheetDate(tz, "2026-06-30")]],
  });
}

const close = (value: number) => expect.closeTo(value, 12);

// The year-long goals at 2026-06-30: Jan 1 → Jun 30 is 31+28+31+30+31+29 = 180 days of the
// 364 from Jan 1 to Dec 31.
const YEAR_PACE = 180 / 364;

describe.each(TIME_ZONES)("in a spreadsheet in %s", (tz) => {
  test("splits the 10,000,000 company goal into channel targets 4:3:2:1", () => {
    const book = guideWorkbook(tz);
    expect(spillOf(book, "KPIs!L3")).toEqual({ rows: 4, columns: 1 });
    // 10,000,000 × 4/10, 3/10, 2/10, 1/10
    expect(cellsIn(book, "KPIs!L3:L6")).toEqual([
      [4_000_000],
      [3_000_000],
      [2_000_000],
      [1_000_000],
    ]);
  });

  test("rolls channel actuals up into the company target and grades every goal", () => {
    const book = guideWorkbook(tz);
    // One row per registry row (10), one column per default field (8).
    expect(spillOf(book, "Dashboard!A1")).toEqual({ rows: 10, columns: 8 });
    expect(cellsIn(book, "Dashboard!A1:H10")).toEqual([
      ["ID", "Name", "Owner", "Actual", "Target", "Attainment", "Expected", "Status"],
      // Company: the children's actuals 2,000,000 + 1,500,000 + 1,200,000 + (KOL blank = 0)
      // = 4,700,000 of 10,000,000 → 0.47; 0.47 − 180/364 ≈ −0.025 ≥ −0.10 → On track.
      [
        "KPI-0001",
        "Reach 10,000,000 NTD in sales in 2026",
        "ceo@example.com",
        4_700_000,
        10_000_000,
        close(0.47),
        close(YEAR_PACE),
        "On track",
      ],
      // SEO: 500,000 + 700,000 + 800,000 = 2,000,000 of 4,000,000 → 0.5.
      [
        "KPI-0002",
        "SEO brings 4,000,000 NTD in orders",
        "seo@example.com",
        2_000_000,
        4_000_000,
        0.5,
        close(YEAR_PACE),
        "On track",
      ],
      // Community: 600,000 + 900,000 (July's 400,000 is after the as-of date) → 0.5.
      [
        "KPI-0003",
        "Community brings 3,000,000 NTD in orders",
        "fans@example.com",
        1_500_000,
        3_000_000,
        0.5,
        close(YEAR_PACE),
        "On track",
      ],
      // Events: 1,200,000 of 2,000,000 → 0.6.
      [
        "KPI-0004",
        "Events bring 2,000,000 NTD in orders",
        "events@example.com",
        1_200_000,
        2_000_000,
        0.6,
        close(YEAR_PACE),
        "On track",
      ],
      // KOL: no check-ins → no actual, no attainment → No data.
      [
        "KPI-0005",
        "KOL partnerships bring 1,000,000 NTD in orders",
        "kol@example.com",
        "",
        1_000_000,
        "",
        close(YEAR_PACE),
        "No data",
      ],
      // Objective: weighted mean of its key results, (2 × 0.7 + 1 × 0.875) / 3 = 0.758333…;
      // its Q2 window is over on Jun 30, so expected 1 and the gap −0.2417 ≥ −0.25 → At risk.
      [
        "KPI-0006",
        "Become the go-to supplier for manufacturers",
        "lead@example.com",
        "",
        "",
        close(2.275 / 3),
        1,
        "At risk",
      ],
      // Visits: 30 + 20 + 20 (March 28 is before Start) = 70 of 100 → 0.7; gap −0.3 → Off track.
      [
        "KPI-0007",
        "Visit 100 manufacturing customers",
        "sales@example.com",
        70,
        100,
        close(0.7),
        1,
        "Off track",
      ],
      // Conversion: the last value 4.5%, from 1% towards 5%: (0.045 − 0.01) / (0.05 − 0.01) = 0.875.
      [
        "KPI-0008",
        "Conversion rate of visited customers reaches 5%",
        "sales@example.com",
        close(0.045),
        close(0.05),
        close(0.875),
        1,
        "At risk",
      ],
      // Habit, weeks from Mon Jun 1: 2, 1, 3, 2 sessions → 3 of 4 complete weeks met → 0.75;
      // the current week (Jun 29–) has 1 so far; expected is 1 for a habit; gap −0.25 → At risk.
      ["KPI-0009", "Exercise twice a week", "me@example.com", 1, 2, 0.75, 1, "At risk"],
    ]);
  });

  test("returns scores, check-in counts, last check-in dates and habit streaks", () => {
    const book = guideWorkbook(tz, [[DETAILS]]);
    // Six named fields.
    expect(spillOf(book, "Dashboard!A1")).toEqual({ rows: 10, columns: 6 });
    expect(cellsIn(book, "Dashboard!A1:F10")).toEqual([
      ["ID", "Actual", "Score", "Check-ins", "Last check-in", "Streak"],
      // Score = attainment clamped to [0, 1], one decimal: 0.47 → 0.5.
      ["KPI-0001", 4_700_000, 0.5, 0, "", ""],
      ["KPI-0002", 2_000_000, 0.5, 3, sheetDate(tz, "2026-06-10"), ""],
      ["KPI-0003", 1_500_000, 0.5, 2, sheetDate(tz, "2026-05-05"), ""],
      ["KPI-0004", 1_200_000, 0.6, 1, sheetDate(tz, "2026-04-18"), ""],
      ["KPI-0005", "", "", 0, "", ""],
      // 0.7583 → 0.8
      ["KPI-0006", "", 0.8, 0, "", ""],
      ["KPI-0007", 70, 0.7, 3, sheetDate(tz, "2026-06-20"), ""],
      // 0.875 → 0.9
      ["KPI-0008", close(0.045), 0.9, 3, sheetDate(tz, "2026-06-30"), ""],
      // Nine sessions in the window; weeks 3 and 4 met, week 2 not → a streak of 2.
      ["KPI-0009", 1, 0.8, 9, sheetDate(tz, "2026-06-29"), 2],
    ]);
  });

  test("writes a last check-in as a date cell of that day", () => {
    const book = guideWorkbook(tz, [[DETAILS]]);
    expect(typeOf(book, "Dashboard!E3")).toBe("NUMBER_DATE");
    expect(
      book.hf.getCellValue({ sheet: book.hf.getSheetId("Dashboard") ?? -1, row: 2, col: 4 }),
    ).toBe(day("2026-06-10"));
  });

  test("re-grades a past period when the as-of cell changes", () => {
    const book = guideWorkbook(tz, [
      [
        "=KPI_ROLLUP(KPIs!A1:P10, 'Check-ins'!A1:C40, Settings!B1, \"ID,Actual,Attainment,Expected,Status\")",
      ],
    ]);
    const settings = book.hf.getSheetId("Settings") ?? -1;
    book.hf.setCellContents(
      { sheet: settings, row: 0, col: 1 },
      book.toCellContent(sheetDate(tz, "2026-03-31")),
    );
    // Jan 1 → Mar 31 is 31 + 28 + 30 = 89 days of 364.
    const pace = 89 / 364;
    expect(cellsIn(book, "Dashboard!A2:E6")).toEqual([
      // 500,000 + 700,000 + 600,000 + 0 + 0 = 1,800,000 → 0.18; 0.18 − 0.2445 ≥ −0.10 → On track.
      ["KPI-0001", 1_800_000, close(0.18), close(pace), "On track"],
      // 1,200,000 / 4,000,000 = 0.3
      ["KPI-0002", 1_200_000, close(0.3), close(pace), "On track"],
      // 600,000 / 3,000,000 = 0.2; 0.2 − 0.2445 → On track
      ["KPI-0003", 600_000, close(0.2), close(pace), "On track"],
      // the April event has not happened yet
      ["KPI-0004", "", "", close(pace), "No data"],
      ["KPI-0005", "", "", close(pace), "No data"],
    ]);
  });

  test("grades the registry's SMART letters beside it", () => {
    const book = guideWorkbook(tz, [["=KPI_SMART(KPIs!A1:P10)"]]);
    expect(spillOf(book, "Dashboard!A1")).toEqual({ rows: 10, columns: 2 });
    const grades = cellsIn(book, "Dashboard!A1:B10");
    expect(grades[0]).toEqual(["SMART", "Advice"]);
    // SEO: specific (a number, no vague word), measurable (target and unit), attainable
    // (baseline 0), relevant (its parent is in the range), time-bound (due after start).
    expect(grades[2]).toEqual(["5/5", ""]);
    // The Objective has key results and a window, but a Team goal with no parent is not Relevant.
    expect(grades[6]?.[0]).toBe("4/5");
    expect(grades[6]?.[1]).not.toBe("");
  });

  test("reports a bad registry row in its own status and keeps the rest of the table", () => {
    const rows = registry(tz);
    rows.push(
      // biome-ignore format: one registry row per line reads like the sheet
      ["KPI-0010", "Cut open support tickets to 50", "KPI", "Team", "", "help@example.com", "Support", "tickets", "Decrease", "Last", "", 50, sheetDate(tz, "2026-01-01"), sheetDate(tz, "2026-12-31"), "", ""],
    );
    const book = openWorkbook(tz, {
      KPIs: rows,
      "Check-ins": checkins(tz),
      Dashboard: [
        [
          "=KPI_ROLLUP(KPIs!A1:P11, 'Check-ins'!A1:C40, DATE(2026,6,30), \"ID,Actual,Attainment,Status\")",
        ],
      ],
    });
    const table = cellsIn(book, "Dashboard!A1:D11");
    expect(table[2]).toEqual(["KPI-0002", 2_000_000, 0.5, "On track"]);
    const bad = table[10];
    expect(bad?.slice(0, 3)).toEqual(["KPI-0010", "", ""]);
    // A Decrease goal without a baseline is that row's error.
    expect(bad?.[3]).toMatch(/^Error: .*baseline/i);
  });

  test("shows a missing check-in column as the formula's error, named in its message", () => {
    const book = openWorkbook(tz, {
      KPIs: registry(tz),
      "Check-ins": checkins(tz),
      Dashboard: [["=KPI_ROLLUP(KPIs!A1:P10, 'Check-ins'!A1:B40, DATE(2026,6,30))"]],
    });
    const anchor = cellAt(book, "Dashboard!A1");
    expect(isCellError(anchor)).toBe(true);
    if (!isCellError(anchor)) return;
    expect(anchor.value).toBe("#ERROR!");
    expect(anchor.message).toMatch(/^KPI_ROLLUP: .*Value/);
    // As in Sheets, only the formula's own cell shows the error.
    expect(cellAt(book, "Dashboard!B2")).toBe("");
  });
});

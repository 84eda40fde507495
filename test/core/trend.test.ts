/** KPI_TREND's decided cases (SPEC §4.8). */

import type { CellValue } from "../../src/core/clock";
import { formatDay } from "../../src/core/dates";
import { kpiRollup } from "../../src/core/rollup";
import { kpiTrend, stepDates } from "../../src/core/trend";
import { day, fixedClock } from "../support/clock";
import { type Checkin, type Goal, log, registry, TZ } from "./rollup.fixtures";

const clock = fixedClock(TZ, "2026-03-15");

const GOALS: Goal[] = [
  {
    ID: "CO-1",
    Name: "Revenue 10 million NTD",
    Level: "Company",
    Unit: "NTD",
    Target: 10_000_000,
    Start: "2026-01-01",
    Due: "2026-12-31",
  },
  {
    ID: "SEO",
    Name: "SEO revenue",
    Parent: "CO-1",
    Unit: "NTD",
    Target: 4_000_000,
    Start: "2026-01-01",
    Due: "2026-12-31",
  },
  {
    ID: "EVT",
    Name: "",
    Parent: "CO-1",
    Unit: "NTD",
    Target: 6_000_000,
    Start: "2026-01-01",
    Due: "2026-12-31",
  },
  { ID: "LONE", Name: "No window", Target: 5 },
];

const LOG: Checkin[] = [
  ["2026-01-02", "SEO", 100_000],
  ["2026-01-09", "EVT", 300_000],
  ["2026-01-20", "SEO", 200_000],
];

function trend(
  request: Partial<{ ids: unknown; from: unknown; to: unknown; step: unknown; field: unknown }>,
  goals = GOALS,
  checkins = LOG,
) {
  const rows = kpiTrend(
    registry(goals),
    log(checkins),
    { ids: "CO-1", from: "", to: "2026-01-31", step: "", field: "", ...request },
    clock,
  ) as CellValue[][];
  return rows.map((row) =>
    row.map((cell) => (cell instanceof Date ? formatDay(clock.zone.dayOf(cell)) : cell)),
  );
}

describe("KPI_TREND", () => {
  it("grades the company goal at the end of each ISO week from its start, the last date being to", () => {
    expect(trend({ field: "Actual" })).toEqual([
      ["Date", "Revenue 10 million NTD"],
      ["2026-01-04", 100_000],
      ["2026-01-11", 400_000],
      ["2026-01-18", 400_000],
      ["2026-01-25", 600_000],
      ["2026-01-31", 600_000],
    ]);
  });

  it("names a goal by its ID when its Name is blank, and takes a list or a range of IDs", () => {
    expect(trend({ ids: "SEO, EVT", to: "2026-01-04" })[0]).toEqual(["Date", "SEO revenue", "EVT"]);
    expect(trend({ ids: [["SEO"], [""], ["evt"]], to: "2026-01-04" })[0]).toEqual([
      "Date",
      "SEO revenue",
      "EVT",
    ]);
  });

  it("lets a check-in typed late for a past week change that week's point", () => {
    const before = trend({ field: "Actual" });
    const after = trend({ field: "Actual" }, GOALS, [...LOG, ["2026-01-13", "EVT", 50_000]]);
    expect(after[3]).toEqual(["2026-01-18", 450_000]);
    expect(after[2]).toEqual(before[2]);
    expect(after[3]).not.toEqual(before[3]);
  });

  it("rejects an unknown ID, naming it", () => {
    expect(() => trend({ ids: "CO-1,NOPE" })).toThrow('unknown ID "NOPE" in ids');
  });

  it("rejects a to before from", () => {
    expect(() => trend({ from: "2026-02-01", to: "2026-01-31" })).toThrow(
      "to 2026-01-31 is before from 2026-02-01",
    );
  });

  it("starts a blank from at the earliest Start, else at the earliest check-in, else at to", () => {
    expect(trend({ ids: "SEO" })[1]![0]).toBe("2026-01-04");
    const noStart = GOALS.map((g) => (g.ID === "SEO" ? { ...g, Start: "" } : g));
    expect(trend({ ids: "SEO", step: "month" }, noStart)[1]![0]).toBe("2026-01-31");
    expect(trend({ ids: "LONE", to: "2026-02-10" }).slice(1)).toEqual([["2026-02-10", ""]]);
  });

  it("ends month and quarter steps mid-period at to", () => {
    expect(stepDates(day("2026-01-15"), day("2026-03-10"), "monthly").map(formatDay)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-10",
    ]);
    expect(stepDates(day("2026-02-15"), day("2026-08-01"), "quarterly").map(formatDay)).toEqual([
      "2026-03-31",
      "2026-06-30",
      "2026-08-01",
    ]);
    expect(trend({ step: "Quarterly", to: "2026-05-01" }).map((r) => r[0])).toEqual([
      "Date",
      "2026-03-31",
      "2026-05-01",
    ]);
  });

  it("rejects an unknown step or field", () => {
    expect(() => trend({ step: "fortnight" })).toThrow("step");
    expect(() => trend({ field: "Colour" })).toThrow("field");
  });

  it("reports a bad check-in with its row number in the whole log, as KPI_ROLLUP does", () => {
    const checkins: Checkin[] = [
      ["2026-01-03", "LONE", 1],
      ...LOG,
      ["2026-01-05", "SEO", "#DIV/0!"],
    ];
    const expected = (
      kpiRollup(registry(GOALS), log(checkins), "2026-01-31", "ID,Status", clock) as CellValue[][]
    ).find((row) => row[0] === "SEO")![1];
    expect(expected).toBe("Error: check-in row 6 has the error #DIV/0! in Value");
    expect(trend({ ids: "SEO", field: "Status" }, GOALS, checkins)[1]![1]).toBe(expected);
    expect(trend({ ids: "CO-1", field: "Status" }, GOALS, checkins)[1]![1]).toBe(
      "Error: child SEO has an error",
    );
  });

  it("treats a parent with check-ins of its own, even later ones, as KPI_ROLLUP does", () => {
    const checkins: Checkin[] = [...LOG, ["2026-06-01", "CO-1", 7]];
    const rows = trend({ field: "Actual" }, GOALS, checkins);
    expect(rows[1]).toEqual(["2026-01-04", ""]);
  });
});

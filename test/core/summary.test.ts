/** KPI_SUMMARY (SPEC §4.9): decided cases, and every row equal to counting KPI_ROLLUP's rows. */

import fc from "fast-check";
import type { CellValue } from "../../src/core/clock";
import { kpiRollup } from "../../src/core/rollup";
import { kpiSummary } from "../../src/core/summary";
import { day, fixedClock } from "../support/clock";
import { type Checkin, type Goal, log, registry, TZ } from "./rollup.fixtures";

const clock = fixedClock(TZ, "2026-03-15");
const STATUS_COLUMNS = [
  "Achieved",
  "On track",
  "At risk",
  "Off track",
  "Missed",
  "In progress",
  "No data",
];

function summary(goals: Goal[], checkins: Checkin[], by: unknown = "", asOf = "2026-03-15") {
  return kpiSummary(
    registry(goals),
    log(checkins),
    { asOf: day(asOf), by, atRiskGap: "", offTrackGap: "" },
    clock,
  ) as CellValue[][];
}

const goal = (id: string, department: string, extra: Goal = {}): Goal => ({
  ID: id,
  Name: `Goal ${id}`,
  Department: department,
  Unit: "orders",
  Target: 100,
  Start: "2026-01-01",
  Due: "2026-12-31",
  ...extra,
});

describe("KPI_SUMMARY", () => {
  it("counts statuses and the mean score per department, sorted, with a Total row", () => {
    const rows = summary(
      [
        goal("A", "Sales"),
        goal("B", " sales "),
        goal("C", "Marketing", { Target: "ten" }),
        goal("D", ""),
      ],
      [
        ["2026-02-01", "A", 100],
        ["2026-02-01", "B", 10],
      ],
    );
    expect(rows).toEqual([
      ["Department", "Goals", ...STATUS_COLUMNS, "Errors", "Mean score"],
      ["(none)", 1, 0, 0, 0, 0, 0, 0, 1, 0, ""],
      ["Marketing", 1, 0, 0, 0, 0, 0, 0, 0, 1, ""],
      ["Sales", 2, 1, 0, 1, 0, 0, 0, 0, 0, (1 + 0.1) / 2],
      ["Total", 4, 1, 0, 1, 0, 0, 0, 1, 1, (1 + 0.1) / 2],
    ]);
  });

  it("groups by any registry column, named as its header writes it", () => {
    const rows = summary([goal("A", "Sales", { Level: "Team" })], [], "level");
    expect(rows[0]![0]).toBe("Level");
    expect(rows[1]![0]).toBe("Team");
  });

  it("rejects a by column the registry does not have", () => {
    expect(() => summary([goal("A", "Sales")], [], "Region")).toThrow('by "Region"');
  });

  it("shows departments named like markup or formulas as the text they are", () => {
    const rows = summary([goal("A", "<b>Hax</b>"), goal("B", "=1+1")], []);
    expect(rows.map((row) => row[0])).toEqual(["Department", "<b>Hax</b>", "=1+1", "Total"]);
  });

  it("gives every row what counting KPI_ROLLUP's rows by hand gives", () => {
    const departments = ["Sales", "sales", "SEO", "", "<b>Hax</b>"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dep: fc.constantFrom(...departments),
            target: fc.constantFrom(100, 10, "ten", ""),
            parent: fc.constantFrom("", "G0", "G1"),
            due: fc.integer({ min: 0, max: 300 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(
          fc.record({
            g: fc.nat(),
            d: fc.integer({ min: 0, max: 200 }),
            v: fc.integer({ min: 0, max: 120 }),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 320 }),
        (specs, entries, asOfOffset) => {
          const iso = (n: number) =>
            new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const goals = specs.map((s, i) =>
            goal(`G${i}`, s.dep, {
              Target: s.target,
              Parent: s.parent === `G${i}` ? "" : s.parent,
              Due: iso(s.due),
            }),
          );
          const checkins: Checkin[] = entries.map((e) => [iso(e.d), `G${e.g % goals.length}`, e.v]);
          const asOf = iso(asOfOffset);
          const table = kpiRollup(
            registry(goals),
            log(checkins),
            asOf,
            "ID,Status,Score",
            clock,
          ) as CellValue[][];
          const rows = summary(goals, checkins, "", asOf);
          const byKey = new Map<string, CellValue[][]>();
          table.slice(1).forEach((row, i) => {
            const key = specs[i]!.dep.trim().toLowerCase();
            byKey.set(key, [...(byKey.get(key) ?? []), row]);
          });
          const count = (group: CellValue[][]) => {
            const scores = group.map((r) => r[2]).filter((s): s is number => typeof s === "number");
            return [
              group.length,
              ...STATUS_COLUMNS.map((s) => group.filter((r) => r[1] === s).length),
              group.filter((r) => String(r[1]).startsWith("Error: ")).length,
              scores.length === 0 ? "" : scores.reduce((a, b) => a + b, 0) / scores.length,
            ];
          };
          const keys = [...byKey.keys()].sort();
          expect(rows.slice(1, -1).map((row) => row.slice(1))).toEqual(
            keys.map((k) => count(byKey.get(k)!)),
          );
          expect(rows.at(-1)!.slice(1)).toEqual(count(table.slice(1)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/**
 * KPI_TREND against its definition (SPEC §4.8): every cell equals KPI_ROLLUP's value for that goal
 * at that date, errors included, on random registries (parents at any depth, cycles, duplicate
 * IDs, habits, bad rows) and random logs (late check-ins, blank dates, error text as values).
 */

import fc from "fast-check";
import type { CellValue } from "../../src/core/clock";
import { kpiRollup } from "../../src/core/rollup";
import { kpiTrend } from "../../src/core/trend";
import { fixedClock, withProcessTimeZone } from "../support/clock";
import { type Checkin, type Goal, log, registry } from "./rollup.fixtures";

const FIRST_DAY = Date.UTC(2026, 0, 1);
const isoOf = (offset: number) =>
  new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

const ID_POOL = ["G1", "G2", "G3", "G4", "G5", "G6", "g2"];

const goal = fc
  .record({
    id: fc.constantFrom(...ID_POOL),
    parent: fc.option(fc.constantFrom(...ID_POOL, "NOPE"), { nil: undefined }),
    type: fc.constantFrom("KPI", "Objective", "Habit", "Key result", ""),
    aggregation: fc.constantFrom("Sum", "Average", "Last", "Max", "Min", "Count", "", "Median"),
    direction: fc.constantFrom("Increase", "Decrease", "At least", "At most", ""),
    unit: fc.constantFrom("orders", "Orders", "%", ""),
    cadence: fc.constantFrom("Weekly", "Monthly", "Daily", ""),
    baseline: fc.constantFrom(0, 100, ""),
    target: fc.constantFrom(10, 50, 1000, "", "ten"),
    start: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    weight: fc.constantFrom(1, 2, "", -1),
    name: fc.constantFrom("Reach 10 million NTD", "", "=1+1", "<b>Hax</b>"),
  })
  .map(
    (g): Goal => ({
      ID: g.id,
      Name: g.name,
      Type: g.type,
      Parent: g.parent ?? "",
      Unit: g.unit,
      Direction: g.direction,
      Aggregation: g.aggregation,
      Baseline: g.baseline,
      Target: g.target,
      Start: g.start === undefined ? "" : isoOf(g.start),
      Due: g.start === undefined || g.length === undefined ? "" : isoOf(g.start + g.length),
      Cadence: g.cadence,
      Weight: g.weight,
    }),
  );

const checkin = fc
  .record({
    id: fc.constantFrom(...ID_POOL, " g1 ", "OTHER"),
    day: fc.integer({ min: -10, max: 420 }),
    value: fc.oneof(
      fc.integer({ min: -50, max: 500 }),
      fc.constantFrom("", "#DIV/0!", "12.5", "5%"),
    ),
    blankDate: fc.boolean().map((b) => b && Math.random() < 0.05),
  })
  .map((c): Checkin => [c.blankDate ? "" : isoOf(c.day), c.id, c.value]);

const workbook = fc.record({
  goals: fc.array(goal, { minLength: 1, maxLength: 9 }),
  checkins: fc.array(checkin, { maxLength: 60 }),
  pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  from: fc.option(fc.integer({ min: -20, max: 300 }), { nil: undefined }),
  span: fc.integer({ min: 0, max: 150 }),
  step: fc.constantFrom("day", "week", "Month", "quarterly", ""),
  field: fc.constantFrom("Actual", "Attainment", "Expected", "Score", "Status", "Check-ins", ""),
});

function rollupValue(
  kpis: unknown[][],
  checkins: unknown[][],
  date: CellValue,
  field: string,
  id: string,
  timeZone: string,
) {
  const table = kpiRollup(kpis, checkins, date, `ID,${field}`, fixedClock(timeZone, "2026-06-30"));
  const rows = table as CellValue[][];
  const row = rows.slice(1).find((r) => String(r[0]).toLowerCase() === id.toLowerCase());
  return row?.[1];
}

describe("KPI_TREND properties", () => {
  it.each(["Asia/Taipei", "America/Los_Angeles"])(
    "gives in every cell what KPI_ROLLUP gives for that goal and date (spreadsheet in %s)",
    (timeZone) => {
      fc.assert(
        fc.property(workbook, (w) => {
          const kpis = registry(w.goals, timeZone);
          const checkins = log(w.checkins, timeZone);
          const ids = [...new Set(w.pick.map((i) => String(w.goals[i % w.goals.length]!.ID)))];
          const clock = fixedClock(timeZone, "2026-06-30");
          // A blank from starts at the earliest Start (≤ day 200) or check-in (≤ day 420).
          const to = w.from === undefined ? isoOf(430) : isoOf(w.from + w.span);
          const step = w.from === undefined ? "month" : w.step;
          const from = w.from === undefined ? "" : isoOf(w.from);
          const request = { ids: ids.join(","), from, to, step, field: w.field };
          const result = kpiTrend(kpis, checkins, request, clock) as CellValue[][];
          const field = w.field === "" ? "Attainment" : w.field;
          expect(result.length).toBeGreaterThan(1);
          for (const line of result.slice(1)) {
            ids.forEach((id, k) => {
              expect([id, line[k + 1]]).toEqual([
                id,
                rollupValue(kpis, checkins, line[0]!, field, id, timeZone),
              ]);
            });
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it("computes the same trend in every spreadsheet and process zone", () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const ids = String(w.goals[0]!.ID);
        const results = ["Asia/Taipei", "Pacific/Auckland", "America/Los_Angeles"].flatMap(
          (timeZone) =>
            ["Pacific/Kiritimati", "America/Adak"].map((processZone) =>
              withProcessTimeZone(processZone, () => {
                const clock = fixedClock(timeZone, "2026-06-30");
                const rows = kpiTrend(
                  registry(w.goals, timeZone),
                  log(w.checkins, timeZone),
                  { ids, from: "2026-01-05", to: "2026-05-31", step: w.step, field: w.field },
                  clock,
                ) as CellValue[][];
                // Dates as calendar days: the same day is another instant in another zone.
                return rows.map((row) =>
                  row.map((cell) => (cell instanceof Date ? clock.zone.dayOf(cell) : cell)),
                );
              }),
            ),
        );
        for (const result of results) expect(result).toEqual(results[0]);
      }),
      { numRuns: 30 },
    );
  });
});

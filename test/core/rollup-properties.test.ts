import fc from "fast-check";
import { withProcessTimeZone } from "../support/clock";
import { type Checkin, type Goal, rollup } from "./rollup.fixtures";

const ZONES = ["Asia/Taipei", "Pacific/Auckland", "America/Los_Angeles", "Europe/London"];
const FIRST_DAY = Date.UTC(2026, 0, 1);
const isoOf = (offset: number) =>
  new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

/** Children of one Sum parent with the same unit, and integer check-ins spread over 2026. */
const workbook = fc
  .record({
    children: fc.integer({ min: 1, max: 6 }),
    checkins: fc.array(
      fc.record({
        child: fc.nat(),
        day: fc.integer({ min: 0, max: 364 }),
        value: fc.integer({ min: -500, max: 5_000 }),
      }),
      { maxLength: 40 },
    ),
    asOf: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ children, checkins, asOf }) => {
    const goals: Goal[] = [
      { ID: "TOP", Name: "Reach 10,000 orders", Level: "Company", Unit: "orders", Target: 10_000 },
    ];
    for (let i = 0; i < children; i++) {
      goals.push({
        ID: `C${i}`,
        Name: `Channel ${i} orders`,
        Parent: "TOP",
        Unit: "Orders ",
        Aggregation: i % 2 === 0 ? "Sum" : "",
        Target: 1_000,
        Start: "2026-01-01",
        Due: "2026-12-31",
      });
    }
    const log: Checkin[] = checkins.map((c) => [isoOf(c.day), `C${c.child % children}`, c.value]);
    return { goals, log, asOf: isoOf(asOf), children };
  });

describe("rollup properties", () => {
  it("gives a Sum parent the sum of its children's actuals, blank children counting 0", () => {
    fc.assert(
      fc.property(workbook, ({ goals, log, asOf, children }) => {
        const rows = rollup(goals, log, asOf);
        const actuals = Array.from({ length: children }, (_, i) => rows[`C${i}`]?.actual);
        const parent = rows.TOP?.actual;
        if (actuals.every((actual) => actual === undefined)) {
          expect(parent).toBeUndefined();
        } else {
          expect(parent).toBe(actuals.reduce<number>((sum, actual) => sum + (actual ?? 0), 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("computes the same table in every spreadsheet zone and process zone", () => {
    fc.assert(
      fc.property(workbook, ({ goals, log, asOf }) => {
        const results = ZONES.flatMap((spreadsheetZone) =>
          ["Pacific/Kiritimati", "America/Adak"].map((processZone) =>
            withProcessTimeZone(processZone, () =>
              Object.values(rollup(goals, log, asOf, { timeZone: spreadsheetZone })).map((row) => [
                row.id,
                row.actual,
                row.attainment,
                row.expected,
                row.statusText,
              ]),
            ),
          ),
        );
        for (const result of results) expect(result).toEqual(results[0]);
      }),
      { numRuns: 40 },
    );
  });
});

import fc from "fast-check";
import { computeRollup, type RollupRow } from "../../src/core/rollup";
import { day, withProcessTimeZone, zoneOf } from "../support/clock";
import { type Checkin, type Goal, log as logTable, registry, rollup, TZ } from "./rollup.fixtures";

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

// ---------------------------------------------------------------------------------------------
// Any cell: huge numbers and error values

const ERROR_VALUES = [
  "#DIV/0!",
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#ERROR!",
  "#NULL!",
];

/** Numbers from ordinary to the edge of a double, where sums and ratios overflow. */
const anyMagnitude = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(1e308, -1e308, 1.7e308, 9e307, 1e300, -1e300, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/**
 * A registry of unique IDs (KPIs, habits, a Sum parent and an Objective) and a log over 2026 —
 * the shapes every rule of §4.7 applies to.
 */
const anyWorkbook = (value: fc.Arbitrary<unknown>) =>
  fc
    .record({
      kpis: fc.array(
        fc.record({
          kind: fc.constantFrom("plain", "habit", "child", "weighted"),
          direction: fc.constantFrom("Increase", "Decrease", "At least", "At most"),
          aggregation: fc.constantFrom("Sum", "Average", "Last", "Max", "Min", "Count"),
          cadence: fc.constantFrom("Daily", "Weekly", "Monthly", "Quarterly"),
          baseline: value,
          target: value,
          weight: fc.oneof(fc.constant(""), value),
          start: fc.integer({ min: 0, max: 200 }),
          length: fc.integer({ min: 0, max: 200 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      checkins: fc.array(
        fc.record({ kpi: fc.nat(), day: fc.integer({ min: 0, max: 364 }), value }),
        { maxLength: 30 },
      ),
      asOf: fc.integer({ min: 0, max: 400 }),
    })
    .map(({ kpis, checkins, asOf }) => {
      const goals: Goal[] = [
        { ID: "SUM", Unit: "NTD", Target: 1000, Start: "2026-01-01", Due: "2026-12-31" },
        { ID: "OBJ", Type: "Objective", Start: "2026-01-01", Due: "2026-12-31" },
      ];
      kpis.forEach((k, i) => {
        const decreasing = k.direction === "Decrease";
        goals.push({
          ID: `K${i}`,
          Type: k.kind === "habit" ? "Habit" : "KPI",
          Parent: k.kind === "child" ? "SUM" : k.kind === "weighted" ? "OBJ" : "",
          Unit: "NTD",
          Direction: k.direction,
          Aggregation: k.kind === "child" ? "Sum" : k.aggregation,
          Cadence: k.kind === "habit" ? k.cadence : "",
          Baseline: decreasing ? k.baseline : "",
          Target: k.target,
          Weight: k.weight,
          Start: isoOf(k.start),
          Due: isoOf(k.start + k.length),
        });
      });
      const log: Checkin[] = checkins.map((c) => [
        isoOf(c.day),
        `K${c.kpi % kpis.length}`,
        c.value,
      ]);
      return { goals, log, asOf: isoOf(asOf) };
    });

describe("rollup properties of any cell", () => {
  it("never returns a status beside a number that is not finite", () => {
    fc.assert(
      fc.property(anyWorkbook(anyMagnitude), ({ goals, log, asOf }) => {
        for (const row of Object.values(rollup(goals, log, asOf))) {
          const numbers = [row.actual, row.attainment, row.expected, row.score, row.streak];
          if (row.status !== undefined) {
            for (const number of numbers) {
              if (number !== undefined) expect(Number.isFinite(number)).toBe(true);
            }
          } else {
            expect(row.statusText).toMatch(/^Error: /);
            expect(numbers.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lets error values scattered into registry and log touch only their own rows", () => {
    const scattered = fc.record({
      workbook: anyWorkbook(fc.integer({ min: 0, max: 500 })),
      hits: fc.array(
        fc.record({
          inLog: fc.boolean(),
          row: fc.nat(),
          column: fc.nat(),
          error: fc.constantFrom(...ERROR_VALUES),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(scattered, ({ workbook: { goals, log: entries, asOf }, hits }) => {
        const options = { asOf: day(asOf), zone: zoneOf(TZ) };
        const kpis = registry(goals);
        const checkins = logTable(entries);
        const before = computeRollup(kpis, checkins, options);
        const brokenKpis = kpis.map((row) => [...row]);
        const brokenLog = checkins.map((row) => [...row]);
        // Registry rows (by index of the output) an error lands on or reaches through the log.
        const touched = new Set<number>();
        const idColumn = (checkins[0] as string[]).indexOf("KPI ID");
        for (const hit of hits) {
          const table = hit.inLog ? brokenLog : brokenKpis;
          if (table.length < 2) continue;
          const r = 1 + (hit.row % (table.length - 1));
          const c = hit.column % table[0]!.length;
          table[r]![c] = hit.error;
          const id = hit.inLog ? checkins[r]![idColumn] : kpis[r]![0];
          const index = before.findIndex((row) => row.id === id);
          if (index >= 0) touched.add(index);
        }
        const after = computeRollup(brokenKpis, brokenLog, options);
        expect(after.length).toBe(before.length);
        // A touched row's parents change with it (SPEC: "child … has an error").
        const reach = new Set<number>();
        for (const index of touched) {
          for (let i: number | undefined = index; i !== undefined; i = before[i]!.parent) {
            reach.add(i);
          }
        }
        const view = (row: RollupRow) => [
          row.id,
          row.statusText,
          row.actual,
          row.attainment,
          row.expected,
          row.score,
          row.checkins,
          row.lastCheckin,
          row.streak,
        ];
        for (let i = 0; i < before.length; i++) {
          if (!reach.has(i)) expect(view(after[i]!)).toEqual(view(before[i]!));
        }
        // A registry row hit in an input column is its own error.
        for (const hit of hits) {
          if (hit.inLog || brokenKpis.length < 2) continue;
          const r = 1 + (hit.row % (brokenKpis.length - 1));
          const c = hit.column % brokenKpis[0]!.length;
          if (brokenKpis[r]![c] !== hit.error) continue;
          expect(after.find((row) => row.row === r + 1)?.statusText).toMatch(/^Error: /);
        }
      }),
      { numRuns: 300 },
    );
  });
});

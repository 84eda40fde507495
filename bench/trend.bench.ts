/**
 * KPI_TREND at the scale SPEC §8 designs for (10,000 KPIs, 1,000,000 check-ins), beside the
 * baseline the issue sets: one KPI_ROLLUP call over the same data, measured in the same run and
 * the same process, both through the built dist/Code.js in a vm (as Sheets calls them).
 *
 * The registry is a tree: 10 company goals, 100 department goals under them, and 9,890 team KPIs,
 * of which the first 1,000 sit under the departments and the rest stand alone. Two trends of 10
 * goals × 53 weekly steps are timed:
 * - 10 team KPIs (no descendants);
 * - the 10 company goals, whose trees hold 1,110 KPIs and about 110,000 check-ins.
 *
 *   npm run bench -- trend
 *
 * Target from the issue: a trend of 10 goals × 53 weekly steps within 2× of one KPI_ROLLUP.
 * The trend re-grades its goals' trees at each step, so its time grows with the size of those
 * trees (check-ins included) times the number of steps; the second line shows what that costs.
 */

import { performance } from "node:perf_hooks";
import { loadBundle } from "../test/support/bundle";
import {
  checkinLog,
  dateCell,
  idOf,
  median,
  prng,
  REGISTRY_HEADER,
  registryRow,
  TIME_ZONE,
  YEAR_START,
} from "./workload";

const AS_OF = YEAR_START + 364;
const KPIS = 10_000;
const CHECKINS = 1_000_000;
const RUNS = 3;

function workload() {
  const random = prng(20261201);
  const kpis: unknown[][] = [[...REGISTRY_HEADER]];
  for (let i = 0; i < KPIS; i++) {
    const level = i < 10 ? "Company" : i < 110 ? "Department" : "Team";
    const parent = i < 10 ? "" : i < 110 ? idOf(i % 10) : i < 1110 ? idOf(10 + (i % 100)) : "";
    kpis.push(registryRow(random, i, { level, parent, start: YEAR_START, due: YEAR_START + 364 }));
  }
  const checkins = checkinLog(random, CHECKINS, KPIS);
  return { kpis, checkins };
}

function time(run: () => unknown): { ms: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

const data = workload();
const { functions } = loadBundle({ spreadsheetTimeZone: TIME_ZONE, scriptTimeZone: "Etc/UTC" });
const asOf = dateCell(AS_OF);
const from = dateCell(YEAR_START);

const rollup = time(() => functions.KPI_ROLLUP(data.kpis, data.checkins, asOf));
const cases = [
  {
    label: "10 team KPIs (no descendants)",
    ids: Array.from({ length: 10 }, (_, i) => idOf(2000 + i)),
  },
  {
    label: "10 company goals (1,110 KPIs in their trees)",
    ids: Array.from({ length: 10 }, (_, i) => idOf(i)),
  },
];
const rows: string[][] = [
  ["KPI_ROLLUP, all 10,000 KPIs, as of 2026-12-31", `${rollup.ms.toFixed(0)} ms`, "1.00×"],
];
for (const c of cases) {
  const trend = time(() =>
    functions.KPI_TREND(data.kpis, data.checkins, c.ids.join(","), from, asOf, "week"),
  );
  const table = trend.result as unknown[][];
  if (table.length !== 54 || table[0]!.length !== 11) {
    throw new Error(`unexpected trend shape ${table.length}×${table[0]!.length}`);
  }
  rows.push([
    `KPI_TREND, ${c.label} × 53 weeks`,
    `${trend.ms.toFixed(0)} ms`,
    `${(trend.ms / rollup.ms).toFixed(2)}×`,
  ]);
}
console.log(`10,000 KPIs × 1,000,000 check-ins, zone ${TIME_ZONE}, median of ${RUNS} runs\n`);
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(["call", "time", "÷ one rollup"].map((h, c) => h.padEnd(widths[c]!)).join("  "));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));

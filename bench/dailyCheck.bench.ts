/**
 * The daily check at the scale SPEC §8 designs for, in the emulator on the built dist/Code.js:
 * the time of one "Run the check now" and the service calls it makes, beside (in the same run,
 * on the same data) one `KPI_ROLLUP` call — the grading alone, which the check cannot beat —
 * so what the check adds (reading and writing the sheets, Alerts, one e-mail) is visible.
 *
 * Each size has one goal that missed its due date, so every run sends the same one digest: the
 * calls column must read the same at every size (SPEC §8: calls do not grow with rows).
 * The Dashboard is removed first: its formulas are not part of the check, and the emulator's
 * formula engine stops at 40,000 rows.
 *
 *   npm run bench -- dailyCheck
 */

import { performance } from "node:perf_hooks";
import { largeWorkbook } from "../test/server/dailyCheck.fixture";

const SIZES = [
  { label: "10 × 300", goals: 10, checkins: 300 },
  { label: "1k × 100k", goals: 1_000, checkins: 100_000 },
  { label: "10k × 1M", goals: 10_000, checkins: 1_000_000 },
] as const;

function ms(value: number): string {
  return value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}

const lines = [
  "| size (goals × check-ins) | check: time | check: service calls | of which MailApp | KPI_ROLLUP alone, same emulator |",
  "| --- | --- | --- | --- | --- |",
];
for (const size of SIZES) {
  const book = largeWorkbook(size.goals, size.checkins);
  const spreadsheet = book.emu.spreadsheet;
  const kpis = spreadsheet
    .getSheetByName("KPIs")!
    .getDataRange()
    .getValues()
    .map((row) => [...row]);
  const log = spreadsheet
    .getSheetByName("Check-ins")!
    .getDataRange()
    .getValues()
    .map((row) => [...row]);
  const asOf = new Date(Date.UTC(2026, 2, 31, 16));
  // Warm the bundle's code paths once, as a long-lived Apps Script runtime would have.
  book.addOn.callCustomFunction("KPI_ROLLUP", [kpis.slice(0, 2), log.slice(0, 2), asOf]);
  let start = performance.now();
  book.addOn.callCustomFunction("KPI_ROLLUP", [kpis, log, asOf, "ID,Status"]);
  const rollupMs = performance.now() - start;

  book.emu.calls.reset();
  start = performance.now();
  const outcome = book.run();
  const checkMs = performance.now() - start;
  if (!outcome.ran || outcome.sent !== 1) throw new Error(`unexpected outcome ${outcome.summary}`);
  const calls = book.emu.calls;
  lines.push(
    `| ${size.label} | ${ms(checkMs)} | ${calls.total()} | ${calls.count("MailApp.")} | ${ms(rollupMs)} |`,
  );
  console.log(`${size.label}: ${outcome.summary}`);
}
console.log(`\n${lines.join("\n")}`);
console.log(
  "\nBoth times include the emulator handing every cell to the script (a Date object per date cell);",
);
console.log("the calls column is the add-on's own figure, and must not change from row to row.");

/**
 * How fast KPI_ROLLUP is at the scale SPEC §8 designs for (10,000 KPIs, 1,000,000 check-ins),
 * against two yardsticks:
 *
 * - (a) KPI_ROLLUP: the built dist/Code.js in a vm with only the custom-function services,
 *   called with the arrays Sheets would pass (date cells as `Date`s at midnight in the
 *   spreadsheet's zone), default fields;
 * - (b) the floor: one pass over the check-ins that looks each ID up in a Map, reads its day with
 *   fixed-offset arithmetic, checks the window and adds the value — the least any rollup must do;
 * - (c) the sheet a user would build without the add-on: one SUMIFS per KPI over the log, in
 *   HyperFormula (the time to enter and compute the SUMIFS column into an already loaded sheet).
 *
 * Each case runs in its own child process so that its peak memory (maxRSS) is its own; the time
 * is the median of several runs. (a) and (b) must agree on every actual, and (c) with (b) where
 * it runs: the table says so.
 *
 *   npm run bench        (builds first; Node with --expose-gc and tsx)
 *
 * Targets from the issue: (a) within 3× of (b); (a) at least 10× faster than (c) at the same
 * size; (a) under 2 s at 10k × 1M.
 */

import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { formatDate, loadBundle } from "../test/support/bundle";
import {
  checkinLog,
  DAY_MS,
  dateCell,
  idOf,
  median,
  OFFSET_MS,
  prng,
  REGISTRY_HEADER,
  registryRow,
  TIME_ZONE,
  UNIX_EPOCH_DAY,
  YEAR_START,
} from "./workload";

/** 2026-09-30: three quarters of the year graded. */
const AS_OF = YEAR_START + 272;

interface Size {
  readonly label: string;
  readonly kpis: number;
  readonly checkins: number;
  /** Timed runs per case; 0 skips the case at this size (see SKIP_REASON). */
  readonly runs: Readonly<Record<CaseId, number>>;
}

type CaseId = "a" | "b" | "c";

const SIZES: readonly Size[] = [
  { label: "100 × 10k", kpis: 100, checkins: 10_000, runs: { a: 7, b: 7, c: 1 } },
  { label: "1k × 10k", kpis: 1_000, checkins: 10_000, runs: { a: 7, b: 7, c: 1 } },
  { label: "1k × 100k", kpis: 1_000, checkins: 100_000, runs: { a: 7, b: 7, c: 0 } },
  { label: "10k × 1M", kpis: 10_000, checkins: 1_000_000, runs: { a: 5, b: 5, c: 0 } },
];

/**
 * Why (c) stops at 1k × 10k: each SUMIFS scans the whole log, so its time grows with KPIs × rows
 * (about half a second per SUMIFS over 100k rows on the reference machine), and so does
 * HyperFormula's memory, with a vertex per cell of the log and its criteria caches.
 */
const SKIP_REASON =
  "one SUMIFS per KPI scans the whole log (time ∝ KPIs × rows) and HyperFormula keeps a vertex per cell";

/** Fresh processes per cold figure of (a) and (b). */
const COLD_PROCESSES = 5;

/** Calls that start the emulated `Utilities.formatDate` before anything is timed. */
const SERVICE_WARM_UP_CALLS = 500;

const CASE_NAMES: Readonly<Record<CaseId, string>> = {
  a: "(a) KPI_ROLLUP in vm",
  b: "(b) floor: Map + window",
  c: "(c) SUMIFS per KPI (HF)",
};

// --------------------------------------------------------------------------------------------
// Deterministic data

interface Workload {
  readonly kpis: unknown[][];
  readonly checkins: unknown[][];
  /** Per KPI: its ID, first and last counted day (Start, min(Due, as-of)). */
  readonly ids: string[];
  readonly from: Int32Array;
  readonly to: Int32Array;
}

function workload(size: Size): Workload {
  const random = prng(20260630 + size.kpis);
  const kpis: unknown[][] = [[...REGISTRY_HEADER, "Cadence"]];
  const ids: string[] = [];
  const from = new Int32Array(size.kpis);
  const to = new Int32Array(size.kpis);
  for (let i = 0; i < size.kpis; i++) {
    const start = YEAR_START + Math.floor(random() * 180);
    const due = start + 30 + Math.floor(random() * 300);
    ids.push(idOf(i));
    from[i] = start;
    to[i] = Math.min(due, AS_OF);
    kpis.push([...registryRow(random, i, { level: "Team", parent: "", start, due }), "Weekly"]);
  }
  // 1% of the log names an ID that is not (or no longer) in the registry.
  const checkins = checkinLog(random, size.checkins, size.kpis, 0.01);
  return { kpis, checkins, ids, from, to };
}

// --------------------------------------------------------------------------------------------
// The three cases; each returns the actuals in registry order ("" for none)

type Actuals = (number | "")[];

/** Service calls the first KPI_ROLLUP call made (the same for every later call). */
let rollupServiceCalls = 0;

function prepareRollup(): (data: Workload) => Actuals {
  const bundle = loadBundle({ spreadsheetTimeZone: TIME_ZONE, scriptTimeZone: "Etc/UTC" });
  const { functions } = bundle;
  // The emulated Utilities.formatDate answers from Node's ICU, whose time-zone data loads on
  // first use in a process (milliseconds), through emulator code that V8 has not optimised yet.
  // In Sheets that service is already running when a recalculation starts, so it is started and
  // run until optimised here, before the first call is timed (on instants of 1990, which no call
  // asks about); every call the add-on makes to it is still made, counted and timed in the call.
  for (let week = 0; week < SERVICE_WARM_UP_CALLS; week++) {
    formatDate(new Date(Date.UTC(1990, 0, 1) + week * 7 * DAY_MS), TIME_ZONE, "Z");
  }
  const asOf = dateCell(AS_OF);
  return (data) => {
    bundle.resetServiceCalls();
    const table = functions.KPI_ROLLUP(data.kpis, data.checkins, asOf) as unknown[][];
    const calls = bundle.serviceCalls;
    rollupServiceCalls = calls.getSpreadsheetTimeZone + calls.getScriptTimeZone + calls.formatDate;
    const actual = (table[0] as unknown[]).indexOf("Actual");
    return table.slice(1).map((row) => row[actual] as number | "");
  };
}

function floor(data: Workload): Actuals {
  const index = new Map(data.ids.map((id, i) => [id, i]));
  const sums = new Float64Array(data.ids.length);
  const counts = new Uint32Array(data.ids.length);
  const { checkins, from, to } = data;
  for (let r = 1; r < checkins.length; r++) {
    const row = checkins[r] as unknown[];
    const kpi = index.get(row[1] as string);
    if (kpi === undefined) continue;
    const day = Math.floor(((row[0] as Date).getTime() + OFFSET_MS) / DAY_MS) + UNIX_EPOCH_DAY;
    if (day < (from[kpi] as number) || day > (to[kpi] as number)) continue;
    const value = row[2];
    if (typeof value !== "number") continue;
    sums[kpi] = (sums[kpi] as number) + value;
    counts[kpi] = (counts[kpi] as number) + 1;
  }
  return Array.from(sums, (sum, i) => ((counts[i] as number) === 0 ? "" : sum));
}

function prepareSumifs(data: Workload): { run: () => Actuals; reset: () => void; loadMs: number } {
  const started = performance.now();
  const log = data.checkins.map((row, r) =>
    r === 0
      ? row
      : [
          Math.round(((row[0] as Date).getTime() + OFFSET_MS) / DAY_MS) + UNIX_EPOCH_DAY,
          row[1],
          row[2],
        ],
  );
  const kpis = data.ids.map((id, i) => [id, data.from[i], data.to[i]]);
  const hf = HyperFormula.buildFromSheets(
    {
      KPIs: [["ID", "From", "To", "Actual"], ...kpis],
      Log: log.map((row) => row.slice(0, 3)) as RawCellContent[][],
    },
    { licenseKey: "gpl-v3", maxRows: data.checkins.length + 10 },
  );
  const loadMs = performance.now() - started;
  const sheet = hf.getSheetId("KPIs") ?? 0;
  const last = data.checkins.length;
  const formulas = data.ids.map((_, i) => {
    const r = i + 2;
    return [
      `=SUMIFS(Log!$C$2:$C$${last}, Log!$B$2:$B$${last}, A${r}, Log!$A$2:$A$${last}, ">="&B${r}, Log!$A$2:$A$${last}, "<="&C${r})`,
    ];
  });
  return {
    loadMs,
    run: () => {
      hf.setCellContents({ sheet, row: 1, col: 3 }, formulas);
      const values = hf.getRangeValues({
        start: { sheet, row: 1, col: 3 },
        end: { sheet, row: data.ids.length, col: 3 },
      });
      return values.map((row) => row[0] as number);
    },
    reset: () => {
      hf.setCellContents(
        { sheet, row: 1, col: 3 },
        formulas.map(() => [null]),
      );
    },
  };
}

// --------------------------------------------------------------------------------------------
// Child: one case at one size

interface CaseResult {
  readonly caseId: CaseId;
  readonly size: string;
  /** The first call in a fresh process: what one Sheets recalculation costs. */
  readonly coldMs: number;
  /** Median of the later calls (the first one when there is only one). */
  readonly medianMs: number;
  readonly runs: number;
  /** How many fresh processes the cold figure is the median of. */
  readonly coldProcesses?: number;
  readonly timesMs: readonly number[];
  readonly dataRssMb: number;
  readonly peakRssMb: number;
  readonly loadMs?: number;
  /** (a): Apps Script service calls per KPI_ROLLUP call. */
  readonly serviceCalls?: number;
  readonly actuals: Actuals;
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function runCase(caseId: CaseId, size: Size): CaseResult {
  const data = workload(size);
  let run: () => Actuals;
  let reset = () => {};
  let loadMs: number | undefined;
  if (caseId === "a") {
    const rollup = prepareRollup();
    run = () => rollup(data);
  } else if (caseId === "b") {
    run = () => floor(data);
  } else {
    const prepared = prepareSumifs(data);
    run = prepared.run;
    reset = prepared.reset;
    loadMs = prepared.loadMs;
  }
  collectGarbage();
  const dataRssMb = rssMb();
  const times: number[] = [];
  let actuals: Actuals = [];
  for (let i = 0; i < size.runs[caseId]; i++) {
    if (i > 0) reset();
    collectGarbage();
    const started = performance.now();
    actuals = run();
    times.push(performance.now() - started);
  }
  return {
    caseId,
    size: size.label,
    coldMs: times[0] as number,
    medianMs: median(times.length > 1 ? times.slice(1) : times),
    runs: times.length,
    timesMs: times.map((ms) => Math.round(ms * 10) / 10),
    dataRssMb,
    peakRssMb: rssMb(),
    ...(loadMs === undefined ? {} : { loadMs }),
    ...(caseId === "a" ? { serviceCalls: rollupServiceCalls } : {}),
    actuals,
  };
}

// --------------------------------------------------------------------------------------------
// Parent: every case in its own process, one table

function spawnCase(caseId: CaseId, size: Size): CaseResult {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, __filename, "--case", caseId, "--size", size.label],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`case ${caseId} at ${size.label} failed`);
  return JSON.parse(child.stdout) as CaseResult;
}

function mismatches(left: Actuals, right: Actuals, blankIsZero = false): number {
  let count = 0;
  const norm = (value: number | "" | undefined) => (blankIsZero && value === "" ? 0 : value);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (norm(left[i]) !== norm(right[i])) count++;
  }
  return count;
}

function fmtMs(ms: number): string {
  if (ms >= 7_200_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

function main(): void {
  const started = performance.now();
  const rows: string[][] = [];
  const notes: string[] = [];
  let largestSumifs: { size: Size; ms: number } | undefined;
  for (const size of SIZES) {
    const results: Partial<Record<CaseId, CaseResult>> = {};
    for (const caseId of ["a", "b", "c"] as const) {
      if (size.runs[caseId] === 0) continue;
      process.stderr.write(`running ${CASE_NAMES[caseId]} at ${size.label}…\n`);
      const first = spawnCase(caseId, size);
      // One first call is one sample: the cold figure is the median over fresh processes.
      const colds = [first.coldMs];
      if (caseId !== "c") {
        for (let p = 1; p < COLD_PROCESSES; p++) colds.push(spawnCase(caseId, size).coldMs);
      }
      results[caseId] = { ...first, coldMs: median(colds), coldProcesses: colds.length };
    }
    const { a, b, c } = results;
    for (const caseId of ["a", "b", "c"] as const) {
      const result = results[caseId];
      if (result === undefined) {
        rows.push([size.label, CASE_NAMES[caseId], "skipped", "", "", "", "", "", ""]);
        continue;
      }
      const ratio = (mine: number, floorMs: number) => `${(mine / floorMs).toFixed(2)}×`;
      const coldAB = caseId === "a" && b !== undefined ? ratio(result.coldMs, b.coldMs) : "";
      const warmAB = caseId === "a" && b !== undefined ? ratio(result.medianMs, b.medianMs) : "";
      const ratioCA =
        caseId === "c" && a !== undefined ? `${(result.medianMs / a.coldMs).toFixed(1)}×` : "";
      let check = "";
      if (caseId === "a" && b !== undefined) {
        const bad = mismatches(result.actuals, b.actuals);
        check = bad === 0 ? `= (b), ${result.actuals.length} actuals` : `${bad} differ from (b)`;
        check += `; ${result.serviceCalls} service calls`;
      } else if (caseId === "c" && b !== undefined) {
        const bad = mismatches(result.actuals, b.actuals, true);
        check = bad === 0 ? `= (b)` : `${bad} differ from (b)`;
      }
      rows.push([
        size.label,
        CASE_NAMES[caseId],
        `${fmtMs(result.coldMs)}${result.coldProcesses === undefined || result.coldProcesses === 1 ? "" : ` (${result.coldProcesses} proc.)`}`,
        result.runs > 1 ? `${fmtMs(result.medianMs)} (${result.runs - 1} runs)` : "",
        `${result.peakRssMb.toFixed(0)} MB (+${(result.peakRssMb - result.dataRssMb).toFixed(0)})`,
        coldAB,
        warmAB,
        ratioCA,
        check,
      ]);
      if (result.loadMs !== undefined) {
        notes.push(
          `(c) at ${size.label}: loading the log into HyperFormula took ${fmtMs(result.loadMs)} (not in the time).`,
        );
      }
    }
    if (c === undefined && size.runs.c === 0) {
      const measured = largestSumifs;
      const estimate =
        measured === undefined
          ? ""
          : `; at the rate measured at ${measured.size.label}, about ${fmtMs((measured.ms * size.kpis * size.checkins) / (measured.size.kpis * measured.size.checkins))}`;
      notes.push(`(c) skipped at ${size.label}: ${SKIP_REASON}${estimate}.`);
    } else if (c !== undefined) {
      largestSumifs = { size, ms: c.medianMs };
    }
  }
  const header = [
    "size",
    "case",
    "cold: 1st call",
    "warm: median",
    "peak RSS (over data)",
    "cold (a)/(b)",
    "warm (a)/(b)",
    "(c)/(a) cold",
    "actuals",
  ];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of rows) console.log(line(row));
  console.log("");
  console.log(
    `Zone ${TIME_ZONE}; as of 2026-09-30; Node ${process.version}; ${cpus().length} CPUs, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")} at the end.`,
  );
  console.log(
    "Cold: the first call in a fresh process (a Sheets recalculation is one); warm: the median of the calls after it.",
  );
  console.log('Peak RSS includes the generated data; "over data" is what the case added to it.');
  for (const note of notes) console.log(note);
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

const caseFlag = process.argv.indexOf("--case");
if (caseFlag !== -1) {
  const caseId = process.argv[caseFlag + 1] as CaseId;
  const label = process.argv[process.argv.indexOf("--size") + 1];
  const size = SIZES.find((s) => s.label === label);
  if (size === undefined || !(caseId in CASE_NAMES)) throw new Error("bad --case/--size");
  process.stdout.write(JSON.stringify(runCase(caseId, size)));
} else {
  main();
}

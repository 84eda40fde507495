/**
 * Calls the six custom functions of the built dist/Code.js the way Sheets calls them (2-D arrays,
 * date cells as `Date`s at midnight in the spreadsheet's zone), for the SPEC §4 conformance suite.
 * Needs `npm run build` (or `npx tsx scripts/build.ts`) first.
 */

import { type CustomFunctionName, type LoadedBundle, loadBundle } from "../support/bundle";
import { day, sheetDate } from "../support/clock";

/**
 * Spreadsheet zones the suite runs in: one without DST, and two whose DST changes fall on opposite
 * halves of the year. Each is paired with a script zone far from it, because §4.1 says calendar
 * days come from the spreadsheet's zone, never from the script's.
 */
export const ZONES: readonly { readonly tz: string; readonly scriptTz: string }[] = [
  { tz: "Asia/Taipei", scriptTz: "Pacific/Pago_Pago" },
  { tz: "America/Los_Angeles", scriptTz: "Pacific/Kiritimati" },
  { tz: "Pacific/Auckland", scriptTz: "America/Adak" },
];

export type Call = (...args: unknown[]) => unknown;
export type Functions = Readonly<Record<CustomFunctionName, Call>>;

const bundles = new Map<string, LoadedBundle>();

export function functionsIn(tz: string, scriptTz: string): Functions {
  const key = `${tz}|${scriptTz}`;
  let bundle = bundles.get(key);
  if (bundle === undefined) {
    bundle = loadBundle({ spreadsheetTimeZone: tz, scriptTimeZone: scriptTz });
    bundles.set(key, bundle);
  }
  return bundle.functions;
}

/**
 * The message of what `run` throws, after checking it is an `Error` (from the bundle's realm, so
 * `instanceof` cannot be used).
 */
export function thrown(run: () => unknown): string {
  let caught: unknown;
  let threw = false;
  try {
    run();
  } catch (error) {
    caught = error;
    threw = true;
  }
  if (!threw) throw new Error("expected the call to throw, but it returned");
  if (Object.prototype.toString.call(caught) !== "[object Error]") {
    throw new Error(`expected an Error to be thrown, got ${String(caught)}`);
  }
  return (caught as Error).message;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** Sheets shows -0 as 0; the contract is about the number, not the sign of zero. */
export function plain(value: unknown): unknown {
  if (typeof value === "number") return value + 0;
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** Date cells and the Sheets serial numbers of days, in one zone. */
export function datesIn(tz: string): {
  d: (iso: string) => Date;
  serial: (iso: string) => number;
  at: (iso: string, hours: number) => Date;
} {
  return {
    d: (iso) => sheetDate(tz, iso),
    serial: (iso) => day(iso),
    // A date-time cell on `iso`: midnight plus a time of day (no DST change on the days used).
    at: (iso, hours) => new Date(sheetDate(tz, iso).getTime() + hours * 3_600_000),
  };
}

/** The registry columns the rollup and SMART tests use, in the order of SPEC §3. */
export const KPI_COLUMNS = [
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
] as const;
export type KpiColumn = (typeof KPI_COLUMNS)[number];
export type KpiRow = Partial<Record<KpiColumn, unknown>>;

/** A registry range with its header row; missing cells are blank, as Sheets passes them. */
export function registry(
  rows: readonly KpiRow[],
  header: readonly string[] = KPI_COLUMNS,
): unknown[][] {
  const keys = header.map((name) =>
    KPI_COLUMNS.find((column) => normalise(column) === normalise(name)),
  );
  return [
    [...header],
    ...rows.map((row) => keys.map((key) => (key === undefined ? "" : (row[key] ?? "")))),
  ];
}

/** A `Check-ins` range: `Date | KPI ID | Value` with its header row. */
export function checkins(rows: readonly (readonly [unknown, unknown, unknown])[]): unknown[][] {
  return [["Date", "KPI ID", "Value"], ...rows.map((row) => [...row])];
}

function normalise(header: string): string {
  return header.toLowerCase().replace(/[\s_-]/g, "");
}

/** A KPI_ROLLUP result as records keyed by its own header row. */
export function records(table: unknown): Record<string, unknown>[] {
  if (!Array.isArray(table)) throw new Error(`KPI_ROLLUP returned ${String(table)}, not a table`);
  const [header, ...rows] = table as unknown[][];
  if (header === undefined) throw new Error("KPI_ROLLUP returned no header row");
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i]])));
}

/** The record of one KPI ID in a KPI_ROLLUP result (the only one with that ID). */
export function rowOf(table: unknown, id: string): Record<string, unknown> {
  const matches = records(table).filter((row) => row["ID"] === id);
  if (matches.length !== 1)
    throw new Error(`expected one row with ID ${id}, found ${matches.length}`);
  return matches[0] as Record<string, unknown>;
}

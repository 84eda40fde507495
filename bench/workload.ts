/**
 * What the benchmarks' generated workbooks have in common: a seeded random sequence, date cells
 * as Sheets hands them to a script in a +08:00 spreadsheet, the KPI IDs and a check-in log over
 * 2026. Each benchmark builds its own registry (a flat list, a goal tree) from these.
 */

import { seededRandom } from "../playground/demoData";

export const TIME_ZONE = "Asia/Taipei"; // the guide's NTD examples; a fixed +08:00, so the floor's arithmetic is exact
export const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const UNIX_EPOCH_DAY = 25_569;
/** Serial day of 2026-01-01 (a Thursday: 53 ISO weeks end in 2026 up to 2026-12-31). */
export const YEAR_START = 46_023;

/** The registry columns every benchmark fills (SPEC §3), in the guide's order. */
// biome-ignore format: the registry's header in one line
export const REGISTRY_HEADER = ["ID", "Name", "Type", "Level", "Parent", "Owner", "Department", "Unit", "Direction", "Aggregation", "Baseline", "Target", "Start", "Due"] as const;

/** The playground's seeded generator (mulberry32): the same sequence on every machine. */
export const prng = seededRandom;

/** The `Date` Sheets passes for a date cell in a +08:00 spreadsheet: its local midnight. */
export const dateCell = (serial: number) =>
  new Date((serial - UNIX_EPOCH_DAY) * DAY_MS - OFFSET_MS);

/** The ID of the KPI at a 0-based index: KPI-00001, KPI-00002, … (a fresh string each call). */
export const idOf = (index: number) => `KPI-${String(index + 1).padStart(5, "0")}`;

/** Where a KPI sits and when it runs: what the benchmarks' registries differ in. */
export interface RegistryPlace {
  readonly level: string;
  /** The parent's ID, or "" for none. */
  readonly parent: string;
  readonly start: number;
  readonly due: number;
}

/**
 * One registry row under {@link REGISTRY_HEADER}: a Sum KPI of orders for the KPI at a 0-based
 * index, with a random target (one draw of `random`).
 */
export function registryRow(random: () => number, index: number, place: RegistryPlace): unknown[] {
  return [
    idOf(index),
    `Close ${100 + index} orders in channel ${index % 40}`,
    "KPI",
    place.level,
    place.parent,
    `owner${index % 300}@example.com`,
    `Department ${index % 12}`,
    "orders",
    "Increase",
    "Sum",
    0,
    1000 + Math.floor(random() * 100_000),
    dateCell(place.start),
    dateCell(place.due),
  ];
}

/**
 * A check-in log (header first): each row a random KPI of `kpis`, a random day of 2026 and a value
 * of 1 to 1,000. With `unknownShare`, that share of the rows names an ID past the registry's end
 * (a goal that is not, or no longer, in it).
 */
export function checkinLog(
  random: () => number,
  count: number,
  kpis: number,
  unknownShare = 0,
): unknown[][] {
  const rows: unknown[][] = [["Date", "KPI ID", "Value", "Note", "By"]];
  for (let i = 0; i < count; i++) {
    const kpi = Math.floor(random() * kpis * (1 + unknownShare));
    const serial = YEAR_START + Math.floor(random() * 365);
    rows.push([dateCell(serial), idOf(kpi), 1 + Math.floor(random() * 1000), "", ""]);
  }
  return rows;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

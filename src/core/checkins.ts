/**
 * The `Check-ins` log (SPEC §3, §4.7 "Own check-ins"), read in one pass.
 *
 * A spreadsheet may hold a million check-ins, so this is a tight loop rather than a validator
 * building an object per row: each row costs a cached ID look-up, a day number, a window test and
 * a few additions into typed arrays. Only habits keep their individual check-ins, because their
 * periods are known only once the whole log has been read.
 */

import { Accumulators } from "./aggregate";
import { type Day, type DayConverter, readDay } from "./dates";
import { type ColumnSpec, findColumns, requireColumn } from "./headers";
import { describeValue, readNumber } from "./values";

export const CHECKIN_COLUMNS = {
  date: ["Date"],
  kpiId: ["KPI ID", "KPI", "ID"],
  value: ["Value"],
  note: ["Note", "Notes"],
  by: ["By"],
} as const satisfies ColumnSpec<string>;

export type CheckinField = keyof typeof CHECKIN_COLUMNS;

/** Which check-ins count for each KPI, by KPI index. */
export interface CheckinWindows {
  /** First day counted: Start, or −∞. */
  readonly from: Float64Array;
  /** Last day counted: the earlier of Due and as-of. */
  readonly to: Float64Array;
  /** 1 for KPIs whose individual own check-ins are kept (habits). */
  readonly keep: Uint8Array;
  /** 1 for KPIs aggregated by Min or Max; all KPIs track them when omitted. */
  readonly extremes?: Uint8Array;
}

/** Own check-ins of one KPI, in row order. */
export interface KeptCheckins {
  readonly days: Day[];
  readonly values: number[];
}

export interface CheckinScan {
  /** Whether the log has a Date column; without one, no check-in has a date or is windowed. */
  readonly hasDate: boolean;
  /** Own check-ins per KPI: dated inside its window, with a numeric Value. */
  readonly own: Accumulators;
  /** Check-ins with a numeric Value per KPI, whatever their date. */
  readonly anyDate: Int32Array;
  /** The first problem in a KPI's rows, e.g. `check-in row 7 has no date`; by KPI index. */
  readonly problems: ReadonlyMap<number, string>;
  /** Own check-ins of the KPIs marked in {@link CheckinWindows.keep}. */
  readonly kept: ReadonlyMap<number, KeptCheckins>;
}

// Built-ins the per-row code uses, bound once. In a sandboxed global (Node's vm, where the tests
// and the benchmark run the bundle) every look-up of a global name is an interceptor call that
// costs more than the rest of a row's work.
const DateClass = Date;
const { floor } = Math;
const finite = Number.isFinite;
const notANumber = Number.isNaN;
const NO_BASE = Number.POSITIVE_INFINITY;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const UNIX_EPOCH_DAY = 25_569;
/** UTC days covered by the offset table: about 90 years around the first date seen. */
const SPAN = 32_768;
const UNKNOWN = Number.MAX_VALUE;
const VARIES = -Number.MAX_VALUE;

/**
 * Instant → calendar day through a table of the zone's offset per UTC day, filled as days are
 * met: one array read per check-in instead of the converter's Map look-up. A UTC day in which
 * the offset changes (a DST switch) is marked and left to the converter.
 */
export class InstantDays {
  /** UTC day of the table's first slot; set by the first instant seen. */
  private base = NO_BASE;
  private readonly offsetMs = new Float64Array(SPAN).fill(UNKNOWN);

  constructor(private readonly zone: DayConverter) {}

  dayOfInstant(ms: number): Day {
    const utcDay = floor(ms / DAY_MS);
    const slot = utcDay - this.base;
    if (slot < 0 || slot >= SPAN) {
      if (this.base !== NO_BASE) return this.zone.dayOfInstant(ms);
      this.base = utcDay - SPAN / 2;
      return this.dayOfInstant(ms);
    }
    let offset = this.offsetMs[slot]!;
    if (offset === UNKNOWN) {
      const first = this.zone.offsetMinutes(utcDay * DAY_MS);
      const last = this.zone.offsetMinutes(utcDay * DAY_MS + DAY_MS - 1);
      offset = first === last ? first * MINUTE_MS : VARIES;
      this.offsetMs[slot] = offset;
    }
    if (offset === VARIES) return this.zone.dayOfInstant(ms);
    return floor((ms + offset) / DAY_MS) + UNIX_EPOCH_DAY;
  }
}

/**
 * `readDay` for many cells of one zone: a `Date` goes through an {@link InstantDays} table,
 * anything else through `readDay`. Same answers, fewer look-ups.
 */
export function dayReader(zone: DayConverter): (value: unknown) => Day | undefined {
  const days = new InstantDays(zone);
  return (value) => {
    if (value instanceof DateClass) {
      const ms = value.getTime();
      return notANumber(ms) ? undefined : days.dayOfInstant(ms);
    }
    return readDay(value, zone);
  };
}

/** Marks a raw ID that names no KPI (or a duplicated one) in the per-value cache. */
const NO_KPI = -1;

/**
 * Reads a check-in table (header row first).
 *
 * @param ids comparable KPI ID (see `idKey`) → KPI index; IDs mapped to a negative number are ignored.
 * @param size the number of KPIs (the length of every per-KPI array).
 */
export function scanCheckins(
  table: readonly (readonly unknown[])[],
  ids: ReadonlyMap<string, number>,
  size: number,
  windows: CheckinWindows,
  zone: DayConverter,
): CheckinScan {
  const columns = findColumns(table[0] ?? [], CHECKIN_COLUMNS);
  const idColumn = requireColumn(columns, CHECKIN_COLUMNS, "kpiId", "checkins");
  const valueColumn = requireColumn(columns, CHECKIN_COLUMNS, "value", "checkins");
  const dateColumn = columns.date ?? -1;
  const hasDate = dateColumn >= 0;

  const own = new Accumulators(size, windows.extremes);
  for (let kpi = 0; kpi < size; kpi++) own.setWindow(kpi, windows.from[kpi]!, windows.to[kpi]!);
  const anyDate = new Int32Array(size);
  const problems = new Map<number, string>();
  const kept = new Map<number, KeptCheckins>();
  const { keep } = windows;

  // Sheets hands every cell as its own value, but a log repeats a few thousand IDs a million
  // times: normalise each distinct raw value once.
  const kpiOfRaw = new Map<unknown, number>();
  const days = new InstantDays(zone);

  // A KPI with a bad row is an error whatever else its rows hold, so its later rows are still
  // added (cheaper than testing every row for it) and only its first problem is kept.
  const fail = (kpi: number, message: string) => {
    if (!problems.has(kpi)) problems.set(kpi, message);
  };

  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    const rawId = row[idColumn];
    let kpi = kpiOfRaw.get(rawId);
    if (kpi === undefined) {
      kpi =
        rawId === "" || rawId === null || rawId === undefined
          ? NO_KPI
          : (ids.get(String(rawId).trim().toLowerCase()) ?? NO_KPI);
      kpiOfRaw.set(rawId, kpi);
    }
    if (kpi < 0) continue;

    let day = 0;
    if (hasDate) {
      const rawDate = row[dateColumn];
      if (rawDate instanceof DateClass) {
        const ms = rawDate.getTime();
        if (notANumber(ms)) {
          fail(kpi, `check-in row ${r + 1} has an invalid date`);
          continue;
        }
        day = days.dayOfInstant(ms);
      } else if (typeof rawDate === "number" && finite(rawDate)) {
        day = floor(rawDate);
      } else if (rawDate === "" || rawDate === null || rawDate === undefined) {
        fail(kpi, `check-in row ${r + 1} has no date`);
        continue;
      } else {
        const parsed = readDay(rawDate, zone);
        if (parsed === undefined) {
          fail(
            kpi,
            `check-in row ${r + 1} has Date ${describeValue(rawDate)}, which is not a date`,
          );
          continue;
        }
        day = parsed;
      }
    }

    const rawValue = row[valueColumn];
    let value: number;
    if (typeof rawValue === "number" && finite(rawValue)) {
      value = rawValue;
    } else if (rawValue === "" || rawValue === null || rawValue === undefined) {
      continue;
    } else {
      const parsed = readNumber(rawValue);
      if (parsed === undefined) {
        fail(
          kpi,
          `check-in row ${r + 1} has Value ${describeValue(rawValue)}, which is not a number`,
        );
        continue;
      }
      value = parsed;
    }

    anyDate[kpi]! += 1;
    if (hasDate && !own.inWindow(kpi, day)) continue;
    own.add(kpi, day, value);
    if (keep[kpi] === 1) {
      let list = kept.get(kpi);
      if (list === undefined) {
        list = { days: [], values: [] };
        kept.set(kpi, list);
      }
      list.days.push(day);
      list.values.push(value);
    }
  }
  return { hasDate, own, anyDate, problems, kept };
}

/**
 * The `Check-ins` log (SPEC §3, §4.7 "Own check-ins"), read in one pass.
 *
 * A spreadsheet may hold a million check-ins, so this is a tight loop rather than a validator
 * building an object per row: each row costs a cached ID look-up, a day number, a window test and
 * a few additions into typed arrays. Only habits keep their individual check-ins, because their
 * periods are known only once the whole log has been read.
 */

import { Accumulators, COUNT, LAST_DAY, LAST_VALUE, STRIDE, SUM } from "./aggregate";
import { type Day, DayConverter, readDay } from "./dates";
import { type ColumnSpec, findColumns, requireColumn } from "./headers";
import { keepShape } from "./shapes";
import { describeValue, errorValueOf, notANumberReason, readNumber } from "./values";

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
  /**
   * 1 for KPIs whose check-ins of any date are counted in {@link CheckinScan.anyDate}; all KPIs
   * when omitted. A rollup needs the count only for KPIs with children, and every other row is
   * then one write less.
   */
  readonly counted?: Uint8Array;
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
  /** Check-ins with a numeric Value per KPI, whatever their date (see CheckinWindows.counted). */
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
/**
 * How the scan recognises a Date cell: by its `getTime`, which a property look-up checks against
 * the Date's hidden class. `instanceof Date` says the same of every value Sheets passes (numbers,
 * text, booleans and Dates), but where the `Date` constructor belongs to another realm, as in the
 * benchmark's vm, the engine cannot inline it and pays a builtin call per row — about a quarter of
 * the time the benchmark's floor spends on a whole row. Anything else goes to `otherDay`.
 */
const GET_TIME = DateClass.prototype.getTime;
const { floor, min } = Math;
const finite = Number.isFinite;
const notANumber = Number.isNaN;
const toText = String;
/**
 * {@link InstantDays.base} before the first instant: a whole number, like every base, so the field
 * keeps one representation (see shapes.ts), and far below any day a `Date` can hold (±10⁸).
 */
const NO_BASE = -0x4000_0000;
/** Both ends of the empty run: a double, as every run's ends are. */
const NO_RUN = Number.POSITIVE_INFINITY;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const UNIX_EPOCH_DAY = 25_569;
/**
 * UTC days covered by the offset table: about 45 years around the first date seen. The table is
 * 64 KB: a larger one is fresh memory from the system on every call, which costs more to touch
 * than the look-ups it saves.
 */
const SPAN = 16_384;
// Table entries that are not an offset. Both lie above every real offset (less than a day), so
// one comparison tells a usable entry: `offset < DAY_MS`.
const UNKNOWN = 0x7fff_ffff;
const VARIES = 0x7fff_fffe;

/**
 * Instant → calendar day through a table of the zone's offset per UTC day, filled as days are
 * met: one array read per check-in instead of the converter's Map look-up. A UTC day in which
 * the offset changes (a DST switch) is marked and left to the converter.
 *
 * On top of the table, the run of consecutive known days around the first one met that share
 * one offset is kept as an interval of instants, [runFrom, runTo): in a zone without DST it soon
 * covers every date of the log, in one with DST the half of the year the first date is in. For
 * an instant inside it the day is two comparisons and one division; {@link scanCheckins} tests
 * the interval inline and calls {@link InstantDays.dayOfInstant} only outside it.
 */
export class InstantDays {
  /** UTC day of the table's first slot; set by the first instant seen. */
  private base = NO_BASE;
  /** Offset in milliseconds (within ±14 hours) per UTC day from {@link base}, or UNKNOWN, or VARIES. */
  private readonly offsetMs = new Int32Array(SPAN).fill(UNKNOWN);
  // The run as instants, empty until the first day is known; read by the scan, written by grow().
  // Empty as [+∞, +∞) rather than [0, 0): the fields then hold doubles from the start, as they do
  // once set, and V8 need not change the object's hidden class on the first day met.
  runFrom = NO_RUN;
  runTo = NO_RUN;
  /** The offset, in milliseconds, of every instant of the run. */
  runOffset = 0;
  /** The run as table slots [runFirst, runEnd). */
  private runFirst = 0;
  private runEnd = 0;

  constructor(private readonly zone: DayConverter) {}

  dayOfInstant(ms: number): Day {
    if (ms >= this.runFrom && ms < this.runTo) {
      return floor((ms + this.runOffset) / DAY_MS) + UNIX_EPOCH_DAY;
    }
    const slot = floor(ms / DAY_MS) - this.base;
    const offset = slot >= 0 && slot < SPAN ? this.offsetMs[slot]! : UNKNOWN;
    return offset < DAY_MS ? floor((ms + offset) / DAY_MS) + UNIX_EPOCH_DAY : this.slowDay(ms);
  }

  /**
   * The day of a valid instant whose table entry is not a usable offset: fills the entry when it
   * is unknown; asks the converter for a day the table does not cover or in which the offset
   * changes.
   */
  private slowDay(ms: number): Day {
    const utcDay = floor(ms / DAY_MS);
    if (this.base === NO_BASE) this.base = utcDay - SPAN / 2;
    const slot = utcDay - this.base;
    if (slot < 0 || slot >= SPAN) return this.zone.dayOfInstant(ms);
    let offset = this.offsetMs[slot]!;
    if (offset === UNKNOWN) {
      const first = this.zone.offsetMinutes(utcDay * DAY_MS);
      const last = this.zone.offsetMinutes(utcDay * DAY_MS + DAY_MS - 1);
      offset = first === last ? first * MINUTE_MS : VARIES;
      this.offsetMs[slot] = offset;
      if (offset !== VARIES) this.grow(slot, offset);
    }
    if (offset === VARIES) return this.zone.dayOfInstant(ms);
    return floor((ms + offset) / DAY_MS) + UNIX_EPOCH_DAY;
  }

  /**
   * Takes a newly known day into the run when it has the run's offset and touches it (the first
   * known day starts the run), then extends the run over the known days beyond it with the same
   * offset, so that days filled in any order join up.
   */
  private grow(slot: number, offset: number): void {
    const offsets = this.offsetMs;
    if (this.runFirst === this.runEnd) {
      this.runFirst = slot;
      this.runEnd = slot + 1;
      this.runOffset = offset;
    } else if (offset !== this.runOffset || slot < this.runFirst - 1 || slot > this.runEnd) {
      return;
    }
    while (this.runFirst > 0 && offsets[this.runFirst - 1] === offset) this.runFirst--;
    while (this.runEnd < SPAN && offsets[this.runEnd] === offset) this.runEnd++;
    this.runFrom = (this.base + this.runFirst) * DAY_MS;
    this.runTo = (this.base + this.runEnd) * DAY_MS;
  }
}

/**
 * One {@link InstantDays} per calendar: the registry's dates and the log's are read through the
 * same table, so a rollup allocates and fills it once (it is 64 KB, and each offset it learns
 * may have cost a service call).
 */
const tables = new WeakMap<DayConverter, InstantDays>();

export function instantDaysOf(zone: DayConverter): InstantDays {
  let days = tables.get(zone);
  if (days === undefined) {
    days = new InstantDays(zone);
    tables.set(zone, days);
  }
  return days;
}

/**
 * `readDay` for many cells of one zone: a `Date` goes through an {@link InstantDays} table,
 * anything else through `readDay`. Same answers, fewer look-ups.
 */
export function dayReader(zone: DayConverter): (value: unknown) => Day | undefined {
  const days = instantDaysOf(zone);
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
 * The KPI index of a raw KPI ID cell, or {@link NO_KPI}. A KPI ID cell holding an error value
 * (`#REF!` from a broken look-up…) says nothing about which goal the check-in is for, so, like an
 * ID the registry does not have, it belongs to no KPI and is left out; it cannot match a registry
 * row either, since an ID cell holding an error has no key (see readRegistry).
 */
function kpiOfId(rawId: unknown, ids: ReadonlyMap<string, number>): number {
  if (rawId === "" || rawId === null || rawId === undefined) return NO_KPI;
  return ids.get(toText(rawId).trim().toLowerCase()) ?? NO_KPI;
}

/** The day of a Date cell that is not a plain `Date`, or the problem with it (row = sheet row). */
function otherDay(rawDate: unknown, row: number, zone: DayConverter): Day | string {
  if (typeof rawDate === "number" && finite(rawDate)) return floor(rawDate);
  if (rawDate instanceof DateClass) {
    const ms = rawDate.getTime();
    return notANumber(ms) ? `check-in row ${row} has an invalid date` : zone.dayOfInstant(ms);
  }
  if (rawDate === "" || rawDate === null || rawDate === undefined) {
    return `check-in row ${row} has no date`;
  }
  const error = errorValueOf(rawDate);
  if (error !== undefined) return `check-in row ${row} has the error ${error} in Date`;
  const parsed = readDay(rawDate, zone);
  return parsed === undefined
    ? `check-in row ${row} has Date ${describeValue(rawDate)}, which is not a date`
    : parsed;
}

/** A Value cell that is not a finite number: its number, `undefined` when blank, or the problem. */
function otherValue(rawValue: unknown, row: number): number | undefined | string {
  if (rawValue === "" || rawValue === null || rawValue === undefined) return undefined;
  const parsed = readNumber(rawValue);
  if (parsed !== undefined) return parsed;
  const error = errorValueOf(rawValue);
  if (error !== undefined) return `check-in row ${row} has the error ${error} in Value`;
  return `check-in row ${row} has Value ${describeValue(rawValue)}, which ${notANumberReason(rawValue)}`;
}

/** Rows read per call of {@link LogReader.readRows}. */
const CHUNK = 4096;

/**
 * One scan of the log: what the per-row loop reads and writes, and the handlers of rare rows.
 *
 * The loop is a method called once per {@link CHUNK} rows rather than one loop over the whole
 * log: the engine uses a function's optimised code from its next call on, whereas a loop that is
 * already running waits for a second, on-stack compilation, tens of thousands of rows later, and
 * runs two to three times slower until then.
 */
class LogReader {
  readonly own: Accumulators;
  readonly anyDate: Int32Array;
  readonly problems = new Map<number, string>();
  readonly kept = new Map<number, KeptCheckins>();
  /**
   * 1 for the KPIs that want more than the window and the totals: Min and Max, each check-in
   * kept, or the count of check-ins of any date.
   */
  private readonly extra: Uint8Array;
  private readonly keep: Uint8Array;
  /** `CheckinWindows.counted`, or undefined for all KPIs. */
  private readonly counted: Uint8Array | undefined;
  /**
   * Raw KPI ID cell → KPI index. Sheets hands every cell as its own value, but a log repeats a
   * few thousand IDs a million times: each distinct raw value is normalised once.
   */
  private readonly kpiOfRaw = new Map<unknown, number>();
  private readonly days: InstantDays;

  constructor(
    private readonly table: readonly (readonly unknown[])[],
    private readonly idColumn: number,
    /** −1 when the log has no Date column. */
    private readonly dateColumn: number,
    private readonly valueColumn: number,
    private readonly ids: ReadonlyMap<string, number>,
    size: number,
    windows: CheckinWindows,
    private readonly zone: DayConverter,
    spellings: readonly string[],
  ) {
    const own = new Accumulators(size, windows.extremes);
    const { tracked } = own;
    const { from, to, keep, counted } = windows;
    const extra = new Uint8Array(size);
    for (let kpi = 0; kpi < size; kpi++) {
      own.setWindow(kpi, from[kpi]!, to[kpi]!);
      const wanted = counted === undefined || counted[kpi] === 1;
      if (tracked[kpi] === 1 || keep[kpi] === 1 || wanted) extra[kpi] = 1;
    }
    this.own = own;
    this.extra = extra;
    this.keep = keep;
    this.counted = counted;
    this.anyDate = new Int32Array(size);
    this.days = instantDaysOf(zone);
    // The registry's spellings go in first: a Map compares string keys by content, and it is
    // measurably faster when its keys are the registry's few thousand strings than when they are
    // the first copies met, scattered through the log.
    for (let kpi = 0; kpi < spellings.length; kpi++) {
      if (spellings[kpi] !== "") this.kpiOfRaw.set(spellings[kpi], kpi);
    }
  }

  /**
   * Reads rows `first` to `end` (excluded). The common row (a Date in the day run, a number, a
   * KPI that wants only its totals) is read and added here without a call, which is what
   * `InstantDays.dayOfInstant`, `Accumulators.inWindow` and `Accumulators.add` would do;
   * everything else goes through the functions above and the methods below.
   */
  readRows(first: number, end: number): void {
    const { table, idColumn, dateColumn, valueColumn, kpiOfRaw, days, extra } = this;
    const { window, totals } = this.own;
    const hasDate = dateColumn >= 0;
    let { runFrom, runTo, runOffset } = days;
    for (let r = first; r < end; r++) {
      const row = table[r]!;
      const rawId = row[idColumn];
      let kpi = kpiOfRaw.get(rawId);
      if (kpi === undefined) kpi = this.resolve(rawId);
      if (kpi < 0) continue;

      let day = 0;
      if (hasDate) {
        const rawDate = row[dateColumn] as Date | null | undefined;
        if (rawDate !== null && rawDate !== undefined && rawDate.getTime === GET_TIME) {
          const ms = rawDate.getTime();
          if (ms >= runFrom && ms < runTo) {
            day = floor((ms + runOffset) / DAY_MS) + UNIX_EPOCH_DAY;
          } else if (notANumber(ms)) {
            this.fail(kpi, `check-in row ${r + 1} has an invalid date`);
            continue;
          } else {
            day = days.dayOfInstant(ms);
            ({ runFrom, runTo, runOffset } = days);
          }
        } else {
          const read = otherDay(rawDate, r + 1, this.zone);
          if (typeof read === "string") {
            this.fail(kpi, read);
            continue;
          }
          day = read;
        }
      }

      const rawValue = row[valueColumn];
      let value: number;
      if (typeof rawValue === "number" && finite(rawValue)) {
        value = rawValue;
      } else {
        const read = otherValue(rawValue, r + 1);
        if (read === undefined) continue;
        if (typeof read === "string") {
          this.fail(kpi, read);
          continue;
        }
        value = read;
      }

      if (extra[kpi] === 1) {
        this.addExtra(kpi, day, value, hasDate);
        continue;
      }
      if (hasDate && (day < window[kpi * 2]! || day > window[kpi * 2 + 1]!)) continue;
      const t = kpi * STRIDE;
      totals[t + COUNT]! += 1;
      totals[t + SUM]! += value;
      // Ties go to the later row, as in `Accumulators.add`.
      if (day >= totals[t + LAST_DAY]!) {
        totals[t + LAST_DAY] = day;
        totals[t + LAST_VALUE] = value;
      }
    }
  }

  /** The KPI index of a raw ID met for the first time, remembered. */
  private resolve(rawId: unknown): number {
    const kpi = kpiOfId(rawId, this.ids);
    this.kpiOfRaw.set(rawId, kpi);
    return kpi;
  }

  /**
   * A KPI with a bad row is an error whatever else its rows hold, so its later rows are still
   * added (cheaper than testing every row for it) and only its first problem is kept.
   */
  private fail(kpi: number, message: string): void {
    if (!this.problems.has(kpi)) this.problems.set(kpi, message);
  }

  /** Adds a valid check-in of a KPI flagged in {@link extra}. */
  private addExtra(kpi: number, day: Day, value: number, hasDate: boolean): void {
    if (this.counted === undefined || this.counted[kpi] === 1) this.anyDate[kpi]! += 1;
    if (hasDate && !this.own.inWindow(kpi, day)) return;
    this.own.add(kpi, day, value);
    if (this.keep[kpi] !== 1) return;
    let list = this.kept.get(kpi);
    if (list === undefined) {
      list = { days: [], values: [] };
      this.kept.set(kpi, list);
    }
    list.days.push(day);
    list.values.push(value);
  }
}

/** Whether this script has kept its scan's templates yet (see shapes.ts). */
let templatesKept = false;

/**
 * Keeps a reader over an empty log, which holds accumulators and the offset table of a calendar
 * made for it: the classes a scan builds per call then keep their hidden classes between calls.
 * Done by the first scan rather than at load, so executions that never scan pay nothing for it.
 */
function keepScanTemplates(): void {
  if (templatesKept) return;
  templatesKept = true;
  const windows: CheckinWindows = {
    from: new Float64Array(0),
    to: new Float64Array(0),
    keep: new Uint8Array(0),
    extremes: new Uint8Array(0),
    counted: new Uint8Array(0),
  };
  keepShape(new LogReader([], 0, 0, 0, new Map(), 0, windows, new DayConverter(() => 0), []));
}

/**
 * Reads a check-in table (header row first).
 *
 * @param ids comparable KPI ID (see `idKey`) → KPI index; IDs mapped to a negative number are ignored.
 * @param size the number of KPIs (the length of every per-KPI array).
 * @param spellings by KPI index, the ID as the registry writes it (trimmed), which `ids` maps
 *   lower-cased to that index; `""` for none. The log mostly repeats these spellings, so they are
 *   resolved before the first row.
 */
export function scanCheckins(
  table: readonly (readonly unknown[])[],
  ids: ReadonlyMap<string, number>,
  size: number,
  windows: CheckinWindows,
  zone: DayConverter,
  spellings: readonly string[] = [],
): CheckinScan {
  keepScanTemplates();
  const columns = findColumns(table[0] ?? [], CHECKIN_COLUMNS);
  const idColumn = requireColumn(columns, CHECKIN_COLUMNS, "kpiId", "checkins");
  const valueColumn = requireColumn(columns, CHECKIN_COLUMNS, "value", "checkins");
  const dateColumn = columns.date ?? -1;
  const reader = new LogReader(
    table,
    idColumn,
    dateColumn,
    valueColumn,
    ids,
    size,
    windows,
    zone,
    spellings,
  );
  for (let first = 1; first < table.length; first += CHUNK) {
    reader.readRows(first, min(first + CHUNK, table.length));
  }
  const { own, anyDate, problems, kept } = reader;
  return { hasDate: dateColumn >= 0, own, anyDate, problems, kept };
}

/**
 * `KPI_TREND` (SPEC §4.8): the history of one field of some goals, re-graded from the log as of
 * each step date. Nothing is stored: a check-in typed late corrects the past.
 *
 * Every cell must equal what `KPI_ROLLUP(kpis, checkins, date, field)` gives for that goal and
 * date, errors included, so each step is graded by the rollup engine itself
 * ({@link computeRollup}) — but not over the whole workbook 53 times. The registry and the log
 * are read once: a chosen goal's numbers depend only on its own rows and on its descendants'
 * (children roll up, parents never roll down), so the registry is cut to the chosen goals and
 * their descendants (every copy of each of their IDs, so duplicates stay duplicates) and the log
 * to those goals' rows. The kept check-ins are then sorted by day once, and each step date is
 * graded over the registry cut and the check-ins dated up to it — which are the only ones a
 * rollup at that date counts — plus two kinds of rows whatever their date, because the rollup
 * reads them whatever the as-of date is:
 * - the rows it reports as a KPI's error (no date, a date or a Value that cannot be read), placed
 *   first so their row numbers can be given back as the log's own;
 * - each goal's first valid check-in, which tells a parent that it has check-ins of its own (a
 *   parent with its own check-ins is graded on them, SPEC §4.7 Parents).
 */

import { Accumulators } from "./aggregate";
import {
  CHECKIN_COLUMNS,
  type CheckinScan,
  type CheckinWindows,
  dayReader,
  type KeptCheckins,
  scanCheckins,
} from "./checkins";
import type { CellValue, Clock, FormulaResult } from "./clock";
import { type Day, type DayConverter, formatDay, readDay } from "./dates";
import { findColumns, requireColumn, requireTable } from "./headers";
import { type Cadence, periodEnd, periodOf } from "./periods";
import { idKey, REGISTRY_COLUMNS, readRegistry, registryColumns } from "./registry";
import { computeRollup, type RollupRow } from "./rollup";
import { describeValue, isBlank, KpiInputError, normalizeKey, readNumber } from "./values";

/** The fields a trend can follow (SPEC §4.8), as KPI_ROLLUP renders them. */
const TREND_FIELDS = {
  Actual: (row: RollupRow): CellValue => row.actual ?? "",
  Attainment: (row: RollupRow): CellValue => row.attainment ?? "",
  Expected: (row: RollupRow): CellValue => row.expected ?? "",
  Score: (row: RollupRow): CellValue => row.score ?? "",
  Status: (row: RollupRow): CellValue => row.statusText,
  "Check-ins": (row: RollupRow): CellValue => row.checkins ?? "",
} as const;

export type TrendField = keyof typeof TREND_FIELDS;

const FIELD_BY_KEY = new Map<string, TrendField>(
  (Object.keys(TREND_FIELDS) as TrendField[]).map((field) => [normalizeKey(field), field]),
);

const STEP_BY_KEY = new Map<string, Cadence>([
  ["day", "daily"],
  ["daily", "daily"],
  ["week", "weekly"],
  ["weekly", "weekly"],
  ["month", "monthly"],
  ["monthly", "monthly"],
  ["quarter", "quarterly"],
  ["quarterly", "quarterly"],
]);

/** A scalar argument: a 1×1 array (an array literal) is its one value. */
function single(value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  const cells = value.flat();
  if (cells.length !== 1) throw new KpiInputError(`${what} must be one value, not a range`);
  return cells[0];
}

export function parseTrendField(field: unknown): TrendField {
  const value = single(field, "field");
  if (isBlank(value)) return "Attainment";
  const found = FIELD_BY_KEY.get(normalizeKey(value));
  if (found === undefined) {
    throw new KpiInputError(
      `field ${describeValue(value)} is not one of ${Object.keys(TREND_FIELDS).join(", ")}`,
    );
  }
  return found;
}

export function parseStep(step: unknown): Cadence {
  const value = single(step, "step");
  if (isBlank(value)) return "weekly";
  const found = STEP_BY_KEY.get(normalizeKey(value));
  if (found === undefined) {
    throw new KpiInputError(`step ${describeValue(value)} is not day, week, month or quarter`);
  }
  return found;
}

/** The IDs asked for, as typed (trimmed), in order: a list in one text, or a range of cells. */
export function parseIds(ids: unknown): string[] {
  const cells = Array.isArray(ids) ? ids.flat() : [ids];
  const out: string[] = [];
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    for (const piece of String(cell).split(",")) {
      const id = piece.trim();
      if (id !== "") out.push(id);
    }
  }
  if (out.length === 0) throw new KpiInputError("ids is blank: give one ID, a list or a range");
  return out;
}

function optionalDate(value: unknown, what: string, clock: Clock): Day | undefined {
  const cell = single(value, what);
  if (isBlank(cell)) return undefined;
  const day = readDay(cell, clock.zone);
  if (day === undefined) throw new KpiInputError(`${what} ${describeValue(cell)} is not a date`);
  return day;
}

/** The step dates: the last day of each period from `from`'s to `to`'s, the last being `to`. */
export function stepDates(from: Day, to: Day, step: Cadence): Day[] {
  const first = periodOf(step, from);
  const last = periodOf(step, to);
  const dates: Day[] = [];
  for (let p = first; p < last; p++) dates.push(periodEnd(step, p));
  dates.push(to);
  return dates;
}

/** A valid check-in of one of the goals, with its index in the log (header = 0). */
interface ValidRow {
  readonly index: number;
  readonly key: string;
  readonly day: Day;
  readonly value: number;
}

/** Prefix of the problems the rollup reports about a check-in row, with its row number. */
const CHECKIN_ROW = /^check-in row (\d+)/;

export interface TrendRequest {
  readonly ids: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly step: unknown;
  readonly field: unknown;
}

/** `KPI_TREND(kpis, checkins, ids, [from], [to], [step], [field])`. */
export function kpiTrend(
  kpis: unknown,
  checkins: unknown,
  request: TrendRequest,
  clock: Clock,
): FormulaResult {
  const zone = clock.zone;
  const registry = requireTable(kpis, "kpis");
  const columns = registryColumns(registry[0]!);
  requireColumn(columns, REGISTRY_COLUMNS, "id", "kpis");
  requireColumn(columns, REGISTRY_COLUMNS, "target", "kpis");
  const log = requireTable(checkins, "checkins");
  const logColumns = findColumns(log[0]!, CHECKIN_COLUMNS);
  const idColumn = requireColumn(logColumns, CHECKIN_COLUMNS, "kpiId", "checkins");
  const valueColumn = requireColumn(logColumns, CHECKIN_COLUMNS, "value", "checkins");
  const dateColumn = logColumns.date;
  const field = parseTrendField(request.field);
  const step = parseStep(request.step);
  const wanted = parseIds(request.ids);

  const entries = readRegistry(registry, zone);
  const firstOf = new Map<string, number>();
  const childrenOf = new Map<string, string[]>();
  entries.forEach((entry, i) => {
    if (!firstOf.has(entry.key)) firstOf.set(entry.key, i);
    if (entry.parentKey !== "") {
      const list = childrenOf.get(entry.parentKey);
      if (list === undefined) childrenOf.set(entry.parentKey, [entry.key]);
      else list.push(entry.key);
    }
  });
  const chosen = wanted.map((id) => {
    const key = id.toLowerCase();
    if (!firstOf.has(key)) throw new KpiInputError(`unknown ID ${JSON.stringify(id)} in ids`);
    return key;
  });

  // The chosen goals and their descendants, by ID (a cycle ends where it meets itself).
  const closure = new Set<string>(chosen);
  const queue = [...closure];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.pop()!) ?? []) {
      if (!closure.has(child)) {
        closure.add(child);
        queue.push(child);
      }
    }
  }
  const entriesCut = entries.filter((entry) => closure.has(entry.key));

  // The log, read once: each raw ID cell decided once, each kept row's day and value read once.
  const member = new Map<unknown, string | undefined>();
  // The registry's spellings first: the log mostly repeats them (see scanCheckins).
  for (const entry of entries) member.set(entry.id, closure.has(entry.key) ? entry.key : undefined);
  const readDate = dayReader(zone);
  const problemRows: number[] = [];
  const valid: ValidRow[] = [];
  let earliestChosen = Number.POSITIVE_INFINITY;
  const chosenKeys = new Set(chosen);
  for (let r = 1; r < log.length; r++) {
    const row = log[r]!;
    const rawId = row[idColumn];
    let key = member.get(rawId);
    if (key === undefined && !member.has(rawId)) {
      const k = idKey(rawId);
      key = closure.has(k) ? k : undefined;
      member.set(rawId, key);
    }
    if (key === undefined) continue;
    let day = 0;
    if (dateColumn !== undefined) {
      const read = readDate(row[dateColumn]);
      if (read === undefined) {
        problemRows.push(r);
        continue;
      }
      day = read;
    }
    const raw = row[valueColumn];
    if (raw === "" || raw === null || raw === undefined) continue;
    const value =
      typeof raw === "number" ? (Number.isFinite(raw) ? raw : undefined) : readNumber(raw);
    if (value === undefined) {
      problemRows.push(r);
      continue;
    }
    valid.push({ index: r, key, day, value });
    if (chosenKeys.has(key) && dateColumn !== undefined && day < earliestChosen) {
      earliestChosen = day;
    }
  }
  // By day, and check-ins of one day in log order ("ties go to the later row").
  valid.sort((a, b) => a.day - b.day || a.index - b.index);

  const to = optionalDate(request.to, "to", clock) ?? clock.today();
  let from = optionalDate(request.from, "from", clock);
  if (from === undefined) {
    let earliestStart = Number.POSITIVE_INFINITY;
    for (const key of chosen) {
      const entry = entries[firstOf.get(key)!]!;
      const start = entry.record?.start ?? readDay(entry.cells.start, zone);
      if (start !== undefined && start < earliestStart) earliestStart = start;
    }
    from = Number.isFinite(earliestStart)
      ? earliestStart
      : Number.isFinite(earliestChosen)
        ? earliestChosen
        : to;
  }
  if (to < from) {
    throw new KpiInputError(`to ${dayText(to)} is before from ${dayText(from)}`);
  }

  const render = TREND_FIELDS[field];
  const header: CellValue[] = ["Date"];
  for (const key of chosen) {
    const entry = entries[firstOf.get(key)!]!;
    const name = entry.cells.name;
    header.push(isBlank(name) ? entry.id : String(name).trim() || entry.id);
  }
  const output: CellValue[][] = [header];

  const scanner = new StepScanner(valid, problemRows, log, dateColumn !== undefined, zone);
  const logHeader = [log[0]!];
  for (const date of stepDates(from, to, step)) {
    scanner.asOf = date;
    const rows = computeRollup(
      registry,
      logHeader,
      { asOf: date, zone },
      { entries: entriesCut, scanner: scanner.scan },
    );
    const rowOf = new Map<string, RollupRow>();
    for (const row of rows) if (!rowOf.has(row.key)) rowOf.set(row.key, row);
    const line: CellValue[] = [zone.startOf(date)];
    for (const key of chosen) line.push(render(rowOf.get(key)!));
    output.push(line);
  }
  return output;
}

/**
 * The rollup's check-in scan for one step date after another, from the log read once: the
 * totals of each KPI only ever grow with the date (a KPI's window ends at the earlier of its Due
 * and the as-of date), so each step adds the check-ins dated since the previous one to the same
 * totals instead of reading the log again. What does not depend on the date — the problems of
 * bad rows and the count of check-ins of any date — is found once.
 */
class StepScanner {
  /** The step being graded; set before each rollup. */
  asOf = 0;
  private next = 0;
  private state: CheckinScan | undefined;
  private kpiOf: Int32Array | undefined;

  constructor(
    private readonly valid: readonly ValidRow[],
    private readonly problemRows: readonly number[],
    private readonly log: readonly (readonly unknown[])[],
    private readonly hasDate: boolean,
    private readonly zone: DayConverter,
  ) {}

  readonly scan = (windows: CheckinWindows, ids: ReadonlyMap<string, number>): CheckinScan => {
    const state = this.state ?? this.start(windows, ids);
    const { valid, asOf, hasDate } = this;
    const kpiOf = this.kpiOf!;
    const own = state.own;
    const kept = state.kept as Map<number, KeptCheckins>;
    const { from, to, keep } = windows;
    let next = this.next;
    for (; next < valid.length && (!hasDate || valid[next]!.day <= asOf); next++) {
      const kpi = kpiOf[next]!;
      if (kpi < 0) continue;
      const { day, value } = valid[next]!;
      // A row dated up to this step is in its KPI's window now exactly when it is at every later
      // step: the window's end only moves up to the as-of date, and never past Due.
      if (hasDate && (day < from[kpi]! || day > to[kpi]!)) continue;
      own.add(kpi, day, value);
      if (keep[kpi] !== 1) continue;
      let list = kept.get(kpi);
      if (list === undefined) {
        list = { days: [], values: [] };
        kept.set(kpi, list);
      }
      list.days.push(day);
      list.values.push(value);
    }
    this.next = next;
    return state;
  };

  private start(windows: CheckinWindows, ids: ReadonlyMap<string, number>): CheckinScan {
    const size = windows.from.length;
    const kpiOf = new Int32Array(this.valid.length);
    const anyDate = new Int32Array(size);
    this.valid.forEach((row, i) => {
      const kpi = ids.get(row.key) ?? -1;
      kpiOf[i] = kpi;
      if (kpi >= 0) anyDate[kpi]! += 1;
    });
    this.kpiOf = kpiOf;
    // The rollup's own scan names what is wrong with the bad rows; read alone, their numbers are
    // their places in that short table, given back as the log's own.
    const bad = [this.log[0]!, ...this.problemRows.map((r) => this.log[r]!)];
    const found = scanCheckins(bad, ids, size, windows, this.zone).problems;
    const problems = new Map<number, string>();
    for (const [kpi, message] of found) problems.set(kpi, originalRow(message, this.problemRows));
    this.state = {
      hasDate: this.hasDate,
      own: new Accumulators(size),
      anyDate,
      problems,
      kept: new Map(),
    };
    return this.state;
  }
}

/** `check-in row N …` with N counted in the table of bad rows, given back the log's own number. */
function originalRow(message: string, problemRows: readonly number[]): string {
  const match = CHECKIN_ROW.exec(message);
  const original = match === null ? undefined : problemRows[Number(match[1]) - 2];
  if (match === null || original === undefined) return message;
  return `check-in row ${original + 1}${message.slice(match[0].length)}`;
}

function dayText(day: Day): string {
  return formatDay(day);
}

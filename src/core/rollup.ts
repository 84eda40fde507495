/**
 * The rollup engine (SPEC §4.7): from the registry and the check-in log to every KPI's actual,
 * attainment, expected progress, status, score and streak, with children rolled up into their
 * parents. `KPI_ROLLUP`, the Dashboard and the daily check all compute with {@link computeRollup},
 * so the numbers a manager sees in a formula, on the Dashboard and in an e-mail are the same.
 *
 * A bad row never fails the whole table: it gets `Error: …` as its status and blanks in its
 * computed fields, and its parent reports that a child has an error. Only a bad argument as a
 * whole (not a range, a required column missing, an unknown field) throws.
 */

import { Accumulators, type Aggregation } from "./aggregate";
import {
  attainment,
  checkGoalSetup,
  DIRECTION_LABELS,
  meetsTarget,
  readDirection,
} from "./attainment";
import { type CheckinScan, type CheckinWindows, scanCheckins } from "./checkins";
import type { CellValue, Clock, FormulaResult } from "./clock";
import { type Day, type DayConverter, readDay } from "./dates";
import { requireColumn, requireTable } from "./headers";
import { pace } from "./pace";
import { periodEnd, periodOf, periodStart } from "./periods";
import {
  type InputField,
  type KpiRecord,
  LEVEL_LABELS,
  REGISTRY_COLUMNS,
  type RegistryCells,
  type RegistryEntry,
  readKpiType,
  readLevel,
  readRegistry,
  registryColumns,
  TYPE_LABELS,
} from "./registry";
import { type Status, type StatusInput, status } from "./status";
import {
  describeValue,
  EPSILON,
  isBlank,
  KpiInputError,
  normalizeKey,
  readNumber,
  requireNumber,
} from "./values";

export interface RollupOptions {
  /** The day the numbers are computed for (the `KPI_AS_OF` cell). */
  readonly asOf: Day;
  /** The spreadsheet's calendar, to read `Date` cells as days. */
  readonly zone: DayConverter;
  /** How far behind the expected progress is still "On track" (default 0.10). */
  readonly atRiskGap?: number;
  /** How far behind is "At risk" rather than "Off track" (default 0.25). */
  readonly offTrackGap?: number;
}

/**
 * How a KPI's numbers were obtained:
 * - `plain`: its own check-ins combined by its Aggregation;
 * - `habit`: a Habit with a Cadence, graded period by period;
 * - `sum-parent`: the sum of its children's actuals against its own target;
 * - `weighted-parent`: the weighted mean of its children's attainment (always for an Objective);
 * - `error`: the row or one of its children has a problem, see {@link RollupRow.error}.
 */
export type RollupKind = "plain" | "habit" | "sum-parent" | "weighted-parent" | "error";

/**
 * One registry row that has an ID, computed. Every number is unrounded except `score`;
 * `undefined` is a blank cell. On an error row every computed field is `undefined`.
 */
export interface RollupRow {
  /** Row number within the registry range (header = 1). */
  readonly row: number;
  /** The ID as typed, trimmed. */
  readonly id: string;
  /**
   * The ID as matched against check-ins and Parent cells: trimmed, lower case; `""` when the ID
   * cell holds an error value (`#REF!`…), which matches nothing.
   */
  readonly key: string;
  /** The row's cells by field, as they were read (a missing column reads as `""`). */
  readonly cells: RegistryCells;
  /** The row read and checked; `undefined` when one of its cells cannot be read. */
  readonly kpi: KpiRecord | undefined;
  /** Index in the returned array of the row its Parent names, when that ID is in the registry. */
  readonly parent: number | undefined;
  /** Indexes in the returned array of the rows naming this one as Parent, in registry order. */
  readonly children: readonly number[];
  readonly kind: RollupKind;
  readonly actual: number | undefined;
  readonly attainment: number | undefined;
  /** Expected progress (pace); 1 for a habit. */
  readonly expected: number | undefined;
  /** `undefined` exactly when {@link error} is set. */
  readonly status: Status | undefined;
  /** What is wrong, e.g. `check-in row 7 has no date`; `undefined` when nothing is. */
  readonly error: string | undefined;
  /** The Status cell: the status, or `Error: ` followed by the error. */
  readonly statusText: string;
  /** Attainment clamped to [0, 1] and rounded to one decimal (the OKR grade). */
  readonly score: number | undefined;
  /** Number of own check-ins (dated inside the window, as-of included). */
  readonly checkins: number | undefined;
  /** Day of the latest own check-in. */
  readonly lastCheckin: Day | undefined;
  /** Habits: consecutive met periods back from the latest graded one; `undefined` otherwise. */
  readonly streak: number | undefined;
}

/** A {@link RollupRow} while its numbers are filled in. */
type DraftRow = { -readonly [K in keyof RollupRow]: RollupRow[K] };

/**
 * Row `i` with its numbers; the check-in count, last check-in and streak are left blank for the
 * caller to fill in. Each KPI's row is made once, directly: 10,000 intermediate objects a call
 * are garbage, and garbage is what makes the engine stop to collect.
 */
function newRow(
  i: number,
  context: Context,
  kind: RollupKind,
  actual: number | undefined,
  attainmentValue: number | undefined,
  expected: number | undefined,
  statusValue: Status | undefined,
  error: string | undefined,
): DraftRow {
  const entry = context.entries[i]!;
  return {
    row: entry.row,
    id: entry.id,
    key: entry.key,
    cells: entry.cells,
    kpi: entry.record,
    parent: context.parents[i],
    children: context.children[i]!,
    kind,
    actual,
    attainment: attainmentValue,
    expected,
    status: statusValue,
    error,
    statusText: error !== undefined ? `Error: ${error}` : statusValue!,
    score: score(attainmentValue),
    checkins: undefined,
    lastCheckin: undefined,
    streak: undefined,
  };
}

function failed(i: number, context: Context, error: string): DraftRow {
  return newRow(i, context, "error", undefined, undefined, undefined, undefined, error);
}

// Bound once: a global look-up per KPI is slow in a sandboxed global (Node's vm).
const { min, max, floor } = Math;
const DateClass = Date;
const toText = String;
const finite = Number.isFinite;
const MINUS_INFINITY = Number.NEGATIVE_INFINITY;

const clamp01 = (x: number) => min(1, max(0, x));

/** The smallest of many numbers (a spread into Math.min overflows the stack for long lists). */
function smallest(values: readonly number[]): number {
  let least = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < least) least = value;
  return least;
}

/** The OKR grade: attainment clamped to [0, 1], rounded half up to one decimal. */
export function score(attainmentValue: number | undefined): number | undefined {
  if (attainmentValue === undefined) return undefined;
  return floor(clamp01(attainmentValue) * 10 + 0.5 + EPSILON) / 10;
}

function unitKey(unit: string): string {
  return unit.trim().toLowerCase();
}

/**
 * Finds Parent cycles. Each KPI has at most one parent, so following parents from any KPI either
 * ends or enters exactly one cycle; every member of a cycle gets the same message, starting from
 * the member that comes first in the registry.
 */
function findCycles(parents: readonly (number | undefined)[], idOf: (index: number) => string) {
  const cycleOf = new Map<number, string>();
  const state = new Uint8Array(parents.length); // 0 unseen, 1 on the current path, 2 done
  // One array for every path, filled up to `depth`: emptying it by `path.length = 0` would give
  // each of 10,000 KPIs a new backing store.
  const path: number[] = [];
  for (let i = 0; i < parents.length; i++) {
    if (state[i] !== 0) continue;
    let depth = 0;
    let j: number | undefined = i;
    while (j !== undefined && state[j] === 0) {
      state[j] = 1;
      path[depth++] = j;
      j = parents[j];
    }
    if (j !== undefined && state[j] === 1) {
      const members = path.slice(path.indexOf(j), depth);
      const first = members.indexOf(smallest(members));
      const ordered = [...members.slice(first), ...members.slice(0, first)];
      const text = `parent cycle ${[...ordered, ordered[0]!].map(idOf).join(" → ")}`;
      for (const m of members) cycleOf.set(m, text);
    }
    for (let k = 0; k < depth; k++) state[path[k]!] = 2;
  }
  return cycleOf;
}

/**
 * What a caller that grades one registry at many as-of dates (KPI_TREND) reads once and hands
 * in, instead of the rollup reading it from the ranges at every date.
 */
export interface PreparedInputs {
  /** The registry's rows as `readRegistry` reads them (possibly a subset of them). */
  readonly entries?: readonly RegistryEntry[];
  /**
   * Reads the check-ins in place of {@link scanCheckins}: it must return what `scanCheckins`
   * would return for the log, with the same windows and KPI indexes.
   */
  readonly scanner?: (windows: CheckinWindows, ids: ReadonlyMap<string, number>) => CheckinScan;
}

/**
 * Computes every registry row that has an ID, in registry order.
 *
 * @param kpis the registry range, header row first; needs ID and Target columns.
 * @param checkins the check-in log, header row first; needs KPI ID (or KPI, or ID) and Value.
 * @throws KpiInputError when an argument as a whole is unusable (not a range, a required column
 *   missing); problems of single rows are reported in those rows instead.
 */
export function computeRollup(
  kpis: unknown,
  checkins: unknown,
  options: RollupOptions,
  prepared: PreparedInputs = {},
): RollupRow[] {
  const { asOf, zone } = options;
  const registryTable = requireTable(kpis, "kpis");
  const columns = registryColumns(registryTable[0]!);
  requireColumn(columns, REGISTRY_COLUMNS, "id", "kpis");
  requireColumn(columns, REGISTRY_COLUMNS, "target", "kpis");
  const logTable = requireTable(checkins, "checkins");

  const entries = prepared.entries ?? readRegistry(registryTable, zone);
  const n = entries.length;

  // Identity: the first copy of each ID answers to it (as a Parent); every copy of a duplicate is
  // an error, so the check-ins that reach the first copy are never shown. One Map serves the
  // Parent look-ups and the check-in scan: at 10,000 KPIs a Map costs milliseconds just to grow.
  const ids = new Map<string, number>();
  const duplicate = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const key = entries[i]!.key;
    if (key === "") continue; // an ID cell holding an error value: see readRegistry
    const first = ids.get(key);
    if (first === undefined) ids.set(key, i);
    else duplicate[first] = duplicate[i] = 1;
  }

  const parents: (number | undefined)[] = new Array(n);
  // Most KPIs are leaves: they share one empty list instead of allocating their own.
  const children: (readonly number[])[] = new Array(n).fill(NO_CHILDREN);
  const from = new Float64Array(n).fill(MINUS_INFINITY);
  const to = new Float64Array(n).fill(asOf);
  const keep = new Uint8Array(n);
  const extremes = new Uint8Array(n);
  // Only a KPI with children needs to know whether it has check-ins of its own (see computeOne).
  const counted = new Uint8Array(n);
  // The IDs as written, for the scan to resolve up front; a duplicated ID is left to its look-up.
  const spellings: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    const p = entry.parentKey === "" ? undefined : ids.get(entry.parentKey);
    parents[i] = p;
    if (p !== undefined) {
      if (children[p] === NO_CHILDREN) {
        children[p] = [];
        counted[p] = 1;
      }
      (children[p] as number[]).push(i);
    }
    const record = entry.record;
    if (record !== undefined) {
      if (record.start !== undefined) from[i] = record.start;
      if (record.due !== undefined && record.due < asOf) to[i] = record.due;
      if (record.type === "habit" && record.cadence !== undefined) keep[i] = 1;
      if (record.aggregation === "min" || record.aggregation === "max") extremes[i] = 1;
    }
    spellings[i] = duplicate[i] === 1 || entry.key === "" ? "" : entry.id;
  }
  const cycles = findCycles(parents, (i) => entries[i]!.id);
  const windows = { from, to, keep, extremes, counted };
  const scan =
    prepared.scanner === undefined
      ? scanCheckins(logTable, ids, n, windows, zone, spellings)
      : prepared.scanner(windows, ids);

  const context: Context = {
    options,
    scan,
    entries,
    parents,
    children,
    statusInput: {
      attainment: undefined,
      expected: undefined,
      due: undefined,
      asOf,
      atRiskGap: options.atRiskGap,
      offTrackGap: options.offTrackGap,
      isHabit: false,
    },
  };
  /** A problem of the row itself, most fundamental first. */
  const ownProblem = (i: number): string | undefined => {
    const entry = entries[i]!;
    if (duplicate[i] === 1) return "duplicate ID";
    return entry.error ?? cycles.get(i) ?? scan.problems.get(i);
  };
  const rows: RollupRow[] = new Array(n);
  const pending = children.map((list) => list.length);
  const ready: number[] = [];
  for (let i = 0; i < n; i++) {
    if (cycles.has(i)) rows[i] = failed(i, context, ownProblem(i)!);
    else if (pending[i] === 0) ready.push(i);
  }
  // Children before parents, whatever the depth, without recursion.
  while (ready.length > 0) {
    const i = ready.pop()!;
    const problem = ownProblem(i);
    rows[i] =
      problem !== undefined
        ? failed(i, context, problem)
        : computeOne(
            i,
            entries[i]!.record!,
            children[i] === NO_CHILDREN ? NO_CHILD_ROWS : children[i]!.map((c) => rows[c]!),
            context,
          );
    const p = parents[i];
    if (p !== undefined && !cycles.has(p)) {
      pending[p]! -= 1;
      if (pending[p] === 0) ready.push(p);
    }
  }
  return rows;
}

/** {@link StatusInput} with writable fields: see {@link Context.statusInput}. */
type StatusRequest = { -readonly [K in keyof StatusInput]: StatusInput[K] };

interface Context {
  readonly options: RollupOptions;
  readonly scan: CheckinScan;
  readonly entries: readonly RegistryEntry[];
  readonly parents: readonly (number | undefined)[];
  readonly children: readonly (readonly number[])[];
  /**
   * The one argument of every `status` call of a rollup, filled in per KPI: allocating it per KPI
   * is 10,000 short-lived objects a call, and garbage is what makes the engine stop to collect.
   */
  readonly statusInput: StatusRequest;
}

const NO_CHILDREN: readonly number[] = Object.freeze([]);
const NO_CHILD_ROWS: readonly RollupRow[] = Object.freeze([]);

function computeOne(
  i: number,
  kpi: KpiRecord,
  childList: readonly RollupRow[],
  context: Context,
): DraftRow {
  const { scan } = context;
  try {
    if (childList.length > 0 && scan.anyDate[i] === 0) {
      const broken = childList.find((child) => child.error !== undefined);
      if (broken !== undefined) return failed(i, context, `child ${broken.id} has an error`);
      return computeParent(i, kpi, childList, context);
    }
    if (kpi.type === "habit" && kpi.cadence !== undefined) return computeHabit(i, kpi, context);
    return computePlain(i, kpi, context);
  } catch (error) {
    if (error instanceof KpiInputError) return failed(i, context, error.message);
    throw error;
  }
}

function expectedOf(kpi: KpiRecord, asOf: Day): number | undefined {
  return kpi.start !== undefined && kpi.due !== undefined
    ? pace(kpi.start, kpi.due, asOf)
    : undefined;
}

/**
 * Attainment against the KPI's own Target, Baseline and Direction (§4.2). A wrong set-up is an
 * error even before the first check-in, and (as in KPI_ATTAINMENT) even before there is a target.
 */
function goalAttainment(kpi: KpiRecord, actual: number | undefined): number | undefined {
  checkGoalSetup(kpi.target, kpi.baseline, kpi.direction);
  if (kpi.target === undefined || actual === undefined) return undefined;
  return attainment(actual, kpi.target, kpi.baseline, kpi.direction);
}

/**
 * Row `i` graded: its numbers and status; the check-in count, last check-in and streak are left
 * blank for the caller to fill in (passing them in an object would allocate one more per KPI).
 */
function graded(
  i: number,
  kind: RollupKind,
  kpi: KpiRecord,
  actual: number | undefined,
  attainmentValue: number | undefined,
  context: Context,
  expected = expectedOf(kpi, context.options.asOf),
): DraftRow {
  const input = context.statusInput;
  input.attainment = attainmentValue;
  input.expected = expected;
  input.due = kpi.due;
  input.isHabit = kind === "habit";
  return newRow(i, context, kind, actual, attainmentValue, expected, status(input), undefined);
}

/** Fills in a KPI's own check-in count and the day of its latest one. */
function withOwnCheckins(row: DraftRow, i: number, scan: CheckinScan): DraftRow {
  row.checkins = scan.own.count(i);
  row.lastCheckin = scan.hasDate ? scan.own.lastDay(i) : undefined;
  return row;
}

/** The SPEC's error for a sum or aggregate that overflowed (§4.7 "Edge cases, decided"). */
const TOO_LARGE = "Actual is too large to compute";

/** An actual as computed, refused when it overflowed: an infinite Actual never gets a status. */
function finiteActual(actual: number | undefined): number | undefined {
  if (actual !== undefined && !finite(actual)) throw new KpiInputError(TOO_LARGE);
  return actual;
}

function computePlain(i: number, kpi: KpiRecord, context: Context): DraftRow {
  const actual = finiteActual(context.scan.own.result(i, kpi.aggregation));
  const row = graded(i, "plain", kpi, actual, goalAttainment(kpi, actual), context);
  return withOwnCheckins(row, i, context.scan);
}

function computeParent(
  i: number,
  kpi: KpiRecord,
  childList: readonly RollupRow[],
  context: Context,
): DraftRow {
  const unit = unitKey(kpi.unit);
  const sums =
    kpi.type !== "objective" &&
    kpi.aggregation === "sum" &&
    unit !== "" &&
    childList.every(
      (child) =>
        child.kpi !== undefined &&
        child.kpi.aggregation === "sum" &&
        unitKey(child.kpi.unit) === unit,
    );
  let row: DraftRow;
  if (sums) {
    let actual: number | undefined;
    for (const child of childList) {
      if (child.actual !== undefined) actual = (actual ?? 0) + child.actual;
    }
    finiteActual(actual);
    row = graded(i, "sum-parent", kpi, actual, goalAttainment(kpi, actual), context);
  } else {
    let weighted = 0;
    let weights = 0;
    for (const child of childList) {
      const childAttainment = child.attainment;
      if (childAttainment === undefined) continue;
      const weight = child.kpi!.weight;
      weighted += weight * clamp01(childAttainment);
      weights += weight;
    }
    if (!finite(weights) || !finite(weighted)) {
      throw new KpiInputError(
        "Attainment is too large to compute: the children's weights add up to too much",
      );
    }
    const mean = weights > 0 ? weighted / weights : undefined;
    row = graded(i, "weighted-parent", kpi, undefined, mean, context);
  }
  row.checkins = 0;
  return row;
}

const HABIT_EXPECTED = 1;

function computeHabit(i: number, kpi: KpiRecord, context: Context): DraftRow {
  const { scan, options } = context;
  const { asOf } = options;
  const cadence = kpi.cadence!;
  if (!scan.hasDate) {
    throw new KpiInputError("a habit needs dated check-ins, but checkins has no Date column");
  }
  const habitGraded = (actual: number | undefined, value: number | undefined, streak: number) => {
    const row = graded(i, "habit", kpi, actual, value, context, HABIT_EXPECTED);
    row.streak = streak;
    return withOwnCheckins(row, i, scan);
  };
  const noPeriods = () => habitGraded(undefined, undefined, 0);

  const kept = scan.kept.get(i);
  const firstDay = kpi.start ?? (kept === undefined ? undefined : smallest(kept.days));
  if (firstDay === undefined) return noPeriods();
  const endDay = kpi.due !== undefined && kpi.due < asOf ? kpi.due : asOf;
  const firstPeriod = periodOf(cadence, firstDay);
  const lastPeriod = periodOf(cadence, endDay);
  if (lastPeriod < firstPeriod) return noPeriods();

  const periods = lastPeriod - firstPeriod + 1;
  const perPeriod = new Accumulators(periods);
  if (kept !== undefined) {
    for (let k = 0; k < kept.days.length; k++) {
      const day = kept.days[k]!;
      perPeriod.add(periodOf(cadence, day) - firstPeriod, day, kept.values[k]!);
    }
  }
  const actual = finiteActual(perPeriod.result(periods - 1, kpi.aggregation));
  const target = kpi.target;
  const met = (p: number) => {
    const value = perPeriod.result(p, kpi.aggregation) ?? emptyPeriodValue(kpi.aggregation);
    // A period that overflowed cannot be called met or not: the habit's numbers are unknown.
    if (value !== undefined && !finite(value)) throw new KpiInputError(TOO_LARGE);
    if (target === undefined) return false;
    return value !== undefined && meetsTarget(value, target, kpi.direction);
  };
  // Only the first period can be cut short by Start and only the last by Due, and only the last
  // can still be running: every earlier one ends before it starts, so before as-of.
  const last = periods - 1;
  const lastEnd = periodEnd(cadence, lastPeriod);
  const lastOver = (kpi.due !== undefined && kpi.due < lastEnd ? kpi.due : lastEnd) < asOf;
  const cutByStart = kpi.start !== undefined && periodStart(cadence, firstPeriod) < kpi.start;
  const cutByDue = kpi.due !== undefined && kpi.due < lastEnd;
  // For Increase and At least more check-ins can only help (as people count: a book read on the
  // 31st meets the month that day), and a period Start or Due cuts short had fewer days to be
  // met in, so it may count for the habit but never against it. For Decrease and At most the
  // outcome is known only once the period is over, and a shorter period is no handicap.
  const rising = kpi.direction === "increase" || kpi.direction === "atleast";
  const isGraded = (p: number, isMet: boolean) => {
    const over = p < last || lastOver;
    if (!rising) return over;
    if (isMet) return true;
    const cut = (p === 0 && cutByStart) || (p === last && cutByDue);
    return over && !cut;
  };
  let gradedCount = 0;
  let metCount = 0;
  let streak = 0;
  /** Whether the streak, counted from the latest graded period back, is still unbroken. */
  let counting = true;
  for (let p = last; p >= 0; p--) {
    const isMet = met(p);
    if (!isGraded(p, isMet)) {
      // Before the latest graded period an ungraded one is an unmet one cut short: it ends a streak.
      if (gradedCount > 0) counting = false;
      continue;
    }
    gradedCount++;
    if (isMet) {
      metCount++;
      if (counting) streak++;
    } else {
      counting = false;
    }
  }
  const attainmentValue =
    target !== undefined && gradedCount > 0 ? metCount / gradedCount : undefined;
  return habitGraded(actual, attainmentValue, streak);
}

/** A past period without check-ins counts as 0 for Sum and Count, and as not met otherwise. */
function emptyPeriodValue(aggregation: Aggregation): number | undefined {
  return aggregation === "sum" || aggregation === "count" ? 0 : undefined;
}

// ---------------------------------------------------------------------------------------------
// KPI_ROLLUP

type Renderer = (row: RollupRow, zone: DayConverter) => CellValue;

/** A registry cell echoed back: trimmed text, or the value as Sheets gave it. */
function echo(value: unknown): CellValue {
  // Text first, the usual echoed cell; "" trims to the blank it stands for.
  if (typeof value === "string") return value.trim();
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || value instanceof DateClass) {
    return value;
  }
  return toText(value);
}

function echoNamed<T extends string>(
  read: (value: unknown) => T | undefined,
  labels: Readonly<Record<T, string>>,
): (value: unknown) => CellValue {
  return (value) => {
    if (isBlank(value)) return "";
    const known = read(value);
    return known === undefined ? echo(value) : labels[known];
  };
}

const echoType = echoNamed(readKpiType, TYPE_LABELS);
const echoLevel = echoNamed(readLevel, LEVEL_LABELS);
const echoDirection = echoNamed(readDirection, DIRECTION_LABELS);

function echoNumber(value: unknown): CellValue {
  if (typeof value === "number") return value;
  return readNumber(value) ?? echo(value);
}

function echoDate(value: unknown, zone: DayConverter): CellValue {
  if (isBlank(value)) return "";
  const day = readDay(value, zone);
  return day === undefined ? echo(value) : zone.startOf(day);
}

const numberCell = (value: number | undefined): CellValue => value ?? "";
const dayCell = (value: Day | undefined, zone: DayConverter): CellValue =>
  value === undefined ? "" : zone.startOf(value);

const cell =
  (field: InputField, render: (value: unknown) => CellValue): Renderer =>
  (row) =>
    render(row.cells[field]);

/** The output fields in their canonical spelling, which is also the output header. */
const FIELD_RENDERERS = {
  ID: (row) => row.id,
  Name: cell("name", echo),
  Type: cell("type", echoType),
  Level: cell("level", echoLevel),
  Owner: cell("owner", echo),
  Department: cell("department", echo),
  Parent: cell("parent", echo),
  Unit: cell("unit", echo),
  Direction: cell("direction", echoDirection),
  Baseline: cell("baseline", echoNumber),
  Target: cell("target", echoNumber),
  Start: (row, zone) => echoDate(row.cells.start, zone),
  Due: (row, zone) => echoDate(row.cells.due, zone),
  Actual: (row) => numberCell(row.actual),
  Attainment: (row) => numberCell(row.attainment),
  Expected: (row) => numberCell(row.expected),
  Status: (row) => row.statusText,
  Score: (row) => numberCell(row.score),
  "Check-ins": (row) => numberCell(row.checkins),
  "Last check-in": (row, zone) => dayCell(row.lastCheckin, zone),
  Streak: (row) => numberCell(row.streak),
} as const satisfies Record<string, Renderer>;

export type RollupField = keyof typeof FIELD_RENDERERS;

export const ROLLUP_FIELDS = Object.keys(FIELD_RENDERERS) as RollupField[];

export const DEFAULT_ROLLUP_FIELDS: readonly RollupField[] = [
  "ID",
  "Name",
  "Owner",
  "Actual",
  "Target",
  "Attainment",
  "Expected",
  "Status",
];

const FIELD_BY_KEY = new Map<string, RollupField>(
  ROLLUP_FIELDS.map((field) => [normalizeKey(field), field]),
);

/**
 * Reads the `fields` argument: a comma-separated list (or a range of them), case-insensitive with
 * spaces, `_` and `-` ignored; blank is the default list.
 */
export function parseRollupFields(fields: unknown): RollupField[] {
  if (isBlank(fields)) return [...DEFAULT_ROLLUP_FIELDS];
  const texts = Array.isArray(fields) ? fields.flat() : [fields];
  const names: RollupField[] = [];
  for (const item of texts) {
    if (isBlank(item)) continue;
    if (typeof item !== "string") {
      throw new KpiInputError(`fields ${describeValue(item)} is not a list of field names`);
    }
    for (const piece of item.split(",")) {
      const name = piece.trim();
      if (name === "") continue;
      const field = FIELD_BY_KEY.get(normalizeKey(name));
      if (field === undefined) {
        throw new KpiInputError(
          `unknown field ${JSON.stringify(name)} in fields: use ${ROLLUP_FIELDS.join(", ")}`,
        );
      }
      names.push(field);
    }
  }
  return names.length > 0 ? names : [...DEFAULT_ROLLUP_FIELDS];
}

function readAsOf(asOf: unknown, clock: Clock): Day {
  let value = asOf;
  if (Array.isArray(value)) {
    const cells = value.flat();
    if (cells.length !== 1) throw new KpiInputError("as_of must be one date, not a range");
    value = cells[0];
  }
  if (isBlank(value)) return clock.today();
  const day = readDay(value, clock.zone);
  if (day === undefined) throw new KpiInputError(`as_of ${describeValue(value)} is not a date`);
  return day;
}

/**
 * A status gap argument (`at_risk_gap`, `off_track_gap`): blank is `undefined` (the default of
 * SPEC §4.4); a single cell or a number, a plain decimal or a percentage; anything else —
 * text, an error value, a number too large — is an error naming the argument.
 */
export function readGap(value: unknown, name: string): number | undefined {
  let cell = value;
  if (Array.isArray(cell)) {
    const cells = cell.flat();
    if (cells.length !== 1) throw new KpiInputError(`${name} must be one number, not a range`);
    cell = cells[0];
  }
  if (isBlank(cell)) return undefined;
  return requireNumber(cell, name);
}

/**
 * `KPI_ROLLUP(kpis, checkins, [as_of], [fields], [at_risk_gap], [off_track_gap])`: a header row
 * of the chosen fields and one row per registry row that has an ID.
 */
export function kpiRollup(
  kpis: unknown,
  checkins: unknown,
  asOf: unknown,
  fields: unknown,
  clock: Clock,
  atRiskGap?: unknown,
  offTrackGap?: unknown,
): FormulaResult {
  const chosen = parseRollupFields(fields);
  const day = readAsOf(asOf, clock);
  const zone = clock.zone;
  const rows = computeRollup(kpis, checkins, {
    asOf: day,
    zone,
    atRiskGap: readGap(atRiskGap, "at_risk_gap"),
    offTrackGap: readGap(offTrackGap, "off_track_gap"),
  });
  const renderers = chosen.map((field) => FIELD_RENDERERS[field] as Renderer);
  const width = renderers.length;
  const output: CellValue[][] = [chosen.slice()];
  // Plain indexed loops: this runs once per KPI, mostly before the engine optimises it, where
  // for…of allocates an iterator result per row and map() a closure per row.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const line: CellValue[] = new Array(width);
    for (let f = 0; f < width; f++) line[f] = renderers[f]!(row, zone);
    output.push(line);
  }
  return output;
}

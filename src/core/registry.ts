/**
 * The `KPIs` registry (SPEC §3): its columns, the names of its enumerations with their aliases,
 * and a zod schema that turns one row of cells into a typed {@link KpiRecord} or says, in words a
 * manager understands, what is wrong with it.
 */

import { z } from "zod";
import type { Aggregation } from "./aggregate";
import { type Direction, readDirection, unknownDirectionMessage } from "./attainment";
import { dayReader } from "./checkins";

// Bound once: a global look-up per row is slow in a sandboxed global (Node's vm).
const finite = Number.isFinite;

import { type Day, type DayConverter, formatDay, readDay } from "./dates";
import { type ColumnMap, type ColumnSpec, findColumns } from "./headers";
import type { Cadence } from "./periods";
import {
  describeValue,
  errorValueOf,
  isBlank,
  KpiInputError,
  normalizeKey,
  notANumberReason,
  readNumber,
} from "./values";

/** Registry columns: the first name is the canonical header the setup writes. */
export const REGISTRY_COLUMNS = {
  id: ["ID", "KPI ID", "Goal ID"],
  name: ["Name", "KPI name", "Goal", "Goal name", "Title"],
  description: ["Description"],
  type: ["Type"],
  level: ["Level"],
  parent: ["Parent", "Parent ID", "Parent KPI"],
  owner: ["Owner", "Owner e-mail", "Owner email"],
  department: ["Department", "Dept"],
  unit: ["Unit", "Units"],
  direction: ["Direction"],
  aggregation: ["Aggregation"],
  baseline: ["Baseline"],
  target: ["Target"],
  start: ["Start", "Start date"],
  due: ["Due", "Due date", "Deadline"],
  cadence: ["Cadence", "Frequency"],
  weight: ["Weight"],
  reward: ["Reward"],
  dataSource: ["Data source", "Source"],
  whyItMatters: ["Why it matters", "Why"],
  actual: ["Actual"],
  attainment: ["Attainment"],
  expected: ["Expected"],
  status: ["Status"],
  lastCheckin: ["Last check-in"],
  updated: ["Updated"],
} as const satisfies ColumnSpec<string>;

export type RegistryField = keyof typeof REGISTRY_COLUMNS;

/** The fields a registry row is read from (the rest are computed and written back). */
export const INPUT_FIELDS = [
  "id",
  "name",
  "description",
  "type",
  "level",
  "parent",
  "owner",
  "department",
  "unit",
  "direction",
  "aggregation",
  "baseline",
  "target",
  "start",
  "due",
  "cadence",
  "weight",
  "reward",
  "dataSource",
  "whyItMatters",
] as const satisfies readonly RegistryField[];

export type InputField = (typeof INPUT_FIELDS)[number];

/** A registry row's cells by field; a column that is absent reads as blank. */
export type RegistryCells = Readonly<Record<InputField, unknown>>;

// ---------------------------------------------------------------------------------------------
// Enumerations

export type KpiType = "kpi" | "objective" | "keyresult" | "habit";
export type Level = "company" | "department" | "team" | "personal";

/** Distinct spellings remembered per enumeration; a registry repeats a handful of them. */
const SPELLINGS_REMEMBERED = 256;

/** Remembers a reader's answer per cell value, so 10,000 rows of "Increase" normalise once. */
function memo<T>(read: (value: unknown) => T): (value: unknown) => T {
  const known = new Map<unknown, T>();
  return (value) => {
    const remembered = known.get(value);
    if (remembered !== undefined || known.has(value)) return remembered as T;
    const found = read(value);
    if (known.size < SPELLINGS_REMEMBERED) known.set(value, found);
    return found;
  };
}

function lookup<T extends string>(
  aliases: Readonly<Record<string, T>>,
): (value: unknown) => T | undefined {
  // A Map, not the object: "constructor" typed in a cell must not find Object.prototype's.
  const names = new Map(Object.entries(aliases));
  return memo((value) =>
    names.get(normalizeKey(typeof value === "string" ? value : String(value ?? ""))),
  );
}

const readTypeName = lookup<KpiType>({
  kpi: "kpi",
  objective: "objective",
  obj: "objective",
  keyresult: "keyresult",
  kr: "keyresult",
  habit: "habit",
});
const readLevelName = lookup<Level>({
  company: "company",
  department: "department",
  team: "team",
  personal: "personal",
  individual: "personal",
});
const readAggregationName = lookup<Aggregation>({
  sum: "sum",
  total: "sum",
  average: "average",
  avg: "average",
  mean: "average",
  last: "last",
  latest: "last",
  current: "last",
  max: "max",
  maximum: "max",
  min: "min",
  minimum: "min",
  count: "count",
});
const readCadenceName = lookup<Cadence>({
  daily: "daily",
  day: "daily",
  weekly: "weekly",
  week: "weekly",
  monthly: "monthly",
  month: "monthly",
  quarterly: "quarterly",
  quarter: "quarterly",
  yearly: "yearly",
  year: "yearly",
  annual: "yearly",
  annually: "yearly",
});

/** Blank is `kpi`; an unknown name is `undefined`. */
export function readKpiType(value: unknown): KpiType | undefined {
  return isBlank(value) ? "kpi" : readTypeName(value);
}

/** Blank or unknown is `undefined` (Level only informs the Relevant check; it is never an error). */
export function readLevel(value: unknown): Level | undefined {
  return isBlank(value) ? undefined : readLevelName(value);
}

/** Blank is `sum`; an unknown name is `undefined`. */
export function readAggregation(value: unknown): Aggregation | undefined {
  return isBlank(value) ? "sum" : readAggregationName(value);
}

/** Blank means "no cadence" and unknown is an error: both are `undefined`, so test blank first. */
export function readCadence(value: unknown): Cadence | undefined {
  return isBlank(value) ? undefined : readCadenceName(value);
}

export const TYPE_LABELS: Readonly<Record<KpiType, string>> = {
  kpi: "KPI",
  objective: "Objective",
  keyresult: "Key result",
  habit: "Habit",
};
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  company: "Company",
  department: "Department",
  team: "Team",
  personal: "Personal",
};
export const AGGREGATION_LABELS: Readonly<Record<Aggregation, string>> = {
  sum: "Sum",
  average: "Average",
  last: "Last",
  max: "Max",
  min: "Min",
  count: "Count",
};
export const CADENCE_LABELS: Readonly<Record<Cadence, string>> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
};

function choices(labels: Readonly<Record<string, string>>): string {
  const names = Object.values(labels);
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

function unknownName(what: string, value: unknown, labels: Readonly<Record<string, string>>) {
  return `unknown ${what} ${JSON.stringify(String(value).trim())}: use ${choices(labels)}`;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** One registry row, read and checked. */
export interface KpiRecord {
  /** Row number within the registry range (header = 1). */
  readonly row: number;
  /** The ID as typed, trimmed. */
  readonly id: string;
  /** The ID as matched against check-ins and parents: trimmed, lower case. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly type: KpiType;
  /** `undefined` when blank or not one of the four levels. */
  readonly level: Level | undefined;
  /** The Parent ID as typed, trimmed; `""` when none. */
  readonly parent: string;
  readonly owner: string;
  readonly department: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly aggregation: Aggregation;
  readonly baseline: number | undefined;
  readonly target: number | undefined;
  readonly start: Day | undefined;
  readonly due: Day | undefined;
  readonly cadence: Cadence | undefined;
  /** Weight in the parent's rollup; blank is 1. */
  readonly weight: number;
  readonly reward: string;
  readonly dataSource: string;
  readonly whyItMatters: string;
}

/** The comparable form of an ID (registry IDs, Parent IDs and check-in KPI IDs). */
export function idKey(value: unknown): string {
  return isBlank(value) ? "" : String(value).trim().toLowerCase();
}

/** The text of a cell, trimmed; `""` for blank. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  return value === null || value === undefined ? "" : String(value);
}

/** Reads one field's cell; throws a {@link KpiInputError} saying what is wrong with it. */
type FieldReader<T> = (value: unknown, readDate: DateReader) => T;

/** Reads a date cell as a day of the spreadsheet's zone (see `readDay`). */
export type DateReader = (value: unknown) => Day | undefined;

/**
 * A reader of a named value that must be known. It remembers each cell value's answer itself:
 * a registry of 10,000 rows is read mostly before the engine optimises anything, and one call
 * with one Map look-up per cell is much cheaper there than the chain of readers behind it.
 */
function enumReader<T>(
  read: (value: unknown) => T | undefined,
  unknown: (value: unknown) => string,
): FieldReader<T> {
  const known = new Map<unknown, T>();
  return (value) => {
    const remembered = known.get(value);
    if (remembered !== undefined) return remembered;
    const parsed = read(value);
    if (parsed === undefined) throw new KpiInputError(unknown(value));
    if (known.size < SPELLINGS_REMEMBERED) known.set(value, parsed);
    return parsed;
  };
}

/** Cadence as read by {@link readCadence}, remembered per cell value (see {@link enumReader}). */
const readCadenceCell = memo(readCadence);

function numberReader(label: string): FieldReader<number | undefined> {
  return (value) => {
    if (typeof value === "number" && finite(value)) return value;
    if (isBlank(value)) return undefined;
    const parsed = readNumber(value);
    if (parsed === undefined) {
      throw new KpiInputError(`${label} ${describeValue(value)} ${notANumberReason(value)}`);
    }
    return parsed;
  };
}

function dateField(label: string): FieldReader<Day | undefined> {
  return (value, readDate) => {
    if (isBlank(value)) return undefined;
    const parsed = readDate(value);
    if (parsed === undefined) {
      throw new KpiInputError(`${label} ${describeValue(value)} is not a date`);
    }
    return parsed;
  };
}

/**
 * How each input field is read, in the order problems are reported. The zod schema and the bulk
 * reader both use these, so the wizard's validation and the rollup cannot disagree.
 */
const FIELD_READERS = {
  id: cellText,
  name: cellText,
  description: cellText,
  type: enumReader(readKpiType, (v) => unknownName("type", v, TYPE_LABELS)),
  level: memo(readLevel),
  parent: cellText,
  owner: cellText,
  department: cellText,
  unit: cellText,
  direction: enumReader(readDirection, unknownDirectionMessage),
  aggregation: enumReader(readAggregation, (v) =>
    unknownName("aggregation", v, AGGREGATION_LABELS),
  ),
  baseline: numberReader("baseline"),
  target: numberReader("target"),
  start: dateField("start"),
  due: dateField("due"),
  cadence: (value: unknown): Cadence | undefined => {
    const parsed = readCadenceCell(value);
    if (parsed !== undefined || isBlank(value)) return parsed;
    throw new KpiInputError(unknownName("cadence", value, CADENCE_LABELS));
  },
  weight: (value: unknown): number => {
    if (isBlank(value)) return 1;
    const parsed = readNumber(value);
    if (parsed === undefined) {
      throw new KpiInputError(`weight ${describeValue(value)} ${notANumberReason(value)}`);
    }
    if (parsed < 0) throw new KpiInputError(`weight ${parsed} is negative: a weight is 0 or more`);
    return parsed;
  },
  reward: cellText,
  dataSource: cellText,
  whyItMatters: cellText,
} as const satisfies Record<InputField, FieldReader<unknown>>;

type Fields = { [F in InputField]: ReturnType<(typeof FIELD_READERS)[F]> };

function windowProblem(start: Day | undefined, due: Day | undefined): string | undefined {
  return start !== undefined && due !== undefined && due < start
    ? `due ${formatDay(due)} is before start ${formatDay(start)}`
    : undefined;
}

/**
 * Reads one row's cells into a record; throws a {@link KpiInputError} with the first problem, in
 * field order. {@link registryRowSchema} is the same rules as a zod schema; {@link readRegistry}
 * reads a whole registry the same way.
 */
export function readKpiRecord(cells: RegistryCells, row: number, zone: DayConverter): KpiRecord {
  return readRecord(cells, row, (value) => readDay(value, zone));
}

function readRecord(
  cells: RegistryCells,
  row: number,
  readDate: DateReader,
  id = cellText(cells.id),
  key = id.toLowerCase(),
): KpiRecord {
  // Spelled out field by field (not a loop over names) so every record has one fixed shape:
  // 10,000 of them are read per call. Properties evaluate in order, which is the report order.
  const r = FIELD_READERS;
  const record: KpiRecord = {
    row,
    id,
    key,
    name: cellText(cells.name),
    description: cellText(cells.description),
    type: r.type(cells.type, readDate),
    level: r.level(cells.level),
    parent: cellText(cells.parent),
    owner: cellText(cells.owner),
    department: cellText(cells.department),
    unit: cellText(cells.unit),
    direction: r.direction(cells.direction, readDate),
    aggregation: r.aggregation(cells.aggregation, readDate),
    baseline: r.baseline(cells.baseline, readDate),
    target: r.target(cells.target, readDate),
    start: r.start(cells.start, readDate),
    due: r.due(cells.due, readDate),
    cadence: r.cadence(cells.cadence),
    weight: r.weight(cells.weight),
    reward: cellText(cells.reward),
    dataSource: cellText(cells.dataSource),
    whyItMatters: cellText(cells.whyItMatters),
  };
  const problem = windowProblem(record.start, record.due);
  if (problem !== undefined) throw new KpiInputError(problem);
  return record;
}

function zodField<T>(reader: FieldReader<T>, readDate: DateReader) {
  return z.unknown().transform((value, ctx) => {
    try {
      return reader(value, readDate);
    } catch (error) {
      if (!(error instanceof KpiInputError)) throw error;
      ctx.addIssue(error.message);
      return z.NEVER;
    }
  });
}

/**
 * The schema of one registry row's cells (by field), for validating a single goal, e.g. a wizard
 * payload on the server. Dates need the spreadsheet's calendar, hence a factory. Its first issue
 * is the problem {@link readKpiRecord} reports.
 */
export function registryRowSchema(zone: DayConverter) {
  const readDate: DateReader = (value) => readDay(value, zone);
  const f = <F extends InputField>(field: F) =>
    zodField(FIELD_READERS[field] as FieldReader<Fields[F]>, readDate);
  return z
    .object({
      id: f("id"),
      name: f("name"),
      description: f("description"),
      type: f("type"),
      level: f("level"),
      parent: f("parent"),
      owner: f("owner"),
      department: f("department"),
      unit: f("unit"),
      direction: f("direction"),
      aggregation: f("aggregation"),
      baseline: f("baseline"),
      target: f("target"),
      start: f("start"),
      due: f("due"),
      cadence: f("cadence"),
      weight: f("weight"),
      reward: f("reward"),
      dataSource: f("dataSource"),
      whyItMatters: f("whyItMatters"),
    })
    .superRefine(({ start, due }, ctx) => {
      const problem =
        typeof start === "number" && typeof due === "number"
          ? windowProblem(start, due)
          : undefined;
      if (problem !== undefined) ctx.addIssue(problem);
    });
}

export type RegistryRowSchema = ReturnType<typeof registryRowSchema>;

/** A registry row that has an ID, with its record when it is well-formed. */
export interface RegistryEntry {
  /** Row number within the registry range (header = 1). */
  readonly row: number;
  readonly id: string;
  readonly key: string;
  /** The Parent's comparable ID (`""` when none), read even when the row has errors. */
  readonly parentKey: string;
  readonly cells: RegistryCells;
  readonly record: KpiRecord | undefined;
  /** The first problem with the row, without its row number, e.g. `target "ten" is not a number`. */
  readonly error: string | undefined;
}

/** A problem with a registry row, naming the row (for the sidebar, the daily check's log…). */
export class RegistryRowError {
  constructor(
    readonly row: number,
    readonly problem: string,
  ) {}

  get message(): string {
    return `row ${this.row}: ${this.problem}`;
  }
}

/**
 * Where each input field's column is; a missing column points past the end of any row, where
 * every cell reads as `undefined` (blank).
 */
export type RegistryColumnIndexes = Readonly<Record<InputField, number>>;

const MISSING_COLUMN = 0x3fff_ffff;

export function columnIndexes(columns: ColumnMap<RegistryField>): RegistryColumnIndexes {
  const indexes = {} as Record<InputField, number>;
  for (const field of INPUT_FIELDS) indexes[field] = columns[field] ?? MISSING_COLUMN;
  return indexes;
}

/** A row's cells by field; a missing column's cell is `undefined`. */
export function cellsOf(row: readonly unknown[], columns: ColumnMap<RegistryField>): RegistryCells {
  return cellsAt(row, columnIndexes(columns));
}

// One object literal of plain reads: this runs for every registry row, often before the
// JavaScript engine has optimised anything, where each function call counts.
function cellsAt(v: readonly unknown[], c: RegistryColumnIndexes): RegistryCells {
  return {
    id: v[c.id],
    name: v[c.name],
    description: v[c.description],
    type: v[c.type],
    level: v[c.level],
    parent: v[c.parent],
    owner: v[c.owner],
    department: v[c.department],
    unit: v[c.unit],
    direction: v[c.direction],
    aggregation: v[c.aggregation],
    baseline: v[c.baseline],
    target: v[c.target],
    start: v[c.start],
    due: v[c.due],
    cadence: v[c.cadence],
    weight: v[c.weight],
    reward: v[c.reward],
    dataSource: v[c.dataSource],
    whyItMatters: v[c.whyItMatters],
  };
}

/** Reads one row's cells against a schema built by {@link registryRowSchema}. */
export function parseRegistryRow(
  schema: RegistryRowSchema,
  cells: RegistryCells,
  row: number,
): { record: KpiRecord; error: undefined } | { record: undefined; error: RegistryRowError } {
  const parsed = schema.safeParse(cells);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]?.message ?? "this row cannot be read";
    return { record: undefined, error: new RegistryRowError(row, problem) };
  }
  return { record: { ...parsed.data, row, key: idKey(parsed.data.id) }, error: undefined };
}

/** Column positions of a registry header row. */
export function registryColumns(header: readonly unknown[]): ColumnMap<RegistryField> {
  return findColumns(header, REGISTRY_COLUMNS);
}

/**
 * Every row of a registry table (header first) that has an ID, in order. Rows without an ID are
 * not goals (blank rows of an open-ended range, notes) and are skipped.
 */
export function readRegistry(
  table: readonly (readonly unknown[])[],
  zone: DayConverter,
): RegistryEntry[] {
  const columns = registryColumns(table[0] ?? []);
  const idColumn = columns.id;
  if (idColumn === undefined) return [];
  const readDate = dayReader(zone);
  const indexes = columnIndexes(columns);
  // The input columns the registry has, in field order: the ones an error value is looked for in.
  const present: number[] = [];
  const presentLabels: string[] = [];
  for (const field of INPUT_FIELDS) {
    if (columns[field] === undefined) continue;
    present.push(columns[field]);
    presentLabels.push(REGISTRY_COLUMNS[field][0]);
  }
  const entries: RegistryEntry[] = [];
  for (let r = 1; r < table.length; r++) {
    const values = table[r]!;
    const id = cellText(values[idColumn]);
    if (id === "") continue;
    const cells = cellsAt(values, indexes);
    let record: KpiRecord | undefined;
    let error: string | undefined;
    // An error value (a broken formula's `#N/A`…) is the row's own error whatever column it is
    // in, Name and Owner included: echoing it as text would pass a broken cell off as data.
    for (let c = 0; c < present.length; c++) {
      const found = errorValueOf(values[present[c]!]);
      if (found !== undefined) {
        error = `${presentLabels[c]} holds the error ${found}`;
        break;
      }
    }
    // An ID that is an error names no goal: the row is shown (nothing a user typed vanishes) but
    // has no identity — no check-in, Parent or duplicate can match it (key `""`).
    const key = errorValueOf(id) === undefined ? id.toLowerCase() : "";
    if (error === undefined) {
      try {
        record = readRecord(cells, r + 1, readDate, id, key);
      } catch (problem) {
        if (!(problem instanceof KpiInputError)) throw problem;
        error = problem.message;
      }
    }
    entries.push({
      row: r + 1,
      id,
      key,
      parentKey: cellText(cells.parent).toLowerCase(),
      cells,
      record,
      error,
    });
  }
  return entries;
}

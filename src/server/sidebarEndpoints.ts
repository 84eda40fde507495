/**
 * The sidebar's endpoints (SPEC §5): top-level globals `google.script.run` calls. Each takes
 * `unknown`, validates it with the shared schemas of src/contract/sidebar.ts, catches
 * everything, and answers `{ ok: true, … }` or `{ ok: false, error, fields }` — a sidebar never
 * sees a raw exception. Writes happen under the document lock: IDs are allocated inside it, all
 * rows of one action go in one `setValues`, and a failure leaves the sheet as it was.
 */

import { spreadsheetClock } from "../adapters/clock";
import { withDocumentLock } from "../adapters/lock";
import { activeSpreadsheet, sheetsServices } from "../adapters/spreadsheet";
import {
  type CheckinReply,
  createKpisRequest,
  type EndpointImplementations,
  type Failure,
  fieldErrors,
  invalid,
  isoDayNumber,
  type KpiSummary,
  logCheckinRequest,
  planNextCycleRequest,
  type Result,
  type SidebarState,
  updateKpiRequest,
} from "../contract/sidebar";
import { DIRECTION_LABELS, readDirection } from "../core/attainment";
import { CHECKIN_COLUMNS } from "../core/checkins";
import type { Clock } from "../core/clock";
import { type Day, formatDay, readDay } from "../core/dates";
import { findColumns } from "../core/headers";
import {
  AGGREGATION_LABELS,
  CADENCE_LABELS,
  cellText,
  INPUT_FIELDS,
  type InputField,
  idKey,
  LEVEL_LABELS,
  type RegistryEntry,
  readAggregation,
  readCadence,
  readKpiType,
  readLevel,
  readRegistry,
  registryColumns,
  TYPE_LABELS,
} from "../core/registry";
import { kpiRollup } from "../core/rollup";
import { readNumber } from "../core/values";
import { setupSheets } from "./setup";
import {
  type Append,
  appendRows,
  asText,
  extendIdLists,
  type FoundSheets,
  findSheets,
  plainTextColumns,
} from "./sidebarSheets";
import { AS_OF_NAME } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Draft = ReturnType<typeof createKpisRequest.parse>["kpi"];

const LOCK_WAIT_MS = 30_000;
const BUSY: Failure = {
  ok: false,
  error: "Someone else is changing the KPI sheets right now. Try again in a minute.",
  fields: {},
};
const NOT_SET_UP: Failure = {
  ok: false,
  error: "The KPI sheets are not set up yet: choose Set up KPI sheets first.",
  fields: {},
};

/** Runs an endpoint's body and turns anything it throws into a plain reply. */
function guarded<T extends object>(body: () => Result<T>): Result<T> {
  try {
    return body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The KPI sheets could not be changed, and nothing was written: ${message}`,
      fields: {},
    };
  }
}

/** The spreadsheet's registry and log as read once at the start of an action. */
interface Book {
  readonly clock: Clock;
  readonly sheets: FoundSheets;
  readonly kpis: Sheet;
  readonly checkins: Sheet;
  readonly registry: unknown[][];
  readonly entries: RegistryEntry[];
}

function openBook(): Book | undefined {
  const spreadsheet = activeSpreadsheet();
  const sheets = findSheets(spreadsheet);
  const { kpis, checkins } = sheets;
  if (kpis === undefined || checkins === undefined) return undefined;
  const clock = spreadsheetClock();
  const registry = kpis.getDataRange().getValues();
  const columns = registryColumns(registry[0] ?? []);
  if (columns.id === undefined || columns.name === undefined) return undefined;
  return { clock, sheets, kpis, checkins, registry, entries: readRegistry(registry, clock.zone) };
}

function asOfDay(book: Book): Day {
  const cell = activeSpreadsheet().getRangeByName(AS_OF_NAME);
  const day = cell === null ? undefined : readDay(cell.getValue(), book.clock.zone);
  return day ?? book.clock.today();
}

/** The KPIs' Actual, Status and check-in count, as KPI_ROLLUP computes them. */
function rollup(book: Book, checkinValues: unknown[][], asOf: Day) {
  const table = kpiRollup(
    book.registry,
    checkinValues,
    asOf,
    "ID,Actual,Status,Check-ins",
    book.clock,
  );
  const byKey = new Map<string, { actual: number | null; status: string; checkins: number }>();
  if (!Array.isArray(table)) return byKey;
  for (const row of table.slice(1)) {
    byKey.set(idKey(row[0]), {
      actual: typeof row[1] === "number" ? row[1] : null,
      status: String(row[2] ?? ""),
      checkins: typeof row[3] === "number" ? row[3] : 0,
    });
  }
  return byKey;
}

function label(labels: Readonly<Record<string, string>>, key: string | undefined, raw: unknown) {
  return key === undefined ? cellText(raw) : (labels[key] ?? cellText(raw));
}

function summaries(book: Book, computed: ReturnType<typeof rollup>): KpiSummary[] {
  const zone = book.clock.zone;
  const day = (value: unknown) => {
    const serial = readDay(value, zone);
    return serial === undefined ? "" : formatDay(serial);
  };
  const number = (value: unknown) => readNumber(value) ?? null;
  return book.entries.map((entry) => {
    const c = entry.cells;
    const stats = computed.get(entry.key);
    const direction = readDirection(c.direction);
    return {
      row: entry.row,
      id: entry.id,
      name: cellText(c.name),
      description: cellText(c.description),
      type: label(TYPE_LABELS, readKpiType(c.type), c.type),
      level: label(LEVEL_LABELS, readLevel(c.level), c.level),
      parent: cellText(c.parent),
      owner: cellText(c.owner),
      department: cellText(c.department),
      unit: cellText(c.unit),
      direction: label(DIRECTION_LABELS, direction, c.direction),
      aggregation: label(AGGREGATION_LABELS, readAggregation(c.aggregation), c.aggregation),
      baseline: number(c.baseline),
      target: number(c.target),
      start: day(c.start),
      due: day(c.due),
      cadence: label(CADENCE_LABELS, readCadence(c.cadence), c.cadence),
      weight: number(c.weight),
      reward: cellText(c.reward),
      dataSource: cellText(c.dataSource),
      whyItMatters: cellText(c.whyItMatters),
      actual: stats?.actual ?? null,
      status: stats?.status ?? "",
      checkins: stats?.checkins ?? 0,
    };
  });
}

function stateOf(book: Book | undefined): SidebarState {
  const user = activeUserEmail();
  if (book === undefined) {
    const today = formatDay(spreadsheetClock().today());
    return { setUp: false, today, asOf: today, user, kpis: [] };
  }
  const asOf = asOfDay(book);
  const computed = rollup(book, book.checkins.getDataRange().getValues(), asOf);
  return {
    setUp: true,
    today: formatDay(book.clock.today()),
    asOf: formatDay(asOf),
    user,
    kpis: summaries(book, computed),
  };
}

/** The signed-in user's address; blank when Google gives none (PLATFORM "Triggers"). */
function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? "";
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------------------------
// Registry rows

/** `KPI-0001`…: one more than the highest such ID in the registry (users may type their own). */
function allocateIds(entries: readonly RegistryEntry[], count: number): string[] {
  let highest = 0;
  for (const entry of entries) {
    const match = /^KPI-(\d+)$/i.exec(entry.id);
    if (match !== null) highest = Math.max(highest, Number(match[1]));
  }
  return Array.from({ length: count }, (_, i) => `KPI-${String(highest + i + 1).padStart(4, "0")}`);
}

/** A registry row's input cells, by field, as they are written. */
type RowCells = Partial<Record<InputField, unknown>>;

function draftCells(id: string, draft: Draft, book: Book): RowCells {
  const date = (iso: string) => {
    const day = isoDayNumber(iso);
    return day === undefined ? "" : book.clock.zone.startOf(day);
  };
  return {
    id,
    name: draft.name,
    description: draft.description,
    type: draft.type,
    level: draft.level,
    parent: draft.parent,
    owner: draft.owner,
    department: draft.department,
    unit: draft.unit,
    direction: draft.direction,
    aggregation: draft.aggregation,
    baseline: draft.baseline ?? "",
    target: draft.target ?? "",
    start: date(draft.start),
    due: date(draft.due),
    cadence: draft.cadence,
    weight: draft.weight ?? "",
    reward: draft.reward,
    dataSource: draft.dataSource,
    whyItMatters: draft.whyItMatters,
  };
}

/** The registry's input columns that exist, and each row's values for them, text made safe. */
function registryAppend(book: Book, rows: readonly RowCells[]): Append {
  const header = book.registry[0] ?? [];
  const columns = registryColumns(header);
  const fields = INPUT_FIELDS.filter((field) => columns[field] !== undefined);
  const plain = plainTextColumns(book.kpis, header.length);
  return {
    sheet: book.kpis,
    columns: fields.map((field) => columns[field]!),
    rows: rows.map((cells) =>
      fields.map((field) => {
        const value = cells[field];
        return typeof value === "string"
          ? asText(value, plain[columns[field]!] === true)
          : (value ?? "");
      }),
    ),
  };
}

/** Appends registry rows; a registry that outgrows its sheet extends the ID dropdowns too. */
function appendRegistryRows(book: Book, rows: readonly RowCells[]): void {
  const services = sheetsServices();
  const idColumn = registryColumns(book.registry[0] ?? []).id!;
  appendRows(registryAppend(book, rows), services, () =>
    extendIdLists(book.kpis, idColumn, [book.checkins], services),
  );
}

function parentProblem(book: Book, parent: string, self?: string): string | undefined {
  if (parent === "") return undefined;
  const key = idKey(parent);
  const byKey = new Map(book.entries.map((entry) => [entry.key, entry]));
  if (!byKey.has(key)) return `there is no goal ${parent} in the registry`;
  if (self === undefined) return undefined;
  // Walking up from the new parent must not come back to the goal itself.
  const seen = new Set<string>();
  for (let at = byKey.get(key); at !== undefined; at = byKey.get(at.parentKey)) {
    if (at.key === idKey(self)) return `${parent} is ${self} or one of its own sub-goals`;
    if (seen.has(at.key)) break;
    seen.add(at.key);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/** The sidebar's first call: whether the sheets are set up, today, the user, every goal. */
export function sidebarState(payload: unknown): Result<SidebarState> {
  void payload;
  return guarded(() => ({ ok: true, ...stateOf(openBook()) }));
}

/** "Set up KPI sheets" from the sidebar, then the sidebar's state. */
export function sidebarSetUp(payload: unknown): Result<SidebarState> {
  void payload;
  return guarded(() => {
    if (setupSheets() === undefined) return BUSY;
    return { ok: true, ...stateOf(openBook()) };
  });
}

const CHILD_LEVEL: Readonly<Record<string, string>> = {
  Company: "Department",
  Department: "Team",
  Team: "Personal",
  Personal: "Personal",
};

/** Creates a goal, and the goals a split makes of it, in one write. Replies with the new IDs. */
export function createKpis(payload: unknown): Result<{ ids: string[] }> {
  return guarded(() => {
    const parsed = createKpisRequest.safeParse(payload);
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const { kpi, split, children } = parsed.data;
    const outcome = withDocumentLock(LOCK_WAIT_MS, (): Result<{ ids: string[] }> => {
      const book = openBook();
      if (book === undefined) return NOT_SET_UP;
      const problem = parentProblem(book, kpi.parent);
      if (problem !== undefined) return invalid({ "kpi.parent": problem });
      const parts = split?.parts ?? [];
      const ids = allocateIds(book.entries, 1 + parts.length + children.length);
      const parentId = ids[0]!;
      const rows: RowCells[] = [draftCells(parentId, kpi, book)];
      parts.forEach((part, i) => {
        const child: Draft = {
          ...kpi,
          name: `${kpi.name} — ${part.label}`,
          type: kpi.type === "Objective" ? "Key result" : kpi.type,
          level: kpi.level === "" ? "" : (CHILD_LEVEL[kpi.level] ?? kpi.level),
          parent: parentId,
          owner: part.owner === "" ? kpi.owner : part.owner,
          department: split?.by === "Department" ? part.label : kpi.department,
          target: part.target,
          weight: part.weight,
          whyItMatters: `${part.label}'s share of ${parentId}`,
        };
        rows.push(draftCells(ids[i + 1]!, child, book));
      });
      children.forEach((child, i) => {
        rows.push(draftCells(ids[1 + parts.length + i]!, { ...child, parent: parentId }, book));
      });
      appendRegistryRows(book, rows);
      return { ok: true, ids };
    });
    return outcome.locked ? outcome.result : BUSY;
  });
}

/** Rewrites a goal's own fields; its ID, computed columns and the user's columns stay. */
export function updateKpi(payload: unknown): Result<{ id: string }> {
  return guarded(() => {
    const parsed = updateKpiRequest.safeParse(payload);
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const { id, kpi } = parsed.data;
    const outcome = withDocumentLock(LOCK_WAIT_MS, (): Result<{ id: string }> => {
      const book = openBook();
      if (book === undefined) return NOT_SET_UP;
      const entry = book.entries.find((candidate) => candidate.key === idKey(id));
      if (entry === undefined) return invalid({ id: `there is no goal ${id} in the registry` });
      const problem = parentProblem(book, kpi.parent, entry.id);
      if (problem !== undefined) return invalid({ "kpi.parent": problem });
      const append = registryAppend(book, [draftCells(entry.id, kpi, book)]);
      const values = append.rows[0]!;
      const runs = groupAdjacent(append.columns);
      for (const run of runs) {
        book.kpis
          .getRange(entry.row, append.columns[run.from]! + 1, 1, run.to - run.from)
          .setValues([values.slice(run.from, run.to)]);
      }
      return { ok: true, id: entry.id };
    });
    return outcome.locked ? outcome.result : BUSY;
  });
}

/** Index ranges [from, to) of `columns` whose columns are adjacent (setup puts them so). */
function groupAdjacent(columns: readonly number[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  columns.forEach((column, i) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && columns[i - 1] === column - 1) last.to = i + 1;
    else runs.push({ from: i, to: i + 1 });
  });
  return runs;
}

/** Appends one check-in, `By` the signed-in user; replies with the goal's new actual and status. */
export function logCheckin(payload: unknown): Result<CheckinReply> {
  return guarded(() => {
    const parsed = logCheckinRequest.safeParse(payload);
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const request = parsed.data;
    const outcome = withDocumentLock(LOCK_WAIT_MS, (): Result<CheckinReply> => {
      const book = openBook();
      if (book === undefined) return NOT_SET_UP;
      const entry = book.entries.find((candidate) => candidate.key === idKey(request.kpiId));
      if (entry === undefined) {
        return invalid({ kpiId: `there is no goal ${request.kpiId} in the registry` });
      }
      const width = book.checkins.getLastColumn();
      const header = book.checkins.getRange(1, 1, 1, Math.max(1, width)).getValues()[0] ?? [];
      const columns = findColumns(header, CHECKIN_COLUMNS);
      if (
        columns.date === undefined ||
        columns.kpiId === undefined ||
        columns.value === undefined
      ) {
        return NOT_SET_UP;
      }
      const plain = plainTextColumns(book.checkins, header.length);
      const cells: [number | undefined, unknown][] = [
        [columns.date, book.clock.zone.startOf(isoDayNumber(request.date)!)],
        [columns.kpiId, entry.id],
        [columns.value, request.value],
        [columns.note, request.note],
        [columns.by, activeUserEmail()],
      ];
      const present = cells.filter((cell): cell is [number, unknown] => cell[0] !== undefined);
      appendRows(
        {
          sheet: book.checkins,
          columns: present.map(([column]) => column),
          rows: [
            present.map(([column, value]) =>
              typeof value === "string" ? asText(value, plain[column] === true) : value,
            ),
          ],
        },
        sheetsServices(),
      );
      const stats = rollup(book, book.checkins.getDataRange().getValues(), asOfDay(book)).get(
        entry.key,
      );
      return { ok: true, id: entry.id, actual: stats?.actual ?? null, status: stats?.status ?? "" };
    });
    return outcome.locked ? outcome.result : BUSY;
  });
}

/**
 * Copies chosen goals (and, when asked, everything under them) for the next period of the same
 * length: start = old due + 1, baseline = last actual, parent links mapped onto the copies, new
 * IDs. The old rows are not touched.
 */
export function planNextCycle(payload: unknown): Result<{ ids: string[] }> {
  return guarded(() => {
    const parsed = planNextCycleRequest.safeParse(payload);
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const request = parsed.data;
    const outcome = withDocumentLock(LOCK_WAIT_MS, (): Result<{ ids: string[] }> => {
      const book = openBook();
      if (book === undefined) return NOT_SET_UP;
      const byKey = new Map(book.entries.map((entry) => [entry.key, entry]));
      const unknown = request.ids.filter((id) => !byKey.has(idKey(id)));
      if (unknown.length > 0) {
        return invalid({ ids: `there is no goal ${unknown.join(", ")} in the registry` });
      }
      const chosen = new Set(request.ids.map(idKey));
      if (request.includeChildren) {
        let grew = true;
        while (grew) {
          grew = false;
          for (const entry of book.entries) {
            if (!chosen.has(entry.key) && chosen.has(entry.parentKey)) {
              chosen.add(entry.key);
              grew = true;
            }
          }
        }
      }
      const copies = book.entries.filter((entry) => chosen.has(entry.key));
      const undated = copies.filter(
        (entry) => entry.record?.start === undefined || entry.record.due === undefined,
      );
      if (undated.length > 0) {
        return invalid({
          ids: `${undated.map((entry) => entry.id).join(", ")} need${undated.length === 1 ? "s" : ""} a Start and a Due to plan the next cycle`,
        });
      }
      const computed = rollup(book, book.checkins.getDataRange().getValues(), asOfDay(book));
      const ids = allocateIds(book.entries, copies.length);
      const newId = new Map(copies.map((entry, i) => [entry.key, ids[i]!]));
      const rows = copies.map((entry, i): RowCells => {
        const record = entry.record!;
        const start = record.due! + 1;
        const due = start + (record.due! - record.start!);
        const actual = computed.get(entry.key)?.actual;
        const cells: RowCells = {};
        for (const field of INPUT_FIELDS) cells[field] = entry.cells[field];
        return {
          ...cells,
          id: ids[i]!,
          parent: newId.get(entry.parentKey) ?? cellText(entry.cells.parent),
          baseline: actual ?? entry.cells.baseline,
          start: book.clock.zone.startOf(start),
          due: book.clock.zone.startOf(due),
        };
      });
      appendRegistryRows(book, rows);
      return { ok: true, ids };
    });
    return outcome.locked ? outcome.result : BUSY;
  });
}

/** The implementations, checked against the contract's endpoint map. */
export const SIDEBAR_ENDPOINTS = {
  sidebarState,
  sidebarSetUp,
  createKpis,
  updateKpi,
  logCheckin,
  planNextCycle,
} satisfies EndpointImplementations;

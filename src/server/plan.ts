/**
 * The decisions of setup, as pure functions of what is already in the spreadsheet: which sheet
 * is which, which columns and settings are missing, where the Dashboard's block may go without
 * covering anything. Setup only ever adds; every function here answers "what is missing?" or
 * "where is free?", never "what should be replaced?".
 */

import { type ColumnMap, findColumns, headerKey } from "../core/headers";
import { isBlank } from "../core/values";
import {
  type ColumnDef,
  columnSpecOf,
  DASHBOARD_FIELDS,
  SETTINGS,
  type SettingDef,
  type SettingKey,
  SHEET_NAMES,
  SHEET_ORDER,
  type SheetKey,
} from "./workbook";

// ---------------------------------------------------------------------------------------------
// Sheets

/** What setup knows about an existing sheet: its name and the add-on's tag on it, if any. */
export interface SheetInfo {
  readonly name: string;
  readonly tag: string | undefined;
}

export type SheetChoice =
  /** The sheet (index into the list given) carries the tag: the user may have renamed it. */
  | { readonly kind: "tagged"; readonly index: number }
  /** An untagged sheet has the default name: adopt it and tag it. */
  | { readonly kind: "named"; readonly index: number }
  | { readonly kind: "create"; readonly name: string };

/** Sheet names are unique regardless of case in Sheets. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Finds each of the add-on's sheets by tag first and by name second (SPEC §3). A sheet that
 * carries another of the add-on's tags is never adopted by name, and a sheet serves one role only.
 * A sheet to create gets the default name, or a numbered one when a user's sheet already has it.
 */
export function chooseSheets(sheets: readonly SheetInfo[]): Record<SheetKey, SheetChoice> {
  const claimed = new Set<number>();
  const taken = new Set(sheets.map((sheet) => nameKey(sheet.name)));
  const ours = new Set<string>(SHEET_ORDER);
  const choices = {} as Record<SheetKey, SheetChoice>;
  for (const key of SHEET_ORDER) {
    const tagged = sheets.findIndex((sheet, i) => !claimed.has(i) && sheet.tag === key);
    if (tagged >= 0) {
      claimed.add(tagged);
      choices[key] = { kind: "tagged", index: tagged };
      continue;
    }
    const wanted = nameKey(SHEET_NAMES[key]);
    const named = sheets.findIndex(
      (sheet, i) =>
        !claimed.has(i) &&
        nameKey(sheet.name) === wanted &&
        (sheet.tag === undefined || !ours.has(sheet.tag)),
    );
    if (named >= 0) {
      claimed.add(named);
      choices[key] = { kind: "named", index: named };
      continue;
    }
    const name = freeName(SHEET_NAMES[key], taken);
    taken.add(nameKey(name));
    choices[key] = { kind: "create", name };
  }
  return choices;
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Columns

export interface ColumnPlan<F extends string> {
  /** 0-based positions of the columns already there, by field. */
  readonly found: ColumnMap<F>;
  /** Columns to add, in definition order, each with the 0-based position it will get. */
  readonly missing: readonly { readonly def: ColumnDef<F>; readonly index: number }[];
}

/**
 * Which of a sheet's columns are missing. `header` is row 1 up to the sheet's last used column
 * (in any row), so new columns go after everything a user has typed, including data in columns
 * without a header, and existing columns never move.
 */
export function planColumns<F extends string>(
  header: readonly unknown[],
  defs: readonly ColumnDef<F>[],
): ColumnPlan<F> {
  const found = findColumns(header, columnSpecOf(defs));
  const missing = defs
    .filter((def) => found[def.field] === undefined)
    .map((def, i) => ({ def, index: header.length + i }));
  return { found, missing };
}

/** Every column's 0-based position once the missing ones are added. */
export function columnsAfter<F extends string>(plan: ColumnPlan<F>): Readonly<Record<F, number>> {
  const all = { ...plan.found } as Record<F, number>;
  for (const { def, index } of plan.missing) all[def.field] = index;
  return all;
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface SettingsPlan {
  /** 0-based index, within the rows given, of each setting already there. */
  readonly found: ReadonlyMap<SettingKey, number>;
  readonly missing: readonly SettingDef[];
}

/**
 * Which settings rows are missing, from the Setting column of the data rows (label comparison
 * like headers: case, spaces, `_` and `-` do not matter).
 */
export function planSettings(labels: readonly unknown[]): SettingsPlan {
  const rowOf = new Map<string, number>();
  labels.forEach((label, i) => {
    const key = headerKey(label);
    if (key !== "" && !rowOf.has(key)) rowOf.set(key, i);
  });
  const found = new Map<SettingKey, number>();
  const missing: SettingDef[] = [];
  for (const def of SETTINGS) {
    const row = def.labels.map((label) => rowOf.get(headerKey(label))).find((r) => r !== undefined);
    if (row === undefined) missing.push(def);
    else found.set(def.key, row);
  }
  return { found, missing };
}

// ---------------------------------------------------------------------------------------------
// Rectangles (protections, conditional-format ranges)

/** A range's position, 1-based like Apps Script's. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    outer.row + outer.numRows >= inner.row + inner.numRows &&
    outer.column + outer.numColumns >= inner.column + inner.numColumns
  );
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** The targets that no existing rectangle fully contains (protections still to add). */
export function uncovered<T extends Rect>(targets: readonly T[], existing: readonly Rect[]): T[] {
  return targets.filter((target) => !existing.some((rect) => contains(rect, target)));
}

/**
 * The 1-based columns that no existing rectangle spans, whatever its rows: a column protected
 * when the sheet had 1,000 rows stays protected after rows are added, so it is not protected twice.
 */
export function uncoveredColumns(columns: readonly number[], existing: readonly Rect[]): number[] {
  return columns.filter(
    (column) =>
      !existing.some((rect) => rect.column <= column && column < rect.column + rect.numColumns),
  );
}

/** Whether any existing rectangle overlaps the target (a conditional format already there). */
export function overlapsAny(target: Rect, existing: readonly Rect[]): boolean {
  return existing.some((rect) => intersects(rect, target));
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/** Whether a grid of formulas (from `getFormulas`) already holds a KPI_ROLLUP table. */
export function hasRollupFormula(formulas: readonly (readonly string[])[]): boolean {
  return formulas.some((row) => row.some((formula) => /\bKPI_ROLLUP\s*\(/i.test(formula)));
}

/** The Dashboard block's width: the rollup table, a spacer, the department summary. */
export const DASHBOARD_WIDTH = DASHBOARD_FIELDS.length + 3;

/**
 * Where the Dashboard block may go: at A1 when its columns are empty in every row (the rollup
 * table spills down the whole sheet), otherwise one column right of everything already there.
 * `values` and `formulas` cover the sheet's data range from A1. Returns a 1-based column.
 */
export function dashboardColumn(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  width = DASHBOARD_WIDTH,
): number {
  let lastUsed = 0;
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (!isBlank(value) || (formulas[r]?.[c] ?? "") !== "") lastUsed = Math.max(lastUsed, c + 1);
    });
  });
  const firstColumnsFree = values.every((row, r) =>
    row.every((value, c) => c >= width || (isBlank(value) && (formulas[r]?.[c] ?? "") === "")),
  );
  return firstColumnsFree ? 1 : lastUsed + 2;
}

/** `A`, `Z`, `AA`… for a 1-based column. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula reference: quoted unless it is plain letters. */
export function sheetRef(name: string): string {
  return /^[A-Za-z]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface DashboardLayout {
  /** Cells to write, relative to the block's top-left cell (0-based offsets). */
  readonly cells: readonly {
    readonly row: number;
    readonly column: number;
    readonly value: string;
  }[];
  /** 0-based column offsets within the block. */
  readonly percentColumns: readonly number[];
  readonly statusColumn: number;
  readonly departmentColumn: number;
  /** 0-based row offset of the rollup's header row (its data starts one row below). */
  readonly tableRow: number;
  /** The department summary's header row and first column, for the chart. */
  readonly summary: { readonly row: number; readonly column: number };
}

export interface DashboardSources {
  readonly kpisSheet: string;
  /** 1-based last column the registry reference must reach (at least AD, SPEC §3). */
  readonly kpisWidth: number;
  readonly checkinsSheet: string;
  /** 1-based last column of the check-in log reference (at least E). */
  readonly checkinsWidth: number;
}

/**
 * The Dashboard block at a 1-based anchor: a title, the as-of date, the KPI_ROLLUP table
 * (SPEC §3 Dashboard) and a department summary for the chart. Formulas are written with A1
 * references computed from the anchor, so the block works wherever it lands.
 */
export function dashboardLayout(
  anchorRow: number,
  anchorColumn: number,
  sources: DashboardSources,
): DashboardLayout {
  const fields = DASHBOARD_FIELDS as readonly string[];
  const tableRow = 3;
  const col = (offset: number) => columnLetter(anchorColumn + offset);
  const dataRow = anchorRow + tableRow + 1;
  const openColumn = (offset: number) => `${col(offset)}${dataRow}:${col(offset)}`;
  const department = fields.indexOf("Department");
  const attainment = fields.indexOf("Attainment");
  const summaryColumn = fields.length + 1;
  const kpis = `${sheetRef(sources.kpisSheet)}!A1:${columnLetter(Math.max(30, sources.kpisWidth))}`;
  const checkins = `${sheetRef(sources.checkinsSheet)}!A1:${columnLetter(Math.max(5, sources.checkinsWidth))}`;
  const departments = openColumn(department);
  const names = openColumn(summaryColumn);
  return {
    cells: [
      { row: 0, column: 0, value: "SMART KPI dashboard" },
      { row: 1, column: 0, value: "As of" },
      { row: 1, column: 1, value: "=KPI_AS_OF" },
      {
        row: tableRow,
        column: 0,
        value: `=KPI_ROLLUP(${kpis}, ${checkins}, KPI_AS_OF, "${fields.join(",")}")`,
      },
      { row: tableRow, column: summaryColumn, value: "Department" },
      { row: tableRow, column: summaryColumn + 1, value: "Attainment" },
      {
        row: tableRow + 1,
        column: summaryColumn,
        value: `=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(${departments}, ${departments}<>""))), ""))`,
      },
      {
        row: tableRow + 1,
        column: summaryColumn + 1,
        value: `=ARRAYFORMULA(IF(${names}="", "", IFERROR(AVERAGEIF(${departments}, ${names}, ${openColumn(attainment)}), "")))`,
      },
    ],
    percentColumns: [attainment, fields.indexOf("Expected"), summaryColumn + 1],
    statusColumn: fields.indexOf("Status"),
    departmentColumn: department,
    tableRow,
    summary: { row: tableRow, column: summaryColumn },
  };
}

/**
 * The decisions of setup, as pure functions of what is already in the spreadsheet: which sheet
 * is which, which columns and settings are missing, where the Dashboard's block may go without
 * covering anything. Setup only ever adds; every function here answers "what is missing?" or
 * "where is free?", never "what should be replaced?".
 */

import { type ColumnMap, findColumns, headerKey } from "../core/headers";
import { isBlank } from "../core/values";
import {
  AS_OF_NAME,
  AT_RISK_GAP_NAME,
  type ColumnDef,
  columnSpecOf,
  DASHBOARD_FIELDS,
  OFF_TRACK_GAP_NAME,
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
  return findFormula(formulas, "KPI_ROLLUP") !== undefined;
}

/** 0-based position of the first formula calling `name`, scanning row by row. */
export function findFormula(
  formulas: readonly (readonly string[])[],
  name: string,
): { readonly row: number; readonly column: number; readonly formula: string } | undefined {
  const call = new RegExp(`\\b${name}\\s*\\(`, "i");
  for (let r = 0; r < formulas.length; r++) {
    const row = formulas[r]!;
    for (let c = 0; c < row.length; c++) {
      if (call.test(row[c] ?? "")) return { row: r, column: c, formula: row[c]! };
    }
  }
  return undefined;
}

/**
 * Where a block may go: at A1 when its columns are empty in every row (the rollup table spills
 * down the whole sheet), otherwise one column right of everything already there. `values` and
 * `formulas` cover the sheet's data range from A1. Returns a 1-based column.
 */
export function dashboardColumn(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  width: number = DASHBOARD_WIDTH,
): number {
  const firstColumnsFree = values.every((row, r) =>
    row.every((value, c) => c >= width || (isBlank(value) && (formulas[r]?.[c] ?? "") === "")),
  );
  return firstColumnsFree ? 1 : lastUsedColumn(values, formulas) + 2;
}

/** The 1-based last column holding a value or a formula (0 when none does). */
export function lastUsedColumn(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): number {
  let lastUsed = 0;
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (!isBlank(value) || (formulas[r]?.[c] ?? "") !== "") lastUsed = Math.max(lastUsed, c + 1);
    });
  });
  return lastUsed;
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

/**
 * A range argument whose error cells reach a custom function as their error text (`#DIV/0!`,
 * `#N/A`…), dates still dates and blanks still blank. Whether Sheets calls a custom function at
 * all when a range argument holds an error is undocumented; through this wrapper it never holds
 * one, so a bad cell is that row's error (SPEC §4.7) rather than the whole table's. ERROR.TYPE
 * names the error in Sheets; where it is unknown (HyperFormula, in the emulator) every error
 * reads `#ERROR!`, which the functions treat the same way: as text that is not a number or date.
 */
export function errorsAsText(range: string): string {
  return (
    `ARRAYFORMULA(IF(ISERROR(${range}), IFERROR(CHOOSE(ERROR.TYPE(${range}), ` +
    `${ERROR_TEXTS.map((text) => `"${text}"`).join(", ")}), "#ERROR!"), ${range}))`
  );
}

/** ERROR.TYPE's numbers 1 to 7, in order. */
const ERROR_TEXTS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/**
 * The top-level arguments of a formula that is one call, e.g. `=KPI_ROLLUP(a, b, KPI_AS_OF)`, as
 * written (trimmed); `undefined` when the formula is anything else (a user's own expression).
 */
export function callArguments(formula: string, name: string): string[] | undefined {
  const match = new RegExp(`^=\\s*${name}\\s*\\(`, "i").exec(formula);
  if (match === null) return undefined;
  const args: string[] = [];
  let depth = 0;
  let quoted: string | undefined;
  let current = "";
  for (let i = match[0].length; i < formula.length; i++) {
    const ch = formula[i]!;
    if (quoted !== undefined) {
      current += ch;
      if (ch === quoted) quoted = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quoted = ch;
      current += ch;
    } else if (ch === "(" || ch === "{") {
      depth++;
      current += ch;
    } else if ((ch === ")" || ch === "}") && depth > 0) {
      depth--;
      current += ch;
    } else if (ch === ")") {
      if (formula.slice(i + 1).trim() !== "") return undefined;
      args.push(current.trim());
      return args;
    } else if (ch === "," && depth === 0) {
      args.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  return undefined;
}

const PLAIN_REFERENCE = /^('([^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Z]+\$?\d*(:\$?[A-Z]+\$?\d*)?$/i;

/**
 * The Dashboard's KPI_ROLLUP formula as this version of setup writes it, from one an earlier
 * version wrote: plain range references wrapped by {@link errorsAsText}, and the Settings gaps
 * passed (SPEC §4.7). `undefined` when nothing needs to change, or when the formula is not a
 * plain call the upgrade understands (a user's own formula is left alone).
 */
export function upgradeRollupFormula(formula: string): string | undefined {
  const args = callArguments(formula, "KPI_ROLLUP");
  if (args === undefined || args.length < 2 || args.length > 6) return undefined;
  const next = [...args];
  for (const i of [0, 1]) {
    if (PLAIN_REFERENCE.test(next[i]!)) next[i] = errorsAsText(next[i]!);
  }
  while (next.length < 4) next.push("");
  if (next.length === 4) next.push(AT_RISK_GAP_NAME, OFF_TRACK_GAP_NAME);
  if (next.every((arg, i) => arg === args[i]) && next.length === args.length) return undefined;
  return `=KPI_ROLLUP(${next.join(", ")})`;
}

/** What an earlier setup wrote for the department table: `ARRAYFORMULA(…AVERAGEIF…)`. */
const LEGACY_NAMES = /^=ARRAYFORMULA\(IFERROR\(SORT\(UNIQUE\(FILTER\(/;
const LEGACY_MEANS = /^=ARRAYFORMULA\(IF\([A-Z]+\d+:[A-Z]+="", "", IFERROR\(AVERAGEIF\(/;
export const LEGACY_CHART_TITLE = "Attainment by department";

/**
 * The department table an earlier setup wrote (two header cells, "Department" and "Attainment",
 * above its two hand-built array formulas), as 0-based (row, column) of its top-left header cell;
 * `undefined` when there is none or a user changed it.
 */
export function findLegacySummary(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): { readonly row: number; readonly column: number } | undefined {
  for (let r = 1; r < formulas.length; r++) {
    const row = formulas[r]!;
    for (let c = 0; c + 1 < row.length; c++) {
      if (!LEGACY_NAMES.test(row[c] ?? "") || !LEGACY_MEANS.test(row[c + 1] ?? "")) continue;
      const header = values[r - 1] ?? [];
      if (header[c] === "Department" && header[c + 1] === "Attainment") {
        return { row: r - 1, column: c };
      }
    }
  }
  return undefined;
}

/** The Dashboard's rollup table's width: its fields. */
export const DASHBOARD_WIDTH = DASHBOARD_FIELDS.length;
/** KPI_SUMMARY's width: the group, Goals, seven statuses, Errors and Mean score. */
export const SUMMARY_WIDTH = 11;
/**
 * Columns a trend block keeps for itself: the dates and up to ten company goals (the emulator
 * reserves as many for a computed list of IDs); the pace block starts after them and a spacer.
 */
export const TREND_GOALS = 10;
export const TREND_WIDTH = 1 + TREND_GOALS;
/** Rows between the as-of line and the tables: room for the charts above them. */
export const CHART_ROWS = 16;
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 320;
/** The gap between the two charts; both fit a 1,280 px window beside the row numbers. */
export const CHART_GAP = 16;

export interface DashboardSources {
  readonly kpisSheet: string;
  /** 1-based last column the registry reference must reach (at least AD, SPEC §3). */
  readonly kpisWidth: number;
  readonly checkinsSheet: string;
  /** 1-based last column of the check-in log reference (at least E). */
  readonly checkinsWidth: number;
  /** 1-based columns of ID and Level in the registry, for the company goals' IDs. */
  readonly idColumn: number;
  readonly levelColumn: number;
}

/** The two ranges every figure on the Dashboard is computed from, error cells as text. */
function inputs(sources: DashboardSources): { kpis: string; checkins: string } {
  const kpis = `${sheetRef(sources.kpisSheet)}!A1:${columnLetter(Math.max(30, sources.kpisWidth))}`;
  const checkins = `${sheetRef(sources.checkinsSheet)}!A1:${columnLetter(Math.max(5, sources.checkinsWidth))}`;
  return { kpis: errorsAsText(kpis), checkins: errorsAsText(checkins) };
}

export function rollupFormula(sources: DashboardSources): string {
  const { kpis, checkins } = inputs(sources);
  const fields = (DASHBOARD_FIELDS as readonly string[]).join(",");
  return `=KPI_ROLLUP(${kpis}, ${checkins}, ${AS_OF_NAME}, "${fields}", ${AT_RISK_GAP_NAME}, ${OFF_TRACK_GAP_NAME})`;
}

export function summaryFormula(sources: DashboardSources): string {
  const { kpis, checkins } = inputs(sources);
  return `=KPI_SUMMARY(${kpis}, ${checkins}, ${AS_OF_NAME}, "Department", ${AT_RISK_GAP_NAME}, ${OFF_TRACK_GAP_NAME})`;
}

/**
 * A weekly KPI_TREND of the company-level goals (Level = Company, found when the formula is
 * computed, so goals added later join in) from the earliest start to the as-of date.
 */
export function trendFormula(sources: DashboardSources, field: "Attainment" | "Expected"): string {
  const { kpis, checkins } = inputs(sources);
  const sheet = sheetRef(sources.kpisSheet);
  const id = columnLetter(sources.idColumn);
  const level = columnLetter(sources.levelColumn);
  const companyIds = `ARRAYFORMULA(IFERROR(FILTER(${sheet}!${id}2:${id}, ${sheet}!${level}2:${level}="Company"), ""))`;
  return `=KPI_TREND(${kpis}, ${checkins}, ${companyIds}, , ${AS_OF_NAME}, "week", "${field}")`;
}

/** A cell to write, 1-based. */
export interface LayoutCell {
  readonly row: number;
  readonly column: number;
  readonly value: string;
}

/** Columns of a block, 1-based, from `row` to the sheet's last row. */
export interface ColumnFormat {
  readonly row: number;
  readonly column: number;
  readonly numColumns: number;
  readonly format: string;
}

export interface ChartSpec {
  readonly kind: "column" | "line";
  readonly title: string;
  /** 1-based top-left cell and width of each range; each runs to the sheet's last row. */
  readonly ranges: readonly {
    readonly row: number;
    readonly column: number;
    readonly numColumns: number;
  }[];
  readonly options: Readonly<Record<string, unknown>>;
}

/** One of the Dashboard's tables: its formula, the caption above it, its formats. */
export interface DashboardPart {
  readonly cells: readonly LayoutCell[];
  readonly formats: readonly ColumnFormat[];
  /** The header row of its table, to make bold. */
  readonly header: { readonly row: number; readonly column: number; readonly numColumns: number };
}

export const NUMBER_FORMAT_THOUSANDS = "#,##0.00";
const PERCENT = "0%";
const DATE = "yyyy-mm-dd";

/** The KPI table at a 1-based cell: KPI_ROLLUP with readable numbers. */
export function rollupPart(row: number, column: number, sources: DashboardSources): DashboardPart {
  const fields = DASHBOARD_FIELDS as readonly string[];
  const at = (field: string) => column + fields.indexOf(field);
  return {
    cells: [
      { row: row - 1, column, value: "Every goal" },
      { row, column, value: rollupFormula(sources) },
    ],
    formats: [
      { row: row + 1, column: at("Actual"), numColumns: 2, format: NUMBER_FORMAT_THOUSANDS },
      { row: row + 1, column: at("Attainment"), numColumns: 2, format: PERCENT },
    ],
    header: { row, column, numColumns: fields.length },
  };
}

/** The department summary at a 1-based cell. */
export function summaryPart(row: number, column: number, sources: DashboardSources): DashboardPart {
  return {
    cells: [
      { row: row - 1, column, value: "Goals by department and status" },
      { row, column, value: summaryFormula(sources) },
    ],
    formats: [{ row: row + 1, column: column + SUMMARY_WIDTH - 1, numColumns: 1, format: "0.0" }],
    header: { row, column, numColumns: SUMMARY_WIDTH },
  };
}

/** The company goals' weekly attainment, and their expected pace beside it. */
export function trendPart(row: number, column: number, sources: DashboardSources): DashboardPart {
  const pace = column + TREND_WIDTH + 1;
  return {
    cells: [
      { row: row - 1, column, value: "Company goals: attainment by week" },
      { row, column, value: trendFormula(sources, "Attainment") },
      { row: row - 1, column: pace, value: "Expected pace" },
      { row, column: pace, value: trendFormula(sources, "Expected") },
    ],
    formats: [
      { row: row + 1, column, numColumns: 1, format: DATE },
      { row: row + 1, column: column + 1, numColumns: TREND_GOALS, format: PERCENT },
      { row: row + 1, column: pace, numColumns: 1, format: DATE },
      { row: row + 1, column: pace + 1, numColumns: TREND_GOALS, format: PERCENT },
    ],
    header: { row, column, numColumns: 2 * TREND_WIDTH + 1 },
  };
}

/** Google's chart palette, one colour per company goal. */
const GOAL_COLOURS = [
  "#4285f4",
  "#db4437",
  "#f4b400",
  "#0f9d58",
  "#ab47bc",
  "#00acc1",
  "#ff7043",
  "#9e9d24",
  "#5c6bc0",
  "#f06292",
];

/** Status colours of the summary chart's series, in KPI_SUMMARY's column order. */
const STATUS_SERIES_COLOURS = [
  "#0f9d58", // Achieved
  "#57bb8a", // On track
  "#f4b400", // At risk
  "#db4437", // Off track
  "#a52714", // Missed
  "#4285f4", // In progress
  "#9e9e9e", // No data
];

export function summaryChart(
  row: number,
  column: number,
  position: ChartPosition,
): ChartSpec & { readonly position: ChartPosition } {
  return {
    kind: "column",
    title: "Goals by department and status",
    ranges: [
      { row, column, numColumns: 1 },
      { row, column: column + 2, numColumns: 7 },
    ],
    options: {
      isStacked: true,
      colors: STATUS_SERIES_COLOURS,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      "legend.position": "right",
    },
    position,
  };
}

export function trendChart(
  row: number,
  column: number,
  position: ChartPosition,
): ChartSpec & { readonly position: ChartPosition } {
  // Each goal's pace is its own line, dashed, in the goal's colour.
  const series: Record<number, unknown> = {};
  for (let k = 0; k < TREND_GOALS; k++) {
    const color = GOAL_COLOURS[k % GOAL_COLOURS.length];
    series[k] = { color };
    series[TREND_GOALS + k] = { color, lineDashStyle: [6, 4], labelInLegend: "Expected pace" };
  }
  return {
    kind: "line",
    title: "Company goals: attainment by week vs expected pace",
    ranges: [
      { row, column, numColumns: TREND_WIDTH },
      { row, column: column + TREND_WIDTH + 2, numColumns: TREND_GOALS },
    ],
    options: {
      "vAxis.format": "percent",
      series,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      "legend.position": "bottom",
    },
    position,
  };
}

/** Where a chart floats: anchor cell (1-based) and offset in pixels. */
export interface ChartPosition {
  readonly row: number;
  readonly column: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/**
 * The whole Dashboard at a 1-based anchor (SPEC §3): title and as-of date, then the two charts,
 * then side by side the KPI table, the department summary and the company trend, each a single
 * call of one of the add-on's functions (no hand-built array formula computes a figure). The
 * tables sit side by side because each spills down as far as it needs.
 */
export function dashboardLayout(
  anchorRow: number,
  anchorColumn: number,
  sources: DashboardSources,
) {
  const tableRow = anchorRow + 3 + CHART_ROWS + 1;
  const summaryColumn = anchorColumn + DASHBOARD_WIDTH + 1;
  const trendColumn = summaryColumn + SUMMARY_WIDTH + 1;
  const chartRow = anchorRow + 3;
  return {
    title: { row: anchorRow, column: anchorColumn },
    cells: [
      { row: anchorRow, column: anchorColumn, value: "SMART KPI dashboard" },
      { row: anchorRow + 1, column: anchorColumn, value: "As of" },
      { row: anchorRow + 1, column: anchorColumn + 1, value: `=${AS_OF_NAME}` },
    ] as LayoutCell[],
    asOf: { row: anchorRow + 1, column: anchorColumn + 1 },
    rollup: rollupPart(tableRow, anchorColumn, sources),
    summary: summaryPart(tableRow, summaryColumn, sources),
    trend: trendPart(tableRow, trendColumn, sources),
    charts: [
      summaryChart(tableRow, summaryColumn, {
        row: chartRow,
        column: anchorColumn,
        offsetX: 0,
        offsetY: 0,
      }),
      trendChart(tableRow, trendColumn, {
        row: chartRow,
        column: anchorColumn,
        offsetX: CHART_WIDTH + CHART_GAP,
        offsetY: 0,
      }),
    ],
    statusColumn: anchorColumn + DASHBOARD_FIELDS.indexOf("Status"),
    nameColumn: anchorColumn + DASHBOARD_FIELDS.indexOf("Name"),
    tableRow,
    /** The rightmost column the block's tables may spill into. */
    lastColumn: trendColumn + 2 * TREND_WIDTH,
  };
}

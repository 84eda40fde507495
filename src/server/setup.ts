/**
 * "Set up KPI sheets": creates or completes the workbook of SPEC §3. It only adds: a sheet, a
 * column, a settings row, a dropdown, a format on a column it adds, a protection, the named range,
 * the Dashboard block. Whatever is already there — sheets a user renamed, columns they moved or
 * added, rows they typed — is found and left as it is (the decisions are in ./plan.ts).
 *
 * Service calls depend on the number of sheets, columns and settings, never on the number of rows.
 */

import { spreadsheetClock } from "../adapters/clock";
import { withDocumentLock } from "../adapters/lock";
import { activeSpreadsheet, type SheetsServices, sheetsServices } from "../adapters/spreadsheet";
import { isBlank } from "../core/values";
import {
  CHART_GAP,
  CHART_WIDTH,
  type ChartPosition,
  type ChartSpec,
  chooseSheets,
  columnsAfter,
  DASHBOARD_WIDTH,
  type DashboardPart,
  type DashboardSources,
  dashboardColumn,
  dashboardLayout,
  findFormula,
  findLegacySummary,
  type LayoutCell,
  LEGACY_CHART_TITLE,
  lastUsedColumn,
  overlapsAny,
  planColumns,
  planSettings,
  type Rect,
  rollupPart,
  SUMMARY_WIDTH,
  summaryChart,
  summaryPart,
  TREND_WIDTH,
  trendChart,
  trendPart,
  uncovered,
  uncoveredColumns,
  upgradeRollupFormula,
} from "./plan";
import {
  ALERT_COLUMNS,
  AS_OF_NAME,
  AT_RISK_GAP_NAME,
  type CellFormat,
  CHECKIN_COLUMNS,
  type ColumnDef,
  DASHBOARD_FIELDS,
  ERROR_STATUS,
  HEADER_STYLE,
  KPI_COLUMNS,
  NUMBER_FORMATS,
  OFF_TRACK_GAP_NAME,
  PROTECTION_NOTE,
  SETTINGS,
  SETTINGS_COLUMNS,
  type SettingDef,
  type SettingKey,
  SHEET_NAMES,
  SHEET_ORDER,
  SHEET_TAG,
  type SheetKey,
  STATUS_COLOURS,
  type Validation,
} from "./workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** What a run of setup did, in words for the user; empty when everything was already there. */
export interface SetupReport {
  readonly added: readonly string[];
  /** The name of each sheet after setup (a user may have renamed them). */
  readonly sheets: Readonly<Record<SheetKey, string>>;
}

const TITLE = "SMART KPI";

/**
 * Creates the KPI sheets (KPIs, Check-ins, Settings, Dashboard, Alerts), or adds whatever is
 * missing from them. Safe to run again at any time: it never deletes, moves or overwrites
 * anything already in the spreadsheet.
 */
export function setupSheets(): SetupReport | undefined {
  const spreadsheet = activeSpreadsheet();
  const clock = spreadsheetClock();
  const today = clock.zone.startOf(clock.today());
  const outcome = withDocumentLock(30_000, () =>
    setUpWorkbook(spreadsheet, sheetsServices(), today),
  );
  if (!outcome.locked) {
    spreadsheet.toast(
      "Someone else is changing the KPI sheets right now. Try again in a minute.",
      TITLE,
    );
    return undefined;
  }
  // A registry created just now is where the user starts (listing goals), so it opens on it.
  const kpis = outcome.result.sheets.kpis;
  if (outcome.result.added.some((change) => change.startsWith(`created "${kpis}"`))) {
    spreadsheet.getSheetByName(kpis)?.activate();
  }
  spreadsheet.toast(setupMessage(outcome.result.added), TITLE, 10);
  return outcome.result;
}

/** A toast shows a line or two: the first changes, and how many more there were. */
export function setupMessage(added: readonly string[]): string {
  if (added.length === 0) return "The KPI sheets were already set up; nothing was changed.";
  const shown = added.slice(0, 3).join("; ");
  const more = added.length - 3;
  if (more <= 0) return `Set up the KPI sheets: ${shown}.`;
  return `Set up the KPI sheets: ${shown}; and ${more} more change${more === 1 ? "" : "s"}.`;
}

/**
 * The setup itself, on a given spreadsheet. `today` is written as the first as-of date: a
 * custom function may not depend on TODAY() (PLATFORM "Custom functions").
 */
export function setUpWorkbook(
  spreadsheet: Spreadsheet,
  services: SheetsServices,
  today: Date,
): SetupReport {
  const added: string[] = [];
  const sheets = locateSheets(spreadsheet, services, added);

  const kpis = sheets.kpis;
  const kpiColumns = ensureColumns(kpis, KPI_COLUMNS, added);
  const idRange = dataRows(kpis, kpiColumns.id + 1);
  const rulesFor = (validation: Validation) => buildValidation(services, validation, idRange);
  ensureValidations(kpis, KPI_COLUMNS, kpiColumns, rulesFor, added);
  ensureStatusColours(kpis, KPI_COLUMNS, kpiColumns, services, added);
  ensureColumnProtections(kpis, KPI_COLUMNS, kpiColumns, services, added);

  const checkins = sheets.checkins;
  const checkinColumns = ensureColumns(checkins, CHECKIN_COLUMNS, added);
  ensureValidations(checkins, CHECKIN_COLUMNS, checkinColumns, rulesFor, added);

  ensureSettings(spreadsheet, sheets.settings, services, today, added);

  ensureDashboard(sheets.dashboard, services, added, {
    kpisSheet: kpis.getName(),
    kpisWidth: kpis.getLastColumn(),
    kpisRows: kpis.getMaxRows(),
    checkinsSheet: checkins.getName(),
    checkinsWidth: checkins.getLastColumn(),
    idColumn: kpiColumns.id + 1,
    levelColumn: kpiColumns.level + 1,
  });

  const alerts = sheets.alerts;
  ensureColumns(alerts, ALERT_COLUMNS, added);
  if (alerts.getProtections(services.sheetProtection).length === 0) {
    alerts.protect().setDescription(PROTECTION_NOTE).setWarningOnly(true);
    added.push(`protected "${alerts.getName()}" with a warning`);
  }

  const names = {} as Record<SheetKey, string>;
  for (const key of SHEET_ORDER) names[key] = sheets[key].getName();
  return { added, sheets: names };
}

// ---------------------------------------------------------------------------------------------
// Sheets

function locateSheets(
  spreadsheet: Spreadsheet,
  services: SheetsServices,
  added: string[],
): Record<SheetKey, Sheet> {
  const existing = spreadsheet.getSheets();
  const tagOf = new Map<number, string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_TAG).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet !== null) tagOf.set(sheet.getSheetId(), metadata.getValue() ?? "");
  }
  const infos = existing.map((sheet) => ({
    name: sheet.getName(),
    tag: tagOf.get(sheet.getSheetId()),
  }));
  const choices = chooseSheets(infos);
  const found = {} as Record<SheetKey, Sheet>;
  let count = existing.length;
  for (const key of SHEET_ORDER) {
    const choice = choices[key];
    if (choice.kind === "tagged") {
      found[key] = existing[choice.index]!;
      continue;
    }
    let sheet: Sheet;
    if (choice.kind === "named") {
      sheet = existing[choice.index]!;
      added.push(`adopted the existing "${sheet.getName()}" sheet`);
    } else {
      sheet = spreadsheet.insertSheet(choice.name, count++);
      added.push(
        choice.name === SHEET_NAMES[key]
          ? `created "${choice.name}"`
          : `created "${choice.name}" (a sheet named "${SHEET_NAMES[key]}" was already in use)`,
      );
    }
    sheet.addDeveloperMetadata(SHEET_TAG, key, services.documentVisibility);
    found[key] = sheet;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Columns

/** The data cells of a column: row 2 to the sheet's last row (the header row is 1). */
function dataRows(sheet: Sheet, column: number): Range | undefined {
  const rows = sheet.getMaxRows() - 1;
  return rows > 0 ? sheet.getRange(2, column, rows, 1) : undefined;
}

/**
 * Adds the missing columns after the last used one, styles their headers, formats their data
 * cells, and freezes the header row if nothing is frozen. Returns every column's 0-based position.
 */
function ensureColumns<F extends string>(
  sheet: Sheet,
  defs: readonly ColumnDef<F>[],
  added: string[],
): Readonly<Record<F, number>> {
  const lastColumn = sheet.getLastColumn();
  const header = lastColumn > 0 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []) : [];
  const plan = planColumns(header, defs);
  const count = plan.missing.length;
  if (count > 0) {
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < lastColumn + count) {
      sheet.insertColumnsAfter(maxColumns, lastColumn + count - maxColumns);
    }
    const headers = sheet.getRange(1, lastColumn + 1, 1, count);
    headers.setValues([plan.missing.map(({ def }) => def.names[0])]);
    headers.setNotes([plan.missing.map(({ def }) => def.note)]);
    headers.setFontWeight(HEADER_STYLE.fontWeight);
    headers.setBackground(HEADER_STYLE.background);
    for (const { def, index } of plan.missing) {
      if (def.format === "auto") continue;
      dataRows(sheet, index + 1)?.setNumberFormat(numberFormat(def.format));
    }
    added.push(
      `added ${count === defs.length ? "the" : "missing"} columns ${plan.missing
        .map(({ def }) => def.names[0])
        .join(", ")} to "${sheet.getName()}"`,
    );
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  return columnsAfter(plan);
}

function numberFormat(format: Exclude<CellFormat, "auto">): string {
  return NUMBER_FORMATS[format];
}

function buildValidation(
  services: SheetsServices,
  validation: Validation,
  registryIds: Range | undefined,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  const builder = services.newDataValidation().setAllowInvalid(true);
  switch (validation.kind) {
    case "list":
      builder
        .requireValueInList([...validation.values], true)
        .setHelpText(`Pick one of: ${validation.values.join(", ")}.`);
      break;
    case "registryIds":
      if (registryIds === undefined) return undefined;
      builder
        .requireValueInRange(registryIds, true)
        .setHelpText("Pick the ID of a KPI in the KPIs sheet.");
      break;
    case "email":
      builder.requireTextIsEmail().setHelpText("Type an e-mail address.");
      break;
    case "date":
      builder.requireDate().setHelpText("Type a date, e.g. 2026-01-31.");
      break;
    case "numberAtLeast":
      builder
        .requireNumberGreaterThanOrEqualTo(validation.min)
        .setHelpText(`Type a number of at least ${validation.min}.`);
      break;
    case "numberBetween":
      builder
        .requireNumberBetween(validation.min, validation.max)
        .setHelpText(`Type a number from ${validation.min} to ${validation.max}.`);
      break;
    case "checkbox":
      builder.requireCheckbox();
      break;
  }
  return builder.build();
}

/**
 * Adds dropdowns and checks to the columns that have none. Row 2 stands for the column: one call
 * reads it for every column, and a column a user gave their own rule keeps it.
 */
function ensureValidations<F extends string>(
  sheet: Sheet,
  defs: readonly ColumnDef<F>[],
  columns: Readonly<Record<F, number>>,
  build: (validation: Validation) => GoogleAppsScript.Spreadsheet.DataValidation | undefined,
  added: string[],
): void {
  const wanted = defs.filter((def) => def.validation !== undefined);
  if (wanted.length === 0 || sheet.getMaxRows() < 2) return;
  const width = Math.max(...wanted.map((def) => columns[def.field] + 1));
  const current = sheet.getRange(2, 1, 1, width).getDataValidations()[0] ?? [];
  const done: string[] = [];
  for (const def of wanted) {
    const index = columns[def.field];
    if (current[index] !== null && current[index] !== undefined) continue;
    const rule = build(def.validation!);
    const cells = dataRows(sheet, index + 1);
    if (rule === undefined || cells === undefined) continue;
    cells.setDataValidation(rule);
    done.push(def.names[0]);
  }
  if (done.length > 0) added.push(`added dropdowns and checks to ${done.join(", ")}`);
}

function rectOf(range: Range): Rect {
  return {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

/** Colours statuses in a range unless some conditional format already covers part of it. */
function colourStatuses(sheet: Sheet, range: Range, services: SheetsServices): boolean {
  const rules = sheet.getConditionalFormatRules();
  const taken = rules.flatMap((rule) => rule.getRanges().map(rectOf));
  if (overlapsAny(rectOf(range), taken)) return false;
  const ours = STATUS_COLOURS.map(({ status, background }) =>
    services
      .newConditionalFormatRule()
      .whenTextEqualTo(status)
      .setBackground(background)
      .setRanges([range])
      .build(),
  );
  ours.push(
    services
      .newConditionalFormatRule()
      .whenTextStartsWith(ERROR_STATUS.prefix)
      .setFontColor(ERROR_STATUS.fontColour)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...rules, ...ours]);
  return true;
}

function ensureStatusColours<F extends string>(
  sheet: Sheet,
  defs: readonly ColumnDef<F>[],
  columns: Readonly<Record<F, number>>,
  services: SheetsServices,
  added: string[],
): void {
  for (const def of defs) {
    if (!def.statusColours) continue;
    const cells = dataRows(sheet, columns[def.field] + 1);
    if (cells !== undefined && colourStatuses(sheet, cells, services)) {
      added.push(`coloured the ${def.names[0]} column by status`);
    }
  }
}

/** Protects, with a warning only, each computed column that no protection spans yet. */
function ensureColumnProtections<F extends string>(
  sheet: Sheet,
  defs: readonly ColumnDef<F>[],
  columns: Readonly<Record<F, number>>,
  services: SheetsServices,
  added: string[],
): void {
  const computed = defs.filter((def) => def.computed);
  if (computed.length === 0) return;
  const existing = sheet
    .getProtections(services.rangeProtection)
    .map((protection) => rectOf(protection.getRange()));
  const missing = uncoveredColumns(
    computed.map((def) => columns[def.field] + 1),
    existing,
  );
  const rows = sheet.getMaxRows();
  for (const column of missing) {
    sheet
      .getRange(1, column, rows, 1)
      .protect()
      .setDescription(PROTECTION_NOTE)
      .setWarningOnly(true);
  }
  if (missing.length > 0) {
    const names = computed
      .filter((def) => missing.includes(columns[def.field] + 1))
      .map((def) => def.names[0]);
    added.push(`protected the computed columns ${names.join(", ")} with a warning`);
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

function initialValue(def: SettingDef, today: Date): unknown {
  return def.initial === "today" ? today : def.initial;
}

function ensureSettings(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  services: SheetsServices,
  today: Date,
  added: string[],
): void {
  const columns = ensureColumns(sheet, SETTINGS_COLUMNS, added);
  const lastRow = sheet.getLastRow();
  const labels =
    lastRow > 1
      ? sheet
          .getRange(2, columns.setting + 1, lastRow - 1, 1)
          .getValues()
          .map((row) => row[0])
      : [];
  const plan = planSettings(labels);
  const rowOf = new Map<string, number>();
  for (const [key, index] of plan.found) rowOf.set(key, index + 2);

  if (plan.missing.length > 0) {
    const first = lastRow + 1;
    const count = plan.missing.length;
    const maxRows = sheet.getMaxRows();
    if (maxRows < lastRow + count) sheet.insertRowsAfter(maxRows, lastRow + count - maxRows);
    const width = Math.max(columns.setting, columns.value, columns.about) + 1;
    const block = plan.missing.map((def) => {
      const row: unknown[] = new Array(width).fill("");
      row[columns.setting] = def.labels[0];
      row[columns.value] = initialValue(def, today);
      row[columns.about] = def.about;
      return row;
    });
    // Rows after the last used one are empty in every column: this block covers nothing.
    sheet.getRange(first, 1, count, width).setValues(block);
    plan.missing.forEach((def, i) => {
      const row = first + i;
      rowOf.set(def.key, row);
      const cell = sheet.getRange(row, columns.value + 1);
      if (def.format !== "auto") cell.setNumberFormat(numberFormat(def.format));
      const rule =
        def.validation === undefined
          ? undefined
          : buildValidation(services, def.validation, undefined);
      if (rule !== undefined) cell.setDataValidation(rule);
    });
    added.push(`added the settings ${plan.missing.map((def) => def.labels[0]).join(", ")}`);
  }

  const computed = SETTINGS.filter((def) => def.computed).map((def) => ({
    row: rowOf.get(def.key)!,
    column: columns.value + 1,
    numRows: 1,
    numColumns: 1,
  }));
  const protectedCells = sheet
    .getProtections(services.rangeProtection)
    .map((protection) => rectOf(protection.getRange()));
  for (const cell of uncovered(computed, protectedCells)) {
    sheet
      .getRange(cell.row, cell.column)
      .protect()
      .setDescription(PROTECTION_NOTE)
      .setWarningOnly(true);
  }

  // The named cells other parts of the add-on read: the Dashboard's formulas pass all three to
  // the functions, and the daily check grades statuses with the two gaps (see workbook.ts).
  const names: readonly [string, SettingKey, string][] = [
    [AS_OF_NAME, "asOf", "the as-of cell"],
    [AT_RISK_GAP_NAME, "atRiskGap", "the at-risk gap"],
    [OFF_TRACK_GAP_NAME, "offTrackGap", "the off-track gap"],
  ];
  for (const [name, key, what] of names) {
    if (spreadsheet.getRangeByName(name) !== null) continue;
    spreadsheet.setNamedRange(name, sheet.getRange(rowOf.get(key)!, columns.value + 1));
    added.push(`named ${what} ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/** Where the Dashboard's formulas read from, and how many rows the registry may fill. */
type DashboardInputs = DashboardSources & { readonly kpisRows: number };

/**
 * Builds the Dashboard (SPEC §3) on a sheet without a KPI_ROLLUP table, where it covers nothing;
 * on a sheet that has one, upgrades in place what an earlier version of setup wrote — the rollup
 * formula gains the Settings gaps and error-safe inputs, the hand-built department table becomes
 * a KPI_SUMMARY, the trend is added beside everything — and leaves the user's additions alone.
 */
function ensureDashboard(
  sheet: Sheet,
  services: SheetsServices,
  added: string[],
  sources: DashboardInputs,
): void {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  let values: unknown[][] = [];
  let formulas: string[][] = [];
  if (lastRow > 0 && lastColumn > 0) {
    const used = sheet.getRange(1, 1, lastRow, lastColumn);
    values = used.getValues();
    formulas = used.getFormulas();
  }
  const rollup = findFormula(formulas, "KPI_ROLLUP");
  if (rollup === undefined) buildDashboard(sheet, services, added, sources, values, formulas);
  else upgradeDashboard(sheet, added, sources, values, formulas, rollup);
}

/** Makes the sheet at least `rows` × `columns` (spills need room; charts sit in cells). */
function ensureSize(sheet: Sheet, rows: number, columns: number): number {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  return Math.max(maxRows, rows);
}

function writeCell(sheet: Sheet, cell: LayoutCell): void {
  const range = sheet.getRange(cell.row, cell.column);
  if (cell.value.startsWith("=")) range.setFormula(cell.value);
  else range.setValue(cell.value);
}

/** Writes one table of the Dashboard: caption, formula, header style, number formats. */
function writePart(sheet: Sheet, part: DashboardPart, rows: number): void {
  for (const cell of part.cells) if (cell.row >= 1) writeCell(sheet, cell);
  const { header } = part;
  if (header.row > 1) sheet.getRange(header.row - 1, header.column).setFontWeight("bold");
  sheet
    .getRange(header.row, header.column, 1, header.numColumns)
    .setFontWeight(HEADER_STYLE.fontWeight);
  for (const format of part.formats) {
    sheet
      .getRange(format.row, format.column, rows - format.row + 1, format.numColumns)
      .setNumberFormat(format.format);
  }
}

function buildChart(
  sheet: Sheet,
  spec: ChartSpec,
  position: ChartPosition,
  rows: number,
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const typed = spec.kind === "line" ? builder.asLineChart() : builder.asColumnChart();
  let chart = typed.setTitle(spec.title) as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  for (const range of spec.ranges) {
    chart = chart.addRange(
      sheet.getRange(range.row, range.column, rows - range.row + 1, range.numColumns),
    );
  }
  chart = chart.setNumHeaders(1);
  for (const [option, value] of Object.entries(spec.options))
    chart = chart.setOption(option, value);
  return chart
    .setPosition(position.row, position.column, position.offsetX, position.offsetY)
    .build();
}

function buildDashboard(
  sheet: Sheet,
  services: SheetsServices,
  added: string[],
  sources: DashboardInputs,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): void {
  const probe = dashboardLayout(1, 1, sources);
  const column = dashboardColumn(values, formulas, probe.lastColumn);
  const layout = dashboardLayout(1, column, sources);
  const rows = ensureSize(sheet, layout.tableRow + 1 + sources.kpisRows, layout.lastColumn + 1);

  for (const cell of layout.cells) writeCell(sheet, cell);
  sheet.getRange(layout.title.row, layout.title.column).setFontWeight("bold").setFontSize(14);
  sheet.getRange(layout.asOf.row, layout.asOf.column).setNumberFormat(NUMBER_FORMATS.date);
  writePart(sheet, layout.rollup, rows);
  writePart(sheet, layout.summary, rows);
  writePart(sheet, layout.trend, rows);
  // Names are sentences: a 100-pixel column would cut them.
  sheet.setColumnWidth(layout.nameColumn, NAME_WIDTH);
  colourStatuses(
    sheet,
    sheet.getRange(layout.tableRow + 1, layout.statusColumn, rows - layout.tableRow, 1),
    services,
  );
  for (const chart of layout.charts) {
    sheet.insertChart(buildChart(sheet, chart, chart.position, rows, sheet.newChart()));
  }
  added.push(
    `added the KPI table, a summary by department and a weekly trend of the company goals, with their charts, to "${sheet.getName()}"`,
  );
}

const NAME_WIDTH = 320;

function upgradeDashboard(
  sheet: Sheet,
  added: string[],
  sources: DashboardInputs,
  values: unknown[][],
  formulas: string[][],
  rollup: { readonly row: number; readonly column: number; readonly formula: string },
): void {
  const tableRow = rollup.row + 1;
  const rows = ensureSize(sheet, tableRow + 1 + sources.kpisRows, 1);

  const upgraded = upgradeRollupFormula(rollup.formula);
  if (upgraded !== undefined) {
    sheet.getRange(tableRow, rollup.column + 1).setFormula(upgraded);
    formulas[rollup.row]![rollup.column] = upgraded;
    const header = values[rollup.row]?.slice(rollup.column, rollup.column + DASHBOARD_WIDTH);
    // Readable numbers, once, for the table this add-on wrote (its header is its field list).
    if (header !== undefined && header.join(",") === DASHBOARD_FIELDS.join(",")) {
      for (const format of rollupPart(tableRow, rollup.column + 1, sources).formats) {
        sheet
          .getRange(format.row, format.column, rows - format.row + 1, format.numColumns)
          .setNumberFormat(format.format);
      }
      sheet.setColumnWidth(rollup.column + 1 + DASHBOARD_FIELDS.indexOf("Name"), NAME_WIDTH);
    }
    added.push(`passed the Settings gaps to the KPI table on "${sheet.getName()}"`);
  }

  const charts = sheet.getCharts();
  const legacyChart = charts.find(
    (chart) => chart.getOptions().get("title") === LEGACY_CHART_TITLE,
  );
  const chartAt = legacyChart?.getContainerInfo();
  const chartPosition: ChartPosition = {
    row: chartAt?.getAnchorRow() ?? 1,
    column: chartAt?.getAnchorColumn() ?? lastUsedColumn(values, formulas) + 2,
    offsetX: chartAt?.getOffsetX() ?? 0,
    offsetY: chartAt?.getOffsetY() ?? 0,
  };

  if (findFormula(formulas, "KPI_SUMMARY") === undefined) {
    const legacy = findLegacySummary(values, formulas);
    if (legacy !== undefined) {
      sheet.getRange(legacy.row + 1, legacy.column + 1, 2, 2).clearContent();
      for (const r of [legacy.row, legacy.row + 1]) {
        for (const c of [legacy.column, legacy.column + 1]) {
          values[r]![c] = "";
          formulas[r]![c] = "";
        }
      }
    }
    const free =
      legacy !== undefined &&
      columnsFree(values, formulas, legacy.row, legacy.column, SUMMARY_WIDTH);
    const row = free ? legacy.row + 1 : tableRow;
    const column = free ? legacy.column + 1 : lastUsedColumn(values, formulas) + 2;
    ensureSize(sheet, 1, column + SUMMARY_WIDTH);
    writePart(sheet, summaryPart(row, column, sources), rows);
    markUsed(values, row - 1, column - 1 + SUMMARY_WIDTH - 1);
    const spec = summaryChart(row, column, chartPosition);
    if (legacyChart !== undefined) {
      sheet.updateChart(
        buildChart(sheet, spec, chartPosition, rows, legacyChart.modify().clearRanges()),
      );
    } else {
      sheet.insertChart(buildChart(sheet, spec, chartPosition, rows, sheet.newChart()));
    }
    added.push(`replaced the department table on "${sheet.getName()}" with KPI_SUMMARY`);
  }

  if (findFormula(formulas, "KPI_TREND") === undefined) {
    const column = lastUsedColumn(values, formulas) + 2;
    const part = trendPart(tableRow, column, sources);
    ensureSize(sheet, 1, column + 2 * TREND_WIDTH + 1);
    writePart(sheet, part, rows);
    const position = { ...chartPosition, offsetX: chartPosition.offsetX + CHART_WIDTH + CHART_GAP };
    sheet.insertChart(
      buildChart(sheet, trendChart(tableRow, column, position), position, rows, sheet.newChart()),
    );
    added.push(`added a weekly trend of the company goals to "${sheet.getName()}"`);
  }
}

/** Whether columns [column, column + width) are empty from `row` down (0-based). */
function columnsFree(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  row: number,
  column: number,
  width: number,
): boolean {
  for (let r = row; r < values.length; r++) {
    for (let c = column; c < column + width; c++) {
      if (!isBlank(values[r]?.[c]) || (formulas[r]?.[c] ?? "") !== "") return false;
    }
  }
  return true;
}

/** Records a cell as used, so the next block goes right of it. */
function markUsed(values: unknown[][], row: number, column: number): void {
  while (values.length <= row) values.push([]);
  const line = values[row]!;
  while (line.length < column) line.push("");
  line[column] = "(used)";
}

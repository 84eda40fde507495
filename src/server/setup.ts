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
import {
  chooseSheets,
  columnsAfter,
  DASHBOARD_WIDTH,
  type DashboardSources,
  dashboardColumn,
  dashboardLayout,
  hasRollupFormula,
  overlapsAny,
  planColumns,
  planSettings,
  type Rect,
  uncovered,
  uncoveredColumns,
} from "./plan";
import {
  ALERT_COLUMNS,
  AS_OF_NAME,
  type CellFormat,
  CHECKIN_COLUMNS,
  type ColumnDef,
  ERROR_STATUS,
  HEADER_STYLE,
  KPI_COLUMNS,
  NUMBER_FORMATS,
  PROTECTION_NOTE,
  SETTINGS,
  SETTINGS_COLUMNS,
  type SettingDef,
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

  if (spreadsheet.getRangeByName(AS_OF_NAME) === null) {
    spreadsheet.setNamedRange(AS_OF_NAME, sheet.getRange(rowOf.get("asOf")!, columns.value + 1));
    added.push(`named the as-of cell ${AS_OF_NAME}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/** Where the Dashboard's formula reads from, and how many rows the registry may fill. */
type DashboardInputs = DashboardSources & { readonly kpisRows: number };

/**
 * Adds the Dashboard block unless the sheet already has a KPI_ROLLUP table (then the user owns
 * its layout). The block goes where it covers nothing; the sheet gets enough rows for the table
 * to spill one row per KPI.
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
  if (hasRollupFormula(formulas)) return;

  const column = dashboardColumn(values, formulas);
  const layout = dashboardLayout(1, column, sources);
  const maxColumns = sheet.getMaxColumns();
  const lastBlockColumn = column + DASHBOARD_WIDTH - 1;
  // One more column than the block: the chart is anchored beside it.
  if (maxColumns < lastBlockColumn + 1) {
    sheet.insertColumnsAfter(maxColumns, lastBlockColumn + 1 - maxColumns);
  }
  const dataRow = 1 + layout.tableRow + 1;
  const rowsNeeded = dataRow + sources.kpisRows;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rowsNeeded) sheet.insertRowsAfter(maxRows, rowsNeeded - maxRows);
  const rows = Math.max(maxRows, rowsNeeded);

  for (const cell of layout.cells) {
    const range = sheet.getRange(1 + cell.row, column + cell.column);
    if (cell.value.startsWith("=")) range.setFormula(cell.value);
    else range.setValue(cell.value);
  }
  sheet.getRange(1, column).setFontWeight("bold").setFontSize(14);
  sheet.getRange(2, column + 1).setNumberFormat(NUMBER_FORMATS.date);
  sheet
    .getRange(1 + layout.tableRow, column, 1, DASHBOARD_WIDTH)
    .setFontWeight(HEADER_STYLE.fontWeight);
  for (const offset of layout.percentColumns) {
    sheet
      .getRange(dataRow, column + offset, rows - dataRow + 1, 1)
      .setNumberFormat(NUMBER_FORMATS.percent);
  }
  colourStatuses(
    sheet,
    sheet.getRange(dataRow, column + layout.statusColumn, rows - dataRow + 1, 1),
    services,
  );

  const summaryRow = 1 + layout.summary.row;
  const chart = sheet
    .newChart()
    .asColumnChart()
    .setTitle("Attainment by department")
    .addRange(sheet.getRange(summaryRow, column + layout.summary.column, rows - summaryRow + 1, 2))
    .setNumHeaders(1)
    .setOption("legend", { position: "none" })
    .setOption("vAxis", { format: "percent" })
    .setPosition(summaryRow, lastBlockColumn + 1, 0, 0)
    .build();
  sheet.insertChart(chart);
  added.push(`added the KPI table and a chart of attainment by department to "${sheet.getName()}"`);
}

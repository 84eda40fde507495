/**
 * What the page draws of a sheet, read through the same Spreadsheet service a script uses: the
 * formatted values, formulas, notes and styles of the used cells, the status colours of the
 * conditional format rules, frozen rows, column widths and column and line charts.
 */

import type { UserInput } from "../emulator";
import {
  type ConditionalRule,
  paintConditionalFormats,
  type RuleFormat,
} from "./conditionalFormats";
import type { CellStyleView, CellView, ChartView, SheetView } from "./protocol";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const ERROR_CODES = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!)$/;
const DEFAULT_BACKGROUND = "#ffffff";
const DEFAULT_FONT_COLOR = "#000000";

function rectOf(range: Range) {
  return {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

/** The sheet's boolean-condition rules; gradient rules are not drawn. */
export function conditionalRulesOf(sheet: Sheet): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  for (const rule of sheet.getConditionalFormatRules()) {
    const condition = rule.getBooleanCondition();
    if (condition === null) continue;
    const format: {
      -readonly [K in keyof RuleFormat]: RuleFormat[K];
    } = {};
    const background = condition.getBackground();
    const fontColor = condition.getFontColor();
    if (background !== null) format.background = background;
    if (fontColor !== null) format.fontColor = fontColor;
    if (condition.getBold() !== null) format.bold = condition.getBold() === true;
    if (condition.getItalic() !== null) format.italic = condition.getItalic() === true;
    if (condition.getStrikethrough() !== null)
      format.strikethrough = condition.getStrikethrough() === true;
    if (condition.getUnderline() !== null) format.underline = condition.getUnderline() === true;
    rules.push({
      ranges: rule.getRanges().map(rectOf),
      criteria: String(condition.getCriteriaType()),
      values: condition.getCriteriaValues(),
      format,
    });
  }
  return rules;
}

function kindOf(value: unknown): CellView["kind"] {
  if (typeof value === "number" || value instanceof Date) return "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string" && ERROR_CODES.test(value)) return "error";
  return undefined;
}

function alignOf(alignment: string | undefined): CellStyleView["align"] {
  switch (alignment) {
    case "left":
    case "center":
    case "right":
      return alignment;
    default:
      return undefined;
  }
}

function styleOf(
  cell: Range,
  background: string | undefined,
  weight: string | undefined,
  alignment: string | undefined,
  painted: RuleFormat | undefined,
): CellStyleView | undefined {
  const style: { -readonly [K in keyof CellStyleView]: CellStyleView[K] } = {};
  if (background !== undefined && background !== "" && background !== DEFAULT_BACKGROUND) {
    style.background = background;
  }
  const color = cell.getFontColorObject().asRgbColor().asHexString();
  if (color !== DEFAULT_FONT_COLOR) style.color = color;
  if (weight === "bold") style.bold = true;
  if (cell.getFontStyle() === "italic") style.italic = true;
  const align = alignOf(alignment);
  if (align !== undefined) style.align = align;
  if (painted !== undefined) {
    if (painted.background !== undefined) style.background = painted.background;
    if (painted.fontColor !== undefined) style.color = painted.fontColor;
    if (painted.bold !== undefined) style.bold = painted.bold;
    if (painted.italic !== undefined) style.italic = painted.italic;
    if (painted.underline !== undefined) style.underline = painted.underline;
    if (painted.strikethrough !== undefined) style.strikethrough = painted.strikethrough;
  }
  return Object.keys(style).length === 0 ? undefined : style;
}

const DEFAULT_CHART_WIDTH = 480;
const DEFAULT_CHART_HEIGHT = 296;

/** A chart option given either as a dotted name ("vAxis.format") or nested ({format}). */
function chartOption(options: GoogleAppsScript.Charts.ChartOptions, path: string): unknown {
  const direct = options.get(path);
  if (direct !== null && direct !== undefined) return direct;
  const [head, ...rest] = path.split(".");
  let value: unknown = options.get(head!);
  for (const key of rest) {
    value =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value ?? undefined;
}

/**
 * The column and line charts of a sheet, read from their ranges as Sheets reads them: the first
 * column of the first range holds the categories, every other column (of that range and of the
 * ranges after it, row for row) is a series named by its header cell.
 */
function chartViews(sheet: Sheet): ChartView[] {
  const views: ChartView[] = [];
  for (const chart of sheet.getCharts()) {
    const type = String(chart.modify().getChartType());
    if (type !== "COLUMN" && type !== "LINE") continue;
    const [first, ...others] = chart.getRanges();
    if (first === undefined) continue;
    const headers = Math.max(chart.getNumHeaders(), 0);
    const labels = first.getDisplayValues().map((row) => row[0] ?? "");
    const columns: { name: string; cells: unknown[] }[] = [];
    for (const [i, range] of [first, ...others].entries()) {
      const values = range.getValues();
      for (let c = i === 0 ? 1 : 0; c < range.getNumColumns(); c++) {
        const name = headers > 0 ? String(values[0]?.[c] ?? "") : "";
        columns.push({ name, cells: values.slice(headers).map((row) => row[c]) });
      }
    }
    const keep = labels
      .slice(headers)
      .map((label, r) => (label === "" ? -1 : r))
      .filter((r) => r >= 0);
    const options = chart.getOptions();
    const colours = (chartOption(options, "colors") as string[] | undefined) ?? [];
    const seriesOptions = (chartOption(options, "series") ?? {}) as Record<
      string,
      { labelInLegend?: string; lineDashStyle?: unknown; color?: string }
    >;
    const series = columns
      .map((column, k) => {
        const own = seriesOptions[String(k)] ?? {};
        return {
          name: own.labelInLegend ?? column.name,
          values: keep.map((r) => {
            const value = column.cells[r];
            return typeof value === "number" ? value : null;
          }),
          color: own.color ?? colours[k],
          dashed: own.lineDashStyle !== undefined,
          header: column.name,
        };
      })
      // Columns a spill left blank (no header, no number) are no series.
      .filter((s) => s.header !== "" || s.values.some((v) => v !== null))
      .map(({ header: _header, ...view }) => view);
    const info = chart.getContainerInfo();
    views.push({
      kind: type === "LINE" ? "line" : "column",
      title: String(options.get("title") ?? ""),
      row: info.getAnchorRow(),
      column: info.getAnchorColumn(),
      offsetX: info.getOffsetX(),
      offsetY: info.getOffsetY(),
      width: Number(chartOption(options, "width") ?? DEFAULT_CHART_WIDTH),
      height: Number(chartOption(options, "height") ?? DEFAULT_CHART_HEIGHT),
      stacked: chartOption(options, "isStacked") === true,
      categories: keep.map((r) => labels[headers + r]!),
      series,
      valueFormat: chartOption(options, "vAxis.format") === "percent" ? "percent" : "number",
    });
  }
  return views;
}

/** Reads everything the page shows of one sheet; `eyes` adds what only a user sees (tooltips). */
export function sheetView(sheet: Sheet, eyes?: UserInput): SheetView {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const cells: (CellView | null)[][] = [];
  const columnWidths: number[] = [];
  for (let column = 1; column <= Math.max(lastColumn, 1); column++) {
    columnWidths.push(sheet.getColumnWidth(column));
  }
  if (lastRow > 0 && lastColumn > 0) {
    const used = sheet.getRange(1, 1, lastRow, lastColumn);
    const values = used.getValues();
    const display = used.getDisplayValues();
    const formulas = used.getFormulas();
    const notes = used.getNotes();
    const backgrounds = used.getBackgrounds();
    const weights = used.getFontWeights();
    const alignments = used.getHorizontalAlignments();
    const painted = paintConditionalFormats(
      conditionalRulesOf(sheet),
      lastRow,
      lastColumn,
      (row, column) => values[row - 1]?.[column - 1],
    );
    for (let r = 0; r < lastRow; r++) {
      const row: (CellView | null)[] = [];
      for (let c = 0; c < lastColumn; c++) {
        const text = display[r]?.[c] ?? "";
        const formula = formulas[r]?.[c] ?? "";
        const note = notes[r]?.[c] ?? "";
        const style = styleOf(
          used.getCell(r + 1, c + 1),
          backgrounds[r]?.[c],
          weights[r]?.[c],
          alignments[r]?.[c],
          painted.get(r * lastColumn + c),
        );
        if (text === "" && formula === "" && note === "" && style === undefined) {
          row.push(null);
          continue;
        }
        const kind = kindOf(values[r]?.[c]);
        const name = sheet.getName();
        const error = kind === "error" ? eyes?.errorMessage(name, r + 1, c + 1) : undefined;
        const invalid = text === "" ? undefined : eyes?.invalidMessage(name, r + 1, c + 1);
        const tooltip = error ?? invalid;
        row.push({
          text,
          ...(formula === "" ? {} : { formula }),
          ...(kind === undefined ? {} : { kind }),
          ...(note === "" ? {} : { note }),
          ...(style === undefined ? {} : { style }),
          ...(tooltip === undefined ? {} : { tooltip }),
          ...(invalid === undefined ? {} : { invalid: true as const }),
        });
      }
      cells.push(row);
    }
  }
  return {
    name: sheet.getName(),
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    columnWidths,
    cells,
    charts: chartViews(sheet),
  };
}

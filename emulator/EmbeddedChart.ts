/** `EmbeddedChart` and its builder. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS, enumValue } from "./enums";
import { AppsScriptError } from "./errors";
import type { ChartData } from "./model";
import { type SheetsContext, sheetOf, upward } from "./sheetsContext";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

type ChartBuilderMethods =
  | "addRange"
  | "asAreaChart"
  | "asBarChart"
  | "asColumnChart"
  | "asLineChart"
  | "asPieChart"
  | "asScatterChart"
  | "asTableChart"
  | "build"
  | "clearRanges"
  | "getChartType"
  | "getRanges"
  | "removeRange"
  | "setChartType"
  | "setNumHeaders"
  | "setOption"
  | "setPosition";

type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/**
 * One builder for every chart type: the `as…Chart()` variants return it too, and their setters
 * (title, axis titles, legend, stacking, colours) become chart options.
 */
export class EmuEmbeddedChartBuilder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, ChartBuilderMethods>
{
  readonly [SERVICE_NAME] = "EmbeddedChartBuilder";
  readonly #ctx: SheetsContext;
  readonly #data: ChartData;

  constructor(ctx: SheetsContext, sheetId: number, existing: ChartData | undefined) {
    super();
    this.#ctx = ctx;
    this.#data = existing ?? {
      id: 0,
      sheetId,
      chartType: "COLUMN",
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }

  #as<T>(type: string): T {
    this.#data.chartType = type;
    return this as unknown as T;
  }

  addRange(range: GasRange): ChartBuilder {
    this.#data.ranges.push({ ...upward.refOf(range) });
    return gas(this);
  }

  removeRange(range: GasRange): ChartBuilder {
    const ref = upward.refOf(range);
    this.#data.ranges = this.#data.ranges.filter(
      (r) =>
        !(
          r.sheetId === ref.sheetId &&
          r.row === ref.row &&
          r.column === ref.column &&
          r.numRows === ref.numRows &&
          r.numColumns === ref.numColumns
        ),
    );
    return gas(this);
  }

  clearRanges(): ChartBuilder {
    this.#data.ranges = [];
    return gas(this);
  }

  getRanges(): GasRange[] {
    return this.#data.ranges.map((ref) => upward.range(this.#ctx, { ...ref }));
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    return enumValue(
      ENUMS.ChartType,
      this.#data.chartType,
    ) as unknown as GoogleAppsScript.Charts.ChartType;
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): ChartBuilder {
    this.#data.chartType = String(type);
    return gas(this);
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.#as("AREA");
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.#as("BAR");
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.#as("COLUMN");
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.#as("LINE");
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.#as("PIE");
  }

  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.#as("SCATTER");
  }

  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.#as("TABLE");
  }

  setOption(option: string, value: unknown): ChartBuilder {
    this.#data.options[String(option)] = value;
    return gas(this);
  }

  setNumHeaders(headers: number): ChartBuilder {
    return this.setOption("numHeaders", headers);
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): ChartBuilder {
    this.#data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return gas(this);
  }

  setTitle(title: string): ChartBuilder {
    return this.setOption("title", String(title));
  }

  setXAxisTitle(title: string): ChartBuilder {
    return this.setOption("hAxis.title", String(title));
  }

  setYAxisTitle(title: string): ChartBuilder {
    return this.setOption("vAxis.title", String(title));
  }

  setLegendPosition(position: unknown): ChartBuilder {
    return this.setOption("legend.position", String(position));
  }

  setStacked(): ChartBuilder {
    return this.setOption("isStacked", true);
  }

  setColors(colors: string[]): ChartBuilder {
    return this.setOption("colors", [...colors]);
  }

  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    return gas(
      EmuEmbeddedChart.unsaved(this.#ctx, {
        ...this.#data,
        ranges: [...this.#data.ranges],
        options: { ...this.#data.options },
      }),
    );
  }
}

export class EmuEmbeddedChart
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedChart,
      "getChartId" | "getContainerInfo" | "getNumHeaders" | "getOptions" | "getRanges" | "modify"
    >
{
  readonly [SERVICE_NAME] = "EmbeddedChart";
  readonly #ctx: SheetsContext;
  readonly #id: number;
  #pending: ChartData | undefined;

  constructor(ctx: SheetsContext, id: number) {
    super();
    this.#ctx = ctx;
    this.#id = id;
  }

  static unsaved(ctx: SheetsContext, data: ChartData): EmuEmbeddedChart {
    const chart = new EmuEmbeddedChart(ctx, data.id);
    chart.#pending = data;
    return chart;
  }

  static #of(chart: unknown): EmuEmbeddedChart {
    if (!(chart instanceof EmuEmbeddedChart)) throw new AppsScriptError("Invalid argument: chart");
    return chart;
  }

  static insert(ctx: SheetsContext, sheetId: number, chart: unknown): void {
    const emu = EmuEmbeddedChart.#of(chart);
    const data = emu.#pending;
    if (data === undefined) throw new AppsScriptError("This chart is already in the sheet.");
    sheetOf(ctx, sheetId);
    ctx.book.charts.push({ ...data, id: ctx.book.nextObjectId++, sheetId });
  }

  static update(ctx: SheetsContext, chart: unknown): void {
    const emu = EmuEmbeddedChart.#of(chart);
    const data = emu.#pending;
    if (data === undefined || data.id === 0) throw new AppsScriptError("Invalid argument: chart");
    ctx.book.charts = ctx.book.charts.map((c) => (c.id === data.id ? { ...data } : c));
  }

  static remove(ctx: SheetsContext, chart: unknown): void {
    const emu = EmuEmbeddedChart.#of(chart);
    ctx.book.charts = ctx.book.charts.filter((c) => c.id !== emu.#id);
  }

  get #data(): ChartData {
    if (this.#pending !== undefined) return this.#pending;
    const data = this.#ctx.book.charts.find((c) => c.id === this.#id);
    if (data === undefined) throw new AppsScriptError("The chart has been removed.");
    return data;
  }

  getChartId(): number | null {
    return this.#id === 0 ? null : this.#id;
  }

  getRanges(): GasRange[] {
    return this.#data.ranges.map((ref) => upward.range(this.#ctx, { ...ref }));
  }

  getNumHeaders(): number {
    return Number(this.#data.options["numHeaders"] ?? -1);
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = { ...this.#data.options };
    return { get: (option: string) => options[option] ?? null };
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this.#data.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }

  modify(): ChartBuilder {
    const data = this.#data;
    return gas(
      new EmuEmbeddedChartBuilder(this.#ctx, data.sheetId, {
        ...data,
        ranges: [...data.ranges],
        options: { ...data.options },
      }),
    );
  }
}

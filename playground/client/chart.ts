/**
 * A sheet's embedded column and line charts, drawn as SVG from the chart's own cells: categories
 * along the bottom, one colour per series (stacked columns when the chart says so, dashed lines
 * for a series styled so), a legend, and gridlines at round values.
 */

import type { ChartSeriesView, ChartView } from "../protocol";
import { h, svg } from "./dom";

/** Google's chart palette, for series the chart gives no colour. */
const PALETTE = ["#4285f4", "#db4437", "#f4b400", "#0f9d58", "#ab47bc", "#00acc1", "#ff7043"];

function formatValue(value: number, format: ChartView["valueFormat"]): string {
  if (format === "percent") return `${Math.round(value * 100)}%`;
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** A round step for about `ticks` gridlines over `span`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number, ticks: number): number {
  const rough = span / ticks;
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const step of [1, 2, 2.5, 5]) {
    if (step * power >= rough - 1e-12) return step * power;
  }
  return 10 * power;
}

const colourOf = (series: ChartSeriesView, k: number) =>
  series.color ?? PALETTE[k % PALETTE.length]!;

/** The lowest and highest value the axis must show: stacked columns add up per category. */
function valueRange(chart: ChartView): { low: number; high: number } {
  let low = 0;
  let high = chart.valueFormat === "percent" ? 1 : 0;
  chart.categories.forEach((_, i) => {
    let up = 0;
    let down = 0;
    for (const series of chart.series) {
      const value = series.values[i];
      if (value === null || value === undefined) continue;
      if (chart.stacked && chart.kind === "column") {
        if (value >= 0) up += value;
        else down += value;
      } else {
        up = Math.max(up, value);
        down = Math.min(down, value);
      }
    }
    high = Math.max(high, up);
    low = Math.min(low, down);
  });
  return { low, high };
}

function describe(chart: ChartView): string {
  const kind = chart.kind === "line" ? "Line chart" : "Column chart";
  const parts = chart.series.map((series) => {
    const points = chart.categories
      .map((label, i) => {
        const value = series.values[i];
        return value === null || value === undefined
          ? undefined
          : `${label} ${formatValue(value, chart.valueFormat)}`;
      })
      .filter((text) => text !== undefined);
    return `${series.name}: ${points.length === 0 ? "no data" : points.join(", ")}`;
  });
  const title = chart.title === "" ? "" : `: ${chart.title}`;
  return `${kind}${title}. ${chart.categories.length === 0 ? "No data yet." : parts.join("; ")}`;
}

export function drawChart(chart: ChartView): HTMLElement {
  const { width, height } = chart;
  const legendRows = legendLines(chart, width);
  const plot = { left: 56, right: width - 16, top: 40, bottom: height - 44 - 18 * legendRows };
  const { low, high } = valueRange(chart);
  const step = niceStep(high - low, 4);
  const top = Math.ceil(high / step - 1e-9) * step;
  const bottom = Math.floor(low / step + 1e-9) * step;
  const ticks = Math.max(1, Math.round((top - bottom) / step));
  const y = (value: number) =>
    plot.bottom - ((value - bottom) / (top - bottom || 1)) * (plot.bottom - plot.top);

  const graphic = svg("svg", {
    attrs: {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": describe(chart),
    },
  });
  graphic.append(
    svg("text", { className: "chart-title", text: chart.title, attrs: { x: 16, y: 24 } }),
  );
  for (let i = 0; i <= ticks; i++) {
    const value = bottom + step * i;
    const at = y(value);
    graphic.append(
      svg("line", {
        className: Math.abs(value) < 1e-12 ? "chart-axis" : "chart-gridline",
        attrs: { x1: plot.left, x2: plot.right, y1: at, y2: at },
      }),
      svg("text", {
        className: "chart-tick",
        text: formatValue(value, chart.valueFormat),
        attrs: { x: plot.left - 6, y: at + 4, "text-anchor": "end" },
      }),
    );
  }

  const count = Math.max(chart.categories.length, 1);
  const slot = (plot.right - plot.left) / count;
  // Label at most about one category per 60 px, so dates by week stay readable.
  const labelEvery = Math.max(1, Math.ceil(60 / slot));
  chart.categories.forEach((label, i) => {
    if (i % labelEvery !== 0) return;
    graphic.append(
      svg("text", {
        className: "chart-label",
        text: label,
        attrs: { x: plot.left + slot * (i + 0.5), y: plot.bottom + 18, "text-anchor": "middle" },
      }),
    );
  });

  if (chart.kind === "column") drawColumns(graphic, chart, plot, slot, y);
  else drawLines(graphic, chart, plot, slot, y);

  for (const entry of legend(chart, width)) {
    const swatch = entry.dashed
      ? svg("line", {
          attrs: {
            x1: entry.x,
            x2: entry.x + 12,
            y1: entry.y - 4,
            y2: entry.y - 4,
            stroke: entry.color,
            "stroke-width": 2,
            "stroke-dasharray": "3 2",
          },
        })
      : svg("rect", {
          attrs: { x: entry.x, y: entry.y - 9, width: 10, height: 10, fill: entry.color },
        });
    graphic.append(
      swatch,
      svg("text", {
        className: "chart-label",
        text: entry.name,
        attrs: { x: entry.x + 16, y: entry.y, "data-series": entry.name },
      }),
    );
  }

  const figure = h("figure", { className: "chart" }, graphic);
  figure.style.width = `${width}px`;
  figure.style.height = `${height}px`;
  return figure;
}

/** Legend entries, one per series name, laid out left to right and wrapped at the chart's width. */
function legend(chart: ChartView, width: number) {
  const seen = new Set<string>();
  const entries: { name: string; color: string; dashed: boolean; x: number; line: number }[] = [];
  let x = 16;
  let line = 0;
  chart.series.forEach((series, k) => {
    if (seen.has(series.name)) return;
    seen.add(series.name);
    // About 7 px a character at 12 px: enough to keep entries apart without measuring text.
    const entryWidth = 16 + series.name.length * 7 + 16;
    if (x > 16 && x + entryWidth > width - 16) {
      x = 16;
      line++;
    }
    entries.push({ name: series.name, color: colourOf(series, k), dashed: series.dashed, x, line });
    x += entryWidth;
  });
  const lines = entries.length === 0 ? 0 : entries.at(-1)!.line + 1;
  const height = chart.height;
  return entries.map((entry) => ({ ...entry, y: height - 14 - 18 * (lines - 1 - entry.line) }));
}

function legendLines(chart: ChartView, width: number): number {
  const entries = legend(chart, width);
  return entries.length === 0 ? 0 : entries.at(-1)!.line + 1;
}

type Plot = { left: number; right: number; top: number; bottom: number };

function drawColumns(
  graphic: SVGElement,
  chart: ChartView,
  plot: Plot,
  slot: number,
  y: (value: number) => number,
): void {
  const groups = chart.stacked ? 1 : Math.max(chart.series.length, 1);
  const barWidth = (slot * 0.6) / groups;
  chart.categories.forEach((label, i) => {
    let up = 0;
    let down = 0;
    chart.series.forEach((series, k) => {
      const value = series.values[i];
      if (value === null || value === undefined || value === 0) return;
      let from: number;
      let to: number;
      if (chart.stacked) {
        const base = value >= 0 ? up : down;
        from = y(base + Math.max(value, 0));
        to = y(base + Math.min(value, 0));
        if (value >= 0) up += value;
        else down += value;
      } else {
        from = y(Math.max(value, 0));
        to = y(Math.min(value, 0));
      }
      const x = plot.left + slot * i + slot * 0.2 + (chart.stacked ? 0 : barWidth * k);
      graphic.append(
        svg(
          "rect",
          {
            attrs: {
              x,
              y: from,
              width: barWidth,
              height: Math.max(to - from, 0),
              fill: colourOf(series, k),
            },
          },
          svg("title", {
            text: `${label}, ${series.name}: ${formatValue(value, chart.valueFormat)}`,
          }),
        ),
      );
    });
  });
}

function drawLines(
  graphic: SVGElement,
  chart: ChartView,
  plot: Plot,
  slot: number,
  y: (value: number) => number,
): void {
  chart.series.forEach((series, k) => {
    // A gap in the data (a week before the first check-in) breaks the line, as in Sheets.
    let path = "";
    let drawing = false;
    series.values.forEach((value, i) => {
      if (value === null || value === undefined) {
        drawing = false;
        return;
      }
      const x = plot.left + slot * (i + 0.5);
      path += `${drawing ? "L" : "M"}${x.toFixed(1)} ${y(value).toFixed(1)} `;
      drawing = true;
    });
    if (path === "") return;
    graphic.append(
      svg("path", {
        className: "chart-line",
        attrs: {
          d: path.trim(),
          fill: "none",
          stroke: colourOf(series, k),
          "stroke-width": 2,
          ...(series.dashed ? { "stroke-dasharray": "6 4" } : {}),
          "data-series": series.name,
        },
      }),
    );
  });
}

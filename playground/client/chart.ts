/** A column chart of a sheet's embedded chart, drawn as SVG from the chart's own cells. */

import type { ChartView } from "../protocol";
import { h, svg } from "./dom";

const PALETTE = "#4285f4";

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

export function drawColumnChart(chart: ChartView, width: number, height: number): HTMLElement {
  const values = chart.points.map((p) => p.value);
  const high = Math.max(...values, chart.valueFormat === "percent" ? 1 : 0);
  const low = Math.min(...values, 0);
  const step = niceStep(high - low, 4);
  const top = Math.ceil(high / step - 1e-9) * step;
  const bottom = Math.floor(low / step + 1e-9) * step;
  const ticks = Math.round((top - bottom) / step);
  const plot = { left: 56, right: width - 16, top: 40, bottom: height - 44 };
  const y = (value: number) =>
    plot.bottom - ((value - bottom) / (top - bottom)) * (plot.bottom - plot.top);

  const summary = chart.points
    .map((p) => `${p.label} ${formatValue(p.value, chart.valueFormat)}`)
    .join(", ");
  const graphic = svg("svg", {
    attrs: {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": `Column chart${chart.title === "" ? "" : `: ${chart.title}`}. ${summary === "" ? "No data yet." : summary}`,
    },
  });
  graphic.append(
    svg("text", {
      className: "chart-title",
      text: chart.title,
      attrs: { x: 16, y: 24 },
    }),
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
  const slot = (plot.right - plot.left) / Math.max(chart.points.length, 1);
  chart.points.forEach((point, i) => {
    const x = plot.left + slot * i + slot * 0.2;
    const from = y(Math.max(0, Math.min(point.value, top)));
    const to = y(Math.min(0, Math.max(point.value, bottom)));
    graphic.append(
      svg(
        "rect",
        {
          attrs: {
            x,
            y: from,
            width: slot * 0.6,
            height: Math.max(to - from, 0),
            fill: PALETTE,
          },
        },
        svg("title", { text: `${point.label}: ${formatValue(point.value, chart.valueFormat)}` }),
      ),
      svg("text", {
        className: "chart-label",
        text: point.label,
        attrs: { x: x + slot * 0.3, y: plot.bottom + 18, "text-anchor": "middle" },
      }),
    );
  });
  const figure = h("figure", { className: "chart" }, graphic);
  figure.style.width = `${width}px`;
  figure.style.height = `${height}px`;
  return figure;
}

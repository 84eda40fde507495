/**
 * The demo's Dashboard in a real browser: the summary by department and the company goals'
 * weekly trend drawn as native charts from the add-on's functions, both inside a 1,280 px window
 * beside the KPI table. Takes the README's screenshot of it.
 */

import { join } from "node:path";
import type { Page } from "playwright-core";
import { cell, SCREENSHOTS, usePlaygroundPage, VIEWPORT } from "./browser";

const ui = usePlaygroundPage({
  empty: false,
  ready: async (page) => {
    await page.getByRole("tab", { name: "Dashboard" }).click();
    await page.getByRole("grid", { name: "Cells of Dashboard" }).waitFor();
  },
});
let page: Page;
beforeAll(() => {
  page = ui.page;
});

/** The value cells of a block, as the sheet computed them in the emulator. */
function sheetValues(a1: string): string[][] {
  const sheet = ui.playground.session.emulator.spreadsheet.getSheetByName("Dashboard")!;
  return sheet.getRange(a1).getDisplayValues();
}

test("draws the department summary as a stacked column chart of statuses", async () => {
  const chart = page.getByRole("img", { name: /^Column chart: Goals by department and status\./ });
  await expect(chart.count()).resolves.toBe(1);
  const label = (await chart.getAttribute("aria-label")) ?? "";
  // One series per status, each with the departments' counts from KPI_SUMMARY's cells.
  const summary = sheetValues("K21:U40").filter((row) => row[0] !== "");
  const [header, ...rows] = summary;
  expect(header!.slice(0, 3)).toEqual(["Department", "Goals", "Achieved"]);
  const groups = rows.map((row) => row[0]);
  expect(groups).toContain("Marketing");
  expect(groups.at(-1)).toBe("Total");
  for (const status of ["Achieved", "On track", "At risk", "Off track"]) {
    expect(label).toContain(`${status}: `);
  }
  const onTrack = header!.indexOf("On track");
  const marketing = rows.find((row) => row[0] === "Marketing")!;
  expect(label).toContain(`On track: ${groups[0]} ${rows[0]![onTrack]}`);
  expect(Number(marketing[1])).toBeGreaterThan(0);
  await expect(chart.locator("rect[fill='#0f9d58']").count()).resolves.toBeGreaterThan(0);
});

test("draws the company goal's weekly attainment climbing toward its dashed pace line", async () => {
  const chart = page.getByRole("img", { name: /^Line chart: Company goals/ });
  await expect(chart.count()).resolves.toBe(1);
  const trend = sheetValues("W21:X40").filter((row) => row[0] !== "");
  expect(trend[0]![0]).toBe("Date");
  const points = trend.slice(1).map((row) => Number.parseFloat(row[1]!) / 100);
  // Attainment by week since the quarter's start: it only grows (the channels sum up).
  for (let i = 1; i < points.length; i++) expect(points[i]!).toBeGreaterThanOrEqual(points[i - 1]!);
  expect(points.at(-1)!).toBeGreaterThan(points[0]!);
  const lines = chart.locator("path.chart-line");
  await expect(lines.count()).resolves.toBeGreaterThanOrEqual(2);
  const dashed = await lines.evaluateAll((paths) =>
    paths.map((path) => path.getAttribute("stroke-dasharray") !== null),
  );
  expect(dashed).toContain(true);
  expect(dashed).toContain(false);
  await expect(chart.locator("text[data-series='Expected pace']").count()).resolves.toBe(1);
});

test("fits both charts in a 1,280 px window above the KPI table", async () => {
  const boxes = await page.locator("figure.chart").evaluateAll((figures) =>
    figures.map((figure) => {
      const box = figure.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  );
  expect(boxes).toHaveLength(2);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(VIEWPORT.width);
    expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
  }
  const table = await cell(page, "A21").boundingBox();
  expect(Math.max(...boxes.map((box) => box.bottom))).toBeLessThanOrEqual(table!.y);
  await page.screenshot({ path: join(SCREENSHOTS, "dashboard-charts.png") });
});

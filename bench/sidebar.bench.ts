/**
 * The sidebar's weight and how soon it is usable, in the playground (`npm run bench -- sidebar`):
 *
 * - the size of dist/Sidebar.html (its budget is 150 KB, enforced by the build), and gzipped;
 * - time to interactive: from choosing "Open KPI wizard" in the menu to the wizard's first step
 *   shown with the registry loaded (the page's one `sidebarState` call answered), in Chromium,
 *   median of several opens — beside the baseline measured in the same run: the playground's own
 *   menu item "Help" (a round trip to the emulator that shows an alert, no sidebar).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { openBrowser, startTestPlayground } from "../test/browser/browser";

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const html = readFileSync(join(__dirname, "..", "dist", "Sidebar.html"));
  const playground = await startTestPlayground({ empty: false });
  const browser = await openBrowser();
  const page = browser.page;
  try {
    await page.goto(playground.url);
    await page.getByRole("tab").first().waitFor();
    const choose = async (caption: string) => {
      await page.getByRole("menuitem", { name: "SMART KPI" }).click();
      await page.getByRole("menuitem", { name: caption }).click();
    };
    const sidebar: number[] = [];
    const help: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      await choose("Open KPI wizard");
      await page.frameLocator("iframe.sidebar-frame").getByText("Step 1 of 7: Specific").waitFor();
      sidebar.push(performance.now() - start);
      await page.getByRole("button", { name: "Close the sidebar" }).click();

      start = performance.now();
      await choose("Help");
      await page.getByRole("dialog").waitFor();
      help.push(performance.now() - start);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
    }
    const kpis = playground.session.emulator.spreadsheet.getSheetByName("KPIs")!.getLastRow() - 1;
    console.log(
      `dist/Sidebar.html: ${(html.length / 1024).toFixed(1)} KiB (${(gzipSync(html).length / 1024).toFixed(1)} KiB gzipped), budget 150 KiB`,
    );
    console.log(`| measure (median of ${RUNS}, demo workbook, ${kpis} KPIs) | time |`);
    console.log("| --- | --- |");
    console.log(
      `| menu → wizard interactive (sidebar page + sidebarState) | ${median(sidebar).toFixed(0)} ms |`,
    );
    console.log(`| baseline: menu → Help alert shown | ${median(help).toFixed(0)} ms |`);
  } finally {
    await browser.close();
    await playground.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The playground with the demo workbook, in a real browser: the Dashboard computed by the built
 * add-on's KPI_ROLLUP, tabs, the formula bar, the emulated today, the keyboard-operated add-on
 * menu, and axe-core's accessibility check. Also takes the README's screenshots.
 */

import { join } from "node:path";
import type { Page } from "playwright-core";
import { CHANNELS, DEMO_TODAY, demoCheckins } from "../../playground/demoData";
import { MENU_ITEMS } from "../../src/server/menu";
import {
  cell,
  rowTexts,
  rowWith,
  SCREENSHOTS,
  seriousAxeViolations,
  usePlaygroundPage,
} from "./browser";

const ui = usePlaygroundPage({ empty: false });
let page: Page;
beforeAll(() => {
  page = ui.page;
});

/** What the demo logged for a KPI up to a day: the rollup's input, summed independently. */
function loggedSum(id: string, upTo = DEMO_TODAY): number {
  return demoCheckins()
    .filter((row) => row["KPI ID"] === id && String(row["Date"]) <= upTo)
    .reduce((sum, row) => sum + Number(row["Value"]), 0);
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
/** The Dashboard's Actual and Target format: thousands separators, two decimals. */
const amount = (value: number) =>
  value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Dashboard columns: ID, Name, Department, Owner, Actual, Target, Attainment, Expected, Status. */
async function dashboardRow(id: string): Promise<{
  actual: string;
  target: string;
  attainment: string;
  expected: string;
  status: string;
}> {
  const texts = await rowTexts(page, await rowWith(page, id));
  return {
    actual: texts[4] ?? "",
    target: texts[5] ?? "",
    attainment: texts[6] ?? "",
    expected: texts[7] ?? "",
    status: texts[8] ?? "",
  };
}

async function showSheet(name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("grid", { name: `Cells of ${name}` }).waitFor();
}

test("opens on the Dashboard among the tabs the add-on's setup created", async () => {
  const tabs = page.getByRole("tab");
  await expect(tabs.allTextContents()).resolves.toEqual([
    "KPIs",
    "Check-ins",
    "Settings",
    "Dashboard",
    "Alerts",
  ]);
  await expect(
    page.getByRole("tab", { name: "Dashboard" }).getAttribute("aria-selected"),
  ).resolves.toBe("true");
  await expect(cell(page, "A1").textContent()).resolves.toBe("SMART KPI dashboard");
  await expect(page.locator("th.column-header").first().textContent()).resolves.toBe("A");
  await expect(page.locator("th.row-header").first().textContent()).resolves.toBe("1");
  await expect(page.getByRole("menuitem", { name: "SMART KPI" }).isVisible()).resolves.toBe(true);
});

test("shows the Dashboard's KPI_ROLLUP computed from the demo's check-ins", async () => {
  const channels = CHANNELS.map((channel) => loggedSum(channel.id));
  for (const [i, channel] of CHANNELS.entries()) {
    const row = await dashboardRow(channel.id);
    expect(row.actual).toBe(amount(channels[i]!));
    expect(row.target).toBe(amount((10_000_000 * channel.weight) / 10));
    expect(row.attainment).toBe(percent(channels[i]! / ((10_000_000 * channel.weight) / 10)));
  }
  // The company goal has no check-ins of its own: its actual is the sum of its channels'.
  const company = channels.reduce((a, b) => a + b, 0);
  const row = await dashboardRow("KPI-0001");
  expect(row).toEqual({
    actual: amount(company),
    target: "10,000,000.00",
    attainment: percent(company / 10_000_000),
    expected: "100%",
    status: "On track",
  });
  await expect((await dashboardRow("KPI-0010")).actual).toBe(amount(loggedSum("KPI-0010")));
});

test("colours each status as the add-on's conditional format rules say", async () => {
  const statusCells = page.locator("table.grid tbody tr td:nth-of-type(9)");
  const seen = await statusCells.evaluateAll((cells) =>
    cells
      .slice(21)
      .filter((cell) => cell.textContent !== "")
      .map((cell) => [cell.textContent ?? "", getComputedStyle(cell).backgroundColor] as const),
  );
  const colours: Record<string, string> = {
    Achieved: "rgb(183, 225, 205)",
    "On track": "rgb(183, 225, 205)",
    "At risk": "rgb(252, 232, 178)",
    "Off track": "rgb(244, 199, 195)",
    Missed: "rgb(244, 199, 195)",
    "No data": "rgb(232, 234, 237)",
  };
  for (const [status, background] of seen)
    expect([status, background]).toEqual([status, colours[status]]);
  // The demo's channels are ahead of, on, behind and far behind their targets.
  for (const status of ["Achieved", "On track", "At risk", "Off track"]) {
    expect(seen.map(([s]) => s)).toContain(status);
  }
  await page.screenshot({ path: join(SCREENSHOTS, "playground-dashboard.png") });
});

test("shows the selected cell's formula in the formula bar and moves with the arrow keys", async () => {
  await cell(page, "A21").click();
  await expect(page.locator("#name-box").textContent()).resolves.toBe("A21");
  await expect(page.locator("#formula").inputValue()).resolves.toMatch(
    /^=KPI_ROLLUP\(ARRAYFORMULA\(IF\(ISERROR\(KPIs!A1:/,
  );
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#name-box").textContent()).resolves.toBe("B22");
  await expect(page.locator("#formula").inputValue()).resolves.toBe(
    "Sell 10,000,000 NTD across all channels in Q1",
  );
  await expect(page.getByRole("grid").getAttribute("aria-activedescendant")).resolves.toBe(
    "cell-22-2",
  );
});

test("switches sheets with the tabs, by mouse and by arrow keys", async () => {
  await showSheet("KPIs");
  await expect(cell(page, "A1").textContent()).resolves.toBe("ID");
  await expect(cell(page, "B2").textContent()).resolves.toBe(
    "Sell 10,000,000 NTD across all channels in Q1",
  );
  // KPI_SPLIT in the first channel's Target spills the 4:3:2:1 split into the others.
  const targetColumn = (await rowTexts(page, 1)).indexOf("Target") + 1;
  const targets = [];
  for (let row = 3; row <= 6; row++) {
    targets.push(await page.locator(`#cell-${row}-${targetColumn}`).textContent());
  }
  expect(targets).toEqual(["4000000", "3000000", "2000000", "1000000"]);
  await expect(page.locator("tr.frozen-edge th").textContent()).resolves.toBe("1");
  await page.screenshot({ path: join(SCREENSHOTS, "playground-kpis.png") });

  await page.getByRole("tab", { name: "KPIs" }).press("ArrowRight");
  const checkins = page.getByRole("tab", { name: "Check-ins" });
  await expect(checkins.getAttribute("aria-selected")).resolves.toBe("true");
  await expect(checkins.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
  await expect(cell(page, "B1").textContent()).resolves.toBe("KPI ID");
  await expect(page.locator("table.grid tbody tr").count()).resolves.toBeGreaterThan(
    demoCheckins().length,
  );
  await page.keyboard.press("End");
  await expect(
    page.getByRole("tab", { name: "Alerts" }).getAttribute("aria-selected"),
  ).resolves.toBe("true");
  await showSheet("Dashboard");
});

test("operates the add-on menu with the keyboard, focus visible", async () => {
  // A fresh page: the first Tab goes to the first control, the add-on's menu.
  await page.reload();
  await page.getByRole("tab", { name: "Dashboard" }).waitFor();
  await page.keyboard.press("Tab");
  const button = page.getByRole("menuitem", { name: "SMART KPI" });
  await expect(button.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
  await expect(button.evaluate((node) => getComputedStyle(node).outlineStyle)).resolves.not.toBe(
    "none",
  );

  const captions = MENU_ITEMS.flatMap((item) => (item === null ? [] : [item.caption]));
  const [first, second] = captions;
  const last = captions[captions.length - 1];
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
  await page.keyboard.press("Enter");
  await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
  await expect(focused()).resolves.toBe(first);
  await page.keyboard.press("ArrowDown");
  await expect(focused()).resolves.toBe(second);
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowUp");
  await expect(focused()).resolves.toBe(last);
  await page.keyboard.press("ArrowDown");
  await expect(focused()).resolves.toBe(first);
  await page.keyboard.press("End");
  await expect(focused()).resolves.toBe(last);
  await page.keyboard.press("Escape");
  await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
  await expect(focused()).resolves.toBe("SMART KPI");

  // ArrowUp opens the menu on its last item; typing a letter moves to the next item starting
  // with it; Enter runs it — here the add-on's showHelp, which shows an alert.
  await page.keyboard.press("ArrowUp");
  await expect(focused()).resolves.toBe(last);
  await page.keyboard.press("h");
  await expect(focused()).resolves.toBe("Help");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "SMART KPI help" });
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain('Choose "Set up KPI sheets"');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "hidden" });
  await expect(focused()).resolves.toBe("SMART KPI");
});

test("has no serious or critical axe-core violations, menu open or closed", async () => {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole("menuitem", { name: "SMART KPI" }).click();
  await page.getByRole("menu").waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
});

test("recomputes actuals, pace and the as-of date when today changes", async () => {
  await expect(page.getByLabel("Today").inputValue()).resolves.toBe(DEMO_TODAY);
  await page.getByLabel("Today").fill("2026-02-15");
  await page.getByRole("button", { name: "Set today" }).click();
  // The "running" notice may still show for a moment after the click: wait for it to go.
  await page.locator("#running").waitFor({ state: "hidden" });
  await page.waitForFunction(
    () => document.querySelector("#cell-2-2")?.textContent === "2026-02-15",
  );

  const channels = CHANNELS.map((channel) => loggedSum(channel.id, "2026-02-15"));
  const company = channels.reduce((a, b) => a + b, 0);
  expect(company).toBeLessThan(CHANNELS.map((c) => loggedSum(c.id)).reduce((a, b) => a + b, 0));
  const row = await dashboardRow("KPI-0001");
  expect(row.actual).toBe(amount(company));
  expect(row.attainment).toBe(percent(company / 10_000_000));
  // 45 of the quarter's 89 days have passed on 15 February.
  expect(row.expected).toBe(percent(45 / 89));

  await showSheet("Settings");
  await expect(rowTexts(page, await rowWith(page, "As of"))).resolves.toEqual(
    expect.arrayContaining(["2026-02-15"]),
  );
  await showSheet("Dashboard");
});

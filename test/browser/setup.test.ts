/**
 * The playground from an empty spreadsheet, in a real browser: the add-on's menu runs the real
 * setupSheets of dist/Code.js, the grid shows what it built, its toasts appear, and the workbook
 * is saved after every action.
 */

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { MENU_ITEMS } from "../../src/server/menu";
import { cell, usePlaygroundPage } from "./browser";

const ui = usePlaygroundPage({ empty: true });
let page: Page;
beforeAll(() => {
  page = ui.page;
});

const tabNames = () => page.getByRole("tab").allTextContents();

async function runMenuItem(caption: string): Promise<void> {
  await page.getByRole("menuitem", { name: "SMART KPI" }).click();
  await page.getByRole("menuitem", { name: caption }).click();
  await page.locator("#running").waitFor({ state: "hidden" });
}

test("starts from one empty sheet with the menu the add-on's onOpen built", async () => {
  await expect(tabNames()).resolves.toEqual(["Sheet1"]);
  await expect(cell(page, "A1").textContent()).resolves.toBe("");
  await page.getByRole("menuitem", { name: "SMART KPI" }).click();
  await expect(page.getByRole("menu").getByRole("menuitem").allTextContents()).resolves.toEqual(
    MENU_ITEMS.flatMap((item) => (item === null ? [] : [item.caption])),
  );
  await expect(page.getByRole("menu").getByRole("separator").count()).resolves.toBe(
    MENU_ITEMS.filter((item) => item === null).length,
  );
  await page.keyboard.press("Escape");
});

test('"Set up KPI sheets" creates the sheets, shows its toast and saves the workbook', async () => {
  await runMenuItem("Set up KPI sheets");
  await expect(tabNames()).resolves.toEqual([
    "Sheet1",
    "KPIs",
    "Check-ins",
    "Settings",
    "Dashboard",
    "Alerts",
  ]);
  // The toast the add-on showed in the emulator, on the page.
  const shown = ui.playground.session.emulator.ui.toasts.at(-1);
  expect(shown?.message).toContain('"KPIs"');
  const toast = page.locator(".toast").last();
  await expect(toast.locator(".toast-title").textContent()).resolves.toBe(shown?.title);
  await expect(toast.locator(".toast-message").textContent()).resolves.toBe(shown?.message);

  await page.getByRole("tab", { name: "KPIs" }).click();
  await expect(cell(page, "A1").textContent()).resolves.toBe("ID");
  await expect(
    cell(page, "A1").evaluate((node) => getComputedStyle(node).fontWeight),
  ).resolves.toBe("700");
  await page.getByRole("tab", { name: "Dashboard" }).click();
  await expect(cell(page, "A1").textContent()).resolves.toBe("SMART KPI dashboard");
  await expect(cell(page, "A21").textContent()).resolves.toBe("ID");
  await expect(cell(page, "I21").textContent()).resolves.toBe("Status");

  const saved = JSON.parse(readFileSync(ui.playground.workbookPath, "utf8")) as {
    spreadsheet: { sheets: { name: string }[] };
  };
  expect(saved.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual([
    "Sheet1",
    "KPIs",
    "Check-ins",
    "Settings",
    "Dashboard",
    "Alerts",
  ]);
});

test("running setup again changes nothing and says so", async () => {
  await page.locator(".toast-close").evaluateAll((buttons) => {
    for (const button of buttons) (button as HTMLButtonElement).click();
  });
  await runMenuItem("Set up KPI sheets");
  await expect(page.locator(".toast-message").last().textContent()).resolves.toMatch(
    /already set up/,
  );
  await expect(tabNames()).resolves.toEqual([
    "Sheet1",
    "KPIs",
    "Check-ins",
    "Settings",
    "Dashboard",
    "Alerts",
  ]);
});

test("escapes what the cells hold: typed markup shows as text", async () => {
  ui.playground.session.emulator.spreadsheet
    .getSheetByName("Sheet1")!
    .getRange("A1")
    .setValue("<img src=x onerror=\"document.title='owned'\">");
  await page.reload();
  await page.getByRole("tab", { name: "Sheet1" }).click();
  await expect(cell(page, "A1").textContent()).resolves.toBe(
    "<img src=x onerror=\"document.title='owned'\">",
  );
  await expect(page.locator("table.grid img").count()).resolves.toBe(0);
  await expect(page.title()).resolves.not.toBe("owned");
});

test("resets to an empty workbook after confirming", async () => {
  await page.getByRole("button", { name: "Reset workbook" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset the workbook?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(tabNames()).resolves.toHaveLength(6);

  await page.getByRole("button", { name: "Reset workbook" }).click();
  await dialog.getByRole("button", { name: "Reset" }).click();
  await page.waitForFunction(() => document.querySelectorAll("[role=tab]").length === 1);
  await expect(tabNames()).resolves.toEqual(["Sheet1"]);
});

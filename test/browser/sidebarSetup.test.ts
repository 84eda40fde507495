/**
 * The sidebar in a spreadsheet without the KPI sheets: it offers to set them up, and then shows
 * the wizard over the new, empty registry.
 */

import type { Page } from "playwright-core";
import { usePlaygroundPage } from "./browser";

const ui = usePlaygroundPage({ empty: true });
let page: Page;
beforeAll(() => {
  page = ui.page;
});

test("offers to set up the KPI sheets, then opens the wizard", async () => {
  await page.getByRole("menuitem", { name: "SMART KPI" }).click();
  await page.getByRole("menuitem", { name: "Open KPI wizard" }).click();
  const frame = page.frameLocator("iframe.sidebar-frame");
  await frame.getByRole("heading", { name: "Set up the KPI sheets first" }).waitFor();
  const button = frame.getByRole("button", { name: "Set up KPI sheets" });
  await button.focus();
  await page.keyboard.press("Enter");
  await frame.getByText("Step 1 of 7: Specific").waitFor();
  // The grid redrew after the call: the new sheets are there.
  await page.getByRole("tab", { name: "KPIs" }).waitFor();
  expect(ui.browser.pageErrors).toEqual([]);
}, 60_000);

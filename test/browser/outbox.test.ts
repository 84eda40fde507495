/**
 * The daily check's e-mails in a real browser: the playground's Outbox after moving Today past
 * the demo's due dates and choosing "Run the check now", and a digest naming a goal
 * `<script>alert(1)</script>` rendered by Chromium as plain text (no script runs, no dialog).
 * Takes the README's screenshots of a digest.
 */

import { join } from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS, usePlaygroundPage } from "./browser";

const SCRIPT_NAME = "<script>alert(1)</script>";

const ui = usePlaygroundPage({
  empty: false,
  // A goal whose name is a script: typed by a user, it must reach every e-mail as text.
  prepare: (playground) => {
    const kpis = playground.session.emulator.spreadsheet.getSheetByName("KPIs")!;
    const values = kpis.getDataRange().getValues();
    const header = values[0]!;
    const row = values.findIndex((cells) => cells[header.indexOf("ID")] === "KPI-0011");
    kpis.getRange(row + 1, header.indexOf("Name") + 1).setValue(SCRIPT_NAME);
  },
  ready: (page) => page.getByRole("tab", { name: "Dashboard" }).waitFor(),
});
let page: Page;
beforeAll(() => {
  page = ui.page;
});

test("moving Today past the due dates and running the check fills the Outbox with Missed digests", async () => {
  await page.locator("#today").fill("2026-04-01");
  await page.getByRole("button", { name: "Set today" }).click();
  await page.locator("#running").waitFor({ state: "hidden" });
  await page.getByRole("menuitem", { name: "SMART KPI" }).click();
  await page.getByRole("menuitem", { name: "Run the check now" }).click();
  await page
    .getByText(/graded \d+ goals/)
    .first()
    .waitFor();

  await page.locator("#outbox-button").click();
  const items = page.locator(".outbox-item");
  await items.first().waitFor();
  const subjects = await page.locator(".outbox-item-subject").allTextContents();
  expect(subjects.some((subject) => subject.includes("goals missed"))).toBe(true);
  const sent = ui.playground.session.emulator.outbox;
  expect(await items.count()).toBe(sent.length);

  const dan = page.locator(".outbox-item", { hasText: "dan@example.com" });
  await dan.click();
  const frame = page.frameLocator(".outbox-html");
  await frame.getByText("Visit 100 manufacturing customers").waitFor();
  await expect(frame.getByText(SCRIPT_NAME).count()).resolves.toBe(1);
  await page.screenshot({ path: join(SCREENSHOTS, "digest-outbox.png") });
});

test("a digest naming a goal <script>alert(1)</script> renders it as text in Chromium", async () => {
  const mail = ui.playground.session.emulator.outbox.find((m) =>
    m.htmlBody?.includes("&lt;script&gt;"),
  );
  expect(mail).toBeDefined();
  expect(mail!.htmlBody).not.toContain(SCRIPT_NAME);
  // The HTML as a mail client would show it, outside any sandbox: scripts would run here.
  const view = await ui.browser.context.newPage();
  const dialogs: string[] = [];
  view.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await view.setViewportSize({ width: 720, height: 640 });
  await view.setContent(mail!.htmlBody!, { waitUntil: "load" });
  await expect(view.locator("script").count()).resolves.toBe(0);
  await expect(view.getByText(SCRIPT_NAME).count()).resolves.toBe(1);
  expect(dialogs).toEqual([]);
  await view.screenshot({ path: join(SCREENSHOTS, "digest-email.png"), fullPage: true });
  await view.close();
});

test("the trigger fires from the page once the daily check is on", async () => {
  const before = ui.playground.session.emulator.outbox.length;
  await page.getByRole("menuitem", { name: "SMART KPI" }).click();
  await page.getByRole("menuitem", { name: "Turn daily check on/off" }).click();
  await page
    .getByRole("dialog")
    .getByText(/The daily check is OFF/)
    .waitFor();
  await page.getByRole("dialog").getByRole("button").first().click();
  expect(ui.playground.session.emulator.triggers.list()).toHaveLength(1);
  await page.locator("#today").fill("2026-04-20");
  await page.getByRole("button", { name: "Set today" }).click();
  await page.locator("#running").waitFor({ state: "hidden" });
  await page.locator("#fire-trigger").click();
  await page.locator("#running").waitFor({ state: "hidden" });
  // Two weeks on, the reminders of the missed goals are due again: the trigger sent them.
  await page.getByRole("heading", { name: /Outbox \(\d+\)/ }).waitFor();
  expect(ui.playground.session.emulator.outbox.length).toBeGreaterThan(before);
});

/**
 * The sidebar in the playground, in Chromium: the menu opens the real dist/Sidebar.html beside
 * the grid, its google.script.run reaches the endpoints of dist/Code.js in the emulator, and the
 * grid shows what they wrote. Driven by the keyboard (focus, typing, Enter and Space); axe-core
 * checks every step. Takes the README's screenshots of the sidebar.
 */

import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { SCREENSHOTS, seriousAxeViolations, usePlaygroundPage } from "./browser";

const requests: string[] = [];
const dialogs: string[] = [];
const ui = usePlaygroundPage({
  empty: false,
  watch: (page) => {
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  },
});
let page: Page;
beforeAll(() => {
  page = ui.page;
});

afterEach(() => {
  expect(dialogs).toEqual([]);
  // Nothing but the playground itself is ever asked for (no CDN, no injected image).
  expect(requests.filter((url) => !url.startsWith(ui.playground.url))).toEqual([]);
});

async function openFromMenu(caption: string): Promise<Frame> {
  const menu = page.getByRole("menuitem", { name: "SMART KPI" });
  await menu.focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: caption });
  await item.focus();
  await page.keyboard.press("Enter");
  await page.locator("#running").waitFor({ state: "hidden" });
  const handle = await page.locator("iframe.sidebar-frame").elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.locator("h2").first().waitFor();
  return frame!;
}

/** Keyboard only: focus the control, then Enter (buttons) or Space (checkboxes). */
async function press(frame: Frame, name: string | RegExp, key: "Enter" | "Space" = "Enter") {
  const control =
    key === "Space"
      ? frame.getByRole("checkbox", { name, exact: true })
      : frame.getByRole("button", { name, exact: true });
  await control.focus();
  await page.keyboard.press(key);
}

async function type(frame: Frame, label: string | RegExp, text: string) {
  const input = frame.getByLabel(label, { exact: typeof label === "string" });
  await input.focus();
  await input.fill(text);
}

async function shoot(name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `sidebar-${name}.png`) });
}

function kpiRows() {
  return ui.playground.session.emulator.spreadsheet
    .getSheetByName("KPIs")!
    .getDataRange()
    .getValues();
}

test("the whole wizard splits a goal 4:3:2:1 across four people into five linked rows", async () => {
  const frame = await openFromMenu("Open KPI wizard");
  const feedback = (letter: string) => frame.getByTestId(`feedback-${letter}`);
  expect(await seriousAxeViolations(frame)).toEqual([]);

  await type(frame, "Name: what, how many, for whom", "Build good customer relationships");
  await expect(feedback("S").textContent()).resolves.toMatch(/^Specific: fails/);
  await type(frame, "Name: what, how many, for whom", "Visit 100 manufacturing customers");
  await expect(feedback("S").textContent()).resolves.toBe("Specific: passes");
  await type(frame, "Name: what, how many, for whom", "Increase community orders");
  await type(frame, "Owner (e-mail)", "amy@example.com");
  await shoot("specific");
  await press(frame, "Next");

  await type(frame, "Unit", "orders");
  await type(frame, "Target", "1000");
  await expect(feedback("M").textContent()).resolves.toBe("Measurable: passes");
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await press(frame, "Next");
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await press(frame, "Next");

  // Relevant: the registry as a tree, filtered by typing.
  await type(frame, "Type to filter by ID or name", "community");
  await expect(frame.getByRole("radio", { name: /KPI-0003/ }).count()).resolves.toBe(1);
  const parent = frame.getByRole("radio", { name: /KPI-0001/ });
  await parent.focus();
  await page.keyboard.press("Space");
  await expect(feedback("R").textContent()).resolves.toBe("Relevant: passes");
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await shoot("relevant");
  await press(frame, "Next");

  // Time-bound fails until a due date after the start is set.
  await expect(feedback("T").textContent()).resolves.toMatch(/^Time-bound: fails/);
  await type(frame, "Start", "2026-04-01");
  await expect(feedback("T").textContent()).resolves.toMatch(/^Time-bound: fails/);
  await type(frame, "Due", "2026-03-01");
  await expect(feedback("T").textContent()).resolves.toMatch(/^Time-bound: fails/);
  await type(frame, "Due", "2026-06-30");
  await expect(feedback("T").textContent()).resolves.toBe("Time-bound: passes");
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await press(frame, "Next");

  await press(frame, "Split the target into parts", "Space");
  await expect(frame.getByLabel("Split by").inputValue()).resolves.toBe("Person");
  await press(frame, "Add a part");
  await press(frame, "Add a part");
  const people = ["Amy", "Ben", "Cara", "Dan"];
  for (const [i, weight] of ["4", "3", "2", "1"].entries()) {
    await frame.locator(`#part-${i}-label`).fill(people[i]!);
    await frame.locator(`#part-${i}-weight`).fill(weight);
  }
  await expect(frame.getByTestId("split-sum").textContent()).resolves.toBe(
    "Parts add up to 1000 of 1000 orders.",
  );
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await shoot("split");
  await press(frame, "Next");

  await expect(frame.locator("table.review tbody tr").count()).resolves.toBe(5);
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await shoot("review");
  const before = kpiRows().length;
  await press(frame, "Create");
  await frame.getByText(/^Created KPI-/).waitFor();

  const rows = kpiRows();
  expect(rows.length).toBe(before + 5);
  const added = rows.slice(-5);
  const ids = added.map((row) => String(row[0]));
  expect(new Set(ids).size).toBe(5);
  expect(ids.every((id) => /^KPI-\d{4}$/.test(id))).toBe(true);
  expect(added[0]![1]).toBe("Increase community orders");
  expect(added.slice(1).map((row) => row[5])).toEqual(Array(4).fill(ids[0]));
  expect(added.slice(1).map((row) => row[12])).toEqual([400, 300, 200, 100]);
  expect(added.slice(1).map((row) => String(row[1]).split(" — ")[1])).toEqual(people);
  // The grid shows them too: the page redrew after the call.
  await page.getByRole("tab", { name: "KPIs" }).click();
  await expect(
    page.locator("table.grid").getByText(ids[4]!, { exact: true }).count(),
  ).resolves.toBe(1);
}, 90_000);

test("a KPI named like a formula is stored as text; one named like HTML shows as text", async () => {
  for (const name of ['=IMPORTXML("http://x","//a")', "<img src=x onerror=alert(1)>"]) {
    const frame = await openFromMenu("Open KPI wizard");
    await type(frame, "Name: what, how many, for whom", name);
    for (let step = 0; step < 6; step++) await press(frame, "Next");
    await press(frame, "Create");
    await frame.getByText(/^Created KPI-/).waitFor();
    await expect(
      frame.locator("table.review td").getByText(name, { exact: true }).count(),
    ).resolves.toBe(1);
    await expect(frame.locator("img").count()).resolves.toBe(0);
  }
  const sheet = ui.playground.session.emulator.spreadsheet.getSheetByName("KPIs")!;
  const last = sheet.getLastRow();
  expect(
    sheet
      .getRange(last - 1, 2, 2, 1)
      .getValues()
      .flat(),
  ).toEqual(['=IMPORTXML("http://x","//a")', "<img src=x onerror=alert(1)>"]);
  expect(
    sheet
      .getRange(last - 1, 2, 2, 1)
      .getFormulas()
      .flat(),
  ).toEqual(["", ""]);
  await page.getByRole("tab", { name: "KPIs" }).click();
  await expect(
    page.locator("table.grid").getByText("<img src=x onerror=alert(1)>").count(),
  ).resolves.toBe(1);
  await expect(page.locator("table.grid img").count()).resolves.toBe(0);
}, 90_000);

test("logging a check-in changes the Dashboard and shows the goal's new actual", async () => {
  const dashboard = () =>
    ui.playground.session.emulator.spreadsheet
      .getSheetByName("Dashboard")!
      .getDataRange()
      .getDisplayValues();
  const before = dashboard();
  const frame = await openFromMenu("Log a check-in");
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await type(frame, "Find a goal by ID or name", "KPI-0008");
  // The search leaves one goal; the keyboard picks it from the list.
  await frame.getByLabel(/^Goal/).focus();
  await page.keyboard.press("ArrowDown");
  await expect(frame.getByLabel(/^Goal/).inputValue()).resolves.toBe("KPI-0008");
  await type(frame, "Value", "25");
  await type(frame, "Note (optional)", "Coupon orders");
  await shoot("checkin");
  await press(frame, "Save check-in");
  await frame.getByText(/^Saved\. KPI-0008 now: actual/).waitFor();
  expect(await seriousAxeViolations(frame)).toEqual([]);
  expect(dashboard()).not.toEqual(before);
  await page.getByRole("tab", { name: "Dashboard" }).click();
}, 90_000);

test("planning the next cycle of the marketing goal creates five linked copies", async () => {
  const frame = await openFromMenu("Plan the next cycle");
  await press(frame, "Also copy the goals under them", "Space");
  for (const id of ["KPI-0001", "KPI-0002", "KPI-0003", "KPI-0004", "KPI-0005"]) {
    const box = frame.getByRole("checkbox", { name: new RegExp(id) });
    await box.focus();
    await page.keyboard.press("Space");
  }
  await expect(frame.getByTestId("cycle-count").textContent()).resolves.toBe(
    "5 goals will be copied.",
  );
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await shoot("cycle");
  const before = kpiRows().length;
  await press(frame, "Create copies");
  await frame.getByText(/^Created 5 copies/).waitFor();
  const added = kpiRows().slice(before);
  expect(added).toHaveLength(5);
  expect(added.slice(1).map((row) => row[5])).toEqual(Array(4).fill(added[0]![0]));
}, 90_000);

test("the marketing template fills the steps and creates the goal split by channel", async () => {
  const frame = await openFromMenu("Open KPI wizard");
  const picker = frame.getByLabel("Start from a template (optional)");
  await picker.focus();
  await page.keyboard.press("ArrowDown");
  await expect(picker.inputValue()).resolves.toBe("marketing");
  await press(frame, "Use template");
  await expect(frame.getByLabel("Name: what, how many, for whom").inputValue()).resolves.toBe(
    "Reach 10,000,000 NTD in sales across four channels",
  );
  for (let step = 0; step < 6; step++) await press(frame, "Next");
  await expect(frame.locator("table.review tbody tr").count()).resolves.toBe(5);
  const before = kpiRows().length;
  await press(frame, "Create");
  await frame.getByText(/^Created KPI-/).waitFor();
  const added = kpiRows().slice(before);
  expect(added.map((row) => [row[7], row[12]])).toEqual([
    ["", 10_000_000],
    ["", 4_000_000],
    ["", 3_000_000],
    ["", 2_000_000],
    ["", 1_000_000],
  ]);
  expect(added.slice(1).map((row) => String(row[1]).split(" — ")[1])).toEqual([
    "SEO",
    "Community",
    "Events",
    "KOL",
  ]);
}, 90_000);

test("editing a goal rewrites its row under the same SMART feedback", async () => {
  const frame = await openFromMenu("Open KPI wizard");
  await press(frame, "Edit");
  await type(frame, "Find a goal by ID or name", "KPI-0010");
  await frame.getByLabel(/^Goal/).focus();
  await page.keyboard.press("ArrowDown");
  await expect(frame.getByLabel("Name: what, how many, for whom").inputValue()).resolves.toBe(
    "Visit 100 manufacturing customers",
  );
  await type(
    frame,
    "Name: what, how many, for whom",
    "Visit 120 manufacturing customers in Taoyuan",
  );
  await type(frame, "Target", "120");
  expect(await seriousAxeViolations(frame)).toEqual([]);
  await shoot("edit");
  await press(frame, "Save changes");
  await frame.getByText("Saved KPI-0010.").waitFor();
  const row = kpiRows().find((cells) => cells[0] === "KPI-0010")!;
  expect([row[1], row[12]]).toEqual(["Visit 120 manufacturing customers in Taoyuan", 120]);
}, 90_000);

test("google.script.run in the playground refuses a Date argument as Google does", async () => {
  const frame = await openFromMenu("Log a check-in");
  const message = await frame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } })
          .google.script.run;
        const withFailure = run["withFailureHandler"] as (
          f: (e: Error) => void,
        ) => Record<string, unknown>;
        const runner = withFailure((error) => resolve(error.message));
        (runner["logCheckin"] as (payload: unknown) => void)({ date: new Date() });
      }),
  );
  expect(message).toBe("Failed due to illegal value in property: 0");
}, 90_000);

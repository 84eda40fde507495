/**
 * Editing the playground's cells as in Sheets, with the keyboard alone: a check-in typed row by row
 * (its KPI ID picked from the dropdown) moves the Dashboard; a custom function typed in a cell
 * spills; an error cell explains itself; a pasted block can be undone and redone; deleting a row
 * moves the references below it; a rejecting validation rule shows Sheets' warning. Also takes the
 * README's screenshot of typing a check-in.
 */

import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEMO_TODAY, demoCheckins } from "../../playground/demoData";
import {
  cell,
  rowTexts,
  rowWith,
  SCREENSHOTS,
  seriousAxeViolations,
  startTestPlayground,
  usePlaygroundPage,
} from "./browser";

// Every edit is a round trip through the emulator and a redraw: these tests type a lot.
jest.setTimeout(90_000);

const ui = usePlaygroundPage({ empty: false });
let page: Page;
beforeAll(() => {
  page = ui.page;
});

/** Switches sheets with the keyboard: focus the tab and press Enter, then focus the grid. */
async function openSheet(name: string): Promise<void> {
  await page.getByRole("tab", { name }).focus();
  await page.keyboard.press("Enter");
  const grid = page.getByRole("grid", { name: `Cells of ${name}` });
  await grid.waitFor();
  await grid.focus();
}

/** Waits until the page has drawn the server's answer to the last action. */
async function settled(): Promise<void> {
  await page.locator("#running").waitFor({ state: "hidden" });
  await page.waitForFunction(() => document.body.getAttribute("aria-busy") === null);
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/**
 * Walks to a cell with the keyboard as a user would — Ctrl+Home, then right and down — and checks
 * that the name box shows it. Columns A–Z.
 */
async function walkTo(a1: string): Promise<void> {
  const [, letter, row] = /^([A-Z])(\d+)$/.exec(a1)!;
  await press("Control+Home");
  for (let i = 0; i < letter!.charCodeAt(0) - 65; i++) await press("ArrowRight");
  for (let i = 1; i < Number(row); i++) await press("ArrowDown");
  await expect(page.locator("#name-box").textContent()).resolves.toBe(a1);
}

/** The numbers a row shows, whatever their format ("77", "77.00", "1,234"). */
const numbersIn = async (row: number) =>
  (await rowTexts(page, row)).map((text) => Number(text.replace(/,/g, ""))).filter(Number.isFinite);

const loggedSum = (id: string) =>
  demoCheckins()
    .filter((row) => row["KPI ID"] === id && String(row["Date"]) <= DEMO_TODAY)
    .reduce((sum, row) => sum + Number(row["Value"]), 0);

test("types a check-in row, picking the KPI ID from the dropdown, and the Dashboard and the KPIs sheet move", async () => {
  const before = loggedSum("KPI-0010");
  await openSheet("Dashboard");
  const dashboardRow = await rowWith(page, "KPI-0010");
  await expect(numbersIn(dashboardRow)).resolves.toContain(before);

  await openSheet("Check-ins");
  // Ctrl+Home, Ctrl+Down to the last check-in, Down to the first empty row, as in Sheets.
  await press("Control+Home", "Control+ArrowDown", "ArrowDown");
  const row = demoCheckins().length + 2;
  await expect(page.locator("#name-box").textContent()).resolves.toBe(`A${row}`);

  await page.keyboard.type(DEMO_TODAY);
  await press("Tab");
  await settled();
  await expect(page.locator("#name-box").textContent()).resolves.toBe(`B${row}`);
  // The list opens when the cell's choices arrive from the server and scrolls itself into view;
  // typing the rest once it is open makes the screenshot the same whichever comes first.
  await page.keyboard.type("K");
  const choices = page.getByRole("listbox", { name: "Choices" });
  await choices.waitFor();
  await page.keyboard.type("PI-001");
  await expect(choices.getByRole("option").allTextContents()).resolves.toEqual(
    expect.arrayContaining(["KPI-0010", "KPI-0011"]),
  );
  await press("ArrowDown");
  await expect(
    page.getByRole("option", { name: "KPI-0010" }).getAttribute("aria-selected"),
  ).resolves.toBe("true");
  await page.screenshot({ path: join(SCREENSHOTS, "playground-typing.png") });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await press("Tab");
  await settled();
  await page.keyboard.type("5");
  await press("Enter");
  await settled();

  await expect(rowTexts(page, row)).resolves.toEqual(
    expect.arrayContaining([DEMO_TODAY, "KPI-0010", "5"]),
  );
  await openSheet("Dashboard");
  await expect(numbersIn(dashboardRow)).resolves.toContain(before + 5);

  // The KPIs sheet's computed columns are the daily check's to write: run it now, by keyboard,
  // and KPI-0010's Actual there counts the typed check-in too.
  await page.getByRole("menuitem", { name: "SMART KPI" }).focus();
  await press("Enter");
  await page.getByRole("menuitem", { name: "Run the check now" }).focus();
  await press("Enter");
  await settled();
  await openSheet("KPIs");
  await expect(numbersIn(await rowWith(page, "KPI-0010"))).resolves.toContain(before + 5);
});

test("a custom function typed in a cell spills its parts", async () => {
  await openSheet("Settings");
  await walkTo("F2");
  await page.keyboard.type("=KPI_SPLIT(10000000, {4;3;2;1})");
  await press("Enter");
  await settled();
  const parts = await Promise.all(
    ["F2", "F3", "F4", "F5"].map((a1) => cell(page, a1).textContent()),
  );
  expect(parts).toEqual(["4000000", "3000000", "2000000", "1000000"]);
  await press("ArrowUp");
  await expect(page.locator("#formula").inputValue()).resolves.toBe(
    "=KPI_SPLIT(10000000, {4;3;2;1})",
  );
});

test("an error cell shows its message when selected, as Sheets' tooltip does", async () => {
  await openSheet("Settings");
  await walkTo("G2");
  await page.keyboard.type("=KPI_PACE(DATE(2026,3,1), DATE(2026,1,1))");
  await press("Enter", "ArrowUp");
  await settled();
  await expect(cell(page, "G2").textContent()).resolves.toBe("#ERROR!");
  const tooltip = page.getByRole("tooltip");
  await tooltip.waitFor();
  await expect(tooltip.textContent()).resolves.toMatch(/KPI_PACE: .*before start 2026-03-01/);
  await expect(page.getByRole("grid").getAttribute("aria-describedby")).resolves.toBe(
    "cell-tooltip",
  );
  expect(await seriousAxeViolations(page)).toEqual([]);
});

async function pasteText(text: string): Promise<void> {
  await page.getByRole("grid").evaluate((grid, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    grid.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
  }, text);
  await settled();
}

const block = async () =>
  Promise.all(
    ["J2", "K2", "L2", "J3", "K3", "L3", "J4", "K4", "L4"].map((a1) =>
      cell(page, a1).textContent(),
    ),
  );

test("pastes a 3×3 block at the selection; Ctrl+Z takes it back and Ctrl+Y puts it again", async () => {
  await openSheet("Settings");
  await walkTo("J2");
  await pasteText("1\t2\t3\n4\t5%\t6\n=J2+K3\tx\t2026-01-31\n");
  // As the grid shows them: the percentage kept, the formula computed, the date as typed.
  const pasted = ["1", "2", "3", "4", "5%", "6", "1.05", "x", "2026-01-31"];
  await expect(block()).resolves.toEqual(pasted);
  await expect(page.locator("#name-box").textContent()).resolves.toBe("J2:L4");
  await expect(page.getByRole("button", { name: "Undo" }).isEnabled()).resolves.toBe(true);

  await press("Control+z");
  await settled();
  await expect(block()).resolves.toEqual(["", "", "", "", "", "", "", "", ""]);
  await press("Control+y");
  await settled();
  await expect(block()).resolves.toEqual(pasted);

  // Delete clears the selected range.
  await press("Delete");
  await settled();
  await expect(block()).resolves.toEqual(["", "", "", "", "", "", "", "", ""]);
});

test("deleting a row from the row menu moves the references below it", async () => {
  await openSheet("Settings");
  await walkTo("H2");
  for (const entry of ["1", "2", "3", "", "=H4*10"]) {
    if (entry === "") await press("ArrowDown");
    else {
      await page.keyboard.type(entry);
      await press("Enter");
      await settled();
    }
  }
  await expect(cell(page, "H6").textContent()).resolves.toBe("30");
  await walkTo("H3");
  await press("Shift+F10");
  const menu = page.getByRole("menu", { name: "Row" });
  await expect(menu.getByRole("menuitem").allTextContents()).resolves.toEqual([
    "Insert 1 row above",
    "Insert 1 row below",
    "Delete row 3",
  ]);
  await press("End", "Enter");
  await settled();
  await expect(cell(page, "H5").textContent()).resolves.toBe("30");
  await cell(page, "H5").click();
  await expect(page.locator("#formula").inputValue()).resolves.toBe("=H3*10");
});

test("a rejecting validation rule shows Sheets' warning and keeps the cell", async () => {
  const app = ui.playground.session.emulator.services("FULL").SpreadsheetApp;
  const rule = app.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).build();
  app.getActive().getSheetByName("Settings")!.getRange("M2").setDataValidation(rule);
  await page.reload();
  await openSheet("Settings");
  await walkTo("M2");
  await page.keyboard.type("42");
  await press("Enter");
  const dialog = page.getByRole("dialog", { name: "There was a problem" });
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain(
    "The data you entered in cell M2 violates the data validation rules set on this cell.",
  );
  await press("Enter");
  await dialog.waitFor({ state: "hidden" });
  await expect(cell(page, "M2").textContent()).resolves.toBe("");
});

test('"Set up KPI sheets" on an empty workbook lands on the KPIs sheet', async () => {
  const empty = await startTestPlayground({ empty: true });
  try {
    await page.goto(empty.url);
    await page.getByRole("tab", { name: "Sheet1" }).waitFor();
    await page.getByRole("menuitem", { name: "SMART KPI" }).focus();
    await press("Enter");
    await page.getByRole("menuitem", { name: "Set up KPI sheets" }).focus();
    await press("Enter");
    await settled();
    await expect(
      page.getByRole("tab", { name: "KPIs" }).getAttribute("aria-selected"),
    ).resolves.toBe("true");
    await expect(cell(page, "A1").textContent()).resolves.toBe("ID");
  } finally {
    await empty.stop();
  }
});

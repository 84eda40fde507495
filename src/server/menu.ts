/**
 * The add-on menu (SPEC §6). `onOpen` may run in AuthMode.NONE, where only the UI's menu calls
 * work (PLATFORM "Triggers"): it builds the menu and touches nothing else, in every mode.
 *
 * Every item names a top-level global that src/main.ts exports; every item of SPEC §6 is there,
 * in its order, each backed by its feature.
 */

import { spreadsheetUi } from "../adapters/spreadsheet";
import { AS_OF_NAME, SHEET_NAMES } from "./workbook";

/** Caption and global function name of each item, in menu order; `null` is a separator. */
export const MENU_ITEMS: readonly ({ readonly caption: string; readonly fn: string } | null)[] = [
  { caption: "Open KPI wizard", fn: "openKpiWizard" },
  { caption: "Log a check-in", fn: "openCheckin" },
  { caption: "Plan the next cycle", fn: "openNextCycle" },
  { caption: "Set up KPI sheets", fn: "setupSheets" },
  { caption: "Run the check now", fn: "runDailyCheck" },
  { caption: "Turn daily check on/off", fn: "toggleDailyCheck" },
  null,
  { caption: "Help", fn: "showHelp" },
];

/**
 * Builds the SMART KPI menu when the spreadsheet opens.
 *
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event; in AuthMode.NONE only the menu may be built.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  const menu = spreadsheetUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.fn);
  }
  menu.addToUi();
}

/**
 * Runs when the add-on is installed from inside a spreadsheet: builds the menu at once.
 *
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The help text: plain text in an alert, so nothing in it is read as HTML. */
export const HELP_TEXT = [
  `1. Choose "Set up KPI sheets". It creates ${Object.values(SHEET_NAMES)
    .map((name) => `"${name}"`)
    .join(
      ", ",
    )}, or adds whatever is missing from them. Running it again never deletes, moves or overwrites anything, and you may rename the sheets, move columns and add your own.`,
  `2. List your goals in "${SHEET_NAMES.kpis}", one row each: ID, Name, Owner, Target, Start and Due at least. Parent links a goal to the goal it serves; Weight sets its share of the parent.`,
  `3. Log progress in "${SHEET_NAMES.checkins}": Date, KPI ID and Value. Each KPI's Aggregation (Sum, Average, Last, Max, Min, Count) says how its check-ins combine.`,
  `4. "${SHEET_NAMES.dashboard}" shows every KPI's actual, attainment, expected pace and status as of the date in ${AS_OF_NAME} on "${SHEET_NAMES.settings}"; set a past date there to re-grade a past period.`,
  "Formulas you can use anywhere: KPI_ROLLUP, KPI_ATTAINMENT, KPI_PACE, KPI_STATUS, KPI_SPLIT and KPI_SMART. Type one in a cell to see its help.",
].join("\n\n");

/** Shows what the add-on does and how to start. */
export function showHelp(): void {
  const ui = spreadsheetUi();
  ui.alert("SMART KPI help", HELP_TEXT, ui.ButtonSet.OK);
}

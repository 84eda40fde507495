/**
 * The add-on menu as Sheets builds it: onOpen in the emulator's auth modes, with every item
 * pointing at a top-level function of the built dist/Code.js.
 */

import { HELP_TEXT, MENU_ITEMS } from "../../src/server/menu";
import { emulated } from "./emulated";

const EXPECTED_ITEMS = [
  { caption: "Open KPI wizard", functionName: "openKpiWizard" },
  { caption: "Log a check-in", functionName: "openCheckin" },
  { caption: "Plan the next cycle", functionName: "openNextCycle" },
  { caption: "Set up KPI sheets", functionName: "setupSheets" },
  { caption: "Run the check now", functionName: "runDailyCheck" },
  { caption: "Turn daily check on/off", functionName: "toggleDailyCheck" },
  { separator: true },
  { caption: "Help", functionName: "showHelp" },
];

/** The only service calls building the menu takes. */
const MENU_CALLS = {
  "Menu.addItem": 7,
  "Menu.addSeparator": 1,
  "Menu.addToUi": 1,
  "SpreadsheetApp.getUi": 1,
  "Ui.createAddonMenu": 1,
};

describe("onOpen", () => {
  it("builds the add-on menu in AuthMode.NONE and calls nothing but the menu", () => {
    const { emu, addOn } = emulated();

    addOn.open("NONE");

    expect(emu.ui.menus.map((menu) => [menu.addOn, menu.items])).toEqual([[true, EXPECTED_ITEMS]]);
    expect(emu.calls.byMethod()).toEqual(MENU_CALLS);
  });

  it("builds the same menu, touching nothing else, when the add-on is in use", () => {
    const { emu, addOn } = emulated();

    addOn.open("LIMITED");

    expect(emu.ui.menus.map((menu) => menu.items)).toEqual([EXPECTED_ITEMS]);
    expect(emu.calls.byMethod()).toEqual(MENU_CALLS);
  });

  it("builds the menu right after installation", () => {
    const { emu, addOn } = emulated();

    addOn.install();

    expect(emu.ui.menus.map((menu) => menu.items)).toEqual([EXPECTED_ITEMS]);
  });

  it("points every item at a top-level function of the built script", () => {
    const { addOn } = emulated();
    const functions = MENU_ITEMS.flatMap((item) => (item === null ? [] : [item.fn]));
    expect(functions.filter((name) => !addOn.functionNames.includes(name))).toEqual([]);
  });
});

describe("showHelp", () => {
  it("shows the help text in a plain-text alert", () => {
    const { emu, addOn } = emulated();

    addOn.run("showHelp");

    expect(emu.ui.alerts.map((alert) => [alert.title, alert.prompt, alert.buttons])).toEqual([
      ["SMART KPI help", HELP_TEXT, "OK"],
    ]);
    expect(HELP_TEXT).toContain("Set up KPI sheets");
    expect(HELP_TEXT).toContain("KPI_AS_OF");
  });
});

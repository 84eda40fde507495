import { createEmulator } from "../../emulator";

function setUp() {
  const emu = createEmulator({ now: "2026-01-01T00:00:00Z" });
  const globals = emu.services("FULL");
  return { emu, ui: globals.SpreadsheetApp.getUi(), globals };
}

describe("the spreadsheet's UI as scripts use it", () => {
  it("records add-on menus, with sub-menus, the last one added winning", () => {
    const { emu, ui } = setUp();
    ui.createAddonMenu().addItem("Old", "old").addToUi();
    const sub = ui.createMenu("Daily check").addItem("Turn on", "turnOn");
    ui.createAddonMenu()
      .addItem("Open KPI wizard", "openWizard")
      .addSeparator()
      .addSubMenu(sub)
      .addToUi();
    expect(emu.ui.menu()).toEqual({
      caption: "SMART KPI",
      addOn: true,
      user: "user@example.com",
      items: [
        { caption: "Open KPI wizard", functionName: "openWizard" },
        { separator: true },
        {
          subMenu: {
            caption: "Daily check",
            addOn: false,
            user: "user@example.com",
            items: [{ caption: "Turn on", functionName: "turnOn" }],
          },
        },
      ],
    });
  });

  it("alerts and prompts take the answers the test queued, else the first button", () => {
    const { emu, ui } = setUp();
    emu.ui.respond("NO");
    emu.ui.respond("OK", "KPI-0003");
    expect(String(ui.alert("Delete?", "Really delete?", ui.ButtonSet.YES_NO))).toBe("NO");
    const answer = ui.prompt("Which KPI?", ui.ButtonSet.OK_CANCEL);
    expect([String(answer.getSelectedButton()), answer.getResponseText()]).toEqual([
      "OK",
      "KPI-0003",
    ]);
    expect(String(ui.alert("Done"))).toBe("OK");
    expect(emu.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.response])).toEqual([
      ["alert", "Delete?", "Really delete?", "NO"],
      ["prompt", "", "Which KPI?", "OK"],
      ["alert", "", "Done", "OK"],
    ]);
  });

  it("records sidebars, dialogs and toasts", () => {
    const { emu, ui, globals } = setUp();
    const page = globals.HtmlService.createHtmlOutput("<h1>Hi</h1>")
      .setTitle("SMART KPI")
      .setWidth(300);
    ui.showSidebar(page);
    ui.showModalDialog(globals.HtmlService.createHtmlOutput("<p>Help</p>").setHeight(200), "Help");
    globals.SpreadsheetApp.getActive().toast("3 KPIs created", "SMART KPI", 5);
    expect(emu.ui.sidebar).toEqual({
      title: "SMART KPI",
      html: "<h1>Hi</h1>",
      user: "user@example.com",
    });
    expect(emu.ui.dialogs[0]).toMatchObject({
      title: "Help",
      html: "<p>Help</p>",
      modal: true,
      height: 200,
    });
    expect(emu.ui.toasts).toEqual([
      {
        message: "3 KPIs created",
        title: "SMART KPI",
        timeoutSeconds: 5,
        at: new Date("2026-01-01T00:00:00Z"),
      },
    ]);
  });

  it("a missing HTML file is an Apps Script error", () => {
    const { globals } = setUp();
    expect(() => globals.HtmlService.createHtmlOutputFromFile("Nope")).toThrow(
      "No HTML file named Nope was found.",
    );
  });
});

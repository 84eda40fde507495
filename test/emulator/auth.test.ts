import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEmulator, loadAddOn } from "../../emulator";

const SCRIPT = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem("Open KPI wizard", "openWizard").addSeparator().addToUi();
  Logger.log("mode %s", e.authMode);
  return Utilities.formatDate(new Date(0), "UTC", "yyyy");
}
function touch(what) {
  switch (what) {
    case "spreadsheet": return SpreadsheetApp.getActive().getName();
    case "properties": return PropertiesService.getDocumentProperties().getProperty("x");
    case "setProperty": PropertiesService.getDocumentProperties().setProperty("x", "1"); return "set";
    case "mail": return MailApp.getRemainingDailyQuota();
    case "triggers": return ScriptApp.getProjectTriggers().length;
    case "ui": SpreadsheetApp.getUi(); return "ui";
    case "write": SpreadsheetApp.getActive().getSheets()[0].getRange("A1").setValue(1); return "written";
    case "insert": SpreadsheetApp.getActive().getSheets()[0].insertRowsAfter(1, 1); return "inserted";
    case "read": return SpreadsheetApp.getActive().getSheets()[0].getRange("A1:B2").getValues().length;
    case "zone": return SpreadsheetApp.getActive().getSpreadsheetTimeZone() + " " + Session.getScriptTimeZone();
    case "format": return Utilities.formatDate(new Date(0), "Asia/Tokyo", "HH:mm");
    case "user": return Session.getActiveUser().getEmail();
    case "lock": return LockService.getDocumentLock().tryLock(1);
    case "sidebar": SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("<p>hi</p>")); return "shown";
    case "open": return SpreadsheetApp.openById(SpreadsheetApp.getActive().getId()).getName();
    case "effective": return Session.getEffectiveUser().getEmail();
    case "send": MailApp.sendEmail("bob@example.com", "s", "b"); return "sent";
  }
}
`;

const AUTH = "https://www.googleapis.com/auth/";
/** A manifest granting every scope these tests touch (explicit: the repo's may change). */
const ALL_SCOPES = {
  oauthScopes: [
    `${AUTH}spreadsheets.currentonly`,
    `${AUTH}script.container.ui`,
    `${AUTH}script.send_mail`,
    `${AUTH}script.scriptapp`,
    `${AUTH}userinfo.email`,
  ],
};

function setUp(manifest: { oauthScopes?: string[] } = ALL_SCOPES) {
  const emu = createEmulator({ timeZone: "Pacific/Auckland", user: "ann@example.com" });
  return { emu, addOn: loadAddOn(SCRIPT, emu, { manifest }) };
}

function without(scope: string) {
  return { oauthScopes: ALL_SCOPES.oauthScopes.filter((s) => s !== `${AUTH}${scope}`) };
}

const SHEETS_SCOPES =
  "Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)";

describe("AuthMode.NONE (onOpen of an add-on not yet used in the document)", () => {
  it("allows Logger, Utilities and building the add-on menu", () => {
    const { emu, addOn } = setUp();
    expect(addOn.open("NONE")).toBe("1970");
    expect(emu.ui.menu()?.items).toEqual([
      { caption: "Open KPI wizard", functionName: "openWizard" },
      { separator: true },
    ]);
    expect(emu.logs.map((l) => l.message)).toEqual(["mode NONE"]);
  });

  it("throws Apps Script's permission error for the spreadsheet, properties and mail", () => {
    const { addOn } = setUp();
    const none = { authMode: "NONE" as const };
    expect(() => addOn.run("touch", ["spreadsheet"], none)).toThrow(
      `You do not have permission to call SpreadsheetApp.getActive. ${SHEETS_SCOPES}`,
    );
    expect(() => addOn.run("touch", ["properties"], none)).toThrow(
      "You do not have permission to call PropertiesService.getDocumentProperties.",
    );
    expect(() => addOn.run("touch", ["mail"], none)).toThrow(
      "You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail",
    );
    expect(() => addOn.run("touch", ["user"], none)).toThrow(
      "You do not have permission to call Session.getActiveUser.",
    );
  });

  it("the error reaches the script as an Error named Exception", () => {
    const emu = createEmulator();
    const addOn = loadAddOn(
      `function probe() { try { SpreadsheetApp.getActive(); } catch (e) { return [e instanceof Error, e.name]; } }`,
      emu,
    );
    expect(addOn.run("probe", [], { authMode: "NONE" })).toEqual([true, "Exception"]);
  });
});

describe("AuthMode.LIMITED (simple triggers)", () => {
  it("reads and writes the bound spreadsheet but may not send mail or manage triggers", () => {
    const { addOn } = setUp();
    const limited = { authMode: "LIMITED" as const };
    expect(addOn.run("touch", ["write"], limited)).toBe("written");
    expect(addOn.run("touch", ["properties"], limited)).toBeNull();
    expect(() => addOn.run("touch", ["mail"], limited)).toThrow(
      "You do not have permission to call MailApp.getRemainingDailyQuota.",
    );
    expect(() => addOn.run("touch", ["triggers"], limited)).toThrow(
      "You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp",
    );
  });
});

describe("AuthMode.LIMITED refuses what Google refuses in a simple trigger", () => {
  it("may not show a sidebar", () => {
    const { emu, addOn } = setUp();
    expect(() => addOn.run("touch", ["sidebar"], { authMode: "LIMITED" })).toThrow(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${AUTH}script.container.ui`,
    );
    expect(emu.ui.sidebars).toHaveLength(0);
    expect(addOn.run("touch", ["sidebar"])).toBe("shown");
  });

  it("does not learn the user's address", () => {
    const { addOn } = setUp();
    expect(addOn.run("touch", ["user"], { authMode: "LIMITED" })).toBe("");
    expect(addOn.run("touch", ["effective"], { authMode: "LIMITED" })).toBe("");
    expect(addOn.run("touch", ["user"])).toBe("ann@example.com");
  });
});

describe("the manifest's OAuth scopes", () => {
  it("without userinfo.email, Session.getActiveUser is refused with Google's message", () => {
    const { addOn } = setUp(without("userinfo.email"));
    expect(() => addOn.run("touch", ["user"])).toThrow(
      `You do not have permission to call Session.getActiveUser. Required permissions: ${AUTH}userinfo.email`,
    );
    expect(() => addOn.run("touch", ["effective"])).toThrow(
      "You do not have permission to call Session.getEffectiveUser.",
    );
  });

  it("openById needs the full spreadsheets scope; currentonly is not enough", () => {
    const { addOn } = setUp();
    expect(() => addOn.run("touch", ["open"])).toThrow(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets`,
    );
    const full = setUp({ oauthScopes: [...ALL_SCOPES.oauthScopes, `${AUTH}spreadsheets`] });
    expect(full.addOn.run("touch", ["open"])).toBe("Untitled spreadsheet");
  });

  it("without a spreadsheets scope the document is refused, either scope naming both", () => {
    const { addOn } = setUp(without("spreadsheets.currentonly"));
    expect(() => addOn.run("touch", ["spreadsheet"])).toThrow(
      `You do not have permission to call SpreadsheetApp.getActive. ${SHEETS_SCOPES}`,
    );
    const full = setUp({
      oauthScopes: [...without("spreadsheets.currentonly").oauthScopes, `${AUTH}spreadsheets`],
    });
    expect(full.addOn.run("touch", ["spreadsheet"])).toBe("Untitled spreadsheet");
  });

  it("mail, triggers and dialogs each need their own scope", () => {
    expect(() => setUp(without("script.send_mail")).addOn.run("touch", ["send"])).toThrow(
      `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
    );
    expect(() => setUp(without("script.send_mail")).addOn.run("touch", ["mail"])).toThrow(
      "You do not have permission to call MailApp.getRemainingDailyQuota.",
    );
    expect(() => setUp(without("script.scriptapp")).addOn.run("touch", ["triggers"])).toThrow(
      `You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: ${AUTH}script.scriptapp`,
    );
    expect(() => setUp(without("script.container.ui")).addOn.run("touch", ["sidebar"])).toThrow(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${AUTH}script.container.ui`,
    );
  });

  it("building the add-on menu needs no scope, as in AuthMode.NONE", () => {
    const { emu, addOn } = setUp({ oauthScopes: [] });
    expect(addOn.open("NONE")).toBe("1970");
    expect(emu.ui.menu()?.items).toHaveLength(2);
  });

  it("a manifest without oauthScopes has them inferred: nothing is refused for want of one", () => {
    const { addOn } = setUp({});
    expect(addOn.run("touch", ["user"])).toBe("ann@example.com");
  });

  it("is read from a file when given a path", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "manifest-"));
    const file = path.join(dir, "appsscript.json");
    writeFileSync(file, JSON.stringify(without("userinfo.email")));
    const emu = createEmulator();
    const addOn = loadAddOn(SCRIPT, emu, { manifest: file });
    expect(() => addOn.run("touch", ["user"])).toThrow("Session.getActiveUser");
  });
});

describe("AuthMode.CUSTOM_FUNCTION", () => {
  it("reads the spreadsheet, its zone and formats dates", () => {
    const { addOn } = setUp();
    expect(addOn.callCustomFunction("touch", ["read"])).toBe(2);
    expect(addOn.callCustomFunction("touch", ["zone"])).toBe("Pacific/Auckland Etc/UTC");
    expect(addOn.callCustomFunction("touch", ["format"])).toBe("09:00");
    expect(addOn.callCustomFunction("touch", ["lock"])).toBe(true);
  });

  it("may not write, insert, show UI, send mail, manage triggers or set properties", () => {
    const { addOn } = setUp();
    expect(() => addOn.callCustomFunction("touch", ["write"])).toThrow(
      "You do not have permission to call setValue",
    );
    expect(() => addOn.callCustomFunction("touch", ["insert"])).toThrow(
      "You do not have permission to call insertRowsAfter",
    );
    expect(() => addOn.callCustomFunction("touch", ["ui"])).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
    expect(() => addOn.callCustomFunction("touch", ["mail"])).toThrow(
      "You do not have permission to call MailApp.getRemainingDailyQuota.",
    );
    expect(() => addOn.callCustomFunction("touch", ["triggers"])).toThrow(
      "You do not have permission to call ScriptApp.getProjectTriggers.",
    );
    expect(() => addOn.callCustomFunction("touch", ["setProperty"])).toThrow(
      "You do not have permission to call setProperty",
    );
  });

  it("does not learn the active user's address", () => {
    const { addOn } = setUp();
    expect(addOn.callCustomFunction("touch", ["user"])).toBe("");
    expect(addOn.run("touch", ["user"])).toBe("ann@example.com");
  });
});

describe("AuthMode.FULL", () => {
  it("allows everything the add-on uses", () => {
    const { addOn } = setUp();
    for (const what of [
      "spreadsheet",
      "setProperty",
      "mail",
      "triggers",
      "ui",
      "write",
      "insert",
      "lock",
    ]) {
      expect(() => addOn.run("touch", [what])).not.toThrow();
    }
  });
});

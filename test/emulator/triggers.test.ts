import { createEmulator, loadAddOn } from "../../emulator";

const SCRIPT = `
function turnOn(hour) {
  PropertiesService.getUserProperties().setProperty("id", SpreadsheetApp.getActive().getId());
  return ScriptApp.newTrigger("dailyCheck").timeBased().atHour(hour).everyDays(1).create().getUniqueId();
}
function turnOff() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
  return ScriptApp.getProjectTriggers().length;
}
function everyMinute() { ScriptApp.newTrigger("dailyCheck").timeBased().everyMinutes(5).create(); }
function list() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())];
  });
}
function dailyCheck(e) {
  // A time-driven trigger has no active document: it opens the file by the ID kept for it.
  var id = PropertiesService.getUserProperties().getProperty("id");
  var sheet = SpreadsheetApp.openById(id).getSheets()[0];
  sheet.appendRow([new Date(), Session.getActiveUser().getEmail(), e.authMode, e.triggerUid]);
  if (PropertiesService.getDocumentProperties().getProperty("fail") === "yes") throw new Error("check failed");
}
`;

function setUp() {
  const emu = createEmulator({
    now: "2026-03-02T00:00:00Z",
    user: "ann@example.com",
    timeZone: "Pacific/Auckland",
    scriptTimeZone: "Pacific/Auckland",
  });
  // Explicit scopes (with userinfo.email for getActiveUser): the repo's manifest may change.
  // `spreadsheets`, not `.currentonly`: the trigger opens its file by ID.
  const manifest = {
    oauthScopes: ["spreadsheets", "script.scriptapp", "userinfo.email"].map(
      (scope) => `https://www.googleapis.com/auth/${scope}`,
    ),
  };
  return { emu, addOn: loadAddOn(SCRIPT, emu, { manifest }) };
}

describe("time-driven triggers of an add-on", () => {
  it("are installed by the script and listed for the user who created them", () => {
    const { emu, addOn } = setUp();
    addOn.run("turnOn", [8]);
    expect(addOn.run("list")).toEqual([["dailyCheck", "CLOCK", "CLOCK"]]);
    expect(emu.triggers.list()[0]).toMatchObject({
      handler: "dailyCheck",
      atHour: 8,
      everyDays: 1,
      user: "ann@example.com",
    });
    expect(addOn.run("list", [], { user: "bob@example.com" })).toEqual([]);
  });

  it("allow one time-based trigger per user per document, at most hourly", () => {
    const { addOn } = setUp();
    addOn.run("turnOn", [8]);
    expect(() => addOn.run("turnOn", [9])).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    expect(addOn.run("turnOn", [9], { user: "bob@example.com" })).toEqual(expect.any(String));
    expect(() => addOn.run("everyMinute", [], { user: "cy@example.com" })).toThrow(
      "more often than once an hour",
    );
    expect(addOn.run("turnOff")).toBe(0);
  });

  it("fire at their hour in the script's zone, as their creator, in AuthMode.FULL", () => {
    const { emu, addOn } = setUp();
    const uid = addOn.run("turnOn", [8]) as string;
    emu.user = "someone.else@example.com";
    const runs = addOn.runDueTriggers("2026-03-04T00:00:00Z");
    // 08:00 in Auckland (UTC+13 until April) is 19:00 UTC the day before.
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      "2026-03-02T19:00:00.000Z",
      "2026-03-03T19:00:00.000Z",
    ]);
    const rows = emu.spreadsheet.getSheets()[0]!.getRange("A1:D2").getValues();
    expect(rows.map((r) => [(r[0] as Date).toISOString(), r[1], r[2], r[3]])).toEqual([
      // appendRow reads the uid's digits as a number, as Sheets reads typed text.
      ["2026-03-02T19:00:00.000Z", "ann@example.com", "FULL", Number(uid)],
      ["2026-03-03T19:00:00.000Z", "ann@example.com", "FULL", Number(uid)],
    ]);
    expect(emu.now().toISOString()).toBe("2026-03-04T00:00:00.000Z");
  });

  it("a failing run is recorded and the next day still runs", () => {
    const { emu, addOn } = setUp();
    addOn.run("turnOn", [8]);
    emu.properties.document.set("fail", "yes");
    const runs = addOn.runDueTriggers("2026-03-04T00:00:00Z");
    expect(runs.map((r) => r.error?.message)).toEqual(["check failed", "check failed"]);
  });

  it("follow the zone's daylight-saving change", () => {
    const { addOn } = setUp();
    addOn.run("turnOn", [8]);
    const runs = addOn.runDueTriggers("2026-04-07T00:00:00Z");
    const last = runs.slice(-4).map((r) => r.at.toISOString());
    // Auckland leaves daylight time at 03:00 on 5 April 2026: 08:00 moves from 19:00 to 20:00 UTC.
    expect(last).toEqual([
      "2026-04-03T19:00:00.000Z",
      "2026-04-04T20:00:00.000Z",
      "2026-04-05T20:00:00.000Z",
      "2026-04-06T20:00:00.000Z",
    ]);
  });
});

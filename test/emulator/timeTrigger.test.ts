/**
 * What the daily check needs the emulator to be honest about: an add-on's time trigger runs
 * outside any document, sends take time, a trigger's hour is read in its own zone, and an
 * execution can be stopped at any service call.
 */

import { createEmulator, loadAddOn } from "../../emulator";

const SCRIPT = `
function install(hour, zone) {
  return ScriptApp.newTrigger("probe").timeBased().atHour(hour).everyDays(1).inTimezone(zone).create().getUniqueId();
}
function probe(e) {
  var seen = { uid: e && e.triggerUid, active: SpreadsheetApp.getActive(), lock: LockService.getDocumentLock() };
  try { SpreadsheetApp.getUi(); seen.ui = "shown"; } catch (error) { seen.ui = error.message; }
  seen.name = SpreadsheetApp.openById(PropertiesService.getUserProperties().getProperty("id")).getName();
  seen.scriptLock = LockService.getScriptLock().tryLock(1000);
  PropertiesService.getUserProperties().setProperty("seen", JSON.stringify(seen));
}
function remember() { PropertiesService.getUserProperties().setProperty("id", SpreadsheetApp.getActive().getId()); }
function openOther() { return SpreadsheetApp.getActive() !== null; }
function send(n) {
  var start = Date.now();
  for (var i = 0; i < n; i++) MailApp.sendEmail({ to: "bob@example.com", subject: "s" + i, body: "b" });
  return Date.now() - start;
}
function writeThree() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  var done = 0;
  for (var i = 1; i <= 3; i++) {
    try { sheet.getRange(i, 1).setValue(i); done++; } catch (error) { /* a script may catch it */ }
  }
  return done;
}
`;

function setUp(options: { timeZone?: string; mailSendMs?: number } = {}) {
  const emu = createEmulator({
    timeZone: options.timeZone ?? "Asia/Taipei",
    now: "2026-03-02T20:00:00Z",
    user: "ann@example.com",
    ...(options.mailSendMs === undefined ? {} : { mailSendMs: options.mailSendMs }),
  });
  emu.spreadsheet.rename("Team goals");
  return { emu, addOn: loadAddOn(SCRIPT, emu) };
}

describe("an add-on's time-driven trigger", () => {
  it("runs with no active spreadsheet, no UI and no document lock, and opens its file by ID", () => {
    const { emu, addOn } = setUp();
    addOn.run("remember");
    const uid = addOn.run("install", [8, "Asia/Taipei"]) as string;

    addOn.runTrigger(uid);

    const seen = JSON.parse(emu.properties.user("ann@example.com").get("seen") ?? "{}");
    expect(seen).toEqual({
      uid,
      active: null,
      lock: null,
      ui: "Cannot call SpreadsheetApp.getUi() from this context.",
      name: "Team goals",
      scriptLock: true,
    });
  });

  it("keeps the active spreadsheet in every other execution", () => {
    const { addOn } = setUp();
    expect(addOn.run("openOther")).toBe(true);
  });

  it("fires at its hour in the zone it was given, not the script's", () => {
    const { addOn } = setUp();
    addOn.run("remember");
    addOn.run("install", [8, "Asia/Taipei"]);
    const runs = addOn.runDueTriggers("2026-03-03T23:00:00Z");
    // 08:00 in Taipei (UTC+8) is midnight UTC.
    expect(runs.map((run) => run.at.toISOString())).toEqual(["2026-03-03T00:00:00.000Z"]);
    expect(runs[0]!.error).toBeUndefined();
  });
});

describe("MailApp send time", () => {
  it("moves the virtual clock by the configured time per send", () => {
    const { emu, addOn } = setUp({ mailSendMs: 300 });
    const before = emu.nowMs();
    expect(addOn.run("send", [4])).toBe(1_200);
    expect(emu.nowMs() - before).toBe(1_200);
  });

  it("takes no time unless configured", () => {
    const { addOn } = setUp();
    expect(addOn.run("send", [3])).toBe(0);
  });
});

describe("killAt", () => {
  it("stops an execution at the chosen call: later calls fail even when the script catches", () => {
    const { emu, addOn } = setUp();
    // Calls: getActive, getSheets, then getRange/setValue pairs; the 5th is the second getRange.
    emu.killAt(5);
    expect(addOn.run("writeThree")).toBe(1);
    expect(emu.killed).toBe(true);
    expect(emu.spreadsheet.getSheets()[0]!.getRange(1, 1, 3, 1).getValues()).toEqual([
      [1],
      [""],
      [""],
    ]);
  });

  it("leaves the next execution alone", () => {
    const { emu, addOn } = setUp();
    emu.killAt(3);
    addOn.run("writeThree");
    expect(addOn.run("writeThree")).toBe(3);
  });

  it("does nothing when the execution makes fewer calls", () => {
    const { emu, addOn } = setUp();
    const disarm = emu.killAt(1_000);
    expect(addOn.run("writeThree")).toBe(3);
    expect(emu.killed).toBe(false);
    disarm();
  });
});

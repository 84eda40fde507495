/**
 * Turning the daily check on and off from the menu: one time-driven trigger per user and
 * document, at the Settings hour in the spreadsheet's zone; the trigger run opens the file by
 * the ID stored with it (an add-on's time trigger has no active document).
 */

import { wallClock } from "../../emulator/timezone";
import { goal, sentTo, USER, type Workbook, workbook, ZONE } from "./dailyCheck.fixture";

function toggle(book: Workbook, answer: "YES" | "NO"): string {
  book.emu.ui.respond(answer);
  book.addOn.run("toggleDailyCheck");
  return book.emu.ui.alerts.at(-1)!.prompt;
}

/** The user's daily trigger of the check at an hour of the spreadsheet's zone. */
function dailyTriggerAt(hour: number) {
  return expect.objectContaining({
    handler: "runDailyCheck",
    atHour: hour,
    everyDays: 1,
    timeZone: ZONE,
    user: USER,
  });
}

describe("Turn daily check on/off", () => {
  it("says plainly that the check is off, and turning it on installs one trigger at the Settings hour in the spreadsheet's zone", () => {
    const book = workbook();
    const prompt = toggle(book, "YES");
    expect(prompt).toContain("The daily check is OFF.");
    expect(prompt).toContain("Turn it on, every day at 08:00 (Asia/Taipei)?");
    expect(book.emu.triggers.list()).toEqual([dailyTriggerAt(8)]);
  });

  it("fires at 08:xx Taipei time and runs the check on the spreadsheet stored with it", () => {
    const book = workbook({ now: "2026-03-31T12:00:00Z" });
    book.type("KPIs", [goal("KPI-1", "bob@example.com", "2026-03-31")]);
    toggle(book, "YES");

    const runs = book.addOn.runDueTriggers("2026-04-01T12:00:00Z");

    expect(runs).toHaveLength(1);
    expect(runs[0]!.error).toBeUndefined();
    const local = wallClock(ZONE, runs[0]!.at.getTime());
    expect([local.day, local.hour]).toEqual([1, 8]);
    expect(runs[0]!.result).toMatchObject({ ran: true, sent: 1 });
    expect(sentTo(book.emu)).toEqual({ "bob@example.com": 1 });
    // No UI in a trigger: the run toasts nothing.
    expect(book.emu.ui.toasts.filter((toast) => toast.message.includes("graded"))).toEqual([]);
  });

  it("tells when it last ran and with what result", () => {
    const book = workbook();
    toggle(book, "YES");
    book.at("2026-03-02");
    book.run();
    const prompt = toggle(book, "NO");
    expect(prompt).toContain("The daily check is ON: it runs every day at 08:00 (Asia/Taipei).");
    expect(prompt).toMatch(
      /Last run 2026-03-02 01:00 UTC: 2026-03-02: graded 0 goals; e-mails: 0 sent\./,
    );
    expect(prompt).toContain("Turn it off?");
    expect(book.emu.triggers.list()).toHaveLength(1);
  });

  it("moves the trigger when the Settings hour changed, and turns it off", () => {
    const book = workbook();
    toggle(book, "YES");
    book.set("Daily check hour", 17);
    expect(toggle(book, "YES")).toContain("Settings now say 17:00. Move it to 17:00?");
    expect(book.emu.triggers.list().map((t) => t.atHour)).toEqual([17]);
    toggle(book, "YES");
    expect(book.emu.triggers.list()).toEqual([]);
  });

  it("never leaves two triggers after any sequence of on, off and hour changes", () => {
    const book = workbook();
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let expectedHour: number | undefined;
    let settingsHour = 8;
    for (let step = 0; step < 40; step++) {
      if (random() < 0.4) {
        settingsHour = Math.floor(random() * 24);
        book.set("Daily check hour", settingsHour);
        continue;
      }
      const yes = random() < 0.7;
      toggle(book, yes ? "YES" : "NO");
      if (yes) expectedHour = expectedHour === settingsHour ? undefined : settingsHour;
      const triggers = book.emu.triggers.list();
      expect(triggers.length).toBeLessThanOrEqual(1);
      expect(triggers.map((t) => t.atHour)).toEqual(
        expectedHour === undefined ? [] : [expectedHour],
      );
      // Each trigger keeps the spreadsheet's ID under its unique ID, and nothing else is kept.
      const notes = [...book.emu.properties.user(USER).keys()].filter((key) =>
        key.startsWith("smartKpi.trigger."),
      );
      expect(notes).toEqual(triggers.map((t) => `smartKpi.trigger.${t.uid}`));
    }
  });

  it("when a triggered run runs out of time, a one-off run sends the rest and puts the daily trigger back at its hour", () => {
    // 1 s a send: the 5-minute budget sends 300 of the 400 digests.
    const book = workbook({ mailQuota: 5_000, mailSendMs: 1_000, now: "2026-03-31T12:00:00Z" });
    const owners = Array.from({ length: 400 }, (_, i) => `owner${i}@example.com`);
    book.type(
      "KPIs",
      owners.map((owner, i) => goal(`KPI-${i}`, owner, "2026-03-31")),
    );
    toggle(book, "YES");
    const [daily] = book.emu.triggers.list();
    book.emu.setNow("2026-04-01T00:10:00Z"); // 08:10 in Taipei

    const first = book.addOn.runTrigger(daily!.uid);

    expect(first).toMatchObject({ ran: true, continuation: true, sent: 300, deferredTime: 100 });
    // One time trigger per user and document: the one-off stands in for the daily one, and the
    // menu still says the check is on at 08:00 meanwhile.
    const pending = book.emu.triggers.list();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ at: book.emu.nowMs() + 60_000 });
    expect(toggle(book, "NO")).toContain(
      "The daily check is ON: it runs every day at 08:00 (Asia/Taipei).",
    );

    const rest = book.addOn.runDueTriggers("2026-04-01T12:00:00Z");
    expect(rest.map((run) => [run.error?.message, run.result])).toEqual([
      [undefined, expect.objectContaining({ ran: true, sent: 100, continuation: false })],
    ]);
    expect(Object.values(sentTo(book.emu))).toEqual(owners.map(() => 1));
    expect(book.emu.triggers.list()).toEqual([dailyTriggerAt(8)]);

    // And the next day it runs at 08:xx again, with nothing new to send.
    const next = book.addOn.runDueTriggers("2026-04-02T12:00:00Z");
    expect(next.map((run) => wallClock(ZONE, run.at.getTime()).hour)).toEqual([8]);
    expect(next[0]!.result).toMatchObject({ ran: true, sent: 0 });
  }, 60_000);

  it("removes a trigger that lost its note instead of failing every day", () => {
    const book = workbook();
    toggle(book, "YES");
    const [trigger] = book.emu.triggers.list();
    book.emu.properties.user(USER).delete(`smartKpi.trigger.${trigger!.uid}`);
    expect(book.addOn.runTrigger(trigger!.uid)).toMatchObject({ ran: false });
    expect(book.emu.triggers.list()).toEqual([]);
  });
});

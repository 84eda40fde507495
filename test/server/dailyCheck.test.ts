/**
 * The daily check on the built dist/Code.js in the emulator (SPEC §6): statuses written back,
 * missed goals flagged, one digest per recipient, at most once — across reruns, quota, failures,
 * a run stopped at any service call, the time budget and two runs at once.
 */

import { Emulator, loadAddOn } from "../../emulator";
import {
  type Cells,
  type CheckOutcome,
  goal,
  sentTo,
  type Workbook,
  workbook,
} from "./dailyCheck.fixture";
import { bundle } from "./emulated";

const BOB = "bob@example.com";

function statusOf(book: Workbook, id: string): string {
  const [header, ...rows] = book.show("KPIs");
  const row = rows.find((cells) => cells[header!.indexOf("ID")] === id)!;
  return row[header!.indexOf("Status")]!;
}

describe("a goal that passes its due date unachieved", () => {
  function missedGoal() {
    const book = workbook();
    book.type("KPIs", [goal("KPI-1", BOB, "2026-03-31")]);
    book.type("Check-ins", [{ Date: "2026-02-01", "KPI ID": "KPI-1", Value: 40 }]);
    return book;
  }

  it("is Missed in the sheet, flagged, in Alerts, and in exactly one e-mail to its owner", () => {
    const book = missedGoal();
    book.at("2026-04-01");

    const outcome = book.run();

    expect(outcome).toMatchObject({ ran: true, sent: 1, failed: 0 });
    expect(statusOf(book, "KPI-1")).toBe("Missed");
    const kpis = book.emu.spreadsheet.getSheetByName("KPIs")!;
    const header = kpis.getRange(1, 1, 1, kpis.getLastColumn()).getValues()[0]!;
    const note = kpis.getRange(2, header.indexOf("Status") + 1).getNote();
    expect(note).toBe(
      "Missed: due 2026-03-31, 40% reached. Flagged by the daily check on 2026-04-01.",
    );
    expect(book.alerts()).toEqual([["KPI-1", "Missed", BOB, "sent"]]);
    expect(sentTo(book.emu)).toEqual({ [BOB]: 1 });
    expect(book.emu.outbox[0]!.subject).toContain("1 goal missed");
  });

  it("writes the computed block and moves KPI_AS_OF to today in the spreadsheet's zone", () => {
    const book = missedGoal();
    // 23:30 UTC on 31 March is already 1 April in Taipei.
    book.emu.setNow("2026-03-31T23:30:00Z");
    book.run();
    const [header, row] = book.show("KPIs");
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell("Actual"), cell("Attainment"), cell("Expected"), cell("Status")]).toEqual([
      "40",
      "40%",
      "100%",
      "Missed",
    ]);
    expect(cell("Last check-in")).toBe("2026-02-01");
    expect(cell("Updated")).toBe("2026-04-01 07:30");
    const asOf = book.emu.spreadsheet.getRangeByName("KPI_AS_OF")!.getDisplayValue();
    expect(asOf).toBe("2026-04-01");
  });

  it("sends nothing on a second run the same day, and repeats the reminder once seven days later", () => {
    const book = missedGoal();
    book.at("2026-04-01");
    book.run();
    book.emu.setNow("2026-04-01T08:00:00Z");
    expect(book.run().sent).toBe(0);
    book.at("2026-04-07");
    expect(book.run().sent).toBe(0);
    book.at("2026-04-08");
    expect(book.run().sent).toBe(1);
    book.emu.setNow("2026-04-08T09:00:00Z");
    expect(book.run().sent).toBe(0);
    expect(sentTo(book.emu)).toEqual({ [BOB]: 2 });
    expect(book.alerts()).toEqual([
      ["KPI-1", "Missed", BOB, "sent"],
      ["KPI-1", "Missed", BOB, "sent"],
    ]);
  });

  it("escalates to the parent goal's owner and tells the manager, each in one digest", () => {
    const book = workbook();
    book.type("KPIs", [
      goal("CO", "ceo@example.com", "2026-12-31", { Level: "Company" }),
      goal("KPI-1", BOB, "2026-03-31", { Parent: "CO" }),
      goal("KPI-2", BOB, "2026-03-31", { Parent: "CO" }),
    ]);
    book.set("Manager e-mail", "boss@example.com");
    book.at("2026-04-01");
    book.run();
    expect(sentTo(book.emu)).toEqual({
      [BOB]: 1,
      "ceo@example.com": 1,
      "boss@example.com": 1,
    });
    const boss = book.emu.outbox.find((mail) => mail.to === "boss@example.com")!;
    expect(boss.body).toContain("All goals:");
    expect(book.alerts().filter(([, kind]) => kind === "Escalation")).toEqual([
      ["KPI-1", "Escalation", "ceo@example.com", "sent"],
      ["KPI-2", "Escalation", "ceo@example.com", "sent"],
    ]);
  });

  it("records an invalid owner address in Alerts and sends nothing to it", () => {
    const book = workbook();
    book.type("KPIs", [goal("KPI-1", "Bob in sales", "2026-03-31")]);
    book.at("2026-04-01");
    expect(book.run()).toMatchObject({ sent: 0 });
    expect(book.emu.outbox).toEqual([]);
    expect(book.alerts()).toEqual([
      ["KPI-1", "Missed", "Bob in sales", "skipped: invalid address"],
    ]);
  });
});

describe("a weekly goal", () => {
  const weekly = (id: string, owner: string): Cells =>
    goal(id, owner, "2026-12-31", { Cadence: "Weekly", Target: 10 });

  it("gets a check-in overdue reminder after 9 days without one (grace 2); a check-in stops it", () => {
    const book = workbook();
    book.type("KPIs", [weekly("KPI-1", BOB), weekly("KPI-2", "cy@example.com")]);
    book.type("Check-ins", [
      { Date: "2026-03-02", "KPI ID": "KPI-1", Value: 3 },
      { Date: "2026-03-02", "KPI ID": "KPI-2", Value: 3 },
    ]);
    book.at("2026-03-10");
    expect(book.run().sent).toBe(0);
    book.at("2026-03-11");
    book.run();
    expect(book.alerts()).toEqual([
      ["KPI-1", "Check-in overdue", BOB, "sent"],
      ["KPI-2", "Check-in overdue", "cy@example.com", "sent"],
    ]);
    expect(book.emu.outbox[0]!.body).toContain("Last check-in: 2026-03-02");

    book.type("Check-ins", [{ Date: "2026-03-12", "KPI ID": "KPI-1", Value: 2 }]);
    book.at("2026-03-18");
    book.run();
    expect(sentTo(book.emu)).toEqual({ [BOB]: 1, "cy@example.com": 2 });
  });
});

/** Two owners with a missed goal and three with an off-track one, due on 1 April. */
function fiveRecipients(options: { mailQuota?: number } = {}) {
  const book = workbook(options);
  book.type("KPIs", [
    goal("OFF-1", "c@example.com", "2026-06-30"),
    goal("OFF-2", "d@example.com", "2026-06-30"),
    goal("MISS-1", "a@example.com", "2026-03-31"),
    goal("OFF-3", "e@example.com", "2026-06-30"),
    goal("MISS-2", "b@example.com", "2026-03-31"),
  ]);
  book.type(
    "Check-ins",
    ["OFF-1", "OFF-2", "OFF-3", "MISS-1", "MISS-2"].map((id) => ({
      Date: "2026-02-01",
      "KPI ID": id,
      Value: 10,
    })),
  );
  book.at("2026-04-01");
  return book;
}

describe("quota, failures and stopped runs", () => {
  it("with a quota of 2 sends the two most severe, defers three, and sends those next run", () => {
    const book = fiveRecipients({ mailQuota: 2 });
    expect(book.run()).toMatchObject({ sent: 2, deferredQuota: 3 });
    expect(book.emu.outbox.map((mail) => mail.to)).toEqual(["a@example.com", "b@example.com"]);
    expect(book.alerts().map((row) => row[3])).toEqual([
      "sent",
      "sent",
      "deferred: quota",
      "deferred: quota",
      "deferred: quota",
    ]);
    // The next morning, with room in the quota again.
    book.emu.mail.quota = 100;
    book.at("2026-04-02");
    expect(book.run()).toMatchObject({ sent: 3, deferredQuota: 0 });
    expect(sentTo(book.emu)).toEqual({
      "a@example.com": 1,
      "b@example.com": 1,
      "c@example.com": 1,
      "d@example.com": 1,
      "e@example.com": 1,
    });
  });

  it("when MailApp throws on the third send, records it, and the rerun sends exactly that one", () => {
    const book = fiveRecipients();
    let sends = 0;
    book.emu.beforeCall("MailApp.sendEmail", () => {
      if (++sends === 3) book.emu.mail.failNext("Service unavailable: Mail");
    });
    expect(book.run()).toMatchObject({ sent: 4, failed: 1 });
    expect(book.alerts().filter((row) => row[3]!.startsWith("failed"))).toEqual([
      ["OFF-1", "Off track", "c@example.com", "failed: Service unavailable: Mail"],
    ]);
    expect(book.run()).toMatchObject({ sent: 1, failed: 0 });
    expect(book.emu.outbox.at(-1)!.to).toBe("c@example.com");
    expect(Object.values(sentTo(book.emu))).toEqual([1, 1, 1, 1, 1]);
  });

  it("killed at every service call in turn, never sends a digest twice and loses none", () => {
    const book = workbook();
    book.type("KPIs", [
      goal("KPI-1", "a@example.com", "2026-03-31"),
      goal("KPI-2", "b@example.com", "2026-03-31"),
    ]);
    book.at("2026-04-01");
    // The Dashboard's formulas play no part in delivery; without them each of the ~90 fresh
    // emulators below skips building a formula engine.
    const spreadsheet = book.emu.spreadsheet;
    spreadsheet.deleteSheet(spreadsheet.getSheetByName("Dashboard")!);
    const snapshot = JSON.stringify(book.emu.toJSON());
    const code = bundle();
    const expected = ["a@example.com", "b@example.com"];
    let points = 0;
    for (let n = 1; ; n++) {
      const emu = Emulator.fromJSON(JSON.parse(snapshot));
      const addOn = loadAddOn(code, emu);
      emu.killAt(n);
      try {
        addOn.run("runDailyCheck");
      } catch {
        // The killed run ends with Google's error; what matters is what it left behind.
      }
      if (!emu.killed) break;
      points++;
      const alertsAfterKill = emu.spreadsheet.getSheetByName("Alerts")!.getDataRange().getValues();
      // Alerts is true to what was sent: every e-mail out has its row, sending or sent.
      for (const mail of emu.outbox) {
        expect(
          alertsAfterKill.some(
            (row) => row[4] === mail.to && /^(sending|sent)$/.test(String(row[5])),
          ),
        ).toBe(true);
      }
      emu.advance(60_000);
      addOn.run("runDailyCheck");
      const results = emu.spreadsheet.getSheetByName("Alerts")!.getDataRange().getValues().slice(1);
      const counts = sentTo(emu);
      for (const address of expected) {
        const unknown = results.some(
          (row) => row[4] === address && String(row[5]).startsWith("unknown"),
        );
        expect([n, address, counts[address] ?? 0, unknown]).toEqual([
          n,
          address,
          unknown ? (counts[address] ?? 0) : 1,
          unknown,
        ]);
        expect(counts[address] ?? 0).toBeLessThanOrEqual(1);
      }
      expect(results.some((row) => row[5] === "sending")).toBe(false);
    }
    expect(points).toBeGreaterThan(40);
  }, 120_000);

  it("two runs started together: one runs, the other gives up and says so; nothing doubled", () => {
    const book = fiveRecipients();
    let inner: CheckOutcome | undefined;
    book.emu.beforeCall(
      "MailApp.getRemainingDailyQuota",
      () => {
        inner = book.run();
      },
      { once: true },
    );
    const outer = book.run();
    expect(outer).toMatchObject({ ran: true, sent: 5 });
    expect(inner).toMatchObject({
      ran: false,
      reason: "gave up: another run of the check was still going",
    });
    expect(Object.values(sentTo(book.emu))).toEqual([1, 1, 1, 1, 1]);
    expect(book.alerts()).toHaveLength(5);
    expect(book.emu.ui.toasts.map((toast) => toast.message)).toContain(
      "The check is already running. Try again in a few minutes.",
    );
  });
});

describe("the time budget", () => {
  it("with 2,000 owners and 300 ms a send, stops at 5 minutes and a continuation sends the rest, none twice", () => {
    const book = workbook({ mailQuota: 5_000, mailSendMs: 300 });
    const owners = Array.from({ length: 2_000 }, (_, i) => `owner${i}@example.com`);
    book.type(
      "KPIs",
      owners.map((owner, i) => goal(`KPI-${i}`, owner, "2026-03-31")),
    );
    book.at("2026-04-01");
    const first = book.run();
    expect(first).toMatchObject({ ran: true, continuation: true, sent: 1_000 });
    expect(first.deferredTime).toBe(1_000);
    const pending = book.emu.triggers.list();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.at).toBe(book.emu.nowMs() + 60_000);

    const runs = book.addOn.runDueTriggers(book.emu.nowMs() + 30 * 60_000);
    expect(runs.map((run) => run.error?.message)).toEqual([undefined]);
    expect(runs[0]!.result).toMatchObject({ ran: true, sent: 1_000, continuation: false });
    const counts = sentTo(book.emu);
    expect(Object.keys(counts)).toHaveLength(2_000);
    expect(Object.values(counts).every((n) => n === 1)).toBe(true);
    const results = book.alerts().map((row) => row[3]);
    expect(results.filter((r) => r === "deferred: time")).toHaveLength(1_000);
    expect(results.filter((r) => r === "sent")).toHaveLength(2_000);
    expect(book.emu.triggers.list()).toEqual([]);
  }, 120_000);
});

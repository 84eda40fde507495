import { type Day, formatDay } from "../../src/core/dates";
import { escapeHtml, renderDigest } from "../../src/core/digest";
import {
  isCheckinOverdue,
  isEmailAddress,
  type NotificationSettings,
  nextCheckinDue,
  type PastAlert,
  planNotifications,
} from "../../src/core/notifications";
import { computeRollup, type RollupRow } from "../../src/core/rollup";
import { day, zoneOf } from "../support/clock";
import { type Checkin, type Goal, log, registry } from "./rollup.fixtures";

const TZ = "Etc/UTC";
const SETTINGS: NotificationSettings = {
  graceDays: 2,
  repeatDays: 7,
  escalate: true,
  managerEmail: "",
};

function rowsOf(goals: readonly Goal[], checkins: readonly Checkin[], asOf: string): RollupRow[] {
  return computeRollup(registry(goals, TZ), log(checkins, TZ), {
    asOf: day(asOf),
    zone: zoneOf(TZ),
  });
}

function told(kpiId: string, kind: string, sentTo: string, on: string, result = "sent"): PastAlert {
  return { row: 0, day: day(on), kpiId, kind, sentTo, result };
}

const VISITS: Goal = {
  ID: "KPI-1",
  Name: "Visit 100 manufacturing customers",
  Owner: "ann@example.com",
  Target: 100,
  Start: "2026-01-01",
  Due: "2026-03-31",
};

function summary(plan: ReturnType<typeof planNotifications>) {
  return plan.digests.map((digest) => [
    digest.recipient,
    digest.items.map((item) => `${item.kind} ${item.kpiId}`),
  ]);
}

describe("planNotifications", () => {
  const missed = rowsOf([VISITS], [["2026-02-01", "KPI-1", 40]], "2026-04-01");

  it("tells the owner once when a goal passes its due date unachieved", () => {
    const plan = planNotifications(missed, [], SETTINGS, day("2026-04-01"));
    expect(summary(plan)).toEqual([["ann@example.com", ["Missed KPI-1"]]]);
  });

  it("does not repeat a reminder sooner than N days, and repeats it on the Nth day", () => {
    const past = [told("KPI-1", "Missed", "ann@example.com", "2026-04-01")];
    for (const [on, expected] of [
      ["2026-04-01", 0],
      ["2026-04-07", 0],
      ["2026-04-08", 1],
    ] as const) {
      const rows = rowsOf([VISITS], [["2026-02-01", "KPI-1", 40]], on);
      expect(planNotifications(rows, past, SETTINGS, day(on)).digests).toHaveLength(expected);
    }
  });

  it("counts the address case-insensitively when deciding whether it was told", () => {
    const past = [told("kpi-1", "missed", "ANN@example.com", "2026-04-01")];
    expect(planNotifications(missed, past, SETTINGS, day("2026-04-02")).digests).toEqual([]);
  });

  it("sends again what was deferred or failed, but not what may have gone out", () => {
    const today = day("2026-04-01");
    for (const result of ["deferred: quota", "deferred: time", "failed: Service error"]) {
      const past = [told("KPI-1", "Missed", "ann@example.com", "2026-04-01", result)];
      expect(planNotifications(missed, past, SETTINGS, today).digests).toHaveLength(1);
    }
    for (const result of ["sent", "sending", "unknown: run stopped while sending"]) {
      const past = [told("KPI-1", "Missed", "ann@example.com", "2026-04-01", result)];
      expect(planNotifications(missed, past, SETTINGS, today).digests).toHaveLength(0);
    }
  });

  it("lists leftover sending rows to be marked unknown", () => {
    const past = [
      { ...told("KPI-1", "Missed", "ann@example.com", "2026-03-30", "sending"), row: 7 },
      { ...told("KPI-2", "Missed", "bob@example.com", "2026-03-30", "sent"), row: 8 },
    ];
    expect(planNotifications(missed, past, SETTINGS, day("2026-04-01")).staleSending).toEqual([7]);
  });

  it("escalates a child's miss to the parent's owner when escalation is on", () => {
    const goals = [
      {
        ID: "CO",
        Name: "Company revenue 10M",
        Owner: "ceo@example.com",
        Target: 10,
        Start: "2026-01-01",
        Due: "2026-12-31",
      },
      { ...VISITS, Parent: "CO" },
    ];
    const rows = rowsOf(goals, [["2026-02-01", "KPI-1", 40]], "2026-04-01");
    const today = day("2026-04-01");
    expect(summary(planNotifications(rows, [], SETTINGS, today))).toEqual([
      ["ann@example.com", ["Missed KPI-1"]],
      ["ceo@example.com", ["Escalation KPI-1"]],
    ]);
    expect(summary(planNotifications(rows, [], { ...SETTINGS, escalate: false }, today))).toEqual([
      ["ann@example.com", ["Missed KPI-1"]],
    ]);
  });

  it("gives the manager everything the owners get, in one digest", () => {
    const goals = [VISITS, { ...VISITS, ID: "KPI-2", Owner: "bob@example.com" }];
    const rows = rowsOf(goals, [], "2026-04-01");
    const plan = planNotifications(
      rows,
      [],
      { ...SETTINGS, managerEmail: "boss@example.com" },
      day("2026-04-01"),
    );
    expect(summary(plan)).toEqual([
      ["boss@example.com", ["Missed KPI-1", "Missed KPI-2"]],
      ["ann@example.com", ["Missed KPI-1"]],
      ["bob@example.com", ["Missed KPI-2"]],
    ]);
    expect(plan.digests[0]!.manager).toBe(true);
  });

  it("congratulates the owner of an achieved goal once, never again", () => {
    const rows = rowsOf([VISITS], [["2026-02-01", "KPI-1", 100]], "2026-02-02");
    expect(summary(planNotifications(rows, [], SETTINGS, day("2026-02-02")))).toEqual([
      ["ann@example.com", ["Achieved KPI-1"]],
    ]);
    const past = [told("KPI-1", "Achieved", "ann@example.com", "2026-02-02")];
    const later = rowsOf([VISITS], [["2026-02-01", "KPI-1", 100]], "2026-06-01");
    expect(planNotifications(later, past, SETTINGS, day("2026-06-01")).digests).toEqual([]);
  });

  it("records an invalid owner address instead of sending to it", () => {
    const rows = rowsOf([{ ...VISITS, Owner: "Ann from sales" }], [], "2026-04-01");
    const plan = planNotifications(rows, [], SETTINGS, day("2026-04-01"));
    expect(plan.digests).toEqual([]);
    expect(plan.skipped.map((item) => [item.kind, item.recipient])).toEqual([
      ["Missed", "Ann from sales"],
    ]);
  });

  it("sends the most severe digests first", () => {
    const goals = [
      { ...VISITS, ID: "A", Owner: "zed@example.com", Due: "2026-12-31" },
      { ...VISITS, ID: "B", Owner: "yan@example.com" },
      { ...VISITS, ID: "C", Owner: "xia@example.com", Due: "2026-12-31" },
    ];
    const checkins: Checkin[] = [
      ["2026-02-01", "A", 10],
      ["2026-02-01", "C", 100],
    ];
    const rows = rowsOf(goals, checkins, "2026-06-01");
    expect(summary(planNotifications(rows, [], SETTINGS, day("2026-06-01")))).toEqual([
      ["yan@example.com", ["Missed B"]],
      ["zed@example.com", ["Off track A"]],
      ["xia@example.com", ["Achieved C"]],
    ]);
  });
});

describe("check-in overdue", () => {
  const WEEKLY: Goal = { ...VISITS, Cadence: "Weekly", Due: "2026-12-31" };

  it("is overdue after Cadence + grace days without a check-in, not a day sooner", () => {
    const checkins: Checkin[] = [["2026-03-02", "KPI-1", 30]];
    const at = (iso: string) => {
      const row = rowsOf([WEEKLY], checkins, iso)[0]!;
      return isCheckinOverdue(row, day(iso), 2);
    };
    expect(at("2026-03-10")).toBe(false);
    expect(at("2026-03-11")).toBe(true);
  });

  it("counts from Start when there is no check-in yet", () => {
    const row = rowsOf([WEEKLY], [], "2026-01-10")[0]!;
    expect(isCheckinOverdue(row, day("2026-01-09"), 2)).toBe(false);
    const later = rowsOf([WEEKLY], [], "2026-01-10")[0]!;
    expect(isCheckinOverdue(later, day("2026-01-10"), 2)).toBe(true);
  });

  it("ignores goals without a Cadence and goals already over", () => {
    const plain = rowsOf([{ ...VISITS, Due: "2026-12-31" }], [], "2026-06-01")[0]!;
    expect(isCheckinOverdue(plain, day("2026-06-01"), 2)).toBe(false);
    const missed = rowsOf([{ ...WEEKLY, Due: "2026-03-31" }], [], "2026-06-01")[0]!;
    expect(isCheckinOverdue(missed, day("2026-06-01"), 2)).toBe(false);
  });

  it("expects the next monthly check-in on the same day of the next month, or its last day", () => {
    expect(formatDay(nextCheckinDue("monthly", day("2026-01-31")))).toBe("2026-02-28");
    expect(formatDay(nextCheckinDue("quarterly", day("2026-11-15")))).toBe("2027-02-15");
    expect(formatDay(nextCheckinDue("yearly", day("2028-02-29")))).toBe("2029-02-28");
    expect(formatDay(nextCheckinDue("daily", day("2026-12-31")))).toBe("2027-01-01");
  });
});

describe("isEmailAddress", () => {
  it("accepts an address and refuses names, halves and lists", () => {
    expect(isEmailAddress("ann.lee@example.co.uk")).toBe(true);
    for (const bad of ["Ann", "ann@", "ann@example", "a@b.com, c@d.com", "a b@c.com"]) {
      expect(isEmailAddress(bad)).toBe(false);
    }
  });
});

describe("renderDigest", () => {
  const context = {
    spreadsheetName: "Sales & <Marketing>",
    spreadsheetUrl: "https://docs.google.com/spreadsheets/d/abc/edit",
    kpisSheetId: 42,
    today: day("2026-04-01") as Day,
  };

  it("escapes every user text in the HTML and keeps it readable in the text part", () => {
    const goal = { ...VISITS, Name: "<script>alert(1)</script>", Reward: '"Dinner" & <b>' };
    const rows = rowsOf([goal], [], "2026-04-01");
    const plan = planNotifications(rows, [], SETTINGS, day("2026-04-01"));
    const mail = renderDigest(plan.digests[0]!, rows, context);
    expect(mail.htmlBody).not.toContain("<script>");
    expect(mail.htmlBody).toContain(escapeHtml("<script>alert(1)</script>"));
    expect(mail.htmlBody).toContain("Sales &amp; &lt;Marketing&gt;");
    expect(mail.body).toContain("<script>alert(1)</script> [KPI-1]");
    expect(mail.subject).toBe("SMART KPI · Sales & <Marketing>: 1 goal missed");
  });

  it("links the spreadsheet and each goal's row", () => {
    const rows = rowsOf([{ ID: "X" }, VISITS], [], "2026-04-01");
    const plan = planNotifications(rows, [], SETTINGS, day("2026-04-01"));
    const mail = renderDigest(plan.digests[0]!, rows, context);
    const link = "https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=A3";
    expect(mail.body).toContain(link);
    expect(mail.htmlBody).toContain(`href="${escapeHtml(link)}"`);
    expect(mail.body).toContain(
      "Open the spreadsheet: https://docs.google.com/spreadsheets/d/abc/edit",
    );
  });

  it("shows the reward to the owner of an achieved goal", () => {
    const rows = rowsOf(
      [{ ...VISITS, Reward: "Team dinner" }],
      [["2026-02-01", "KPI-1", 120]],
      "2026-02-02",
    );
    const plan = planNotifications(rows, [], SETTINGS, day("2026-02-02"));
    const mail = renderDigest(plan.digests[0]!, rows, { ...context, today: day("2026-02-02") });
    expect(mail.body).toContain("Reward: Team dinner");
    expect(mail.subject).toContain("1 goal achieved");
  });
});

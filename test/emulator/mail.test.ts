import { createEmulator, Emulator, loadAddOn } from "../../emulator";

const SCRIPT = `
function send(to, n) {
  for (var i = 0; i < (n || 1); i++) {
    MailApp.sendEmail({ to: to, subject: "Digest " + i, body: "text", htmlBody: "<b>html</b>", name: "SMART KPI" });
  }
  return MailApp.getRemainingDailyQuota();
}
function sendPositional() { MailApp.sendEmail("a@example.com", "Subject", "Body", { cc: "b@example.com" }); }
`;

function setUp(mailQuota = 5) {
  const emu = createEmulator({ now: "2026-03-02T20:00:00Z", user: "ann@example.com", mailQuota });
  return { emu, addOn: loadAddOn(SCRIPT, emu) };
}

describe("MailApp", () => {
  it("puts sent messages in the outbox with their HTML and plain-text bodies", () => {
    const { emu, addOn } = setUp();
    expect(addOn.run("send", ["bob@example.com"])).toBe(4);
    expect(emu.outbox).toEqual([
      expect.objectContaining({
        to: "bob@example.com",
        subject: "Digest 0",
        body: "text",
        htmlBody: "<b>html</b>",
        name: "SMART KPI",
        from: "ann@example.com",
        sentAt: new Date("2026-03-02T20:00:00Z"),
      }),
    ]);
  });

  it("counts every recipient against the daily quota and refuses past it", () => {
    const { emu, addOn } = setUp(5);
    addOn.run("sendPositional");
    expect(emu.mail.remaining("ann@example.com")).toBe(3);
    expect(() => addOn.run("send", ["c@example.com, d@example.com", 2])).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(emu.outbox).toHaveLength(2);
  });

  it("frees each recipient 24 hours after the send that used it, not at midnight", () => {
    const { emu, addOn } = setUp(2);
    addOn.run("send", ["bob@example.com"]); // 2026-03-02 20:00 UTC
    emu.setNow("2026-03-03T02:00:00Z");
    addOn.run("send", ["cy@example.com"]);
    expect(() => addOn.run("send", ["bob@example.com"])).toThrow("Service invoked too many times");
    emu.setNow("2026-03-03T08:30:00Z"); // past midnight Pacific: nothing freed yet
    expect(emu.mail.remaining("ann@example.com")).toBe(0);
    emu.setNow("2026-03-03T20:00:01Z"); // the first send is a day old
    expect(emu.mail.remaining("ann@example.com")).toBe(1);
    emu.setNow("2026-03-04T02:00:01Z");
    expect(addOn.run("send", ["bob@example.com"])).toBe(1);
  });

  it("keeps the quota window across save and load", () => {
    const { emu } = setUp(3);
    emu.mail.setRemaining("ann@example.com", 1);
    const copy = Emulator.fromJSON(JSON.parse(JSON.stringify(emu.toJSON())));
    expect(copy.mail.remaining("ann@example.com")).toBe(1);
    copy.advance(24 * 3600 * 1000 + 1);
    expect(copy.mail.remaining("ann@example.com")).toBe(3);
  });

  it("a failure injected by the test is thrown and nothing is sent", () => {
    const { emu, addOn } = setUp();
    emu.mail.failNext("Mail service unavailable");
    expect(() => addOn.run("send", ["bob@example.com"])).toThrow("Mail service unavailable");
    expect(emu.outbox).toHaveLength(0);
    expect(addOn.run("send", ["bob@example.com"])).toBe(4);
  });

  it("rejects malformed addresses", () => {
    const { addOn } = setUp();
    expect(() => addOn.run("send", ["not an address"])).toThrow("Invalid email: not an address");
  });

  it("setRemaining simulates mail sent elsewhere today", () => {
    const { emu, addOn } = setUp(100);
    emu.mail.setRemaining("ann@example.com", 0);
    expect(() => addOn.run("send", ["bob@example.com"])).toThrow("Service invoked too many times");
  });
});

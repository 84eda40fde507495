import { createEmulator, loadAddOn } from "../../emulator";
import { formatJavaDate, formatString } from "../../emulator/Utilities";

describe("Utilities", () => {
  const instant = new Date("2026-01-15T23:04:05.006Z");

  it("formatDate follows Java's SimpleDateFormat in the zone given", () => {
    expect(formatJavaDate(instant, "Pacific/Auckland", "yyyy-MM-dd HH:mm:ss.SSS")).toBe(
      "2026-01-16 12:04:05.006",
    );
    expect(formatJavaDate(instant, "America/Los_Angeles", "EEE, d MMM yyyy h:mm a")).toBe(
      "Thu, 15 Jan 2026 3:04 PM",
    );
    expect(formatJavaDate(instant, "Pacific/Auckland", "Z")).toBe("+1300");
    expect(formatJavaDate(instant, "America/Los_Angeles", "Z")).toBe("-0800");
    expect(formatJavaDate(instant, "Asia/Kolkata", "XXX")).toBe("+05:30");
    expect(formatJavaDate(instant, "UTC", "X")).toBe("Z");
    expect(formatJavaDate(instant, "UTC", "'Week of' MMMM d")).toBe("Week of January 15");
    expect(formatJavaDate(instant, "UTC", "yy-M-D")).toBe("26-1-15");
  });

  it("formatDate in an unknown zone falls back to GMT as Java does", () => {
    expect(formatJavaDate(instant, "Mars/Olympus", "HH:mm")).toBe("23:04");
  });

  it("formatString is sprintf-like", () => {
    expect(formatString("%s has %d goals (%.1f%%)", ["Ann", 3.7, 42.25])).toBe(
      "Ann has 3 goals (42.3%)",
    );
  });

  it("sleep advances the virtual clock and getUuid is deterministic", () => {
    const emu = createEmulator({ now: "2026-01-01T00:00:00Z" });
    const { Utilities } = emu.services("FULL");
    Utilities.sleep(1500);
    expect(emu.now().toISOString()).toBe("2026-01-01T00:00:01.500Z");
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
    expect(Utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe("Session, Logger and console", () => {
  it("Session tells the active user, the script's zone and locale", () => {
    const emu = createEmulator({ user: "ann@example.com", scriptTimeZone: "Europe/Paris" });
    const { Session } = emu.services("FULL");
    expect(Session.getActiveUser().getEmail()).toBe("ann@example.com");
    expect(Session.getEffectiveUser().getEmail()).toBe("ann@example.com");
    expect(Session.getScriptTimeZone()).toBe("Europe/Paris");
    expect(Session.getActiveUserLocale()).toBe("en");
  });

  it("Logger and console lines are recorded with the virtual time", () => {
    const emu = createEmulator({ now: "2026-01-01T00:00:00Z" });
    const { Logger, console } = emu.services("FULL");
    Logger.log("ran %s rows in %d ms", "10", 42);
    Logger.log({ ok: true });
    console.warn("careful", 1);
    expect(Logger.getLog()).toBe('ran 10 rows in 42 ms\n{"ok":true}');
    expect(emu.logs.map((l) => [l.level, l.message])).toEqual([
      ["log", "ran 10 rows in 42 ms"],
      ["log", '{"ok":true}'],
      ["warn", "careful 1"],
    ]);
    expect(emu.logs[0]?.at).toEqual(new Date("2026-01-01T00:00:00Z"));
  });
});

describe("ScriptApp", () => {
  it("reports whether the user still has to authorize the add-on", () => {
    const emu = createEmulator({ user: "ann@example.com", unauthorizedUsers: ["bob@example.com"] });
    const ann = emu.services("FULL", { user: "ann@example.com" }).ScriptApp;
    const bob = emu.services("FULL", { user: "bob@example.com" }).ScriptApp;
    expect(String(ann.getAuthorizationInfo(ann.AuthMode.FULL).getAuthorizationStatus())).toBe(
      "NOT_REQUIRED",
    );
    const info = bob.getAuthorizationInfo(bob.AuthMode.FULL);
    expect(String(info.getAuthorizationStatus())).toBe("REQUIRED");
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
    emu.authorize("bob@example.com");
    expect(String(bob.getAuthorizationInfo(bob.AuthMode.FULL).getAuthorizationStatus())).toBe(
      "NOT_REQUIRED",
    );
  });

  it("enums are objects as in Google: their name by toString() and name(), never equal to the string", () => {
    const { ScriptApp, SpreadsheetApp, Charts } = createEmulator().services("FULL");
    const none = ScriptApp.AuthMode.NONE;
    expect(typeof none).toBe("object");
    expect((none as unknown) === "NONE").toBe(false);
    expect(String(none)).toBe("NONE");
    expect(none.toString()).toBe("NONE");
    expect((none as unknown as { name(): string }).name()).toBe("NONE");
    expect(ScriptApp.AuthMode.NONE).toBe(none);
    for (const value of [
      ScriptApp.TriggerSource.CLOCK,
      ScriptApp.EventType.CLOCK,
      ScriptApp.WeekDay.MONDAY,
      SpreadsheetApp.ProtectionType.RANGE,
      SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
      SpreadsheetApp.BooleanCriteria.CELL_EMPTY,
      Charts.ChartType.COLUMN,
    ]) {
      expect(typeof value).toBe("object");
      expect(String(value)).toMatch(/^[A-Z_]+$/);
    }
  });

  it("methods return enum objects: a trigger's source is ScriptApp.TriggerSource.CLOCK itself", () => {
    const emu = createEmulator();
    const addOn = loadAddOn(
      `function probe() {
        var t = ScriptApp.newTrigger("tick").timeBased().everyHours(1).create();
        var rule = SpreadsheetApp.newDataValidation().requireValueInList(["a"]).build();
        return [
          t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK,
          t.getTriggerSource() === "CLOCK",
          t.getEventType() === ScriptApp.EventType.CLOCK,
          rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
          String(rule.getCriteriaType()),
        ];
      }
      function tick() {}`,
      emu,
      { manifest: {} },
    );
    expect(addOn.run("probe")).toEqual([true, false, true, true, "VALUE_IN_LIST"]);
  });
});

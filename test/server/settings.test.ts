import { parseSettings } from "../../src/server/settings";
import { Table } from "../../src/server/table";
import { columnSpecOf, SETTINGS_COLUMNS } from "../../src/server/workbook";
import { day, sheetDate, zoneOf } from "../support/clock";

const TZ = "America/Los_Angeles";
const table = (rows: unknown[][]) =>
  Table.of("Settings", [["Value", "Setting"], ...rows], columnSpecOf(SETTINGS_COLUMNS));

describe("parseSettings", () => {
  it("reads settings by label wherever the rows and columns are", () => {
    const lastRun = new Date(Date.UTC(2026, 2, 1, 16, 5));
    const read = parseSettings(
      table([
        [sheetDate(TZ, "2026-02-28"), "As of"],
        ["", "my own note"],
        [0.2, "at risk gap"],
        ["30%", "Off-track gap"],
        [3, "Check-in grace days"],
        [14, "Repeat reminders every N days"],
        [false, "Escalate to parent owner"],
        [" boss@example.com ", "Manager e-mail"],
        [6, "Daily check hour"],
        [lastRun, "Last run"],
        ["3 reminders sent", "Last run summary"],
      ]),
      zoneOf(TZ),
    );
    expect(read.errors).toEqual([]);
    expect(read.settings).toEqual({
      asOf: day("2026-02-28"),
      atRiskGap: 0.2,
      offTrackGap: 0.3,
      graceDays: 3,
      repeatDays: 14,
      escalate: false,
      managerEmail: "boss@example.com",
      checkHour: 6,
      lastRun,
      lastRunSummary: "3 reminders sent",
    });
    expect(read.rows.asOf).toBe(2);
    expect(read.rows.atRiskGap).toBe(4);
  });

  it("uses the defaults setup writes for missing and blank settings", () => {
    const read = parseSettings(table([["", "As of"]]), zoneOf(TZ));
    expect(read.settings).toEqual({
      asOf: undefined,
      atRiskGap: 0.1,
      offTrackGap: 0.25,
      graceDays: 2,
      repeatDays: 7,
      escalate: true,
      managerEmail: "",
      checkHour: 8,
      lastRun: undefined,
      lastRunSummary: "",
    });
    expect(read.rows).toEqual({ asOf: 2 });
  });

  it("reports a bad value by row and keeps the default instead", () => {
    const read = parseSettings(
      table([
        [24, "Daily check hour"],
        ["soon", "As of"],
        ["maybe", "Escalate to parent owner"],
        ["boss at example", "Manager e-mail"],
        [1.5, "Check-in grace days"],
      ]),
      zoneOf(TZ),
    );
    expect(read.settings.checkHour).toBe(8);
    expect(read.settings.escalate).toBe(true);
    expect(read.settings.graceDays).toBe(2);
    expect(read.errors.map((error) => error.message)).toEqual([
      "Settings row 2: Daily check hour 24 is not a whole number from 0 to 23; using the default 8",
      'Settings row 3: As of "soon" is not a date; using blank',
      'Settings row 4: Escalate to parent owner "maybe" is not TRUE or FALSE; using the default TRUE',
      'Settings row 5: Manager e-mail "boss at example" is not an e-mail address; using blank',
      "Settings row 6: Check-in grace days 1.5 is not a whole number 0 or more; using the default 2",
    ]);
  });
});

import {
  fromScriptValue,
  instantFromSerial,
  parseTyped,
  serialFromInstant,
  toScriptValue,
} from "../../emulator/values";
import { day } from "../support/clock";

describe("dates as Sheets stores them: wall-clock serials in the spreadsheet's zone", () => {
  it("a Date becomes the serial of its wall-clock time in the zone, whatever the machine's zone", () => {
    // 2026-01-01T11:00Z is midnight of 2 January in Auckland (UTC+13) and 3 am on 1 January in LA.
    const instant = Date.UTC(2026, 0, 1, 11);
    expect(serialFromInstant(instant, "Pacific/Auckland")).toBe(day("2026-01-02"));
    expect(serialFromInstant(instant, "America/Los_Angeles")).toBeCloseTo(
      day("2026-01-01") + 3 / 24,
      10,
    );
  });

  it("a serial comes back as the instant of that wall-clock time, across DST changes", () => {
    for (const zone of [
      "Pacific/Auckland",
      "America/Los_Angeles",
      "Europe/London",
      "Asia/Kolkata",
    ]) {
      for (const iso of ["2026-01-15", "2026-04-05", "2026-09-27", "2026-11-01", "2026-03-08"]) {
        const serial = day(iso);
        expect(serialFromInstant(instantFromSerial(serial, zone), zone)).toBe(serial);
      }
    }
    expect(
      new Date(instantFromSerial(day("2026-07-01"), "America/Los_Angeles")).toISOString(),
    ).toBe("2026-07-01T07:00:00.000Z");
  });

  it("a date-formatted number reaches the script as a Date, other numbers as numbers", () => {
    const serial = day("2026-03-10");
    expect(toScriptValue(serial, "yyyy-mm-dd", "Pacific/Auckland")).toEqual(
      new Date("2026-03-09T11:00:00Z"),
    );
    expect(toScriptValue(serial, "0.00", "Pacific/Auckland")).toBe(serial);
    expect(toScriptValue(undefined, undefined, "UTC")).toBe("");
  });
});

describe("text written by a script is read like typing", () => {
  it("reads numbers, thousands separators, percentages and currency", () => {
    expect(parseTyped("42", undefined)).toEqual({ value: 42 });
    expect(parseTyped("-1.5e3", undefined)).toEqual({ value: -1500 });
    expect(parseTyped("1,234", undefined)).toEqual({ value: 1234, format: "#,##0" });
    expect(parseTyped("5%", undefined)).toEqual({ value: 0.05, format: "0%" });
    expect(parseTyped("12.5%", undefined)).toEqual({ value: 0.125, format: "0.00%" });
    expect(parseTyped("$1,000", undefined)).toEqual({ value: 1000, format: '"$"#,##0.00' });
  });

  it("reads TRUE/FALSE, ISO and US dates and times", () => {
    expect(parseTyped("true", undefined)).toEqual({ value: true });
    expect(parseTyped("2026-01-05", undefined)).toEqual({
      value: day("2026-01-05"),
      format: "yyyy-mm-dd",
    });
    expect(parseTyped("1/5/2026", undefined)).toEqual({
      value: day("2026-01-05"),
      format: "M/d/yyyy",
    });
    expect(parseTyped("2026-01-05 12:00", undefined)).toEqual({
      value: day("2026-01-05") + 0.5,
      format: "yyyy-mm-dd H:mm:ss",
    });
    expect(parseTyped("18:30", undefined)).toEqual({ value: 18.5 / 24, format: "H:mm" });
  });

  it("keeps a date format the cell already has", () => {
    expect(parseTyped("2026-01-05", "d mmm yyyy")).toEqual({ value: day("2026-01-05") });
  });

  it("makes =text a formula, and keeps it text under the plain-text format or after an apostrophe", () => {
    expect(parseTyped("=SUM(A1:A3)", undefined)).toEqual({
      value: undefined,
      formula: "=SUM(A1:A3)",
    });
    expect(parseTyped("=SUM(A1:A3)", "@")).toEqual({ value: "=SUM(A1:A3)" });
    expect(parseTyped("'=1+1", undefined)).toEqual({ value: "=1+1" });
    expect(parseTyped("5%", "@")).toEqual({ value: "5%" });
    expect(parseTyped("=", undefined)).toEqual({ value: "=" });
  });

  it("leaves other text alone", () => {
    expect(parseTyped("KPI-0001", undefined)).toEqual({ value: "KPI-0001" });
    expect(parseTyped("2026-02-30", undefined)).toEqual({ value: "2026-02-30" });
    expect(parseTyped("", undefined)).toEqual({ value: undefined });
  });

  it("stores a written Date with a default date (or date-time) format", () => {
    expect(
      fromScriptValue(new Date("2026-01-04T11:00:00Z"), undefined, "Pacific/Auckland"),
    ).toEqual({
      value: day("2026-01-05"),
      format: "M/d/yyyy",
    });
    const withTime = fromScriptValue(
      new Date("2026-01-04T12:30:00Z"),
      undefined,
      "Pacific/Auckland",
    );
    expect(withTime.format).toBe("M/d/yyyy H:mm:ss");
    expect(withTime.value).toBeCloseTo(day("2026-01-05") + 1.5 / 24, 9);
    expect(fromScriptValue(null, undefined, "UTC")).toEqual({ value: undefined });
  });
});

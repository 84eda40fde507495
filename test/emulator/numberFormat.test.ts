import { formatDisplay, formatGeneral, isDateFormat } from "../../emulator/numberFormat";

describe("number formats as getDisplayValues renders them", () => {
  it.each([
    [1234.5678, "0", "1235"],
    [1234.5678, "0.0", "1234.6"],
    [1234.5678, "0.00", "1234.57"],
    [1234.5678, "#,##0", "1,235"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.4567, "0%", "46%"],
    [0.4567, "0.0%", "45.7%"],
    [-0.125, "0.00%", "-12.50%"],
    [1.005, "0.00", "1.01"],
    [-3, "0", "-3"],
    [0.5, "#,##0.00", "0.50"],
    [7, "000", "007"],
    [1500000, '#,##0,,"M"', "2M"],
    [1234.5, '"$"#,##0.00', "$1,234.50"],
    [-5, "0;(0)", "(5)"],
    [0, '0;-0;"zero"', "zero"],
    [12345.678, "0.00E+00", "1.23E+04"],
    [3.5, "0.0#", "3.5"],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(formatDisplay(value, format)).toBe(shown);
  });

  it("shows unformatted numbers as Sheets' automatic format does", () => {
    expect(formatDisplay(42, undefined)).toBe("42");
    expect(formatDisplay(1 / 3, undefined)).toBe("0.3333333333");
    expect(formatGeneral(123456789.123)).toBe("123456789.1");
    expect(formatGeneral(1e20)).toBe("1E+20");
  });

  it("renders date formats from the serial's wall-clock fields", () => {
    const serial = 46023 + (13 * 3600 + 5 * 60 + 9) / 86_400; // 2026-01-01 13:05:09
    expect(formatDisplay(serial, "yyyy-mm-dd")).toBe("2026-01-01");
    expect(formatDisplay(serial, "M/d/yyyy")).toBe("1/1/2026");
    expect(formatDisplay(serial, "M/d/yyyy H:mm:ss")).toBe("1/1/2026 13:05:09");
    expect(formatDisplay(serial, "h:mm AM/PM")).toBe("1:05 PM");
    expect(formatDisplay(serial, "dddd, mmmm d")).toBe("Thursday, January 1");
    expect(formatDisplay(serial, "mmm yy")).toBe("Jan 26");
  });

  it("keeps text as typed under plain text and other formats", () => {
    expect(formatDisplay("=SUM(A1)", "@")).toBe("=SUM(A1)");
    expect(formatDisplay("007", "@")).toBe("007");
    expect(formatDisplay("n/a", "0.00")).toBe("n/a");
    expect(formatDisplay(12, "@")).toBe("12");
  });

  it("shows booleans, errors and empty cells as Sheets does", () => {
    expect(formatDisplay(true, undefined)).toBe("TRUE");
    expect(formatDisplay({ error: "#N/A" }, undefined)).toBe("#N/A");
    expect(formatDisplay(undefined, "0.00")).toBe("");
  });

  it("tells date formats from number formats", () => {
    for (const f of [
      "yyyy-mm-dd",
      "M/d/yyyy",
      "H:mm",
      "mmm d",
      "d mmmm yyyy",
      "[h]:mm:ss",
      "AM/PM h",
    ]) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ["0", "0.00%", "#,##0", '"days" 0', "General", "0.00E+00", "@", "[Red]0"]) {
      expect(isDateFormat(f)).toBe(false);
    }
  });
});

describe("number formats at every magnitude, digit for digit as Sheets shows them", () => {
  it("shows 1e22 with #,##0 in full, not in E notation", () => {
    expect(formatDisplay(1e22, "#,##0")).toBe("10,000,000,000,000,000,000,000");
  });

  it("shows a huge percentage with all its digits, not as 1%", () => {
    expect(formatDisplay(1.54e296, "0%")).toBe(`154${"0".repeat(296)}%`);
    expect(formatDisplay(1.7976931348623157e308, "0%")).toBe(
      `17976931348623157${"0".repeat(294)}%`,
    );
  });

  // Past the digits that identify the double (up to 17), the emulator shows zeros; Sheets' own
  // rule beyond 15 significant digits is not documented.
  it("keeps the shortest digits of a double and pads with zeros past them", () => {
    expect(formatDisplay(123456789012345680000, "0")).toBe("123456789012345680000");
    expect(formatDisplay(2 ** 70, "#,##0.00")).toBe("1,180,591,620,717,411,300,000.00");
  });

  it("rounds half away from zero at the last place, carrying through nines", () => {
    expect(formatDisplay(9.995, "0.00")).toBe("10.00");
    expect(formatDisplay(0.5, "0")).toBe("1");
    expect(formatDisplay(-2.5, "0")).toBe("-3");
    expect(formatDisplay(999999.5, "#,##0")).toBe("1,000,000");
    expect(formatDisplay(0.0049, "0.00")).toBe("0.00");
    expect(formatDisplay(1e-30, "0.00%")).toBe("0.00%");
  });

  it("shows a negative number that rounds to zero without its sign", () => {
    expect(formatDisplay(-0.001, "0")).toBe("0");
    expect(formatDisplay(-1e-300, "0.0")).toBe("0.0");
  });
});

import { columnLetters, columnNumber, parseA1, quoteSheetName } from "../../emulator/a1";

describe("A1 notation", () => {
  it("converts column numbers to letters and back, past Z and ZZ", () => {
    for (const [n, letters] of [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [30, "AD"],
      [702, "ZZ"],
      [703, "AAA"],
    ] as const) {
      expect(columnLetters(n)).toBe(letters);
      expect(columnNumber(letters)).toBe(n);
    }
  });

  it("reads a cell, a rectangle and absolute markers", () => {
    expect(parseA1("B3")).toEqual({ start: { row: 3, column: 2 }, end: { row: 3, column: 2 } });
    expect(parseA1("$A$1:$C$4")).toEqual({
      start: { row: 1, column: 1 },
      end: { row: 4, column: 3 },
    });
  });

  it("reads open ranges: A1:E runs to the bottom, A:A is a whole column, 2:3 whole rows", () => {
    expect(parseA1("A1:E")).toEqual({ start: { row: 1, column: 1 }, end: { column: 5 } });
    expect(parseA1("A:A")).toEqual({ start: { column: 1 }, end: { column: 1 } });
    expect(parseA1("2:3")).toEqual({ start: { row: 2 }, end: { row: 3 } });
  });

  it("reads quoted sheet names with apostrophes and unquoted ones", () => {
    expect(parseA1("'Check-ins'!A1:E")?.sheetName).toBe("Check-ins");
    expect(parseA1("'Bob''s KPIs'!B2")?.sheetName).toBe("Bob's KPIs");
    expect(parseA1("KPIs!A1:AD")).toEqual({
      sheetName: "KPIs",
      start: { row: 1, column: 1 },
      end: { column: 30 },
    });
  });

  it("rejects what is not a range", () => {
    for (const text of ["", "A", "1", "A0", "KPI_AS_OF", "A1:B2:C3", "1:A"])
      expect(parseA1(text)).toBeUndefined();
  });

  it("quotes sheet names that need it, as Sheets writes references", () => {
    expect(quoteSheetName("KPIs")).toBe("KPIs");
    expect(quoteSheetName("Check-ins")).toBe("'Check-ins'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  });
});

import { createEmulator, UserInput } from "../../emulator";

function setUp() {
  const emu = createEmulator({
    timeZone: "Pacific/Auckland",
    user: "ann@example.com",
    now: "2026-03-01T00:00:00Z",
  });
  const app = emu.services("FULL").SpreadsheetApp;
  const ss = app.getActive();
  const sheet = ss.getSheets()[0]!;
  const rules = () => app.newDataValidation();
  return { emu, ss, sheet, rules, hands: new UserInput(emu), name: sheet.getName() };
}

describe("typing in a cell, as in Sheets", () => {
  it("reads =… as a formula, 5% as 0.05 with a percent format, ' as text", () => {
    const { sheet, hands, name } = setUp();
    expect(hands.type(name, 1, 1, "=2+3")).toEqual({ status: "done" });
    hands.type(name, 1, 2, "5%");
    hands.type(name, 1, 3, "'=2+3");
    hands.type(name, 1, 4, "1,234.5");
    expect(sheet.getRange("A1").getFormula()).toBe("=2+3");
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[5, 0.05, "=2+3", 1234.5]]);
    expect(sheet.getRange("B1").getNumberFormat()).toBe("0%");
    expect(sheet.getRange("B1").getDisplayValue()).toBe("5%");
  });

  it("reads a typed date as that calendar day in the spreadsheet's zone", () => {
    const { sheet, hands, name } = setUp();
    hands.type(name, 2, 1, "2026-03-15");
    const value = sheet.getRange("A2").getValue() as Date;
    expect(value).toBeInstanceOf(Date);
    // Midnight of 15 March in Auckland is 11:00 UTC the day before.
    expect(value.toISOString()).toBe("2026-03-14T11:00:00.000Z");
    expect(sheet.getRange("A2").getDisplayValue()).toBe("2026-03-15");
  });

  it("keeps typed text verbatim in a plain-text cell, and an empty entry clears the cell", () => {
    const { sheet, hands, name } = setUp();
    sheet.getRange("A1").setNumberFormat("@");
    hands.type(name, 1, 1, "=1+1");
    expect(sheet.getRange("A1").getValue()).toBe("=1+1");
    hands.type(name, 1, 2, "7");
    hands.type(name, 1, 2, "");
    expect(sheet.getRange("B1").getValue()).toBe("");
  });

  it("refuses what a rejecting rule forbids with Sheets' message, leaving the cell as it was", () => {
    const { sheet, rules, hands, name } = setUp();
    sheet
      .getRange("B2:B10")
      .setDataValidation(
        rules()
          .requireValueInList(["Yes", "No"], true)
          .setAllowInvalid(false)
          .setHelpText("Answer Yes or No.")
          .build(),
      );
    hands.type(name, 2, 2, "Yes");
    expect(hands.type(name, 2, 2, "Maybe")).toEqual({
      status: "refused",
      title: "There was a problem",
      message:
        "The data you entered in cell B2 violates the data validation rules set on this cell. Answer Yes or No.",
    });
    expect(sheet.getRange("B2").getValue()).toBe("Yes");
    // A paste is refused whole: the valid cells of the block are not written either.
    expect(
      hands.paste(name, 3, 1, [
        ["x", "No"],
        ["y", "Perhaps"],
      ]).status,
    ).toBe("refused");
    expect(sheet.getRange("A3:B4").getValues()).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(hands.dropdown(name, 5, 2)).toEqual(["Yes", "No"]);
  });

  it("accepts what a warning rule forbids and shows Invalid: on the cell", () => {
    const { sheet, rules, hands, name } = setUp();
    sheet.getRange("A1:A3").setValues([["KPI-1"], ["KPI-2"], [""]]);
    sheet
      .getRange("C1:C5")
      .setDataValidation(
        rules().requireValueInRange(sheet.getRange("A1:A3"), true).setAllowInvalid(true).build(),
      );
    expect(hands.dropdown(name, 2, 3)).toEqual(["KPI-1", "KPI-2"]);
    expect(hands.type(name, 1, 3, "KPI-9").status).toBe("done");
    expect(sheet.getRange("C1").getValue()).toBe("KPI-9");
    expect(hands.invalidMessage(name, 1, 3)).toBe(
      "Invalid: Input must fall within specified range",
    );
    hands.type(name, 2, 3, "KPI-2");
    expect(hands.invalidMessage(name, 2, 3)).toBeUndefined();
  });

  it("checks a date rule against what the typing became", () => {
    const { sheet, rules, hands, name } = setUp();
    sheet.getRange("A1:A5").setDataValidation(rules().requireDate().setAllowInvalid(false).build());
    expect(hands.type(name, 1, 1, "2026-04-01").status).toBe("done");
    expect(hands.type(name, 2, 1, "next week").status).toBe("refused");
  });
});

describe("what the user sees and does besides typing", () => {
  it("shows an error cell's message, as Sheets' tooltip does", () => {
    const { hands, name } = setUp();
    hands.type(name, 1, 1, "=1/0");
    hands.type(name, 2, 1, "5");
    hands.type(name, 3, 1, "=NOSUCH(1)");
    expect(hands.errorMessage(name, 1, 1)).toBe("Function DIVIDE parameter 2 cannot be zero.");
    expect(hands.errorMessage(name, 2, 1)).toBeUndefined();
    expect(hands.errorMessage(name, 3, 1)).toMatch(/NOSUCH/);
  });

  it("asks before editing a range protected with a warning, and edits once confirmed", () => {
    const { sheet, hands, name } = setUp();
    sheet.getRange("A1:A3").protect().setWarningOnly(true);
    expect(hands.type(name, 2, 1, "9")).toEqual({
      status: "confirm",
      title: "Heads up!",
      message:
        "You are trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?",
    });
    expect(sheet.getRange("A2").getValue()).toBe("");
    expect(hands.type(name, 2, 1, "9", { confirmed: true }).status).toBe("done");
    expect(sheet.getRange("A2").getValue()).toBe(9);
  });

  it("clears contents with Delete, keeping the number format", () => {
    const { sheet, hands, name } = setUp();
    hands.paste(name, 1, 1, [
      ["5%", "2"],
      ["3", "4"],
    ]);
    hands.clear(name, 1, 1, 2, 1);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["", 2],
      ["", 4],
    ]);
    expect(sheet.getRange("A1").getNumberFormat()).toBe("0%");
  });

  it("pastes past the last row by growing the sheet", () => {
    const { sheet, hands, name } = setUp();
    const last = sheet.getMaxRows();
    hands.paste(name, last, 1, [["a"], ["b"], ["c"]]);
    expect(sheet.getMaxRows()).toBe(last + 2);
    expect(sheet.getRange(last + 2, 1).getValue()).toBe("c");
  });

  it("inserts and deletes rows, and formulas follow the rows they point at", () => {
    const { sheet, hands, name } = setUp();
    hands.paste(name, 1, 1, [["1"], ["2"], ["3"], ["=A3*10"]]);
    hands.insertRows(name, 2, 1, "above");
    expect(sheet.getRange("A5").getFormula()).toBe("=A4*10");
    hands.deleteRows(name, 2, 2);
    expect(sheet.getRange("A3").getFormula()).toBe("=A2*10");
    expect(sheet.getRange("A3").getValue()).toBe(30);
    expect(hands.deleteRows(name, 1, sheet.getMaxRows()).status).toBe("refused");
  });
});

import { createEmulator, Emulator, type ErrorArguments, loadAddOn } from "../../emulator";

/** Reports what each cell of its range argument was, or that it was called with a scalar. */
const SCRIPT = `
function KPI_SMART(kpis) {
  Logger.log("KPI_SMART called");
  return kpis.map(function (row) { return [typeof row[0] + ":" + String(row[0])]; });
}
function KPI_PACE(x) { return "called with " + String(x); }
`;

function setUp(errorArguments?: ErrorArguments) {
  const emu = createEmulator(errorArguments === undefined ? {} : { errorArguments });
  loadAddOn(SCRIPT, emu, { manifest: {} });
  const sheet = emu.spreadsheet.getSheets()[0]!;
  sheet.getRange("A1:A4").setFormulas([["=1/0"], ["=NA()"], ['=VALUE("x")'], ["=SQRT(-1)"]]);
  sheet.getRange("A5").setValue(7);
  return { emu, sheet };
}

describe("error cells in custom-function arguments", () => {
  it("getValues hands error cells over as their text, as Google does", () => {
    const { sheet } = setUp();
    expect(sheet.getRange("A1:A4").getValues()).toEqual([
      ["#DIV/0!"],
      ["#N/A"],
      ["#VALUE!"],
      ["#NUM!"],
    ]);
  });

  it("by default (text) an error inside a range reaches the function as its text", () => {
    const { emu, sheet } = setUp();
    expect(emu.errorArguments).toBe("text");
    sheet.getRange("C1").setFormula("=KPI_SMART(A1:A5)");
    expect(sheet.getRange("C1").getValue()).toBe("string:#DIV/0!");
    expect(emu.logs.map((l) => l.message)).toContain("KPI_SMART called");
    expect(sheet.getRange("C1:C5").getValues()).toEqual([
      ["string:#DIV/0!"],
      ["string:#N/A"],
      ["string:#VALUE!"],
      ["string:#NUM!"],
      ["number:7"],
    ]);
  });

  it('with errorArguments "error" the formula shows the first error and the function is not called', () => {
    const { emu, sheet } = setUp("error");
    sheet.getRange("C1").setFormula("=KPI_SMART(A1:A5)");
    expect(sheet.getRange("C1:C2").getValues()).toEqual([["#DIV/0!"], [""]]);
    expect(emu.logs.map((l) => l.message)).not.toContain("KPI_SMART called");
  });

  it("an argument that is itself an error makes the formula that error in both modes", () => {
    for (const mode of ["text", "error"] as const) {
      const { sheet } = setUp(mode);
      sheet.getRange("C1").setFormula("=KPI_PACE(A2)");
      expect(sheet.getRange("C1").getValue()).toBe("#N/A");
    }
  });

  it("the mode survives save and load", () => {
    const { emu } = setUp("error");
    expect(Emulator.fromJSON(JSON.parse(JSON.stringify(emu.toJSON()))).errorArguments).toBe(
      "error",
    );
  });
});

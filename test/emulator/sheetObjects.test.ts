import { createEmulator } from "../../emulator";
import { conditionalFormatAt } from "../../emulator/ConditionalFormatRule";
import { passesValidation } from "../../emulator/DataValidation";

function setUp(user = "owner@example.com") {
  const emu = createEmulator({ user, owner: "owner@example.com" });
  const app = emu.services("FULL").SpreadsheetApp;
  const ss = app.getActive();
  return { emu, app, ss, sheet: ss.getSheets()[0]! };
}

describe("developer metadata", () => {
  it("tags sheets so they are found again after a rename", () => {
    const { app, ss } = setUp();
    const kpis = ss.insertSheet("KPIs");
    kpis.addDeveloperMetadata("smartkpi.sheet", "kpis");
    kpis.setName("My goals");
    const found = ss
      .createDeveloperMetadataFinder()
      .withKey("smartkpi.sheet")
      .withValue("kpis")
      .withLocationType(app.DeveloperMetadataLocationType.SHEET)
      .find();
    expect(found).toHaveLength(1);
    expect(found[0]?.getLocation().getSheet()?.getName()).toBe("My goals");
    expect(found[0]?.getValue()).toBe("kpis");
  });

  it("lives on the spreadsheet, a whole row or a whole column, but not an arbitrary range", () => {
    const { app, ss, sheet } = setUp();
    ss.addDeveloperMetadata("version", "3", app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange("2:2").addDeveloperMetadata("row.kpi", "KPI-0001");
    sheet.getRange("C:C").addDeveloperMetadata("column.status");
    expect(() => sheet.getRange("A1:B2").addDeveloperMetadata("x")).toThrow(
      "Adding developer metadata to arbitrary ranges is not currently supported.",
    );
    expect(
      ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]),
    ).toEqual([["version", "3", "PROJECT"]]);
    const row = sheet.createDeveloperMetadataFinder().withKey("row.kpi").find()[0];
    expect(row?.getLocation().getRow()?.getA1Notation()).toBe("A2:Z2");
    sheet.insertRowsBefore(1, 1);
    expect(row?.getLocation().getRow()?.getRow()).toBe(3);
    sheet.deleteRow(3);
    expect(sheet.createDeveloperMetadataFinder().withKey("row.kpi").find()).toHaveLength(0);
  });
});

describe("protection", () => {
  it("a warning-only protection lets scripts write; a strict one stops other users", () => {
    const { emu, sheet } = setUp();
    const computed = sheet
      .getRange("U1:Z1000")
      .protect()
      .setDescription("computed")
      .setWarningOnly(true);
    const strict = sheet.getRange("A1").protect();
    expect(computed.isWarningOnly()).toBe(true);
    const other = emu
      .services("FULL", { user: "editor@example.com" })
      .SpreadsheetApp.getActive()
      .getSheets()[0]!;
    other.getRange("U2").setValue("ok");
    expect(() => other.getRange("A1").setValue("no")).toThrow(
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    );
    expect(other.getRange("A1").canEdit()).toBe(false);
    strict.addEditor("editor@example.com");
    other.getRange("A1").setValue("now ok");
    expect(sheet.getRange("A1").getValue()).toBe("now ok");
  });

  it("lists protections by type and removes them", () => {
    const { app, ss, sheet } = setUp();
    sheet.protect().setDescription("whole sheet");
    sheet.getRange("A1:B2").protect();
    expect(ss.getProtections(app.ProtectionType.SHEET).map((p) => p.getDescription())).toEqual([
      "whole sheet",
    ]);
    const [range] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(range?.getRange().getA1Notation()).toBe("A1:B2");
    range?.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe("data validation", () => {
  it("builds list, range and checkbox rules and reads them back per cell", () => {
    const { emu, app, ss, sheet } = setUp();
    const kpis = ss.insertSheet("KPIs");
    kpis.getRange("A1:A3").setValues([["ID"], ["KPI-0001"], ["KPI-0002"]]);
    const rule = app
      .newDataValidation()
      .requireValueInRange(kpis.getRange("A2:A"), true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange("B2:B").setDataValidation(rule);
    const back = sheet.getRange("B500").getDataValidation()!;
    expect(String(back.getCriteriaType())).toBe("VALUE_IN_RANGE");
    expect(
      (back.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(),
    ).toBe("A2:A1000");
    expect(back.getAllowInvalid()).toBe(false);
    expect(sheet.getRange("B1").getDataValidation()).toBeNull();

    const list = app
      .newDataValidation()
      .requireValueInList(["KPI", "Objective"])
      .setHelpText("Pick one")
      .build();
    expect(list.getCriteriaValues()).toEqual([["KPI", "Objective"], true]);
    expect(list.copy().getHelpText()).toBe("Pick one");

    const data = emu.book.sheets[0]!.validations.get(500, 2)!;
    expect(passesValidation(emu.book, data, "KPI-0002")).toBe(true);
    expect(passesValidation(emu.book, data, "KPI-9999")).toBe(false);
  });
});

describe("conditional format rules", () => {
  it("are kept per sheet and paint the first matching rule, text matched case-insensitively", () => {
    const { emu, app, sheet } = setUp();
    const status = sheet.getRange("A1:A4");
    status.setValues([["Achieved"], ["at risk"], ["Off track"], [""]]);
    const green = app
      .newConditionalFormatRule()
      .whenTextEqualTo("Achieved")
      .setBackground("#b7e1cd")
      .setRanges([status])
      .build();
    const amber = app
      .newConditionalFormatRule()
      .whenTextEqualTo("At risk")
      .setBackground("#fce8b2")
      .setRanges([status])
      .build();
    const grey = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground("#eeeeee")
      .setRanges([status])
      .build();
    sheet.setConditionalFormatRules([green, amber, grey]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    expect(rules[1]?.getBooleanCondition()?.getCriteriaValues()).toEqual(["At risk"]);
    expect(rules[0]?.getRanges()[0]?.getA1Notation()).toBe("A1:A4");
    const model = emu.book.sheets[0]!;
    expect([1, 2, 3, 4].map((row) => conditionalFormatAt(model, row, 1)?.background)).toEqual([
      "#b7e1cd",
      "#fce8b2",
      undefined,
      "#eeeeee",
    ]);
  });

  it("refuses a rule without a condition or a range", () => {
    const { app } = setUp();
    expect(() => app.newConditionalFormatRule().setBackground("#fff").build()).toThrow();
  });
});

describe("embedded charts", () => {
  it("are built from ranges, inserted, listed and modified", () => {
    const { sheet } = setUp();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange("A1:B5"))
      .setPosition(2, 4, 0, 0)
      .setOption("title", "Attainment by department")
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getRanges()[0]?.getA1Notation()).toBe("A1:B5");
    expect(inserted?.getOptions().get("title")).toBe("Attainment by department");
    expect(inserted?.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(inserted!.modify().setOption("title", "New").build());
    expect(sheet.getCharts()[0]?.getOptions().get("title")).toBe("New");
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

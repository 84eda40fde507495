import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, Emulator, loadAddOn } from "../../emulator";

describe("service calls are counted by method", () => {
  it("counts each call of the script's service objects, refused calls included", () => {
    const emu = createEmulator();
    const globals = emu.services("FULL");
    const sheet = globals.SpreadsheetApp.getActive().getSheets()[0]!;
    sheet.getRange("A1:B2").getValues();
    sheet.getRange(1, 1).setValue(1);
    expect(emu.calls.byMethod()).toEqual({
      "Range.getValues": 1,
      "Range.setValue": 1,
      "Sheet.getRange": 2,
      "Spreadsheet.getSheets": 1,
      "SpreadsheetApp.getActive": 1,
    });
    expect(emu.calls.total()).toBe(6);
    expect(emu.calls.count("Range.")).toBe(2);
    expect(() => emu.services("NONE").SpreadsheetApp.getActive()).toThrow();
    expect(emu.calls.count("SpreadsheetApp.getActive")).toBe(2);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });

  it("the test's direct view of the document is not counted", () => {
    const emu = createEmulator();
    emu.spreadsheet.getSheets()[0]!.getRange("A1").setValue(1);
    expect(emu.calls.total()).toBe(0);
  });

  it("scripts see only Apps Script methods and enums, not the emulator's internals", () => {
    const emu = createEmulator();
    const addOn = loadAddOn(
      `function peek() {
        var ui = SpreadsheetApp.getUi(); var menu = ui.createAddonMenu();
        return [typeof menu.recorder, typeof menu.addItem, typeof ScriptApp.AuthMode, Object.keys(SpreadsheetApp).length,
                typeof SpreadsheetApp.getActive().constructor];
      }`,
      emu,
    );
    expect(addOn.run("peek")).toEqual(["undefined", "function", "object", 0, "undefined"]);
  });
});

describe("the whole state saves to and loads from one JSON file", () => {
  it("round-trips cells, formats, formulas, names, metadata, properties, triggers, outbox and clock", () => {
    const emu = createEmulator({
      timeZone: "Pacific/Auckland",
      now: "2026-02-01T10:00:00Z",
      user: "ann@example.com",
    });
    const addOn = loadAddOn(
      `function setup() {
        var ss = SpreadsheetApp.getActive();
        var sheet = ss.insertSheet("KPIs");
        sheet.getRange("A1:C2").setValues([["ID", "Due", "Share"], ["KPI-0001", new Date(), 0.25]]);
        sheet.getRange("C2").setNumberFormat("0%");
        sheet.getRange("D2").setFormula("=C2*4");
        sheet.addDeveloperMetadata("smartkpi.sheet", "kpis");
        sheet.getRange("B2:B").setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
        sheet.getRange("A1:D1").protect().setWarningOnly(true);
        ss.setNamedRange("KPI_AS_OF", sheet.getRange("B2"));
        PropertiesService.getUserProperties().setProperty("seen", "1");
        ScriptApp.newTrigger("daily").timeBased().atHour(8).everyDays(1).create();
        MailApp.sendEmail("bob@example.com", "Hi", "Body");
        SpreadsheetApp.getUi().createAddonMenu().addItem("Go", "go").addToUi();
      }
      function daily() {}`,
      emu,
    );
    addOn.run("setup");
    const dir = mkdtempSync(join(tmpdir(), "emu-"));
    try {
      const file = join(dir, "workbook.json");
      emu.save(file);
      const back = Emulator.load(file);
      const kpis = back.spreadsheet.getSheetByName("KPIs")!;
      expect(kpis.getRange("A2:D2").getDisplayValues()).toEqual([
        ["KPI-0001", "2/1/2026 23:00:00", "25%", "1"],
      ]);
      expect(kpis.getRange("D2").getFormula()).toBe("=C2*4");
      expect(back.spreadsheet.getRangeByName("KPI_AS_OF")?.getA1Notation()).toBe("B2");
      expect(kpis.getDeveloperMetadata()[0]?.getValue()).toBe("kpis");
      expect(String(kpis.getRange("B9").getDataValidation()?.getCriteriaType())).toBe(
        "DATE_IS_VALID_DATE",
      );
      expect(
        kpis
          .getProtections(back.services().SpreadsheetApp.ProtectionType.RANGE)[0]
          ?.isWarningOnly(),
      ).toBe(true);
      expect(back.properties.user("ann@example.com").get("seen")).toBe("1");
      expect(back.triggers.list()).toEqual(emu.triggers.list());
      expect(back.outbox).toEqual(emu.outbox);
      expect(back.mail.remaining("ann@example.com")).toBe(99);
      expect(back.ui.menu()?.items).toEqual([{ caption: "Go", functionName: "go" }]);
      expect(back.now()).toEqual(emu.now());
      expect(back.spreadsheet.getSpreadsheetTimeZone()).toBe("Pacific/Auckland");
      expect(JSON.parse(JSON.stringify(back.toJSON()))).toEqual(
        JSON.parse(JSON.stringify(emu.toJSON())),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the virtual clock", () => {
  it("starts where told, never at the real time, and moves only when told", () => {
    const emu = createEmulator({ now: "2026-05-05T05:05:05Z" });
    expect(emu.now().toISOString()).toBe("2026-05-05T05:05:05.000Z");
    emu.advance(1000);
    emu.setNow(new Date(emu.now().getTime() + 1000));
    expect(emu.now().toISOString()).toBe("2026-05-05T05:05:07.000Z");
    expect(createEmulator().now().toISOString()).toBe("2026-01-01T09:00:00.000Z");
  });
});

import { z } from "zod";
import { createEmulator } from "../../emulator";
import { REGISTRY_COLUMNS, registryRowSchema } from "../../src/core/registry";
import { columnRuns, looksLikeFormula, Table, writeColumns } from "../../src/server/table";
import { CHECKIN_COLUMNS, columnSpecOf } from "../../src/server/workbook";
import { day, sheetDate, zoneOf } from "../support/clock";

const TZ = "Pacific/Auckland";

describe("Table.records", () => {
  const header = ["Target", "My column", "ID", "Name", "Due", "Type"];
  const values = [
    header,
    [100, "mine", "KPI-0001", "Visit 100 manufacturing customers", sheetDate(TZ, "2026-06-30"), ""],
    ["", "", "", "", "", ""],
    ["ten", "", "KPI-0002", "Reach 5% conversion", "", ""],
    ["", "notes only", "", "", "", ""],
    [" 5% ", "", "KPI-0003", "Orders", "", "kr"],
  ];
  const table = Table.of("KPIs", values, REGISTRY_COLUMNS);
  const skipWithoutId = (cells: Record<string, unknown>) => cells.id === "";

  it("reads rows into typed records by header name, wherever the columns are", () => {
    const { records } = table.records(registryRowSchema(zoneOf(TZ)), skipWithoutId);
    expect(
      records.map(({ row, value }) => [row, value.id, value.target, value.due, value.type]),
    ).toEqual([
      [2, "KPI-0001", 100, day("2026-06-30"), "kpi"],
      [6, "KPI-0003", 0.05, undefined, "keyresult"],
    ]);
  });

  it("reports a bad row by its row number in the sheet", () => {
    const { errors } = table.records(registryRowSchema(zoneOf(TZ)), skipWithoutId);
    expect(errors.map((error) => error.message)).toEqual([
      'KPIs row 4: target "ten" is not a number',
    ]);
    expect(errors[0]?.row).toBe(4);
  });

  it("skips blank rows by default and reads absent columns as blank", () => {
    const log = Table.of(
      "Check-ins",
      [
        ["KPI ID", "Value"],
        ["KPI-1", 3],
        ["", ""],
        ["KPI-2", "x"],
      ],
      columnSpecOf(CHECKIN_COLUMNS),
    );
    expect(log.missing(["date", "kpiId", "by"])).toEqual(["date", "by"]);
    const schema = z.object({ kpiId: z.string(), value: z.number(), date: z.literal("") });
    const { records, errors } = log.records(schema);
    expect(records).toEqual([{ row: 2, value: { kpiId: "KPI-1", value: 3, date: "" } }]);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Check-ins row 4: Value: /),
    ]);
  });

  it("reads an empty sheet as a table without rows", () => {
    const empty = Table.of("KPIs", [[""]], REGISTRY_COLUMNS);
    expect(empty.size).toBe(0);
    expect(empty.records(registryRowSchema(zoneOf(TZ))).records).toEqual([]);
  });
});

describe("columnRuns", () => {
  it("writes adjacent computed columns as one run", () => {
    const columns = { actual: 20, attainment: 21, expected: 22, status: 23 };
    expect(columnRuns(columns, ["status", "actual", "expected", "attainment"])).toEqual([
      { start: 20, fields: ["actual", "attainment", "expected", "status"] },
    ]);
  });

  it("splits a run around a user's column and skips fields without a column", () => {
    const columns = { actual: 3, attainment: 5, status: 6 };
    expect(columnRuns<string>(columns, ["actual", "attainment", "status", "updated"])).toEqual([
      { start: 3, fields: ["actual"] },
      { start: 5, fields: ["attainment", "status"] },
    ]);
  });
});

describe("looksLikeFormula", () => {
  it("flags text Sheets would read as a formula or a signed number", () => {
    expect(["=1+1", "+5", "-churn", "@ann", '=HYPERLINK("x")'].every(looksLikeFormula)).toBe(true);
    expect(["a=b", "", " =1", "KPI-0001"].some(looksLikeFormula)).toBe(false);
    expect(looksLikeFormula(-5)).toBe(false);
  });
});

describe("reading and writing a sheet in the emulator", () => {
  /** A registry of `rows` KPIs laid out as setup lays it out, then read and written back. */
  function readAndWrite(rows: number): Record<string, number> {
    const emu = createEmulator({ timeZone: TZ, now: "2026-03-01T12:00:00Z" });
    const own = emu.spreadsheet.getSheetByName("Sheet1")!;
    own.setName("KPIs");
    if (rows + 1 > own.getMaxRows())
      own.insertRowsAfter(own.getMaxRows(), rows + 1 - own.getMaxRows());
    const headers = Object.values(REGISTRY_COLUMNS).map((names) => names[0]);
    own
      .getRange(1, 1, rows + 1, headers.length)
      .setValues([
        headers,
        ...Array.from({ length: rows }, (_, i) =>
          headers.map((h) => (h === "ID" ? `KPI-${i + 1}` : h === "Target" ? 100 : "")),
        ),
      ]);

    emu.calls.reset();
    const { SpreadsheetApp } = emu.services("FULL");
    const sheet = SpreadsheetApp.getActive().getSheetByName("KPIs")!;
    const table = Table.read(sheet, REGISTRY_COLUMNS);
    const { records, errors } = table.records(
      registryRowSchema(zoneOf(TZ)),
      (cells) => cells.id === "",
    );
    expect(records).toHaveLength(rows);
    expect(errors).toEqual([]);
    const column = (value: unknown) => Array.from({ length: table.size }, () => value);
    const written = writeColumns(sheet, table, {
      actual: column(50),
      attainment: column(0.5),
      expected: column(0.4),
      status: column("On track"),
      lastCheckin: column(sheetDate(TZ, "2026-02-27")),
      updated: column(new Date("2026-03-01T12:00:00Z")),
    });
    expect(written).toBe(1);
    expect(own.getRange(rows + 1, 21, 1, 4).getValues()).toEqual([[50, 0.5, 0.4, "On track"]]);
    return emu.calls.byMethod();
  }

  it("reads 10 rows and 10,000 rows into records and writes them back with the same calls", () => {
    const small = readAndWrite(10);
    expect(small).toEqual({
      "Range.getValues": 1,
      "Range.setValues": 1,
      "Sheet.getDataRange": 1,
      "Sheet.getName": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getSheetByName": 1,
      "SpreadsheetApp.getActive": 1,
    });
    expect(readAndWrite(10_000)).toEqual(small);
  });

  it("writes text that looks like a formula as plain text and leaves a user's column alone", () => {
    const emu = createEmulator({ timeZone: TZ });
    const own = emu.spreadsheet.getSheetByName("Sheet1")!;
    own.getRange("A1:D3").setValues([
      ["ID", "Actual", "My notes", "Status"],
      ["KPI-1", "", "keep =me", ""],
      ["KPI-2", "", "=1+1", ""],
    ]);
    own.getRange("B2:B3").setNumberFormat("0.00");
    const { SpreadsheetApp } = emu.services("FULL");
    const sheet = SpreadsheetApp.getActive().getSheetByName("Sheet1")!;
    const table = Table.read(sheet, REGISTRY_COLUMNS);

    const runs = writeColumns(sheet, table, {
      actual: ["-5", 7],
      status: ['=HYPERLINK("http://evil")', "@everyone"],
    });

    expect(runs).toBe(2);
    expect(own.getRange("A2:D3").getValues()).toEqual([
      ["KPI-1", "-5", "keep =me", '=HYPERLINK("http://evil")'],
      ["KPI-2", 7, 2, "@everyone"],
    ]);
    expect(own.getRange("A2:D3").getFormulas()).toEqual([
      ["", "", "", ""],
      ["", "", "=1+1", ""],
    ]);
    expect(own.getRange("B2:B3").getNumberFormats()).toEqual([["@"], ["0.00"]]);
  });

  it("refuses values that do not match the table's rows", () => {
    const table = Table.of(
      "KPIs",
      [
        ["ID", "Status"],
        ["KPI-1", ""],
      ],
      REGISTRY_COLUMNS,
    );
    const sheet = {
      getRange: () => {
        throw new Error("must not write");
      },
    };
    expect(() => writeColumns(sheet, table, { status: ["a", "b"] })).toThrow(
      "KPIs: 2 values for status, but the table has 1 rows",
    );
  });
});

import { CHECKIN_COLUMNS } from "../../src/core/checkins";
import { findColumns, headerKey, requireColumn, requireTable } from "../../src/core/headers";
import { REGISTRY_COLUMNS } from "../../src/core/registry";
import { KpiInputError } from "../../src/core/values";

describe("finding columns by header name", () => {
  it("ignores case, spaces, _ and -", () => {
    expect(headerKey(" Last check-in ")).toBe("lastcheckin");
    expect(headerKey("LAST_CHECKIN")).toBe("lastcheckin");
    const columns = findColumns(
      ["why_it_matters", "  Data Source", "last-check-in"],
      REGISTRY_COLUMNS,
    );
    expect(columns).toMatchObject({ whyItMatters: 0, dataSource: 1, lastCheckin: 2 });
  });

  it("finds columns wherever they are and leaves out the ones that are missing", () => {
    const columns = findColumns(["My notes", "Target", "", "ID"], REGISTRY_COLUMNS);
    expect(columns.id).toBe(3);
    expect(columns.target).toBe(1);
    expect(columns.name).toBeUndefined();
  });

  it("prefers the canonical name to an alias, and the first of two equal headers", () => {
    expect(findColumns(["ID", "KPI", "KPI ID"], CHECKIN_COLUMNS).kpiId).toBe(2);
    expect(findColumns(["ID", "KPI"], CHECKIN_COLUMNS).kpiId).toBe(1);
    expect(findColumns(["Value", "value"], CHECKIN_COLUMNS).value).toBe(0);
  });

  it("reads the registry's documented aliases", () => {
    const columns = findColumns(
      ["Goal ID", "Due date", "Start date", "Frequency"],
      REGISTRY_COLUMNS,
    );
    expect(columns).toMatchObject({ id: 0, due: 1, start: 2, cadence: 3 });
  });

  it("ignores header cells that are not text", () => {
    expect(findColumns([new Date(0), 12, null, "Value"], CHECKIN_COLUMNS)).toEqual({ value: 3 });
  });

  it("names a missing required column and its aliases", () => {
    const columns = findColumns(["Date"], CHECKIN_COLUMNS);
    expect(() => requireColumn(columns, CHECKIN_COLUMNS, "kpiId", "checkins")).toThrow(
      new KpiInputError('checkins has no "KPI ID" column (or "KPI" or "ID") in its header row'),
    );
    expect(() => requireColumn(columns, CHECKIN_COLUMNS, "value", "checkins")).toThrow(
      'checkins has no "Value" column in its header row',
    );
    expect(requireColumn(columns, CHECKIN_COLUMNS, "date", "checkins")).toBe(0);
  });
});

describe("range arguments", () => {
  it("accepts a 2-D array", () => {
    const table = [["ID"], ["A"]];
    expect(requireTable(table, "kpis")).toBe(table);
  });

  it.each([["KPIs"], [""], [[]], [["ID", "Target"]], [42]])("rejects %j", (value) => {
    expect(() => requireTable(value, "kpis")).toThrow(
      "kpis must be a range that includes its header row",
    );
  });
});

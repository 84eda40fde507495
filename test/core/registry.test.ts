import fc from "fast-check";
import {
  cellsOf,
  parseRegistryRow,
  type RegistryCells,
  readAggregation,
  readCadence,
  readKpiRecord,
  readKpiType,
  readLevel,
  readRegistry,
  registryColumns,
  registryRowSchema,
} from "../../src/core/registry";
import { KpiInputError } from "../../src/core/values";
import { day, sheetDate, zoneOf } from "../support/clock";

const TZ = "Europe/Berlin";
const zone = zoneOf(TZ);

const blankCells: RegistryCells = {
  id: "",
  name: "",
  description: "",
  type: "",
  level: "",
  parent: "",
  owner: "",
  department: "",
  unit: "",
  direction: "",
  aggregation: "",
  baseline: "",
  target: "",
  start: "",
  due: "",
  cadence: "",
  weight: "",
  reward: "",
  dataSource: "",
  whyItMatters: "",
};
const cells = (fields: Partial<RegistryCells>): RegistryCells => ({ ...blankCells, ...fields });

describe("enumerations", () => {
  it.each([
    ["", "kpi"],
    ["KPI", "kpi"],
    ["objective", "objective"],
    ["Key result", "keyresult"],
    ["key_result", "keyresult"],
    ["KR", "keyresult"],
    [" HABIT ", "habit"],
    ["Project", undefined],
  ])("reads type %j as %j", (value, expected) => {
    expect(readKpiType(value)).toBe(expected);
  });

  it.each([
    ["Company", "company"],
    ["department", "department"],
    [" Team", "team"],
    ["Personal", "personal"],
    ["", undefined],
    ["Galaxy", undefined],
  ])("reads level %j as %j", (value, expected) => {
    expect(readLevel(value)).toBe(expected);
  });

  it.each([
    ["", "sum"],
    ["Total", "sum"],
    ["avg", "average"],
    ["mean", "average"],
    ["Latest", "last"],
    ["current", "last"],
    ["MAX", "max"],
    ["min", "min"],
    ["Count", "count"],
    ["median", undefined],
  ])("reads aggregation %j as %j", (value, expected) => {
    expect(readAggregation(value)).toBe(expected);
  });

  it("knows no name that only an object's prototype has", () => {
    expect(readKpiType("constructor")).toBeUndefined();
    expect(readAggregation("Constructor")).toBeUndefined();
    expect(() => readKpiRecord(cells({ id: "X", direction: "constructor" }), 2, zone)).toThrow(
      'unknown direction "constructor"',
    );
  });

  it.each([
    ["Daily", "daily"],
    ["weekly", "weekly"],
    ["Monthly", "monthly"],
    ["quarterly", "quarterly"],
    ["Yearly", "yearly"],
    ["annually", "yearly"],
    ["", undefined],
    ["fortnightly", undefined],
  ])("reads cadence %j as %j", (value, expected) => {
    expect(readCadence(value)).toBe(expected);
  });
});

describe("reading a registry row", () => {
  it("fills in the defaults of blank cells", () => {
    const record = readKpiRecord(
      cells({ id: " KPI-0001 ", name: " Visit 100 customers " }),
      2,
      zone,
    );
    expect(record).toMatchObject({
      row: 2,
      id: "KPI-0001",
      key: "kpi-0001",
      name: "Visit 100 customers",
      type: "kpi",
      level: undefined,
      direction: "increase",
      aggregation: "sum",
      baseline: undefined,
      target: undefined,
      start: undefined,
      due: undefined,
      cadence: undefined,
      weight: 1,
    });
  });

  it("reads numbers, percentages and dates of the spreadsheet's zone", () => {
    const record = readKpiRecord(
      cells({
        id: "KR-2",
        baseline: "1%",
        target: 0.05,
        start: sheetDate(TZ, "2026-01-01"),
        due: "2026-12-31",
        weight: " 2 ",
      }),
      3,
      zone,
    );
    expect(record).toMatchObject({
      baseline: 0.01,
      target: 0.05,
      start: day("2026-01-01"),
      due: day("2026-12-31"),
      weight: 2,
    });
  });

  it("reports the first problem in field order", () => {
    const bad = cells({ id: "X", direction: "sideways", target: "ten", weight: -2 });
    expect(() => readKpiRecord(bad, 2, zone)).toThrow(
      new KpiInputError(
        'unknown direction "sideways": use Increase, Decrease, At least or At most',
      ),
    );
    expect(() => readKpiRecord(cells({ id: "X", target: "ten", weight: -2 }), 2, zone)).toThrow(
      'target "ten" is not a number',
    );
    expect(() => readKpiRecord(cells({ id: "X", weight: -2 }), 2, zone)).toThrow(
      "weight -2 is negative: a weight is 0 or more",
    );
    expect(() =>
      readKpiRecord(cells({ id: "X", start: "2026-03-01", due: "2026-01-01" }), 2, zone),
    ).toThrow("due 2026-01-01 is before start 2026-03-01");
  });

  it("gives the row's number with a problem found by the zod schema", () => {
    const schema = registryRowSchema(zone);
    const parsed = parseRegistryRow(schema, cells({ id: "X", cadence: "hourly" }), 7);
    expect(parsed.record).toBeUndefined();
    expect(parsed.error?.message).toBe(
      'row 7: unknown cadence "hourly": use Daily, Weekly, Monthly, Quarterly or Yearly',
    );
    const good = parseRegistryRow(schema, cells({ id: "X", cadence: "Weekly", type: "Habit" }), 7);
    expect(good.record).toMatchObject({ row: 7, key: "x", cadence: "weekly", type: "habit" });
  });

  it("agrees with the zod schema on any cells", () => {
    const schema = registryRowSchema(zone);
    const anyCell = fc.oneof(
      fc.constantFrom(
        "",
        null,
        "KPI",
        "Habit",
        "weekly",
        "avg",
        "lower is better",
        "5%",
        "2026-02-30",
      ),
      fc.constantFrom("2026-01-01", "2026-06-01", -1, 0, 3, "x", "Objective", "median", "At most"),
      fc.string({ maxLength: 4 }),
      fc.integer({ min: 40_000, max: 50_000 }),
    );
    const anyCells = fc.record(
      Object.fromEntries(Object.keys(blankCells).map((field) => [field, anyCell])) as Record<
        keyof RegistryCells,
        fc.Arbitrary<unknown>
      >,
    );
    fc.assert(
      fc.property(anyCells, (generated) => {
        const viaSchema = parseRegistryRow(schema, generated, 5);
        let direct: string;
        try {
          direct = JSON.stringify(readKpiRecord(generated, 5, zone));
        } catch (error) {
          direct = `row 5: ${(error as Error).message}`;
        }
        expect(viaSchema.record ? JSON.stringify(viaSchema.record) : viaSchema.error.message).toBe(
          direct,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading a registry", () => {
  it("reads rows that have an ID, with their row numbers, and keeps the Parent of bad rows", () => {
    const table = [
      ["Name", "ID", "Parent", "Target", "Owner's phone"],
      ["Company goal", "CO", "", 10, "555"],
      ["", "", "", "", ""],
      ["Broken", "B-1", " co ", "ten", ""],
      ["Team goal", "T-1", "CO", 5, ""],
    ];
    const entries = readRegistry(table, zone);
    expect(entries.map((e) => [e.row, e.id, e.parentKey, e.error])).toEqual([
      [2, "CO", "", undefined],
      [4, "B-1", "co", 'target "ten" is not a number'],
      [5, "T-1", "co", undefined],
    ]);
    expect(entries[1]!.record).toBeUndefined();
    expect(entries[1]!.cells.name).toBe("Broken");
    expect(entries[2]!.record?.target).toBe(5);
  });

  it("reads a missing column as blank", () => {
    const columns = registryColumns(["ID", "Target"]);
    const cells = cellsOf(["A", 3], columns);
    expect(cells.id).toBe("A");
    expect(cells.target).toBe(3);
    expect(cells.name).toBeUndefined();
    expect(readKpiRecord(cells, 2, zone)).toMatchObject({ name: "", type: "kpi", weight: 1 });
  });

  it("reads nothing without an ID column", () => {
    expect(readRegistry([["Name"], ["x"]], zone)).toEqual([]);
  });
});

/**
 * The sidebar's endpoints in the built dist/Code.js, called as `google.script.run` calls them
 * (`addOn.scriptRun`: Google's serialisation, AuthMode.FULL, the active user).
 */

import type { AddOn, Emulator } from "../../emulator";
import { emulated } from "./emulated";

type Reply = {
  ok: boolean;
  error?: string;
  fields?: Record<string, string>;
  ids?: string[];
} & Record<string, unknown>;

let emu: Emulator;
let addOn: AddOn;

function draft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Increase community orders",
    description: "",
    type: "KPI",
    level: "Team",
    owner: "ann@example.com",
    department: "Community",
    unit: "orders",
    direction: "Increase",
    aggregation: "Sum",
    baseline: 0,
    target: 1000,
    dataSource: "",
    parent: "",
    weight: null,
    whyItMatters: "",
    start: "2026-03-01",
    due: "2026-05-31",
    cadence: "Weekly",
    reward: "",
    ...overrides,
  };
}

const split = (weights: number[], targets: number[]) => ({
  by: "Person",
  parts: weights.map((weight, i) => ({
    label: `P${i + 1}`,
    owner: "",
    weight,
    target: targets[i],
  })),
});

function run(name: string, payload: unknown): Reply {
  return addOn.scriptRun(name, payload) as Reply;
}

function kpiRows(): unknown[][] {
  return emu.spreadsheet.getSheetByName("KPIs")!.getDataRange().getValues();
}

beforeEach(() => {
  ({ emu, addOn } = emulated());
  addOn.run("setupSheets", [], { authMode: "FULL" });
});

describe("createKpis", () => {
  it("writes a goal and its 4:3:2:1 split as five rows with new IDs and parent links", () => {
    const reply = run("createKpis", {
      kpi: draft(),
      children: [],
      split: split([4, 3, 2, 1], [400, 300, 200, 100]),
    });
    expect(reply).toEqual({
      ok: true,
      ids: ["KPI-0001", "KPI-0002", "KPI-0003", "KPI-0004", "KPI-0005"],
    });
    const rows = kpiRows().slice(1);
    expect(rows.map((row) => row[0])).toEqual(reply.ids);
    expect(rows.slice(1).map((row) => row[5])).toEqual(Array(4).fill("KPI-0001"));
    expect(rows.slice(1).map((row) => row[12])).toEqual([400, 300, 200, 100]);
    expect(rows[1]![1]).toBe("Increase community orders — P1");
    // Dates are calendar days of the spreadsheet (Auckland), written as date cells.
    const start = emu.spreadsheet.getSheetByName("KPIs")!.getRange("N2").getDisplayValue();
    expect(start).toBe("2026-03-01");
  });

  it("refuses a split whose parts do not add up to the target, writing nothing", () => {
    const before = kpiRows();
    const reply = run("createKpis", {
      kpi: draft(),
      children: [],
      split: split([1, 1], [500, 400]),
    });
    expect(reply.ok).toBe(false);
    expect(reply.fields).toEqual({
      "split.parts": "the parts add up to 900, not to the target 1000",
    });
    expect(kpiRows()).toEqual(before);
  });

  it.each([
    ["a name that is a number", { name: 5 }, "kpi.name", "must be text"],
    ["a missing field", { unit: undefined }, "kpi.unit", "must be text"],
    [
      "a 10,000-character name",
      { name: "x".repeat(10_000) },
      "kpi.name",
      "is too long: at most 200 characters",
    ],
    [
      "a date that does not exist",
      { due: "2026-02-30" },
      "kpi.due",
      "2026-02-30 is not a real date",
    ],
    ["a negative weight", { weight: -1 }, "kpi.weight", "must be 0 or more"],
    [
      "an unknown direction",
      { direction: "Sideways" },
      "kpi.direction",
      "choose a direction: Increase, Decrease, At least, At most",
    ],
    [
      "a due before the start",
      { start: "2026-05-01", due: "2026-04-01" },
      "kpi.due",
      "must be on or after the start",
    ],
    [
      "an unknown parent",
      { parent: "KPI-9999" },
      "kpi.parent",
      "there is no goal KPI-9999 in the registry",
    ],
  ])("refuses %s with a message for that field and writes nothing", (_, change, field, message) => {
    const before = kpiRows();
    const payload = { kpi: draft(change), children: [], split: null };
    if ("unit" in change) delete (payload.kpi as Record<string, unknown>)["unit"];
    const reply = run("createKpis", payload);
    expect(reply.ok).toBe(false);
    expect(reply.fields?.[field]).toBe(message);
    expect(kpiRows()).toEqual(before);
  });

  it("refuses a payload that is not an object, and a split with a negative weight, field by field", () => {
    expect(run("createKpis", "hello").ok).toBe(false);
    const reply = run("createKpis", {
      kpi: draft(),
      children: [],
      split: split([1, -1], [500, 500]),
    });
    expect(reply.fields).toEqual({ "split.parts.1.weight": "must be 0 or more" });
  });

  it("stores text that starts with = + - @ as text, never as a formula", () => {
    const names = ['=IMPORTXML("http://x","//a")', "+1 visits a day", "-5% churn", "@team goal"];
    for (const name of names) {
      expect(run("createKpis", { kpi: draft({ name }), children: [], split: null }).ok).toBe(true);
    }
    const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
    const range = sheet.getRange(2, 2, names.length, 1);
    expect(range.getValues().map((row) => row[0])).toEqual(names);
    expect(range.getFormulas().flat()).toEqual(["", "", "", ""]);
  });

  it("keeps formula-like text as text in a column whose plain-text format a user removed", () => {
    const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
    sheet.getRange("H2:H1000").setNumberFormat("General");
    run("createKpis", { kpi: draft({ department: "=1+1" }), children: [], split: null });
    expect(sheet.getRange("H2").getValue()).toBe("=1+1");
    expect(sheet.getRange("H2").getFormula()).toBe("");
  });

  it("refuses a Date argument as google.script.run does, and nothing is written", () => {
    const before = kpiRows();
    expect(() => addOn.scriptRun("createKpis", { kpi: draft({ start: new Date() }) })).toThrow(
      "Failed due to illegal value in property: 0",
    );
    expect(kpiRows()).toEqual(before);
  });

  it("gives two creates that race each other distinct IDs, and both land", () => {
    let second: Reply | undefined;
    emu.beforeCall(
      "Lock.tryLock",
      () => {
        second = run("createKpis", {
          kpi: draft({ name: "Visit 100 manufacturing customers" }),
          children: [],
          split: null,
        });
      },
      { once: true },
    );
    const first = run("createKpis", { kpi: draft(), children: [], split: null });
    expect(second).toEqual({ ok: true, ids: ["KPI-0001"] });
    expect(first).toEqual({ ok: true, ids: ["KPI-0002"] });
    expect(
      kpiRows()
        .slice(1)
        .map((row) => [row[0], row[1]]),
    ).toEqual([
      ["KPI-0001", "Visit 100 manufacturing customers"],
      ["KPI-0002", "Increase community orders"],
    ]);
  });

  it("a create that comes while another holds the lock gives up cleanly and writes nothing", () => {
    let second: Reply | undefined;
    emu.beforeCall(
      "Range.setValues",
      () => {
        second = run("createKpis", {
          kpi: draft({ name: "Second goal for the team" }),
          children: [],
          split: null,
        });
      },
      { once: true },
    );
    const first = run("createKpis", { kpi: draft(), children: [], split: null });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: expect.stringContaining("Someone else") });
    expect(
      kpiRows()
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(["Increase community orders"]);
  });

  it("grows a full registry: new rows get the dropdowns, formats, protections and colours", () => {
    const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
    const max = sheet.getMaxRows();
    const filler = Array.from({ length: max - 1 }, (_, i) => [`OLD-${i + 1}`]);
    sheet.getRange(2, 1, max - 1, 1).setValues(filler);
    const reply = run("createKpis", {
      kpi: draft(),
      children: [],
      split: split([1, 1], [500, 500]),
    });
    expect(reply.ok).toBe(true);
    expect(sheet.getMaxRows()).toBe(max + 3);
    expect(
      sheet
        .getRange(max + 1, 1, 3, 1)
        .getValues()
        .flat(),
    ).toEqual(reply.ids);
    // The Type dropdown and the date format of the row above, on the new rows.
    expect(
      sheet
        .getRange(max + 3, 4)
        .getDataValidation()
        ?.getCriteriaType(),
    ).toBe(sheet.getRange(2, 4).getDataValidation()?.getCriteriaType());
    expect(sheet.getRange(max + 3, 14).getNumberFormat()).toBe("yyyy-mm-dd");
    // Computed columns stay protected to the new last row; statuses stay coloured there.
    const lastRows = sheet
      .getProtections(SpreadsheetAppProtection())
      .map((protection) => protection.getRange().getLastRow());
    expect(lastRows.every((row) => row === max + 3)).toBe(true);
    const ruleRows = sheet
      .getConditionalFormatRules()
      .flatMap((rule) => rule.getRanges().map((range) => range.getLastRow()));
    expect(ruleRows.every((row) => row === max + 3)).toBe(true);
    // The Parent dropdown lists the new IDs too.
    const parentRule = sheet.getRange(max + 3, 6).getDataValidation();
    const source = parentRule?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(source.getLastRow()).toBe(max + 3);
  });

  it("a create that fails half-way leaves the sheet as it was", () => {
    const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
    const max = sheet.getMaxRows();
    sheet
      .getRange(2, 1, max - 1, 1)
      .setValues(Array.from({ length: max - 1 }, (_, i) => [`OLD-${i + 1}`]));
    const before = kpiRows();
    emu.beforeCall(
      "Protection.setRange",
      () => {
        throw new Error("Service Spreadsheets failed while accessing document");
      },
      { once: true },
    );
    const reply = run("createKpis", { kpi: draft(), children: [], split: null });
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringContaining("nothing was written"),
    });
    expect(sheet.getMaxRows()).toBe(max);
    expect(kpiRows()).toEqual(before);
  });

  it("makes the same service calls for a registry of 10 and of 10,000 rows", () => {
    const callsFor = (rows: number) => {
      ({ emu, addOn } = emulated());
      addOn.run("setupSheets", [], { authMode: "FULL" });
      const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
      sheet.insertRowsAfter(sheet.getMaxRows(), 10_100 - sheet.getMaxRows());
      const values = Array.from({ length: rows }, (_, i) => [
        `OLD-${i + 1}`,
        `Goal number ${i + 1} of the registry`,
      ]);
      sheet.getRange(2, 1, rows, 2).setValues(values);
      emu.calls.reset();
      const reply = run("createKpis", {
        kpi: draft(),
        children: [],
        split: split([1, 1], [500, 500]),
      });
      expect(reply.ok).toBe(true);
      return emu.calls.byMethod();
    };
    expect(callsFor(10_000)).toEqual(callsFor(10));
  });
});

function SpreadsheetAppProtection(): GoogleAppsScript.Spreadsheet.ProtectionType {
  return emu.services("FULL").SpreadsheetApp.ProtectionType.RANGE;
}

describe("logCheckin", () => {
  it("appends the check-in by the signed-in user and answers with the goal's new actual", () => {
    run("createKpis", { kpi: draft(), children: [], split: null });
    const reply = run("logCheckin", {
      kpiId: "kpi-0001",
      date: "2026-03-02",
      value: 40,
      note: "=cmd",
    });
    expect(reply).toEqual({ ok: true, id: "KPI-0001", actual: 40, status: expect.any(String) });
    const log = emu.spreadsheet.getSheetByName("Check-ins")!;
    expect(log.getRange("A2:E2").getDisplayValues()[0]).toEqual([
      "2026-03-02",
      "KPI-0001",
      "40",
      "=cmd",
      "ann@example.com",
    ]);
  });

  it("makes the same service calls with 10 and with 10,000 check-ins in the log", () => {
    const callsFor = (rows: number) => {
      ({ emu, addOn } = emulated());
      addOn.run("setupSheets", [], { authMode: "FULL" });
      run("createKpis", { kpi: draft(), children: [], split: null });
      const log = emu.spreadsheet.getSheetByName("Check-ins")!;
      log.insertRowsAfter(log.getMaxRows(), 10_100 - log.getMaxRows());
      const values = Array.from({ length: rows }, (_, i) => ["2026-03-01", "KPI-0001", i % 7, ""]);
      log.getRange(2, 1, rows, 4).setValues(values);
      emu.calls.reset();
      const reply = run("logCheckin", {
        kpiId: "KPI-0001",
        date: "2026-03-02",
        value: 1,
        note: "",
      });
      expect(reply.ok).toBe(true);
      return emu.calls.byMethod();
    };
    expect(callsFor(10_000)).toEqual(callsFor(10));
  });

  it("refuses an unknown goal and a date that does not exist, writing nothing", () => {
    expect(
      run("logCheckin", { kpiId: "KPI-0404", date: "2026-03-02", value: 1, note: "" }).fields,
    ).toEqual({
      kpiId: "there is no goal KPI-0404 in the registry",
    });
    expect(
      run("logCheckin", { kpiId: "KPI-0001", date: "2026-02-30", value: 1, note: "" }).fields,
    ).toEqual({
      date: "2026-02-30 is not a real date",
    });
    expect(emu.spreadsheet.getSheetByName("Check-ins")!.getLastRow()).toBe(1);
  });
});

describe("planNextCycle", () => {
  it("copies a goal and its children for the next period, baselines from the last actuals", () => {
    run("createKpis", { kpi: draft(), children: [], split: split([1, 1], [500, 500]) });
    // On the as-of date (setup set it to today), so the rollup counts it.
    run("logCheckin", { kpiId: "KPI-0002", date: "2026-03-02", value: 120, note: "" });
    const reply = run("planNextCycle", { ids: ["KPI-0001"], includeChildren: true });
    expect(reply).toEqual({ ok: true, ids: ["KPI-0004", "KPI-0005", "KPI-0006"] });
    const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
    const copies = sheet.getRange("A5:O7").getDisplayValues();
    expect(copies.map((row) => [row[0], row[5], row[11], row[13], row[14]])).toEqual([
      ["KPI-0004", "", "120", "2026-06-01", "2026-08-31"],
      ["KPI-0005", "KPI-0004", "120", "2026-06-01", "2026-08-31"],
      ["KPI-0006", "KPI-0004", "0", "2026-06-01", "2026-08-31"],
    ]);
    // The old rows are untouched.
    expect(sheet.getRange("A2:A4").getValues().flat()).toEqual([
      "KPI-0001",
      "KPI-0002",
      "KPI-0003",
    ]);
  });
});

describe("sidebarState", () => {
  it("says when the sheets are not set up, and lists goals with dates as ISO days once they are", () => {
    const fresh = emulated();
    expect(fresh.addOn.scriptRun("sidebarState", null)).toMatchObject({
      ok: true,
      setUp: false,
      kpis: [],
    });
    run("createKpis", { kpi: draft(), children: [], split: null });
    const state = run("sidebarState", null) as Reply & { kpis: { id: string; start: string }[] };
    expect(state).toMatchObject({
      ok: true,
      setUp: true,
      today: "2026-03-02",
      user: "ann@example.com",
    });
    expect(state.kpis.map((kpi) => [kpi.id, kpi.start])).toEqual([["KPI-0001", "2026-03-01"]]);
  });
});

describe("updateKpi", () => {
  it("rewrites a goal's own fields and keeps its ID and the rows around it", () => {
    run("createKpis", { kpi: draft(), children: [], split: split([1, 1], [500, 500]) });
    const reply = run("updateKpi", {
      id: "KPI-0002",
      kpi: draft({ name: "Increase Amy's community orders", target: 600, parent: "KPI-0001" }),
    });
    expect(reply).toEqual({ ok: true, id: "KPI-0002" });
    const rows = kpiRows().slice(1);
    expect(rows.map((row) => [row[0], row[1], row[5], row[12]])).toEqual([
      ["KPI-0001", "Increase community orders", "", 1000],
      ["KPI-0002", "Increase Amy's community orders", "KPI-0001", 600],
      ["KPI-0003", "Increase community orders — P2", "KPI-0001", 500],
    ]);
  });

  it("refuses an unknown goal and a parent that is the goal's own sub-goal", () => {
    run("createKpis", { kpi: draft(), children: [], split: split([1, 1], [500, 500]) });
    const before = kpiRows();
    expect(run("updateKpi", { id: "KPI-0404", kpi: draft() }).fields).toEqual({
      id: "there is no goal KPI-0404 in the registry",
    });
    expect(run("updateKpi", { id: "KPI-0001", kpi: draft({ parent: "KPI-0002" }) }).fields).toEqual(
      {
        "kpi.parent": "KPI-0002 is KPI-0001 or one of its own sub-goals",
      },
    );
    expect(kpiRows()).toEqual(before);
  });
});

describe("createKpis with sub-goals", () => {
  it("writes an Objective's key results under it", () => {
    const reply = run("createKpis", {
      kpi: draft({
        name: "Become the first supplier 100 manufacturers call",
        type: "Objective",
        target: null,
      }),
      children: [
        draft({ name: "Visit 100 manufacturing customers", type: "Key result", target: 100 }),
        draft({
          name: "Convert 5% of visited customers",
          type: "Key result",
          unit: "%",
          target: 0.05,
        }),
      ],
      split: null,
    });
    expect(reply).toEqual({ ok: true, ids: ["KPI-0001", "KPI-0002", "KPI-0003"] });
    expect(
      kpiRows()
        .slice(2)
        .map((row) => [row[3], row[5]]),
    ).toEqual([
      ["Key result", "KPI-0001"],
      ["Key result", "KPI-0001"],
    ]);
  });
});

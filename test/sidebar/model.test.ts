/** The sidebar's form logic: splits by KPI_SPLIT's arithmetic, the run-rate check, drafts. */

import { draftOf, emptyForm, formErrors, runRateAdvice, splitTargets } from "../../sidebar/model";
import { templates } from "../../sidebar/templates";
import type { KpiSummary } from "../../src/contract/sidebar";

describe("splitTargets", () => {
  it("splits by weight with the largest remainder, so the parts add up exactly", () => {
    expect(splitTargets(10_000_000, [4, 3, 2, 1], true)).toEqual([
      4_000_000, 3_000_000, 2_000_000, 1_000_000,
    ]);
    expect(splitTargets(100, [1, 1, 1], true)).toEqual([34, 33, 33]);
    expect(splitTargets(10, [5, 1], false)).toEqual([5, 5]);
    // As many decimals as the total has: 5% across two people is 3% and 2%.
    expect(splitTargets(0.05, [1, 1], true)).toEqual([0.03, 0.02]);
  });

  it("has no answer without a total or with a negative weight", () => {
    expect(splitTargets(null, [1, 1], true)).toBeUndefined();
    expect(splitTargets(100, [1, -1], true)).toBeUndefined();
    expect(splitTargets(100, [null, 1], true)).toBeUndefined();
  });
});

describe("formErrors", () => {
  it("names each field that cannot be sent, including text typed where a number goes", () => {
    const form = { ...emptyForm(), name: "", target: "ten", due: "2026-02-30" };
    expect(formErrors(form)).toEqual({
      name: "a name is required",
      target: "must be a number",
      due: "2026-02-30 is not a real date",
    });
    expect(draftOf({ ...emptyForm(), baseline: "1,500", weight: "" })).toMatchObject({
      baseline: 1500,
      weight: null,
    });
  });

  it("passes every template as it is filled in", () => {
    for (const template of templates("2026-03-31")) {
      expect([template.id, formErrors(template.form)]).toEqual([template.id, {}]);
      for (const child of template.children) expect(formErrors(child)).toEqual({});
    }
  });
});

describe("runRateAdvice", () => {
  const basis: KpiSummary = {
    row: 2,
    id: "KPI-0001",
    name: "Orders last quarter",
    description: "",
    type: "KPI",
    level: "Team",
    parent: "",
    owner: "",
    department: "",
    unit: "orders",
    direction: "Increase",
    aggregation: "Sum",
    baseline: 0,
    target: 100,
    start: "2026-01-01",
    due: "2026-12-31",
    cadence: "",
    weight: null,
    reward: "",
    dataSource: "",
    whyItMatters: "",
    // 100 orders in the 10 days from 1 to 10 January: 10 a day.
    actual: 100,
    status: "On track",
    checkins: 4,
  };
  const form = (target: string) => ({
    ...emptyForm(),
    target,
    start: "2026-04-01",
    due: "2026-04-10",
  });

  it("calls a target at or below the past rate too easy", () => {
    expect(runRateAdvice(form("100"), basis, "2026-01-10")?.verdict).toBe("too easy");
  });

  it("accepts a stretch up to 1.5× the past rate", () => {
    expect(runRateAdvice(form("150"), basis, "2026-01-10")).toMatchObject({
      verdict: "stretch",
      ratio: 1.5,
    });
  });

  it("warns above 1.5× the past rate", () => {
    expect(runRateAdvice(form("151"), basis, "2026-01-10")?.verdict).toBe("too hard");
  });

  it("says nothing without a past actual or a window", () => {
    expect(runRateAdvice(form("100"), { ...basis, actual: null }, "2026-01-10")).toBeUndefined();
    expect(runRateAdvice({ ...form("100"), due: "" }, basis, "2026-01-10")).toBeUndefined();
  });
});

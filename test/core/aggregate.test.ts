import { Accumulators, type Aggregation } from "../../src/core/aggregate";

describe("Accumulators", () => {
  const filled = () => {
    const acc = new Accumulators(2);
    acc.add(0, 46_030, 4);
    acc.add(0, 46_024, 10);
    acc.add(0, 46_030, -2);
    acc.add(0, 46_026, 8);
    return acc;
  };

  it.each([
    ["sum", 20],
    ["average", 5],
    ["last", -2],
    ["max", 10],
    ["min", -2],
    ["count", 4],
  ] as [Aggregation, number][])("combines values by %s", (aggregation, expected) => {
    expect(filled().result(0, aggregation)).toBe(expected);
  });

  it("takes the latest day for last, the value added later on a tie", () => {
    const acc = filled();
    expect(acc.lastDay(0)).toBe(46_030);
    expect(acc.lastDay(1)).toBeUndefined();
    expect(acc.count(0)).toBe(4);
    acc.add(0, 46_029, 99);
    expect(acc.result(0, "last")).toBe(-2);
  });

  it("has no result for a slot nothing was added to", () => {
    const acc = filled();
    for (const aggregation of ["sum", "average", "last", "max", "min", "count"] as const) {
      expect(acc.result(1, aggregation)).toBeUndefined();
    }
  });

  it("tests days against a slot's window, bounds included, unbounded until set", () => {
    const acc = new Accumulators(2);
    acc.setWindow(0, 10, 20);
    expect([9, 10, 20, 21].map((d) => acc.inWindow(0, d))).toEqual([false, true, true, false]);
    expect(acc.inWindow(1, -1e9)).toBe(true);
    expect(acc.inWindow(1, 1e9)).toBe(true);
  });

  it("tracks Min and Max only for the slots that ask for them", () => {
    const acc = new Accumulators(2, Uint8Array.from([0, 1]));
    acc.add(0, 1, 5);
    acc.add(1, 1, 5);
    acc.add(1, 2, -3);
    expect([acc.result(1, "min"), acc.result(1, "max")]).toEqual([-3, 5]);
    expect(acc.result(0, "sum")).toBe(5);
    expect(() => acc.result(0, "max")).toThrow("slot 0 does not track Min and Max");
  });

  it("keeps slots apart", () => {
    const acc = new Accumulators(3);
    acc.add(2, 1, 5);
    acc.add(0, 1, 7);
    expect([acc.result(0, "sum"), acc.result(1, "sum"), acc.result(2, "sum")]).toEqual([
      7,
      undefined,
      5,
    ]);
  });
});

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

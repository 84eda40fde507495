import { exactDecimal, kpiSplit, largestRemainder } from "../../src/core/split";
import { KpiInputError } from "../../src/core/values";

const column = (...values: (number | string)[]) => values.map((value) => [value]);

describe("kpiSplit", () => {
  it("splits the company's 10 million across four channels by weight (SPEC §4.5)", () => {
    expect(kpiSplit(10_000_000, column(4, 3, 2, 1), undefined)).toEqual(
      column(4_000_000, 3_000_000, 2_000_000, 1_000_000),
    );
  });

  it("splits 100 into three equal parts, the extra unit going to the first (SPEC §4.5)", () => {
    expect(kpiSplit(100, 3, undefined)).toEqual(column(34, 33, 33));
  });

  it("gives blank for blank weights, which take no share (SPEC §4.5)", () => {
    expect(kpiSplit(10, column(1, "", 1), undefined)).toEqual(column(5, "", 5));
  });

  it("gives the leftover units to the largest remainders", () => {
    // Quotas 3.6, 2.4, 2.0, 2.0 → 3, 2, 2, 2 and one unit left for the 0.6 remainder.
    expect(kpiSplit(10, column(36, 24, 20, 20), "")).toEqual(column(4, 2, 2, 2));
    // Quotas 1.5, 1.5, 7 → the tie goes to the earlier part.
    expect(kpiSplit(10, column(1.5, 1.5, 7), "")).toEqual(column(2, 1, 7));
  });

  it("breaks ties between equal remainders toward the earlier part", () => {
    expect(kpiSplit(2, column(1, 1, 1), "")).toEqual(column(1, 1, 0));
    expect(kpiSplit(1, column(1, 1, 1, 1), "")).toEqual(column(1, 0, 0, 0));
  });

  it("reads decimal weights as the decimals typed, so ties stay ties", () => {
    // 0.1 + 0.2 is not 0.3 in floating point; as decimals these weights are 1 : 2 : 3.
    expect(kpiSplit(5, column(0.1, 0.2, 0.3), "")).toEqual(kpiSplit(5, column(1, 2, 3), ""));
    expect(kpiSplit(100, column("40%", "30%", "30%"), "")).toEqual(column(40, 30, 30));
  });

  it("keeps the weights' shape, row by row", () => {
    expect(
      kpiSplit(
        100,
        [
          [1, 1],
          ["", 2],
        ],
        "",
      ),
    ).toEqual([
      [25, 25],
      ["", 50],
    ]);
    expect(kpiSplit(9, [[1, 1, 1]], "")).toEqual([[3, 3, 3]]);
  });

  it("gives a zero weight a part of 0, not blank", () => {
    expect(kpiSplit(10, column(1, 0, 1), "")).toEqual(column(5, 0, 5));
  });

  it("treats a 1×1 range as one part", () => {
    expect(kpiSplit(12345, [[7]], "")).toEqual([[12345]]);
  });

  it("splits into N equal parts as a column when given a whole number", () => {
    expect(kpiSplit(10, 4, "")).toEqual(column(3, 3, 2, 2));
    expect(kpiSplit(7, 1, "")).toEqual(column(7));
    expect(kpiSplit(1, "3", "")).toEqual(column(1, 0, 0));
    expect(kpiSplit(100, 3, 2)).toEqual(column(33.34, 33.33, 33.33));
  });

  it("rounds to the decimals asked for, still adding up exactly", () => {
    expect(kpiSplit(100, column(1, 1, 1), 2)).toEqual(column(33.34, 33.33, 33.33));
    expect(kpiSplit(1, column(1, 1, 1), 1)).toEqual(column(0.4, 0.3, 0.3));
    expect(kpiSplit(0.05, 2, 2)).toEqual(column(0.03, 0.02));
    // Quotas 3.33333333333… and 6.66666666666…: the larger remainder (…67) takes the last unit.
    expect(kpiSplit(10, column(1, 2), 10)).toEqual(column(3.3333333333, 6.6666666667));
    expect(kpiSplit(100, 3, "2")).toEqual(column(33.34, 33.33, 33.33));
  });

  it("splits a negative total as the mirror of the positive one", () => {
    expect(kpiSplit(-100, 3, "")).toEqual(column(-34, -33, -33));
    expect(kpiSplit(-10, column(1, "", 1), "")).toEqual(column(-5, "", -5));
    expect(kpiSplit(-1, column(1, 1), "")).toEqual(column(-1, 0));
    expect(Object.is((kpiSplit(-1, column(1, 1), "") as number[][])[1]?.[0], 0)).toBe(true);
  });

  it("splits a total of 0 into zeros", () => {
    expect(kpiSplit(0, column(1, 2), "")).toEqual(column(0, 0));
  });

  it("reads the total from text and percentages", () => {
    expect(kpiSplit(" 100 ", 4, "")).toEqual(column(25, 25, 25, 25));
    expect(kpiSplit("50%", 2, 2)).toEqual(column(0.25, 0.25));
  });

  it("accepts the float noise of a computed total but not a real extra decimal", () => {
    expect(kpiSplit(0.1 + 0.2, 3, 2)).toEqual(column(0.1, 0.1, 0.1));
    let cents = 0;
    for (let i = 0; i < 1000; i++) cents += 1234.56;
    expect(kpiSplit(cents, 2, 2)).toEqual(column(617_280, 617_280));
    expect(() => kpiSplit(10.5, 2, "")).toThrow("total 10.5 is not a whole number");
    expect(() => kpiSplit(10.555, 2, 2)).toThrow("total 10.555 has more than 2 decimals");
    expect(() => kpiSplit(0.15, 2, 1)).toThrow("total 0.15 has more than 1 decimal:");
    expect(() => kpiSplit(1_000_000_000.5, 2, 0)).toThrow("is not a whole number");
  });

  it("stays exact for totals up to the largest safe number of units", () => {
    const total = Number.MAX_SAFE_INTEGER; // 9007199254740991
    expect(kpiSplit(total, 2, "")).toEqual(column(4503599627370496, 4503599627370495));
    expect(kpiSplit(900719925474.1, column(1, 1, 1), 2)).toEqual(
      column(300239975158.04, 300239975158.03, 300239975158.03),
    );
  });

  it("splits large totals to many decimals, each part the number nearest its exact value", () => {
    // 10,000,000 to 10 decimals is 10^17 units, beyond 2^53: still exact in BigInt.
    expect(kpiSplit(10_000_000, [[4], [3], [2], [1]], 10)).toEqual([
      [4_000_000],
      [3_000_000],
      [2_000_000],
      [1_000_000],
    ]);
    // 10,000,000 / 3 to 9 decimals: 3333333.333333334 (the first part takes the extra unit).
    expect(kpiSplit(10_000_000, 3, 9)).toEqual([
      [3333333.333333334],
      [3333333.333333333],
      [3333333.333333333],
    ]);
    expect(kpiSplit(1e17, 2, "")).toEqual([[5e16], [5e16]]);
  });

  it("refuses a blank or non-numeric total", () => {
    expect(() => kpiSplit("", 2, "")).toThrow("total is blank");
    expect(() => kpiSplit(null, 2, "")).toThrow("total is blank");
    expect(() => kpiSplit("lots", 2, "")).toThrow('total "lots" is not a number');
    expect(() => kpiSplit(true, 2, "")).toThrow("total TRUE is not a number");
    expect(() => kpiSplit([[1], [2]], 2, "")).toThrow("total must be one number, not a range");
  });

  it("refuses negative weights, naming the place", () => {
    const run = () => kpiSplit(100, column(1, 2, -1), "");
    expect(run).toThrow(KpiInputError);
    expect(run).toThrow("weight -1 (row 3) is negative");
    expect(() =>
      kpiSplit(
        100,
        [
          [1, 2],
          [3, -4],
        ],
        "",
      ),
    ).toThrow("weight -4 (row 2, column 2) is negative");
  });

  it("refuses weights that are not numbers, naming the place", () => {
    expect(() => kpiSplit(100, column(1, "two"), "")).toThrow(
      'weight "two" (row 2) is not a number',
    );
    expect(() => kpiSplit(100, [[1, false]], "")).toThrow(
      "weight FALSE (row 1, column 2) is not a number",
    );
  });

  it("refuses weights that add up to 0", () => {
    expect(() => kpiSplit(100, column(0, 0), "")).toThrow("weights add up to 0");
    expect(() => kpiSplit(100, column("", ""), "")).toThrow("weights add up to 0");
  });

  it("refuses a number of parts that is not a whole number of at least 1", () => {
    for (const count of [0, -2, 2.5, "many"]) {
      expect(() => kpiSplit(100, count, "")).toThrow(
        "is neither a range of weights nor a whole number of equal parts",
      );
    }
    expect(() => kpiSplit(100, "", "")).toThrow("weights is blank");
  });

  it("refuses decimals outside the whole numbers 0 to 10", () => {
    for (const decimals of [-1, 11, 1.5, "two", true]) {
      expect(() => kpiSplit(100, 3, decimals)).toThrow("is not a whole number from 0 to 10");
    }
    expect(() => kpiSplit(100, 3, [[1]])).toThrow("decimals must be one number");
  });
});

describe("largestRemainder", () => {
  it("gives each part its quota rounded down plus at most one leftover unit", () => {
    expect(largestRemainder(7n, [1n, 1n, 1n])).toEqual([3n, 2n, 2n]);
    expect(largestRemainder(7n, [0n, 5n, 0n])).toEqual([0n, 7n, 0n]);
    expect(largestRemainder(0n, [1n, 2n])).toEqual([0n, 0n]);
  });
});

describe("exactDecimal", () => {
  it("reads a number as the decimal it is spelled as", () => {
    expect(exactDecimal(0.1)).toEqual({ digits: 1n, scale: 1 });
    expect(exactDecimal(12.5)).toEqual({ digits: 125n, scale: 1 });
    expect(exactDecimal(40)).toEqual({ digits: 40n, scale: 0 });
    expect(exactDecimal(1.5e-7)).toEqual({ digits: 15n, scale: 8 });
    expect(exactDecimal(1e21)).toEqual({ digits: 10n ** 21n, scale: 0 });
    expect(exactDecimal(0)).toEqual({ digits: 0n, scale: 0 });
  });
});

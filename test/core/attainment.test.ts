import {
  attainment,
  checkGoalSetup,
  DIRECTION_LABELS,
  type Direction,
  meetsTarget,
  readDirection,
  unknownDirectionMessage,
} from "../../src/core/attainment";
import { KpiInputError } from "../../src/core/values";

describe("readDirection", () => {
  it("reads every alias of SPEC §4.2, ignoring case, spaces, _ and -", () => {
    const aliases: Record<Direction, string[]> = {
      increase: ["increase", "Up", "HIGHER", "higher is better", "higher_is-better"],
      decrease: ["decrease", "down", "Lower", "Lower is better", "LOWER-IS-BETTER"],
      atleast: ["at least", "AtLeast", "min", "stay above", "stay_above", ">="],
      atmost: ["at most", "At-Most", "MAX", "stay below", "<="],
    };
    for (const [direction, names] of Object.entries(aliases)) {
      for (const name of names) expect(readDirection(name)).toBe(direction);
    }
  });

  it("reads a blank direction as Increase and an unknown one as undefined", () => {
    expect(readDirection("")).toBe("increase");
    expect(readDirection(null)).toBe("increase");
    expect(readDirection(undefined)).toBe("increase");
    expect(readDirection("sideways")).toBeUndefined();
    expect(readDirection("> =")).toBe("atleast");
    expect(readDirection("=>")).toBeUndefined();
    expect(readDirection(1)).toBeUndefined();
  });

  it("has a label for every direction", () => {
    expect(DIRECTION_LABELS).toEqual({
      increase: "Increase",
      decrease: "Decrease",
      atleast: "At least",
      atmost: "At most",
    });
  });

  it("explains an unknown direction, with its place when given", () => {
    expect(unknownDirectionMessage("sideways")).toBe(
      'unknown direction "sideways": use Increase, Decrease, At least or At most',
    );
    expect(unknownDirectionMessage("x", " (row 4)")).toBe(
      'unknown direction "x" (row 4): use Increase, Decrease, At least or At most',
    );
  });
});

describe("checkGoalSetup", () => {
  it("accepts goals whose target is on the side of the baseline their direction goes", () => {
    expect(() => checkGoalSetup(100, 20, "increase")).not.toThrow();
    expect(() => checkGoalSetup(100, undefined, "increase")).not.toThrow();
    expect(() => checkGoalSetup(5, 10, "decrease")).not.toThrow();
    expect(() => checkGoalSetup(10, 10, "decrease")).not.toThrow();
    expect(() => checkGoalSetup(10, 10, "increase")).not.toThrow();
    expect(() => checkGoalSetup(5, 10, "atleast")).not.toThrow();
    expect(() => checkGoalSetup(15, 10, "atmost")).not.toThrow();
    expect(() => checkGoalSetup(5, undefined, "atmost")).not.toThrow();
  });

  it("requires a baseline for a decrease, with or without a target", () => {
    expect(() => checkGoalSetup(5, undefined, "decrease")).toThrow(
      new KpiInputError("a Decrease goal needs a baseline to measure the reduction from"),
    );
    expect(() => checkGoalSetup(undefined, undefined, "decrease", " (row 2)")).toThrow(
      "a Decrease goal (row 2) needs a baseline",
    );
  });

  it("names the right direction for a target on the wrong side of the baseline", () => {
    expect(() => checkGoalSetup(15, 10, "decrease", " (row 3)")).toThrow(
      'target 15 (row 3) is above baseline 10: use direction "Increase" for a goal that should go up',
    );
    expect(() => checkGoalSetup(5, 10, "increase")).toThrow(
      'target 5 is below baseline 10: use direction "Decrease" for a goal that should go down',
    );
  });

  it("counts a blank baseline of an increase as 0", () => {
    expect(() => checkGoalSetup(-1, undefined, "increase")).toThrow(
      "target -1 is below baseline 0 (a blank baseline is 0)",
    );
    expect(() => checkGoalSetup(0, undefined, "increase")).not.toThrow();
  });

  it("checks only what it can while the target is blank", () => {
    expect(() => checkGoalSetup(undefined, undefined, "increase")).not.toThrow();
    expect(() => checkGoalSetup(undefined, 10, "decrease")).not.toThrow();
  });
});

describe("attainment", () => {
  it("measures an increase from baseline (0 when blank) to target", () => {
    expect(attainment(50, 100, undefined, "increase")).toBe(0.5);
    expect(attainment(60, 120, 20, "increase")).toBe(0.4);
    expect(attainment(120, 100, undefined, "increase")).toBe(1.2);
    expect(attainment(10, 100, 20, "increase")).toBe(-0.125);
  });

  it("measures a decrease from baseline down to target", () => {
    expect(attainment(7.5, 5, 10, "decrease")).toBe(0.5);
    expect(attainment(4, 5, 10, "decrease")).toBe(1.2);
    expect(attainment(11, 5, 10, "decrease")).toBe(-0.2);
  });

  it("subtracts the decimals users typed, so round inputs give round fractions", () => {
    expect(attainment(0.03, 0.05, 0.01, "increase")).toBe(0.5);
    expect(attainment(0.3, 0.1, 0.7, "decrease")).toBe(2 / 3);
    expect(attainment(1.1, 2.2, undefined, "increase")).toBe(0.5);
    expect(attainment(0.7, 0.1, 0.8, "decrease")).toBe(1 / 7);
  });

  it("falls back to floating point for numbers too long to scale exactly", () => {
    expect(attainment(1 / 3, 2 / 3, undefined, "increase")).toBe(0.5);
    expect(attainment(1e-20, 1e-19, undefined, "increase")).toBeCloseTo(0.1, 12);
    expect(attainment(1e300, 2e300, undefined, "increase")).toBe(0.5);
  });

  it("grades At least and At most as 1 or 0", () => {
    expect(attainment(100, 100, undefined, "atleast")).toBe(1);
    expect(attainment(99.99, 100, undefined, "atleast")).toBe(0);
    expect(attainment(100, 100, 500, "atmost")).toBe(1);
    expect(attainment(100.01, 100, undefined, "atmost")).toBe(0);
  });

  it("grades a target equal to the baseline as met or not in the goal's direction", () => {
    expect(attainment(0, 0, undefined, "increase")).toBe(1);
    expect(attainment(-1, 0, undefined, "increase")).toBe(0);
    expect(attainment(10, 10, 10, "decrease")).toBe(1);
    expect(attainment(10.5, 10, 10, "decrease")).toBe(0);
  });
});

describe("meetsTarget", () => {
  it("compares with ≥ for increase and at least, ≤ for decrease and at most", () => {
    expect(meetsTarget(5, 5, "increase")).toBe(true);
    expect(meetsTarget(4, 5, "atleast")).toBe(false);
    expect(meetsTarget(5, 5, "decrease")).toBe(true);
    expect(meetsTarget(6, 5, "atmost")).toBe(false);
    expect(meetsTarget(4, 5, "decrease")).toBe(true);
  });
});

describe("readDirection and Object.prototype names", () => {
  it("does not take a name like constructor or toString for a direction", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(readDirection(name)).toBeUndefined();
    }
  });
});

import { checkWindow, pace } from "../../src/core/pace";
import { KpiInputError } from "../../src/core/values";
import { day } from "../support/clock";

const JAN_1 = day("2026-01-01");
const JAN_31 = day("2026-01-31");

describe("pace", () => {
  it("is the fraction of whole days elapsed from start to due", () => {
    expect(pace(JAN_1, JAN_31, day("2026-01-16"))).toBe(0.5);
    expect(pace(JAN_1, JAN_31, day("2026-01-04"))).toBe(0.1);
    expect(pace(day("2026-01-01"), day("2026-12-31"), day("2026-07-02"))).toBe(182 / 364);
  });

  it("is 0 up to the start and 1 from the due date on", () => {
    expect(pace(JAN_1, JAN_31, day("2025-12-31"))).toBe(0);
    expect(pace(JAN_1, JAN_31, JAN_1)).toBe(0);
    expect(pace(JAN_1, JAN_31, JAN_31)).toBe(1);
    expect(pace(JAN_1, JAN_31, day("2027-01-01"))).toBe(1);
  });

  it("is 1 for a one-day window from that day on, 0 before it", () => {
    expect(pace(JAN_31, JAN_31, JAN_31)).toBe(1);
    expect(pace(JAN_31, JAN_31, day("2026-02-01"))).toBe(1);
    expect(pace(JAN_31, JAN_31, day("2026-01-30"))).toBe(0);
  });

  it("refuses a due date before the start, with the place", () => {
    expect(() => pace(day("2026-03-01"), JAN_1, JAN_1, " (row 3)")).toThrow(
      new KpiInputError("due 2026-01-01 (row 3) is before start 2026-03-01"),
    );
    expect(() => checkWindow(JAN_31, JAN_1)).toThrow("due 2026-01-01 is before start 2026-01-31");
    expect(() => checkWindow(JAN_1, JAN_1)).not.toThrow();
  });
});

import {
  DEFAULT_AT_RISK_GAP,
  DEFAULT_OFF_TRACK_GAP,
  STATUSES,
  type StatusInput,
  status,
} from "../../src/core/status";
import { day } from "../support/clock";

const TODAY = day("2026-06-15");
const grade = (input: Partial<StatusInput>) =>
  status({ attainment: undefined, expected: undefined, due: undefined, asOf: TODAY, ...input });

describe("status", () => {
  it("lists the seven statuses of SPEC §2 with the default gaps of §3", () => {
    expect([...STATUSES].sort()).toEqual(
      ["Achieved", "At risk", "In progress", "Missed", "No data", "Off track", "On track"].sort(),
    );
    expect(DEFAULT_AT_RISK_GAP).toBe(0.1);
    expect(DEFAULT_OFF_TRACK_GAP).toBe(0.25);
  });

  it("applies the first rule that matches, in the order of SPEC §4.4", () => {
    const late = day("2026-06-01");
    expect(grade({ attainment: 1, expected: 1, due: late })).toBe("Achieved");
    expect(grade({ attainment: 0.99, expected: 0.5, due: late })).toBe("Missed");
    expect(grade({ attainment: undefined, expected: 0.5, due: late })).toBe("Missed");
    expect(grade({ attainment: undefined, expected: 0.5 })).toBe("No data");
    expect(grade({ attainment: 0.2, expected: undefined })).toBe("In progress");
    expect(grade({ attainment: 0.5, expected: 0.5 })).toBe("On track");
  });

  it("is not Missed on the due date itself", () => {
    expect(grade({ attainment: 0.5, expected: 0.5, due: TODAY })).toBe("On track");
    expect(grade({ attainment: 0.5, expected: 0.5, due: TODAY - 1 })).toBe("Missed");
  });

  it("treats attainment within 1e-9 below 1 as Achieved", () => {
    expect(grade({ attainment: 0.9999999999 })).toBe("Achieved");
    expect(grade({ attainment: 1 - 2e-9, expected: 1 })).toBe("On track");
  });

  it("grades the gap with a 1e-9 tolerance at both boundaries", () => {
    expect(grade({ attainment: 0.4, expected: 0.5 })).toBe("On track");
    expect(grade({ attainment: 0.7, expected: 0.8 })).toBe("On track");
    expect(grade({ attainment: 0.399999, expected: 0.5 })).toBe("At risk");
    expect(grade({ attainment: 0.25, expected: 0.5 })).toBe("At risk");
    expect(grade({ attainment: 0.3, expected: 0.55 })).toBe("At risk");
    expect(grade({ attainment: 0.249999, expected: 0.5 })).toBe("Off track");
  });

  it("uses the gaps it is given", () => {
    const gaps = { atRiskGap: 0.05, offTrackGap: 0.5 };
    expect(grade({ attainment: 0.45, expected: 0.5, ...gaps })).toBe("On track");
    expect(grade({ attainment: 0.44, expected: 0.5, ...gaps })).toBe("At risk");
    expect(grade({ attainment: -0.01, expected: 0.5, ...gaps })).toBe("Off track");
  });

  it("never grades a habit Achieved or Missed", () => {
    const habit = { isHabit: true, due: TODAY - 10 };
    expect(grade({ ...habit, attainment: 1, expected: 1 })).toBe("On track");
    expect(grade({ ...habit, attainment: 0.5, expected: 1 })).toBe("Off track");
    expect(grade({ ...habit, attainment: undefined, expected: 1 })).toBe("No data");
  });
});

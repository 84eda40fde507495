import {
  describeValue,
  EPSILON,
  errorValueOf,
  isBlank,
  KpiInputError,
  normalizeKey,
  optionalNumber,
  readNumber,
  requireNumber,
  withFunctionName,
} from "../../src/core/values";

describe("isBlank", () => {
  it("is true for what an empty cell or an omitted argument looks like", () => {
    expect(isBlank("")).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
  });

  it("is false for zero, FALSE, spaces and anything else", () => {
    for (const value of [0, false, " ", "0", Number.NaN, [], new Date(0)]) {
      expect(isBlank(value)).toBe(false);
    }
  });
});

describe("readNumber", () => {
  it("takes finite JS numbers as they are", () => {
    expect(readNumber(12.5)).toBe(12.5);
    expect(readNumber(-3)).toBe(-3);
    expect(readNumber(0)).toBe(0);
  });

  it("refuses NaN and infinities", () => {
    expect(readNumber(Number.NaN)).toBeUndefined();
    expect(readNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(readNumber(Number.NEGATIVE_INFINITY)).toBeUndefined();
  });

  it("reads text that is a plain decimal number after trimming", () => {
    expect(readNumber(" 12.5 ")).toBe(12.5);
    expect(readNumber("-7")).toBe(-7);
    expect(readNumber("+7")).toBe(7);
    expect(readNumber(".5")).toBe(0.5);
    expect(readNumber("5.")).toBe(5);
    expect(readNumber("\t100\n")).toBe(100);
  });

  it("divides text ending in % by 100", () => {
    expect(readNumber("5%")).toBe(0.05);
    expect(readNumber(" 12.5 % ")).toBe(0.125);
    expect(readNumber("-20%")).toBe(-0.2);
    expect(readNumber("100%")).toBe(1);
  });

  it("refuses text that is not a plain number", () => {
    for (const text of [
      "abc",
      "",
      "  ",
      "%",
      "12abc",
      "1,000",
      "$5",
      "0x10",
      "Infinity",
      "NaN",
      "5%%",
      "1 000",
      "--1",
      "1e3",
      "2.5E-2",
    ]) {
      expect(readNumber(text)).toBeUndefined();
    }
  });

  it("refuses booleans, dates, blanks and ranges", () => {
    expect(readNumber(true)).toBeUndefined();
    expect(readNumber(false)).toBeUndefined();
    expect(readNumber(new Date(2026, 0, 1))).toBeUndefined();
    expect(readNumber(null)).toBeUndefined();
    expect(readNumber(undefined)).toBeUndefined();
    expect(readNumber([[1]])).toBeUndefined();
  });
});

describe("requireNumber and optionalNumber", () => {
  it("name the argument, the value and the place when a value is not a number", () => {
    expect(() => requireNumber("abc", "actual", " (row 2)")).toThrow(
      new KpiInputError('actual "abc" (row 2) is not a number'),
    );
    expect(() => requireNumber(true, "target")).toThrow("target TRUE is not a number");
    expect(() => requireNumber("", "target")).toThrow("target blank is not a number");
    expect(() => optionalNumber("x", "baseline", " (row 1, column 3)")).toThrow(
      'baseline "x" (row 1, column 3) is not a number',
    );
  });

  it("return the number read, and optionalNumber gives undefined for blanks", () => {
    expect(requireNumber("5%", "target")).toBe(0.05);
    expect(optionalNumber("", "baseline")).toBeUndefined();
    expect(optionalNumber(null, "baseline")).toBeUndefined();
    expect(optionalNumber(" 3 ", "baseline")).toBe(3);
  });

  it("throw KpiInputError so callers can tell input problems from bugs", () => {
    try {
      requireNumber("abc", "actual");
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(KpiInputError);
      expect((error as Error).name).toBe("KpiInputError");
    }
  });
});

describe("describeValue", () => {
  it("renders a user's value briefly on one line", () => {
    expect(describeValue("")).toBe("blank");
    expect(describeValue(null)).toBe("blank");
    expect(describeValue("abc")).toBe('"abc"');
    expect(describeValue(true)).toBe("TRUE");
    expect(describeValue(false)).toBe("FALSE");
    expect(describeValue(12.5)).toBe("12.5");
    expect(describeValue(new Date(Date.UTC(2026, 0, 16)))).toBe(
      "the date 2026-01-16T00:00:00.000Z",
    );
    expect(describeValue(new Date(Number.NaN))).toBe("an invalid date");
  });

  it("shortens long text and escapes line breaks", () => {
    const long = describeValue("x".repeat(100));
    expect(long.length).toBeLessThan(50);
    expect(long.endsWith('..."')).toBe(true);
    expect(describeValue("a\nb")).toBe('"a\\nb"');
  });
});

describe("errorValueOf", () => {
  it("names the error a cell holds, with the white space around it trimmed", () => {
    expect(errorValueOf("#N/A")).toBe("#N/A");
    expect(errorValueOf("  #DIV/0!  ")).toBe("#DIV/0!");
    expect(errorValueOf("\t#REF!")).toBe("#REF!");
    expect(errorValueOf("\u00a0#VALUE!")).toBe("#VALUE!");
    expect(errorValueOf("\u3000#NAME?\n")).toBe("#NAME?");
  });

  it("is undefined for everything else, text that only looks like one included", () => {
    for (const value of [
      "N/A",
      "#hashtag",
      "##",
      "a #N/A",
      "é#N/A",
      "",
      0,
      null,
      undefined,
      true,
    ]) {
      expect(errorValueOf(value)).toBeUndefined();
    }
    expect(errorValueOf(new Date(0))).toBeUndefined();
  });
});

describe("normalizeKey", () => {
  it("ignores case, spaces, _ and -", () => {
    expect(normalizeKey("Lower is better")).toBe("lowerisbetter");
    expect(normalizeKey("LOWER_IS-BETTER")).toBe("lowerisbetter");
    expect(normalizeKey("  At least ")).toBe("atleast");
    expect(normalizeKey(">=")).toBe(">=");
    expect(normalizeKey(null)).toBe("");
    expect(normalizeKey(undefined)).toBe("");
  });
});

describe("withFunctionName", () => {
  it("returns the body's result", () => {
    expect(withFunctionName("KPI_PACE", () => 0.5)).toBe(0.5);
  });

  it("starts every error message with the function's name", () => {
    expect(() =>
      withFunctionName("KPI_PACE", () => {
        throw new KpiInputError("due 2026-01-01 (row 3) is before start 2026-03-01");
      }),
    ).toThrow(new Error("KPI_PACE: due 2026-01-01 (row 3) is before start 2026-03-01"));
  });

  it("does not name the function twice, and handles thrown non-errors", () => {
    expect(() =>
      withFunctionName("KPI_SPLIT", () => {
        throw new Error("KPI_SPLIT: weights add up to 0");
      }),
    ).toThrow(new Error("KPI_SPLIT: weights add up to 0"));
    expect(() =>
      withFunctionName("KPI_SPLIT", () => {
        throw "plain text";
      }),
    ).toThrow(new Error("KPI_SPLIT: plain text"));
  });
});

describe("EPSILON", () => {
  it("is the 1e-9 tolerance of SPEC §4.1", () => {
    expect(EPSILON).toBe(1e-9);
  });
});

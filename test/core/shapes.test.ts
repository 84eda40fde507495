import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { createContext, runInContext } from "node:vm";
import { buildSync } from "esbuild";
import { offsetMinutesAt } from "../../emulator/timezone";
import { sheetDate } from "../support/clock";

// V8's own test hook: whether two objects have one hidden class. The flag affects only code
// compiled after it is set: the function below.
setFlagsFromString("--allow-natives-syntax");
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (
  a: object,
  b: object,
) => boolean;

/**
 * The core compiled as dist/Code.js compiles it (esbuild, es2020, one IIFE) and run in a context
 * of its own: how class fields are lowered decides which hidden classes objects get, so the
 * classes under test must be the bundle's, not the test runner's transpilation of them.
 */
function loadCore() {
  const { outputFiles } = buildSync({
    stdin: {
      contents: `
        export { Accumulators } from "./src/core/aggregate";
        export { InstantDays, instantDaysOf, scanCheckins } from "./src/core/checkins";
        export { DayConverter } from "./src/core/dates";
        export { keptShapes } from "./src/core/shapes";`,
      resolveDir: join(__dirname, "..", ".."),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    globalName: "Core",
    target: "es2020",
    platform: "neutral",
    write: false,
  });
  const context = createContext({ Date });
  runInContext(outputFiles[0]!.text, context);
  return runInContext("Core", context) as {
    Accumulators: abstract new (...args: never[]) => object;
    InstantDays: abstract new (...args: never[]) => object;
    DayConverter: new (offsetAt: (epochMs: number) => number) => object;
    instantDaysOf(zone: object): object;
    scanCheckins(...args: unknown[]): { own: object & { count(slot: number): number } };
    keptShapes(): readonly object[];
  };
}

describe("the templates that keep per-call hidden classes alive (shapes.ts)", () => {
  // A template whose fields hold another kind of value than a call's (a whole number where a
  // call stores a fraction…) gets a hidden class of its own, and keeps none that calls use.
  it("are kept by the first scan, with the hidden classes of its accumulators and day table", () => {
    const core = loadCore();
    const TZ = "America/Los_Angeles";
    const zone = new core.DayConverter((epochMs) => offsetMinutesAt(TZ, epochMs));
    const log: unknown[][] = [["Date", "KPI ID", "Value"]];
    // A year of days, across both switches of summer time, so the offset table grows its run.
    for (let day = 1; day <= 365; day++) {
      const iso = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
      log.push([sheetDate(TZ, iso), "KPI-A", day]);
    }
    const scan = core.scanCheckins(
      log,
      new Map([["kpi-a", 0]]),
      1,
      { from: Float64Array.of(-Infinity), to: Float64Array.of(Infinity), keep: Uint8Array.of(0) },
      zone,
      ["KPI-A"],
    );
    expect(scan.own.count(0)).toBe(365);

    // The first scan keeps one reader over an empty log, with its accumulators and day table.
    const readers = core.keptShapes() as readonly { own?: unknown; days?: unknown }[];
    expect(readers).toHaveLength(1);
    const { own, days } = readers[0]!;
    expect(own).toBeInstanceOf(core.Accumulators);
    expect(haveSameMap(own as object, scan.own)).toBe(true);
    expect(days).toBeInstanceOf(core.InstantDays);
    expect(haveSameMap(days as object, core.instantDaysOf(zone))).toBe(true);
  });
});

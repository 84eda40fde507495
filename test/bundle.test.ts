/**
 * The contract of dist/Code.js with Apps Script (PLATFORM "Bundling", SPEC §4.1 and §7): what
 * `clasp push` uploads must declare every entry point as a plain top-level function with the
 * JSDoc Sheets reads, must use no syntax the runtime rejects, and must compute exactly what the
 * TypeScript core computes when it runs with nothing but the custom-function services.
 *
 * Needs `npm run build` first (`npm test` runs it).
 */

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { Clock } from "../src/core/clock";
import { kpiAttainment, kpiPace, kpiStatus } from "../src/core/elementwise";
import { kpiRollup } from "../src/core/rollup";
import { kpiSmart } from "../src/core/smart";
import { kpiSplit } from "../src/core/split";
import { kpiSummary, readAsOfDay } from "../src/core/summary";
import { kpiTrend } from "../src/core/trend";
import { withFunctionName } from "../src/core/values";
import {
  CODE_PATH,
  CUSTOM_FUNCTIONS,
  type CustomFunctionName,
  DIST_DIR,
  formatDate,
  type LoadedBundle,
  loadBundle,
} from "./support/bundle";
import { sheetDate, zoneOf } from "./support/clock";

interface GlobalFunction {
  readonly name: string;
  readonly params: readonly string[];
}

const ROOT = join(__dirname, "..");

/**
 * scripts/build.ts is an ES module (it uses `import.meta`), which jest's CommonJS transform cannot
 * load, so its `listGlobals` runs in a child Node with tsx.
 */
function buildInfo(): { globals: GlobalFunction[]; bundleGlobal: string } {
  const script =
    'import("./scripts/build.ts").then((m) => { const b = m.default ?? m;' +
    " process.stdout.write(JSON.stringify({ bundleGlobal: b.BUNDLE_GLOBAL," +
    " globals: b.listGlobals().map((g) => ({ name: g.name, params: g.params })) })); })";
  const out = execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as { globals: GlobalFunction[]; bundleGlobal: string };
}

/** SPEC §4 headings, the parameter names users see in Sheets' formula help. */
const SPEC_PARAMETERS: Readonly<Record<CustomFunctionName, readonly string[]>> = {
  KPI_ATTAINMENT: ["actual", "target", "baseline", "direction"],
  KPI_PACE: ["start", "due", "as_of"],
  KPI_STATUS: ["attainment", "expected", "due", "as_of", "at_risk_gap", "off_track_gap"],
  KPI_SPLIT: ["total", "weights", "decimals"],
  KPI_SMART: ["kpis"],
  KPI_ROLLUP: ["kpis", "checkins", "as_of", "fields", "at_risk_gap", "off_track_gap"],
  KPI_TREND: ["kpis", "checkins", "ids", "from", "to", "step", "field"],
  KPI_SUMMARY: ["kpis", "checkins", "as_of", "by", "at_risk_gap", "off_track_gap"],
};

let code: string;
let source: ts.SourceFile;
let expected: { globals: GlobalFunction[]; bundleGlobal: string };
let topLevelFunctions: Map<string, ts.FunctionDeclaration>;

beforeAll(() => {
  code = readFileSync(CODE_PATH, "utf8");
  source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  expected = buildInfo();
  topLevelFunctions = new Map();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined) {
      topLevelFunctions.set(statement.name.text, statement);
    }
  }
}, 60_000);

/** A prologue directive such as "use strict" declares nothing. */
function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

function lineOf(node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

describe("dist/Code.js as Apps Script sees it", () => {
  test("has exactly the six custom functions of SPEC §4 among the entry points of src/main.ts", () => {
    const names = expected.globals.map((fn) => fn.name).filter((name) => name.startsWith("KPI_"));
    expect(names.sort()).toEqual([...CUSTOM_FUNCTIONS].sort());
  });

  test("declares every export of src/main.ts as a top-level function with the same parameters", () => {
    for (const fn of expected.globals) {
      const declaration = topLevelFunctions.get(fn.name);
      expect({ name: fn.name, declared: declaration !== undefined }).toEqual({
        name: fn.name,
        declared: true,
      });
      expect(declaration?.parameters.map((param) => param.name.getText(source))).toEqual(fn.params);
    }
  });

  test("occupies the global scope with only the bundle variable and the forwarders", () => {
    const names: string[] = [];
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement)) names.push(statement.name?.text ?? "<anonymous>");
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          names.push(declaration.name.getText(source));
        }
      } else if (!ts.isEmptyStatement(statement) && !isDirective(statement)) {
        names.push(`<${ts.SyntaxKind[statement.kind]} at line ${lineOf(statement)}>`);
      }
    }
    expect(names.sort()).toEqual(
      [expected.bundleGlobal, ...expected.globals.map((fn) => fn.name)].sort(),
    );
  });

  test("declares no top-level function whose name ends in an underscore", () => {
    const hidden = [...topLevelFunctions.keys()].filter((name) => name.endsWith("_"));
    expect(hidden).toEqual([]);
  });

  test.each(CUSTOM_FUNCTIONS)("names the parameters of %s as SPEC §4 does", (name) => {
    const declaration = topLevelFunctions.get(name);
    expect(declaration?.parameters.map((param) => param.name.getText(source))).toEqual(
      SPEC_PARAMETERS[name],
    );
  });

  test.each(CUSTOM_FUNCTIONS)(
    "gives %s the JSDoc Sheets reads: @customfunction, @return and one @param per parameter",
    (name) => {
      const declaration = topLevelFunctions.get(name);
      if (declaration === undefined) throw new Error(`${name} is not declared`);
      const tags = ts.getJSDocTags(declaration);
      const tagNames = tags.map((tag) => tag.tagName.text);
      expect(tagNames).toContain("customfunction");
      expect(tagNames.filter((tag) => tag === "return" || tag === "returns")).toHaveLength(1);
      const params = tags.filter(ts.isJSDocParameterTag).map((tag) => tag.name.getText(source));
      expect(params).toEqual(SPEC_PARAMETERS[name]);
      const described = tags
        .filter(ts.isJSDocParameterTag)
        .map((tag) => ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "");
      expect(described.filter((text) => text === "")).toEqual([]);
    },
  );

  test("uses no module syntax, class fields or private names, which Apps Script's V8 rejects", () => {
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      const where = `line ${lineOf(node)}`;
      if (
        ts.isImportDeclaration(node) ||
        ts.isImportEqualsDeclaration(node) ||
        ts.isExportDeclaration(node) ||
        ts.isExportAssignment(node)
      ) {
        found.push(`module statement at ${where}`);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword
      ) {
        found.push(`dynamic import at ${where}`);
      } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
        found.push(`import.meta at ${where}`);
      } else if (ts.isPropertyDeclaration(node)) {
        found.push(`class field ${node.name.getText(source)} at ${where}`);
      } else if (ts.isClassStaticBlockDeclaration(node)) {
        found.push(`static block at ${where}`);
      } else if (ts.isPrivateIdentifier(node)) {
        found.push(`private name ${node.text} at ${where}`);
      }
      if (
        ts.canHaveModifiers(node) &&
        ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      ) {
        found.push(`export modifier at ${where}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(found).toEqual([]);
  });

  test("parses as a plain script", () => {
    const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] })
      .parseDiagnostics;
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual(
      [],
    );
  });

  test("ships a manifest with V8, Stackdriver logging and exactly the five scopes of SPEC §7", () => {
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, "appsscript.json"), "utf8")) as {
      runtimeVersion?: string;
      exceptionLogging?: string;
      oauthScopes?: string[];
    };
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect([...(manifest.oauthScopes ?? [])].sort()).toEqual(
      [
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
        // Not .currentonly: the daily trigger opens its spreadsheet by ID (SPEC §7).
        "https://www.googleapis.com/auth/spreadsheets",
        "https://www.googleapis.com/auth/userinfo.email",
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Same results in the vm as from the core

type Outcome = { value: unknown } | { error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    // Errors thrown inside the vm are instances of the vm's own Error class.
    return { error: String((error as { message?: unknown }).message) };
  }
}

/** What the core gives for a case, named as the custom-function wrapper names its errors. */
type CoreCall = (args: readonly unknown[], clock: Clock) => unknown;

const CORE: Readonly<Record<CustomFunctionName, CoreCall>> = {
  KPI_ATTAINMENT: ([actual, target, baseline, direction]) =>
    kpiAttainment(actual, target, baseline, direction),
  KPI_PACE: ([start, due, asOf], clock) => kpiPace(start, due, asOf, clock),
  KPI_STATUS: ([attainment, expected, due, asOf, atRisk, offTrack], clock) =>
    kpiStatus(attainment, expected, due, asOf, atRisk, offTrack, clock),
  KPI_SPLIT: ([total, weights, decimals]) => kpiSplit(total, weights, decimals),
  KPI_SMART: ([kpis], clock) => kpiSmart(kpis, clock),
  KPI_ROLLUP: ([kpis, checkins, asOf, fields, atRisk, offTrack], clock) =>
    kpiRollup(kpis, checkins, asOf, fields, clock, atRisk, offTrack),
  KPI_TREND: ([kpis, checkins, ids, from, to, step, field], clock) =>
    kpiTrend(kpis, checkins, { ids, from, to, step, field }, clock),
  KPI_SUMMARY: ([kpis, checkins, asOf, by, atRisk, offTrack], clock) =>
    kpiSummary(
      kpis,
      checkins,
      { asOf: readAsOfDay(asOf, clock), by, atRiskGap: atRisk, offTrackGap: offTrack },
      clock,
    ),
};

interface Case {
  readonly label: string;
  readonly args: (timeZone: string) => readonly unknown[];
  /** The case must fail (true) or succeed (false), so a table of errors cannot pass silently. */
  readonly fails: boolean;
}

const plain = (label: string, args: readonly unknown[], fails = false): Case => ({
  label,
  args: () => args,
  fails,
});

const REGISTRY_HEADER = [
  "ID",
  "Name",
  "Type",
  "Level",
  "Parent",
  "Owner",
  "Unit",
  "Direction",
  "Aggregation",
  "Baseline",
  "Target",
  "Start",
  "Due",
  "Cadence",
  "Weight",
];

function registry(tz: string): unknown[][] {
  const d = (iso: string) => sheetDate(tz, iso);
  return [
    REGISTRY_HEADER,
    [
      "KPI-0001",
      "Revenue 10 million NTD from all channels",
      "KPI",
      "Company",
      "",
      "ceo@example.com",
      "NTD",
      "",
      "",
      0,
      10_000_000,
      d("2026-01-01"),
      d("2026-12-31"),
      "",
      "",
    ],
    [
      "KPI-0002",
      "SEO brings 4 million NTD in orders",
      "KPI",
      "Department",
      "KPI-0001",
      "seo@example.com",
      "NTD",
      "",
      "Sum",
      0,
      4_000_000,
      d("2026-01-01"),
      d("2026-12-31"),
      "Monthly",
      1,
    ],
    [
      "KPI-0003",
      "Community brings 3 million NTD",
      "KPI",
      "Department",
      "KPI-0001",
      "fans@example.com",
      "NTD",
      "",
      "Sum",
      0,
      3_000_000,
      d("2026-01-01"),
      d("2026-12-31"),
      "",
      1,
    ],
    [
      "KPI-0004",
      "Improve awareness",
      "KPI",
      "Team",
      "KPI-0009",
      "",
      "",
      "sideways",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ],
    [
      "KPI-0005",
      "Exercise twice a week",
      "Habit",
      "Personal",
      "",
      "me@example.com",
      "sessions",
      "At least",
      "Count",
      0,
      2,
      d("2026-06-01"),
      d("2026-12-31"),
      "Weekly",
      "",
    ],
    ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
  ];
}

function checkins(tz: string): unknown[][] {
  const d = (iso: string) => sheetDate(tz, iso);
  return [
    ["Date", "KPI ID", "Value", "Note", "By"],
    [d("2026-02-10"), "KPI-0002", 250_000, "", ""],
    [d("2026-03-10"), "kpi-0002 ", "150000", "", ""],
    [d("2026-03-31"), "KPI-0003", 400_000, "", ""],
    [d("2026-07-01"), "KPI-0003", 999_999, "after as_of", ""],
    [d("2026-06-02"), "KPI-0005", 1, "", ""],
    [d("2026-06-04"), "KPI-0005", 1, "", ""],
    [d("2026-06-09"), "KPI-0005", 1, "", ""],
    [d("2026-06-16"), "KPI-0005", 1, "", ""],
    [d("2026-06-18"), "KPI-0005", 1, "", ""],
  ];
}

const CASES: Readonly<Record<CustomFunctionName, readonly Case[]>> = {
  KPI_ATTAINMENT: [
    plain("half way", [50, 100]),
    plain("a decrease", [7.5, 5, 10, "decrease"]),
    plain("beyond the target", [120, 100]),
    plain("a percent target as text", [0.03, "5%", 0.01]),
    plain("an alias of decrease", [5, 5, 10, "lower is better"]),
    plain("target equal to baseline", [100, 100, 100]),
    plain("at least, missed", [99, 100, "", "at least"]),
    plain("a blank actual", ["", 100]),
    plain("a range of actuals", [[[50], [75], [""]], 100]),
    plain("ranges of the same shape", [[[1, 2]], [[4, 4]], [[0, 0]], [["up", "at most"]]]),
    plain("a target below the baseline", [1, 100, 200], true),
    plain("a target that is not a number", [1, "lots"], true),
    plain("an unknown direction", [1, 2, 0, "sideways"], true),
    plain("ranges of different shapes", [[[1], [2]], [[1, 2]]], true),
  ],
  KPI_PACE: [
    {
      label: "date cells",
      args: (tz) => [
        sheetDate(tz, "2026-01-01"),
        sheetDate(tz, "2026-01-31"),
        sheetDate(tz, "2026-01-16"),
      ],
      fails: false,
    },
    plain("serial days", [46023, 46053, 46038.75]),
    plain("ISO text", ["2026-01-01", "2026-01-31", "2026-01-16 23:59"]),
    plain("a blank start", ["", 46053, 46038]),
    plain("a past window with as_of left blank (today)", ["2020-01-01", "2020-12-31"]),
    {
      label: "a range of windows",
      args: (tz) => [
        [[sheetDate(tz, "2026-01-01")], [sheetDate(tz, "2026-01-10")]],
        [[sheetDate(tz, "2026-01-31")], [sheetDate(tz, "2026-01-10")]],
        sheetDate(tz, "2026-01-10"),
      ],
      fails: false,
    },
    plain("due before start", ["2026-03-01", "2026-01-01", "2026-02-01"], true),
    plain("a start that is not a date", ["soon", "2026-01-01", "2026-02-01"], true),
  ],
  KPI_STATUS: [
    plain("on track", [0.4, 0.5]),
    plain("off track", [0.2, 0.5]),
    plain("at risk", [0.3, 0.5]),
    plain("achieved", [1.2, 0.5]),
    plain("missed after the due date", [0.5, 0.9, "2026-01-31", "2026-02-01"]),
    plain("no data", ["", 0.5]),
    plain("in progress", [0.5]),
    plain("custom gaps", [0.3, 0.5, "", "2026-01-01", 0.05, 0.3]),
    plain("a range", [[[0.4], [0.2], [""]], [[0.5], [0.5], [0.5]], "2026-12-31", "2026-06-30"]),
    plain("an attainment that is not a number", ["good", 0.5], true),
  ],
  KPI_SPLIT: [
    plain("the company goal by channel", [10_000_000, [[4], [3], [2], [1]]]),
    plain("equal parts", [100, 3]),
    plain("blank weights", [10, [[1], [""], [1]]]),
    plain("decimals", [100, [[1, 1, 1]], 2]),
    plain("a negative total", [-100, 3]),
    plain("a negative weight", [10, [[1], [-1]]], true),
    plain("weights adding up to 0", [10, [[0], [0]]], true),
    plain("a blank total", ["", 3], true),
    plain("a total with more decimals than allowed", [10.5, 2], true),
    plain("too many decimals", [10, 2, 11], true),
  ],
  KPI_SMART: [
    { label: "a registry", args: (tz) => [registry(tz)], fails: false },
    plain("a registry without a header row", ["not a range"], true),
  ],
  KPI_ROLLUP: [
    {
      label: "the default fields",
      args: (tz) => [registry(tz), checkins(tz), sheetDate(tz, "2026-06-30")],
      fails: false,
    },
    {
      label: "chosen fields",
      args: (tz) => [
        registry(tz),
        checkins(tz),
        sheetDate(tz, "2026-06-30"),
        "ID, Actual, Attainment, Score, Check-ins, Last check-in, Streak, Start, Due",
      ],
      fails: false,
    },
    {
      label: "an unknown field",
      args: (tz) => [registry(tz), checkins(tz), sheetDate(tz, "2026-06-30"), "ID,Colour"],
      fails: true,
    },
    {
      label: "a check-in log without a Value column",
      args: (tz) => [registry(tz), [["Date", "KPI ID"]], sheetDate(tz, "2026-06-30")],
      fails: true,
    },
    {
      label: "status gaps",
      args: (tz) => [registry(tz), checkins(tz), sheetDate(tz, "2026-06-30"), "", 0.2, "40%"],
      fails: false,
    },
    {
      label: "a gap that is not a number",
      args: (tz) => [registry(tz), checkins(tz), sheetDate(tz, "2026-06-30"), "", "#N/A"],
      fails: true,
    },
  ],
  KPI_TREND: [
    {
      label: "weekly attainment",
      args: (tz) => [registry(tz), checkins(tz), "KPI-0001", "", sheetDate(tz, "2026-06-30")],
      fails: false,
    },
    {
      label: "an unknown ID",
      args: (tz) => [registry(tz), checkins(tz), "KPI-9999", "", sheetDate(tz, "2026-06-30")],
      fails: true,
    },
  ],
  KPI_SUMMARY: [
    {
      label: "by level",
      args: (tz) => [registry(tz), checkins(tz), sheetDate(tz, "2026-06-30"), "Level"],
      fails: false,
    },
    {
      label: "a missing column",
      args: (tz) => [registry(tz), checkins(tz), sheetDate(tz, "2026-06-30"), "Colour"],
      fails: true,
    },
  ],
};

describe.each(["Pacific/Auckland", "America/Los_Angeles"])(
  "the bundle in a vm, spreadsheet in %s",
  (timeZone) => {
    let bundle: LoadedBundle;
    const zone = zoneOf(timeZone);
    // The bundle's "today" is the real one, so the core gets the real one too.
    const clock: Clock = { zone, today: () => zone.dayOf(new Date()) };

    beforeAll(() => {
      bundle = loadBundle({ spreadsheetTimeZone: timeZone, scriptTimeZone: "Etc/UTC" });
    });

    describe.each(CUSTOM_FUNCTIONS)("%s", (name) => {
      test.each(CASES[name].map((c) => [c.label, c] as const))(
        "returns what the core returns for %s",
        (_label, testCase) => {
          const args = testCase.args(timeZone);
          const fromBundle = outcome(() => bundle.functions[name](...args));
          const fromCore = outcome(() => withFunctionName(name, () => CORE[name](args, clock)));
          expect(fromBundle).toEqual(fromCore);
          expect("error" in fromBundle).toBe(testCase.fails);
          if ("error" in fromBundle) expect(fromBundle.error).toMatch(new RegExp(`^${name}: \\S`));
        },
      );
    });

    test("reads the spreadsheet's time zone and a handful of offsets, not one per check-in", () => {
      const log: unknown[][] = [["Date", "KPI ID", "Value"]];
      for (let i = 0; i < 5000; i++) {
        log.push([zone.startOf(46023 + (i % 365)), i % 2 === 0 ? "KPI-0002" : "KPI-0003", 10]);
      }
      bundle.resetServiceCalls();
      bundle.functions.KPI_ROLLUP(registry(timeZone), log, sheetDate(timeZone, "2026-12-31"));
      expect(bundle.serviceCalls.getSpreadsheetTimeZone).toBe(1);
      expect(bundle.serviceCalls.formatDate).toBeGreaterThan(0);
      expect(bundle.serviceCalls.formatDate).toBeLessThan(200);
    });
  },
);

describe("the vm's Utilities.formatDate", () => {
  // 2026-04-05 13:30 UTC: Auckland has just left daylight time (+12:00), Los Angeles is in it.
  const instant = new Date(Date.UTC(2026, 3, 5, 13, 30, 15, 250));

  test.each([
    ["Pacific/Auckland", "Z", "+1200"],
    ["America/Los_Angeles", "Z", "-0700"],
    ["Asia/Kolkata", "XXX", "+05:30"],
    ["Etc/UTC", "X", "Z"],
    ["Pacific/Auckland", "yyyy-MM-dd HH:mm:ss.SSS", "2026-04-06 01:30:15.250"],
    ["America/Los_Angeles", "yyyy-MM-dd'T'HH:mm", "2026-04-05T06:30"],
  ])("formats in %s with %s as Apps Script does", (timeZone, pattern, text) => {
    expect(formatDate(instant, timeZone, pattern)).toBe(text);
  });

  test("refuses a pattern letter it does not implement rather than format it wrongly", () => {
    expect(() => formatDate(instant, "Etc/UTC", "EEE")).toThrow(/not supported/);
  });
});

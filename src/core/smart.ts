/**
 * The SMART rules (SPEC §4.6), shared by `KPI_SMART` and the wizard's live feedback: one function
 * grades one goal from its fields and the registry around it, and says, in a manager's words,
 * what to do about the first letter it fails.
 */

import { readDirection, unknownDirectionMessage } from "./attainment";
import type { CellValue, Clock, FormulaResult } from "./clock";
import { type Day, DayConverter, formatDay, readDay } from "./dates";
import { requireColumn, requireTable } from "./headers";
import {
  cellsOf,
  cellText,
  idKey,
  REGISTRY_COLUMNS,
  readKpiType,
  readLevel,
  registryColumns,
} from "./registry";
import { describeValue, EPSILON, isBlank, readNumber } from "./values";

export const SMART_LETTERS = ["S", "M", "A", "R", "T"] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export const SMART_LETTER_NAMES: Readonly<Record<SmartLetter, string>> = {
  S: "Specific",
  M: "Measurable",
  A: "Attainable",
  R: "Relevant",
  T: "Time-bound",
};

/**
 * A goal's fields as typed: registry cells, or the wizard's inputs (text, numbers, ISO dates).
 * Everything is optional and read leniently: a value that cannot be read fails its letter.
 */
export interface SmartGoal {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly type?: unknown;
  readonly level?: unknown;
  readonly parent?: unknown;
  readonly unit?: unknown;
  readonly direction?: unknown;
  readonly baseline?: unknown;
  readonly target?: unknown;
  readonly start?: unknown;
  readonly due?: unknown;
}

export interface SmartContext {
  /** The IDs present in the registry, in the form of `idKey` (trimmed, lower case). */
  readonly ids: ReadonlySet<string>;
  /** Whether other goals name this one as their Parent (an Objective's key results). */
  readonly hasKeyResults: boolean;
  /** The spreadsheet's calendar, to read `Date` values; text dates need none (default UTC). */
  readonly zone?: DayConverter;
}

export interface SmartCheck {
  readonly letter: SmartLetter;
  /** "Specific", "Measurable"… */
  readonly name: string;
  readonly passed: boolean;
  /** What to do to pass; `""` when passed. */
  readonly advice: string;
}

export interface SmartGrade {
  /** The five checks in S-M-A-R-T order. */
  readonly checks: readonly SmartCheck[];
  /** How many letters pass, 0–5. */
  readonly passed: number;
  /** The first letter that fails, if any. */
  readonly firstFailing: SmartLetter | undefined;
  /** The advice of the first failing letter; `""` when all pass. */
  readonly advice: string;
}

// ---------------------------------------------------------------------------------------------
// Specific

const VAGUE_STEMS = [
  "improve",
  "enhance",
  "better",
  "good",
  "optimize",
  "optimise",
  "strengthen",
  "establish",
  "relationship",
  "awareness",
  "maximize",
  "maximise",
  "minimize",
  "minimise",
  "support",
];
const VAGUE_ENDINGS = ["", "s", "d", "ed", "ing", "ment", "ments"];

/** Every vague form: stem + ending, and for stems ending in e the dropped-e forms (improving). */
const VAGUE_WORDS: ReadonlySet<string> = new Set(
  VAGUE_STEMS.flatMap((stem) => {
    const forms = VAGUE_ENDINGS.map((ending) => stem + ending);
    if (stem.endsWith("e")) forms.push(`${stem.slice(0, -1)}ing`, `${stem.slice(0, -1)}ed`);
    return forms;
  }),
);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

/** The first vague word of a text (lower case), or `undefined`. */
export function findVagueWord(text: string): string | undefined {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .find((word) => VAGUE_WORDS.has(word));
}

/**
 * Words in a goal's name. Scripts written without spaces (Chinese, Japanese, Korean) count each
 * character as a word, so "拜訪100家製造業客戶" is specific enough, as it would be in English.
 */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const spaced = text
    .replace(CJK, " ")
    .split(/\s+/)
    .filter((token) => WORD_CHAR.test(token)).length;
  return cjk + spaced;
}

const SPECIFIC_EXAMPLE =
  'e.g. "Visit 100 manufacturing customers", not "Build good customer relationships"';

function specificAdvice(goal: SmartGoal): string {
  const name = cellText(goal.name);
  if (name === "") return `Name the goal: say what, how many and for whom, ${SPECIFIC_EXAMPLE}.`;
  const hasDigit = DIGIT.test(name);
  const vague = hasDigit ? undefined : findVagueWord(name);
  if (vague !== undefined) {
    return `"${vague}" is vague: say what, how many and for whom, ${SPECIFIC_EXAMPLE}.`;
  }
  if (countWords(name) < 3) {
    return `Say more in the name (at least 3 words): what, how many and for whom, ${SPECIFIC_EXAMPLE}.`;
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Measurable, Attainable

function measurableAdvice(goal: SmartGoal, context: SmartContext): string {
  const isObjective = readKpiType(goal.type) === "objective";
  if (isObjective && context.hasKeyResults) return "";
  const orKeyResults = isObjective ? ", or add key results under this objective" : "";
  if (isBlank(goal.target)) {
    return `Give a numeric target and a unit, e.g. 100 visits or 5%${orKeyResults}.`;
  }
  if (readNumber(goal.target) === undefined) {
    return `Target ${describeValue(goal.target)} is not a number: give a numeric target and a unit, e.g. 100 visits${orKeyResults}.`;
  }
  if (cellText(goal.unit) === "") {
    return `Give the unit the target is counted in: orders, %, NTD, visits…${orKeyResults}.`;
  }
  return "";
}

function attainableAdvice(goal: SmartGoal, context: SmartContext): string {
  if (readKpiType(goal.type) === "objective" && context.hasKeyResults) return "";
  const direction = readDirection(goal.direction);
  if (direction === undefined) return `${capitalize(unknownDirectionMessage(goal.direction))}.`;
  const baseline = readNumber(goal.baseline);
  if (baseline === undefined) {
    return "Add a baseline: where the number stands today, so the stretch of the target can be judged.";
  }
  const target = readNumber(goal.target);
  if (target === undefined) return "Give a numeric target to compare with the baseline.";
  if (target === baseline) {
    return `The target equals the baseline (${baseline}): a target that needs no change is no goal.`;
  }
  // SPEC §4.6 judges only the stretch here; a target on the wrong side of its baseline is the
  // Direction's problem, reported by KPI_ATTAINMENT and KPI_ROLLUP (§4.2), not a SMART letter.
  // The bound is literal for any non-zero baseline, negative ones included.
  const goesDown = direction === "decrease" || direction === "atmost";
  if (baseline !== 0) {
    if (!goesDown && target > 3 * baseline + EPSILON) {
      return `The target is more than 3× the baseline (${baseline}): that is a ladder, not tiptoe. Aim for a step within reach and set the next one later.`;
    }
    if (goesDown && target < baseline / 3 - EPSILON) {
      return `The target is below a third of the baseline (${baseline}): that is a ladder, not tiptoe. Aim for a step within reach and set the next one later.`;
    }
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Relevant, Time-bound

function relevantAdvice(goal: SmartGoal, context: SmartContext): string {
  if (readLevel(goal.level) === "company") return "";
  const parent = cellText(goal.parent);
  if (parent === "") {
    return "Link it to the goal it serves: choose its Parent goal (or set Level to Company for a top goal).";
  }
  // Literal §4.6: a Parent present in the range passes, even the goal's own ID (KPI_ROLLUP
  // reports that as a parent cycle).
  if (!context.ids.has(idKey(parent))) {
    return `Parent "${parent}" is not in the registry: link it to the goal it serves.`;
  }
  return "";
}

const UTC = new DayConverter(() => 0);

function timeBoundAdvice(goal: SmartGoal, context: SmartContext): string {
  const zone = context.zone ?? UTC;
  if (isBlank(goal.due)) return "Set a deadline: add a Due date.";
  const due = readDay(goal.due, zone);
  if (due === undefined) return `Due ${describeValue(goal.due)} is not a date: set a deadline.`;
  if (isBlank(goal.start)) return "";
  const start: Day | undefined = readDay(goal.start, zone);
  if (start === undefined) return `Start ${describeValue(goal.start)} is not a date.`;
  if (due <= start) {
    return `Set the deadline after the start: Due ${formatDay(due)} is not after Start ${formatDay(start)}.`;
  }
  return "";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Grades one goal against the five SMART letters. */
export function gradeSmart(goal: SmartGoal, context: SmartContext): SmartGrade {
  const advice: Record<SmartLetter, string> = {
    S: specificAdvice(goal),
    M: measurableAdvice(goal, context),
    A: attainableAdvice(goal, context),
    R: relevantAdvice(goal, context),
    T: timeBoundAdvice(goal, context),
  };
  const checks = SMART_LETTERS.map((letter) => ({
    letter,
    name: SMART_LETTER_NAMES[letter],
    passed: advice[letter] === "",
    advice: advice[letter],
  }));
  const firstFailing = checks.find((check) => !check.passed);
  return {
    checks,
    passed: checks.filter((check) => check.passed).length,
    firstFailing: firstFailing?.letter,
    advice: firstFailing?.advice ?? "",
  };
}

/**
 * `KPI_SMART(kpis)`: a header row `SMART | Advice` and, for each data row, `n/5` and the advice
 * of the first failing letter; a row without an ID gives a blank row, so the output lines up
 * with the registry.
 */
export function kpiSmart(kpis: unknown, clock: Clock): FormulaResult {
  const table = requireTable(kpis, "kpis");
  const columns = registryColumns(table[0]!);
  const idColumn = requireColumn(columns, REGISTRY_COLUMNS, "id", "kpis");

  const ids = new Set<string>();
  const parentsNamed = new Set<string>();
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    const key = idKey(row[idColumn]);
    if (key === "") continue;
    ids.add(key);
    const parentColumn = columns.parent;
    const parentKey = parentColumn === undefined ? "" : idKey(row[parentColumn]);
    if (parentKey !== "" && parentKey !== key) parentsNamed.add(parentKey);
  }

  const output: CellValue[][] = [["SMART", "Advice"]];
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    const key = idKey(row[idColumn]);
    if (key === "") {
      output.push(["", ""]);
      continue;
    }
    const goal = cellsOf(row, columns);
    const grade = gradeSmart(goal, {
      ids,
      hasKeyResults: parentsNamed.has(key),
      zone: clock.zone,
    });
    output.push([`${grade.passed}/5`, grade.advice]);
  }
  return output;
}

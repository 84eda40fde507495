/**
 * KPI_SPLIT (SPEC §4.5): a target split across parts in proportion to weights, rounded by the
 * largest-remainder method so the parts add up to the total exactly.
 *
 * The arithmetic is exact, in integers: the total becomes a whole number of units of
 * 10^-decimals, and each weight the exact decimal a user typed (0.1 is one tenth, not the binary
 * fraction nearest to it), so quotas, remainders and ties are decided without rounding error.
 * BigInt keeps the products exact at any size, and each part is returned as the JS number
 * nearest to its exact decimal value (read from its decimal digits, so it is rounded once).
 */

import type { CellValue, FormulaResult } from "./clock";
import { isRange, placeOf, type Range, shapeOf } from "./grid";
import { describeValue, isBlank, KpiInputError, notANumberReason, readNumber } from "./values";

const MAX_DECIMALS = 10;
/** Sheets holds at most 10 million cells, so more parts could never be shown. */
const MAX_PARTS = 10_000_000;

export function kpiSplit(total: unknown, weights: unknown, decimals: unknown): FormulaResult {
  const places = readDecimals(decimals);
  const { units, negative } = readTotal(total, places);
  const toPart = (partUnits: bigint): number => {
    if (partUnits === 0n) return 0;
    const value = unitsToNumber(partUnits, places);
    return negative ? -value : value;
  };

  if (!isRange(weights)) {
    const count = readPartCount(weights);
    const share = units / BigInt(count);
    const extra = units % BigInt(count);
    const column: CellValue[][] = [];
    for (let index = 0; index < count; index++) {
      column.push([toPart(BigInt(index) < extra ? share + 1n : share)]);
    }
    return column;
  }

  const shape = shapeOf(weights, "weights");
  const cells = readWeights(weights);
  const parts = largestRemainder(
    units,
    cells.map((cell) => cell ?? 0n),
  );
  const result: CellValue[][] = [];
  let index = 0;
  for (let row = 0; row < shape.rows; row++) {
    const line: CellValue[] = [];
    for (let column = 0; column < shape.columns; column++) {
      const part = parts[index]!;
      line.push(cells[index] === undefined ? "" : toPart(part));
      index++;
    }
    result.push(line);
  }
  return result;
}

/**
 * Splits `units` in proportion to `weights` (not all 0): each part gets the whole part of its
 * quota, and the units left over go one each to the largest remainders, the earlier part first
 * on a tie. Every part is within one unit of its exact quota and the parts add up to `units`.
 */
export function largestRemainder(units: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let left = units;
  for (const weight of weights) {
    const exact = units * weight;
    const part = exact / sum;
    parts.push(part);
    remainders.push(exact % sum);
    left -= part;
  }
  // A part whose remainder is 0 never gets a leftover unit: `left` is less than the number of
  // non-zero remainders, so zero weights keep exactly 0.
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (let rank = 0; BigInt(rank) < left; rank++) {
    const index = order[rank]!.index;
    parts[index] = parts[index]! + 1n;
  }
  return parts;
}

function readDecimals(value: unknown): number {
  if (isBlank(value)) return 0;
  if (isRange(value)) throw new KpiInputError("decimals must be one number, not a range");
  const places = readNumber(value);
  if (places === undefined || !Number.isInteger(places) || places < 0 || places > MAX_DECIMALS) {
    throw new KpiInputError(
      `decimals ${describeValue(value)} is not a whole number from 0 to ${MAX_DECIMALS}`,
    );
  }
  return places;
}

/**
 * The total in whole units of 10^-places, as a magnitude and a sign: a negative total splits
 * like its positive mirror.
 *
 * A total with more decimals than `places` is an error, except for the float noise a computed
 * total carries (=0.1+0.2 is 0.30000000000000004 in Sheets too, shown as 0.3; a SUM of many cents
 * drifts by a few units in the last place): a total within a billionth of a unit, or within
 * 1e-12 of its size, of a value with `places` decimals is that value, and the parts add up to it.
 */
function readTotal(value: unknown, places: number): { units: bigint; negative: boolean } {
  if (isRange(value)) throw new KpiInputError("total must be one number, not a range");
  if (isBlank(value)) throw new KpiInputError("total is blank: give the target to split");
  const total = readNumber(value);
  if (total === undefined) {
    throw new KpiInputError(`total ${describeValue(value)} ${notANumberReason(value)}`);
  }
  const magnitude = Math.abs(total);
  const exact = exactDecimal(magnitude);
  let units: bigint;
  if (exact.scale <= places) {
    units = exact.digits * 10n ** BigInt(places - exact.scale);
  } else {
    const divisor = 10n ** BigInt(exact.scale - places);
    units = (exact.digits + divisor / 2n) / divisor;
    const noise = Math.abs(magnitude - Number(units) / 10 ** places);
    if (noise > Math.max(1e-9 * 10 ** -places, magnitude * 1e-12)) {
      const problem =
        places === 0
          ? "is not a whole number"
          : `has more than ${places} decimal${places === 1 ? "" : "s"}`;
      throw new KpiInputError(
        `total ${total} ${problem}: round it, or raise decimals to split it to more places`,
      );
    }
  }
  return { units, negative: total < 0 && units !== 0n };
}

/** A whole number of units of 10^-places as the nearest JS number, e.g. (12345n, 2) → 123.45. */
function unitsToNumber(units: bigint, places: number): number {
  if (places === 0) return Number(units);
  const digits = units.toString().padStart(places + 1, "0");
  return Number(`${digits.slice(0, -places)}.${digits.slice(-places)}`);
}

function readPartCount(value: unknown): number {
  if (isBlank(value)) {
    throw new KpiInputError("weights is blank: give a range of weights or a number of equal parts");
  }
  const count = readNumber(value);
  if (count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_PARTS) {
    throw new KpiInputError(
      `weights ${describeValue(value)} is neither a range of weights nor a whole number of equal parts from 1 to ${MAX_PARTS}`,
    );
  }
  return count;
}

/**
 * Each cell of the weights as an integer on one common decimal scale (so 0.25 and 2 become 25
 * and 200), in reading order; `undefined` for a blank cell.
 */
function readWeights(range: Range): (bigint | undefined)[] {
  const columns = range[0]!.length;
  const shape = { rows: range.length, columns };
  const decimals: ({ digits: bigint; scale: number } | undefined)[] = [];
  let scale = 0;
  let sumIsZero = true;
  range.forEach((row, rowIndex) => {
    row.forEach((cell, columnIndex) => {
      if (isBlank(cell)) {
        decimals.push(undefined);
        return;
      }
      const where = placeOf(rowIndex, columnIndex, shape);
      const weight = readNumber(cell);
      if (weight === undefined) {
        throw new KpiInputError(`weight ${describeValue(cell)}${where} ${notANumberReason(cell)}`);
      }
      if (weight < 0) {
        throw new KpiInputError(`weight ${weight}${where} is negative: weights must be 0 or more`);
      }
      const exact = exactDecimal(weight);
      if (exact.digits !== 0n) sumIsZero = false;
      scale = Math.max(scale, exact.scale);
      decimals.push(exact);
    });
  });
  if (sumIsZero) {
    throw new KpiInputError("weights add up to 0: give at least one part a positive weight");
  }
  return decimals.map((exact) =>
    exact === undefined ? undefined : exact.digits * 10n ** BigInt(scale - exact.scale),
  );
}

/**
 * The exact decimal a finite, non-negative JS number stands for, read from its shortest
 * round-trip spelling ("0.1", "1.5e-7", "1e+21"): `digits / 10^scale`, `scale ≥ 0`.
 */
export function exactDecimal(value: number): { digits: bigint; scale: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new Error(`cannot read ${value} as a decimal`);
  const [, whole = "", fraction = "", exponent = "0"] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

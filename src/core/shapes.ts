/**
 * One object of each class that a custom-function call builds afresh, kept for the life of the
 * script, so that its hidden class is kept too.
 *
 * V8 gives objects built the same way one hidden class, and optimised code checks for it. Once no
 * object has a hidden class any more, V8 keeps it only through two full garbage collections
 * (`--retain-maps-for-n-gc`), then frees it and throws away every optimised function that checked
 * for it. A rollup's reader, accumulators and offset table are garbage as soon as the call
 * returns; in a script context that serves many calls with full collections between them (the
 * benchmark's warm runs, one test file's calls) each call then started again from unoptimised
 * code, which cost up to half of a call at 1,000 KPIs × 100,000 check-ins. In Apps Script every
 * execution starts a fresh context, so there this only costs the few small objects kept.
 *
 * A template must be built from empty inputs: what it references lives as long as the script.
 */

const kept: object[] = [];

export function keepShape(template: object): void {
  kept.push(template);
}

/** The templates kept so far, oldest first (for tests). */
export function keptShapes(): readonly object[] {
  return kept;
}

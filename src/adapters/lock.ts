/**
 * The document lock (PLATFORM "Quotas and services"): not held until `tryLock` succeeds, and
 * pending writes are flushed before it is released so the next holder reads them.
 */

/**
 * Takes `lock` within `waitMs`; returns a function that flushes and releases it, or `undefined`
 * when it is not free in time.
 */
function take(lock: GoogleAppsScript.Lock.Lock, waitMs: number): (() => void) | undefined {
  if (!lock.tryLock(waitMs)) return undefined;
  return () => {
    SpreadsheetApp.flush();
    lock.releaseLock();
  };
}

/**
 * Runs `body` holding the document lock; returns `{ locked: false }` without running it when the
 * lock is not free within `waitMs` (another user is setting up or the daily check is running).
 */
export function withDocumentLock<T>(
  waitMs: number,
  body: () => T,
): { locked: true; result: T } | { locked: false } {
  const release = take(LockService.getDocumentLock(), waitMs);
  if (release === undefined) return { locked: false };
  try {
    return { locked: true, result: body() };
  } finally {
    release();
  }
}

/**
 * The lock the daily check runs under: the document lock, or — in a time-driven trigger, where
 * there is no document and `getDocumentLock()` is `null` — the script lock. Returns a function
 * that flushes and releases it, or `undefined` when it is not free within `waitMs`.
 */
export function tryCheckLock(waitMs: number): (() => void) | undefined {
  return take(LockService.getDocumentLock() ?? LockService.getScriptLock(), waitMs);
}

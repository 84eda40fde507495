/**
 * The document lock (PLATFORM "Quotas and services"): not held until `tryLock` succeeds, and
 * pending writes are flushed before it is released so the next holder reads them.
 */

/**
 * Runs `body` holding the document lock; returns `{ locked: false }` without running it when the
 * lock is not free within `waitMs` (another user is setting up or the daily check is running).
 */
export function withDocumentLock<T>(
  waitMs: number,
  body: () => T,
): { locked: true; result: T } | { locked: false } {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return { locked: false };
  try {
    return { locked: true, result: body() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/**
 * `LockService` on the virtual clock (see "Locks" in index.ts). A lock is held by an execution;
 * `holdExternally` stands for an execution elsewhere that releases at a known virtual time. A
 * holder without a release time (an execution suspended further up the stack, or one obtained
 * through `emu.services()`) cannot release while another execution waits, so that wait spends
 * its whole timeout.
 */

import { type Execution, gas, type Host, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError, LOCK_TIMEOUT } from "./errors";

export type LockKind = "document" | "script" | "user";

interface Holder {
  readonly execution: number;
  /** Virtual time at which an external holder lets go. */
  readonly until?: number;
  readonly user?: string;
}

/** The id external holders use; no execution has it. */
const EXTERNAL = -1;

export class LockManager {
  private readonly holders = new Map<string, Holder>();

  constructor(private readonly host: Pick<Host, "nowMs" | "advance">) {}

  static key(kind: LockKind, user: string): string {
    return kind === "user" ? `user:${user}` : kind;
  }

  /** Another execution (outside this emulator) holds the lock for `ms` more virtual milliseconds. */
  holdExternally(kind: LockKind, ms: number, user = ""): void {
    this.holders.set(LockManager.key(kind, user), {
      execution: EXTERNAL,
      until: this.host.nowMs() + ms,
      user,
    });
  }

  /** Which execution holds a lock now ("external" for holdExternally), or undefined. */
  holder(kind: LockKind, user = ""): number | "external" | undefined {
    const holder = this.current(LockManager.key(kind, user));
    if (holder === undefined) return undefined;
    return holder.execution === EXTERNAL ? "external" : holder.execution;
  }

  private current(key: string): Holder | undefined {
    const holder = this.holders.get(key);
    if (holder?.until !== undefined && holder.until <= this.host.nowMs()) {
      this.holders.delete(key);
      return undefined;
    }
    return holder;
  }

  acquire(key: string, execution: number, timeoutMs: number): boolean {
    const holder = this.current(key);
    if (holder === undefined || holder.execution === execution) {
      this.holders.set(key, { execution });
      return true;
    }
    const now = this.host.nowMs();
    if (holder.until !== undefined && holder.until - now <= timeoutMs) {
      this.host.advance(holder.until - now);
      this.holders.set(key, { execution });
      return true;
    }
    this.host.advance(Math.max(0, timeoutMs));
    return false;
  }

  holds(key: string, execution: number): boolean {
    return this.current(key)?.execution === execution;
  }

  release(key: string, execution: number): void {
    if (this.holds(key, execution)) this.holders.delete(key);
  }

  /** Apps Script releases an execution's locks when it ends. */
  releaseAll(execution: number): void {
    for (const [key, holder] of this.holders)
      if (holder.execution === execution) this.holders.delete(key);
  }
}

export class EmuLock
  extends ServiceObject
  implements Pick<GoogleAppsScript.Lock.Lock, "hasLock" | "releaseLock" | "tryLock" | "waitLock">
{
  readonly [SERVICE_NAME] = "Lock";
  readonly #locks: LockManager;
  readonly #key: string;
  readonly #exec: Execution;

  constructor(locks: LockManager, key: string, exec: Execution) {
    super();
    this.#locks = locks;
    this.#key = key;
    this.#exec = exec;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.#locks.acquire(this.#key, this.#exec.id, Number(timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new AppsScriptError(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    return this.#locks.holds(this.#key, this.#exec.id);
  }

  releaseLock(): void {
    this.#locks.release(this.#key, this.#exec.id);
  }
}

export class EmuLockService
  extends ServiceObject
  implements
    Pick<GoogleAppsScript.Lock.LockService, "getDocumentLock" | "getScriptLock" | "getUserLock">
{
  readonly [SERVICE_NAME] = "LockService";
  readonly #locks: LockManager;
  readonly #exec: Execution;

  constructor(locks: LockManager, exec: Execution) {
    super();
    this.#locks = locks;
    this.#exec = exec;
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    // Outside a document (an add-on's time trigger) there is no document lock: null.
    if (this.#exec.noDocument === true) return null as unknown as GoogleAppsScript.Lock.Lock;
    return gas(new EmuLock(this.#locks, LockManager.key("document", this.#exec.user), this.#exec));
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return gas(new EmuLock(this.#locks, LockManager.key("script", this.#exec.user), this.#exec));
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return gas(new EmuLock(this.#locks, LockManager.key("user", this.#exec.user), this.#exec));
  }
}

/**
 * What every emulated service object knows: the document, the execution it belongs to (auth mode,
 * user) and the emulator hosting it (clock, recorders, formula engine). Service objects keep this in
 * a private field, so a script cannot reach past the Apps Script surface.
 */

import type { CallCounter } from "./calls";
import type { Workbook } from "./model";

export type AuthModeName = "NONE" | "CUSTOM_FUNCTION" | "LIMITED" | "FULL";

/** The built-ins of the realm (vm context) a script runs in. */
export interface Realm {
  readonly Date: DateConstructor;
  readonly Array: ArrayConstructor;
  readonly Error: ErrorConstructor;
  readonly Object: ObjectConstructor;
}

/** One simulated Apps Script execution. */
export interface Execution {
  readonly id: number;
  readonly authMode: AuthModeName;
  /** The active user's e-mail. */
  readonly user: string;
  /** Calls are recorded here (the emulator's counter, or the recalculation counter). */
  readonly counter: CallCounter;
  /** The script's realm, in which bulk reads build their arrays and Dates directly. */
  readonly realm?: Realm;
  /**
   * The manifest's `oauthScopes`: a call needing a scope not here is refused. Undefined when the
   * manifest lists none (Apps Script then infers them from the code) or no manifest was given.
   */
  readonly scopes?: ReadonlySet<string>;
  /**
   * A time-driven trigger of an add-on: it belongs to the script, not to a document, so there
   * is no active spreadsheet, no UI and no document lock (PLATFORM "Triggers").
   */
  readonly noDocument?: boolean;
}

/** The parts of the emulator the services use; implemented by `Emulator`. */
export interface Host {
  readonly book: Workbook;
  /** The virtual clock, epoch milliseconds. */
  nowMs(): number;
  advance(ms: number): void;
  /** Brings formula results up to date before a read that needs them. */
  recalculate(): void;
  /** Runs the interleaving hooks registered for a method ("Range.setValues"). */
  runHooks(method: string, execution?: number): void;
}

/** Marks a class whose instances scripts may hold; the value is the Apps Script class name. */
export const SERVICE_NAME: unique symbol = Symbol("serviceName");

export abstract class ServiceObject {
  abstract readonly [SERVICE_NAME]: string;

  toString(): string {
    return this[SERVICE_NAME];
  }
}

export function isServiceObject(value: unknown): value is ServiceObject {
  return value instanceof ServiceObject;
}

/**
 * Casts an emulator object to the Apps Script interface it stands for. Each class `implements
 * Pick<>` of that interface, so the compiler holds every emulated method to the real signature;
 * methods returning another Apps Script object return it typed as the real interface through this.
 */
export function gas<T>(value: ServiceObject): T {
  return value as unknown as T;
}

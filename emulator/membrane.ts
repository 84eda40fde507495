/**
 * The boundary between a script and the emulated services. Every service object a script holds
 * is a Proxy that counts each method call, refuses what the execution's auth mode forbids, runs
 * interleaving hooks, and converts values both ways: Dates, arrays and errors going to a script
 * are made in the script's own realm (so `instanceof Date` holds inside `node:vm`), and Dates
 * coming back are made in ours. Only prototype methods and enum-like properties (capitalised
 * names such as `AuthMode`) are visible, so a script cannot reach the emulator's internals.
 */

import { refusal, refusalWithoutDocument } from "./auth";
import {
  type Execution,
  type Host,
  isServiceObject,
  type Realm,
  SERVICE_NAME,
  type ServiceObject,
} from "./context";
import { AppsScriptError } from "./errors";
import { isDate } from "./values";

export type { Realm } from "./context";

// An enum value's name()/ordinal() are plain JavaScript in Google, not service calls.
const UNCOUNTED = new Set(["toString", "valueOf", "toJSON", "name", "ordinal"]);

/**
 * Arrays a service built for the script in the script's realm, holding only values safe to hand
 * over (numbers, strings, booleans, the realm's Dates): the membrane passes them through uncopied.
 */
const scriptReady = new WeakSet<object>();

export function markScriptReady<T extends object>(value: T): T {
  scriptReady.add(value);
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

export class Membrane {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, ServiceObject>();

  constructor(
    private readonly exec: Execution,
    private readonly host: Pick<Host, "runHooks">,
    private readonly realm: Realm | undefined,
  ) {}

  /** A value on its way to the script. */
  out(value: unknown): unknown {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    const realm = this.realm;
    if (isDate(value)) {
      const ms = value.getTime();
      return realm === undefined || value instanceof realm.Date ? value : new realm.Date(ms);
    }
    if (Array.isArray(value)) {
      // Bulk reads (getValues) build their rows ready for the script: pass them through.
      if (scriptReady.has(value)) return value;
      const out: unknown[] =
        realm === undefined ? new Array(value.length) : new realm.Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.out(value[i]);
      return out;
    }
    if (isServiceObject(value)) return this.wrap(value);
    if (typeof value === "function") {
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => this.guard(() => fn(...args.map((a) => this.in(a))));
    }
    const copy: Record<string, unknown> =
      realm === undefined ? {} : (new realm.Object() as Record<string, unknown>);
    for (const [key, item] of Object.entries(value)) copy[key] = this.out(item);
    return copy;
  }

  /**
   * A value on its way from the script into a service: service proxies become their targets.
   * Arrays are copied only when something in them changes; Dates of the script's realm are used
   * as they are (the emulator never tests `instanceof Date`).
   */
  in(value: unknown): unknown {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    if (value instanceof Date || (this.realm !== undefined && value instanceof this.realm.Date))
      return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const converted = item !== null && typeof item === "object" ? this.in(item) : item;
        if (copy === undefined && converted !== item) copy = value.slice(0, i);
        if (copy !== undefined) copy.push(converted);
      }
      return copy ?? value;
    }
    const target = this.targets.get(value);
    if (target !== undefined) return target;
    if (isDate(value)) return value;
    if (typeof value === "object" && isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.in(item);
      return copy;
    }
    return value;
  }

  /** A script's result handed to Node: a deep copy made of this realm's Dates, arrays and objects. */
  toHost(value: unknown): unknown {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    const target = this.targets.get(value);
    if (target !== undefined) return target;
    if (isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) return Array.from(value, (item: unknown) => this.toHost(item));
    if (typeof value === "object" && isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.toHost(item);
      return copy;
    }
    return value;
  }

  /** Converts an error for the script: Apps Script's own as "Exception", others kept by name. */
  error(error: unknown): unknown {
    if (this.realm === undefined) return error;
    if (error instanceof this.realm.Error) return error;
    const message = error instanceof Error ? error.message : String(error);
    const converted = new this.realm.Error(message);
    converted.name = error instanceof Error ? error.name : "Error";
    return converted;
  }

  private guard(call: () => unknown): unknown {
    try {
      return this.out(call());
    } catch (error) {
      throw this.error(error);
    }
  }

  wrap(target: ServiceObject): object {
    const existing = this.proxies.get(target);
    if (existing !== undefined) return existing;
    const service = target[SERVICE_NAME];
    const methods = new Map<string, (...args: unknown[]) => unknown>();
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        if (typeof prop === "symbol") return undefined;
        if (prop === "constructor") return undefined;
        const own = Object.hasOwn(t, prop);
        if (own) return /^[A-Z]/.test(prop) ? this.out(Reflect.get(t, prop)) : undefined;
        const member = Reflect.get(t, prop, t);
        if (typeof member !== "function") return undefined;
        let method = methods.get(prop);
        if (method === undefined) {
          const name = `${service}.${prop}`;
          const counted = !UNCOUNTED.has(prop);
          method = (...args: unknown[]) => {
            if (counted) {
              this.exec.counter.record(name);
              const refused =
                refusal(this.exec.authMode, service, prop, this.exec.scopes) ??
                (this.exec.noDocument === true ? refusalWithoutDocument(service, prop) : undefined);
              if (refused !== undefined) throw this.error(refused);
              this.host.runHooks(name, this.exec.id);
            }
            return this.guard(() =>
              (member as (...a: unknown[]) => unknown).apply(
                t,
                args.map((a) => this.in(a)),
              ),
            );
          };
          methods.set(prop, method);
        }
        return method;
      },
      set: () => {
        throw this.error(new AppsScriptError(`Cannot set properties of ${service}`));
      },
      has: (t, prop) => typeof prop === "string" && prop in t,
      ownKeys: () => [],
      getOwnPropertyDescriptor: () => undefined,
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }
}

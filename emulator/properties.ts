/** `PropertiesService`: document, script and per-user string stores with Apps Script's size limits. */

import { type Execution, gas, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";

type Properties = GoogleAppsScript.Properties.Properties;

/** 9 KB per value, 500 KB per store (PLATFORM "Quotas and services"). */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The three kinds of stores; user stores are per e-mail address. */
export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  user(email: string): Map<string, string> {
    let store = this.users.get(email);
    if (store === undefined) {
      store = new Map();
      this.users.set(email, store);
    }
    return store;
  }

  toJSON(): {
    document: Record<string, string>;
    script: Record<string, string>;
    users: Record<string, Record<string, string>>;
  } {
    const users: Record<string, Record<string, string>> = {};
    for (const [email, store] of this.users) users[email] = Object.fromEntries(store);
    return {
      document: Object.fromEntries(this.document),
      script: Object.fromEntries(this.script),
      users,
    };
  }

  static fromJSON(data: ReturnType<PropertyStores["toJSON"]>): PropertyStores {
    const stores = new PropertyStores();
    for (const [k, v] of Object.entries(data.document)) stores.document.set(k, v);
    for (const [k, v] of Object.entries(data.script)) stores.script.set(k, v);
    for (const [email, store] of Object.entries(data.users)) {
      for (const [k, v] of Object.entries(store)) stores.user(email).set(k, v);
    }
    return stores;
  }
}

type PropertiesMethods =
  | "deleteAllProperties"
  | "deleteProperty"
  | "getKeys"
  | "getProperties"
  | "getProperty"
  | "setProperties"
  | "setProperty";

export class EmuProperties extends ServiceObject implements Pick<Properties, PropertiesMethods> {
  readonly [SERVICE_NAME] = "Properties";
  readonly #store: Map<string, string>;

  constructor(store: Map<string, string>) {
    super();
    this.#store = store;
  }

  #check(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > MAX_VALUE_BYTES) throw new AppsScriptError("Argument too large: value");
      total += bytes(key) + bytes(value);
    }
    if (total > MAX_STORE_BYTES) {
      throw new AppsScriptError(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
  }

  #replace(next: Map<string, string>): Properties {
    this.#check(next);
    this.#store.clear();
    for (const [k, v] of next) this.#store.set(k, v);
    return gas(this);
  }

  getProperty(key: string): string | null {
    return this.#store.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.#store);
  }

  getKeys(): string[] {
    return [...this.#store.keys()];
  }

  setProperty(key: string, value: string): Properties {
    const next = new Map(this.#store);
    next.set(String(key), String(value));
    return this.#replace(next);
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    const next = deleteAllOthers === true ? new Map<string, string>() : new Map(this.#store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    return this.#replace(next);
  }

  deleteProperty(key: string): Properties {
    this.#store.delete(String(key));
    return gas(this);
  }

  deleteAllProperties(): Properties {
    this.#store.clear();
    return gas(this);
  }
}

export class EmuPropertiesService
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      "getDocumentProperties" | "getScriptProperties" | "getUserProperties"
    >
{
  readonly [SERVICE_NAME] = "PropertiesService";
  readonly #stores: PropertyStores;
  readonly #exec: Execution;

  constructor(stores: PropertyStores, exec: Execution) {
    super();
    this.#stores = stores;
    this.#exec = exec;
  }

  getDocumentProperties(): Properties {
    return gas(new EmuProperties(this.#stores.document));
  }

  getScriptProperties(): Properties {
    return gas(new EmuProperties(this.#stores.script));
  }

  getUserProperties(): Properties {
    return gas(new EmuProperties(this.#stores.user(this.#exec.user)));
  }
}

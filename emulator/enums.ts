/** Apps Script's enums, as the services expose them (`ScriptApp.AuthMode.FULL`). */

export const enumOf = <T extends string>(...names: T[]): Readonly<Record<T, T>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

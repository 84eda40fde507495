/**
 * Apps Script's enums, as the services expose them (`ScriptApp.AuthMode.FULL`): each value is an
 * object, not a string, so `e.authMode === "NONE"` is false in Google and must be false here too
 * (PLATFORM "Triggers"; issue #8). `String(value)`, `value.toString()` and `value.name()` give the
 * name, and a value is identical to itself wherever a script meets it (`e.authMode ===
 * ScriptApp.AuthMode.NONE`), because the membrane hands out one proxy per object.
 */

import { SERVICE_NAME, ServiceObject } from "./context";

export class EnumValue<T extends string = string> extends ServiceObject {
  readonly [SERVICE_NAME]: string;
  readonly #name: T;
  readonly #ordinal: number;

  constructor(type: string, name: T, ordinal: number) {
    super();
    this[SERVICE_NAME] = type;
    this.#name = name;
    this.#ordinal = ordinal;
  }

  override toString(): string {
    return this.#name;
  }

  name(): T {
    return this.#name;
  }

  ordinal(): number {
    return this.#ordinal;
  }

  /** Saved emulator states (and `JSON.stringify` in a script) keep the name. */
  toJSON(): string {
    return this.#name;
  }
}

export type Enum<T extends string> = Readonly<Record<T, EnumValue<T>>>;

/** An enum type: `enumOf("AuthMode", "NONE", "FULL").FULL` is the value named FULL. */
export function enumOf<T extends string>(type: string, ...names: T[]): Enum<T> {
  return Object.freeze(
    Object.fromEntries(names.map((name, i) => [name, new EnumValue(type, name, i)])) as Record<
      T,
      EnumValue<T>
    >,
  );
}

/** The value of an enum by name, for event objects and results the emulator builds. */
export function enumValue<T extends string>(values: Enum<T>, name: string): EnumValue<T> {
  const value = (values as Record<string, EnumValue<T> | undefined>)[name];
  if (value === undefined) throw new Error(`emulator: no enum value ${name}`);
  return value;
}

/** The enum types the emulated services expose, by Apps Script's names. */
export const ENUMS = {
  AuthMode: enumOf("AuthMode", "NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"),
  AuthorizationStatus: enumOf("AuthorizationStatus", "REQUIRED", "NOT_REQUIRED"),
  EventType: enumOf(
    "EventType",
    "CLOCK",
    "ON_OPEN",
    "ON_EDIT",
    "ON_FORM_SUBMIT",
    "ON_CHANGE",
    "ON_EVENT_UPDATED",
  ),
  TriggerSource: enumOf("TriggerSource", "SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"),
  Weekday: enumOf(
    "Weekday",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
  ),
  DataValidationCriteria: enumOf(
    "DataValidationCriteria",
    "DATE_AFTER",
    "DATE_BEFORE",
    "DATE_BETWEEN",
    "DATE_EQUAL_TO",
    "DATE_IS_VALID_DATE",
    "DATE_NOT_BETWEEN",
    "DATE_ON_OR_AFTER",
    "DATE_ON_OR_BEFORE",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_IS_VALID_EMAIL",
    "TEXT_IS_VALID_URL",
    "VALUE_IN_LIST",
    "VALUE_IN_RANGE",
    "CUSTOM_FORMULA",
    "CHECKBOX",
  ),
  BooleanCriteria: enumOf(
    "BooleanCriteria",
    "CELL_EMPTY",
    "CELL_NOT_EMPTY",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_STARTS_WITH",
    "TEXT_ENDS_WITH",
    "CUSTOM_FORMULA",
  ),
  ProtectionType: enumOf("ProtectionType", "RANGE", "SHEET"),
  DeveloperMetadataVisibility: enumOf("DeveloperMetadataVisibility", "DOCUMENT", "PROJECT"),
  DeveloperMetadataLocationType: enumOf(
    "DeveloperMetadataLocationType",
    "SPREADSHEET",
    "SHEET",
    "ROW",
    "COLUMN",
  ),
  Dimension: enumOf("Dimension", "COLUMNS", "ROWS"),
  WrapStrategy: enumOf("WrapStrategy", "WRAP", "OVERFLOW", "CLIP"),
  ChartType: enumOf(
    "ChartType",
    "AREA",
    "BAR",
    "COLUMN",
    "COMBO",
    "HISTOGRAM",
    "LINE",
    "PIE",
    "SCATTER",
    "TABLE",
  ),
  Position: enumOf("Position", "TOP", "RIGHT", "BOTTOM", "NONE"),
};

/** `Utilities`: Java-style date formatting, sprintf, UUIDs, sleep and base64. */

import { type Host, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";
import { MONTHS } from "./numberFormat";
import { offsetFromWall, wallClock } from "./timezone";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    // Java's TimeZone.getTimeZone falls back to GMT for a name it does not know.
    return "UTC";
  }
}

function offsetText(minutes: number, style: "Z" | "X" | "XX" | "XXX"): string {
  if (minutes === 0 && style !== "Z") return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  if (style === "X") return `${sign}${hh}`;
  if (style === "XXX") return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Java SimpleDateFormat, as `Utilities.formatDate` uses it. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const zone = validZone(timeZone);
  const ms = date.getTime();
  const w = wallClock(zone, ms);
  const offset = offsetFromWall(w, ms);
  const millis = ((ms % 1000) + 1000) % 1000;
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const dayOfYear =
    Math.floor((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const end = close === -1 ? pattern.length : close;
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    const n = j - i;
    const pad = (value: number) => String(value).padStart(n, "0");
    switch (ch) {
      case "y":
      case "Y":
        out += n === 2 ? String(w.year % 100).padStart(2, "0") : pad(w.year);
        break;
      case "M":
      case "L":
        out +=
          n >= 4
            ? (MONTHS[w.month - 1] ?? "")
            : n === 3
              ? (MONTHS[w.month - 1] ?? "").slice(0, 3)
              : pad(w.month);
        break;
      case "d":
        out += pad(w.day);
        break;
      case "D":
        out += pad(dayOfYear);
        break;
      case "E":
        out += n >= 4 ? (DAYS[weekday] ?? "") : (DAYS[weekday] ?? "").slice(0, 3);
        break;
      case "u":
        out += pad(weekday === 0 ? 7 : weekday);
        break;
      case "a":
        out += w.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(w.hour);
        break;
      case "k":
        out += pad(w.hour === 0 ? 24 : w.hour);
        break;
      case "K":
        out += pad(w.hour % 12);
        break;
      case "h":
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12);
        break;
      case "m":
        out += pad(w.minute);
        break;
      case "s":
        out += pad(w.second);
        break;
      case "S":
        out += String(millis).padStart(3, "0").slice(0, Math.max(3, n)).padStart(n, "0");
        break;
      case "Z":
        out += offsetText(offset, "Z");
        break;
      case "X":
        out += offsetText(offset, n === 1 ? "X" : n === 2 ? "XX" : "XXX");
        break;
      case "z": {
        const name = new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          timeZoneName: n >= 4 ? "long" : "short",
        })
          .formatToParts(date)
          .find((p) => p.type === "timeZoneName")?.value;
        out += name ?? offsetText(offset, "XXX");
        break;
      }
      case "G":
        out += w.year > 0 ? "AD" : "BC";
        break;
      default:
        throw new AppsScriptError(`Illegal pattern character '${ch}'`);
    }
    i = j;
  }
  return out;
}

/** `Utilities.formatString`: sprintf with %s, %d, %i, %f (with precision) and %%. */
export function formatString(template: string, args: readonly unknown[]): string {
  let index = 0;
  return String(template).replace(
    /%(-?\d+)?(?:\.(\d+))?([sdif%])/g,
    (_m, width, precision, kind) => {
      if (kind === "%") return "%";
      const value = args[index++];
      let text: string;
      if (kind === "s") text = String(value);
      else if (kind === "d" || kind === "i") text = String(Math.trunc(Number(value)));
      else text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
      if (width !== undefined) {
        const w = Number(width);
        text = w < 0 ? text.padEnd(-w) : text.padStart(w);
      }
      return text;
    },
  );
}

type UtilitiesMethods = "formatDate" | "formatString" | "getUuid" | "sleep" | "base64Encode";

export class EmuUtilities
  extends ServiceObject
  implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods>
{
  readonly [SERVICE_NAME] = "Utilities";
  readonly #host: Pick<Host, "advance">;
  readonly #uuid: () => string;

  constructor(host: Pick<Host, "advance">, uuid: () => string) {
    super();
    this.#host = host;
    this.#uuid = uuid;
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    const value = date as unknown as Date;
    if (Object.prototype.toString.call(value) !== "[object Date]") {
      throw new AppsScriptError(
        "The parameters don't match the method signature for Utilities.formatDate.",
      );
    }
    return formatJavaDate(value, String(timeZone), String(format));
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }

  getUuid(): string {
    return this.#uuid();
  }

  sleep(milliseconds: number): void {
    if (milliseconds > 300_000) throw new AppsScriptError("Sleep time out of range.");
    this.#host.advance(Math.max(0, milliseconds));
  }

  base64Encode(data: unknown): string {
    const bytes =
      typeof data === "string"
        ? Buffer.from(data, "utf8")
        : Buffer.from((data as number[]).map((b) => b & 0xff));
    return bytes.toString("base64");
  }
}

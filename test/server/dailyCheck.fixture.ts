/**
 * A set-up workbook in the emulator running the built add-on, with goals and check-ins typed in
 * by header name, for the daily check's tests.
 */

import { type AddOn, createEmulator, type Emulator, loadAddOn } from "../../emulator";
import { bundle } from "./emulated";

export const USER = "ann@example.com";
export const ZONE = "Asia/Taipei";

export type Cells = Readonly<Record<string, string | number | boolean>>;

export interface Workbook {
  readonly emu: Emulator;
  readonly addOn: AddOn;
  /** Types rows under the named headers, after the sheet's last row. */
  type(sheetName: string, rows: readonly Cells[]): void;
  /** Sets a setting's value by its label. */
  set(label: string, value: string | number | boolean): void;
  /** A sheet's display values, header first. */
  show(sheetName: string): string[][];
  /** Runs "Run the check now". */
  run(): CheckOutcome;
  /** Moves the clock to 09:00 on a day in the spreadsheet's zone (01:00 UTC in Taipei). */
  at(isoDay: string): void;
  /** Alerts rows as `KPI ID | Kind | Sent to | Result`. */
  alerts(): string[][];
}

export interface CheckOutcome {
  readonly ran: boolean;
  readonly reason?: string;
  readonly sent: number;
  readonly failed: number;
  readonly deferredQuota: number;
  readonly deferredTime: number;
  readonly unknown: number;
  readonly continuation: boolean;
  readonly summary: string;
}

export function workbook(
  options: { mailQuota?: number; mailSendMs?: number; now?: string } = {},
): Workbook {
  const emu = createEmulator({
    timeZone: ZONE,
    now: options.now ?? "2026-03-01T01:00:00Z",
    user: USER,
    ...(options.mailQuota === undefined ? {} : { mailQuota: options.mailQuota }),
    ...(options.mailSendMs === undefined ? {} : { mailSendMs: options.mailSendMs }),
  });
  const addOn = loadAddOn(bundle(), emu);
  addOn.run("setupSheets");
  const sheet = (name: string) => {
    const found = emu.spreadsheet.getSheetByName(name);
    if (found === null) throw new Error(`no sheet ${name}`);
    return found;
  };
  const book: Workbook = {
    emu,
    addOn,
    type(sheetName, rows) {
      if (rows.length === 0) return;
      const target = sheet(sheetName);
      const header = target.getRange(1, 1, 1, target.getLastColumn()).getValues()[0]!;
      const columnOf = (name: string) => {
        const index = header.findIndex((cell) => String(cell).toLowerCase() === name.toLowerCase());
        if (index < 0) throw new Error(`${sheetName} has no ${name} column`);
        return index;
      };
      const block = rows.map((row) => {
        const cells: unknown[] = new Array(header.length).fill("");
        for (const [name, value] of Object.entries(row)) cells[columnOf(name)] = value;
        return cells;
      });
      const first = target.getLastRow() + 1;
      const needed = first + rows.length - 1;
      if (target.getMaxRows() < needed) {
        target.insertRowsAfter(target.getMaxRows(), needed - target.getMaxRows());
      }
      target.getRange(first, 1, rows.length, header.length).setValues(block);
    },
    set(label, value) {
      const settings = sheet("Settings");
      const labels = settings.getRange(1, 1, settings.getLastRow(), 1).getValues();
      const row = labels.findIndex((cells) => cells[0] === label);
      if (row < 0) throw new Error(`no setting ${label}`);
      settings.getRange(row + 1, 2).setValue(value);
    },
    show(sheetName) {
      return sheet(sheetName).getDataRange().getDisplayValues();
    },
    run() {
      return addOn.run("runDailyCheck") as CheckOutcome;
    },
    at(isoDay) {
      emu.setNow(`${isoDay}T01:00:00Z`);
    },
    alerts() {
      const [header, ...rows] = book.show("Alerts");
      const pick = ["KPI ID", "Kind", "Sent to", "Result"].map((name) => header!.indexOf(name));
      return rows.map((row) => pick.map((i) => row[i]!));
    },
  };
  return book;
}

/** A goal due on `due`, owned by `owner`, with a target of 100 from 1 January. */
export function goal(id: string, owner: string, due: string, extra: Cells = {}): Cells {
  return {
    ID: id,
    Name: `Visit 100 customers (${id})`,
    Owner: owner,
    Target: 100,
    Unit: "visits",
    Start: "2026-01-01",
    Due: due,
    ...extra,
  };
}

/** How many e-mails went to each address. */
export function sentTo(emu: Emulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const mail of emu.outbox) counts[mail.to] = (counts[mail.to] ?? 0) + 1;
  return counts;
}

/** The days of 2026 a {@link largeWorkbook}'s check-ins cycle through. */
export const LOG_DAYS = 300;

/**
 * A workbook at scale for the daily check, as of 2026-04-01: `goals` goals of which only KPI-0
 * (bob@example.com, due 2026-03-31) is missed, and `checkins` check-ins of 1 cycling through the
 * goals and through {@link LOG_DAYS} days, written straight into the sheet.
 */
export function largeWorkbook(goals: number, checkins: number): Workbook {
  const book = workbook();
  const spreadsheet = book.emu.spreadsheet;
  // The Dashboard's formulas are no part of the check; without them the emulator need not
  // evaluate KPI_ROLLUP over a million rows (its formula engine stops at 40,000 rows).
  spreadsheet.deleteSheet(spreadsheet.getSheetByName("Dashboard")!);
  const rows: Cells[] = Array.from({ length: goals }, (_, i) =>
    i === 0 ? goal("KPI-0", "bob@example.com", "2026-03-31") : goal(`KPI-${i}`, "", "2026-12-31"),
  );
  book.type("KPIs", rows);
  const log = spreadsheet.getSheetByName("Check-ins")!;
  // Five columns, as the log has: a million rows of 26 would pass Sheets' 10 million cells.
  log.deleteColumns(6, log.getMaxColumns() - 5);
  if (log.getMaxRows() < checkins + 1) {
    log.insertRowsAfter(log.getMaxRows(), checkins + 1 - log.getMaxRows());
  }
  const first = Date.UTC(2026, 0, 1) - 8 * 3_600_000; // midnight in Taipei
  const block: unknown[][] = new Array(checkins);
  for (let i = 0; i < checkins; i++) {
    block[i] = [new Date(first + (i % LOG_DAYS) * 86_400_000), `KPI-${i % goals}`, 1, "", ""];
  }
  log.getRange(2, 1, checkins, 5).setValues(block);
  book.at("2026-04-01");
  return book;
}

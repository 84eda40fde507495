/**
 * One grading everywhere (SPEC §4.7): for the same as-of date and gaps, the Status the daily
 * check writes into the KPIs sheet is the Status `KPI_ROLLUP` computes from the same sheets.
 */

import type { AddOn, Emulator } from "../../emulator";
import { buildDemo } from "../../playground/demo";
import { type Cells, type Workbook, workbook } from "./dailyCheck.fixture";

/** The KPIs sheet's Status column beside KPI_ROLLUP's, by ID, for the as-of date in KPI_AS_OF. */
function bothStatuses(emu: Emulator, addOn: AddOn, gaps: readonly [number, number] | readonly []) {
  const spreadsheet = emu.spreadsheet;
  const kpis = spreadsheet.getSheetByName("KPIs")!.getDataRange().getValues();
  const checkins = spreadsheet.getSheetByName("Check-ins")!.getDataRange().getValues();
  const asOf = spreadsheet.getRangeByName("KPI_AS_OF")!.getValue();
  // Fresh arrays: the runner hands them to the script as Sheets would, Dates made in its realm.
  const copy = (values: unknown[][]) => values.map((row) => [...row]);
  const rollup = addOn.callCustomFunction("KPI_ROLLUP", [
    copy(kpis),
    copy(checkins),
    asOf,
    "ID,Status",
    ...gaps,
  ]) as unknown[][];
  const header = kpis[0]!;
  const id = header.indexOf("ID");
  const status = header.indexOf("Status");
  const written = kpis
    .slice(1)
    .filter((row) => String(row[id]).trim() !== "")
    .map((row) => [String(row[id]).trim(), row[status]]);
  return { written, computed: rollup.slice(1) };
}

describe("the daily check's statuses", () => {
  it("equal KPI_ROLLUP's on the demo, at several dates and with the Settings gaps", () => {
    const book = workbook();
    buildDemo(book.emu, book.addOn);
    const cases = [
      ["2026-02-15", []],
      ["2026-03-31", [0.05, 0.15]],
      ["2026-05-20", [0.2, 0.4]],
      ["2027-01-10", []],
    ] as const;
    for (const [day, gaps] of cases) {
      book.set("At-risk gap", gaps[0] ?? 0.1);
      book.set("Off-track gap", gaps[1] ?? 0.25);
      book.at(day);
      book.run();
      const { written, computed } = bothStatuses(book.emu, book.addOn, gaps);
      expect(written.length).toBeGreaterThan(10);
      expect(written).toEqual(computed);
    }
  });

  it("equal KPI_ROLLUP's on random registries with random gaps", () => {
    let seed = 20_260_401;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const isoOf = (offset: number) =>
      new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const seen = new Set<unknown>();
    for (let round = 0; round < 4; round++) {
      const book: Workbook = workbook();
      const goals: Cells[] = [];
      for (let i = 0; i < 25; i++) {
        const direction = pick(["Increase", "Decrease", "At least", "At most", ""]);
        const start = Math.floor(random() * 200);
        const goal: Record<string, string | number> = {
          ID: `G${i}`,
          Name: `Goal ${i}`,
          Owner: `o${i % 5}@example.com`,
          Type: pick(["KPI", "KPI", "Key result", "Habit", "Objective"]),
          Direction: direction,
          Aggregation: pick(["Sum", "Average", "Last", "Max", "Min", "Count", ""]),
          Cadence: pick(["", "", "Weekly", "Monthly", "Daily"]),
          Baseline: direction === "Decrease" ? 100 : pick([0, "", 10]),
          Target: direction === "Decrease" ? 40 : pick([50, 100, 7]),
          Start: isoOf(start),
          Due: isoOf(start + 10 + Math.floor(random() * 200)),
          Unit: pick(["orders", "visits"]),
          Weight: pick([1, 2, ""]),
        };
        if (i > 3 && random() < 0.4) goal.Parent = `G${Math.floor(random() * i)}`;
        goals.push(goal);
      }
      book.type("KPIs", goals);
      book.type(
        "Check-ins",
        Array.from({ length: 150 }, () => ({
          Date: isoOf(Math.floor(random() * 420)),
          "KPI ID": `G${Math.floor(random() * 25)}`,
          Value: Math.floor(random() * 60),
        })),
      );
      const atRisk = Math.round(random() * 20) / 100;
      const offTrack = atRisk + Math.round(random() * 30) / 100;
      book.set("At-risk gap", atRisk);
      book.set("Off-track gap", offTrack);
      book.at(isoOf(60 + Math.floor(random() * 300)));
      book.run();
      const { written, computed } = bothStatuses(book.emu, book.addOn, [atRisk, offTrack]);
      expect(written).toHaveLength(25);
      expect(written).toEqual(computed);
      for (const [, status] of written)
        seen.add(String(status).startsWith("Error") ? "Error" : status);
    }
    // The registries are varied enough to reach most of the grades.
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });
});

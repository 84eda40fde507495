import fc from "fast-check";
import { ColumnRuns, ValueColumns } from "../../emulator/grid";

/** The naive model: one value per row of one column. */
type Model = Map<number, string>;

const ROWS = 40;

type Op =
  | { kind: "set"; from: number; to: number; value: string | undefined }
  | { kind: "assign"; pieces: Array<{ start: number; end: number; value: string | undefined }> }
  | { kind: "insert"; at: number; count: number; inherit: boolean }
  | { kind: "delete"; at: number; count: number };

const value = fc.constantFrom("a", "b", undefined);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: ROWS }), fc.integer({ min: 0, max: 8 }), value)
    .map(([from, len, v]) => ({ kind: "set" as const, from, to: from + len, value: v })),
  fc
    .uniqueArray(fc.integer({ min: 1, max: ROWS }), { maxLength: 6 })
    .chain((starts) =>
      fc.tuple(
        fc.constant([...starts].sort((a, b) => a - b)),
        fc.array(value, { minLength: starts.length, maxLength: starts.length }),
      ),
    )
    .map(([starts, values]) => ({
      kind: "assign" as const,
      pieces: starts.map((start, i) => ({
        start,
        end: Math.min((starts[i + 1] ?? start + 3) - 1, start + 2),
        value: values[i],
      })),
    })),
  fc
    .tuple(fc.integer({ min: 1, max: ROWS }), fc.integer({ min: 1, max: 4 }), fc.boolean())
    .map(([at, count, inherit]) => ({ kind: "insert" as const, at, count, inherit })),
  fc
    .tuple(fc.integer({ min: 1, max: ROWS }), fc.integer({ min: 1, max: 4 }))
    .map(([at, count]) => ({ kind: "delete" as const, at, count })),
);

function applyToModel(model: Model, o: Op): Model {
  const next = new Map(model);
  switch (o.kind) {
    case "set":
      for (let r = o.from; r <= o.to; r++) {
        if (o.value === undefined) next.delete(r);
        else next.set(r, o.value);
      }
      return next;
    case "assign":
      for (const p of o.pieces) {
        for (let r = p.start; r <= p.end; r++) {
          if (p.value === undefined) next.delete(r);
          else next.set(r, p.value);
        }
      }
      return next;
    case "insert": {
      const out: Model = new Map();
      for (const [r, v] of model) out.set(r >= o.at ? r + o.count : r, v);
      const inherited = o.inherit ? model.get(o.at - 1) : undefined;
      if (inherited !== undefined)
        for (let r = o.at; r < o.at + o.count; r++) out.set(r, inherited);
      return out;
    }
    case "delete": {
      const out: Model = new Map();
      for (const [r, v] of model) {
        if (r < o.at) out.set(r, v);
        else if (r >= o.at + o.count) out.set(r - o.count, v);
      }
      return out;
    }
  }
}

function applyToRuns(runs: ColumnRuns<string>, o: Op): void {
  switch (o.kind) {
    case "set":
      runs.set(1, o.from, o.to, o.value);
      return;
    case "assign":
      runs.assign(1, o.pieces);
      return;
    case "insert":
      runs.insertRows(o.at, o.count, o.inherit && o.at > 1 ? o.at - 1 : undefined);
      return;
    case "delete":
      runs.deleteRows(o.at, o.count);
  }
}

describe("per-column runs of cell properties", () => {
  it("behave like one value per row under sets, bulk assigns, inserted and deleted rows", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const runs = new ColumnRuns<string>();
        let model: Model = new Map();
        for (const o of ops) {
          applyToRuns(runs, o);
          model = applyToModel(model, o);
        }
        for (let r = 1; r <= ROWS * 3; r++) expect(runs.get(r, 1)).toBe(model.get(r));
        const json = runs.toJSON()[0] ?? [];
        for (let i = 1; i < json.length; i++) {
          const [, prevEnd, prevValue] = json[i - 1] as [number, number, string];
          const [start, , v] = json[i] as [number, number, string];
          expect(start).toBeGreaterThan(prevEnd);
          if (start === prevEnd + 1) expect(v).not.toBe(prevValue);
        }
      }),
    );
  });
});

describe("value columns", () => {
  it("write, trim, insert and delete rows like a sheet column", () => {
    const values = new ValueColumns();
    values.writeColumn(2, 3, [1, undefined, "x"]);
    expect([
      values.get(3, 2),
      values.get(4, 2),
      values.get(5, 2),
      values.lastRow(),
      values.lastColumn(),
    ]).toEqual([1, undefined, "x", 5, 2]);
    values.insertRows(4, 2);
    expect(values.get(7, 2)).toBe("x");
    values.deleteRows(1, 3);
    expect([values.get(4, 2), values.lastRow()]).toEqual(["x", 4]);
    values.writeColumn(2, 4, [undefined]);
    expect(values.lastRow()).toBe(0);
    expect(ValueColumns.fromJSON(JSON.parse(JSON.stringify(values.toJSON()))).lastRow()).toBe(0);
  });
});

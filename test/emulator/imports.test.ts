import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const EMULATOR = path.resolve(__dirname, "../../emulator");

/** Every module specifier a file names: imports (type-only too), re-exports and dynamic imports. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

function emulatorGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(EMULATOR).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(path.join(EMULATOR, file), "utf8");
    const local = specifiers(source)
      .filter((s) => s.startsWith("./"))
      .map((s) => `${s.slice(2)}.ts`);
    graph.set(file, local);
  }
  return graph;
}

/** The first cycle found, as the list of files around it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "open") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

describe("the emulator's imports", () => {
  it("form no cycle, type-only imports included", () => {
    expect(findCycle(emulatorGraph())).toBeUndefined();
  });

  it("reach nothing of the add-on's: no emulator file imports from src/", () => {
    const offenders: string[] = [];
    for (const file of readdirSync(EMULATOR).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(path.join(EMULATOR, file), "utf8");
      for (const specifier of specifiers(source)) {
        const target = path.resolve(EMULATOR, specifier);
        if (target.startsWith(path.resolve(EMULATOR, "../src")))
          offenders.push(`${file} → ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("name only files that exist", () => {
    const graph = emulatorGraph();
    const missing = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !graph.has(t)).map((t) => `${file} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it("are caught by the cycle check when two files import each other", () => {
    const graph = new Map([
      ["Range.ts", ["Sheet.ts"]],
      ["Sheet.ts", ["context.ts", "Range.ts"]],
      ["context.ts", []],
    ]);
    expect(findCycle(graph)).toEqual(["Range.ts", "Sheet.ts", "Range.ts"]);
  });
});

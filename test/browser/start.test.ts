/**
 * `npm start` as a newcomer runs it: arguments are checked before the build, `--empty` never opens
 * the demo's workbook, a workbook file it cannot read is named with the way out, and stopping npm
 * stops the server.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseStartOptions } from "../../playground/start";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "smart-kpi-start-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

function npmStart(...args: string[]): Run {
  const child = spawn("npm", ["start", "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("checks its arguments before building anything", async () => {
  const run = npmStart("--prot", "9000");
  await expect(run.exited).resolves.toBe(2);
  expect(run.output()).toMatch(/--prot/);
  expect(run.output()).toContain("Usage: npm start");
  expect(run.output()).not.toContain("dist/Code.js:");
});

test("names a workbook file it cannot read and says how to start over", async () => {
  const workbook = join(dir, "workbook.json");
  writeFileSync(workbook, "{ this is not JSON");
  const run = npmStart("--port", "0", "--workbook", workbook);
  await expect(run.exited).resolves.toBe(1);
  expect(run.output()).toContain(`${workbook} is not a workbook the playground can read`);
  expect(run.output()).toContain("npm start -- --reset");
});

test("--empty keeps its own workbook, apart from the demo's", () => {
  const demo = parseStartOptions([], {}, dir).workbookPath;
  const empty = parseStartOptions(["--empty"], {}, dir).workbookPath;
  expect(empty).toMatch(/[/\\]local[/\\]empty-workbook\.json$/);
  expect(empty).not.toBe(demo);
  expect(parseStartOptions(["--empty", "--workbook", "x.json"], {}, dir).workbookPath).toBe(
    join(dir, "x.json"),
  );
});

test("stopping npm start stops the server", async () => {
  const run = npmStart("--port", "0", "--workbook", join(dir, "workbook.json"));
  const url = await until(
    "the server's address",
    () => /SMART KPI playground: (http:\/\/localhost:\d+)/.exec(run.output())?.[1],
  );
  expect(run.output()).toContain("new: the demo");
  await expect(fetch(`${url}/api/state`).then((r) => r.status)).resolves.toBe(200);
  // As a process manager or an editor's Stop button does: a signal to npm alone.
  run.child.kill("SIGTERM");
  await run.exited;
  await until("the port to close", () =>
    fetch(`${url}/api/state`).then(
      () => undefined,
      () => true,
    ),
  );
});

/**
 * Shared set-up of the browser tests: Chromium (see ./chromium.ts for which one) driven by
 * playwright-core, one fresh profile per test file, and a playground server on a free port with its
 * workbook in a temporary directory.
 */

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Frame, type Page } from "playwright-core";
import { type RunningPlayground, startPlayground } from "../../playground/server";
import { resolveChromium } from "./chromium";

const AXE_PATH = join(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");
export const SCREENSHOTS = join(__dirname, "..", "..", "docs", "screenshots");
export const VIEWPORT = { width: 1280, height: 800 } as const;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page so far. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Never skips: a Chromium that cannot be found or started fails the browser tests, saying why. */
export async function openBrowser(): Promise<BrowserSession> {
  const install = await resolveChromium();
  // launchPersistentContext is how Playwright takes a --user-data-dir: a fresh profile each time.
  const profile = mkdtempSync(join(tmpdir(), "smart-kpi-chromium-"));
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: install.executablePath,
      env: { ...process.env, ...install.env },
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      // The page's CSP allows only its own scripts; axe-core is injected by the test.
      bypassCSP: true,
    })
    .catch((error: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`Chromium from ${install.source} did not start: ${String(error)}`);
    });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TestPlayground extends RunningPlayground {
  readonly workbookPath: string;
  /** Stops the server and deletes the workbook. */
  stop(): Promise<void>;
}

export async function startTestPlayground(options: { empty: boolean }): Promise<TestPlayground> {
  const dir = mkdtempSync(join(tmpdir(), "smart-kpi-playground-"));
  const workbookPath = join(dir, "workbook.json");
  const playground = await startPlayground({
    port: 0,
    workbookPath,
    empty: options.empty,
    reset: true,
  });
  return {
    ...playground,
    workbookPath,
    stop: async () => {
      await playground.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** axe-core's violations of impact serious or critical on a page or frame as it is now. */
export async function seriousAxeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const frame = "mainFrame" in target ? target.mainFrame() : target;
  if (!(await frame.evaluate(() => "axe" in window))) await frame.addScriptTag({ path: AXE_PATH });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The text of every cell in one row of the grid, from column A. */
export async function rowTexts(page: Page, row: number): Promise<string[]> {
  return page
    .locator(`table.grid tbody tr:nth-child(${row}) td`)
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ""));
}

/** The grid row (1-based) whose column A holds `text`. */
export async function rowWith(page: Page, text: string): Promise<number> {
  const texts = await page
    .locator("table.grid tbody tr td:nth-of-type(1)")
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ""));
  const index = texts.indexOf(text);
  if (index < 0) throw new Error(`no row starts with ${text}`);
  return index + 1;
}

export function cell(page: Page, a1: string) {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (match === null) throw new Error(`bad cell ${a1}`);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + letter.charCodeAt(0) - 64;
  return page.locator(`#cell-${match[2]}-${column}`);
}

export interface PlaygroundPage {
  readonly playground: TestPlayground;
  readonly browser: BrowserSession;
  readonly page: Page;
}

export interface PlaygroundPageOptions {
  /** A spreadsheet without the KPI sheets (true), or the demo workbook (false). */
  readonly empty: boolean;
  /** Changes the workbook before the page first loads it. */
  readonly prepare?: (playground: TestPlayground) => void;
  /** Listens on the page before it loads (its requests, its dialogs). */
  readonly watch?: (page: Page) => void;
  /** Waits until the page shows what the file's first test needs; by default a sheet tab. */
  readonly ready?: (page: Page) => Promise<void>;
}

/**
 * The set-up of a browser test file: one playground and one Chromium page on it for the whole
 * file, closed after it, and no console error or uncaught exception after any test. Call it at
 * the top of the file: its `beforeAll` then runs before the file's own, so the fields are there
 * in every hook and test after it.
 */
export function usePlaygroundPage(options: PlaygroundPageOptions): PlaygroundPage {
  let playground: TestPlayground | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    playground = await startTestPlayground({ empty: options.empty });
    options.prepare?.(playground);
    browser = await openBrowser();
    options.watch?.(browser.page);
    await browser.page.goto(playground.url);
    await (options.ready ?? ((page) => page.getByRole("tab").first().waitFor()))(browser.page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });
  afterEach(() => {
    expect(browser?.pageErrors).toEqual([]);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("usePlaygroundPage: the playground has not started");
    return value;
  };
  return {
    get playground() {
      return started(playground);
    },
    get browser() {
      return started(browser);
    },
    get page() {
      return started(browser).page;
    },
  };
}

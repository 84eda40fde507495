/**
 * The playground server's JSON API and command line, without a browser: what the page relies
 * on, what it refuses, and that the workbook survives a restart.
 */

import { readFileSync } from "node:fs";
import { request } from "node:http";
import type { PlaygroundState } from "../../playground/protocol";
import { startPlayground } from "../../playground/server";
import { parseStartOptions } from "../../playground/start";
import { MENU_ITEMS } from "../../src/server/menu";
import { startTestPlayground, type TestPlayground } from "./browser";

let playground: TestPlayground;

beforeAll(async () => {
  playground = await startTestPlayground({ empty: true });
}, 60_000);

afterAll(async () => {
  await playground?.stop();
});

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${playground.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: playground.port, path, headers: { Host: host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("serves the page, its bundled script and styles under a strict content security policy", async () => {
  const page = await fetch(`${playground.url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  await expect(page.text()).resolves.toContain('<script src="/app.js" defer></script>');
  const script = await fetch(`${playground.url}/app.js`);
  expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
  // Bundled: no imports left for the browser to resolve.
  await expect(script.text()).resolves.not.toMatch(/^\s*import\s/m);
  await expect(fetch(`${playground.url}/app.css`).then((r) => r.status)).resolves.toBe(200);
});

test("reports the workbook with the menu the add-on's onOpen built", async () => {
  const state = (await (await fetch(`${playground.url}/api/state`)).json()) as PlaygroundState;
  expect(state.sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
  expect(state.menu).toEqual({
    caption: "SMART KPI",
    items: MENU_ITEMS.map((item) =>
      item === null
        ? { kind: "separator" }
        : { kind: "item", caption: item.caption, functionName: item.fn },
    ),
  });
  expect(state.menu?.items).toContainEqual({
    kind: "item",
    caption: "Set up KPI sheets",
    functionName: "setupSheets",
  });
  expect(state.resetTo).toBe("empty");
});

test("runs only functions that are items of the add-on's menu", async () => {
  const refused = await post("/api/run", { functionName: "onInstall" });
  expect(refused.status).toBe(400);
  expect(refused.json["error"]).toBe('"onInstall" is not an item of the add-on\'s menu');
  await expect(post("/api/run", { functionName: "showHelp", extra: 1 })).resolves.toMatchObject({
    status: 400,
  });

  const help = await post("/api/run", { functionName: "showHelp" });
  expect(help.status).toBe(200);
  expect(help.json["alerts"]).toEqual([
    expect.objectContaining({
      title: "SMART KPI help",
      message: expect.stringContaining("Set up KPI sheets"),
    }),
  ]);
});

test("sets the emulated today and saves it; refuses a day that does not exist", async () => {
  await expect(post("/api/today", { date: "2026-02-30" })).resolves.toMatchObject({ status: 400 });
  await expect(post("/api/today", { date: "15/02/2026" })).resolves.toMatchObject({ status: 400 });
  const set = await post("/api/today", { date: "2026-02-15" });
  expect(set.status).toBe(200);
  expect((set.json["state"] as PlaygroundState).today).toBe("2026-02-15");
  const saved = JSON.parse(readFileSync(playground.workbookPath, "utf8")) as { clock: string };
  // 09:00 in Taipei (UTC+8).
  expect(saved.clock).toBe("2026-02-15T01:00:00.000Z");
});

test("answers only requests addressed to localhost, with JSON bodies, on known routes", async () => {
  await expect(rawGet("/api/state", "evil.example:80")).resolves.toBe(403);
  await expect(rawGet("/api/state", `localhost:${playground.port}`)).resolves.toBe(200);
  const text = await fetch(`${playground.url}/api/reset`, { method: "POST", body: "{}" });
  expect(text.status).toBe(415);
  await expect(fetch(`${playground.url}/api/nothing`).then((r) => r.status)).resolves.toBe(404);
  await expect(fetch(`${playground.url}/api/run`).then((r) => r.status)).resolves.toBe(405);
});

test("keeps the workbook between starts of the server", async () => {
  await expect(post("/api/run", { functionName: "setupSheets" })).resolves.toMatchObject({
    status: 200,
  });
  const again = await startPlayground({
    port: 0,
    workbookPath: playground.workbookPath,
    empty: true,
  });
  try {
    const state = (await (await fetch(`${again.url}/api/state`)).json()) as PlaygroundState;
    expect(state.sheets.map((sheet) => sheet.name)).toEqual([
      "Sheet1",
      "KPIs",
      "Check-ins",
      "Settings",
      "Dashboard",
      "Alerts",
    ]);
    expect(state.today).toBe("2026-02-15");
    expect(state.menu?.caption).toBe("SMART KPI");
  } finally {
    await again.close();
  }
});

describe("npm start's options", () => {
  const cwd = "/home/me/project";

  test("default to port 8080 and local/workbook.json", () => {
    const options = parseStartOptions([], {}, cwd);
    expect(options.port).toBe(8080);
    expect(options.workbookPath).toMatch(/[/\\]local[/\\]workbook\.json$/);
    expect(options).toMatchObject({ empty: false, reset: false, help: false });
  });

  test("take the port from --port before PORT", () => {
    expect(parseStartOptions([], { PORT: "9100" }, cwd).port).toBe(9100);
    expect(parseStartOptions(["--port", "9000"], { PORT: "9100" }, cwd).port).toBe(9000);
    expect(parseStartOptions(["--port=0"], {}, cwd).port).toBe(0);
  });

  test("read --reset, --empty and a workbook path relative to the current directory", () => {
    expect(
      parseStartOptions(["--reset", "--empty", "--workbook", "my.json"], {}, cwd),
    ).toMatchObject({
      reset: true,
      empty: true,
      workbookPath: "/home/me/project/my.json",
    });
  });

  test("refuse a port that is not one, and unknown options", () => {
    expect(() => parseStartOptions(["--port", "80a"], {}, cwd)).toThrow(
      '--port must be a port number from 0 to 65535, not "80a"',
    );
    expect(() => parseStartOptions([], { PORT: "70000" }, cwd)).toThrow(
      "PORT must be a port number",
    );
    expect(() => parseStartOptions(["--colour"], {}, cwd)).toThrow(/--colour/);
  });
});

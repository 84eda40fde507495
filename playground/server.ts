/**
 * The playground's web server: the page (bundled from ./client by esbuild when the server
 * starts) and a small JSON API over a {@link PlaygroundSession}:
 *
 *   GET  /api/state                              the workbook as the page draws it
 *   POST /api/run    {"functionName": "…"}       run an item of the add-on's menu
 *   POST /api/today  {"date": "YYYY-MM-DD"}      set the emulated today and the as-of date
 *   POST /api/reset  {}                          back to the demo (or the empty workbook)
 *   POST /api/edit   {"action": "paste", …}      type, paste, clear, insert or delete rows
 *   POST /api/cell   {"sheet", "row", "column"}  what editing a cell offers (its dropdown)
 *   POST /api/undo   {} · POST /api/redo {}      take back / make again the last change
 *
 * It listens on the loopback interface only and answers only requests addressed to it by a
 * loopback name, so no other machine, and no web page through DNS rebinding, can drive it.
 */

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { z } from "zod";
import { bundleForBrowser } from "./browserBundle";
import { outboxRoutes } from "./outboxRoutes";
import { PlaygroundSession } from "./session";
import { bundleShim, sidebarRoutes } from "./sidebarRoutes";

export const ROOT = resolve(__dirname, "..");
const CLIENT_DIR = join(__dirname, "client");
/** Room for a pasted block of a few thousand cells. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/i;

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly workbookPath: string;
  /** Start (and reset) from an empty spreadsheet instead of the demo. */
  readonly empty?: boolean;
  /** Replace the workbook file with a new demo (or empty workbook). */
  readonly reset?: boolean;
  /** Default: dist/Code.js */
  readonly codePath?: string;
}

export interface RunningPlayground {
  readonly url: string;
  readonly port: number;
  readonly session: PlaygroundSession;
  close(): Promise<void>;
}

const runRequest = z.strictObject({ functionName: z.string().min(1).max(200) });
const todayRequest = z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const resetRequest = z.strictObject({});
const position = {
  sheet: z.string().min(1).max(200),
  row: z.number().int().min(1).max(10_000_000),
  column: z.number().int().min(1).max(18_278),
};
const confirmed = z.boolean().optional();
const editRequest = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("paste"),
    ...position,
    cells: z
      .array(z.array(z.string().max(50_000)).max(500))
      .min(1)
      .max(5_000),
    confirmed,
  }),
  z.strictObject({
    action: z.literal("clear"),
    ...position,
    numRows: z.number().int().min(1).max(10_000_000),
    numColumns: z.number().int().min(1).max(18_278),
    confirmed,
  }),
  z.strictObject({
    action: z.literal("insertRows"),
    sheet: position.sheet,
    row: position.row,
    count: z.number().int().min(1).max(10_000),
    where: z.enum(["above", "below"]),
  }),
  z.strictObject({
    action: z.literal("deleteRows"),
    sheet: position.sheet,
    row: position.row,
    count: z.number().int().min(1).max(10_000_000),
    confirmed,
  }),
]);
const cellRequest = z.strictObject(position);

const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The page's script, bundled from TypeScript for the browser. */
export function bundleClient(): Promise<string> {
  return bundleForBrowser(join(CLIENT_DIR, "main.ts"), "the playground page");
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!(request.headers["content-type"] ?? "").startsWith("application/json")) {
    throw new HttpError(415, "send JSON (Content-Type: application/json)");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "request body too large");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the request body is not JSON");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const script = await bundleClient();
  const shim = await bundleShim();
  const page = readFileSync(join(CLIENT_DIR, "index.html"), "utf8");
  const styles = readFileSync(join(CLIENT_DIR, "styles.css"), "utf8");
  const session = new PlaygroundSession({
    workbookPath: options.workbookPath,
    codePath: options.codePath ?? join(ROOT, "dist", "Code.js"),
    start: options.empty === true ? "empty" : "demo",
    reset: options.reset === true,
  });

  const routes: Record<
    string,
    (request: IncomingMessage, response: ServerResponse) => Promise<void> | void
  > = {
    "GET /": (_, response) => send(response, 200, "text/html; charset=utf-8", page),
    "GET /app.js": (_, response) => send(response, 200, "text/javascript; charset=utf-8", script),
    "GET /app.css": (_, response) => send(response, 200, "text/css; charset=utf-8", styles),
    "GET /api/state": (_, response) => sendJson(response, 200, session.state()),
    "POST /api/run": async (request, response) => {
      const { functionName } = parse(runRequest, await readJson(request));
      sendJson(response, 200, session.run(functionName));
    },
    "POST /api/today": async (request, response) => {
      const { date } = parse(todayRequest, await readJson(request));
      sendJson(response, 200, session.setToday(date));
    },
    "POST /api/reset": async (request, response) => {
      parse(resetRequest, await readJson(request));
      sendJson(response, 200, session.reset());
    },
    "POST /api/edit": async (request, response) => {
      sendJson(response, 200, session.edit(parse(editRequest, await readJson(request))));
    },
    "POST /api/cell": async (request, response) => {
      sendJson(response, 200, session.cell(parse(cellRequest, await readJson(request))));
    },
    "POST /api/undo": async (request, response) => {
      parse(resetRequest, await readJson(request));
      sendJson(response, 200, session.undo());
    },
    "POST /api/redo": async (request, response) => {
      parse(resetRequest, await readJson(request));
      sendJson(response, 200, session.redo());
    },
    ...sidebarRoutes(() => session, shim, { send, sendJson, readJson, parse }),
    ...outboxRoutes(() => session, { sendJson, readJson }),
  };

  const server = createServer((request, response) => {
    const handle = async () => {
      if (!LOOPBACK_HOST.test(request.headers.host ?? "")) {
        throw new HttpError(403, "the playground answers requests to localhost only");
      }
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      const route = routes[`${request.method} ${path}`];
      if (route === undefined) {
        const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
        throw new HttpError(known ? 405 : 404, known ? "method not allowed" : "not found");
      }
      await route(request, response);
    };
    handle().catch((error: unknown) => {
      const status =
        error instanceof HttpError ? error.status : error instanceof RangeError ? 400 : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(error);
      if (!response.headersSent) sendJson(response, status, { error: message });
      else response.end();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    session,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolveClose() : rejectClose(error)));
      }),
  };
}

/**
 * The sidebar in the playground: the page the add-on's last `showSidebar` showed, served with a
 * `google.script.run` shim loaded before the page's own script, and the route the shim calls,
 * which runs the endpoint in the emulator under Google's serialisation rules.
 *
 *   GET  /sidebar                                the sidebar's HTML, as the add-on showed it
 *   GET  /sidebar-shim.js                        google.script.run and google.script.host
 *   POST /api/script-run {"functionName", "args"}  one google.script.run call
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { z } from "zod";
import { bundleForBrowser } from "./browserBundle";
import type { PlaygroundSession } from "./session";

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** The sidebar runs inline script, as in Apps Script's iframe; it may talk to this server only. */
export const SIDEBAR_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const scriptRunRequest = z.strictObject({
  functionName: z.string().min(1).max(200),
  args: z.array(z.unknown()).max(10),
});

export function bundleShim(): Promise<string> {
  return bundleForBrowser(
    join(__dirname, "client", "sidebarShim.ts"),
    "the google.script.run shim",
  );
}

/** The shim goes first in <head>, so `google.script.run` exists before the page's script runs. */
export function withShim(html: string): string {
  const tag = '<script src="/sidebar-shim.js"></script>';
  const head = /<head[^>]*>/i.exec(html);
  return head === null ? tag + html : html.replace(head[0], `${head[0]}${tag}`);
}

export interface SidebarRouteTools {
  readonly send: (
    response: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers?: Record<string, string>,
  ) => void;
  readonly sendJson: (response: ServerResponse, status: number, value: unknown) => void;
  readonly readJson: (request: IncomingMessage) => Promise<unknown>;
  readonly parse: <T>(schema: z.ZodType<T>, value: unknown) => T;
}

export function sidebarRoutes(
  session: () => PlaygroundSession,
  shim: string,
  tools: SidebarRouteTools,
): Record<string, Route> {
  return {
    "GET /sidebar": (_, response) => {
      const html = session().sidebarHtml();
      if (html === undefined) {
        tools.send(response, 404, "text/plain; charset=utf-8", "No sidebar is open.");
        return;
      }
      tools.send(response, 200, "text/html; charset=utf-8", withShim(html), {
        "Content-Security-Policy": SIDEBAR_CSP,
      });
    },
    "GET /sidebar-shim.js": (_, response) =>
      tools.send(response, 200, "text/javascript; charset=utf-8", shim),
    "POST /api/script-run": async (request, response) => {
      const { functionName, args } = tools.parse(scriptRunRequest, await tools.readJson(request));
      tools.sendJson(response, 200, session().scriptRun(functionName, args));
    },
  };
}

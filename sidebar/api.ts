/**
 * The sidebar's side of `google.script.run`: one typed call per endpoint of the contract, as a
 * promise that never rejects. A transport failure (the server unreachable, a timeout, an
 * exception Apps Script reports as `ScriptError`, whose message is localised) becomes a failed
 * result like any other. At most ten calls are in flight, as Apps Script allows; calls may come
 * back in any order.
 */

import type { EndpointName, Failure, SidebarEndpoints } from "../src/contract/sidebar";
import type * as Server from "../src/main";

// The server's real globals must implement every endpoint with a payload parameter: renaming
// one in src/main.ts without the contract fails the type-check here.
type ServerHas<K extends EndpointName> = (typeof Server)[K] extends (payload: unknown) => unknown
  ? true
  : never;
const serverImplementsContract: { [K in EndpointName]: ServerHas<K> } = {
  sidebarState: true,
  sidebarSetUp: true,
  createKpis: true,
  updateKpi: true,
  logCheckin: true,
  planNextCycle: true,
};
void serverImplementsContract;

/** What may cross the wire: no `Date` (send ISO days), no functions, no `undefined`. */
type Wire = string | number | boolean | null | readonly Wire[] | { readonly [key: string]: Wire };

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: { name?: string; message?: string }) => void): ScriptRunner;
  [endpoint: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner; host?: { close(): void } } };
  }
}

const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];

function slot(): Promise<void> {
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next === undefined) inFlight--;
  else next();
}

function transportFailure(message: string): Failure {
  return {
    ok: false,
    error: `The spreadsheet did not answer (${message}). Check your connection and try again.`,
    fields: {},
  };
}

export async function call<K extends EndpointName>(
  name: K,
  payload: SidebarEndpoints[K]["payload"] & Wire,
): Promise<SidebarEndpoints[K]["reply"]> {
  const run = window.google?.script?.run;
  if (run === undefined) return transportFailure("google.script.run is not available");
  await slot();
  try {
    return await new Promise<SidebarEndpoints[K]["reply"]>((resolve) => {
      const runner = run
        .withSuccessHandler((value) => {
          const reply = value as SidebarEndpoints[K]["reply"] | null;
          resolve(reply ?? transportFailure("empty reply"));
        })
        .withFailureHandler((error) =>
          resolve(
            transportFailure(
              error?.name === "ScriptError"
                ? "the script stopped"
                : (error?.message ?? "unknown error"),
            ),
          ),
        );
      (runner[name] as (value: unknown) => void)(payload);
    });
  } finally {
    release();
  }
}

export function closeSidebar(): void {
  window.google?.script?.host?.close();
}

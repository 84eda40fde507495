/** The page's side of the playground's JSON API (see ../server.ts). */

import type {
  ActionResult,
  CellInfo,
  CellRequest,
  EditRequest,
  PlaygroundState,
  RunRequest,
  TodayRequest,
} from "../protocol";

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    const detail = await response.text();
    throw new Error(`The playground server answered ${response.status}: ${detail}`);
  }
  return (await response.json()) as T;
}

export const api = {
  state: () => call<PlaygroundState>("GET", "/api/state"),
  run: (request: RunRequest) => call<ActionResult>("POST", "/api/run", request),
  setToday: (request: TodayRequest) => call<ActionResult>("POST", "/api/today", request),
  reset: () => call<ActionResult>("POST", "/api/reset", {}),
  edit: (request: EditRequest) => call<ActionResult>("POST", "/api/edit", request),
  cell: (request: CellRequest) => call<CellInfo>("POST", "/api/cell", request),
  undo: () => call<ActionResult>("POST", "/api/undo", {}),
  redo: () => call<ActionResult>("POST", "/api/redo", {}),
};

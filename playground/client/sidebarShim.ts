/**
 * `google.script.run` and `google.script.host` for the sidebar page in the playground. A call
 * is checked as Google checks it — a `Date`, a function or a class instance fails with Google's
 * message; `undefined` in an array becomes `null` — then sent to the playground server, which
 * runs the endpoint in the emulator on dist/Code.js. The playground page is told after each call,
 * so it redraws the grid.
 */

type Handler = (value: unknown) => void;

interface Handlers {
  readonly success?: Handler;
  readonly failure?: Handler;
}

function legal(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return true;
  if (Array.isArray(value)) return value.every(legal);
  if (type !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as object).every(legal);
}

function tellParent(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage(message, window.location.origin);
}

async function call(functionName: string, args: unknown[], handlers: Handlers): Promise<void> {
  const bad = args.findIndex((arg) => !legal(arg));
  if (bad >= 0) {
    const error = new Error(`Failed due to illegal value in property: ${bad}`);
    setTimeout(() => handlers.failure?.(error), 0);
    return;
  }
  let reply: { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
  try {
    const response = await fetch("/api/script-run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ functionName, args }),
    });
    if (!response.ok) throw new Error(`the playground server answered ${response.status}`);
    reply = (await response.json()) as typeof reply;
  } catch (error) {
    reply = { ok: false, error: { name: "NetworkError", message: String(error) } };
  }
  tellParent({ type: "smart-kpi:script-run", functionName });
  if (reply.ok) handlers.success?.(reply.value);
  else {
    const error = Object.assign(new Error(reply.error.message), { name: reply.error.name });
    handlers.failure?.(error);
  }
}

function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_, property) {
        if (property === "withSuccessHandler") {
          return (success: Handler) => runner({ ...handlers, success });
        }
        if (property === "withFailureHandler") {
          return (failure: Handler) => runner({ ...handlers, failure });
        }
        if (property === "withUserObject") return () => runner(handlers);
        if (typeof property !== "string") return undefined;
        return (...args: unknown[]) => {
          void call(property, args, handlers);
        };
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({}),
    host: {
      close: () => tellParent({ type: "smart-kpi:close" }),
      setHeight: () => undefined,
      setWidth: () => undefined,
    },
  },
};

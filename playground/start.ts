/**
 * `npm start`: checks its arguments, builds dist/Code.js, then serves the playground. One Node
 * process (npm runs `node --import tsx`, no wrapper process), so stopping npm stops the server.
 *
 *   npm start                        http://localhost:8080, workbook in local/workbook.json
 *   npm start -- --port 9000         another port (or PORT=9000 npm start)
 *   npm start -- --reset             replace the workbook with a fresh demo
 *   npm start -- --empty             an empty spreadsheet, kept in local/empty-workbook.json
 *   npm start -- --workbook my.json  keep the workbook in another file
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, startPlayground } from "./server";

const DEFAULT_PORT = 8080;

export interface StartOptions {
  readonly port: number;
  readonly workbookPath: string;
  readonly empty: boolean;
  readonly reset: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm start -- [--port N] [--workbook FILE] [--reset] [--empty]

  --port N         port to serve on (default: $PORT or ${DEFAULT_PORT}; 0 picks a free one)
  --workbook FILE  the workbook's JSON file (default: local/workbook.json)
  --reset          start over: replace the workbook with the demo (or an empty one with --empty)
  --empty          an empty spreadsheet instead of the demo, kept apart from the demo's workbook
                   (default file: local/empty-workbook.json)`;

function portOf(text: string, from: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new RangeError(`${from} must be a port number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** Reads the command line and the PORT variable; throws a RangeError with the reason. */
export function parseStartOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StartOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: "string", short: "p" },
      workbook: { type: "string" },
      reset: { type: "boolean", default: false },
      empty: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  let port = DEFAULT_PORT;
  if (values.port !== undefined) port = portOf(values.port, "--port");
  else if (env["PORT"] !== undefined && env["PORT"] !== "") port = portOf(env["PORT"], "PORT");
  return {
    port,
    // --empty has its own default file: asking for an empty spreadsheet never opens the demo's
    // workbook, and never overwrites it either.
    workbookPath:
      values.workbook === undefined
        ? join(ROOT, "local", values.empty ? "empty-workbook.json" : "workbook.json")
        : resolve(cwd, values.workbook),
    empty: values.empty,
    reset: values.reset,
    help: values.help,
  };
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartOptions(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  // The build comes after the arguments are known to be good: a typo costs no build.
  const built = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts", "build.ts")],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (built.status !== 0) {
    process.exitCode = built.status ?? 1;
    return;
  }
  try {
    const existed = existsSync(options.workbookPath) && !options.reset;
    const playground = await startPlayground(options);
    const fromHere = relative(process.cwd(), options.workbookPath);
    const file =
      fromHere.startsWith("..") || isAbsolute(fromHere) ? options.workbookPath : fromHere;
    const kind = options.empty ? "an empty spreadsheet" : "the demo";
    const resetFlag = options.empty ? "--empty --reset" : "--reset";
    console.log(`SMART KPI playground: ${playground.url}`);
    console.log(
      existed
        ? `Workbook: ${file}, as last saved (\`npm start -- ${resetFlag}\` starts it over as ${kind})`
        : `Workbook: ${file}, new: ${kind} (saved after every action)`,
    );
    console.log("Press Ctrl+C to stop.");
    const stop = () => void playground.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    process.once("SIGHUP", stop);
    // npm runs this under `sh -c`; when npm is stopped with a signal, sh goes and this process is
    // left behind (re-parented), still holding the port. Leaving with its parent avoids that.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) stop();
    }, 500).unref();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      console.error(
        `Port ${options.port} is in use: try \`npm start -- --port ${options.port + 1}\`.`,
      );
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

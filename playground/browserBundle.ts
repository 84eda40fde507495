/**
 * The playground's browser scripts (the page and the google.script.run shim), bundled from
 * TypeScript when the server starts.
 */

import { build } from "esbuild";

/** One entry point as a single browser script; `what` names it in the error if esbuild gives none. */
export async function bundleForBrowser(entryPoint: string, what: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no bundle for ${what}`);
  return output.text;
}

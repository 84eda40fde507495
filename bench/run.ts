/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own Node process (with
 * --expose-gc, so a benchmark can settle the heap between runs), and fails if any of them fails.
 * Each benchmark prints its own table of figures beside the baseline it measures in the same run;
 * a new benchmark is a new file here, not a new script in package.json.
 */

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

let failed = 0;
for (const name of files) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(__dirname, name)],
    {
      stdio: "inherit",
    },
  );
  if (run.status !== 0) {
    failed += 1;
    console.error(`${name} failed (exit ${run.status ?? run.signal})`);
  }
}
if (files.length === 0) console.error(`no benchmark matches ${only.join(" ")}`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);

/**
 * dist/Sidebar.html as clasp pushes it: one self-contained page within its size budget, with
 * nothing Apps Script would mangle (needs `npm run build` first).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inlineScript, SIDEBAR_BUDGET_BYTES } from "../../scripts/sidebarHtml";
import { DIST_DIR } from "../support/bundle";

const html = readFileSync(join(DIST_DIR, "Sidebar.html"), "utf8");

test("is one page within the 150 KB budget that loads nothing from anywhere", () => {
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SIDEBAR_BUDGET_BYTES);
  expect(html.match(/<script\b/gi)).toHaveLength(1);
  expect(html.match(/<\/script/gi)).toHaveLength(1);
  expect(html).not.toMatch(/<link\b|<script[^>]*\bsrc=|@import|url\(/i);
  // No scriptlets: `<?` in a bundle is a syntax error for HtmlService templates.
  expect(html).not.toContain("<?");
});

test("inlining escapes </script and refuses a template literal Apps Script would strip", () => {
  expect(inlineScript('var a="</script>";')).toBe('var a="<\\/script>";');
  expect(() => inlineScript("var a=`http://x`;")).toThrow("template literal");
  expect(inlineScript('var a="`";')).toBe('var a="`";');
});

/** What makes the sidebar's script safe to inline in the HTML file Apps Script serves. */

import ts from "typescript";

/** The sidebar must stay small: it loads in a 300-px iframe on every open (issue #6). */
export const SIDEBAR_BUDGET_BYTES = 150 * 1024;

/**
 * Makes a script safe to inline in HTML that Apps Script serves: `</script` would end the
 * element early. Template literals are lowered to plain strings by esbuild (see buildSidebar),
 * because Apps Script strips what looks like `//` and `/*` comments inside them; this checks
 * none is left rather than trusting it.
 */
export function inlineScript(code: string): string {
  const source = ts.createSourceFile(
    "Sidebar.js",
    code,
    ts.ScriptTarget.ES2020,
    true,
    ts.ScriptKind.JS,
  );
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      throw new Error(
        `the sidebar bundle still holds a template literal: ${node.getText().slice(0, 80)}`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return code.replace(/<\/(script)/gi, "<\\/$1");
}

/**
 * The menu items that open the sidebar (SPEC §6): each shows dist/Sidebar.html, which clasp
 * pushes beside Code.js, and tells it which view to start on. The page is a bundle with no
 * scriptlets, so the view travels as an inert element appended after it; the sidebar reads it
 * once the document is parsed.
 */

import { spreadsheetUi } from "../adapters/spreadsheet";
import type { SidebarView } from "../contract/sidebar";

/** The HTML file's name in the Apps Script project (dist/Sidebar.html). */
export const SIDEBAR_FILE = "Sidebar";
const TITLE = "SMART KPI";

function showSidebar(view: SidebarView): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE)
    .setTitle(TITLE)
    .append(`<div id="smart-kpi-view" data-view="${view}" hidden></div>`);
  spreadsheetUi().showSidebar(page);
}

/** Opens the SMART KPI wizard in the sidebar. */
export function openKpiWizard(): void {
  showSidebar("wizard");
}

/** Opens the sidebar on "Log a check-in". */
export function openCheckin(): void {
  showSidebar("checkin");
}

/** Opens the sidebar on "Plan the next cycle". */
export function openNextCycle(): void {
  showSidebar("cycle");
}

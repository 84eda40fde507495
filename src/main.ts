/**
 * The one list of everything dist/Code.js exposes to Apps Script. The build bundles this module
 * into an IIFE and writes one top-level forwarder per export, copying each function's JSDoc and
 * parameter names, so Sheets sees real `function KPI_PACE(start, due, as_of)` declarations.
 * Anything not exported here is invisible to Apps Script.
 */

export {
  KPI_ATTAINMENT,
  KPI_PACE,
  KPI_ROLLUP,
  KPI_SMART,
  KPI_SPLIT,
  KPI_STATUS,
  KPI_SUMMARY,
  KPI_TREND,
} from "./functions/customFunctions";
export { runDailyCheck, toggleDailyCheck } from "./server/dailyCheck";
export { onInstall, onOpen, showHelp } from "./server/menu";
export { setupSheets } from "./server/setup";
export {
  createKpis,
  logCheckin,
  planNextCycle,
  sidebarSetUp,
  sidebarState,
  updateKpi,
} from "./server/sidebarEndpoints";
export { openCheckin, openKpiWizard, openNextCycle } from "./server/sidebarMenu";

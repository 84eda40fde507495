/** `Charts`: only its enums are used, by embedded-chart builders. */

import { SERVICE_NAME, ServiceObject } from "./context";
import { enumOf } from "./enums";

export const CHART_TYPE = {
  AREA: "AREA",
  BAR: "BAR",
  COLUMN: "COLUMN",
  COMBO: "COMBO",
  HISTOGRAM: "HISTOGRAM",
  LINE: "LINE",
  PIE: "PIE",
  SCATTER: "SCATTER",
  TABLE: "TABLE",
} as const;

export class EmuCharts extends ServiceObject {
  readonly [SERVICE_NAME] = "Charts";
  readonly ChartType = CHART_TYPE;
  readonly Position = enumOf("TOP", "RIGHT", "BOTTOM", "NONE");
}

/** `Charts`: only its enums are used, by embedded-chart builders. */

import { SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS } from "./enums";

export const CHART_TYPE = ENUMS.ChartType;

export class EmuCharts extends ServiceObject {
  readonly [SERVICE_NAME] = "Charts";
  readonly ChartType = CHART_TYPE;
  readonly Position = ENUMS.Position;
}

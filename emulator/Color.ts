/** `Color`, as `Range.getBackgroundObject()` returns it: always an RGB colour here. */

import { SERVICE_NAME, ServiceObject } from "./context";

export class EmuColor extends ServiceObject {
  readonly [SERVICE_NAME] = "Color";

  constructor(readonly hex: string) {
    super();
  }

  asRgbColor(): EmuColor {
    return this;
  }

  asHexString(): string {
    return this.hex;
  }

  getColorType(): string {
    return "RGB";
  }
}

/**
 * Colours as Sheets reports them: setBackground("#FF0000") or setBackground("red") reads back
 * as "#ff0000". Also the Color / RgbColor objects of the newer *Object() getters.
 */
import { instrument } from "./calls";
import { ColorType } from "./enums";
import { type EmulatorState, ServiceObject } from "./state";

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  lime: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#c0c0c0",
  maroon: "#800000",
  navy: "#000080",
  teal: "#008080",
  olive: "#808000",
  aqua: "#00ffff",
  cyan: "#00ffff",
  fuchsia: "#ff00ff",
  magenta: "#ff00ff",
  pink: "#ffc0cb",
  brown: "#a52a2a",
};

/** "#abc" -> "#aabbcc", "#ABCDEF" -> "#abcdef", "red" -> "#ff0000"; other text is kept. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((d) => d + d).join("")}`;
  return NAMED[c] ?? color;
}

export class RgbColor extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly hex: string,
  ) {
    super(ctx);
  }

  asHexString(): string {
    return this.hex;
  }

  getRed(): number {
    return Number.parseInt(this.hex.slice(1, 3), 16);
  }

  getGreen(): number {
    return Number.parseInt(this.hex.slice(3, 5), 16);
  }

  getBlue(): number {
    return Number.parseInt(this.hex.slice(5, 7), 16);
  }

  getColorType() {
    return ColorType.RGB;
  }
}

export class Color extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly hex: string,
  ) {
    super(ctx);
  }

  asRgbColor(): RgbColor {
    return new RgbColor(this.ctx, this.hex);
  }

  getColorType() {
    return ColorType.RGB;
  }
}

instrument(RgbColor, "RgbColor");
instrument(Color, "Color");

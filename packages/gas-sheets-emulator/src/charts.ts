/**
 * Embedded charts, recorded rather than drawn: Sheet.newChart() builds a chart description
 * (type, ranges, options, position); insertChart/updateChart/removeChart keep the sheet's list.
 */
import { instrument } from "./calls";
import type { RangeRef } from "./conditional";
import { ChartType, EnumValue } from "./enums";
import { Range } from "./range";
import { type EmulatorState, ServiceObject } from "./state";

export type ChartTypeName = keyof typeof ChartType;

export interface ChartData {
  /** Assigned by Sheet.insertChart; null until the chart is on a sheet. */
  chartId: number | null;
  type: ChartTypeName;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

export function copyChartData(data: ChartData): ChartData {
  return {
    chartId: data.chartId,
    type: data.type,
    ranges: data.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: { ...data.options },
    position: { ...data.position },
  };
}

export class ChartsService extends ServiceObject {
  readonly ChartType = ChartType;
}

export class ContainerInfo extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly position: ChartData["position"],
  ) {
    super(ctx);
  }

  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }

  getAnchorRow(): number {
    return this.position.anchorRow;
  }

  getOffsetX(): number {
    return this.position.offsetX;
  }

  getOffsetY(): number {
    return this.position.offsetY;
  }
}

export class ChartOptions extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly options: Readonly<Record<string, unknown>>,
  ) {
    super(ctx);
  }

  get(option: string): unknown {
    return this.options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}

export class EmbeddedChart extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly data: ChartData,
  ) {
    super(ctx);
  }

  getChartId(): number | null {
    return this.data.chartId;
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.ctx, this.data.options);
  }

  getRanges(): Range[] {
    return this.ctx.array(this.data.ranges.map((r) => new Range(this.ctx, r.sheet, r.rect)));
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.ctx, { ...this.data.position });
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, copyChartData(this.data));
  }
}

export class EmbeddedChartBuilder extends ServiceObject {
  #data: ChartData;

  constructor(ctx: EmulatorState, data?: ChartData) {
    super(ctx);
    this.#data = data ?? {
      chartId: null,
      type: "COLUMN",
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    };
  }

  addRange(range: Range): this {
    if (!(range instanceof Range)) throw this.ctx.fail("EmbeddedChartBuilder.addRange expects a Range.");
    this.#data.ranges.push({ sheet: range.sheet, rect: { ...range.rect } });
    return this;
  }

  removeRange(range: Range): this {
    this.#data.ranges = this.#data.ranges.filter(
      (r) =>
        !(
          range instanceof Range &&
          r.sheet === range.sheet &&
          JSON.stringify(r.rect) === JSON.stringify(range.rect)
        ),
    );
    return this;
  }

  clearRanges(): this {
    this.#data.ranges = [];
    return this;
  }

  getRanges(): Range[] {
    return this.ctx.array(this.#data.ranges.map((r) => new Range(this.ctx, r.sheet, r.rect)));
  }

  setChartType(type: EnumValue): this {
    const name = type instanceof EnumValue ? type.name() : String(type);
    if (!(name in ChartType)) throw this.ctx.fail("Invalid argument: type");
    this.#data.type = name as ChartTypeName;
    return this;
  }

  getChartType(): EnumValue {
    return ChartType[this.#data.type];
  }

  setOption(option: string, value: unknown): this {
    this.#data.options[String(option)] = value;
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.#data.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  getContainer(): ContainerInfo {
    return new ContainerInfo(this.ctx, { ...this.#data.position });
  }

  setNumHeaders(headers: number): this {
    return this.setOption("numHeaders", headers);
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    return this.setOption("transposeRowsAndColumns", transpose);
  }

  setTitle(chartTitle: string): this {
    return this.setOption("title", chartTitle);
  }

  setColors(cssValues: string[]): this {
    return this.setOption("colors", [...cssValues]);
  }

  /** The typed builders (asLineChart ...) share this builder; they set the chart type. */
  asAreaChart(): this {
    return this.#as("AREA");
  }

  asBarChart(): this {
    return this.#as("BAR");
  }

  asColumnChart(): this {
    return this.#as("COLUMN");
  }

  asComboChart(): this {
    return this.#as("COMBO");
  }

  asHistogramChart(): this {
    return this.#as("HISTOGRAM");
  }

  asLineChart(): this {
    return this.#as("LINE");
  }

  asPieChart(): this {
    return this.#as("PIE");
  }

  asScatterChart(): this {
    return this.#as("SCATTER");
  }

  asTableChart(): this {
    return this.#as("TABLE");
  }

  build(): EmbeddedChart {
    return new EmbeddedChart(this.ctx, copyChartData(this.#data));
  }

  #as(type: ChartTypeName): this {
    this.#data.type = type;
    return this;
  }
}

instrument(ChartsService, "Charts");
instrument(ContainerInfo, "ContainerInfo");
instrument(ChartOptions, "ChartOptions");
instrument(EmbeddedChart, "EmbeddedChart");
instrument(EmbeddedChartBuilder, "EmbeddedChartBuilder");

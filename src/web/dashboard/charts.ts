/**
 * Chart models for the dashboard's inline SVG (views/dashboard/charts.njk): coordinates computed
 * here, so the template only draws. Colours are SVG presentation attributes, which the CSP allows
 * (it refuses `style` attributes). Right to left, the charts are mirrored: bars grow from the right.
 */

/** The GOV.UK colours the charts use, each with 3:1 contrast against white at least. */
export const CHART_COLOURS = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92'] as const;

const WIDTH = 640;
const LABEL_SIZE = 14;
const ROW = 46;
const BAR = 18;
const VALUE_ROOM = 110;

/** A text placed in the chart. */
export interface ChartText {
  x: number;
  y: number;
  text: string;
}

/** One bar of a horizontal bar chart, with its label above and its figure at its end. */
export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  label: ChartText;
  value: ChartText;
}

/** A chart ready to draw: its view box and its parts. */
export interface Chart {
  id: string;
  width: number;
  height: number;
  bars: ChartBar[];
  /** Texts under columns (the trend's days or weeks). */
  ticks: ChartText[];
  legend: Array<{ x: number; y: number; fill: string; text: ChartText }>;
  /** Horizontal rules across the plot (the baseline, the largest value), each with its figure. */
  grid: Array<{ x: number; y: number; width: number; label: ChartText }>;
}

/** Mirrors a left-to-right x position (of a box `width` wide) for a right-to-left page. */
function place(x: number, width: number, rtl: boolean): number {
  return rtl ? WIDTH - x - width : x;
}

/**
 * A horizontal bar chart: one row per item, its label above a bar as long as its share of the
 * largest value, and its formatted figure after the bar.
 */
export function barChart(
  id: string,
  items: ReadonlyArray<{ label: string; value: number; text: string }>,
  rtl: boolean,
): Chart {
  const largest = Math.max(1, ...items.map((item) => item.value));
  const room = WIDTH - VALUE_ROOM;
  const bars = items.map((item, i): ChartBar => {
    const y = i * ROW;
    const width = Math.max(item.value > 0 ? 2 : 0, Math.round((item.value / largest) * room));
    return {
      x: place(0, width, rtl),
      y: y + LABEL_SIZE + 6,
      width,
      height: BAR,
      fill: CHART_COLOURS[0],
      label: { x: rtl ? WIDTH : 0, y: y + LABEL_SIZE, text: shorten(item.label) },
      value: {
        x: rtl ? WIDTH - width - 6 : width + 6,
        y: y + LABEL_SIZE + 6 + BAR - 4,
        text: item.text,
      },
    };
  });
  return {
    id,
    width: WIDTH,
    height: Math.max(ROW, items.length * ROW),
    bars,
    ticks: [],
    legend: [],
    grid: [],
  };
}

/**
 * A column chart of series over time: for each bucket, one column per series side by side, the
 * bucket's label under them, and a legend naming the series.
 */
export function columnChart(
  id: string,
  buckets: ReadonlyArray<{ label: string; values: readonly number[] }>,
  series: readonly string[],
  figure: (value: number) => string,
  rtl: boolean,
): Chart {
  const top = 40;
  const plot = 180;
  // Room at the sides for the first and last labels, and for the rules' figures.
  const side = 48;
  const largest = Math.max(1, ...buckets.flatMap((b) => b.values));
  const slot = (WIDTH - 2 * side) / Math.max(1, buckets.length);
  const column = Math.max(2, Math.min(24, (slot - 4) / series.length));
  // Only some labels fit under many columns: at most six, so they never overlap.
  const every = Math.max(1, Math.ceil(buckets.length / 6));
  const bars: ChartBar[] = [];
  const ticks: ChartText[] = [];
  buckets.forEach((bucket, b) => {
    const start = side + b * slot + (slot - column * series.length) / 2;
    bucket.values.forEach((value, s) => {
      const height = Math.round((value / largest) * plot);
      const x = place(start + s * column, column, rtl);
      const blank = { x, y: 0, text: '' };
      bars.push({
        x,
        y: top + plot - height,
        width: column,
        height,
        fill: CHART_COLOURS[s % CHART_COLOURS.length] as string,
        label: blank,
        value: blank,
      });
    });
    if (b % every === 0) {
      ticks.push({
        x: place(side + b * slot + slot / 2, 0, rtl),
        y: top + plot + 20,
        text: bucket.label,
      });
    }
  });
  const legend = series.map((name, s) => ({
    x: place(s * 200, 14, rtl),
    y: 4,
    fill: CHART_COLOURS[s % CHART_COLOURS.length] as string,
    text: { x: rtl ? WIDTH - s * 200 - 20 : s * 200 + 20, y: 16, text: name },
  }));
  const rule = (y: number, value: number) => ({
    x: side,
    y,
    width: WIDTH - 2 * side,
    label: { x: rtl ? WIDTH - side + 6 : side - 6, y: y + 5, text: figure(value) },
  });
  return {
    id,
    width: WIDTH,
    height: top + plot + 30,
    bars,
    ticks,
    legend,
    grid: [rule(top, largest), rule(top + plot, 0)],
  };
}

/** A label cut to fit one line of the chart (the table beside it has it whole). */
function shorten(label: string): string {
  const chars = [...label];
  return chars.length <= 70 ? label : `${chars.slice(0, 69).join('')}…`;
}

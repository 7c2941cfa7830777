/**
 * The retro index as a timeline (newest first, with counts) and the geometry of a small bar
 * chart of those counts over time. The chart is plain numbers and strings here; the page
 * renders it as SVG elements at build time (no client script).
 */
import type { RetroHistory, RetroRef } from './history.ts';
import type { RecurringProblems } from './recurring.ts';

export interface TimelineEntry {
  retro: RetroRef;
  keep: number;
  problem: number;
  try: number;
  /** Actions reported done or dropped at this retro. */
  closed: number;
  /** Problems of this retro that came up in an earlier one. */
  recurring: number;
}

export function timeline(history: RetroHistory, recurring: RecurringProblems): TimelineEntry[] {
  return history.retros
    .map((retro) => {
      const items = history.input(retro.id)?.items ?? [];
      const count = (kind: string) => items.filter((i) => i.kind === kind).length;
      return {
        retro,
        keep: count('keep'),
        problem: count('problem'),
        try: count('try'),
        closed: history.closedAt(retro.id).length,
        recurring: recurring.recurringIn(retro.id).size,
      };
    })
    .reverse();
}

export const SERIES = ['keep', 'problem', 'try', 'closed'] as const;
export type Series = (typeof SERIES)[number];

export interface ChartBar {
  series: Series;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartGroup {
  retro: RetroRef;
  /** Centre of the group, for the date label. */
  x: number;
  label: string;
  bars: ChartBar[];
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** Horizontal grid lines with their value. */
  ticks: { y: number; value: number }[];
  groups: ChartGroup[];
  /** How many retros the chart leaves out (it shows the latest `maxRetros`). */
  omitted: number;
}

export interface ChartOptions {
  maxRetros?: number;
  height?: number;
}

const BAR = 9;
const GAP = 2;
const GROUP_GAP = 14;

/** The axis maximum: the largest count rounded up to a multiple of 4 (so 4 grid steps are whole numbers), at least 4. */
export function niceMax(max: number): number {
  return Math.max(4, Math.ceil(max / 4) * 4);
}

/** Bars for K / P / T / closed per retro, oldest on the left; entries may come in any order. */
export function chartLayout(entries: readonly TimelineEntry[], options: ChartOptions = {}): ChartLayout {
  const maxRetros = options.maxRetros ?? 24;
  const height = options.height ?? 180;
  const ordered = [...entries].sort((a, b) => a.retro.date.localeCompare(b.retro.date) || a.retro.id.localeCompare(b.retro.id));
  const shown = ordered.slice(-maxRetros);
  const groupWidth = SERIES.length * BAR + (SERIES.length - 1) * GAP;
  const plot = { left: 32, top: 10, right: 0, bottom: height - 28 };
  plot.right = plot.left + GROUP_GAP + shown.length * (groupWidth + GROUP_GAP);
  const width = Math.max(plot.right + 8, 200);
  const top = niceMax(Math.max(0, ...shown.flatMap((e) => SERIES.map((s) => e[s]))));
  const scale = (plot.bottom - plot.top) / top;
  const step = top / 4;
  const ticks = [0, 1, 2, 3, 4].map((i) => ({ value: i * step, y: plot.bottom - i * step * scale }));
  // Label with month/day; add the year when the shown retros span more than one year.
  const years = new Set(shown.map((e) => e.retro.date.slice(0, 4)));
  const label = (date: string) => (years.size > 1 ? date.slice(2).replace(/-/g, '/') : date.slice(5).replace('-', '/'));
  const groups = shown.map((e, i) => {
    const x0 = plot.left + GROUP_GAP + i * (groupWidth + GROUP_GAP);
    return {
      retro: e.retro,
      x: x0 + groupWidth / 2,
      label: label(e.retro.date),
      bars: SERIES.map((series, k) => {
        const h = e[series] * scale;
        return { series, value: e[series], x: x0 + k * (BAR + GAP), y: plot.bottom - h, width: BAR, height: h };
      }),
    };
  });
  return { width, height, plot, ticks, groups, omitted: ordered.length - shown.length };
}

import { describe, expect, it } from 'vitest';
import { RetroHistory } from '../../src/lib/retro/history.ts';
import { RecurringProblems } from '../../src/lib/retro/recurring.ts';
import { chartLayout, niceMax, timeline, type TimelineEntry } from '../../src/lib/retro/timeline.ts';
import { series } from '../support/retro-series.ts';

describe('retro timeline', () => {
  const retros = series();
  const entries = timeline(new RetroHistory(retros), new RecurringProblems(retros));

  it('lists retros newest first with K / P / T counts, actions closed and recurring problems', () => {
    expect(entries.map((e) => [e.retro.date, e.keep, e.problem, e.try, e.closed, e.recurring])).toEqual([
      ['2026-10-15', 1, 2, 1, 3, 1],
      ['2026-09-16', 1, 2, 2, 0, 1],
      ['2026-09-01', 0, 1, 1, 0, 0],
      ['2026-08-19', 0, 2, 2, 2, 0],
      ['2026-07-15', 1, 1, 3, 0, 0],
    ]);
  });
});

const entry = (date: string, keep: number, problem: number, t: number, closed: number): TimelineEntry => ({
  retro: { id: date, title: date, date, team: 't' },
  keep,
  problem,
  try: t,
  closed,
  recurring: 0,
});

describe('chart layout', () => {
  it('rounds the axis up to a multiple of 4 so grid lines are whole numbers', () => {
    expect([0, 3, 4, 5, 11, 12, 57].map(niceMax)).toEqual([4, 4, 4, 8, 12, 12, 60]);
  });

  it('draws retros oldest on the left with bars proportional to the counts', () => {
    const layout = chartLayout([entry('2026-10-15', 4, 8, 3, 2), entry('2026-07-15', 2, 1, 0, 0)]);
    expect(layout.groups.map((g) => g.label)).toEqual(['07/15', '10/15']);
    expect(layout.groups[0].x).toBeLessThan(layout.groups[1].x);
    const [keep, problem, t, closed] = layout.groups[1].bars;
    expect([keep.series, problem.series, t.series, closed.series]).toEqual(['keep', 'problem', 'try', 'closed']);
    // Axis 0..8: the Problem bar reaches the top, Keep half way, a zero has no height.
    const plotHeight = layout.plot.bottom - layout.plot.top;
    expect(problem.height).toBeCloseTo(plotHeight);
    expect(problem.y).toBeCloseTo(layout.plot.top);
    expect(keep.height).toBeCloseTo(plotHeight / 2);
    expect(layout.groups[0].bars[2].height).toBe(0);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
    // Bars never overlap and stay inside the drawing.
    const xs = layout.groups.flatMap((g) => g.bars.map((b) => [b.x, b.x + b.width]));
    for (let i = 1; i < xs.length; i++) expect(xs[i][0]).toBeGreaterThan(xs[i - 1][1]);
    expect(xs[xs.length - 1][1]).toBeLessThanOrEqual(layout.width);
  });

  it('adds the year to labels when the retros span more than one year', () => {
    const layout = chartLayout([entry('2025-12-10', 1, 1, 1, 0), entry('2026-01-14', 1, 1, 1, 0)]);
    expect(layout.groups.map((g) => g.label)).toEqual(['25/12/10', '26/01/14']);
  });

  it('shows only the latest retros and says how many it left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => entry(`2026-01-${String(i + 1).padStart(2, '0')}`, 1, 1, 1, 0));
    const layout = chartLayout(many, { maxRetros: 24 });
    expect(layout.groups).toHaveLength(24);
    expect(layout.omitted).toBe(6);
    expect(layout.groups[0].retro.date).toBe('2026-01-07');
  });

  it('draws an empty history without dividing by zero', () => {
    const layout = chartLayout([]);
    expect(layout.groups).toEqual([]);
    expect(layout.ticks.every((t) => Number.isFinite(t.y))).toBe(true);
  });
});

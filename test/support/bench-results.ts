/** A complete, plausible bench/results.json for tests of the report and the CLI. */
import type { BuildRunResult, Results } from '../../bench/report.ts';

export const run = (wallMs: number): BuildRunResult => ({ wallMs, cpuS: wallMs / 1000, maxRssKb: 800_000, treeRssKb: 900_000, pages: 1000 });

export function results(overrides: Partial<Results> = {}): Results {
  return {
    version: 1,
    date: '2026-11-24T00:00:00.000Z',
    mode: 'full',
    durationS: 600,
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGiB: 8,
      os: 'Linux',
      node: 'v24.0.0',
      versions: { astro: '7.0.0' },
      chromium: '150',
      loadAverage: { start: [1, 1, 1], end: [2, 2, 2] },
      note: 'machine shared with other work during this run',
    },
    plan: { sizes: [100, 1000], runs: { 100: 5, 1000: 3 }, seed: 1, order: 'a b c a b c …' },
    builds: [
      { n: 1000, site: 'a', runs: [run(30_000), run(36_000), run(33_000)] },
      { n: 1000, site: 'b', runs: [run(30_000), run(31_000), run(29_000)] },
      { n: 1000, site: 'c', runs: [run(15_000), run(16_000), run(14_000)] },
    ],
    pageWeight: [
      {
        n: 1000,
        site: 'a',
        typicalPath: '/runbooks/x/',
        html: { typical: 36_000, median: 36_000, min: 33_000, max: 39_000, pages: 1000 },
        chromeBytes: 24_000,
        js: { external: 11_000, externalGzip: 5_000, inline: 5_000, scripts: ['/_astro/a.js'] },
        css: 85_000,
        output: { bytes: 100e6, files: 3000 },
      },
    ],
    search: [],
    import: { status: 'measured', items: 2000, requests: 45, wallMs: 1200, ownMs: 300 },
    searchQuality: {
      status: 'measured',
      date: '2026-11-24T00:00:00.000Z',
      corpus: ['vue-docs-ja', 'rust-book-ja'],
      pages: 217,
      seed: 1,
      depth: 50,
      queries: { total: 240, byKind: { kanji: 80, katakana: 80, 'kana-kanji': 80 } },
      engines: [
        { engine: 'hikitsugi', queries: 240, recall: 1, precisionAt1: 1, exactFirstAt5: 0.99, missed: [], index: { bytes: 900_000, files: 130 }, firstSearchMs: [90, 100, 110] },
        { engine: 'pagefind', queries: 240, recall: 0.99, precisionAt1: 0.7, exactFirstAt5: 0.7, missed: ['x'], index: { bytes: 3_000_000, files: 290 }, firstSearchMs: [150, 160, 170] },
      ],
      examples: [{ q: '問い合わせ', kind: 'kana-kanji', holders: 1, hikitsugi: 'a/', pagefind: 'b/' }],
    },
    ...overrides,
  };
}

/** The HTML sizes of (a) at 4,000 runbooks: the heaviest page other than runbooks, and the heaviest runbook page. */
export const siteHtml = (largest: number, runbookMax: number) => ({
  n: 4000,
  site: 'a' as const,
  largest: [{ path: '/runbooks/', bytes: largest }],
  otherPages: 120,
  runbook: { pages: 8000, max: runbookMax, median: 35_000 },
});

/** Results where every budget in bench/budgets.json is met, each build and memory ratio exactly at its limit. */
export function allBudgetsMet(): Results {
  return results({
    builds: [
      { n: 100, site: 'a', runs: [run(5_000)] },
      { n: 100, site: 'b', runs: [run(5_000)] },
      { n: 1000, site: 'a', runs: [run(21_000)] },
      { n: 1000, site: 'b', runs: [run(30_000)] },
      { n: 1000, site: 'c', runs: [run(14_000)] },
      { n: 4000, site: 'a', runs: [run(90_000)] },
      { n: 4000, site: 'c', runs: [run(60_000)] },
      { n: 10_000, site: 'a', runs: [{ ...run(300_000), treeRssKb: 12_000_000 }] },
    ],
    recorded: [{ n: 10_000, site: 'c', runs: [{ ...run(200_000), treeRssKb: 10_000_000 }], date: '2026-12-01T00:00:00.000Z' }],
    siteHtml: [siteHtml(500_000, 39_999)],
  });
}

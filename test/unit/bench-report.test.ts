import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  buildRatio,
  checkBudgets,
  chromeBytes,
  importRequestLimit,
  median,
  renderBenchmarks,
  scaling,
  treeRssKb,
  type Budgets,
} from '../../bench/report.ts';

import { allBudgetsMet, results, run, siteHtml } from '../support/bench-results.ts';

const budgets = JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as Budgets;

describe('bench statistics', () => {
  it('median of odd and even counts, NaN when there is nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('build ratio compares medians, not means or first runs', () => {
    // medians 33 s and 30 s; means would give 33/30 too, so make an outlier matter
    const r = results();
    r.builds[0].runs.push(run(300_000), run(33_000));
    expect(buildRatio(r, 1000, 'a', 'b')).toBeCloseTo(33 / 30, 5);
    expect(buildRatio(r, 100, 'a', 'b')).toBeNaN();
  });

  it('build ratio against a reference recorded once when this run did not build it', () => {
    const r = allBudgetsMet();
    r.recorded!.push({ n: 4000, site: 'b', runs: [run(300_000)], date: '2026-12-01T00:00:00.000Z' });
    expect(buildRatio(r, 4000, 'a', 'b')).toBeCloseTo(0.3, 5);
    // this run's build wins over a recorded one
    r.recorded!.push({ n: 4000, site: 'c', runs: [run(1)], date: '2026-12-01T00:00:00.000Z' });
    expect(buildRatio(r, 4000, 'a', 'c')).toBeCloseTo(1.5, 5);
  });

  it('import request limit is ceil(items / 50) + 5', () => {
    expect(importRequestLimit(2000, budgets.importRequests)).toBe(45);
    expect(importRequestLimit(2001, budgets.importRequests)).toBe(46);
    expect(importRequestLimit(0, budgets.importRequests)).toBe(5);
  });
});

describe('budget checks', () => {
  it('pass when every budget is met, including a ratio exactly at the limit', () => {
    const checks = checkBudgets(allBudgetsMet(), budgets);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['build-ratio', true],
      ['build-ratio', true],
      ['build-ratio', true],
      ['build-ratio', true],
      ['page-html', true],
      ['index-html', true],
      ['runbook-html', true],
      ['memory', true],
      ['duration', true],
      ['import-requests', true],
    ]);
    expect(checks.map((c) => c.description).slice(0, 4)).toEqual([
      'build time a/b at N = 100',
      'build time a/b at N = 1,000',
      'build time a/c at N = 1,000',
      'build time a/c at N = 4,000',
    ]);
    expect(checks.find((c) => c.id === 'memory')!.actual).toBe('1.20 (11.4 / 9.5 GiB)');
    expect(checks.at(-1)!.limit).toContain('= 45');
  });

  it('report a slow build, a heavy page, a heavy index page, too much memory, a long run and too many requests as missed', () => {
    // The typical page is light; one heavy page is enough to miss the page budget.
    const r = allBudgetsMet();
    r.builds.find((b) => b.n === 4000 && b.site === 'a')!.runs = [run(90_001)];
    r.builds.find((b) => b.n === 10_000)!.runs[0].treeRssKb = 12_000_001;
    r.siteHtml = [siteHtml(500_001, 40_000)];
    r.durationS = 20 * 60 + 1;
    r.import = { status: 'measured', items: 2000, requests: 46, wallMs: 1, ownMs: 1 };
    r.pageWeight[0].html.max = 40_000;
    const missed = checkBudgets(r, budgets).filter((c) => c.ok !== true);
    expect(missed.map((c) => c.id)).toEqual(['build-ratio', 'page-html', 'index-html', 'runbook-html', 'memory', 'duration', 'import-requests']);
    expect(missed[0].actual).toBe('1.50');
    expect(missed[2].actual).toBe('500.0 KB (`/runbooks/`)');
  });

  it('treat what was not measured as not measured, never as met', () => {
    const r = results({ builds: [], pageWeight: [], import: { status: 'not-measured', reason: 'importer not merged yet' } });
    const checks = checkBudgets(r, budgets);
    expect(checks.map((c) => c.ok)).toEqual([null, null, null, null, null, null, null, null, true, null]);
    expect(checks.at(-1)!.actual).toContain('importer not merged yet');
  });

  it('says how to measure the memory baseline when only hikitsugi built at that size', () => {
    const r = allBudgetsMet();
    r.recorded = [];
    const memory = checkBudgets(r, budgets).find((c) => c.id === 'memory')!;
    expect(memory.ok).toBeNull();
    expect(memory.actual).toContain('npm run bench -- --only baseline');
  });

  it('does not count a quick run against the duration budget', () => {
    const r = allBudgetsMet();
    r.mode = 'quick';
    expect(checkBudgets(r, budgets).find((c) => c.id === 'duration')!.ok).toBeNull();
  });
});

describe('BENCHMARKS.md', () => {
  it('shows the machine, versions, date, every table and the missed budgets', () => {
    const r = results({ import: { status: 'not-measured', reason: 'importer not merged yet' } });
    r.pageWeight[0].html.max = 48_000;
    const md = renderBenchmarks(r, budgets, '## Analysis\n\nWhy.');
    expect(md).toContain('2026-11-24T00:00:00.000Z');
    expect(md).toContain('Test CPU, 2 cores');
    expect(md).toContain('astro 7.0.0');
    expect(md).toContain('machine shared with other work during this run');
    expect(md).toMatch(/largest runbook page HTML \(a\) at N = 1,000 \| < 40\.0 KB \| 48\.0 KB \(typical 36\.0 KB\) \| \*\*missed\*\*/);
    expect(md).toContain('Not measured: importer not merged yet.');
    expect(md).toMatch(/\| 1,000 \| \(a\) hikitsugi \| 1,000 \| 3 \| 33\.0 s \|/);
    expect(md).toContain('## Analysis\n\nWhy.');
  });
});

describe('HTML outside the text', () => {
  it('counts everything but the rendered body, from its first heading to the page footer', () => {
    const head = '<html><head><title>x</title></head><body><nav>menu</nav><main><h1>T</h1><dl>facts</dl>';
    const body = '<div class="sl-heading-wrapper level-h2"><h2 id="概要">概要</h2></div><p>本文</p>';
    const tail = '<footer>f</footer></main></body></html>';
    expect(chromeBytes(head + body + tail)).toBe(Buffer.byteLength(head + tail));
  });

  it('works on the plain site without Starlight wrappers and on a page with no body', () => {
    const plain = '<html><body><main><h1>T</h1><h2 id="a">概要</h2><p>x</p></main></body></html>';
    expect(chromeBytes(plain)).toBe(Buffer.byteLength('<html><body><main><h1>T</h1></main></body></html>'));
    expect(chromeBytes('<p>no headings</p>')).toBe(Buffer.byteLength('<p>no headings</p>'));
  });
});

describe('scaling', () => {
  it('splits build time into a fixed cost and a cost per 100 runbooks', () => {
    const r = results({
      builds: [
        { n: 100, site: 'a', runs: [run(8_000)] },
        { n: 1000, site: 'a', runs: [run(35_000)] },
        { n: 100, site: 'b', runs: [run(5_000)] },
      ],
    });
    const [a, ...rest] = scaling(r);
    expect(a.site).toBe('a');
    expect(a.per100S).toBeCloseTo(3, 5);
    expect(a.fixedS).toBeCloseTo(5, 5);
    expect(rest).toEqual([]); // (b) has one page count only
  });

  it('fits each site through its own smallest and largest page counts', () => {
    const r = results({
      builds: [
        { n: 100, site: 'a', runs: [run(8_000)] },
        { n: 10_000, site: 'a', runs: [run(305_000)] },
        { n: 100, site: 'c', runs: [run(4_000)] },
        { n: 4000, site: 'c', runs: [run(82_000)] },
      ],
    });
    const [a, c] = scaling(r);
    expect([a.from, a.to, c.from, c.to]).toEqual([100, 10_000, 100, 4000]);
    expect(a.per100S).toBeCloseTo(3, 5);
    expect(c.per100S).toBeCloseTo(2, 5);
  });
});

describe('memory of a build process tree', () => {
  const NODE = 'node\0astro.mjs\0build\0';
  const time = { pid: 10, ppid: 1, cmdline: '/usr/bin/time\0-v\0node\0', rssKb: 2_000 };
  const build = { pid: 11, ppid: 10, cmdline: NODE, rssKb: 5_000_000 };

  it('adds the processes under the root, and nothing outside it', () => {
    const samples = [time, build, { pid: 12, ppid: 11, cmdline: 'pagefind\0', rssKb: 300_000 }, { pid: 13, ppid: 1, cmdline: 'other\0', rssKb: 9_000_000 }];
    expect(treeRssKb(samples, 10)).toBe(5_302_000);
  });

  it('leaves out a child forked but not yet running its program: its pages are its parent\'s', () => {
    const forked = { pid: 12, ppid: 11, cmdline: NODE, rssKb: 4_900_000 };
    const git = { pid: 12, ppid: 11, cmdline: 'git\0log\0', rssKb: 5_000 };
    expect(treeRssKb([time, build, forked], 10)).toBe(5_002_000);
    expect(treeRssKb([time, build, git], 10)).toBe(5_007_000);
  });
});

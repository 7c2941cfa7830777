import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageCount, pageNumbers, pageParam, pagePath, paginate, serviceSlugs } from '../../src/lib/site/paging.ts';
import { serviceGroups } from '../../src/lib/content/sorting.ts';
import { reviewDuePages, type KnowledgeReport, type PageReport } from '../../src/lib/knowledge/report.ts';
import { ROUTES, staticPaths } from '../../src/lib/site/routes.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('paginate', () => {
  it('gives an empty list one empty page, so the list page exists and says it is empty', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, count: 1, offset: 0, items: [] }]);
    expect(pageCount(0, 10)).toBe(1);
  });

  it('puts one item on one page', () => {
    expect(paginate(items(1), 10).map((p) => p.items)).toEqual([[0]]);
  });

  it('fills exactly one page at the page size, and starts a second one at size + 1', () => {
    expect(paginate(items(10), 10).map((p) => p.items.length)).toEqual([10]);
    const pages = paginate(items(11), 10);
    expect(pages.map((p) => [p.number, p.count, p.offset, p.items.length])).toEqual([
      [1, 2, 0, 10],
      [2, 2, 10, 1],
    ]);
    expect(pages[1].items).toEqual([10]);
  });

  it('loses and repeats nothing', () => {
    const all = paginate(items(2 * PAGE_SIZE + 7)).flatMap((p) => p.items);
    expect(all).toEqual(items(2 * PAGE_SIZE + 7));
  });

  it('refuses a page size that would loop or drop items', () => {
    expect(() => paginate(items(3), 0)).toThrow(/positive integer/);
    expect(() => paginate(items(3), 1.5)).toThrow(/positive integer/);
  });
});

describe('page addresses', () => {
  it('page 1 is the list address itself, later pages add their number', () => {
    expect(pagePath('/services/gke/', 1)).toBe('/services/gke/');
    expect(pagePath('/services/gke/', 2)).toBe('/services/gke/2/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('3');
  });

  it('numbers the first, last and nearby pages, marking gaps, and stays bounded', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(1, 40)).toEqual([1, 2, 3, null, 40]);
    expect(pageNumbers(20, 40)).toEqual([1, null, 18, 19, 20, 21, 22, null, 40]);
    // A gap of one page shows that page rather than an ellipsis.
    expect(pageNumbers(4, 40)).toEqual([1, 2, 3, 4, 5, 6, null, 40]);
    for (let current = 1; current <= 400; current++) expect(pageNumbers(current, 400).length).toBeLessThanOrEqual(9);
  });

  it('from any page, prev/next and the numbers lead to every page', () => {
    const count = 23;
    const seen = new Set([1]);
    const queue = [1];
    while (queue.length) {
      const n = queue.pop()!;
      for (const m of [n - 1, n + 1, ...pageNumbers(n, count)]) {
        if (m !== null && m >= 1 && m <= count && !seen.has(m)) (seen.add(m), queue.push(m));
      }
    }
    expect(seen.size).toBe(count);
  });
});

describe('service slugs', () => {
  it('are URL-safe and keep Japanese names readable', () => {
    const slugs = serviceSlugs(['Cloud SQL', '決済 API', 'a/b?c#d', 'x.y', '!!!']);
    expect(Object.fromEntries(slugs)).toEqual({ 'Cloud SQL': 'cloud-sql', '決済 API': '決済-api', 'a/b?c#d': 'abcd', 'x.y': 'xy', '!!!': 'service' });
    for (const slug of slugs.values()) expect(slug).toMatch(/^[\p{L}\p{N}_-]+$/u);
  });

  it('give names that slug the same distinct pages, whatever the input order', () => {
    const names = ['cloud-sql', 'Cloud SQL', 'CLOUD_SQL', 'cloud sql'];
    const slugs = serviceSlugs(names);
    expect(new Set(slugs.values()).size).toBe(slugs.size);
    expect(slugs.size).toBe(4);
    expect(serviceSlugs([...names].reverse())).toEqual(slugs);
    // A name already in URL form keeps its address when a look-alike is added.
    expect(slugs.get('cloud-sql')).toBe('cloud-sql');
    expect(slugs.get('Cloud SQL')).toBe('cloud-sql-2');
    expect(slugs.get('cloud sql')).toBe('cloud-sql-3');
    expect(slugs.get('CLOUD_SQL')).toBe('cloud_sql');
  });

  it('never give a suffixed slug that another service has as its own', () => {
    const slugs = serviceSlugs(['API', 'Api', 'api-2']);
    expect(slugs.get('api-2')).toBe('api-2');
    expect(slugs.get('API')).toBe('api');
    expect(slugs.get('Api')).toBe('api-3');
  });
});

describe('the runbooks index rows', () => {
  it('count each service by severity and review status, and slug it', () => {
    const groups = serviceGroups([
      { service: 'Cloud SQL', severity: 'critical', title: 'a', status: 'overdue' },
      { service: 'Cloud SQL', severity: 'low', title: 'b', status: 'due-soon' },
      { service: 'Cloud SQL', severity: 'critical', title: 'c', status: 'ok' },
      { service: 'cloud-sql', severity: 'high', title: 'd' },
    ]);
    expect(groups.map((g) => [g.service, g.slug, g.runbooks.map((r) => r.title), g.bySeverity, g.overdue, g.dueSoon])).toEqual([
      ['Cloud SQL', 'cloud-sql-2', ['a', 'c', 'b'], { critical: 2, high: 0, medium: 0, low: 1 }, 1, 1],
      ['cloud-sql', 'cloud-sql', ['d'], { critical: 0, high: 1, medium: 0, low: 0 }, 0, 0],
    ]);
  });
});

describe('most urgent first', () => {
  const page = (path: string, status: PageReport['status'], due: string) => ({ path, status, due }) as PageReport;
  it('lists overdue pages before due-soon ones, the longest overdue first, and leaves out pages not due', () => {
    const report = {
      pages: [page('c', 'due-soon', '2026-12-01'), page('ok', 'ok', '2027-01-01'), page('b', 'overdue', '2026-10-01'), page('a', 'overdue', '2026-03-01'), page('d', 'due-soon', '2026-11-25')],
    } as KnowledgeReport;
    expect(reviewDuePages(report).map((p) => p.path)).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('the paths a content link may always name', () => {
  it('include the first page of the knowledge lists, not pages that exist only for some content', () => {
    const paths = staticPaths();
    expect(paths).toEqual(expect.arrayContaining(['/runbooks/', '/knowledge/', '/knowledge/review-due/', '/knowledge/at-risk/', '/retros/actions/', '/retros/all/']));
    expect(paths.filter((p) => p.includes('['))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('/services/') || p.startsWith('/knowledge/exposure/') || /^\/retros\/actions\/./.test(p))).toEqual([]);
    expect(ROUTES.some((r) => r.pattern.startsWith('/runbooks/') && r.entrypoint !== 'content-page.astro')).toBe(false);
  });
});

/**
 * The sample retros (2026-07-15, 08-19, 09-16, 10-15; site built for 2026-11-24): the open
 * actions page, a retro's carried-over list and recurring problems, and the index timeline show
 * what the front matter says, at the root and under a base path, with or without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../../bench/harness/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page, selector: string, attrs: string[]) =>
  page.locator(selector).evaluateAll((els, names) => els.map((el) => names.map((n) => el.getAttribute(n))), attrs);

describe.each([
  ['at the domain root', () => inject('rootSite').url],
  ['under a base path', () => inject('subSite').url],
])('retro memory %s', (_, siteUrl) => {
  const path = (p: string) => new URL(p, siteUrl()).pathname;

  it('the actions page lists open actions per owner, oldest first, with their ages, linking to their retro', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('retros/actions/', siteUrl()).href);
    await expect(page.getByTestId('open-actions-summary').innerText()).resolves.toContain('未完了のアクションは 5 件（期限切れ 2 件）');

    // Unassigned first, then owners by their oldest open action.
    const owners = await page.getByTestId('owner-actions').evaluateAll((els) => els.map((e) => e.getAttribute('data-owner')));
    expect(owners).toEqual(['', 'suzuki', 'watanabe', 'ito', 'takahashi']);
    expect(await rows(page, 'tr[data-action-id]', ['data-action-id', 'data-age-days', 'data-age-retros', 'data-overdue'])).toEqual([
      ['a-2026-08-19-2', '97', '2', 'false'],
      ['a-2026-07-15-2', '132', '3', 'true'],
      ['a-2026-10-15-1', '40', '0', 'true'],
      ['a-2026-10-15-2', '40', '0', 'false'],
      ['a-2026-10-15-3', '40', '0', 'false'],
    ]);
    // Done and dropped actions are not listed.
    for (const done of ['a-2026-07-15-1', 'a-2026-07-15-3', 'a-2026-08-19-1', 'a-2026-09-16-1']) {
      await expect(page.locator(`tr[data-action-id="${done}"]`).count()).resolves.toBe(0);
    }

    const oldest = page.locator('tr[data-action-id="a-2026-07-15-2"]');
    const text = await oldest.innerText();
    expect(text).toContain('アラートごとに、対応するランブックへのリンクを通知文に入れる');
    expect(text).toContain('132 日・3 回');
    expect(text).toContain('期限切れ');
    await expect(page.locator('section[data-owner="suzuki"] h2').innerText()).resolves.toContain('鈴木 花子');
    await expect(page.locator('section[data-owner=""] h2').innerText()).resolves.toContain('担当未定');

    await oldest.getByRole('link').click();
    await page.waitForURL(/2026-07-15-platform-team\/$/);
    expect(new URL(page.url()).pathname).toBe(path('retros/2026-07-15-platform-team/'));
    await expect(page.locator('h1').innerText()).resolves.toBe('2026-07-15 プラットフォームチームの振り返り');
    expect(problems).toEqual([]);
  });

  it('a retro page lists what was carried over from earlier retros and the problems that came up before', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('retros/2026-10-15-platform-team/', siteUrl()).href);
    const followUps = page.getByTestId('retro-followups');
    await expect(followUps.locator('h2').innerText()).resolves.toBe('前回からの持ち越し (5)');
    expect(await rows(page, '[data-testid="retro-followups"] tr[data-action-id]', ['data-action-id', 'data-state', 'data-retros-open', 'data-days-open'])).toEqual([
      ['a-2026-07-15-2', 'open', '3', '92'],
      ['a-2026-08-19-2', 'open', '2', '57'],
      ['a-2026-08-19-1', 'closed', '2', '57'],
      ['a-2026-09-16-1', 'closed', '1', '29'],
      ['a-2026-09-16-2', 'closed', '1', '29'],
    ]);
    const first = await followUps.locator('tr[data-action-id="a-2026-07-15-2"]').innerText();
    expect(first).toContain('3 回目・92 日');
    expect(first).toContain('未完了のまま');
    expect(first).toContain('鈴木 花子');
    await expect(followUps.locator('tr[data-action-id="a-2026-08-19-2"]').innerText()).resolves.toContain('担当未定');
    await expect(followUps.locator('tr[data-action-id="a-2026-09-16-2"]').innerText()).resolves.toContain('完了（前回以降）');
    // The carried-over list comes before the Keep / Problem / Try lists.
    const [listY, keepY] = await Promise.all([followUps.boundingBox().then((b) => b!.y), page.locator('#kpt-keep').boundingBox().then((b) => b!.y)]);
    expect(listY).toBeLessThan(keepY);

    // The night-call problem came up in July and August, phrased differently.
    const night = page.locator('[data-kind="problem"] li', { hasText: '夜間のオンコール呼び出しが多い' }).getByTestId('recurring-note');
    await expect(night.innerText()).resolves.toBe('これまでに 2 回出ています: 2026-08-19、2026-07-15');
    const links = await night.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([path('retros/2026-08-19-platform-team/'), path('retros/2026-07-15-platform-team/')]);
    // Redash's single point of knowledge came up only once: no note.
    await expect(page.locator('[data-kind="problem"] li', { hasText: 'Redash のことを知っている人が' }).getByTestId('recurring-note').count()).resolves.toBe(0);

    // Each Try shows its action state.
    await expect(page.locator('[data-kind="try"] li[data-action-id="a-2026-10-15-1"]').innerText()).resolves.toContain('未完了 · 期限 2026-11-16');
    expect(problems).toEqual([]);
  });

  it('an earlier retro shows an action that was open then and closed later', async () => {
    const { page } = await openPage(browser);
    await page.goto(new URL('retros/2026-09-16-platform-team/', siteUrl()).href);
    const row = page.locator('[data-testid="retro-followups"] tr[data-action-id="a-2026-08-19-1"]');
    await expect(row.getAttribute('data-state')).resolves.toBe('closed-later');
    await expect(row.innerText()).resolves.toContain('のちに完了（2026-09-24）');
    // The first retro has nothing to carry over.
    await page.goto(new URL('retros/2026-07-15-platform-team/', siteUrl()).href);
    await expect(page.getByTestId('retro-followups').count()).resolves.toBe(0);
  });

  it('the index is a timeline with counts, actions closed, recurring problems and a chart, without JavaScript', async () => {
    const { page, problems } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(new URL('retros/', siteUrl()).href);
    const entries = page.getByTestId('retros-index').locator(':scope > li');
    const facts = await entries.evaluateAll((lis) =>
      lis.map((li) => [
        li.getAttribute('data-retro'),
        li.querySelector('[data-testid="kpt-counts"]')!.textContent,
        li.querySelector('[data-testid="closed-count"]')!.textContent,
      ]),
    );
    expect(facts).toEqual([
      ['2026-10-15-platform-team', 'K 4 / P 4 / T 3', 'アクション完了 3 件'],
      ['2026-09-16-platform-team', 'K 3 / P 2 / T 2', 'アクション完了 1 件'],
      ['2026-08-19-platform-team', 'K 2 / P 3 / T 3', 'アクション完了 2 件'],
      ['2026-07-15-platform-team', 'K 3 / P 3 / T 3', 'アクション完了 0 件'],
    ]);
    await expect(entries.first().getByTestId('recurring-note').first().innerText()).resolves.toContain('これまでに 2 回出ています');

    const groups = page.getByTestId('recurring-groups').locator(':scope > li');
    expect(await groups.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-retro-count')))).toEqual(['3', '2', '2']);
    await expect(groups.first().innerText()).resolves.toContain('夜間のオンコール呼び出しが多い');

    const chart = page.getByTestId('retro-chart').locator('svg');
    await expect(chart.isVisible()).resolves.toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(150);
    expect(await chart.locator('g.hk-chart-retro').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-date')))).toEqual([
      '2026-07-15',
      '2026-08-19',
      '2026-09-16',
      '2026-10-15',
    ]);
    const october = chart.locator('g[data-date="2026-10-15"] rect');
    expect(await october.evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-series'), r.getAttribute('data-value')]))).toEqual([
      ['keep', '4'],
      ['problem', '4'],
      ['try', '3'],
      ['closed', '3'],
    ]);
    // The tallest bars reach the top grid line: heights follow the data.
    const heights = await october.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().height));
    expect(heights[0]).toBeCloseTo(heights[1], 0);
    expect(heights[2]).toBeCloseTo((heights[0] * 3) / 4, 0);

    await page.getByTestId('open-actions-link').click();
    await page.waitForURL(/retros\/actions\/$/);
    expect(new URL(page.url()).pathname).toBe(path('retros/actions/'));
    expect(problems).toEqual([]);
  });

  it('the English UI labels the same data in English', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('en/retros/actions/', siteUrl()).href);
    await expect(page.getByTestId('open-actions-summary').innerText()).resolves.toContain('5 open actions (2 overdue)');
    await expect(page.locator('tr[data-action-id="a-2026-07-15-2"]').innerText()).resolves.toContain('132 days · 3 retros');
    const link = page.locator('tr[data-action-id="a-2026-07-15-2"]').getByRole('link');
    expect(await link.getAttribute('href')).toBe(path('en/retros/2026-07-15-platform-team/'));
    expect(problems).toEqual([]);
  });
});

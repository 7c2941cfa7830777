/**
 * The sample site (built for 2026-11-24): an overdue page shows the banner and leads to the
 * knowledge page, which lists it; the same under a base path and in the English UI.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../../bench/harness/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['at the domain root', () => inject('rootSite').url],
  ['under a base path', () => inject('subSite').url],
])('knowledge risk %s', (_, siteUrl) => {
  it('an overdue page shows the banner, which links to the knowledge page listing it', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('guideline/toil/', siteUrl()).href);
    const banner = page.getByTestId('review-overdue');
    await expect(banner.isVisible()).resolves.toBe(true);
    expect(await banner.getAttribute('role')).toBe('note');
    const text = await banner.innerText();
    expect(text).toContain('レビュー期限切れ: 2026-02-28');
    expect(text).toContain('269 日超過');
    expect(text).toContain('鈴木 花子'); // the owner, by name
    // The banner comes before the page's own text.
    const [bannerY, headingY] = await Promise.all([
      banner.boundingBox().then((b) => b!.y),
      page.locator('.sl-markdown-content h2').first().boundingBox().then((b) => b!.y),
    ]);
    expect(bannerY).toBeLessThan(headingY);

    await banner.getByRole('link').click();
    await page.waitForURL(/\/knowledge\/$/);
    expect(new URL(page.url()).pathname).toBe(new URL('knowledge/', siteUrl()).pathname);
    const row = page.getByTestId('review-due').locator('tr[data-path$="guideline/toil.mdx"]');
    await expect(row.getAttribute('data-status')).resolves.toBe('overdue');
    const link = row.getByRole('link');
    expect(await link.innerText()).toBe('トイルの計測と削減');
    expect(await link.getAttribute('href')).toBe(new URL('guideline/toil/', siteUrl()).pathname);
    expect(problems).toEqual([]);
  });

  it('the knowledge page shows overdue, at-risk, exposure and bus factor', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('knowledge/', siteUrl()).href);
    const count = (name: string) => page.locator(`[data-count="${name}"]`).innerText().then(Number);
    expect(await count('overdue')).toBeGreaterThanOrEqual(2);
    expect(await count('due-soon')).toBeGreaterThanOrEqual(2);
    expect(await count('no-active-owner')).toBeGreaterThanOrEqual(1);

    const overdue = await page.locator('[data-testid="review-due"] tr[data-status="overdue"]').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-path')),
    );
    expect(overdue).toEqual(expect.arrayContaining([expect.stringMatching(/guideline\/toil\.mdx$/), expect.stringMatching(/runbooks\/gke-node-pressure\.mdx$/)]));

    const orphan = page.locator('[data-testid="at-risk"] tr[data-risk="no-active-owner"]').first();
    expect(await orphan.getAttribute('data-path')).toMatch(/runbooks\/redash-dashboard-broken\.mdx$/);

    await expect(page.locator('[data-testid="exposure"] tr[data-member="suzuki"]').getAttribute('data-exposure')).resolves.not.toBe('0');
    // Bus factor: a number per folder when the build had Git history, or the reason when not.
    const busTable = page.getByTestId('bus-factor');
    if (await busTable.count()) {
      const folders = await busTable.locator('tr[data-folder]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-folder')));
      expect(folders).toEqual(expect.arrayContaining(['guideline', 'runbooks', 'handover', 'runbooks/redash']));
    } else {
      expect(await page.getByTestId('bus-factor-unavailable').innerText()).toMatch(/shallow|Git/);
    }
    // Every link on the page resolves.
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of new Set(hrefs)) {
      const res = await page.request.get(new URL(href.split('#')[0], siteUrl()).href);
      expect(res.status(), href).toBe(200);
    }
    expect(problems).toEqual([]);
  });
});

describe('knowledge risk in the English UI', () => {
  it('is in the sidebar and says the same in English', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('en/', inject('rootSite').url).href);
    await page.getByRole('link', { name: 'Knowledge risk' }).first().click();
    await page.waitForURL(/\/en\/knowledge\/$/);
    expect(await page.locator('h1').innerText()).toBe('Knowledge risk');
    expect(await page.getByTestId('knowledge-summary').innerText()).toMatch(/\d+ overdue/);
    await page.goto(new URL('en/runbooks/redash-dashboard-broken/', inject('rootSite').url).href);
    expect(await page.getByTestId('no-active-owner').innerText()).toContain('No active owner');
    expect(problems).toEqual([]);
  });

  it('a page that is neither overdue nor orphaned has no banner', async () => {
    const { page } = await openPage(browser);
    await page.goto(new URL('runbooks/cloud-sql-failover/', inject('rootSite').url).href);
    await expect(page.getByTestId('page-meta').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('review-overdue').count()).toBe(0);
    expect(await page.getByTestId('no-active-owner').count()).toBe(0);
  });
});

/**
 * A new member's first minutes on the built site, in a real browser: the home page, a runbook
 * reached through the navigation, Japanese search, the English UI. At the domain root and under
 * a base path, with no console errors or broken requests.
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

async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('site-search button[data-open-modal]').first().click();
  const input = page.locator('site-search input[data-search-input]');
  await input.fill(query);
  const results = page.locator('site-search .hk-search-result');
  await results.first().waitFor({ timeout: 15_000 });
  return results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

for (const [name, site] of [
  ['at the domain root', () => inject('rootSite')],
  ['under the /handbook/ base path', () => inject('subSite')],
] as const) {
  describe(`the sample site ${name}`, () => {
    it('home page says what is here and where a new member starts', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(site().url);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      const main = page.locator('main');
      await expect(main.textContent()).resolves.toContain('新しく参加した方へ');
      for (const section of ['SRE ガイドライン', 'ランブック', '引き継ぎ', '振り返り']) {
        expect(await main.getByRole('link', { name: section }).count()).toBeGreaterThan(0);
      }
      // The sample (pinned to 2026-11-24) has two overdue pages and four at ownership risk.
      expect(await page.getByTestId('home-attention').textContent()).toContain('レビュー期限切れ 2 件、オーナーのリスク 4 件');
      await page.getByTestId('home-attention').getByRole('link').click();
      await page.waitForURL(/\/knowledge\/$/);
      expect(problems).toEqual([]);
    });

    it('reaches a runbook through the navigation and shows its owners and review date', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(site().url);
      await page.locator('nav[aria-label] a', { hasText: 'ランブック' }).first().click();
      await page.waitForURL(/\/runbooks\/$/);
      // The index lists services with their counts; a service's page lists its runbooks.
      const row = page.getByTestId('services').locator('tr[data-service="cloud-sql"]');
      expect(await row.locator('td[data-severity="critical"]').innerText()).toBe('1');
      await row.getByRole('link', { name: 'cloud-sql' }).click();
      await page.waitForURL(/\/services\/cloud-sql\/$/);
      await page.getByRole('link', { name: 'Cloud SQL のフェイルオーバー' }).click();
      await page.waitForURL(/\/runbooks\/cloud-sql-failover\/$/);
      expect(new URL(page.url()).pathname).toBe(`${new URL(site().url).pathname}runbooks/cloud-sql-failover/`);
      expect(await page.locator('h1').textContent()).toContain('Cloud SQL のフェイルオーバー');
      const meta = await page.getByTestId('page-meta').textContent();
      expect(meta).toMatch(/オーナー/);
      expect(meta).toMatch(/最終レビュー\s*\d{4}-\d{2}-\d{2}/);
      expect(await page.getByTestId('runbook-facts').textContent()).toContain('cloud-sql');
      // Section links keep their icon, drawn by CSS rather than an inline SVG in every heading.
      const anchor = page.locator('.sl-heading-wrapper:has(h2#切り戻し) .sl-anchor-link');
      expect(await anchor.getAttribute('href')).toBe('#切り戻し');
      expect(await page.locator('.sl-anchor-icon svg').count()).toBe(0);
      await page.locator('h2#切り戻し').hover();
      const icon = await anchor.locator('.sl-anchor-icon').evaluate((el) => getComputedStyle(el, '::before'));
      expect(parseFloat(icon.width)).toBeGreaterThan(8);
      expect(icon.maskImage || icon.webkitMaskImage).toContain('data:image/svg+xml');
      expect(problems).toEqual([]);
    });

    it.each([
      ['障害', '/guideline/oncall-incident-response/'],
      ['フェイルオーバー', '/runbooks/cloud-sql-failover/'],
      ['パーティション', '/runbooks/bigquery-access-log-investigation/'],
    ])('search for %s, a word inside Japanese sentences, finds %s', async (query, expected) => {
      const { page, problems } = await openPage(browser);
      await page.goto(site().url);
      const paths = await search(page, query);
      const base = new URL(site().url).pathname;
      expect(paths).toContain(`${base}${expected.slice(1)}`);
      // The English UI shows the same content; only the Japanese pages are indexed, once.
      expect(paths.every((p) => !p.startsWith(`${base}en/`))).toBe(true);
      await page.goto(new URL(paths.find((p) => p.endsWith(expected))!, site().url).href);
      expect(await page.locator('main').textContent()).toContain(query);
      expect(problems).toEqual([]);
    });

    it('typing a Japanese compound (Ctrl+K, then the word) lists the page that holds it first, with an excerpt of its text', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(`${site().url}guideline/sre-values/`);
      await page.locator('site-search button[data-open-modal]:not([disabled])').first().waitFor();
      await page.keyboard.press('Control+k');
      await page.keyboard.type('同期レプリケーション');
      const first = page.locator('site-search .hk-search-result').first();
      await first.waitFor({ timeout: 15_000 });
      expect(await first.evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`${new URL(site().url).pathname}runbooks/cloud-sql-failover/`);
      expect(await page.locator('site-search [data-search-status]').textContent()).toMatch(/^\d+ 件$/);
      expect(await first.locator('mark').first().textContent()).toBe('同期レプリケーション');
      // The excerpt is the page's text, not its owners and review dates.
      const excerpt = (await first.locator('.hk-search-excerpt').textContent())!;
      expect(excerpt).toContain('ディスクは同期レプリケーションされています');
      expect(excerpt).not.toMatch(/オーナー|最終レビュー|\d{4}-\d{2}-\d{2}/);
      // Arrow keys pick a result, Enter opens it.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/runbooks\/cloud-sql-failover\/$/);
      expect(problems).toEqual([]);
    });

    it('opening search loads the list of pages before anything is typed', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(site().url);
      const meta = page.waitForResponse((r) => r.url().endsWith('/hk-search/meta.json.gz') && r.ok());
      await page.locator('site-search button[data-open-modal]:not([disabled])').first().click();
      await meta;
      expect(await page.locator('site-search input[data-search-input]').inputValue()).toBe('');
      expect(problems).toEqual([]);
    });

    it('an alert name finds its runbook, and a word found nowhere says so in Japanese', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(site().url);
      const paths = await search(page, 'CloudSQLInstanceDown');
      expect(paths[0]).toBe(`${new URL(site().url).pathname}runbooks/cloud-sql-failover/`);
      await page.locator('site-search input[data-search-input]').fill('量子コンピュータ');
      await expect.poll(() => page.locator('site-search [data-search-status]').textContent()).toBe('「量子コンピュータ」に一致するページはありません');
      expect(await page.locator('site-search .hk-search-result').count()).toBe(0);
      expect(problems).toEqual([]);
    });

    it('the English UI counts results in English and links to the English copies', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(`${site().url}en/`);
      const paths = await search(page, 'フェイルオーバー');
      expect(await page.locator('site-search [data-search-status]').textContent()).toMatch(/^\d+ results?$/);
      expect(await page.locator('site-search input[data-search-input]').getAttribute('placeholder')).toBe('Search by words or an alert name');
      expect(paths[0]).toBe(`${new URL(site().url).pathname}en/runbooks/cloud-sql-failover/`);
      expect(problems).toEqual([]);
    });

    it('links inside a page lead to the same UI language they are read in', async () => {
      const { page, problems } = await openPage(browser);
      const base = new URL(site().url).pathname;
      await page.goto(`${site().url}en/guideline/oncall-incident-response/`);
      const link = page.locator('main .sl-markdown-content a[href$="/runbooks/deploy-rollback/"]').first();
      expect(await link.getAttribute('href')).toBe(`${base}en/runbooks/deploy-rollback/`);
      await link.click();
      await page.waitForURL(/\/en\/runbooks\/deploy-rollback\/$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      // The Japanese UI of the same page links to the Japanese copies.
      await page.goto(`${site().url}guideline/oncall-incident-response/`);
      expect(await page.locator('main .sl-markdown-content a[href$="/runbooks/deploy-rollback/"]').first().getAttribute('href')).toBe(
        `${base}runbooks/deploy-rollback/`,
      );
      expect(problems).toEqual([]);
    });

    it('switches to English and keeps the page, with the content still marked Japanese', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(`${site().url}runbooks/cloud-sql-failover/`);
      await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
      await page.waitForURL(/\/en\/runbooks\/cloud-sql-failover\/$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('main').getAttribute('lang')).toBe('ja');
      expect(await page.getByTestId('page-meta').textContent()).toMatch(/Owners.*Last reviewed/s);
      await page.locator('nav[aria-label] a', { hasText: 'Runbooks' }).first().click();
      await page.waitForURL(/\/en\/runbooks\/$/);
      // Search from the English UI still reaches Japanese content.
      const paths = await search(page, 'フェイルオーバー');
      expect(paths.some((p) => p.endsWith('/runbooks/cloud-sql-failover/'))).toBe(true);
      expect(problems).toEqual([]);
    });

    it('on a phone, the menu holds the theme and language pickers, and they work', async () => {
      const { page, problems } = await openPage(browser);
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(`${site().url}runbooks/cloud-sql-failover/`);
      // The page carries one copy of each picker (the wide header's); on a phone it sits in the menu.
      expect(await page.locator('starlight-theme-select').count()).toBe(1);
      expect(await page.locator('starlight-lang-select').count()).toBe(1);
      const menu = page.locator('#starlight__sidebar');
      await page.locator('button[popovertarget="starlight__sidebar"]').click();
      await menu.locator('starlight-theme-select select').selectOption('light');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
      await menu.locator('starlight-theme-select select').selectOption('dark');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');

      // Wider than Starlight's 50em breakpoint they are back in the header, visible, still working.
      await page.setViewportSize({ width: 1280, height: 800 });
      const header = page.locator('header .right-group');
      await expect.poll(() => header.locator('starlight-theme-select select').isVisible()).toBe(true);
      await header.locator('starlight-theme-select select').selectOption('light');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('light');

      await page.setViewportSize({ width: 390, height: 800 });
      await page.locator('button[popovertarget="starlight__sidebar"]').click();
      await menu.locator('starlight-lang-select select').selectOption({ label: 'English' });
      await page.waitForURL(/\/en\/runbooks\/cloud-sql-failover\/$/);
      expect(problems).toEqual([]);
    });
  });
}

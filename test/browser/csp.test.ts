/**
 * The built site under its own strict Content-Security-Policy, sent as a real HTTP header from the
 * `_headers` file the build wrote: one page of every kind, each feature used, and not one
 * violation or console error. At the domain root and under a base path.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../bench/harness/browser.ts';
import { openCspPage } from '../support/csp-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the search dialog, types a word, and returns the result links it shows (whatever draws them). */
async function searchResults(page: Page, query: string) {
  await page.locator('button[data-open-modal]').first().click();
  const dialog = page.locator('dialog[open]');
  await dialog.locator('input').first().fill(query);
  const links = dialog.locator('a[href*="/runbooks/cloud-sql-failover/"]');
  await links.first().waitFor({ state: 'visible', timeout: 15_000 });
  return links;
}

for (const [name, site] of [
  ['at the domain root', () => inject('rootSecureSite')],
  ['under the /handbook/ base path', () => inject('subSecureSite')],
] as const) {
  describe(`the sample site ${name}, under its Content-Security-Policy`, () => {
    const url = (path: string) => new URL(path, site().url).href;
    const base = () => new URL(site().url).pathname;

    it('is served with the policy and the security headers from the _headers file the build wrote', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      const response = await page.goto(url('runbooks/cloud-sql-failover/'));
      const headers = response!.headers();
      const policy = headers['content-security-policy'];
      expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[^;]+; style-src 'self' 'sha256-/);
      expect(policy).toContain("object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
      expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      expect(headers).toMatchObject({ 'referrer-policy': 'same-origin', 'x-content-type-options': 'nosniff', 'x-robots-tag': 'noindex, nofollow' });
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(readFileSync(join(site().outDir, '_headers'), 'utf8').split('\n')[1]).toBe(`${base()}*`);
      // The page's own copy of the policy, for hosts that send no headers.
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(meta).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
      expect(meta).not.toContain('frame-ancestors');
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
      expect(await page.locator('[style]').count()).toBe(0);
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    // The same site either way: every check in this file runs on both.
    it(name === 'at the domain root' ? 'was made safe from every page as Astro rendered it' : 'was made safe from the pages read after the build', () => {
      const line = name === 'at the domain root' ? inject('postBuildLines').root : inject('postBuildLines').sub;
      const [, pages, known] = line.match(/Content-Security-Policy: (\d+) pages \((\d+) read while rendered\)/) ?? [];
      const html = readdirSync(site().outDir, { recursive: true }).filter((f) => String(f).endsWith('.html'));
      expect(html.length).toBeGreaterThan(100);
      expect(Number(pages)).toBe(html.length);
      expect(Number(known)).toBe(name === 'at the domain root' ? html.length : 0);
    });

    it('notices a violation, so every check here can fail', async () => {
      const { page, violations } = await openCspPage(browser);
      await page.goto(url(''));
      await page.evaluate(() => {
        document.body.setAttribute('style', 'color: red');
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.head.append(script);
      });
      await expect.poll(() => violations.map((v) => v.split(' ')[0]).sort()).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-attr']));
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    });

    it('runs the theme switch, whose choice the inline script applies again after a reload', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.goto(url('guideline/toil/'));
      const picker = page.locator('header starlight-theme-select select');
      await picker.selectOption('dark');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await picker.selectOption('light');
      await page.reload();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
      expect(await picker.inputValue()).toBe('light');
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('switches the UI language', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.goto(url('handover/oncall-rotation-lead/'));
      await page.locator('header starlight-lang-select select').selectOption({ label: 'English' });
      await page.waitForURL(/\/en\/handover\/oncall-rotation-lead\/$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('searches (the index loads from its static shards) and links each UI to its own page of the result', async () => {
      for (const [path, ui] of [['', ''], ['en/runbooks/', 'en/']]) {
        const { page, problems, violations } = await openCspPage(browser);
        await page.goto(url(path));
        const links = await searchResults(page, 'フェイルオーバー');
        expect(await links.first().getAttribute('href')).toMatch(new RegExp(`^${base()}${ui}runbooks/cloud-sql-failover/`));
        // The shortcut hint, hidden by a class until the search element is defined, is shown.
        await page.keyboard.press('Escape');
        await page.setViewportSize({ width: 1280, height: 800 });
        await expect.poll(() => page.locator('button[data-open-modal] > kbd').isVisible()).toBe(true);
        expect(violations, path).toEqual([]);
        expect(problems, path).toEqual([]);
      }
    });

    it('keeps onboarding progress across a reload', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.goto(url('onboarding/first-day/'));
      const box = page.locator('[data-testid="step"] input[type="checkbox"]').first();
      await box.check();
      await page.reload();
      // The boxes are restored when the page's module script runs, which under a full test run
      // on 2 cores took longer than expect.poll's default second.
      await expect.poll(() => box.isChecked(), { timeout: 15_000 }).toBe(true);
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('opens the mobile menu on a phone', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(url('runbooks/deploy-rollback/'));
      const menu = page.locator('#starlight__sidebar');
      expect(await menu.isVisible()).toBe(false);
      await page.locator('button[popovertarget="starlight__sidebar"]').click();
      await expect.poll(() => menu.isVisible()).toBe(true);
      await menu.locator('starlight-theme-select select').selectOption('dark');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('copies a code block, with the button saying so, and colours its tokens from the shared stylesheet', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site().url).origin });
      await page.goto(url('runbooks/cloud-sql-failover/'));
      const block = page.locator('.expressive-code').first();
      const code = await block.locator('button').first().getAttribute('data-code');
      await block.hover();
      await block.locator('.copy button').click();
      await expect.poll(() => block.locator('.copy .feedback').textContent()).toBe('コピーしました！');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code!.replace(/\u007f/g, '\n'));
      // Token spans lost their style attribute; their colour comes from a class now.
      const token = block.locator(".ec-line span[class^='hk-v']").first();
      const colour = await token.evaluate((el) => ({ own: getComputedStyle(el).color, line: getComputedStyle(el.closest('.ec-line')!).color, var: getComputedStyle(el).getPropertyValue('--1') }));
      expect(colour.var).toMatch(/^#[0-9A-F]{6}$/i);
      expect(colour.own).not.toBe(colour.line);
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('draws the retro chart and lists the open actions', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.goto(url('retros/'));
      const chart = page.getByTestId('retro-chart');
      expect(await chart.locator('rect[data-series]').count()).toBeGreaterThan(4);
      const box = await chart.locator('svg').boundingBox();
      expect(box!.height).toBeGreaterThan(50);
      // The bars are coloured by the site's stylesheet, not black (no styles at all).
      expect(await chart.locator('rect.hk-bar-keep').first().evaluate((r) => getComputedStyle(r).fill)).not.toBe('rgb(0, 0, 0)');
      await page.goto(url('retros/actions/'));
      expect(await page.getByTestId('open-actions-summary').innerText()).toMatch(/\d+ 件/);
      await page.goto(url('retros/2026-10-15-platform-team/'));
      expect(await page.getByTestId('retro-followups').isVisible()).toBe(true);
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('shows the knowledge report, and its table of contents follows the reader', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.goto(url('knowledge/'));
      expect(await page.getByTestId('review-due').locator('tr').count()).toBeGreaterThan(1);
      const toc = page.locator('starlight-toc');
      const last = toc.locator('a').last();
      await last.click();
      await expect.poll(() => last.getAttribute('aria-current')).toBe('true');
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('lists the alerts, and an alert page forwards to its runbook', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      await page.goto(url('alerts/'));
      expect(await page.locator('main a[href*="/alerts/"]').count()).toBeGreaterThan(0);
      await page.goto(url('alerts/TerraformApplyFailed/'));
      await page.waitForURL(/\/runbooks\/terraform-state-lock\/$/);
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('shows the 404 page with its search', async () => {
      const { page, problems, violations } = await openCspPage(browser);
      const response = await page.goto(url('no-such-page/'));
      expect(response!.status()).toBe(404);
      expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await searchResults(page, 'フェイルオーバー');
      expect(violations).toEqual([]);
      // The 404 itself is the only problem: its status, as the browser logs it.
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    });
  });
}

/**
 * A newcomer walking an onboarding path in a real browser, on the sample site built under the
 * /handbook/ base path (and at the root for the home page): progress survives a reload, "next"
 * walks from page to page, reset clears, and the list still works with JavaScript off.
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

const sub = () => inject('subSite').url; // http://127.0.0.1:<port>/handbook/
const root = () => inject('rootSite').url;
const boxes = (page: Page) => page.locator('[data-testid="step"] input[type="checkbox"]');
const checked = (page: Page) => boxes(page).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked));
const summary = (page: Page) => page.getByTestId('onboarding-path').getByTestId('progress-summary').textContent();

describe('a path page', () => {
  it('keeps ticked steps across a reload, under a base path', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${sub()}onboarding/before-oncall/`);
    await expect.poll(() => boxes(page).first().isEnabled()).toBe(true);
    expect(await boxes(page).count()).toBe(10);
    expect(await summary(page)).toMatch(/^0 \/ 10 完了 · 残り約 1 時間 \d+ 分$/);

    await boxes(page).nth(0).check();
    await boxes(page).nth(2).check();
    expect(await summary(page)).toMatch(/^2 \/ 10 完了/);

    await page.reload();
    // Restored when the module script runs: seconds, on a loaded machine.
    await expect.poll(() => checked(page), { timeout: 15_000 }).toEqual([true, false, true, false, false, false, false, false, false, false]);
    expect(await summary(page)).toMatch(/^2 \/ 10 完了/);
    expect(await page.locator('#step-1').getAttribute('class')).toMatch(/hk-done/);
    // "Continue" points at the first step not done: step 2 is a task, so its place on this page.
    const resume = page.getByTestId('resume');
    expect(await resume.getAttribute('href')).toBe('#step-2');
    expect(await resume.textContent()).toContain('PagerDuty');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reset clears the progress, also after a reload', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${sub()}onboarding/first-day/`);
    await boxes(page).nth(0).check();
    await boxes(page).nth(1).check();
    expect(await summary(page)).toMatch(/^2 \/ 6 完了/);

    await page.getByTestId('reset-progress').click();
    expect(await checked(page)).toEqual([false, false, false, false, false, false]);
    expect(await summary(page)).toMatch(/^0 \/ 6 完了/);
    await page.reload();
    await expect.poll(() => boxes(page).first().isEnabled()).toBe(true);
    expect(await checked(page)).toEqual([false, false, false, false, false, false]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('onboarding')))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('marks a step whose page is overdue for review, and only that one', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${sub()}onboarding/before-oncall/`);
    // Sample content: gke-node-pressure was reviewed 2026-05-01 every 90 days; the build is pinned to 2026-11-24.
    const overdue = page.locator('[data-testid="step"]:has([data-testid="overdue"])');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.locator('a').first().getAttribute('href')).toBe('/handbook/runbooks/gke-node-pressure/');
    expect(await overdue.textContent()).toContain('2026-07-30');
    await page.context().close();
  });

  it('shows reading times and the total', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${sub()}onboarding/before-oncall/`);
    const minutes = await page.getByTestId('step-minutes').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-minutes'))));
    expect(minutes).toHaveLength(10);
    expect(minutes.every((m) => m >= 1)).toBe(true);
    const total = Number(await page.getByTestId('total-minutes').getAttribute('data-minutes'));
    expect(total).toBe(minutes.reduce((a, b) => a + b, 0));
    await page.context().close();
  });

  it('still lists every step with JavaScript off', async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${sub()}onboarding/before-oncall/`);
    const steps = page.getByTestId('step');
    expect(await steps.count()).toBe(10);
    expect(await steps.first().locator('a').getAttribute('href')).toBe('/handbook/guideline/oncall-incident-response/');
    expect(await steps.nth(1).textContent()).toContain('PagerDuty');
    // The boxes are there but inert, and say why; the reset button is not offered.
    expect(await boxes(page).first().isDisabled()).toBe(true);
    expect(await page.getByTestId('reset-progress').isVisible()).toBe(false);
    expect(await page.locator('noscript').first().textContent()).toContain('JavaScript');
    await page.context().close();
  });

  it('works when writing to storage fails (quota full): boxes still tick, a note explains', async () => {
    const { page, problems } = await openPage(browser);
    await page.addInitScript(() => {
      for (const name of ['setItem', 'removeItem'] as const) {
        const original = Storage.prototype[name] as (...args: string[]) => void;
        Storage.prototype[name] = function (this: Storage, ...args: string[]) {
          // Only our writes fail: Starlight's theme script writes too and does not catch.
          if (this === window.localStorage && String(args[0]).startsWith('hikitsugi:')) {
            throw new DOMException('full', 'QuotaExceededError');
          }
          return original.apply(this, args);
        } as never;
      }
    });
    await page.goto(`${sub()}onboarding/first-day/`);
    expect(await page.locator('[data-hk-storage-warning]').isVisible()).toBe(false);
    await boxes(page).nth(0).check();
    expect(await summary(page)).toMatch(/^1 \/ 6 完了/);
    expect(await page.locator('[data-hk-storage-warning]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works when localStorage cannot even be opened (site data blocked)', async () => {
    const { page, problems } = await openPage(browser);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(`${sub()}onboarding/first-day/`);
    await boxes(page).nth(0).check();
    await boxes(page).nth(1).check();
    expect(await summary(page)).toMatch(/^2 \/ 6 完了/);
    expect(await page.locator('[data-hk-storage-warning]').isVisible()).toBe(true);
    // Starlight's own theme script also throws here; ours must not add to it.
    expect(problems.filter((p) => /onboarding|hk-/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('shows a step ticked in another tab without a reload', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${sub()}onboarding/first-week/`);
    const other = await page.context().newPage();
    await other.goto(`${sub()}onboarding/first-week/`);
    await expect.poll(() => boxes(other).first().isEnabled()).toBe(true);
    await boxes(other).nth(4).check();
    await expect.poll(() => checked(page)).toEqual([false, false, false, false, true, false, false]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('ignores a stored value it cannot read instead of breaking', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${sub()}onboarding/first-day/`);
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':first-day')) ?? 'hikitsugi:onboarding:/handbook/:first-day';
      localStorage.setItem(key, '{not json');
    });
    await page.reload();
    await expect.poll(() => boxes(page).first().isEnabled()).toBe(true);
    expect(await checked(page)).toEqual([false, false, false, false, false, false]);
    await boxes(page).nth(3).check();
    await page.reload();
    await expect.poll(() => checked(page)).toEqual([false, false, false, true, false, false]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the step banner on content pages', () => {
  it('walks the path with "next", through a task step to its place on the path page', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${sub()}guideline/sre-values/`);
    const banner = page.locator('[data-testid="path-banner"][data-hk-path="first-day"]');
    expect(await banner.textContent()).toContain('ステップ 1 / 6（初日に読むもの・やること）');
    expect(await banner.getByTestId('banner-prev').count()).toBe(0);

    await banner.getByTestId('banner-next').click();
    await page.waitForURL(`${sub()}guideline/remote-team-habits/`);
    const second = page.locator('[data-testid="path-banner"][data-hk-path="first-day"]');
    expect(await second.textContent()).toContain('ステップ 2 / 6');

    // Step 3 is a task (join Slack channels): "next" goes to it on the path page.
    await second.getByTestId('banner-next').click();
    await page.waitForURL(`${sub()}onboarding/first-day/#step-3`);
    expect(await page.locator('#step-3').textContent()).toContain('Slack');

    await page.goBack();
    await page.locator('[data-testid="path-banner"][data-hk-path="first-day"]').getByTestId('banner-prev').click();
    await page.waitForURL(`${sub()}guideline/sre-values/`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('ticking a step on its page shows on the path page and on the index, in both UI languages', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${sub()}runbooks/cloud-sql-failover/`);
    const done = page.getByTestId('banner-done');
    await expect.poll(() => done.isEnabled()).toBe(true);
    await done.check();

    await page.goto(`${sub()}en/onboarding/before-oncall/`);
    await expect.poll(() => checked(page)).toEqual([false, false, false, false, false, true, false, false, false, false]);
    expect(await summary(page)).toMatch(/^1 of 10 done · about \d+ h/);

    await page.goto(`${sub()}onboarding/`);
    const entry = page.locator('[data-testid="path-entry"][data-hk-path="before-oncall"]');
    await expect.poll(() => entry.getByTestId('progress-summary').textContent()).toMatch(/^1 \/ 10 完了/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a page in no path has no banner', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${sub()}handover/redash-ownership/`);
    expect(await page.getByTestId('path-banner').count()).toBe(0);
    await page.context().close();
  });
});

describe('finding the paths', () => {
  it('the home page sends a newcomer to the first-day path; the sidebar lists onboarding', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(root());
    await page.getByTestId('start-here').click();
    await page.waitForURL(`${root()}onboarding/first-day/`);
    expect(await page.locator('h1').textContent()).toContain('初日');
    expect(await page.locator('#starlight__sidebar a[href="/onboarding/"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the index lists the sample paths in order with their audience', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${sub()}onboarding/`);
    const entries = page.getByTestId('path-entry');
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-hk-path')))).toEqual(['first-day', 'first-week', 'before-oncall']);
    expect(await entries.nth(0).textContent()).toContain('初日');
    expect(await entries.nth(2).textContent()).toContain('オンコール参加前');
    expect(await entries.nth(0).locator('h2 a').getAttribute('href')).toBe('/handbook/onboarding/first-day/');
    await page.context().close();
  });
});

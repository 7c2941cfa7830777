/**
 * Stable alert URLs and alert coverage on the sample site, at the root and under a base path:
 * /alerts/<AlertName>/ opens the runbook, /alerts/ shows coverage with working links, and a
 * runbook page lists the rules that point to it.
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
])('alerts %s', (_, siteUrl) => {
  const at = (path: string) => new URL(path, siteUrl()).href;

  it('/alerts/<AlertName>/ leads to its runbook', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(at('alerts/CloudSQLInstanceDown/'));
    await page.waitForURL(/\/runbooks\/cloud-sql-failover\/$/);
    expect(new URL(page.url()).pathname).toBe(new URL(at('runbooks/cloud-sql-failover/')).pathname);
    expect(await page.locator('h1').first().innerText()).toBe('Cloud SQL のフェイルオーバー');
    // The rule's own template URL works the same: GKE rules use /alerts/{{ $labels.alertname }}/.
    await page.goto(at('alerts/GKENodeNotReady/'));
    await page.waitForURL(/\/runbooks\/gke-node-pressure\/$/);
    expect(problems).toEqual([]);
  });

  it('without JavaScript too (a static redirect)', async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(at('alerts/TerraformApplyFailed/'));
    await page.waitForURL(/\/runbooks\/terraform-state-lock\/$/);
    expect(new URL(page.url()).pathname).toBe(new URL(at('runbooks/terraform-state-lock/')).pathname);
  });

  it('an alert two runbooks answer lists both', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(at('alerts/ApiErrorBudgetBurnMedium/'));
    const links = page.getByTestId('alert-runbook');
    expect(await links.count()).toBe(2);
    expect(new URL(page.url()).pathname).toBe(new URL(at('alerts/ApiErrorBudgetBurnMedium/')).pathname);
    await links.filter({ hasText: 'デプロイのロールバック' }).click();
    await page.waitForURL(/\/runbooks\/deploy-rollback\/$/);
    expect(new URL(page.url()).pathname).toBe(new URL(at('runbooks/deploy-rollback/')).pathname);
    expect(problems).toEqual([]);
  });

  it('/alerts/ shows coverage, and every link on it opens', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(at('alerts/'));
    const count = (name: string) => page.locator(`[data-count="${name}"]`).innerText().then(Number);
    expect(await count('names')).toBe(14);
    expect(await count('covered')).toBe(14);
    for (const n of ['without-runbook', 'broken', 'stale', 'severity']) expect(await count(n), n).toBe(0);
    const row = page.getByTestId('alerts-covered').locator('tr[data-alert="CloudSQLInstanceDown"]');
    expect(await row.innerText()).toContain('content/alerts/terraform/cloud-monitoring.tf:12');
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toContain(new URL(at('alerts/CloudSQLInstanceDown/')).pathname);
    for (const href of new Set(hrefs)) {
      const res = await page.request.get(new URL(href, siteUrl()).href);
      expect(res.status(), href).toBe(200);
    }
    await row.getByRole('link', { name: 'CloudSQLInstanceDown' }).click();
    await page.waitForURL(/\/runbooks\/cloud-sql-failover\/$/);
    expect(problems).toEqual([]);
  });

  it('a runbook page lists the rules that point to it, with their source file', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(at('runbooks/gke-node-pressure/'));
    const rules = page.getByTestId('runbook-alert-rules');
    await expect(rules.isVisible()).resolves.toBe(true);
    const items = await rules.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-alert')));
    expect(items).toEqual(['GKENodeMemoryPressure', 'GKENodeDiskPressure', 'GKENodeNotReady', 'PodEvictionRateHigh']);
    expect(await rules.innerText()).toContain('content/alerts/prometheus/gke-prometheusrule.yaml:12');
    expect(problems).toEqual([]);
  });
});

describe('alerts in the English UI', () => {
  it('/en/alerts/<AlertName>/ leads to the English page of the runbook; the sidebar has the coverage page', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL('en/alerts/RedashQueueBacklog/', inject('subSite').url).href);
    await page.waitForURL(/\/handbook\/en\/runbooks\/redash-dashboard-broken\/$/);
    await page.getByRole('link', { name: 'Alerts and runbooks' }).first().click();
    await page.waitForURL(/\/handbook\/en\/alerts\/$/);
    expect(await page.locator('h1').innerText()).toBe('Alerts and runbooks');
    expect(problems).toEqual([]);
  });
});

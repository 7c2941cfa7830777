/**
 * A hostile Miro board, imported with the real CLI and built with the real site: every attack
 * shows as the literal characters on the page, nothing runs at build or in the browser, and no
 * javascript: link exists. Also served with the site's own security headers (the strict
 * Content-Security-Policy of its _headers file): no violation, the same literal text.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, runAstro, type BuildResult } from '../support/build.ts';
import { makeContentDir } from '../support/content-fixture.ts';
import { launchBrowser, openPage } from '../../bench/harness/browser.ts';
import { openCspPage } from '../support/csp-page.ts';
import { serveStatic, type StaticSite } from '../../bench/harness/static-server.ts';
import { ATTACKS, hostileBoard, startMiroServer, TEST_TOKEN } from '../../bench/harness/miro-server.ts';

const board = hostileBoard();
const EXPECTED = [...ATTACKS.map((a) => a.text), '{process.exit(2)}', '</script><script>alert(5)</script>'];

let build: BuildResult;
let site: StaticSite;
let secure: StaticSite;
let browser: Browser;
let pagePath = '';

function importHostile(contentDir: string, url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(REPO, 'node_modules/tsx/dist/cli.mjs'), join(REPO, 'scripts/kpt-import.ts'), '--board', board.board.id, '--content-dir', contentDir, '--team', 'SRE', '--owner', 'aoki'],
      { env: { ...process.env, MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: url } },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out }));
  });
}

beforeAll(async () => {
  const miro = await startMiroServer({ boards: [board] });
  const contentDir = makeContentDir();
  const imported = await importHostile(contentDir, miro.url).finally(() => miro.close());
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.out}`);
  pagePath = imported.out.split('\n').find((l) => l.endsWith('.mdx'))!;
  build = await runAstro({ contentDir });
  site = await serveStatic(build.outDir, '/');
  secure = await serveStatic(build.outDir, '/', { hostHeaders: true });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await secure?.close();
});

describe('a hostile board on the built site', () => {
  it('imports into front matter only and builds', () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
    const source = readFileSync(pagePath, 'utf8');
    expect(source.split('\n---\n')[1]).not.toMatch(/process|script|javascript/);
  });

  it('shows every attack as literal text, runs nothing, links nowhere', async () => {
    const { page, problems } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const slug = pagePath.split('/').pop()!.replace(/\.mdx$/, '');
    const response = await page.goto(`${site.url}retros/${slug}/`);
    expect(response?.status()).toBe(200);
    const texts = await page.locator('[data-testid="retro-items"] .hk-kpt-text').allTextContents();
    expect(texts).toEqual(EXPECTED);
    for (const t of EXPECTED) {
      if (t.includes('\n')) continue;
      await expect(page.getByText(t, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('img[onerror], [onerror], [onclick]').count()).toBe(0);
    const scripts = await page.locator('script').allTextContents();
    expect(scripts.some((s) => /alert\(|process\.exit/.test(s))).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    // The author name is text too.
    await expect(page.getByText('(<b>Mallory</b> {x})').first().isVisible()).resolves.toBe(true);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('the retros index lists the page with escaped text', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${site.url}retros/`);
    // The timeline's link (the chart also names the retro, in an SVG tooltip).
    await expect(page.getByTestId('retros-index').getByRole('link', { name: '振り返り 2025-06-12（SRE）' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('under the site\'s Content-Security-Policy header: no violation, the same literal text', async () => {
    const { page, problems, violations } = await openCspPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const slug = pagePath.split('/').pop()!.replace(/\.mdx$/, '');
    const response = await page.goto(`${secure.url}retros/${slug}/`);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
    expect(await page.locator('[data-testid="retro-items"] .hk-kpt-text').allTextContents()).toEqual(EXPECTED);
    expect(await page.locator('[style]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    await page.goto(`${secure.url}retros/`);
    expect(await page.getByTestId('retro-chart').locator('rect[data-series]').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});

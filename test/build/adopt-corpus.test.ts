/**
 * A team's existing runbooks, adopted for real: the 117-file Hugo corpus of
 * prometheus-operator/runbooks (shared/corpus, beside the repository) is adopted into a fresh
 * content folder, which must then load like the build loads it, lint without errors, build,
 * and be searchable in the browser.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, runAstro, type BuildResult } from '../support/build.ts';
import { runScript, type CliResult } from '../support/cli.ts';
import { makeContentDir } from '../support/content-fixture.ts';
import { LINT_CLEAN_FILES } from '../support/lint-fixture.ts';
import { launchBrowser, openPage } from '../../bench/harness/browser.ts';
import { serveStatic, type StaticSite } from '../../bench/harness/static-server.ts';
import { loadContent } from '../../src/io/content-store.ts';
import type { RunbookData } from '../../src/lib/content/schema.ts';

/** shared/ sits beside the repository (CI, /work/main) or one level up (a worktree in wt/). */
function corpusDir(): string {
  const candidates = ['../shared', '../../shared'].map((p) => resolve(REPO, p, 'corpus/prometheus-operator-runbooks'));
  const found = candidates.find((c) => existsSync(join(c, 'content/runbooks')));
  if (!found) {
    throw new Error(`the runbook corpus is missing: expected shared/corpus/prometheus-operator-runbooks beside the repository (looked at ${candidates.join(', ')})`);
  }
  return found;
}

describe('adopting the prometheus-operator runbooks', () => {
  let contentDir: string;
  let adopt: CliResult;
  let adoptDocs: CliResult;
  let built: BuildResult;

  beforeAll(async () => {
    // A temporary copy: adoption must not depend on (or touch) the shared corpus.
    const copy = mkdtempSync(join(tmpdir(), 'hk-corpus-'));
    cpSync(corpusDir(), copy, { recursive: true });
    contentDir = makeContentDir(LINT_CLEAN_FILES);
    adopt = await runScript('adopt', [join(copy, 'content/runbooks'), '--kind', 'runbook', '--content-dir', contentDir]);
    // The docs folder has the corpus' unknown shortcodes ({{< param BookRepo >}}).
    adoptDocs = await runScript('adopt', [join(copy, 'content/docs'), '--kind', 'guideline', '--owner', 'aoki', '--into', 'contributing', '--content-dir', contentDir]);
    expect(adopt.code, adopt.stderr).toBe(0);
    expect(adoptDocs.code, adoptDocs.stderr).toBe(0);
    built = await runAstro({ contentDir });
  }, 300_000);

  it('adopts every Markdown runbook, converts the ref shortcodes and says what was skipped', () => {
    expect(adopt.stdout).toMatch(/^Adopted 108 pages into .*runbooks\/$/m);
    expect(adopt.stdout).toMatch(/shortcodes converted: 7 \(ref 7\); unknown, left as code: 0/);
    expect(adopt.stdout).toMatch(/front matter keys dropped: weight 100, aliases 2/);
    expect(adopt.stdout).toMatch(/skipped 10:/); // 9 _index.md with front matter only, 1 file without .md
    expect(adopt.stdout).toMatch(/prometheus-operator\/PrometheusOperatorSyncFailed: not Markdown/);
    expect(adopt.stdout).toMatch(/node\/_index\.md: section file with front matter only/);
    expect(adopt.stdout).toMatch(/first heading "PrometheusRemoteStorageFailures" dropped: the title is "Prometheus Remote Write Behind"/);
  });

  it('prints what needs a human: owners and severities for all 108 pages', () => {
    expect(adopt.stdout).toMatch(/Needs a human:\n {2}- no owner: add `owners:` .* \(108 pages: /);
    expect(adopt.stdout).toMatch(/severity set to "medium" by default: set the real one \(108 pages/);
  });

  it('reports unknown shortcodes with file and line, and leaves them visible as code', () => {
    expect(adoptDocs.stdout).toMatch(/unknown, left as code: 7 \(param 7\)/);
    expect(adoptDocs.stdout).toMatch(/contributing\/add-runbook\.md:28: unknown shortcode \{\{< param BookRepo >\}\} left as code/);
    const page = readFileSync(join(contentDir, 'guideline/contributing/add-runbook.md'), 'utf8');
    expect(page).toContain('New alertmanager runbook (`{{< param BookRepo >}}/new/main/content/runbooks/alertmanager`)');
  });

  it('writes valid front matter: service from the folder, alert from the file name, adopted_from', () => {
    const page = readFileSync(join(contentDir, 'runbooks/node/NodeRAIDDiskFailure.md'), 'utf8');
    expect(page).toBe(`---
title: Node RAID Disk Failure
owners: []
reviewed: 2026-11-24
service: node
severity: medium
alerts:
  - NodeRAIDDiskFailure
adopted_from: runbooks/node/NodeRAIDDiskFailure.md
---

See [Node RAID Degraded](./NodeRAIDDegraded.md)
`);
  });

  it('loads like the build loads it: no problems, owners waiting, for the knowledge report', () => {
    const content = loadContent(contentDir);
    expect(content.problems).toEqual([]);
    const adopted = content.pages.filter((p) => p.data.adopted_from);
    expect(adopted).toHaveLength(109);
    const runbooks = adopted.filter((p) => p.kind === 'runbooks');
    expect(runbooks).toHaveLength(108);
    expect(runbooks.every((p) => p.data.owners.length === 0)).toBe(true);
    expect(new Set(runbooks.map((p) => (p.data as RunbookData).service))).toEqual(
      new Set(['alertmanager', 'etcd', 'general', 'kube-state-metrics', 'kubernetes', 'node', 'prometheus', 'prometheus-operator']),
    );
  });

  it('the knowledge report lists the adopted runbooks as having no owner', async () => {
    const r = await runScript('knowledge', ['--json', '--no-git'], { env: { CONTENT_DIR: contentDir } });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { pages: { adopted_from: string | null; risk: string; at_risk: boolean }[] };
    const adopted = report.pages.filter((p) => p.adopted_from?.startsWith('runbooks/'));
    expect(adopted).toHaveLength(108);
    expect(adopted.every((p) => p.at_risk && p.risk === 'no-owner')).toBe(true);
  });

  it('lints with no errors (warnings list the missing sections)', async () => {
    const r = await runScript('lint-content', ['--content-dir', contentDir, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { errors: number; warnings: number; files: number; messages: { ruleId: string }[] };
    expect(report.errors, JSON.stringify(report.messages.filter((m) => (m as { severity?: string }).severity === 'error'), null, 1)).toBe(0);
    expect(r.code).toBe(0);
    expect(report.files).toBe(109 + 4);
    expect(report.messages.filter((m) => m.ruleId === 'required-sections')).toHaveLength(108);
  });

  it('builds, with the converted ref links pointing at the adopted pages', () => {
    expect(built.code, built.output.slice(-3000)).toBe(0);
    const html = readFileSync(join(built.outDir, 'runbooks/node/noderaiddiskfailure/index.html'), 'utf8');
    expect(html).toContain('href="/runbooks/node/noderaiddegraded/"');
    const entry = JSON.parse(readFileSync(join(built.outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(indexed).toBeGreaterThanOrEqual(109 + 4);
  });

  describe('in the browser', () => {
    let browser: Browser;
    let site: StaticSite;
    beforeAll(async () => {
      site = await serveStatic(built.outDir, '/');
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('site search finds an adopted runbook by a word from its text', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(site.url);
      // Starlight loads the search UI when the browser is idle; on a busy machine that takes a while.
      const input = page.locator('#starlight__search .pagefind-ui__search-input');
      await input.waitFor({ state: 'attached', timeout: 60_000 }).catch(async (e) => {
        throw new Error(`search UI never appeared: ${e.message}\nproblems: ${problems.join('\n')}\n${(await page.content()).slice(0, 2000)}`);
      });
      await page.click('button[data-open-modal]:not([disabled])');
      await input.fill('conntrack');
      const first = page.locator('#starlight__search .pagefind-ui__result-link').first();
      await first.waitFor({ timeout: 30_000 });
      expect(await first.textContent()).toBe('Node High Number Conntrack Entries Used');
      await first.click();
      await page.waitForURL(/\/runbooks\/node\/nodehighnumberconntrackentriesused\//);
      expect(await page.locator('h1').first().textContent()).toContain('Node High Number Conntrack Entries Used');
      // The site has no favicon yet (not this feature's); any other failed request still shows as "http 4xx: url".
      expect(problems.filter((p) => !/favicon\.svg|console: Failed to load resource/.test(p))).toEqual([]);
    });
  });
});

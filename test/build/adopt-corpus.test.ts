/**
 * A team's existing runbooks, adopted for real: the 117-file Hugo corpus of
 * prometheus-operator/runbooks (shared/corpus, beside the repository) is adopted into a fresh
 * content folder, which must then load like the build loads it, lint without errors, build,
 * and be searchable in the browser.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
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
import { listPageFiles } from '../../src/io/page-files.ts';
import { readSearchMeta } from '../../src/io/search-index.ts';
import { slugForFile } from '../../src/lib/content/slugs.ts';
import { commentSentences, contentUrls, htmlText, normalize, sourceSentences } from '../support/page-text.ts';

/** shared/ sits beside the repository (CI, /work/main) or one level up (a worktree in wt/). */
const RUNBOOK_CANDIDATES = ['../shared', '../../shared'].map((p) => resolve(REPO, p, 'corpus/prometheus-operator-runbooks'));
const runbookCorpus = RUNBOOK_CANDIDATES.find((c) => existsSync(join(c, 'content/runbooks')));
function corpusDir(): string {
  return runbookCorpus!;
}

describe.skipIf(!runbookCorpus)(
  runbookCorpus ? 'adopting the prometheus-operator runbooks' : `adopting the prometheus-operator runbooks: SKIPPED, the corpus is absent (looked at ${RUNBOOK_CANDIDATES.join(', ')})`,
  () => {
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
    expect(adopt.stdout).toMatch(/first heading "PrometheusRemoteStorageFailures" differs from the title "Prometheus Remote Write Behind": kept as a section heading/);
  });

  it('prints what needs a human: owners and severities for all 108 pages', () => {
    expect(adopt.stdout).toMatch(/Needs a human[^\n]*:\n {2}- no owner: add `owners:` .* \(108 pages: /);
    expect(adopt.stdout).toMatch(/severity set to "medium" by default: set the real one \(108 pages/);
  });

  it('reports unknown shortcodes with file and line, and leaves them visible as code', () => {
    expect(adoptDocs.stdout).toMatch(/unknown, left as code: 7 \(param 7\)/);
    expect(adoptDocs.stdout).toMatch(/contributing\/add-runbook\.md:30: unknown shortcode \{\{< param BookRepo >\}\} left as code/);
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
    expect(readSearchMeta(built.outDir).pages.length).toBeGreaterThanOrEqual(109 + 4);
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
      await page.click('site-search button[data-open-modal]:not([disabled])', { timeout: 60_000 });
      await page.locator('site-search input[data-search-input]').fill('conntrack');
      const first = page.locator('site-search .hk-search-result .hk-search-title').first();
      await first.waitFor({ timeout: 30_000 });
      expect(await first.textContent()).toBe('Node High Number Conntrack Entries Used');
      await first.click();
      await page.waitForURL(/\/runbooks\/node\/nodehighnumberconntrackentriesused\//);
      expect(await page.locator('h1').first().textContent()).toContain('Node High Number Conntrack Entries Used');
      // The site has no favicon yet (not this feature's); any other failed request still shows as "http 4xx: url".
      expect(problems.filter((p) => !/favicon\.svg|console: Failed to load resource/.test(p))).toEqual([]);
    });
  });
},
);

/**
 * Issue 13: whole folders from other generators (Hugo, plain Markdown with images, VitePress,
 * mdBook) adopted into one content tree, each in its own folder, and built once (Japanese UI
 * only: the English copy of each page is the same content). Nothing the source says may be
 * missing from the built page, and every link and image on those pages must lead somewhere.
 */
const CORPORA = ['prometheus-operator-runbooks', 'openshift-runbooks', 'vue-docs-ja', 'rust-book-ja'] as const;
const corpusRoot = ['../shared', '../../shared'].map((p) => resolve(REPO, p, 'corpus')).find((c) => CORPORA.every((n) => existsSync(join(c, n))));

describe.skipIf(!corpusRoot)(
  corpusRoot ? 'adopting four real docs folders and building them' : `adopting four real docs folders: SKIPPED, the corpus is absent (expected ${CORPORA.join(', ')} in ../shared/corpus/)`,
  () => {
    const adopted = new Map<string, CliResult>();
    let sources: string;
    let contentDir: string;
    let publicDir: string;
    let built: BuildResult;
    /** Every adopted page: where its source is and where it was built. */
    let pages: { corpus: string; source: string; file: string; html: string }[];

    beforeAll(async () => {
      sources = mkdtempSync(join(tmpdir(), 'hk-corpora-'));
      contentDir = makeContentDir(LINT_CLEAN_FILES);
      publicDir = join(sources, '.public');
      for (const name of CORPORA) {
        cpSync(join(corpusRoot!, name), join(sources, name), { recursive: true });
        const r = await runScript('adopt', [join(sources, name), '--kind', 'runbook', '--into', name, '--content-dir', contentDir, '--public-dir', publicDir]);
        adopted.set(name, r);
        expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      }
      built = await runAstro({ contentDir, publicDir, env: { HIKITSUGI_UI: 'ja' } });
      pages = [];
      for (const name of CORPORA) {
        for (const file of listPageFiles(join(contentDir, 'runbooks', name))) {
          const origin = /^adopted_from: (.*)$/m.exec(readFileSync(file, 'utf8'))![1];
          const route = `/runbooks/${slugForFile(relative(join(contentDir, 'runbooks'), file))}/`;
          pages.push({ corpus: name, source: join(sources, origin), file, html: join(built.outDir, route, 'index.html') });
        }
      }
    }, 900_000);

    /** The counts the adopt report prints, for the closing note of the issue. */
    const counts = (out: string) => ({
      pages: Number(/^Adopted (\d+) page/m.exec(out)?.[1]),
      assets: Number(/files the pages use, copied: (\d+)/.exec(out)?.[1]),
      links: Number(/links rewritten to the adopted pages and files: (\d+)/.exec(out)?.[1]),
      needsHuman: Number(/^Needs a human \((\d+) spots/m.exec(out)?.[1] ?? 0),
    });

    it('adopts every Markdown page of each folder and copies the files they use', () => {
      const table = Object.fromEntries(CORPORA.map((n) => [n, counts(adopted.get(n)!.stdout)]));
      console.log(`adopt counts: ${JSON.stringify(table)}`);
      expect(table['openshift-runbooks']).toMatchObject({ pages: 275, assets: 7 });
      expect(table['vue-docs-ja'].pages).toBe(111);
      expect(table['rust-book-ja'].pages).toBe(106);
      expect(table['vue-docs-ja'].links).toBeGreaterThan(500);
      // The diagram linked (not shown) is served from public/, the screenshots sit beside their pages.
      expect(existsSync(join(publicDir, 'adopted/runbooks/openshift-runbooks/alerts/cluster-network-operator/hierarchy/alerts-hierarchy.svg'))).toBe(true);
      expect(existsSync(join(contentDir, 'runbooks/openshift-runbooks/alerts/cluster-kube-apiserver-operator/img/kubeapierrorbudgetburn-error-types.png'))).toBe(true);
    });

    it('says what it could not carry over, with file and line', () => {
      const rust = adopted.get('rust-book-ja')!.stdout;
      expect(rust).toMatch(/rust-book-ja\/ch02-00-guessing-game-tutorial\.md:\d+: mdBook \{\{#include\}\} kept as code: \.\.\/listings\/\S+ is not in the source folder/);
      expect(rust).toMatch(/rust-book-ja\/ch04-01-what-is-ownership\.md:\d+: image target "img\/trpl04-01\.svg" is not in the source folder/);
      const vue = adopted.get('vue-docs-ja')!.stdout;
      expect(vue).toMatch(/vue-docs-ja\/\S+\.md:\d+: a <script>\/<style> block of the source page is kept as code/);
    });

    it('builds with no error', () => {
      expect(built.code, built.output.slice(-3000)).toBe(0);
      expect(built.output.split('\n').filter((l) => /\[ERROR\]/.test(l))).toEqual([]);
      expect(pages.length).toBeGreaterThan(590);
      expect(pages.filter((p) => !existsSync(p.html)).map((p) => p.file)).toEqual([]);
    });

    it("every adopted page holds its source's text, sentence by sentence", () => {
      const missing: string[] = [];
      for (const p of pages) {
        const text = normalize(htmlText(readFileSync(p.html, 'utf8')));
        for (const s of sourceSentences(readFileSync(p.source, 'utf8'))) if (!text.includes(normalize(s))) missing.push(`${relative(sources, p.source)}: ${s.slice(0, 120)}`);
      }
      expect(missing.slice(0, 30), `${missing.length} sentences missing`).toEqual([]);
    });

    it('English text inside HTML comments is not on the page', () => {
      const shown: string[] = [];
      for (const p of pages) {
        const source = readFileSync(p.source, 'utf8');
        const outside = normalize(sourceSentences(source).join(''));
        const html = normalize(readFileSync(p.html, 'utf8'));
        for (const s of commentSentences(source)) {
          const n = normalize(s);
          // Long English sentences only, and not also written outside a comment (or in code).
          if (n.length < 25 || !/^[\x20-\x7e]+$/.test(s) || outside.includes(n) || normalize(source.replace(/<!--[\s\S]*?-->/g, '')).includes(n)) continue;
          if (html.includes(n)) shown.push(`${relative(sources, p.source)}: ${s.slice(0, 100)}`);
        }
      }
      expect(shown.slice(0, 20), `${shown.length} commented sentences on pages`).toEqual([]);
    });

    it('every image and local link on those pages resolves in dist/', () => {
      const broken: string[] = [];
      const idsOf = new Map<string, Set<string>>();
      const ids = (file: string) => {
        let set = idsOf.get(file);
        if (!set) idsOf.set(file, (set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))));
        return set;
      };
      for (const p of pages) {
        const pageUrl = `/${relative(built.outDir, p.html).replace(/index\.html$/, '')}`;
        for (const { tag, url } of contentUrls(readFileSync(p.html, 'utf8'))) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
          const [pathPart, fragment] = url.split('#');
          const path = decodeURI(new URL(pathPart || pageUrl, `http://site${pageUrl}`).pathname);
          const file = join(built.outDir, path.endsWith('/') ? `${path}index.html` : path);
          if (!existsSync(file)) {
            broken.push(`${relative(sources, p.source)}: <${tag}> ${url}`);
            continue;
          }
          if (fragment && file.endsWith('.html') && !ids(file).has(decodeURIComponent(fragment))) broken.push(`${relative(sources, p.source)}: <${tag}> ${url} (no such anchor)`);
        }
      }
      expect(broken.slice(0, 30), `${broken.length} broken`).toEqual([]);
    });

    it('--dry-run shows the same and writes nothing', async () => {
      const fresh = makeContentDir(LINT_CLEAN_FILES);
      const before = walkFiles(fresh);
      const freshPublic = join(sources, '.public-dry');
      const r = await runScript('adopt', [join(sources, 'openshift-runbooks'), '--kind', 'runbook', '--into', 'openshift-runbooks', '--content-dir', fresh, '--public-dir', freshPublic, '--dry-run']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Would adopt 275 pages/m);
      expect(r.stdout).toMatch(/files the pages use, to copy: 7 /);
      expect(counts(r.stdout.replace('to copy', 'copied')).needsHuman).toBe(counts(adopted.get('openshift-runbooks')!.stdout).needsHuman);
      expect(walkFiles(fresh)).toEqual(before);
      expect(existsSync(freshPublic)).toBe(false);
    }, 120_000);
  },
);

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The search-quality benchmark (issue #14): the Japanese Vue docs and Rust book (../shared/corpus)
 * adopted as guideline pages of this site and built once; the built site then carries our index
 * (hk-search/) and, written by Pagefind's Node API over the same HTML, a stock Pagefind index
 * (pagefind/), so both engines see exactly the same pages. Queries are drawn from the pages'
 * sentences (bench/search-quality.ts) and run in headless Chromium: ours through the site's
 * search dialog, Pagefind through its JS API (`pagefind.search()`, what its UI calls).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readSearchDocs, SEARCH_DIR } from '../src/io/search-index.ts';
import { launchBrowser } from './harness/browser.ts';
import { serveStatic } from './harness/static-server.ts';
import { dirSize, timedBuild } from './measure.ts';
import { hikitsugiRoot, REPO, WORK, type SiteProject } from './projects.ts';
import { median, type SearchQualityResult, type SearchEngineFigures } from './report.ts';
import { drawQueries, qualityFigures, sentenceText, type BenchQuery, type CorpusPage, type QueryOutcome } from './search-quality.ts';

export const SEARCH_CORPORA = ['vue-docs-ja', 'rust-book-ja'] as const;
export const SEARCH_QUERIES = 240;
export const SEARCH_SEED = 1;
/** Results looked at per query, for both engines: what the dialog lists. */
export const RESULT_DEPTH = 50;
const FIRST_SEARCH_TRIALS = 9;
const OWNER = 'tanaka';

/** shared/ sits beside the repository (/work/main) or one level up (a worktree). */
export function findSearchCorpus(): { root: string | undefined; looked: string[] } {
  const looked = ['../shared', '../../shared'].map((p) => resolve(REPO, p, 'corpus'));
  return { root: looked.find((c) => SEARCH_CORPORA.every((n) => existsSync(join(c, n)))), looked };
}

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.slice(-2000)}`))));
  });
}

/** Pagefind's files that a search loads (its UI bundles are not the index). */
function pagefindIndexSize(dir: string): { bytes: number; files: number } {
  const all = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const index = all.filter((e) => !/-ui\.|highlight/.test(e.name));
  return { bytes: index.reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0), files: index.length };
}

async function writePagefind(outDir: string): Promise<number> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  await pagefind.close();
  console.log(`    pagefind indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return added.page_count;
}

/** Our dialog: type the query, wait until the list shows it, read the links. In the page. */
async function ourSearch(page: Page, queries: string[]): Promise<QueryOutcome[]> {
  return page.evaluate(async ({ queries, depth }) => {
    const el = document.querySelector('site-search')!;
    (el.querySelector('button[data-open-modal]') as HTMLButtonElement).click();
    const input = el.querySelector('input[data-search-input]') as HTMLInputElement;
    const list = el.querySelector('[data-search-results]') as HTMLElement;
    const base = new URL(el.getAttribute('data-pages')!, location.href).pathname;
    const out: { q: string; results: string[] }[] = [];
    for (const q of queries) {
      input.value = q;
      input.dispatchEvent(new Event('input'));
      while (list.dataset.query !== q) await new Promise((r) => setTimeout(r, 2));
      const links = [...list.querySelectorAll('a')].slice(0, depth).map((a) => a.pathname.slice(base.length));
      out.push({ q, results: links });
    }
    return out;
  }, { queries, depth: RESULT_DEPTH });
}

async function pagefindSearch(page: Page, queries: string[]): Promise<QueryOutcome[]> {
  return page.evaluate(async ({ queries, depth }) => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    const out: { q: string; results: string[] }[] = [];
    for (const q of queries) {
      const search = await pagefind.search(q);
      const data = await Promise.all(search.results.slice(0, depth).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      out.push({ q, results: data.map((d) => new URL(d.url, location.href).pathname.slice(1)) });
    }
    return out;
  }, { queries, depth: RESULT_DEPTH });
}

/** Fresh browser context (nothing cached), page loaded: milliseconds until the first results show. */
async function firstSearch(browser: Browser, url: string, engine: 'hikitsugi' | 'pagefind', q: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (engine === 'pagefind') {
      return await page.evaluate(async (q) => {
        const started = performance.now();
        const pagefind = await import('/pagefind/pagefind.js' as string);
        const search = await pagefind.search(q);
        if (search.results[0]) await search.results[0].data();
        return performance.now() - started;
      }, q);
    }
    return await page.evaluate(async (q) => {
      const started = performance.now();
      const el = document.querySelector('site-search')!;
      (el.querySelector('button[data-open-modal]') as HTMLButtonElement).click();
      const input = el.querySelector('input[data-search-input]') as HTMLInputElement;
      const list = el.querySelector('[data-search-results]') as HTMLElement;
      input.value = q;
      input.dispatchEvent(new Event('input'));
      await new Promise<void>((done) => {
        if (list.dataset.query === q) return done();
        new MutationObserver((_, obs) => {
          if (list.dataset.query === q) {
            obs.disconnect();
            done();
          }
        }).observe(list, { attributes: true });
      });
      return performance.now() - started;
    }, q);
  } finally {
    await context.close();
  }
}

export async function searchBenchmark(options: { browser?: Browser; log?: (line: string) => void } = {}): Promise<SearchQualityResult> {
  const log = options.log ?? console.log;
  const { root: corpus, looked } = findSearchCorpus();
  if (!corpus) {
    const reason = `the corpus is absent (expected ${SEARCH_CORPORA.join(' and ')} in ${looked.join(' or ')})`;
    log(`  search quality: SKIPPED, ${reason}`);
    return { status: 'skipped', reason };
  }
  const work = join(WORK, 'search');
  rmSync(work, { recursive: true, force: true });
  const siteRoot = join(work, 'site');
  const content = join(work, 'content');
  const sources = join(work, 'sources');
  const publicDir = join(work, 'public');
  hikitsugiRoot(siteRoot);
  mkdirSync(content, { recursive: true });
  copyFileSync(join(REPO, 'content', 'team.yaml'), join(content, 'team.yaml'));
  for (const name of SEARCH_CORPORA) {
    cpSync(join(corpus, name), join(sources, name), { recursive: true });
    const out = await run(process.execPath, [join(REPO, 'scripts', 'hikitsugi.mjs'), 'adopt', join(sources, name), '--kind', 'guideline', '--into', name, '--owner', OWNER, '--content-dir', content, '--public-dir', publicDir], REPO);
    log(`    adopt ${name}: ${/^Adopted .*$/m.exec(out)?.[0] ?? out.split('\n')[0]}`);
  }
  if (existsSync(publicDir)) cpSync(publicDir, join(siteRoot, 'public'), { recursive: true });
  const project: SiteProject = {
    id: 'a',
    n: 0,
    root: siteRoot,
    outDir: join(work, 'out'),
    cacheDir: join(work, 'cache'),
    env: { CONTENT_DIR: content, HIKITSUGI_UI: 'ja', HIKITSUGI_TODAY: '2026-11-24', BASE_PATH: '/' },
  };
  const build = await timedBuild(project, 'search-corpus');
  log(`    built ${build.pages} pages in ${(build.wallMs / 1000).toFixed(1)} s`);
  await writePagefind(project.outDir);

  const docs = readSearchDocs(project.outDir);
  const pages: CorpusPage[] = docs.map((d) => ({
    url: d.url,
    text: [d.title, ...d.headings, d.body].join('\n'),
    sentences: sentenceText(readFileSync(join(project.outDir, d.url, 'index.html'), 'utf8')),
  }));
  const queries: BenchQuery[] = drawQueries(pages, SEARCH_QUERIES, SEARCH_SEED);
  log(`    ${queries.length} queries from ${pages.length} pages`);

  const browser = options.browser ?? (await launchBrowser());
  const site = await serveStatic(project.outDir, '/');
  try {
    const outcomes: Record<'hikitsugi' | 'pagefind', QueryOutcome[]> = { hikitsugi: [], pagefind: [] };
    for (const engine of ['hikitsugi', 'pagefind'] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(site.url, { waitUntil: 'load' });
      outcomes[engine] = engine === 'hikitsugi' ? await ourSearch(page, queries.map((q) => q.q)) : await pagefindSearch(page, queries.map((q) => q.q));
      await context.close();
    }
    const times: Record<'hikitsugi' | 'pagefind', number[]> = { hikitsugi: [], pagefind: [] };
    // Interleaved, each on a fresh context, the same query for both.
    for (let i = 0; i < FIRST_SEARCH_TRIALS; i++) {
      const q = queries[(i * 7) % queries.length].q;
      for (const engine of ['hikitsugi', 'pagefind'] as const) times[engine].push(await firstSearch(browser, site.url, engine, q));
    }
    const figures = (engine: 'hikitsugi' | 'pagefind'): SearchEngineFigures => ({
      engine,
      ...qualityFigures(queries, outcomes[engine]),
      index: engine === 'hikitsugi' ? dirSize(join(project.outDir, SEARCH_DIR)) : pagefindIndexSize(join(project.outDir, 'pagefind')),
      firstSearchMs: times[engine],
    });
    const engines = [figures('hikitsugi'), figures('pagefind')];
    for (const e of engines) {
      log(
        `    ${e.engine}: recall ${(e.recall * 100).toFixed(1)}%, P@1 ${(e.precisionAt1 * 100).toFixed(1)}%, EF@5 ${(e.exactFirstAt5 * 100).toFixed(1)}%, ` +
          `index ${(e.index.bytes / 1e6).toFixed(2)} MB, first search ${median(e.firstSearchMs).toFixed(0)} ms`,
      );
    }
    const byKind = Object.fromEntries(['kanji', 'katakana', 'kana-kanji'].map((k) => [k, queries.filter((q) => q.kind === k).length]));
    const firstOf = (engine: 'hikitsugi' | 'pagefind', q: string) => outcomes[engine].find((o) => o.q === q)?.results[0] ?? null;
    // Queries where stock Pagefind's first result lacks the word: what the difference looks like.
    const examples = queries
      .filter((q) => !q.pages.includes(firstOf('pagefind', q.q) ?? ''))
      .slice(0, 8)
      .map((q) => ({ q: q.q, kind: q.kind, holders: q.pages.length, hikitsugi: firstOf('hikitsugi', q.q), pagefind: firstOf('pagefind', q.q) }));
    return {
      status: 'measured',
      date: new Date().toISOString(),
      corpus: [...SEARCH_CORPORA],
      pages: pages.length,
      seed: SEARCH_SEED,
      depth: RESULT_DEPTH,
      queries: { total: queries.length, byKind },
      engines,
      examples,
    };
  } finally {
    await site.close();
    if (!options.browser) await browser.close();
  }
}

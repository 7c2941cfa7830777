/**
 * The measurements with I/O: timed builds (wall time, CPU time, peak memory), page weight from
 * the built files and from Chromium, and Pagefind search timing in Chromium.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from './harness/static-server.ts';
import { ASTRO_BIN, cleanBuildState, WORK, type SiteProject } from './projects.ts';
import { median, treeRssKb, type ProcessSample, type SearchTiming, type SiteHtml, type SiteId } from './report.ts';
import { globSync } from 'tinyglobby';
export { chromeBytes } from './report.ts';

const GNU_TIME = '/usr/bin/time';

export interface BuildRun {
  wallMs: number;
  /** User + system CPU seconds of the build and its children (GNU time), when available. */
  cpuS: number | null;
  /** Kernel high-water mark of the largest single process (GNU time), in kB. */
  maxRssKb: number | null;
  /** Highest sum of RSS over the build's whole process tree, sampled every 100 ms, in kB. */
  treeRssKb: number;
  /** HTML pages Astro reported building. */
  pages: number | null;
}

export class BuildFailed extends Error {}

/** The processes under `root` (from /proc/<pid>/stat), with their command line and resident memory. */
function processTree(root: number): ProcessSample[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  }
  const out: ProcessSample[] = [];
  for (const pid of tree) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      out.push({ pid, ppid: parent.get(pid) ?? 0, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'latin1'), rssKb: rss ? Number(rss[1]) : 0 });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** One cold build of a project: clean output and caches, then `astro build` as a child process. */
export async function timedBuild(project: SiteProject, label: string): Promise<BuildRun> {
  cleanBuildState(project);
  const log = join(WORK, 'logs', `${label}.log`);
  const timeFile = join(WORK, 'logs', `${label}.time`);
  const haveTime = existsSync(GNU_TIME);
  const astro = [process.execPath, ASTRO_BIN, 'build'];
  const [cmd, ...args] = haveTime ? [GNU_TIME, '-v', '-o', timeFile, ...astro] : astro;
  mkdirSync(dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: project.outDir,
    CACHE_DIR: project.cacheDir,
    NO_COLOR: '1',
    ...project.env,
  };
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: project.root, env, stdio: ['ignore', out, out] });
  let peakTreeRss = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    peakTreeRss = Math.max(peakTreeRss, treeRssKb(processTree(child.pid), child.pid));
  }, 100);
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  closeSync(out);
  const output = readFileSync(log, 'utf8');
  if (code !== 0) {
    throw new BuildFailed(`${label}: astro build exited with ${code}; log: ${relative(process.cwd(), log)}\n${output.slice(-2000)}`);
  }
  let cpuS: number | null = null;
  let maxRssKb: number | null = null;
  if (haveTime) {
    const t = readFileSync(timeFile, 'utf8');
    const user = Number(/User time \(seconds\): ([\d.]+)/.exec(t)?.[1]);
    const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(t)?.[1]);
    cpuS = Number.isFinite(user + sys) ? user + sys : null;
    maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1]) || null;
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1]) || null;
  return { wallMs, cpuS, maxRssKb, treeRssKb: peakTreeRss, pages };
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export interface DirSize {
  bytes: number;
  files: number;
}

export function dirSize(dir: string): DirSize {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  const files = walkFiles(dir);
  return { bytes: files.reduce((sum, f) => sum + statSync(f).size, 0), files: files.length };
}

/** Sizes of every generated runbook page's HTML in a built site, by slug. */
export function runbookPageSizes(outDir: string): Map<string, number> {
  const dir = join(outDir, 'runbooks');
  const sizes = new Map<string, number>();
  for (const slug of readdirSync(dir)) {
    const file = join(dir, slug, 'index.html');
    if (existsSync(file)) sizes.set(slug, statSync(file).size);
  }
  return sizes;
}

const RUNBOOK_PAGE = /^(?:[a-z]{2}\/)?runbooks\/[^/]+\/index\.html$/;

/**
 * Sizes of every HTML page of a built site: the heaviest pages that are not runbook pages, largest
 * first, and the runbook pages (in every UI language).
 */
export function siteHtmlSizes(outDir: string, n: number, site: SiteId, keep = 5): SiteHtml {
  const runbooks: number[] = [];
  const other: { path: string; bytes: number }[] = [];
  for (const file of globSync('**/*.html', { cwd: outDir })) {
    const bytes = statSync(join(outDir, file)).size;
    if (RUNBOOK_PAGE.test(file)) runbooks.push(bytes);
    else other.push({ path: `/${file.replace(/(^|\/)index\.html$/, '$1')}`, bytes });
  }
  other.sort((x, y) => y.bytes - x.bytes || x.path.localeCompare(y.path));
  return {
    n,
    site,
    largest: other.slice(0, keep),
    otherPages: other.length,
    runbook: { pages: runbooks.length, max: runbooks.length ? Math.max(...runbooks) : 0, median: median(runbooks) },
  };
}

/** The slug whose page is the median size: the "typical page". */
export function typicalSlug(sizes: Map<string, number>): string {
  const sorted = [...sizes].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return sorted[Math.floor((sorted.length - 1) / 2)][0];
}

export interface PageLoad {
  /** Bytes by resource type, loaded until the `load` event (HTML included), uncompressed. */
  byType: Record<string, number>;
  /** Script bytes fetched before `load`, uncompressed and gzip -9 (what a compressing server sends). */
  externalJs: number;
  externalJsGzip: number;
  /** Inline `<script>` bytes in the HTML. */
  inlineJs: number;
  scripts: string[];
}

/** Opens a built page in Chromium and records what it loads before the `load` event. */
export async function pageLoad(browser: Browser, outDir: string, path: string): Promise<PageLoad> {
  const site = await serveStatic(outDir, '/');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies: Promise<{ type: string; url: string; body: Buffer }>[] = [];
    let loaded = false;
    page.on('response', (res) => {
      if (loaded) return;
      const type = res.request().resourceType();
      bodies.push(res.body().then((body) => ({ type, url: res.url(), body })).catch(() => ({ type, url: res.url(), body: Buffer.alloc(0) })));
    });
    await page.goto(site.url + path.replace(/^\//, ''), { waitUntil: 'load' });
    loaded = true;
    const inlineJs = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !(s as HTMLScriptElement).type || /module|javascript/.test((s as HTMLScriptElement).type))
        .reduce((sum, s) => sum + new TextEncoder().encode(s.textContent ?? '').length, 0),
    );
    const loadedBodies = await Promise.all(bodies);
    const byType: Record<string, number> = {};
    let externalJs = 0;
    let externalJsGzip = 0;
    const scripts: string[] = [];
    for (const { type, url, body } of loadedBodies) {
      byType[type] = (byType[type] ?? 0) + body.length;
      if (type === 'script') {
        externalJs += body.length;
        externalJsGzip += gzipSync(body, { level: 9 }).length;
        scripts.push(new URL(url).pathname);
      }
    }
    return { byType, externalJs, externalJsGzip, inlineJs, scripts };
  } finally {
    await context.close();
    await site.close();
  }
}


/** Our dialog: open, type, wait until the list shows the query. */
function ourTiming(page: import('playwright-core').Page, q: string): Promise<{ ms: number; results: number; url: string | null }> {
  return page.evaluate(async (q) => {
    const started = performance.now();
    const el = document.querySelector('site-search')!;
    const dialog = el.querySelector('dialog')!;
    if (!dialog.open) (el.querySelector('button[data-open-modal]') as HTMLButtonElement).click();
    const input = el.querySelector('input[data-search-input]') as HTMLInputElement;
    const list = el.querySelector('[data-search-results]') as HTMLElement;
    input.value = q;
    input.dispatchEvent(new Event('input'));
    while (list.dataset.query !== q) await new Promise((r) => setTimeout(r, 1));
    const first = list.querySelector('a');
    return { ms: performance.now() - started, results: list.children.length, url: first ? first.pathname : null };
  }, q);
}

const WARM_QUERIES = ['切り戻し', 'レイテンシ', 'エスカレーション', 'ダッシュボード', 'rollback'];

/**
 * Times the site's search answering a Japanese query in headless Chromium, as a reader would see
 * it: Pagefind (stock Starlight) through its JS API, ours (hikitsugi, since #14) through the dialog.
 */
export async function searchTiming(browser: Browser, outDir: string, query: string, trials: number, engine: 'pagefind' | 'hikitsugi' = 'pagefind'): Promise<SearchTiming> {
  const site = await serveStatic(outDir, '/');
  const timing: SearchTiming = { query, coldMs: [], warmMs: [], warmQueries: WARM_QUERIES, results: 0, firstUrl: null };
  try {
    for (let i = 0; i < trials; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(site.url, { waitUntil: 'load' });
      const run = (q: string) =>
        engine === 'hikitsugi' ? ourTiming(page, q) : page.evaluate(async (q) => {
          const started = performance.now();
          const pagefind = await import('/pagefind/pagefind.js' as string);
          const search = await pagefind.search(q);
          const first = search.results[0] ? await search.results[0].data() : null;
          return { ms: performance.now() - started, results: search.results.length as number, url: (first?.url as string) ?? null };
        }, q);
      const cold = await run(query);
      timing.coldMs.push(cold.ms);
      timing.results = cold.results;
      timing.firstUrl = cold.url;
      if (i === 0) {
        for (const q of WARM_QUERIES) timing.warmMs.push((await run(q)).ms);
      }
      await context.close();
    }
    return timing;
  } finally {
    await site.close();
  }
}

export { median };

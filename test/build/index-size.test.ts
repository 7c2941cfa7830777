/**
 * Index pages stay light (#20): with 450 runbooks in 3 services (most of them overdue for review)
 * and 120 retros with 360 open actions, every index and list page stays under a size that does
 * not depend on how many pages the site has, and every runbook and every review that is due is
 * still reachable by plain links, walked in the built HTML without JavaScript.
 * One build serves every assertion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BENCH_ROSTER, generateRunbooks, hikitsugiContent } from '../../bench/generate.ts';
import { runAstro, type BuildResult } from '../support/build.ts';
import { FIXTURE_ROSTER, makeContentDir } from '../support/content-fixture.ts';
import { INLINE_CAP, MEMBER_CAP, PAGE_SIZE, RETRO_CAP } from '../../src/lib/site/paging.ts';

const N = 450;
/** "決済 API" is not URL-safe as it is: its page is /services/決済-api/. */
const SERVICES = ['cloud-sql', 'gke', '決済 API'];
const RETROS = 120;
/** Every index and list page at any number of runbooks or retros. Today's largest is about 80 KB (see the log line). */
const INDEX_LIMIT = 150_000;
const OWNERS = ['tanaka', 'suzuki', 'watanabe', 'takahashi', 'ito', 'yamamoto', 'nakamura', 'kobayashi'];

function retro(i: number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + i * 6 * 86_400_000).toISOString().slice(0, 10);
  const tries = [0, 1, 2].map((k) => `  - { kind: try, text: "アクション ${i}-${k}: 監視の閾値を見直す", owner: ${OWNERS[(i + k) % OWNERS.length]}, due: ${day}, status: open }`);
  return `---\ntitle: 振り返り ${i}\ndate: ${day}\nteam: チーム${i % 2}\nowners: [tanaka]\nreviewed: ${day}\nitems:\n  - { kind: keep, text: "良かったこと ${i}" }\n  - { kind: problem, text: "夜間の呼び出しが多い ${i}" }\n${tries.join('\n')}\n---\n`;
}

describe(`index pages with ${N} runbooks and ${RETROS} retros`, () => {
  // One runbook of "Cloud SQL", which slugs like cloud-sql: both services get a page of their own.
  const pages = generateRunbooks(N).map((p, i) => ({ ...p, service: i === 0 ? 'Cloud SQL' : SERVICES[i % SERVICES.length] }));
  let contentDir: string;
  let build: BuildResult;
  const file = (path: string) => join(build.outDir, decodeURI(path), 'index.html');
  const html = (path: string) => readFileSync(file(path), 'utf8');
  /** Site paths (with trailing slash) of every page under a folder of the output. */
  const pagesUnder = (dir: string): string[] =>
    existsSync(join(build.outDir, dir))
      ? readdirSync(join(build.outDir, dir), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('index.html'))
          .map((f) => `/${dir}/${f.slice(0, -'index.html'.length)}`)
      : [];
  const main = (page: string) => page.slice(page.indexOf('<main'), page.indexOf('</main>'));
  const links = (page: string) => [...main(page).matchAll(/<a\b[^>]*\bhref="([^"#]*)[^"]*"/g)].map((m) => m[1].replaceAll('&amp;', '&'));

  /** Breadth-first over plain links in <main>, following only paths `follow` accepts. */
  function walk(start: string, follow: (path: string) => boolean): Set<string> {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const path = queue.shift()!;
      if (!existsSync(file(path))) continue;
      for (const href of links(html(path))) {
        if (!seen.has(href) && follow(href)) (seen.add(href), queue.push(href));
      }
    }
    return seen;
  }

  beforeAll(async () => {
    // Only generated runbooks (the fixture's runbook, and the guideline page linking to it, go).
    const files: Record<string, string | null> = {
      ...hikitsugiContent(pages, { roster: false }),
      'team.yaml': FIXTURE_ROSTER + BENCH_ROSTER,
      'runbooks/db-failover.mdx': null,
      'guideline/intro.mdx': null,
    };
    for (let i = 0; i < RETROS; i++) files[`retros/r-${String(i).padStart(3, '0')}.mdx`] = retro(i);
    contentDir = makeContentDir(files);
    // HK_KEEP_OUT=<folder> keeps the built site there, to look at or measure.
    build = await runAstro({ contentDir, outDir: process.env.HK_KEEP_OUT });
  }, 400_000);

  afterAll(() => {
    if (process.env.HK_KEEP_OUT) return;
    rmSync(contentDir, { recursive: true, force: true });
    if (build) rmSync(dirname(build.outDir), { recursive: true, force: true });
  });

  it('builds', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it(`keeps every index and list page under ${INDEX_LIMIT / 1000} KB of HTML, in both UI languages`, () => {
    const paths = ['/runbooks/', '/knowledge/', '/retros/', '/retros/actions/', ...pagesUnder('services'), ...pagesUnder('knowledge'), ...pagesUnder('retros/all'), ...pagesUnder('retros/actions'), ...pagesUnder('alerts')];
    const sizes = paths.flatMap((p) => [p, `/en${p}`]).map((path) => ({ path, bytes: Buffer.byteLength(html(path)) }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const at = (path: string) => Buffer.byteLength(html(path));
    console.log(
      `index sizes at ${N} runbooks: ${['/runbooks/', '/knowledge/', '/services/cloud-sql/', '/knowledge/review-due/', '/retros/', '/retros/actions/'].map((p) => `${p} ${at(p)} B`).join(', ')}; largest ${largest.path} ${largest.bytes} B`,
    );
    expect(largest.bytes, largest.path).toBeLessThan(INDEX_LIMIT);
  });

  it('lists services on /runbooks/, with their counts, and no runbook', () => {
    const index = html('/runbooks/');
    const rows = [...index.matchAll(/<tr [^>]*data-service="([^"]+)"[^>]*data-runbooks="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(rows.sort()).toEqual([
      ['Cloud SQL', 1],
      ['cloud-sql', 149],
      ['gke', 150],
      ['決済 API', 150],
    ]);
    const serviceLinks = links(index).filter((h) => h.startsWith('/services/'));
    expect(serviceLinks.sort()).toEqual(['/services/cloud-sql-2/', '/services/cloud-sql/', '/services/gke/', '/services/決済-api/'].sort());
    expect(links(index).filter((h) => h.startsWith('/runbooks/') && h !== '/runbooks/')).toEqual([]);
  });

  it('reaches every runbook from /runbooks/ through the service pages, at most a page size each', () => {
    for (const ui of ['', '/en']) {
      const seen = walk(`${ui}/runbooks/`, (h) => h.startsWith(`${ui}/services/`) || (h.startsWith(`${ui}/runbooks/`) && h !== `${ui}/runbooks/`));
      const runbooks = [...seen].filter((p) => p.startsWith(`${ui}/runbooks/`) && p !== `${ui}/runbooks/`);
      expect(runbooks.sort()).toEqual(pages.map((p) => `${ui}/runbooks/${p.slug}/`).sort());
      const servicePages = [...seen].filter((p) => p.startsWith(`${ui}/services/`));
      // 149 or 150 runbooks a service: two pages each; "Cloud SQL" has one.
      expect(servicePages.length).toBe(SERVICES.length * Math.ceil(149 / PAGE_SIZE) + 1);
      for (const path of servicePages) expect(html(path).match(/<tr data-status=/g)?.length, path).toBeLessThanOrEqual(PAGE_SIZE);
    }
    expect(existsSync(file('/services/決済-api/2/'))).toBe(true);
  });

  it('shows the most urgent reviews first on /knowledge/, and reaches every one through the review-due pages', () => {
    const index = html('/knowledge/');
    const count = (name: string) => Number(index.match(new RegExp(`data-count="${name}"[^>]*>(\\d+)<`))![1]);
    const due = count('overdue') + count('due-soon');
    expect(due).toBeGreaterThan(2 * PAGE_SIZE);
    const inline = [...main(index).matchAll(/data-testid="review-due"[\s\S]*?<\/table>/g)][0][0];
    const inlineRows = [...inline.matchAll(/data-status="([^"]+)" data-path="([^"]+)"/g)];
    expect(inlineRows.length).toBe(INLINE_CAP);

    const seen = walk('/knowledge/', (h) => h.startsWith('/knowledge/review-due/'));
    const listed = [...seen]
      .filter((p) => p.startsWith('/knowledge/review-due/'))
      .flatMap((p) => [...html(p).matchAll(/<tr data-status="([^"]+)" data-path="([^"]+)"/g)].map((m) => m[2]));
    expect(new Set(listed).size).toBe(due);
    expect(listed.length).toBe(due);
    // The inline rows are the first of the full list: the longest overdue.
    expect(inlineRows.map((m) => m[2])).toEqual(listed.slice(0, INLINE_CAP));
    const dueDates = [...main(html('/knowledge/review-due/')).matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
    expect(dueDates).toEqual([...dueDates].sort());
  });

  it('reaches every runbook at ownership risk and every member exposure from /knowledge/', () => {
    const index = html('/knowledge/');
    const atRisk = Number(index.match(/data-count="at-risk"[^>]*>(\d+)</)![1]);
    const seen = walk('/knowledge/', (h) => h.startsWith('/knowledge/at-risk/'));
    const listed = [...seen].filter((p) => p.startsWith('/knowledge/at-risk/')).flatMap((p) => [...html(p).matchAll(/<tr data-risk="[^"]+" data-path="([^"]+)"/g)].map((m) => m[1]));
    expect(atRisk).toBeGreaterThan(INLINE_CAP);
    expect(new Set(listed).size).toBe(atRisk);

    // The exposure table shows MEMBER_CAP links a member; a member with more links to their own pages.
    const exposure = [...index.matchAll(/data-member="([^"]+)" data-exposure="(\d+)"/g)].filter((m) => Number(m[2]) > MEMBER_CAP);
    expect(exposure.length).toBeGreaterThan(0);
    for (const [, member, n] of exposure) {
      const pagesOf = walk('/knowledge/', (h) => h.startsWith(`/knowledge/exposure/${member}/`));
      const rows = [...pagesOf].filter((p) => p.startsWith('/knowledge/exposure/')).flatMap((p) => [...html(p).matchAll(/<tr data-risk="[^"]*" data-path="([^"]+)"/g)]);
      expect(rows.length, member).toBe(Number(n));
    }
  });

  it('lists the runbooks of an alert many answer a page at a time, each reached by plain links from /alerts/<name>/', () => {
    // Alert pages are plain HTML without <main>: follow every link in the page.
    const hrefs = (path: string) => [...html(path).matchAll(/<a\b[^>]*\bhref="([^"#]*)/g)].map((m) => m[1]);
    const answering = (alert: string) => pages.filter((p) => p.alerts.includes(alert)).map((p) => `/runbooks/${p.slug}/`).sort();
    const big = 'ErrorBudgetBurnFast';
    expect(answering(big).length).toBeGreaterThan(PAGE_SIZE);
    for (const alert of [big, ...new Set(pages.flatMap((p) => p.alerts))]) {
      const first = `/alerts/${alert}/`;
      const seen = new Set([first]);
      const queue = [first];
      while (queue.length) {
        for (const href of hrefs(queue.shift()!)) {
          if (seen.has(href) || !(href.startsWith(first) || (href.startsWith('/runbooks/') && href !== '/runbooks/'))) continue;
          seen.add(href);
          if (href.startsWith(first)) queue.push(href);
        }
      }
      const listPages = [...seen].filter((p) => p.startsWith(first));
      for (const path of listPages) expect(html(path).match(/data-testid="alert-runbook"/g)?.length, path).toBeLessThanOrEqual(PAGE_SIZE);
      expect(listPages.length, alert).toBe(Math.ceil(answering(alert).length / PAGE_SIZE));
      expect([...seen].filter((p) => p.startsWith('/runbooks/')).sort(), alert).toEqual(answering(alert));
    }
  });

  it('reaches every retro from /retros/ through the full list, and every open action from /retros/actions/', () => {
    const retros = walk('/retros/', (h) => h.startsWith('/retros/all/') || /^\/retros\/r-\d+\/$/.test(h));
    expect([...retros].filter((p) => /^\/retros\/r-\d+\/$/.test(p)).length).toBe(RETROS);
    // /retros/ itself shows the latest few only.
    expect(main(html('/retros/')).match(/<li data-retro=/g)?.length).toBe(RETRO_CAP);

    const summary = main(html('/retros/actions/')).match(/data-testid="open-actions-summary"[^>]*>\D*(\d+)/)!;
    expect(Number(summary[1])).toBe(3 * RETROS);
    const pagesSeen = walk('/retros/actions/', (h) => /^\/retros\/actions\/[^/]+\/(\d+\/)?$/.test(h));
    const ids = [...pagesSeen]
      .filter((p) => p !== '/retros/actions/')
      .flatMap((p) => [...html(p).matchAll(/<tr data-action-id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(3 * RETROS);
    expect(ids.length).toBe(3 * RETROS);
  });
});

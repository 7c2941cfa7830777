/**
 * The post-build step fed while Astro renders (src/io/built-site.ts): pages handed to it in any
 * order give the same site and the same search index as pages read from disk after the build; a
 * page changed on disk since it was handed in is read again; the worker writes nothing for a
 * failed build; and the wrapper around Astro's prerenderer changes nothing Astro gets.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AstroPrerenderer, RouteData } from 'astro';
import { createBuiltSiteStep, overlapMinPages, startBuiltSite, tapPrerenderer } from '../../src/io/built-site.ts';
import { readSearchDocs, readSearchMeta, SEARCH_DIR, writeSearchIndex } from '../../src/io/search-index.ts';
import { secureSite } from '../../src/io/site-security.ts';
import { tempDist } from '../support/temp-dist.ts';

const indexed = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"/><title>${title}</title><script>void 0</script></head>` +
  `<body><main data-pagefind-body><h1>${title}</h1><p style="margin:0">${body}</p><span style="--0:#fff">x</span></main></body></html>`;
const PAGES: Record<string, string> = {
  'index.html': indexed('ホーム', 'ようこそ。'),
  'runbooks/cloud-sql/index.html': indexed('Cloud SQL のフェイルオーバー', 'レプリカに切り替える。'),
  'runbooks/gke/index.html': indexed('GKE ノードの再作成', 'ノードプールを作り直す。'),
  // The English UI's copy: not indexed.
  'en/runbooks/gke/index.html': indexed('GKE ノードの再作成', 'ノードプールを作り直す。').replace(' data-pagefind-body', ''),
  // Not a page a URL ending in "/" reaches.
  '404.html': indexed('見つかりません', 'ページがありません。'),
  // The index reads only part of a page: the title of a page whose <h1> is outside its <main>,
  // and a page whose <main> never closes, whole.
  'guideline/outer/index.html': indexed('外の題', '本文だけ。').replace(/<h1>外の題<\/h1>/, '').replace('<body>', '<body><header><h1>外の題</h1></header><nav>目次</nav>'),
  'guideline/open/index.html': indexed('閉じない', '最後まで。').replace('</main>', ''),
};
const SECURITY = { base: '/', security: { noindex: false, allow: {} } };

const dist = (pages: Record<string, string> = PAGES) => tempDist(pages, 'hk-built-site-');

/** Every file of a built site by name: two sites are the same when these are. */
function siteFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name)).toString('base64');
  }
  return files;
}

/** The site the step makes from the pages on disk alone: the CSP step, and the index read from the pages before it. */
function fromDisk(pages: Record<string, string>): Record<string, string> {
  const dir = dist(pages);
  const docs = readSearchDocs(dir);
  secureSite(dir, SECURITY);
  writeSearchIndex(dir, docs);
  return siteFiles(dir);
}

describe('createBuiltSiteStep', () => {
  it('makes, from pages handed in any order, the same site and index as from the pages on disk', () => {
    const dir = dist();
    const step = createBuiltSiteStep();
    for (const [file, html] of Object.entries(PAGES).reverse()) step.page(file, Buffer.from(html));
    const { security, index } = step.finish({ outDir: dir, ...SECURITY });

    expect(security).toMatchObject({ pages: 7, known: 7, attributesMoved: 14, classes: 2 });
    expect(index).toMatchObject({ pages: 5 });
    expect(readSearchMeta(dir).pages.map(([url, title]) => [url, title])).toEqual([
      ['guideline/open/', '閉じない'],
      ['guideline/outer/', '外の題'],
      ['', 'ホーム'],
      ['runbooks/cloud-sql/', 'Cloud SQL のフェイルオーバー'],
      ['runbooks/gke/', 'GKE ノードの再作成'],
    ]);
    expect(siteFiles(dir)).toEqual(fromDisk(PAGES));
  });

  it('reads again a page changed on disk since it was handed in, even at the same length, and leaves out one removed', () => {
    const dir = dist();
    const step = createBuiltSiteStep();
    for (const [file, html] of Object.entries(PAGES)) step.page(file, Buffer.from(html));
    // Another integration edits pages after Astro wrote them, one to the same length, and removes one.
    const after: Record<string, string> = {
      ...PAGES,
      'runbooks/gke/index.html': PAGES['runbooks/gke/index.html'].replace('作り直す', '作りなす'),
      'index.html': PAGES['index.html'].replace('ようこそ。', 'ようこそ、<b style="color:red">新しい</b>手引きへ。'),
    };
    delete after['runbooks/cloud-sql/index.html'];
    expect(Buffer.byteLength(after['runbooks/gke/index.html'])).toBe(Buffer.byteLength(PAGES['runbooks/gke/index.html']));
    for (const [file, html] of Object.entries(after)) writeFileSync(join(dir, file), html);
    rmSync(join(dir, 'runbooks/cloud-sql/index.html'));
    const { security } = step.finish({ outDir: dir, ...SECURITY });

    expect(security).toMatchObject({ pages: 6, known: 4, classes: 3 });
    expect(readSearchMeta(dir).pages.map(([url]) => url)).toEqual(['guideline/open/', 'guideline/outer/', '', 'runbooks/gke/']);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/<b class="hk-s\d">新しい<\/b>/);
    expect(siteFiles(dir)).toEqual(fromDisk(after));
  });
});

describe('startBuiltSite', () => {
  it('runs the step on a worker thread: pages handed in, the site and index made once the build is done', async () => {
    const dir = dist();
    const worker = startBuiltSite();
    for (const [file, html] of Object.entries(PAGES)) worker.page(file, new TextEncoder().encode(html));
    const report = await worker.finish({ outDir: dir, ...SECURITY });
    expect(report.security).toMatchObject({ pages: 7, known: 7 });
    expect(report.index).toMatchObject({ pages: 5 });
    expect(siteFiles(dir)).toEqual(fromDisk(PAGES));
    // Asked again, the same answer: the build awaits it once, a failure handler may again.
    expect(await worker.finish({ outDir: dir, ...SECURITY })).toEqual(report);
  });

  it('fails with the error the step met, and writes nothing when the build failed first', async () => {
    // The output folder is a file: the step cannot write the host files into it.
    const notADir = join(dist(), 'index.html');
    await expect(startBuiltSite().finish({ outDir: notADir, ...SECURITY })).rejects.toThrow(/EEXIST: file already exists, mkdir/);
    const dir = dist();
    const before = siteFiles(dir);
    const worker = startBuiltSite();
    worker.page('runbooks/gke/index.html', Buffer.from(PAGES['runbooks/gke/index.html']));
    await worker.abort();
    expect(existsSync(join(dir, SEARCH_DIR))).toBe(false);
    expect(siteFiles(dir)).toEqual(before);
  });
});

const route = (type: RouteData['type'], path = '/runbooks/[slug]') => ({ type, route: path }) as RouteData;

/** A prerenderer like Astro's: state set up on itself (through `this`), each page a streamed Response. */
function fakePrerenderer(body: (url: string) => { status: number; html: string; headers?: Record<string, string> }, metadata = false) {
  const inner: AstroPrerenderer & { app?: string } = {
    name: 'astro:default',
    async setup(this: { app?: string }) {
      this.app = 'ready';
    },
    async getStaticPaths(this: { app?: string }) {
      if (this.app !== 'ready') throw new Error('getStaticPaths before setup');
      return [{ pathname: '/runbooks/x/', route: route('page') }];
    },
    async render(this: { app?: string }, request) {
      if (this.app !== 'ready') throw new Error('render before setup');
      const { status, html, headers } = body(request.url);
      const response = new Response(new Blob([html]).stream(), { status, headers: { 'content-type': 'text/html', ...headers } });
      return metadata ? { response, metadata: { contentEntryKeys: ['content/runbooks/x.md'], staticImages: [] } } : response;
    },
  };
  return inner;
}

describe('tapPrerenderer', () => {
  it('hands each page Astro renders to onPage and gives Astro the same response', async () => {
    const seen: Array<[string, string, string]> = [];
    const inner = fakePrerenderer(() => ({ status: 200, html: '<!DOCTYPE html><p>手順</p>', headers: { 'x-page': '1' } }));
    const tapped = tapPrerenderer(inner, (request, r, page) => seen.push([request.url, r.route, new TextDecoder().decode(page)]));
    await tapped.setup!();
    // State a prerenderer keeps on itself is seen by every method, through the wrapper.
    expect((tapped as typeof inner).app).toBe('ready');
    expect(tapped.name).toBe('astro:default');
    expect(await tapped.getStaticPaths()).toHaveLength(1);

    const response = (await tapped.render(new Request('http://localhost/runbooks/x/'), { routeData: route('page') })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-page')).toBe('1');
    expect(await response.text()).toBe('<!DOCTYPE html><p>手順</p>');
    expect(seen).toEqual([['http://localhost/runbooks/x/', '/runbooks/[slug]', '<!DOCTYPE html><p>手順</p>']]);
  });

  it('keeps the metadata an incremental build collects, and hands over the 404 page', async () => {
    const seen: string[] = [];
    const tapped = tapPrerenderer(fakePrerenderer(() => ({ status: 404, html: '<h1>ない</h1>' }), true), (request) => seen.push(request.url));
    await tapped.setup!();
    const result = await tapped.render(new Request('http://localhost/404/'), { routeData: route('page', '/404'), collectMetadata: true });
    expect(result).toMatchObject({ metadata: { contentEntryKeys: ['content/runbooks/x.md'] } });
    const { response } = result as { response: Response };
    expect([response.status, await response.text()]).toEqual([404, '<h1>ない</h1>']);
    expect(seen).toEqual(['http://localhost/404/']);
  });

  it('hands over no page of a site with fewer pages than minPages, every page of one with as many, and says when rendering starts', async () => {
    for (const [minPages, handed] of [[2, 0], [1, 1]] as const) {
      const seen: string[] = [];
      let started = 0;
      const tapped = tapPrerenderer(fakePrerenderer(() => ({ status: 200, html: '<p>x</p>' })), (request) => seen.push(request.url), { minPages, onStart: () => started++ });
      await tapped.setup!();
      expect(started).toBe(0);
      expect(await tapped.getStaticPaths()).toHaveLength(1);
      // Told that rendering starts either way.
      expect(started).toBe(1);
      const response = (await tapped.render(new Request('http://localhost/runbooks/x/'), { routeData: route('page') })) as Response;
      expect(await response.text()).toBe('<p>x</p>');
      expect(seen).toHaveLength(handed);
    }
  });

  it('reads the smallest site to hand over from HIKITSUGI_OVERLAP_MIN_PAGES, and refuses a value that is not a number of pages', () => {
    expect(overlapMinPages(undefined)).toBe(1000);
    expect(overlapMinPages('')).toBe(1000);
    expect(overlapMinPages('0')).toBe(0);
    expect(() => overlapMinPages('lots')).toThrow('HIKITSUGI_OVERLAP_MIN_PAGES must be a whole number of pages, not "lots"');
    expect(() => overlapMinPages('-1')).toThrow('HIKITSUGI_OVERLAP_MIN_PAGES');
  });

  it('leaves redirects, endpoints and other types alone', async () => {
    const seen: string[] = [];
    const bodies: Record<string, { status: number; html: string; headers?: Record<string, string> }> = {
      'http://localhost/old/': { status: 301, html: '', headers: { location: '/new/' } },
      'http://localhost/feed.xml': { status: 200, html: '<rss/>' },
      'http://localhost/data/': { status: 200, html: '{}', headers: { 'content-type': 'application/json' } },
    };
    const tapped = tapPrerenderer(fakePrerenderer((url) => bodies[url]), (request) => seen.push(request.url));
    await tapped.setup!();
    const redirect = (await tapped.render(new Request('http://localhost/old/'), { routeData: route('redirect') })) as Response;
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/new/']);
    expect(await ((await tapped.render(new Request('http://localhost/feed.xml'), { routeData: route('endpoint') })) as Response).text()).toBe('<rss/>');
    expect(await ((await tapped.render(new Request('http://localhost/data/'), { routeData: route('page') })) as Response).text()).toBe('{}');
    expect(seen).toEqual([]);
  });
});

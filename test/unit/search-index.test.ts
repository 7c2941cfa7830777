/**
 * The search index of a built site, written on a worker thread from the pages the CSP step hands
 * it (the integration's post-build step): the same files as an index read from disk, whatever
 * order the pages come in, and nothing written for a failed build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSearchDocs, readSearchMeta, SEARCH_DIR, startSearchIndex, writeSearchIndex } from '../../src/io/search-index.ts';
import { secureSite } from '../../src/io/site-security.ts';
import { tempDist } from '../support/temp-dist.ts';

const indexed = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"/><title>${title}</title><script>void 0</script></head>` +
  `<body><main data-pagefind-body><h1>${title}</h1><p style="margin:0">${body}</p></main></body></html>`;
const PAGES: Record<string, string> = {
  'index.html': indexed('ホーム', 'ようこそ。'),
  'runbooks/cloud-sql/index.html': indexed('Cloud SQL のフェイルオーバー', 'レプリカに切り替える。'),
  'runbooks/gke/index.html': indexed('GKE ノードの再作成', 'ノードプールを作り直す。'),
  // The English UI's copy: not indexed.
  'en/runbooks/gke/index.html': indexed('GKE ノードの再作成', 'ノードプールを作り直す。').replace(' data-pagefind-body', ''),
  // Not a page a URL ending in "/" reaches.
  '404.html': indexed('見つかりません', 'ページがありません。'),
  // The CSP step sends the worker only the part of a page the index reads: the title of a page
  // whose <h1> is outside its <main>, and a page whose <main> never closes, whole.
  'guideline/outer/index.html': indexed('外の題', '本文だけ。').replace(/<h1>外の題<\/h1>/, '').replace('<body>', '<body><header><h1>外の題</h1></header><nav>目次</nav>'),
  'guideline/open/index.html': indexed('閉じない', '最後まで。').replace('</main>', ''),
};

const dist = () => tempDist(PAGES, 'hk-search-index-');

/** Every index file by name, decoded: two indexes are the same when these are. */
const indexFiles = (dir: string) =>
  Object.fromEntries(readdirSync(join(dir, SEARCH_DIR)).sort().map((name) => [name, readFileSync(join(dir, SEARCH_DIR, name)).toString('base64')]));

describe('startSearchIndex', () => {
  it('writes, from the pages handed to it in any order, the files an index read from disk has', async () => {
    const fromDisk = dist();
    writeSearchIndex(fromDisk, readSearchDocs(fromDisk));
    const handed = dist();
    const builder = startSearchIndex(handed);
    for (const [file, html] of Object.entries(PAGES).reverse()) builder.add(file, Buffer.from(html));
    const written = await builder.finish();

    expect(readSearchMeta(handed).pages.map(([url]) => url)).toEqual(['guideline/open/', 'guideline/outer/', '', 'runbooks/cloud-sql/', 'runbooks/gke/']);
    expect(written).toMatchObject({ pages: 5 });
    expect(indexFiles(handed)).toEqual(indexFiles(fromDisk));
  });

  it('with the CSP step, as the build runs them: each page read once, rewritten, and in the index', async () => {
    const dir = dist();
    const builder = startSearchIndex(dir);
    const report = secureSite(dir, { base: '/', security: { noindex: false, allow: {} }, onPage: builder.add });
    await builder.finish();

    expect(report.pages).toBe(7);
    expect(readSearchMeta(dir).pages.map(([url, title]) => [url, title])).toEqual([
      ['guideline/open/', '閉じない'],
      ['guideline/outer/', '外の題'],
      ['', 'ホーム'],
      ['runbooks/cloud-sql/', 'Cloud SQL のフェイルオーバー'],
      ['runbooks/gke/', 'GKE ノードの再作成'],
    ]);
    // The same index as one read from the pages on disk before the step.
    const fromDisk = dist();
    writeSearchIndex(fromDisk, readSearchDocs(fromDisk));
    expect(indexFiles(dir)).toEqual(indexFiles(fromDisk));
    const page = readFileSync(join(dir, 'runbooks/gke/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(page).not.toContain('style=');
    // No temp file is left beside the pages it rewrote.
    expect(readdirSync(join(dir, 'runbooks/gke'))).toEqual(['index.html']);
  });

  it('writes nothing when the build fails and the index is aborted', async () => {
    const dir = dist();
    const builder = startSearchIndex(dir);
    builder.add('runbooks/gke/index.html', Buffer.from(PAGES['runbooks/gke/index.html']));
    await builder.abort();
    expect(existsSync(join(dir, SEARCH_DIR))).toBe(false);
  });
});

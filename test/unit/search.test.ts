/**
 * The site's search, pure side: segmentation shared by index and query, the index files, the
 * engine's order (exact phrase first, then the parts of a compound), ranking and excerpts.
 */
import { describe, expect, it } from 'vitest';
import { bigrams, camelParts, terms, uniqueTerms } from '../../src/lib/search/segment.ts';
import { buildIndex, decodePostings, encodePostings, shardKey, type SearchDoc } from '../../src/lib/search/index-format.ts';
import { SearchEngine, VERIFY_CHUNKS, VERIFY_PAGES } from '../../src/lib/search/engine.ts';
import { compareExact, locate } from '../../src/lib/search/rank.ts';
import { excerpt } from '../../src/lib/search/excerpt.ts';
import { extractPage } from '../../src/lib/search/extract.ts';

const filler = (n: number) => '本文の説明が続きます。'.repeat(n);

const DOCS: SearchDoc[] = [
  { url: 'guideline/di/', title: '設計の基本', headings: ['概要'], body: `${filler(3)}依存関係注入を使うと、テストで部品を差し替えられる。${filler(2)}` },
  { url: 'guideline/parts/', title: '部品の話', headings: ['依存関係'], body: `依存関係の向きを決めてから、必要なものを注入する。${filler(1)}` },
  { url: 'guideline/gc/', title: 'メモリ管理', headings: ['ガベージコレクション'], body: `ガベージコレクションが止まるとレイテンシが伸びる。${filler(4)}` },
  { url: 'guideline/gc-mention/', title: '性能', headings: ['概要'], body: `${filler(8)}ガベージ コレクションではなく、コレクションの数を減らす。ガベージは少ない。` },
  { url: 'runbooks/contact/', title: '連絡先', headings: ['窓口'], body: 'お客様からの問い合わせは窓口に回す。使い勝手の悪い画面は直す。' },
  { url: 'runbooks/cloud-sql-failover/', title: 'Cloud SQL のフェイルオーバー', headings: ['切り戻し'], body: 'CloudSQLInstanceDown が鳴ったらフェイルオーバーする。rollback も確認する。' },
  { url: 'runbooks/other-failover/', title: 'Redis の切り替え', headings: ['手順'], body: 'Redis のフェイルオーバーは自動。Cloud の設定は SQL と別。' },
  { url: 'runbooks/hostile/', title: '<script>alert(1)</script>', headings: [], body: '<img src=x onerror=alert(1)> 障害の報告は <b>すぐ</b> に。' },
];

function engine(docs = DOCS) {
  const built = buildIndex(docs);
  let fetches = 0;
  // Through JSON, as the files are: what the browser gets back is exactly what was written.
  const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v));
  const e = new SearchEngine({
    meta: async () => (fetches++, roundTrip(built.meta)),
    shard: async (k) => (fetches++, roundTrip(built.shards.get(k)!)),
    chunk: async (n) => (fetches++, roundTrip(built.chunks[n])),
  });
  return { e, built, fetches: () => fetches };
}

const urls = async (q: string) => (await engine().e.search(q)).hits.map((h) => h.url);

describe('segmentation', () => {
  it('splits Japanese runs into bigrams, a one-character run into itself', () => {
    expect(bigrams('障害対応')).toEqual(['障害', '害対', '対応']);
    expect(terms('を')).toEqual(['を']);
    expect(terms('問い合わせ')).toEqual(['問い', 'い合', '合わ', 'わせ']);
  });
  it('normalises full-width and half-width forms and case (NFKC), so the query matches the index', () => {
    expect(terms('ＳＱＬ ｶﾞｰﾄﾞ')).toEqual(terms('sql ガード'));
  });
  it('keeps an alert name whole and adds its camelCase parts', () => {
    expect(camelParts('CloudSQLInstanceDown')).toEqual(['Cloud', 'SQL', 'Instance', 'Down']);
    expect(uniqueTerms('CloudSQLInstanceDown')).toEqual(['cloudsqlinstancedown', 'cloud', 'sql', 'instance', 'down']);
  });
  it('splits a mixed query at script changes, with or without a space', () => {
    expect(terms('Cloud SQL のフェイルオーバー').slice(0, 3)).toEqual(['cloud', 'sql', 'のフ']);
    expect(terms('Arcを跳ね上げ')).toEqual(['arc', 'を跳', '跳ね', 'ね上', '上げ']);
  });
});

describe('index files', () => {
  it('delta-encodes postings and shards by the first character', () => {
    expect(decodePostings(encodePostings([2, 5, 9]))).toEqual([2, 5, 9]);
    expect(shardKey('rollback')).toBe('r');
    expect(shardKey('rollout')).toBe('r');
    expect(shardKey('障害')).toMatch(/^j/);
    const { built } = engine();
    expect(built.meta.pages).toHaveLength(DOCS.length);
    expect(Object.keys(built.shards.get(shardKey('障害'))!)).toContain('障害');
  });
  it('a query fetches only the shards of its terms', async () => {
    const { e, built, fetches } = engine();
    await e.search('rollback');
    // meta, the "r" shard, the chunk holding the page
    expect(fetches()).toBe(3);
    expect(built.meta.shards.length).toBeGreaterThan(3);
  });
});

describe('engine', () => {
  it.each([
    ['依存関係注入', 'guideline/di/'],
    ['ガベージコレクション', 'guideline/gc/'],
    ['問い合わせ', 'runbooks/contact/'],
    ['使い勝手', 'runbooks/contact/'],
    ['Cloud SQL のフェイルオーバー', 'runbooks/cloud-sql-failover/'],
    ['CloudSQLInstanceDown', 'runbooks/cloud-sql-failover/'],
    ['cloudsqlinstancedown', 'runbooks/cloud-sql-failover/'],
    ['rollback', 'runbooks/cloud-sql-failover/'],
  ])('%s: the page that holds it comes first', async (q, url) => {
    const hits = (await engine().e.search(q)).hits;
    expect(hits[0].url).toBe(url);
    expect(hits[0].match).toBe('exact');
  });

  it('after the pages holding the compound come those holding its parts', async () => {
    const answer = await engine().e.search('依存関係注入');
    expect(answer.hits.map((h) => [h.url, h.match])).toEqual([
      ['guideline/di/', 'exact'],
      ['guideline/parts/', 'some-parts'],
    ]);
  });

  it('a page with the parts of a katakana word apart ranks after the page with the word', async () => {
    const hits = (await engine().e.search('ガベージコレクション')).hits;
    expect(hits.map((h) => h.url)).toEqual(['guideline/gc/', 'guideline/gc-mention/']);
    expect(hits[1].match).not.toBe('exact');
  });

  it('a mixed query ranks the exact phrase above pages with its words scattered', async () => {
    expect(await urls('Cloud SQL のフェイルオーバー')).toEqual(['runbooks/cloud-sql-failover/', 'runbooks/other-failover/']);
  });

  it('an English word as a prefix finds the longer word while typing', async () => {
    expect(await urls('rollb')).toEqual(['runbooks/cloud-sql-failover/']);
  });

  it('cuts excerpts for the first results only; the others on request', async () => {
    const { e } = engine();
    const answer = await e.search('フェイルオーバー', 50, 1);
    expect(answer.hits.map((h) => h.excerpt === null)).toEqual([false, true]);
    const later = await e.excerpt(answer.hits[1], 'フェイルオーバー');
    expect(later.find((p) => p.mark)?.text).toBe('フェイルオーバー');
  });

  it('a word on every page fetches a bounded number of text chunks, and pages naming it in their title still come first', async () => {
    // 320 pages of 2,000 characters: 15 a chunk, 22 chunks, all holding 障害.
    const docs: SearchDoc[] = Array.from({ length: 320 }, (_, i) => ({
      url: `runbooks/r${i}/`,
      title: i === 319 ? 'DNS 障害の対応' : `手順 ${i}`,
      headings: [],
      body: `障害が起きたら確認する。${filler(180)}`.slice(0, 2000),
    }));
    const { e, built } = engine(docs);
    expect(built.chunks.length).toBeGreaterThan(VERIFY_CHUNKS);
    const chunkFetches: number[] = [];
    const counting = new SearchEngine({
      meta: async () => JSON.parse(JSON.stringify(built.meta)),
      shard: async (k) => JSON.parse(JSON.stringify(built.shards.get(k)!)),
      chunk: async (n) => (chunkFetches.push(n), JSON.parse(JSON.stringify(built.chunks[n]))),
    });
    const answer = await counting.search('障害');
    expect(answer.total).toBe(320);
    // Enough chunks for VERIFY_PAGES candidates (15 a chunk), not all 22.
    expect(new Set(chunkFetches).size).toBe(Math.ceil(VERIFY_PAGES / 15));
    // The last page, in the last chunk, is the one with the word in its title.
    expect(answer.hits[0]).toMatchObject({ url: 'runbooks/r319/', match: 'exact' });
    expect(answer.hits[0].excerpt?.find((p) => p.mark)?.text).toBe('障害');
    // Every page of a fetched chunk is checked: the first 10 after the title hit hold the word too.
    expect(answer.hits.slice(1, 11).every((h) => h.match === 'exact')).toBe(true);
    expect((await e.search('障害')).hits[0].url).toBe('runbooks/r319/');
  });

  it('long pages, one a chunk: a word on 30 of them checks VERIFY_CHUNKS chunks, the others come after', async () => {
    const docs: SearchDoc[] = Array.from({ length: 30 }, (_, i) => ({
      url: `guideline/p${i}/`,
      title: `章 ${i}`,
      headings: [],
      body: `${filler(1600)}障害の話。`.slice(-16_000),
    }));
    const built = buildIndex(docs);
    expect(built.chunks.length).toBe(30);
    const chunkFetches = new Set<number>();
    const e = new SearchEngine({
      meta: async () => JSON.parse(JSON.stringify(built.meta)),
      shard: async (k) => JSON.parse(JSON.stringify(built.shards.get(k)!)),
      chunk: async (n) => (chunkFetches.add(n), JSON.parse(JSON.stringify(built.chunks[n]))),
    });
    const answer = await e.search('障害', 50, 0);
    expect(chunkFetches.size).toBe(VERIFY_CHUNKS);
    expect(answer.total).toBe(30);
    expect(answer.hits.slice(0, VERIFY_CHUNKS).every((h) => h.match === 'exact')).toBe(true);
    expect(answer.hits.slice(VERIFY_CHUNKS).every((h) => h.match === 'all-parts')).toBe(true);
  });

  it('preload fetches the page list once, ahead of the first query, and forgets a failure', async () => {
    const { e, fetches } = engine();
    await e.preload();
    expect(fetches()).toBe(1);
    await e.search('フェイルオーバー');
    const afterSearch = fetches();
    await e.preload();
    expect(fetches()).toBe(afterSearch);

    let metaCalls = 0;
    const built = buildIndex(DOCS);
    const flaky = new SearchEngine({
      meta: async () => {
        if (++metaCalls === 1) throw new Error('offline');
        return JSON.parse(JSON.stringify(built.meta));
      },
      shard: async (k) => JSON.parse(JSON.stringify(built.shards.get(k)!)),
      chunk: async (n) => JSON.parse(JSON.stringify(built.chunks[n])),
    });
    await flaky.preload();
    expect((await flaky.search('フェイルオーバー')).hits[0].url).toBe('runbooks/cloud-sql-failover/');
    expect(metaCalls).toBe(2);
  });

  it('a query with no hit returns nothing, and an empty query too', async () => {
    expect(await engine().e.search('量子コンピュータ')).toEqual({ total: 0, hits: [] });
    expect(await engine().e.search('  、。 ')).toEqual({ total: 0, hits: [] });
  });
});

describe('rank', () => {
  const page = (title: string, headings: string[], body: string) => ({ title, headings, body });
  it('title before heading before text, then occurrences for the length', () => {
    const t = locate('障害', page('障害対応', [], 'x'))!;
    const h = locate('障害', page('手順', ['障害のとき'], 'x'))!;
    const b = locate('障害', page('手順', [], '障害'))!;
    const bLong = locate('障害', page('手順', [], '障害' + 'あ'.repeat(20000)))!;
    expect([b, h, bLong, t].sort(compareExact)).toEqual([t, h, b, bLong]);
    expect(locate('障害', page('a', [], 'b'))).toBeNull();
  });
});

describe('excerpt', () => {
  it('is cut from the text around the first exact hit, with the hit marked', () => {
    const parts = excerpt(`${'前置き。'.repeat(20)}ここで依存関係注入を使う。`, '依存関係注入');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['依存関係注入']);
    expect(parts[0].text).toBe('…');
    expect(parts.map((p) => p.text).join('')).toContain('ここで依存関係注入を使う。');
  });
  it('keeps hostile page text as plain text parts', async () => {
    const hit = (await engine().e.search('障害')).hits[0];
    expect(hit.url).toBe('runbooks/hostile/');
    expect(hit.title).toBe('<script>alert(1)</script>');
    expect(hit.excerpt!.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> 障害の報告は <b>すぐ</b> に。');
    expect(hit.excerpt!.find((p) => p.mark)?.text).toBe('障害');
  });
});

describe('what a built page gives the index', () => {
  const html = `<!doctype html><html lang="ja"><head><title>x</title><script>var hidden = 1</script></head><body>
    <header><h1>Site</h1></header>
    <main data-pagefind-body><div class="content-panel"><h1 id="_top">Cloud SQL のフェイルオーバー</h1></div>
    <dl class="hk-facts" data-pagefind-ignore><dt>オーナー</dt><dd>青木</dd><dt>アラート</dt><dd><code data-search-keyword>CloudSQLInstanceDown</code></dd></dl>
    <div class="sl-heading-wrapper level-h2"><h2 id="a">切り戻し</h2><a class="sl-anchor-link" href="#a"><span class="sr-only" data-pagefind-ignore>Section titled “切り戻し”</span></a></div>
    <p>手順は&amp;ここ。<br>ＡＢＣ&lt;b&gt;</p><script>no()</script><ul><li>一つ</li><li>二つ</li></ul></main>
    <footer>フッター</footer></body></html>`;
  it('takes main[data-pagefind-body], minus ignored blocks, and keeps alert names as keywords', () => {
    expect(extractPage(html, 'runbooks/x/')).toEqual({
      url: 'runbooks/x/',
      title: 'Cloud SQL のフェイルオーバー',
      headings: ['CloudSQLInstanceDown', '切り戻し'],
      body: '手順は&ここ。 ABC<b> 一つ 二つ',
    });
  });
  it('skips a page without data-pagefind-body', () => {
    expect(extractPage('<html><body><main><p>x</p></main></body></html>', 'a/')).toBeNull();
  });
});

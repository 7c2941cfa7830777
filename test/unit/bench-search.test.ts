/**
 * The search-quality benchmark's pure side: which words become queries, and the figures.
 */
import { describe, expect, it } from 'vitest';
import { candidates, drawQueries, qualityFigures, sentenceText, type BenchQuery } from '../../bench/search-quality.ts';
import { checkSearchBudgets, renderSearchQuality, type Budgets, type SearchEngineFigures } from '../../bench/report.ts';
import { readFileSync } from 'node:fs';

const budgets = JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as Budgets;

describe('queries', () => {
  it('takes the sentence text of the indexed area: no headings, code, or ignored metadata', () => {
    const html = `<main data-pagefind-body><h2>見出しの語</h2><dl data-pagefind-ignore><dd>オーナー情報</dd></dl>
      <p>本文で<code>コード語</code>を使う。</p><ul><li>リストの項目</li></ul><pre>プリ整形</pre></main><p>外の段落</p>`;
    expect(sentenceText(html)).toEqual(['本文で\n を使う。'.replace('\n ', '\n'), 'リストの項目']);
  });
  it('finds kanji compounds, katakana words and kana-kanji mixes, not split by particles', () => {
    const words = candidates('お客様からの問い合わせは窓口に回す。関数を呼び出すとガベージコレクタが動く。').map((c) => `${c.kind}:${c.q}`);
    expect(words).toEqual(
      expect.arrayContaining(['kanji:窓口', 'kanji:関数', 'katakana:ガベージコレクタ', 'kana-kanji:問い合わせ', 'kana-kanji:呼び出す']),
    );
    expect(words.some((w) => w.includes('数を呼'))).toBe(false);
  });
  it('draws the same queries for the same seed, each held by 1 to 5 pages, the kinds mixed', () => {
    const pages = Array.from({ length: 8 }, (_, i) => {
      const s = [`依存関係注入${i < 2 ? 'と型推論' : ''}。`, `${i < 3 ? 'キャッシュ' : 'ほか'}と問い合わせ。`, i === 0 ? '使い勝手がよい。' : 'ほか。'];
      return { url: `p${i}/`, text: s.join('\n'), sentences: s };
    });
    const a = drawQueries(pages, 10, 1);
    expect(drawQueries(pages, 10, 1)).toEqual(a);
    expect(a.every((q) => q.pages.length >= 1 && q.pages.length <= 5)).toBe(true);
    // Every page holds these two: too common to be a benchmark query.
    expect(a.map((q) => q.q)).not.toContain('依存関係注入');
    expect(a.map((q) => q.q)).not.toContain('問い合わせ');
    expect(a.find((q) => q.q === 'キャッシュ')?.pages).toEqual(['p0/', 'p1/', 'p2/']);
    expect(new Set(a.map((q) => q.kind))).toEqual(new Set(['kanji', 'katakana', 'kana-kanji']));
    expect(a.find((q) => q.q === '使い勝手')?.pages).toEqual(['p0/']);
  });
});

describe('figures', () => {
  const queries: BenchQuery[] = [
    { q: 'a', kind: 'kanji', pages: ['x/'] },
    { q: 'b', kind: 'katakana', pages: ['x/', 'y/'] },
  ];
  it('recall, precision at 1 and exact-first at 5', () => {
    const f = qualityFigures(queries, [
      { q: 'a', results: ['z/', 'x/'] },
      { q: 'b', results: ['y/', 'z/'] },
    ]);
    expect(f.recall).toBeCloseTo(2 / 3);
    expect(f.precisionAt1).toBe(0.5);
    // a: k=1, first is z: 0; b: k=2, y holds it, z does not: 0.5
    expect(f.exactFirstAt5).toBe(0.25);
    expect(f.missed).toEqual(['b']);
  });
  it('budgets: ours against stock, and a skipped run is not measured, never met', () => {
    const engine = (e: 'hikitsugi' | 'pagefind', bytes: number, ms: number, p: number): SearchEngineFigures => ({
      engine: e, queries: 2, recall: 1, precisionAt1: p, exactFirstAt5: p, missed: [], index: { bytes, files: 1 }, firstSearchMs: [ms],
    });
    const sq = { status: 'measured' as const, date: 'd', corpus: ['c'], pages: 2, seed: 1, depth: 50, queries: { total: 2, byKind: {} }, examples: [],
      engines: [engine('hikitsugi', 150, 120, 0.95), engine('pagefind', 100, 100, 0.7)] };
    expect(checkSearchBudgets({ searchQuality: sq }, budgets).map((c) => [c.id, c.ok])).toEqual([
      ['search-recall', true], ['search-p1', true], ['search-ef5', true], ['search-index', true], ['search-first', true],
    ]);
    sq.engines[0] = engine('hikitsugi', 151, 121, 0.94);
    expect(checkSearchBudgets({ searchQuality: sq }, budgets).map((c) => c.ok)).toEqual([true, false, false, false, false]);
    const skipped = checkSearchBudgets({ searchQuality: { status: 'skipped', reason: 'the corpus is absent' } }, budgets);
    expect(skipped.map((c) => c.ok)).toEqual([null, null, null, null, null]);
    expect(skipped[0].actual).toContain('the corpus is absent');
    expect(renderSearchQuality({ status: 'skipped', reason: 'the corpus is absent' })).toBe('Skipped: the corpus is absent.');
    expect(renderSearchQuality(sq)).toMatch(/\| hikitsugi \(our index\) \| 100\.0% \| 94\.0% \|/);
  });
});

/**
 * Pure side of the search-quality benchmark (bench/search.ts): the queries drawn from the
 * corpus's sentences and the figures computed from each engine's answers. Unit-tested
 * (test/unit/bench-search.test.ts).
 */
import { Parser } from 'htmlparser2';
import { phraseForm } from '../src/lib/search/segment.ts';
import { prng } from './generate.ts';

export type QueryKind = 'kanji' | 'katakana' | 'kana-kanji';

export interface BenchQuery {
  q: string;
  kind: QueryKind;
  /** Pages (URL relative to the base) whose indexed text holds the exact word. */
  pages: string[];
}

/**
 * The sentence text of a built page: paragraphs, list items and table cells inside the indexed
 * area, without headings, code, and what search ignores. Words are drawn from here, so that a
 * query is a word inside a sentence, not a title.
 */
export function sentenceText(html: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  let inBody = 0;
  let skip = 0;
  let current: string[] | null = null;
  let currentDepth = 0;
  const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
  new Parser(
    {
      onopentag(name, attrs) {
        if (VOID.test(name)) return;
        stack.push(name);
        if (!inBody) {
          if (name === 'main' && 'data-pagefind-body' in attrs) inBody = stack.length;
          return;
        }
        if (!skip && ('data-pagefind-ignore' in attrs || /^(h[1-6]|code|pre|script|style|kbd|samp|svg|button)$/.test(name))) skip = stack.length;
        if (!skip && !current && /^(p|li|td|dd)$/.test(name)) {
          current = [];
          currentDepth = stack.length;
        }
      },
      ontext(text) {
        if (current && !skip) current.push(text);
        // Code inside a sentence ends it: the word must not straddle it.
        else if (current && skip) current.push('\n');
      },
      onclosetag(name) {
        if (VOID.test(name)) return;
        const depth = stack.length;
        stack.pop();
        if (skip === depth) skip = 0;
        if (current && currentDepth === depth) {
          out.push(current.join('').normalize('NFKC'));
          current = null;
        }
        if (inBody === depth) inBody = 0;
      },
    },
    { decodeEntities: true },
  ).end(html);
  return out;
}

// Particles and endings that split a kana-kanji mix into two words rather than join one.
const PARTICLES = new Set(['を', 'は', 'が', 'に', 'で', 'と', 'の', 'も', 'へ', 'や', 'か', 'な', 'た', 'て', 'し', 'から', 'まで', 'より', 'では', 'には', 'とは', 'です', 'ます', 'する', 'した', 'して', 'され', 'この', 'その', 'れる', 'ない']);

/** Candidate words of a sentence, each maximal in its script: kanji compounds, katakana words, kana-kanji mixes. */
export function candidates(sentence: string): { q: string; kind: QueryKind }[] {
  const out: { q: string; kind: QueryKind }[] = [];
  for (const m of sentence.matchAll(/(?<!\p{Script=Han})\p{Script=Han}{2,8}(?!\p{Script=Han})/gu)) out.push({ q: m[0], kind: 'kanji' });
  for (const m of sentence.matchAll(/(?<![\p{Script=Katakana}ー])[\p{Script=Katakana}ー]{2,8}(?![\p{Script=Katakana}ー])/gu)) {
    if (!/^ー/.test(m[0])) out.push({ q: m[0], kind: 'katakana' });
  }
  // 問い合わせ, 使い勝手, 取り扱い: kanji, okurigana, kanji (and okurigana), not split by a particle.
  // A lookahead, so that a mix rejected at one kanji run does not hide the next one.
  for (const m of sentence.matchAll(/(?<!\p{Script=Han})(?=(\p{Script=Han}{1,3})(\p{Script=Hiragana}{1,2})(\p{Script=Han}{1,3})(\p{Script=Hiragana}{0,2}))/gu)) {
    if (PARTICLES.has(m[2]) || PARTICLES.has(m[2][0]) || PARTICLES.has(m[2].slice(-1))) continue;
    // Okurigana after the second kanji (問い合わせ) up to the first particle (取り扱いに -> 取り扱い).
    let tail = m[4];
    const cut = [...tail].findIndex((c, i) => PARTICLES.has(c) || PARTICLES.has(tail.slice(i, i + 2)));
    if (cut >= 0) tail = tail.slice(0, cut);
    const q = m[1] + m[2] + m[3] + tail;
    if ([...q].length <= 8) out.push({ q, kind: 'kana-kanji' });
  }
  return out;
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export interface CorpusPage {
  url: string;
  /** Title, headings and text as indexed (what "the page holds the word" is checked against). */
  text: string;
  sentences: string[];
}

/**
 * Draws `count` queries, a third of each kind where the corpus has enough: words of 2-8
 * characters found in sentences and held (anywhere in the indexed text) by 1 to `maxPages` pages.
 */
export function drawQueries(pages: CorpusPage[], count: number, seed: number, maxPages = 5): BenchQuery[] {
  const rnd = prng(seed);
  const texts = pages.map((p) => phraseForm(p.text));
  const byKind = new Map<QueryKind, string[]>([['kanji', []], ['katakana', []], ['kana-kanji', []]]);
  const seen = new Set<string>();
  for (const page of pages) {
    for (const s of page.sentences) {
      for (const c of candidates(s)) {
        const q = c.q.toLowerCase();
        if (seen.has(q) || [...q].length < 2 || [...q].length > 8) continue;
        seen.add(q);
        byKind.get(c.kind)!.push(q);
      }
    }
  }
  const holders = (q: string) => {
    const out: string[] = [];
    for (let i = 0; i < texts.length && out.length <= maxPages; i++) if (texts[i].includes(q)) out.push(pages[i].url);
    return out;
  };
  const picked: BenchQuery[] = [];
  const kinds = [...byKind.keys()];
  const pools = new Map(kinds.map((k) => [k, shuffle(byKind.get(k)!.sort(), rnd)]));
  // Round-robin over the kinds until `count`, skipping words held by too many pages.
  while (picked.length < count && kinds.some((k) => pools.get(k)!.length)) {
    for (const kind of kinds) {
      const pool = pools.get(kind)!;
      while (pool.length) {
        const q = pool.shift()!;
        const held = holders(q);
        if (held.length >= 1 && held.length <= maxPages) {
          picked.push({ q, kind, pages: held });
          break;
        }
      }
      if (picked.length >= count) break;
    }
  }
  return picked;
}

export interface QueryOutcome {
  q: string;
  /** URLs the engine returned, best first (relative to the base). */
  results: string[];
}

export interface QualityFigures {
  queries: number;
  /** Share of (query, page holding the word) pairs where the page is in the results. */
  recall: number;
  /** Share of queries whose first result holds the exact word. */
  precisionAt1: number;
  /** Mean over queries of the share of the first k results that hold it, k = min(5, holders). */
  exactFirstAt5: number;
  /** Queries where some page holding the word was not found. */
  missed: string[];
}

export function qualityFigures(queries: BenchQuery[], outcomes: QueryOutcome[]): QualityFigures {
  const byQ = new Map(outcomes.map((o) => [o.q, o.results]));
  let pairs = 0;
  let found = 0;
  let p1 = 0;
  let ef = 0;
  const missed: string[] = [];
  for (const query of queries) {
    const results = byQ.get(query.q) ?? [];
    const holders = new Set(query.pages);
    const hits = query.pages.filter((p) => results.includes(p)).length;
    pairs += query.pages.length;
    found += hits;
    if (hits < query.pages.length) missed.push(query.q);
    if (results[0] !== undefined && holders.has(results[0])) p1++;
    const k = Math.min(5, holders.size);
    ef += results.slice(0, k).filter((r) => holders.has(r)).length / k;
  }
  const n = queries.length;
  return { queries: n, recall: pairs ? found / pairs : NaN, precisionAt1: n ? p1 / n : NaN, exactFirstAt5: n ? ef / n : NaN, missed };
}

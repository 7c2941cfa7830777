/**
 * Answers a query from the static index (index-format.ts), in the browser or in a test:
 * 1. the query's terms (segment.ts) are looked up in their shards; pages holding every term are
 *    the candidates (a word also matches the longer words it starts, as while typing);
 * 2. the candidates' text is checked for the exact phrase: pages that hold it come first, in the
 *    order of rank.ts; then candidates that hold all the parts but not the phrase. A common word
 *    has candidates in most text chunks: those whose title holds the phrase are checked first,
 *    every candidate in a fetched chunk is checked, and the chunks fetched are bounded
 *    (VERIFY_PAGES, VERIFY_CHUNKS); candidates left unchecked come before those checked without
 *    the phrase;
 * 3. then pages holding at least half of the terms: the parts of a compound (依存関係 of
 *    依存関係注入), most parts first.
 * The loader fetches files; the engine caches what it has loaded, so later queries are quick.
 */
import { decodePostings, shardKey, type Chunk, type IndexMeta, type Shard } from './index-format.ts';
import { isWordTerm, phraseForm, uniqueTerms } from './segment.ts';
import { compareExact, locate, type ExactHit, type PageText } from './rank.ts';
import { excerpt, type ExcerptPart } from './excerpt.ts';

export interface IndexLoader {
  meta(): Promise<IndexMeta>;
  shard(key: string): Promise<Shard>;
  chunk(n: number): Promise<Chunk>;
}

export type Match = 'exact' | 'all-parts' | 'some-parts';

export interface SearchHit {
  /** Page number in the index. */
  id: number;
  url: string;
  title: string;
  match: Match;
  /** Cut for the first results only (null after those): the rest come from `excerpt()`, later. */
  excerpt: ExcerptPart[] | null;
}

export interface SearchAnswer {
  /** Every page found, best first. */
  total: number;
  /** The first `limit` of them, with excerpts. */
  hits: SearchHit[];
}

/**
 * What a common word's answer may cost: chunks are fetched, title holders' first, until the
 * candidates they hold reach VERIFY_PAGES, and never more than VERIFY_CHUNKS of them. At 1,000
 * generated runbooks (8 pages a chunk) a word on every page fetched 42 chunks for its first 300
 * candidates (0.7-1.0 s to the first answer in headless Chromium); it now fetches 8 (0.37 s).
 * Long pages fill a chunk each: there the bound of 16 chunks keeps the Japanese corpora's
 * precision at 100% (8 chunks: 98.8%).
 */
export const VERIFY_PAGES = 64;
export const VERIFY_CHUNKS = 16;

export class SearchEngine {
  private metaP?: Promise<IndexMeta>;
  private shards = new Map<string, Promise<Shard>>();
  private chunks = new Map<number, Promise<Chunk>>();

  constructor(private readonly loader: IndexLoader) {}

  private meta(): Promise<IndexMeta> {
    return (this.metaP ??= this.loader.meta());
  }

  private shard(key: string): Promise<Shard> {
    let s = this.shards.get(key);
    if (!s) this.shards.set(key, (s = this.loader.shard(key)));
    return s;
  }

  private chunk(n: number): Promise<Chunk> {
    let c = this.chunks.get(n);
    if (!c) this.chunks.set(n, (c = this.loader.chunk(n)));
    return c;
  }

  private async pageText(meta: IndexMeta, id: number): Promise<PageText> {
    const [title, headings, body] = (await this.chunk(meta.pages[id][2]))[id];
    return { title, headings, body };
  }

  /** Pages holding a term (a word: also those holding a longer word it begins). */
  private async postings(meta: IndexMeta, term: string): Promise<Set<number>> {
    const key = shardKey(term);
    if (!meta.shards.includes(key)) return new Set();
    const shard = await this.shard(key);
    const ids = new Set<number>(shard[term] ? decodePostings(shard[term]) : []);
    if (isWordTerm(term) && term.length >= 2) {
      for (const [t, list] of Object.entries(shard)) if (t !== term && t.startsWith(term)) for (const id of decodePostings(list)) ids.add(id);
    }
    return ids;
  }

  /**
   * Loads the list of pages ahead of the first query (the dialog calls it when it opens, while the
   * reader types). A failure is forgotten: the first search tries again and reports it.
   */
  preload(): Promise<void> {
    return this.meta().then(
      () => undefined,
      () => {
        this.metaP = undefined;
      },
    );
  }

  /** The excerpt of a hit that came without one (it loads the page's text chunk). */
  async excerpt(hit: Pick<SearchHit, 'id'>, query: string): Promise<ExcerptPart[]> {
    const meta = await this.meta();
    return excerpt((await this.pageText(meta, hit.id)).body, query);
  }

  /**
   * The first `limit` results; the first `withExcerpts` of them with excerpts, so that the first
   * answer needs the text of those pages only.
   */
  async search(query: string, limit = 50, withExcerpts = 10): Promise<SearchAnswer> {
    const qTerms = uniqueTerms(query);
    if (qTerms.length === 0) return { total: 0, hits: [] };
    const meta = await this.meta();
    const sets = await Promise.all(qTerms.map((t) => this.postings(meta, t)));
    const matched = new Map<number, number>();
    for (const set of sets) for (const id of set) matched.set(id, (matched.get(id) ?? 0) + 1);

    const all = [...matched].filter(([, n]) => n === qTerms.length).map(([id]) => id).sort((a, b) => a - b);
    // The titles are in meta: pages naming the phrase there are checked (and so ranked) first.
    const phrase = phraseForm(query);
    const inTitle = new Set(all.filter((id) => phraseForm(meta.pages[id][1]).includes(phrase)));
    const chunkOf = (id: number) => meta.pages[id][2];
    const perChunk = new Map<number, number>();
    for (const id of all) perChunk.set(chunkOf(id), (perChunk.get(chunkOf(id)) ?? 0) + 1);
    const fetched = new Set<number>();
    let covered = 0;
    for (const chunk of new Set([...inTitle, ...all].map(chunkOf))) {
      if (fetched.size === VERIFY_CHUNKS || covered >= VERIFY_PAGES) break;
      fetched.add(chunk);
      covered += perChunk.get(chunk)!;
    }
    const verify = all.filter((id) => fetched.has(chunkOf(id)));
    const texts = await Promise.all(verify.map((id) => this.pageText(meta, id)));
    const exact: { id: number; hit: ExactHit }[] = [];
    const allParts: { id: number; length: number }[] = [];
    verify.forEach((id, i) => {
      const hit = locate(query, texts[i]);
      if (hit) exact.push({ id, hit });
      else allParts.push({ id, length: texts[i].body.length });
    });
    exact.sort((a, b) => compareExact(a.hit, b.hit) || a.id - b.id);
    allParts.sort((a, b) => a.length - b.length || a.id - b.id);
    const unverified = all.filter((id) => !fetched.has(chunkOf(id))).sort((a, b) => Number(inTitle.has(b)) - Number(inTitle.has(a)) || a - b);
    const need = Math.max(1, Math.ceil(qTerms.length / 2));
    const some = [...matched]
      .filter(([, n]) => n < qTerms.length && n >= need)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([id]) => id);

    const ordered: { id: number; match: Match }[] = [
      ...exact.map((e) => ({ id: e.id, match: 'exact' as const })),
      // Not checked: they may hold the phrase, which those checked without it do not.
      ...unverified.map((id) => ({ id, match: 'all-parts' as const })),
      ...allParts.map((p) => ({ id: p.id, match: 'all-parts' as const })),
      ...some.map((id) => ({ id, match: 'some-parts' as const })),
    ];
    const hits = await Promise.all(
      ordered.slice(0, limit).map(async ({ id, match }, i) => {
        const [url, title] = meta.pages[id];
        const cut = i < withExcerpts ? excerpt((await this.pageText(meta, id)).body, query) : null;
        return { id, url, title, match, excerpt: cut };
      }),
    );
    return { total: ordered.length, hits };
  }
}

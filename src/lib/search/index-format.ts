/**
 * The search index as static files, built once per site and fetched by the browser piece by
 * piece, so a query costs only the files it needs:
 * - `meta`: every indexed page (URL, title, which text chunk holds it) and the list of shards;
 * - shards: term -> the pages that hold it (ascending page numbers, delta-encoded), grouped by
 *   the term's first character, so that the words starting with a prefix share one shard;
 * - text chunks: the pages' title, headings and text, to verify exact phrases, rank and cut
 *   excerpts in the browser, a few pages per file.
 * The I/O side (src/io/search-index.ts) gzips each file; these functions are pure.
 */
import { isWordTerm, uniqueTerms } from './segment.ts';

export const INDEX_VERSION = 1;
/** Shards for Japanese bigrams: first character's code point modulo this. */
export const CJK_SHARDS = 64;
/** A text chunk holds pages until it reaches this many characters. */
export const CHUNK_CHARS = 30_000;

/** One indexed page, as extracted from the built HTML (text already NFKC, whitespace folded). */
export interface SearchDoc {
  url: string;
  title: string;
  headings: string[];
  body: string;
}

export interface IndexMeta {
  version: typeof INDEX_VERSION;
  /** Shard keys that exist (a query never asks for a file that is not there). */
  shards: string[];
  /** Per page: [url, title, chunk number]. */
  pages: [string, string, number][];
  /**
   * File names by content hash, set when the files are written (src/io/search-index.ts): a
   * browser that cached an older build's files never mixes them with this meta.
   */
  files?: { shards: Record<string, string>; chunks: string[] };
}

/** term -> delta-encoded ascending page numbers */
export type Shard = Record<string, number[]>;
/** page number -> [title, headings, body] */
export type Chunk = Record<string, [string, string[], string]>;

export interface BuiltIndex {
  meta: IndexMeta;
  shards: Map<string, Shard>;
  chunks: Chunk[];
}

/** Which shard a term lives in: a word by its first letter, a bigram by its first character. */
export function shardKey(term: string): string {
  const cp = term.codePointAt(0)!;
  if (isWordTerm(term)) return /[a-z0-9]/.test(term[0]) ? term[0] : `w${(cp % 16).toString(36)}`;
  return `j${(cp % CJK_SHARDS).toString(36)}`;
}

export function encodePostings(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]));
}

export function decodePostings(deltas: number[]): number[] {
  const out: number[] = [];
  let acc = 0;
  for (const d of deltas) out.push((acc += d));
  return out;
}

/** Every term of a page: title, headings and text. */
export function docTerms(doc: SearchDoc): string[] {
  return uniqueTerms([doc.title, ...doc.headings, doc.body].join('\n'));
}

/**
 * The index of `docs`, page numbers in their order. `termsOf` gives each page's terms (docTerms),
 * so that a caller who already has them (the build's worker, as pages arrive) does not segment again.
 */
export function buildIndex(docs: SearchDoc[], termsOf: (doc: SearchDoc, id: number) => string[] = docTerms): BuiltIndex {
  const postings = new Map<string, number[]>();
  docs.forEach((doc, id) => {
    for (const term of termsOf(doc, id)) {
      const list = postings.get(term);
      if (list) list.push(id);
      else postings.set(term, [id]);
    }
  });
  const shards = new Map<string, Shard>();
  for (const term of [...postings.keys()].sort()) {
    const key = shardKey(term);
    const shard = shards.get(key) ?? {};
    shard[term] = encodePostings(postings.get(term)!);
    shards.set(key, shard);
  }
  const chunks: Chunk[] = [];
  let size = Infinity;
  const pages: IndexMeta['pages'] = docs.map((doc, id) => {
    const chars = doc.title.length + doc.body.length + doc.headings.join('').length;
    if (size + chars > CHUNK_CHARS && size > 0) {
      chunks.push({});
      size = 0;
    }
    chunks[chunks.length - 1][id] = [doc.title, doc.headings, doc.body];
    size += chars;
    return [doc.url, doc.title, chunks.length - 1];
  });
  return { meta: { version: INDEX_VERSION, shards: [...shards.keys()].sort(), pages }, shards, chunks };
}

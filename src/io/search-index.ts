/**
 * Writes the site's search index into the built site (the post-build step, src/io/built-site.ts):
 * every indexed page's HTML is read (src/lib/search/extract.ts), the index is built (index-format.ts) and
 * written as gzipped JSON files under `hk-search/`, each named by its content hash except
 * `meta.json.gz`, which lists the others. The browser fetches meta, then only the shards and text
 * chunks a query needs (src/components/search/search-ui.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUILT_FILE, writeFileAtomic } from './atomic-write.ts';
import { extractPage, INDEXED_MARKER } from '../lib/search/extract.ts';
import { buildIndex, type IndexMeta, type SearchDoc } from '../lib/search/index-format.ts';

export const SEARCH_DIR = 'hk-search';
export const META_FILE = 'meta.json.gz';

const MARKER = Buffer.from(INDEXED_MARKER);

/** The indexed part of one built page ("runbooks/x/index.html"), or null when it is not indexed. */
export function searchDoc(file: string, html: string): SearchDoc | null {
  if (file !== 'index.html' && !file.endsWith('/index.html')) return null;
  const rel = file.split('/').slice(0, -1).join('/');
  return extractPage(html, rel ? `${rel}/` : '');
}

const utf8 = new TextDecoder();

/**
 * searchDoc of a page, or of the part of it the index reads, as bytes. Most pages are not indexed
 * (the English UI's copies, index pages): their bytes are searched for the marker, not decoded.
 */
export function searchDocOfBytes(file: string, bytes: Uint8Array): SearchDoc | null {
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(MARKER)) return null;
  return searchDoc(file, utf8.decode(bytes));
}

/**
 * The indexed pages of a built site read from disk, with URLs relative to the site's base
 * ("runbooks/x/"): what the build's post-build step indexes (the search benchmark, tests).
 */
export function readSearchDocs(outDir: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  // The pages a URL ends in "/" reaches, listed as the CSP step lists pages (tinyglobby).
  for (const file of globSync('**/index.html', { cwd: outDir, dot: false }).sort()) {
    const doc = searchDocOfBytes(file, readFileSync(join(outDir, file)));
    if (doc) docs.push(doc);
  }
  return docs;
}

export interface WrittenIndex {
  pages: number;
  files: number;
  bytes: number;
}

/** Builds the index of `docs` and writes it under outDir; `termsOf` as in buildIndex. */
export function writeSearchIndex(outDir: string, docs: SearchDoc[], termsOf?: (doc: SearchDoc, id: number) => string[]): WrittenIndex {
  const built = buildIndex(docs, termsOf);
  const dir = join(outDir, SEARCH_DIR);
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  let files = 0;
  const write = (name: string, value: unknown) => {
    // zlib's default level: at 1,000 runbooks level 9 took 0.29 s against 0.06 s for 1.5% fewer
    // bytes (635 against 644 KB), on the worker the CSP step waits for.
    const data = gzipSync(JSON.stringify(value), { level: 6 });
    writeFileAtomic(join(dir, name), data, BUILT_FILE);
    bytes += data.length;
    files++;
  };
  const named = (prefix: string, value: unknown) => {
    const name = `${prefix}-${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 10)}.json.gz`;
    write(name, value);
    return name;
  };
  const shards: Record<string, string> = {};
  for (const [key, shard] of built.shards) shards[key] = named(`s-${key}`, shard);
  const chunks = built.chunks.map((chunk, i) => named(`t-${i}`, chunk));
  write(META_FILE, { ...built.meta, files: { shards, chunks } });
  return { pages: built.meta.pages.length, files, bytes };
}

/** The index's meta file of a built site (tests, benchmark). */
export function readSearchMeta(outDir: string): IndexMeta {
  return JSON.parse(gunzipSync(readFileSync(join(outDir, SEARCH_DIR, META_FILE))).toString('utf8')) as IndexMeta;
}

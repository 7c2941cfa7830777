/**
 * Writes the site's search index into the built site (at `astro:build:done`): every indexed
 * page's HTML is read (src/lib/search/extract.ts), the index is built (index-format.ts) and
 * written as gzipped JSON files under `hk-search/`, each named by its content hash except
 * `meta.json.gz`, which lists the others. The browser fetches meta, then only the shards and text
 * chunks a query needs (src/components/search/search-ui.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { globSync } from 'tinyglobby';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUILT_FILE, writeFileAtomic } from './atomic-write.ts';
import { extractPage, INDEXED_MARKER } from '../lib/search/extract.ts';
import { buildIndex, docTerms, type IndexMeta, type SearchDoc } from '../lib/search/index-format.ts';

export const SEARCH_DIR = 'hk-search';
export const META_FILE = 'meta.json.gz';

const MARKER = Buffer.from(INDEXED_MARKER);

/** The indexed part of one built page ("runbooks/x/index.html"), or null when it is not indexed. */
export function searchDoc(file: string, html: string): SearchDoc | null {
  if (file !== 'index.html' && !file.endsWith('/index.html')) return null;
  const rel = file.split('/').slice(0, -1).join('/');
  return extractPage(html, rel ? `${rel}/` : '');
}

/**
 * The indexed pages of a built site read from disk, with URLs relative to the site's base
 * ("runbooks/x/"): what the build's worker gets from the CSP step (the search benchmark, tests).
 */
export function readSearchDocs(outDir: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  // The pages a URL ends in "/" reaches, listed as the CSP step lists pages (tinyglobby).
  for (const file of globSync('**/index.html', { cwd: outDir, dot: false }).sort()) {
    // Most pages are not indexed (the English UI's copies, index pages): their bytes are searched
    // for the marker, not decoded.
    const bytes = readFileSync(join(outDir, file));
    if (!bytes.includes(MARKER)) continue;
    const doc = searchDoc(file, bytes.toString('utf8'));
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

// The worker segments each page as it arrives; it imports this module's bundle alone.
export { docTerms };

/** A search index built on a worker thread from the pages handed to it. */
export interface SearchIndexBuilder {
  /**
   * A built page's bytes, as read by the CSP step before it rewrites the page, and the part of
   * them that holds all the index reads, if known (the rest is not sent); pages not indexed are
   * skipped here.
   */
  add(file: string, page: Uint8Array, indexed?: { start: number; end: number }): void;
  /**
   * No more pages: the worker builds and writes the index, and this resolves once it is on disk.
   * Called again, it returns the same promise (the CSP step ends the pages, the build awaits them).
   */
  finish(): Promise<WrittenIndex>;
  /** Stops the worker without writing anything (the build failed). */
  abort(): Promise<void>;
}

/**
 * The index is built on a second core while the CSP step runs on the first (at 10,000 runbooks
 * the two took 19 s and 34 s one after the other). The CSP step reads every page anyway and hands
 * the indexed ones over as it reads them, so each page is read once, no one reads a page while
 * the step rewrites it, and the index is built while the step rewrites the pages.
 */
export function startSearchIndex(outDir: string): SearchIndexBuilder {
  // "../io/": right from this file and from the prebuilt integration in src/integration/.
  const worker = new Worker(new URL('../io/search-index-worker.mjs', import.meta.url), { workerData: { outDir } });
  let written: WrittenIndex | undefined;
  let failed: Error | undefined;
  worker.once('message', (result: WrittenIndex) => (written = result));
  worker.once('error', (e: Error) => (failed = e));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  let finished: Promise<WrittenIndex> | undefined;
  return {
    add(file, page, indexed) {
      // Most pages are not indexed: only those with the marker cross to the worker, which decodes
      // them; of a runbook page, the part it reads is less than half.
      const part = Buffer.from(page.buffer, page.byteOffset + (indexed?.start ?? 0), indexed ? indexed.end - indexed.start : page.byteLength);
      // A copy of the part alone: a view would take its whole buffer along.
      if (part.includes(INDEXED_MARKER)) worker.postMessage({ file, page: new Uint8Array(part) });
    },
    finish() {
      if (!finished) {
        worker.postMessage({ done: true });
        finished = exited.then((code) => {
          if (failed) throw failed;
          if (!written) throw new Error(`the search index was not written: its worker stopped with exit code ${code}`);
          return written;
        });
        // Awaited by the build unless the build failed first (then abort() is what counts).
        finished.catch(() => {});
      }
      return finished;
    },
    async abort() {
      await worker.terminate();
    },
  };
}

/** The index's meta file of a built site (tests, benchmark). */
export function readSearchMeta(outDir: string): IndexMeta {
  return JSON.parse(gunzipSync(readFileSync(join(outDir, SEARCH_DIR, META_FILE))).toString('utf8')) as IndexMeta;
}

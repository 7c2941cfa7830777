/**
 * The post-build step (the Content-Security-Policy step, src/io/site-security.ts, and the search
 * index, src/io/search-index.ts) on a worker thread that starts while Astro renders. Astro hands
 * each page it renders to the worker (through a wrapper around its prerenderer), which reads it
 * there while the main thread renders the next ones; after the build only the rewriting and the
 * index's files are left. At 1,000 runbooks the step took 1.4 s after the build, most of it
 * reading and analysing 2,155 pages, while the second core was mostly idle during rendering.
 */
import { Worker } from 'node:worker_threads';
import type { AstroPrerenderer, RouteData } from 'astro';
import { readPageFacts, secureSite, type PageFacts, type SecureSiteOptions, type SecureSiteReport } from './site-security.ts';
import { searchDocOfBytes, writeSearchIndex, type WrittenIndex } from './search-index.ts';
import { docTerms, type SearchDoc } from '../lib/search/index-format.ts';

export type BuiltSiteOptions = Pick<SecureSiteOptions, 'base' | 'security' | 'assetsDir'> & { outDir: string };

export interface BuiltSiteReport {
  security: SecureSiteReport;
  index: WrittenIndex;
}

/** The step on the thread it runs on: pages as Astro renders them, then the rest once the build is done. */
export function createBuiltSiteStep() {
  const known = new Map<string, PageFacts>();
  const values = new Map<string, string>();
  const docs = new Map<string, { doc: SearchDoc; terms: string[] }>();
  // Of a runbook page, the part the index reads is less than half (PageAnalysis.indexed).
  const index = (file: string, page: Buffer, indexed?: { start: number; end: number }) => {
    const doc = searchDocOfBytes(file, indexed ? page.subarray(indexed.start, indexed.end) : page);
    if (doc) docs.set(file, { doc, terms: docTerms(doc) });
    else docs.delete(file);
  };
  return {
    /** A page as Astro rendered it, by the file it is written to ("runbooks/x/index.html"). */
    page(file: string, page: Buffer) {
      const facts = readPageFacts(page, values);
      known.set(file, facts);
      index(file, page, facts.analysis.indexed);
    },
    /** The build is done: every page on disk made safe (those not handed in, or changed since, read now) and the index written. */
    finish({ outDir, ...options }: BuiltSiteOptions): BuiltSiteReport {
      let onDisk: ReadonlySet<string> = new Set();
      const security = secureSite(outDir, { ...options, known, onPage: index, onPagesRead: (files) => (onDisk = new Set(files)) });
      // In the order of the files' names, as readSearchDocs lists them.
      const pages = [...docs].filter(([file]) => onDisk.has(file)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const written = writeSearchIndex(outDir, pages.map(([, p]) => p.doc), (_, id) => pages[id][1].terms);
      return { security, index: written };
    },
  };
}

/** The step's worker, seen from the build. */
export interface BuiltSiteWorker {
  /** A page as Astro rendered it; copied to the worker. */
  page(file: string, page: Uint8Array): void;
  /** The build is done: resolves once every page is rewritten and the index written. */
  finish(options: BuiltSiteOptions): Promise<BuiltSiteReport>;
  /** Stops the worker without writing anything (the build failed). */
  abort(): Promise<void>;
}

export function startBuiltSite(): BuiltSiteWorker {
  // "../io/": right from this file and from the prebuilt integration in src/integration/.
  const worker = new Worker(new URL('../io/built-site-worker.mjs', import.meta.url));
  // Until the build is done it must not keep alive a process whose build failed.
  worker.unref();
  let report: BuiltSiteReport | undefined;
  let failed: Error | undefined;
  worker.once('message', (result: BuiltSiteReport) => (report = result));
  worker.once('error', (e: Error) => (failed = e));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  let finished: Promise<BuiltSiteReport> | undefined;
  return {
    page(file, page) {
      worker.postMessage({ file, page });
    },
    finish(options) {
      if (!finished) {
        worker.ref();
        worker.postMessage({ done: options });
        finished = exited.then((code) => {
          if (failed) throw failed;
          if (!report) throw new Error(`the post-build step stopped with exit code ${code} before it finished`);
          return report;
        });
      }
      return finished;
    },
    async abort() {
      await worker.terminate();
    },
  };
}

/**
 * Below this many pages the step reads them after the build instead: the worker reading pages
 * slows the rendering thread it shares the machine with (its compiler warming up, two threads on
 * two cores), which a small site's short step does not pay back. With 100 runbooks (311 pages)
 * rendering took 0.3 to 0.4 s longer and the step 0.25 s less (builds of 3.85 s against 4.16 s,
 * medians of four interleaved rounds); with 1,000 (2,155 pages) a build took 0.7 s less.
 */
const OVERLAP_MIN_PAGES = 1000;

/** HIKITSUGI_OVERLAP_MIN_PAGES sets it for a build (the tests build the small sample site both ways). */
export function overlapMinPages(value: string | undefined): number {
  if (value === undefined || value === '') return OVERLAP_MIN_PAGES;
  if (!/^\d+$/.test(value)) throw new Error(`HIKITSUGI_OVERLAP_MIN_PAGES must be a whole number of pages, not ${JSON.stringify(value)}`);
  return Number(value);
}

export interface TapOptions {
  /** Hand over no page when the site has fewer pages than this. */
  minPages?: number;
  /** Astro starts rendering (it has listed the pages). */
  onStart?: () => void;
}

/**
 * Astro's prerenderer, with each HTML page it renders also handed to `onPage` (its bytes, as Astro
 * writes them). Everything else, and what Astro gets, is unchanged.
 */
export function tapPrerenderer(inner: AstroPrerenderer, onPage: (request: Request, route: RouteData, page: Uint8Array) => void, { minPages = 0, onStart }: TapOptions = {}): AstroPrerenderer {
  // Everything but render and getStaticPaths is the inner prerenderer's own, and those two run
  // with the same `this` as the rest (a prerenderer may keep its state on itself).
  const tapped: AstroPrerenderer = Object.create(inner);
  let tapping = true;
  tapped.getStaticPaths = async () => {
    const paths = await inner.getStaticPaths.call(tapped);
    tapping = paths.length >= minPages;
    onStart?.();
    return paths;
  };
  tapped.render = async (request, options) => {
    const result = await inner.render.call(tapped, request, options);
    if (!tapping) return result;
    const response = result instanceof Response ? result : result.response;
    const type = response.headers.get('content-type');
    // As Astro writes pages: any status but a redirect's (the 404 page is a 404).
    const redirect = response.status >= 300 && response.status < 400;
    if (options.routeData.type !== 'page' || redirect || !response.body || (type !== null && !type.startsWith('text/html'))) return result;
    const page = new Uint8Array(await response.arrayBuffer());
    onPage(request, options.routeData, page);
    const copy = new Response(page, { status: response.status, statusText: response.statusText, headers: response.headers });
    return result instanceof Response ? copy : { ...result, response: copy };
  };
  return tapped;
}

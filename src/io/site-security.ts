/**
 * The post-build step that makes the built site work under a strict Content-Security-Policy
 * (see src/lib/security/): every page's style attributes move into one shared stylesheet, its
 * inline scripts and styles are hashed, the policy goes into each page as a <meta> and into the
 * header files for the common static hosts. Pages are rewritten in place, as Astro wrote them
 * moments before in this build: nothing else reads them meanwhile (the search index gets each page
 * from this step, `onPage`), a build that stops here fails and is no more published than one that
 * stops while Astro writes, and a rename per page cost 0.8 to 1.0 s at 1,000 runbooks against 0.45
 * to 0.5 s. The files this step adds (stylesheet, host files) and the site's CSS it edits are
 * still written beside and renamed into place.
 *
 * Reading and analysing the pages is most of the step. In a build, a worker thread does that for
 * each page while Astro renders the next ones (src/io/built-site.ts) and hands the facts in as
 * `known`; a page whose bytes on disk are not those facts' (another integration changed it) is
 * read again here.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { globSync } from 'tinyglobby';
import { BUILT_FILE, writeFileAtomic } from './atomic-write.ts';
import { analyzePage, bytesOfText, escapeAttribute, rewritePage, type PageAnalysis } from '../lib/security/html.ts';
import { createStyleRegistry, rewriteStyleSelectors, styleSelectorsLeft, stylesheetName } from '../lib/security/inline-styles.ts';
import { buildPolicy, hashSource, policyString } from '../lib/security/policy.ts';
import { renderHeadersFile, renderHtaccess, renderNginx, ROBOTS_NOINDEX, securityHeaders } from '../lib/security/host-files.ts';
import type { SecuritySettings } from '../lib/security/settings.ts';

export interface SecureSiteOptions {
  /** The site's base path, e.g. "/" or "/handbook/". */
  base: string;
  security: SecuritySettings;
  /** Astro's build.assets folder. */
  assetsDir?: string;
  /**
   * Each page read here (not known), before it is rewritten ("runbooks/x/index.html"), with the
   * part of it the search index reads (see PageAnalysis.indexed), when known: the index reads them here.
   */
  onPage?: (file: string, page: Buffer, indexed?: PageAnalysis['indexed']) => void;
  /** Every page has been read (those not known handed to onPage); the rewriting starts. */
  onPagesRead?: (files: readonly string[]) => void;
  /** Facts of pages read before this step, by file ("runbooks/x/index.html"); each is checked against the page on disk. */
  known?: ReadonlyMap<string, PageFacts>;
}

/** What the step needs of one page, without the page: positions, hashes, style values. */
export interface PageFacts {
  /** The byte length and CRC-32 of the page these facts are of. */
  size: number;
  crc: number;
  /** Positions, and each style attribute's value (shared with other pages'); no page text. */
  analysis: PageAnalysis;
  hashes: { script: string[]; style: string[] };
  blocked: string[];
}

/**
 * A page's facts from its bytes. `values` shares style attribute values between pages: a value cut
 * from a page keeps the whole page alive, and a site has a few dozen distinct ones.
 */
export function readPageFacts(page: Buffer, values: Map<string, string> = new Map()): PageFacts {
  // Read as bytes, one Latin-1 character each (see analyzePage): no decoding, and hashes of the exact bytes.
  const analysis = analyzePage(page.toString('latin1'), { bytes: true });
  const shared = (value: string) => {
    let copy = values.get(value);
    if (copy === undefined) values.set((copy = Buffer.from(value, 'latin1').toString('latin1')), copy);
    return copy;
  };
  return {
    size: page.length,
    crc: crc32(page),
    analysis: {
      ...analysis,
      scripts: [],
      styles: [],
      blocked: [],
      styleAttributes: analysis.styleAttributes.map((a) => ({
        start: a.start,
        end: a.end,
        tag: '',
        value: shared(a.value),
        searchHint: a.searchHint,
        classAttr: a.classAttr && { start: a.classAttr.start, end: a.classAttr.end, value: Buffer.from(a.classAttr.value, 'latin1').toString('latin1') },
      })),
    },
    // Inline code as read (bytes as Latin-1 characters), hashed as the bytes it is.
    hashes: { script: [...new Set(analysis.scripts.map(hashOf))], style: [...new Set(analysis.styles.map(hashOf))] },
    blocked: [...new Set(analysis.blocked)],
  };
}

const hashOf = (source: string) => hashSource(Buffer.from(source, 'latin1'));

export interface SecureSiteReport {
  pages: number;
  scriptsHashed: number;
  stylesHashed: number;
  attributesMoved: number;
  classes: number;
  stylesheet?: { file: string; bytes: number };
  headersBytes: number;
  /** Selectors rewritten in the site's CSS to match the moved token colours. */
  selectorsRewritten: number;
  /** Problems the policy will block, as "page: what" lines, for the build log. */
  warnings: string[];
  /** Pages whose facts were known (read while Astro rendered them) and still held. */
  known: number;
  ms: number;
}

export const HOST_FILES = { headers: '_headers', nginx: 'security-headers.nginx.conf', apache: '.htaccess' } as const;

export function secureSite(dir: string, options: SecureSiteOptions): SecureSiteReport {
  const started = performance.now();
  const assets = options.assetsDir ?? '_astro';
  const warnings: string[] = [];
  const registry = createStyleRegistry();
  const scripts = new Set<string>();
  const styles = new Set<string>();

  // Pass 1: every page's facts, and each style attribute's class (in the order of the sorted
  // files, so names are reproducible whatever order the facts were read in).
  const files = globSync('**/*.html', { cwd: dir, dot: false }).sort();
  const pages: Array<{ file: string; facts: PageFacts; classes: Array<string | undefined> }> = [];
  const values = new Map<string, string>();
  let known = 0;
  for (const file of files) {
    const page = readFileSync(join(dir, file));
    let facts = options.known?.get(file);
    if (facts && facts.size === page.length && facts.crc === crc32(page)) known++;
    else {
      facts = readPageFacts(page, values);
      options.onPage?.(file, page, facts.analysis.indexed);
    }
    const classes = facts.analysis.styleAttributes.map((a) => registry.classFor(a));
    facts.hashes.script.forEach((h) => scripts.add(h));
    facts.hashes.style.forEach((h) => styles.add(h));
    for (const what of facts.blocked) warnings.push(`${file}: ${what} will not run under the Content-Security-Policy`);
    pages.push({ file, facts, classes });
  }
  options.onPagesRead?.(files);
  for (const value of new Set(registry.dropped)) warnings.push(`a style attribute was dropped, it cannot be moved into a stylesheet safely: ${JSON.stringify(value.slice(0, 80))}`);

  // The site's own CSS still selects token spans by their style attribute.
  let selectorsRewritten = 0;
  const assetsPath = join(dir, assets);
  for (const name of existsDir(assetsPath) ? readdirSync(assetsPath).filter((n) => n.endsWith('.css')) : []) {
    const path = join(assetsPath, name);
    const before = readFileSync(path, 'utf8');
    if (!before.includes('[style')) continue;
    const { css, count } = rewriteStyleSelectors(before);
    selectorsRewritten += count;
    for (const left of new Set(styleSelectorsLeft(css))) warnings.push(`${assets}/${name}: the selector ${left} matches nothing once style attributes are classes`);
    if (count) writeFileAtomic(path, css, BUILT_FILE);
  }

  const css = registry.css();
  let stylesheet: SecureSiteReport['stylesheet'];
  if (css) {
    const file = `${assets}/${stylesheetName(css)}`;
    writeFileAtomic(join(dir, file), css, BUILT_FILE);
    stylesheet = { file, bytes: Buffer.byteLength(css) };
  }

  // Pass 2: each page gets its classes, the link, and a policy with only its own hashes.
  const allow = options.security.allow;
  // What goes into the pages is in their form: bytes as Latin-1 characters.
  const link = stylesheet ? bytesOfText(`<link rel="stylesheet" href="${escapeAttribute(options.base + stylesheet.file)}">`) : '';
  const robots = options.security.noindex ? `<meta name="robots" content="${ROBOTS_NOINDEX}">` : '';
  // Pages share a few sets of inline code (Starlight's scripts on every page): one meta per set.
  const metas = new Map<string, string>();
  const metaFor = (hashes: { script: string[]; style: string[] }) => {
    const key = `${hashes.script.join(' ')}|${hashes.style.join(' ')}`;
    let meta = metas.get(key);
    if (meta === undefined) {
      meta = bytesOfText(`<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policyString(buildPolicy({ scriptHashes: hashes.script, styleHashes: hashes.style, allow }), { forMeta: true }))}">`);
      metas.set(key, meta);
    }
    return meta;
  };
  for (const { file, facts, classes } of pages) {
    const path = join(dir, file);
    let i = 0;
    const html = rewritePage(readFileSync(path, 'latin1'), facts.analysis, {
      classFor: () => classes[i++],
      headStart: metaFor(facts.hashes) + robots,
      headEnd: facts.analysis.styleAttributes.length ? link : '',
      dropRobotsMeta: options.security.noindex,
    });
    writeFileSync(path, html, 'latin1');
  }

  const headers = securityHeaders(buildPolicy({ scriptHashes: scripts, styleHashes: styles, allow }), { noindex: options.security.noindex });
  const headersFile = renderHeadersFile(headers, options.base);
  writeFileAtomic(join(dir, HOST_FILES.headers), headersFile, BUILT_FILE);
  writeFileAtomic(join(dir, HOST_FILES.nginx), renderNginx(headers), BUILT_FILE);
  writeFileAtomic(join(dir, HOST_FILES.apache), renderHtaccess(headers), BUILT_FILE);

  return {
    pages: pages.length,
    scriptsHashed: scripts.size,
    stylesHashed: styles.size,
    attributesMoved: registry.moved,
    classes: registry.classCount(),
    stylesheet,
    headersBytes: Buffer.byteLength(headersFile),
    selectorsRewritten,
    warnings,
    known,
    ms: performance.now() - started,
  };
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

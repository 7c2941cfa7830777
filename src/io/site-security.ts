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
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
   * Each page's bytes as built, before it is rewritten ("runbooks/x/index.html"), with the part of
   * them the search index reads (see PageAnalysis.indexed), when known: the index reads them here.
   */
  onPage?: (file: string, page: Buffer, indexed?: PageAnalysis['indexed']) => void;
  /** Every page has been read (and handed to onPage); the rewriting starts. */
  onPagesRead?: () => void;
}

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
  ms: number;
  /** CPU time of the step (parsing, hashing, rewriting), without waiting for the disk. */
  cpuMs: number;
}

export const HOST_FILES = { headers: '_headers', nginx: 'security-headers.nginx.conf', apache: '.htaccess' } as const;

export function secureSite(dir: string, options: SecureSiteOptions): SecureSiteReport {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const assets = options.assetsDir ?? '_astro';
  const warnings: string[] = [];
  const registry = createStyleRegistry();
  const scripts = new Set<string>();
  const styles = new Set<string>();

  // Inline code as read (bytes as Latin-1 characters), hashed as the bytes it is.
  const hashOf = (source: string) => hashSource(Buffer.from(source, 'latin1'));

  // Pass 1: read every page, give each style attribute its class (sorted, so names are reproducible).
  const files = globSync('**/*.html', { cwd: dir, dot: false }).sort();
  const pages: Array<{ file: string; analysis: PageAnalysis; classes: Array<string | undefined>; hashes: { script: string[]; style: string[] } }> = [];
  for (const file of files) {
    // Read as bytes, one Latin-1 character each (see analyzePage): no decoding, and hashes of the exact bytes.
    const page = readFileSync(join(dir, file));
    const analysis = analyzePage(page.toString('latin1'), { bytes: true });
    options.onPage?.(file, page, analysis.indexed);
    const classes = analysis.styleAttributes.map((a) => registry.classFor(a));
    const hashes = { script: [...new Set(analysis.scripts.map(hashOf))], style: [...new Set(analysis.styles.map(hashOf))] };
    hashes.script.forEach((h) => scripts.add(h));
    hashes.style.forEach((h) => styles.add(h));
    for (const what of new Set(analysis.blocked)) warnings.push(`${file}: ${what} will not run under the Content-Security-Policy`);
    pages.push({ file, analysis: positionsOnly(analysis), classes, hashes });
  }
  options.onPagesRead?.();
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
  for (const { file, analysis, classes, hashes } of pages) {
    const path = join(dir, file);
    let i = 0;
    const html = rewritePage(readFileSync(path, 'latin1'), analysis, {
      classFor: () => classes[i++],
      headStart: metaFor(hashes) + robots,
      headEnd: analysis.styleAttributes.length ? link : '',
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
    ms: performance.now() - started,
    cpuMs: (() => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000;
    })(),
  };
}

/**
 * What pass 2 needs of a page: positions, and a class attribute's value copied out. Strings cut
 * from a page (its scripts, attribute values) keep the whole page's text alive, so holding the
 * full analyses until pass 2 held every page of the site: at 4,000 runbooks (8,065 pages) the step
 * took 28 s, most of it collecting garbage.
 */
function positionsOnly(analysis: PageAnalysis): PageAnalysis {
  return {
    ...analysis,
    scripts: [],
    styles: [],
    blocked: [],
    styleAttributes: analysis.styleAttributes.map((a) => ({
      start: a.start,
      end: a.end,
      tag: '',
      value: '',
      searchHint: a.searchHint,
      classAttr: a.classAttr && { start: a.classAttr.start, end: a.classAttr.end, value: Buffer.from(a.classAttr.value).toString() },
    })),
  };
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

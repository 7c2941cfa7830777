/**
 * Internal links in pages: resolve, validate and prefix with the base path.
 * Authors may write a site path (`/runbooks/cloud-sql-failover/`) or a path to the source
 * file (`./cloud-sql-failover.mdx`, which also works in GitHub's preview); both end up as
 * the page's URL under the base path. A link to nothing is an error, found at build time.
 */
import { posix } from 'node:path';

export interface LinkContext {
  /** The page's source path (absolute, with forward slashes). */
  sourcePath: string;
  /** Every site path that exists, with leading and trailing slash: `/runbooks/a/`. */
  routes: ReadonlySet<string>;
  /** Source files (absolute paths) that become pages, to their site path: `/runbooks/a/`. */
  routeOfFile: ReadonlyMap<string, string>;
  /** The site's base path, e.g. `/` or `/handbook/`. */
  base: string;
}

export type LinkResult =
  | { kind: 'external' }
  | { kind: 'internal'; href: string }
  | { kind: 'broken'; message: string };

const PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;
const FILE_LINK = /\.mdx?$/i;

export function resolveLink(href: string, ctx: LinkContext): LinkResult {
  if (PROTOCOL.test(href) || href.startsWith('//')) return { kind: 'external' };
  if (href === '' || href.startsWith('#') || href.startsWith('?')) return { kind: 'external' };

  const hashAt = href.search(/[?#]/);
  const path = hashAt === -1 ? href : href.slice(0, hashAt);
  const suffix = hashAt === -1 ? '' : href.slice(hashAt);
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return { kind: 'broken', message: `link "${href}" is not a valid URL` };
  }

  let route: string | undefined;
  if (FILE_LINK.test(decoded)) {
    const target = posix.normalize(
      posix.join(posix.dirname(ctx.sourcePath), decoded),
    );
    route = ctx.routeOfFile.get(target);
    if (!route) return { kind: 'broken', message: `link "${href}" points to ${target}, which is not a page` };
  } else if (decoded.startsWith('/')) {
    route = withTrailingSlash(decoded);
    if (!ctx.routes.has(route) && !isAsset(decoded)) {
      return { kind: 'broken', message: `link "${href}" points to ${route}, which is not a page of this site` };
    }
    if (isAsset(decoded)) route = decoded;
  } else {
    // A relative site path ("../other/"): resolve against the page's own URL.
    const own = ctx.routeOfFile.get(ctx.sourcePath);
    if (!own) return { kind: 'external' };
    route = withTrailingSlash(posix.normalize(posix.join(own, decoded)));
    if (!ctx.routes.has(route)) {
      return { kind: 'broken', message: `link "${href}" points to ${route}, which is not a page of this site` };
    }
  }
  return { kind: 'internal', href: joinBase(ctx.base, route) + suffix };
}

/**
 * The file a page's image names, when it is a local one (`./img.png`, `../assets/a.svg`):
 * Astro bundles those from beside the page. Remote images, site paths (`/logo.png`, served from
 * public/) and data URLs are not files of the page.
 */
export function localImageFile(url: string, sourcePath: string): string | undefined {
  if (PROTOCOL.test(url) || url.startsWith('//') || url.startsWith('/') || url === '') return undefined;
  const path = url.split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    decoded = path;
  }
  return posix.normalize(posix.join(posix.dirname(sourcePath), decoded));
}

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return b + (path.startsWith('/') ? path : `/${path}`);
}

function withTrailingSlash(p: string): string {
  return p.endsWith('/') ? p : `${p}/`;
}

function isAsset(p: string): boolean {
  return /\.[a-z0-9]{1,5}$/i.test(p) && !FILE_LINK.test(p);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Content is compiled once and shown in every UI language, so its links name the root locale's
 * pages. On another locale's page, point them at that locale's copy: `/handbook/runbooks/x/` ->
 * `/handbook/en/runbooks/x/`. Only links to site pages change; assets, other locales, external
 * links and same-page anchors stay as they are.
 */
export function localizeSiteLinks(html: string, base: string, locale: string, allLocales: readonly string[]): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const skip = [...allLocales.map((l) => `${l}/`), '_astro/', 'pagefind/', 'hk-search/', '/'].map(escapeRegExp).join('|');
  const link = new RegExp(`(<a\\b[^>]*?\\shref=")${escapeRegExp(b)}(?!${skip})([^"]*)"`, 'g');
  return html.replace(link, (whole, start: string, rest: string) =>
    /\.[a-z0-9]{1,5}$/i.test(rest.split(/[?#]/)[0]) ? whole : `${start}${b}${locale}/${rest}"`,
  );
}

/**
 * Which page of this site a runbook URL names: a URL under the site (and its base path), under a
 * prefix the config maps onto the site (an upstream runbook site a team adopted), or a site path.
 */

export interface UrlOptions {
  /** Public URL of the site (`site` in the config), if known. */
  site?: string;
  /** Base path the site is served under, e.g. `/handbook/`. */
  base: string;
  /** URL prefix → site path. */
  urlMap: Record<string, string>;
}

export type ResolvedUrl =
  /** A page of this site, as a site path without the base: `/runbooks/x/`. */
  | { kind: 'site'; path: string }
  /** Somewhere else: cannot be checked here. */
  | { kind: 'external' }
  /** Still has template parts after the alert name is filled in (`{{ $labels.instance }}`). */
  | { kind: 'template' };

/** Template forms of "the alert's name": Prometheus/Alertmanager and Cloud Monitoring. */
const NAME_TEMPLATES = [/\{\{\s*\$labels\.alertname\s*\}\}/g, /\{\{\s*\.(?:Common)?Labels\.alertname\s*\}\}/g, /\$\{policy\.display_name\}/g];

const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);

/** A site path in one form: decoded, no query or hash, no index.html, one trailing slash. */
export function normalizePath(path: string): string {
  let p = path.split(/[?#]/)[0].replace(/\/{2,}/g, '/');
  try {
    p = p.split('/').map((s) => decodeURIComponent(s)).join('/');
  } catch {
    // A stray % stays as written.
  }
  p = p.replace(/\/index\.html?$/i, '/');
  if (!p.startsWith('/')) p = `/${p}`;
  return withSlash(p);
}

function stripBase(path: string, base: string): string {
  const b = withSlash(base.startsWith('/') ? base : `/${base}`);
  return b !== '/' && (path === b.slice(0, -1) || path.startsWith(b)) ? `/${path.slice(b.length)}` : path;
}

function under(url: URL, prefix: string, ignoreCase: boolean): string | null {
  let p: URL;
  try {
    p = new URL(prefix);
  } catch {
    return null;
  }
  if (p.origin !== url.origin) return null;
  const [have, want] = ignoreCase ? [url.pathname.toLowerCase(), p.pathname.toLowerCase()] : [url.pathname, p.pathname];
  const prefixPath = withSlash(want);
  if (withSlash(have) === prefixPath) return '';
  return have.startsWith(prefixPath) ? url.pathname.slice(prefixPath.length) : null;
}

/** Where a rule's runbook URL leads, with the alert's name filled into a template URL. */
export function resolveRunbookUrl(raw: string, alertName: string, options: UrlOptions, ignoreCase = false): ResolvedUrl {
  let value = raw.trim();
  for (const t of NAME_TEMPLATES) value = value.replace(t, alertName);
  if (/\{\{|\$\{/.test(value)) return { kind: 'template' };
  if (value.startsWith('/') && !value.startsWith('//')) return { kind: 'site', path: normalizePath(stripBase(normalizePath(value), options.base)) };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'external' };
  }
  // The longest prefix wins, so a mapped sub-path beats the site itself.
  const prefixes: [string, string][] = Object.entries(options.urlMap);
  if (options.site) prefixes.push([new URL(options.base, withSlash(options.site)).href, '/']);
  prefixes.sort((a, b) => b[0].length - a[0].length);
  for (const [prefix, sitePath] of prefixes) {
    const rest = under(url, prefix, ignoreCase);
    if (rest !== null) return { kind: 'site', path: normalizePath(`${withSlash(sitePath)}${rest}`) };
  }
  return { kind: 'external' };
}

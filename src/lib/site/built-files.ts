/**
 * Which file of the built site a prerendered page's URL becomes, as Astro names it (its
 * `build.format`: "directory" writes /x/ to x/index.html, "file" writes /x.html; the 404 and 500
 * pages are 404.html and 500.html in every format). A wrong or missing answer costs only time:
 * the post-build step checks each page it was handed against the file on disk.
 */
export interface BuiltFileOptions {
  /** The site's base path, "/" or "/handbook/". */
  base: string;
  format: 'directory' | 'file' | 'preserve';
  /** The route is Astro's 404 or 500 page. */
  statusPage: boolean;
}

/** The file, relative to the output folder ("runbooks/x/index.html"), or undefined when unsure. */
export function builtFileOf(urlPath: string, { base, format, statusPage }: BuiltFileOptions): string | undefined {
  let path: string;
  try {
    path = decodeURI(urlPath);
  } catch {
    return undefined;
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (path === prefix.slice(0, -1)) path = prefix;
  if (!path.startsWith(prefix)) return undefined;
  path = path.slice(prefix.length);
  if (path.includes('..') || path.includes('\\')) return undefined;
  if (statusPage) return `${path.replace(/\/$/, '').replace(/\.html$/, '')}.html`;
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  if (path.endsWith('.html')) return path;
  return format === 'directory' ? `${path}/index.html` : undefined;
}

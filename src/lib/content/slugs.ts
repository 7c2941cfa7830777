import { slug as githubSlug } from 'github-slugger';

/**
 * The URL slug of a content file, relative to its kind's folder: `gcp/Cloud SQL.mdx` ->
 * `gcp/cloud-sql`, `gcp/index.md` -> `gcp`. Used both as the collection entry id and by
 * the link checker, so the two can never disagree.
 */
export function slugForFile(relativePath: string): string {
  const withoutExt = relativePath.replace(/\\/g, '/').replace(/\.(mdx?|markdown)$/i, '');
  const segments = withoutExt.split('/').map((s) => githubSlug(s));
  const joined = segments.join('/');
  return joined === 'index' ? 'index' : joined.replace(/\/index$/, '');
}

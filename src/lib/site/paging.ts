/**
 * Index pages that stay small however many pages the site has: an index shows a bounded
 * summary and the first few entries, and full lists are split into numbered pages that plain
 * links reach (no JavaScript). Pure, so the boundaries are unit-tested.
 */
import { slug as githubSlug } from 'github-slugger';

/** Entries per list page: about 40 KB of table rows, and 4,000 runbooks of a service in 40 pages. */
export const PAGE_SIZE = 100;
/** Entries an index page shows inline before it links to the full list. */
export const INLINE_CAP = 50;
/** Retros a page of /retros/all/ and on /retros/: an entry carries its recurring problems, so fewer. */
export const RETRO_PAGE_SIZE = 50;
export const RETRO_CAP = 20;
/** Links a row shows before "N more": a member's exposure and open actions, a problem's earlier retros. */
export const MEMBER_CAP = 10;

/** Number of list pages for `total` entries: an empty list still has its first page, which says so. */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
  /** Index of the first item on this page among all items (0-based). */
  offset: number;
}

/** Every page of a list, in order; page 1 exists even for an empty list. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const count = pageCount(items.length, size);
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, offset: i * size, items: items.slice(i * size, (i + 1) * size) }));
}

/**
 * Site path of page `n` of a list whose first page is `base` (with trailing slash):
 * `/services/gke/` for page 1, `/services/gke/2/` after it. Page 1 has no number so that the
 * list's address is stable and linkable.
 */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/** The `[...page]` route parameter of page `n`: undefined for the first page. */
export const pageParam = (n: number): string | undefined => (n <= 1 ? undefined : String(n));

/**
 * Numbered links of a pager: the first and last page, and two either side of the current one,
 * `null` where numbers are skipped. Bounded (at most 9 entries), so a long list does not make every
 * page of it longer; prev/next walk the rest.
 */
export function pageNumbers(current: number, count: number, around = 2): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1] > 1) out.push(n - sorted[i - 1] === 2 ? n - 1 : null);
    out.push(n);
  });
  return out;
}

/**
 * URL slugs for service names, one per distinct name. Service names are free text ("Cloud SQL",
 * "決済 API", "a/b"), so they are slugged like file names (lowercase, punctuation dropped, spaces as
 * "-"). Names that slug the same ("Cloud SQL" and "cloud-sql") each get a page: a name that is its
 * own slug keeps it (so adding "Cloud SQL" does not move the cloud-sql page), then in code-point
 * order the first keeps the slug and the others get "-2", "-3", ..., never a slug another name has
 * on its own. Deterministic: the same names give the same slugs on every build.
 */
export function serviceSlugs(names: Iterable<string>): Map<string, string> {
  const slugOf = (name: string) => githubSlug(name.normalize('NFKC')) || 'service';
  const rank = (name: string) => (slugOf(name) === name ? 0 : 1);
  const distinct = [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const base = new Map(distinct.map((name) => [name, slugOf(name)]));
  const taken = new Set(base.values());
  const claimed = new Set<string>();
  const result = new Map<string, string>();
  for (const name of distinct) {
    const slug = base.get(name)!;
    if (!claimed.has(slug)) {
      claimed.add(slug);
      result.set(name, slug);
      continue;
    }
    let n = 2;
    while (taken.has(`${slug}-${n}`)) n++;
    taken.add(`${slug}-${n}`);
    result.set(name, `${slug}-${n}`);
  }
  return result;
}

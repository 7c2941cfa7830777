/** Orderings the index pages share; pure so they are unit-tested. */
import { SEVERITIES } from './schema.ts';
import { serviceSlugs } from '../site/paging.ts';

export interface Titled {
  title: string;
}

// One collator for every comparison: localeCompare with a locale makes a new one per call, which
// was 0.35 s of the rendering at 4,000 runbooks (sorting each service's and alert's runbooks).
const JA_NUMERIC = new Intl.Collator('ja', { numeric: true });
const JA = new Intl.Collator('ja');

/** Japanese-aware title order (Latin, then kana by reading, then kanji; numbers by value). */
export const byTitle = (a: Titled, b: Titled) => JA_NUMERIC.compare(a.title, b.title);

/** Runbooks grouped by service, services alphabetical, worst severity first within a service. */
export function groupRunbooks<T extends { service: string; severity: (typeof SEVERITIES)[number]; title: string }>(
  runbooks: T[],
): [service: string, runbooks: T[]][] {
  // Map.groupBy, not a copy of the group per page: at 10,000 runbooks the copies were quadratic.
  return [...Map.groupBy(runbooks, (r) => r.service).entries()]
    .sort(([a], [b]) => JA.compare(a, b))
    .map(([service, list]) => [
      service,
      list.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || byTitle(a, b)),
    ]);
}

/** Newest first; same-day pages by title. */
export const newestFirst = <T extends { date: string; title: string }>(a: T, b: T) =>
  b.date.localeCompare(a.date) || byTitle(a, b);

type Severity = (typeof SEVERITIES)[number];

export interface ServiceGroup<T> {
  service: string;
  /** The service page's URL segment (`serviceSlugs`): unique per service. */
  slug: string;
  /** Worst severity first, as `groupRunbooks` orders them. */
  runbooks: T[];
  bySeverity: Record<Severity, number>;
  overdue: number;
  dueSoon: number;
}

/**
 * The runbooks index's table: one row per service with counts, and the service page's list.
 * `status` is the page's review status from the knowledge report (undefined counts as ok).
 */
export function serviceGroups<T extends { service: string; severity: Severity; title: string; status?: 'overdue' | 'due-soon' | 'ok' }>(
  runbooks: T[],
): ServiceGroup<T>[] {
  const groups = groupRunbooks(runbooks);
  const slugs = serviceSlugs(groups.map(([service]) => service));
  return groups.map(([service, list]) => {
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    let overdue = 0;
    let dueSoon = 0;
    for (const r of list) {
      bySeverity[r.severity] += 1;
      if (r.status === 'overdue') overdue += 1;
      else if (r.status === 'due-soon') dueSoon += 1;
    }
    return { service, slug: slugs.get(service)!, runbooks: list, bySeverity, overdue, dueSoon };
  });
}

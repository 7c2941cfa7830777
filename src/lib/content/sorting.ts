/** Orderings the index pages share; pure so they are unit-tested. */
import { SEVERITIES } from './schema.ts';

export interface Titled {
  title: string;
}

/** Japanese-aware title order (あいう before アイウ before 漢字, numbers naturally). */
export const byTitle = (a: Titled, b: Titled) => a.title.localeCompare(b.title, 'ja', { numeric: true });

/** Runbooks grouped by service, services alphabetical, worst severity first within a service. */
export function groupRunbooks<T extends { service: string; severity: (typeof SEVERITIES)[number]; title: string }>(
  runbooks: T[],
): [service: string, runbooks: T[]][] {
  // Map.groupBy, not a copy of the group per page: at 10,000 runbooks the copies were quadratic.
  return [...Map.groupBy(runbooks, (r) => r.service).entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'ja'))
    .map(([service, list]) => [
      service,
      list.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || byTitle(a, b)),
    ]);
}

/** Newest first; same-day pages by title. */
export const newestFirst = <T extends { date: string; title: string }>(a: T, b: T) =>
  b.date.localeCompare(a.date) || byTitle(a, b);

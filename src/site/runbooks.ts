/**
 * The runbooks grouped by service, with each one's review status, for /runbooks/ and the
 * service pages (both locales): computed once per build.
 */
import { pagesOf } from './pages.ts';
import { knowledgeReport } from './knowledge.ts';
import { perBuild } from './per-build.ts';
import { serviceGroups, type ServiceGroup } from '../lib/content/sorting.ts';
import type { SEVERITIES } from '../lib/content/schema.ts';

export interface RunbookRow {
  id: string;
  title: string;
  service: string;
  severity: (typeof SEVERITIES)[number];
  alerts: string[];
  owners: string[];
  reviewed: string;
  status: 'overdue' | 'due-soon' | 'ok';
}

export const runbookServices: () => Promise<ServiceGroup<RunbookRow>[]> = perBuild(async () => {
  const report = await knowledgeReport();
  const status = new Map(report.pages.filter((p) => p.kind === 'runbooks').map((p) => [p.id, p.status]));
  const rows = (await pagesOf('runbooks')).map((e) => ({
    id: e.id,
    title: e.data.title,
    service: e.data.service,
    severity: e.data.severity,
    alerts: e.data.alerts,
    owners: e.data.owners,
    reviewed: e.data.reviewed,
    status: status.get(e.id) ?? 'ok',
  }));
  return serviceGroups(rows);
});

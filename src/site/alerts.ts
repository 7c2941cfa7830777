/**
 * The alert rules checked against the runbooks at build time, for /alerts/, the stable
 * /alerts/<name>/ pages and the rules listed on each runbook page. Computed once per build; a rule
 * file that does not parse fails the build with file:line.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { pagesOf } from './pages.ts';
import settings from 'virtual:hikitsugi/settings';
import { readAlertRules } from '../io/alerts/read-rules.ts';
import { buildAlertReport, runbookInfo, type AlertReport, type RuleMatch } from '../lib/alerts/match.ts';
import { perBuild } from './per-build.ts';

export const ALERTS = settings.alerts;

export interface SiteAlerts {
  report: AlertReport;
  /** Rule files read, as shown (relative to the folder holding the content folder). */
  files: string[];
  /**
   * The rules that lead to each runbook, by runbook id: every runbook page asks, and searching
   * the report's list for each of them was quadratic (2.3 s of rendering at 4,000 runbooks).
   */
  rulesByRunbook: ReadonlyMap<string, RuleMatch[]>;
}

/** Once per build; in `astro dev`, at most once every two seconds so edited rules show up. */
export const siteAlerts: () => Promise<SiteAlerts> = perBuild(() => build());

async function build(): Promise<SiteAlerts> {
  const contentDir = resolve(settings.contentDir);
  const shownFrom = dirname(contentDir);
  const { files, rules } = await readAlertRules(ALERTS.rules, {
    cwd: contentDir,
    optional: new Set(['alerts']),
    display: (file) => relative(shownFrom, file).split(sep).join('/'),
  });
  const runbooks = (await pagesOf('runbooks')).map((e) => runbookInfo(e.id, e.data));
  const report = buildAlertReport(rules, runbooks, {
    site: settings.site,
    base: settings.base,
    urlMap: ALERTS.urlMap,
    caseInsensitivePaths: ALERTS.caseInsensitivePaths,
    severityMap: ALERTS.severityMap,
  });
  return { report, files, rulesByRunbook: new Map(report.runbooks.map((r) => [r.runbook.id, r.rules])) };
}

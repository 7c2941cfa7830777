/** `hikitsugi alerts` for the terminal: counts, then one line per problem, `file:line` first. */
import type { AlertReport } from './match.ts';
import { count } from '../text/count.ts';

export function renderAlertReport(report: AlertReport, files: number, fileOfPage: (page: string) => string | undefined = () => undefined): string {
  const s = report.summary;
  const lines = [
    `${count(s.rules, 'alert rule')} in ${count(files, 'file')}: ${count(s.names, 'alert name')}, ${count(report.runbooks.length, 'runbook')}`,
    `  covered ${s.covered} · without a runbook ${s.without_runbook} · runbook_url leads nowhere ${s.broken} · runbooks no alert points to ${s.stale} · names no rule defines ${s.unknown_alerts} · severity mismatches ${s.severity}`,
  ];
  if (report.problems.length) {
    lines.push('', `Problems (${report.problems.length}):`);
    for (const p of report.problems) {
      const where = p.source ?? (p.page ? (fileOfPage(p.page) ?? p.page) : '');
      lines.push(`  ${where}: ${p.kind}: ${p.message}`);
    }
  } else if (files === 0) {
    // "No problems" would read as a pass when nothing was checked.
    lines.push('', 'No alert rule files, so nothing was checked: put Prometheus rules (.yaml) or Terraform alert policies (.tf) where config alerts.rules points (content/alerts/ by default), or pass --rules.');
  } else {
    lines.push('', 'No problems: every alert has a runbook that opens.');
  }
  return `${lines.join('\n')}\n`;
}

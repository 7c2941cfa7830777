/** The knowledge report as terminal text: what `npm run knowledge` prints without --json. */
import { formatTable } from '../text/table.ts';
import { atRiskPages, type KnowledgeReport, type PageReport } from './report.ts';
import { UNMAPPED_PREFIX } from './identity.ts';
import type { OwnershipRisk } from './ownership.ts';
import { count } from '../text/count.ts';

const RISK_TEXT: Record<OwnershipRisk, string> = {
  'no-owner': 'no owner',
  'no-active-owner': 'no active owner',
  'single-owner': 'single owner',
  'few-owners': 'too few owners',
};

export function riskText(risk: OwnershipRisk): string {
  return RISK_TEXT[risk];
}

/** `tanaka`, `sato (left 2026-09-30)`, or the Git identity of an author outside the roster. */
export function developerLabel(report: KnowledgeReport, id: string): string {
  if (id.startsWith(UNMAPPED_PREFIX)) {
    const a = report.git.unmapped_authors.find((u) => u.id === id);
    return a ? `${a.name} (not in roster)` : id;
  }
  const m = report.members.find((x) => x.id === id);
  return m && !m.active && m.left ? `${id} (left ${m.left})` : id;
}

const owners = (report: KnowledgeReport, p: PageReport) =>
  p.owners.length ? p.owners.map((o) => developerLabel(report, o)).join(', ') : '(none)';

const days = (n: number) => (n < 0 ? `${-n}d ago` : n === 0 ? 'today' : `in ${n}d`);

export function renderTextReport(report: KnowledgeReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`Knowledge report for ${report.today}: ${count(s.pages, 'page')}`);
  out.push(
    `  ${s.overdue} overdue for review, ${s.due_soon} due within ${count(report.settings.due_soon_days, 'day')}, ` +
      `${s.at_risk} at risk (${s.no_active_owner} without an active owner)`,
  );

  const due = report.pages.filter((p) => p.status !== 'ok');
  out.push('', 'REVIEW DUE');
  out.push(
    due.length
      ? formatTable(
          ['STATUS', 'DUE', 'WHEN', 'OWNERS', 'PAGE', 'TITLE'],
          due.map((p) => [p.status, p.due, days(p.days_left), owners(report, p), p.path, p.title]),
        )
      : `  nothing due within ${count(report.settings.due_soon_days, 'day')}`,
  );

  const risky = atRiskPages(report);
  out.push('', `AT RISK (fewer than ${report.settings.min_owners} active owners)`);
  out.push(
    risky.length
      ? formatTable(
          ['RISK', 'OWNERS', 'PAGE', 'TITLE'],
          risky.map((p) => [RISK_TEXT[p.risk!], owners(report, p), p.path, p.title]),
        )
      : '  none',
  );

  out.push('', 'EXPOSURE (pages left without an active owner if the member leaves)');
  out.push(
    formatTable(
      ['MEMBER', 'NAME', 'STATUS', 'OWNS', 'EXPOSURE', 'OPEN ACTIONS', 'EXPOSED PAGES'],
      report.members.map((m) => [
        m.id,
        m.name,
        m.active ? (m.left ? `leaving ${m.left}` : 'active') : `left ${m.left}`,
        String(m.owns.length),
        m.active ? String(m.exposure.length) : '-',
        String(m.open_actions.length),
        m.exposure.join(', '),
      ]),
    ),
  );

  out.push('', 'BUS FACTOR (Git degree of authorship; members who left no longer count)');
  if (!report.git.available) {
    out.push(`  unavailable: ${report.git.reason}`);
  } else {
    out.push(
      formatTable(
        ['FOLDER', 'FILES', 'BUS FACTOR', 'ORPHANED', 'KEY PEOPLE'],
        report.folders.map((f) => [
          f.key,
          String(f.files),
          f.bus_factor === null ? `- (${f.reason})` : String(f.bus_factor),
          String(f.orphaned),
          f.key_people.map((k) => `${developerLabel(report, k.id)} ${k.files}/${f.files}`).join(', '),
        ]),
      ),
    );
    if (report.git.unmapped_authors.length) {
      out.push(
        '',
        `  ${count(report.git.unmapped_authors.length, 'Git author')} not in content/team.yaml (add their email to "emails" or name to "git"):`,
        ...report.git.unmapped_authors.map((a) => `    ${a.name} <${a.email}>`),
      );
    }
  }
  return out.join('\n') + '\n';
}

/**
 * The knowledge report as a Markdown checklist for the body of a GitHub issue: pages due for
 * review grouped by owner (each page once, under its first active owner, co-owners mentioned),
 * then pages nobody active owns and pages with too few owners. Owners are @-mentioned by their
 * GitHub handle from the roster, so the issue notifies them. User text (titles, names) is escaped
 * and cannot mention anyone.
 */
import type { Member } from '../content/schema.ts';
import { escapeMarkdownText } from './handover.ts';
import { atRiskPages, type KnowledgeReport, type PageReport } from './report.ts';
import { count } from '../text/count.ts';

/** Starts the body, so a workflow can tell its own issue or comment from others. */
export const MARKDOWN_REPORT_MARKER = '<!-- hikitsugi:knowledge-report -->';

export interface MarkdownOptions {
  /** Prefix for links to pages (a repository's blob URL, ending in `/`); without it, paths are shown as code. */
  linkBase?: string;
  /** Most lines per list (per owner, per section); the rest are counted. Default 20. */
  maxItems?: number;
}

/** GitHub refuses an issue or comment body over 65,536 characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** The first `max` lines, and a line counting the rest. */
export function capped(lines: string[], max: number, rest: (n: number) => string): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), rest(lines.length - max)];
}

/** Cuts a body that would still be too long for GitHub at a line break, saying so. */
export function fitForGitHub(text: string, note: string): string {
  if (text.length <= GITHUB_BODY_LIMIT) return text;
  const cut = text.lastIndexOf('\n', GITHUB_BODY_LIMIT - note.length - 10);
  return `${text.slice(0, cut)}\n\n${note}\n`;
}

/** Plain text that neither formats nor notifies: Markdown escaped, `@` kept from mentioning. */
export const quietText = (text: string) => escapeMarkdownText(text).replace(/@/g, '@\u200b');

export function mention(member: Member | undefined, id: string): string {
  if (member?.github) return `@${member.github}`;
  return member ? `${quietText(member.name)} (${quietText(id)})` : quietText(id);
}

export function pageLink(p: { title: string; path: string }, options: MarkdownOptions): string {
  const code = `\`${p.path.replace(/`/g, "'")}\``;
  if (!options.linkBase) return `**${quietText(p.title)}** ${code}`;
  return `[${quietText(p.title)}](${options.linkBase}${encodeURI(p.path).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}) ${code}`;
}

function when(p: PageReport): string {
  if (p.overdue) return `**overdue** since ${p.due} (${count(-p.days_left, 'day')})`;
  return `due ${p.due} (${p.days_left === 0 ? 'today' : `in ${count(p.days_left, 'day')}`})`;
}

export function renderMarkdownReport(report: KnowledgeReport, roster: readonly Member[], options: MarkdownOptions = {}): string {
  const members = new Map(roster.map((m) => [m.id, m]));
  const who = (id: string) => mention(members.get(id), id);
  const max = options.maxItems ?? 20;
  const more = (n: number) => `- … and ${count(n, 'more page')}: \`npx hikitsugi knowledge\` lists them all`;
  const s = report.summary;
  const out: string[] = [MARKDOWN_REPORT_MARKER, `## Knowledge review for ${report.today}`, ''];

  const due = report.pages.filter((p) => p.status !== 'ok' && p.active_owners.length > 0);
  const orphans = report.pages
    .filter((p) => p.risk === 'no-owner' || p.risk === 'no-active-owner')
    .sort((a, b) => a.path.localeCompare(b.path));
  const few = atRiskPages(report).filter((p) => p.risk === 'single-owner' || p.risk === 'few-owners');

  out.push(
    `${count(s.overdue, 'page')} overdue for review, ${s.due_soon} due within ${count(report.settings.due_soon_days, 'day')}; ` +
      `${count(s.no_active_owner, 'page')} without an active owner, ${few.length} with fewer than ${count(report.settings.min_owners, 'active owner')}.`,
  );
  if (!due.length && !orphans.length && !few.length) {
    out.push('', 'Nothing to do: no page is due for review and every page has enough active owners.');
    return out.join('\n') + '\n';
  }
  out.push('', 'Review each page, then mark it: `npx hikitsugi review <page>` sets `reviewed` and `reviewed_by`.');

  // Each page once, under its first active owner, in roster order; most urgent first within.
  const byOwner = Map.groupBy(due, (p) => p.active_owners[0]);
  const order = new Map(roster.map((m, i) => [m.id, i]));
  const owners = [...byOwner.keys()].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  for (const owner of owners) {
    const m = members.get(owner);
    out.push('', `### ${who(owner)}${m?.github ? ` (${quietText(m.name)})` : ''}`, '');
    const items = byOwner.get(owner)!.map((p) => {
      const others = p.active_owners.slice(1);
      return `- [ ] ${pageLink(p, options)}: ${when(p)}${others.length ? `, with ${others.map(who).join(', ')}` : ''}`;
    });
    out.push(...capped(items, max, more));
  }

  if (orphans.length) {
    out.push('', '### Without an active owner', '', 'Find someone to own these (set `owners`), or retire them.', '');
    const items = orphans.map((p) => {
      const left = p.departed_owners.length ? `owners who left: ${p.departed_owners.map(quietText).join(', ')}` : 'no owners';
      return `- [ ] ${pageLink(p, options)}: ${left}${p.status !== 'ok' ? `; ${when(p)}` : ''}`;
    });
    out.push(...capped(items, max, more));
  }

  if (few.length) {
    out.push('', `### Fewer than ${count(report.settings.min_owners, 'active owner')}`, '', 'One person is not a team: add an owner.', '');
    out.push(...capped(few.map((p) => `- [ ] ${pageLink(p, options)}: ${p.active_owners.map(who).join(', ')}`), max, more));
  }
  return fitForGitHub(out.join('\n') + '\n', '_Cut to fit in a GitHub issue: `npx hikitsugi knowledge` lists everything._');
}

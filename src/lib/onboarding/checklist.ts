/**
 * An onboarding path as a Markdown task list, to paste into the new member's onboarding issue
 * (GitHub, GitLab and Backlog all render `- [ ]` as checkboxes).
 */
import type { ResolvedPath } from './paths.ts';
import { formatMinutes } from './reading-time.ts';
import { stringsOf, t, tf } from '../i18n/ui.ts';

export interface ChecklistOptions {
  /** Absolute site URL with base (`https://handbook.example.com/handbook/`); '' for site-relative links. */
  siteUrl: string;
  locale: 'ja' | 'en';
}

/** Markdown text can carry link syntax; escape what would change the rendering of a title. */
const inline = (text: string) => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

export function renderChecklist(path: ResolvedPath, options: ChecklistOptions): string {
  const L = stringsOf(options.locale, 'checklist');
  const site = options.siteUrl.replace(/\/+$/, '');
  const url = (p: string) => `${site}${p}`;
  const audience = tf(options.locale, 'paren', { text: inline(path.audience) });
  const lines = [
    `## ${inline(path.title)}${audience}`,
    '',
    `${L.path}: ${url(`/onboarding/${path.id}/`)} · ${L.total} ${formatMinutes(path.totalMinutes, options.locale)}`,
    '',
  ];
  for (const step of path.steps) {
    const target = step.page ? url(`/${step.page.ref}/`) : step.link;
    const text = inline(step.page?.title ?? step.task ?? '');
    // Parentheses and spaces would end a Markdown link target early.
    const label = target ? `[${text}](${target.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : text;
    const notes = [
      step.minutes !== undefined ? formatMinutes(step.minutes, options.locale) : undefined,
      step.optional ? L.optional : undefined,
      step.page?.overdue ? L.overdue : undefined,
    ].filter(Boolean);
    const noted = tf(options.locale, 'paren', { text: notes.join(t(options.locale, 'listSeparator')) });
    lines.push(`- [ ] ${label}${notes.length ? noted : ''}`);
    lines.push(`  ${inline(step.why)}`);
  }
  return `${lines.join('\n')}\n`;
}

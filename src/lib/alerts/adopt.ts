/**
 * Adopting fills the alert: an adopted runbook gets `alerts:` and `severity` from the alert rules
 * that point to it. Pure, and independent of how adopt builds a page: it takes the page adopt made
 * (front matter object and text) and gives it back with the front matter rewritten.
 */
import { stringify as stringifyYaml } from 'yaml';
import type { AlertRule } from './rules.ts';
import { highestSeverity, type Severity } from './match.ts';
import { normalizePath, resolveRunbookUrl, type UrlOptions } from './urls.ts';
import { splitFrontMatter } from '../content/front-matter.ts';

export interface AdoptMatchOptions extends UrlOptions {
  caseInsensitivePaths: boolean;
  severityMap: Record<string, Severity>;
}

export interface AdoptedRunbook {
  /** Site path the page will have, e.g. `/runbooks/node/noderaiddiskfailure/`. */
  sitePath: string;
  /** Path inside the adopted folder, e.g. `node/NodeRAIDDiskFailure.md`. */
  relPath: string;
  /** The alert names adopt gave it (from its front matter or file name). */
  alerts: string[];
}

const stem = (p: string) => p.replace(/\\/g, '/').replace(/\.(md|markdown|mdx)$/i, '').replace(/\/(_?index)$/i, '').toLowerCase();

/**
 * The rules that name this runbook: a runbook URL leading to its site path (through the site or a
 * mapped prefix), a URL whose path ends with its path in the adopted folder (the folder was
 * published somewhere; Hugo lower-cases, so this compares ignoring case), or the alert's name.
 */
export function rulesForAdoptedRunbook(page: AdoptedRunbook, rules: AlertRule[], options: AdoptMatchOptions): AlertRule[] {
  const fold = (s: string) => (options.caseInsensitivePaths ? s.toLowerCase() : s);
  const own = fold(normalizePath(page.sitePath));
  const tail = `/${stem(page.relPath)}`;
  return rules.filter((rule) => {
    if (page.alerts.includes(rule.name)) return true;
    if (!rule.runbookUrl) return false;
    const resolved = resolveRunbookUrl(rule.runbookUrl, rule.name, options, options.caseInsensitivePaths);
    if (resolved.kind === 'site' && fold(resolved.path) === own) return true;
    let path: string;
    try {
      path = new URL(rule.runbookUrl).pathname;
    } catch {
      return false;
    }
    return stem(normalizePath(path).replace(/\/$/, '').replace(/\.html?$/i, '')).endsWith(tail);
  });
}

interface PageLike {
  text: string;
  frontMatter: Record<string, unknown>;
  needsHuman: string[];
  notes: string[];
}

const DEFAULT_SEVERITY_NOTE = /^severity set to "[a-z]+" by default/;

/**
 * The adopted page with `alerts:` (the names of the matching rules) and `severity` (the most
 * severe rule's, through the severity map) set; a runbook no rule matches says so for a human.
 */
export function fillFromRules<T extends PageLike>(page: T, matched: AlertRule[], severityMap: Record<string, Severity>): T {
  if (!('severity' in page.frontMatter)) return page; // not a runbook
  if (matched.length === 0) {
    return { ...page, needsHuman: [...page.needsHuman, 'no alert rule points to this runbook: check `alerts:` (stale, or the alert was renamed?)'] };
  }
  const names = [...new Set(matched.map((r) => r.name))];
  const highest = highestSeverity(matched, severityMap);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(page.frontMatter)) {
    data[key] = value;
    if (key === 'severity') {
      if (highest) data.severity = highest.severity;
      data.alerts = names;
    }
  }
  const before = Array.isArray(page.frontMatter.alerts) ? (page.frontMatter.alerts as string[]) : [];
  const notes = [...page.notes];
  if (before.join() !== names.join()) notes.push(`alerts: ${names.join(', ')} (from the alert rules; was ${before.length ? before.join(', ') : 'none'})`);
  const needsHuman = highest ? page.needsHuman.filter((n) => !DEFAULT_SEVERITY_NOTE.test(n)) : page.needsHuman;
  return { ...page, frontMatter: data, text: replaceFrontMatter(page.text, data), notes, needsHuman: shiftLines(needsHuman, page.text, data) };
}

function headOf(text: string): string {
  return text.slice(0, splitFrontMatter(text)?.bodyStart ?? 0);
}

const render = (data: Record<string, unknown>) => `---\n${stringifyYaml(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n`;

function replaceFrontMatter(text: string, data: Record<string, unknown>): string {
  const head = headOf(text);
  return render(data) + text.slice(head.length);
}

/** "line N: ..." notes point into the page: keep them right when the front matter grows. */
function shiftLines(needsHuman: string[], text: string, data: Record<string, unknown>): string[] {
  const delta = render(data).split('\n').length - headOf(text).split('\n').length;
  return needsHuman.map((n) => n.replace(/^line (\d+): /, (_, l: string) => `line ${Number(l) + delta}: `));
}

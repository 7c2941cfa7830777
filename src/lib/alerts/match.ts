/**
 * Alert rules and runbooks checked against each other: which runbook answers each alert (by its
 * runbook URL, else by a runbook whose `alerts:` lists it), which URLs lead nowhere, which
 * runbooks no alert points to, and whose severity disagrees. Pure; the CLI and the site share it.
 */
import { SEVERITIES, type RunbookData } from '../content/schema.ts';
import type { AlertRule } from './rules.ts';
import { resolveRunbookUrl, type UrlOptions } from './urls.ts';
import { count } from '../text/count.ts';

export type Severity = (typeof SEVERITIES)[number];

export interface RunbookInfo {
  /** Slug, as in `/runbooks/<id>/`. */
  id: string;
  title: string;
  severity: Severity;
  /** The runbook's `alerts:` front matter. */
  alerts: string[];
}

export const runbookPath = (id: string) => `/runbooks/${id}/`;
export const alertPath = (name: string) => `/alerts/${name}/`;

export interface MatchOptions extends UrlOptions {
  caseInsensitivePaths: boolean;
  severityMap: Record<string, Severity>;
}

export type RuleStatus = 'covered' | 'broken' | 'missing';

export interface RuleMatch {
  rule: AlertRule;
  /** `file:line` */
  source: string;
  status: RuleStatus;
  /** How the runbook was found: its URL, or a runbook listing the name. */
  via: 'url' | 'name' | null;
  /** Runbooks that answer the alert (several when several list its name). */
  runbooks: RunbookInfo[];
  /** Site path the runbook URL names (null when it has none, or it is not on this site). */
  urlPath: string | null;
  /** The URL points outside this site and its mapped prefixes, or is a template we cannot fill. */
  unchecked: boolean;
}

export type ProblemKind = 'no-runbook' | 'broken-url' | 'stale' | 'unknown-alert' | 'severity';
export const PROBLEM_KINDS: ProblemKind[] = ['broken-url', 'no-runbook', 'severity', 'stale', 'unknown-alert'];

export interface Problem {
  kind: ProblemKind;
  alert?: string;
  page?: string;
  source?: string;
  message: string;
}

export interface NameCoverage {
  name: string;
  status: RuleStatus;
  rules: RuleMatch[];
  runbooks: RunbookInfo[];
}

export interface AlertPage {
  name: string;
  /** The runbooks /alerts/<name>/ leads to: one is a redirect, several a choice. */
  runbooks: RunbookInfo[];
}

export interface AlertReport {
  rules: RuleMatch[];
  names: NameCoverage[];
  /** Every runbook with the alert names whose rules point to it. */
  runbooks: { runbook: RunbookInfo; alerts: string[]; rules: RuleMatch[] }[];
  stale: RunbookInfo[];
  problems: Problem[];
  summary: { rules: number; names: number; covered: number; without_runbook: number; broken: number; stale: number; unknown_alerts: number; severity: number };
  /** The stable `/alerts/<name>/` pages. */
  alertPages: AlertPage[];
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The runbook severity a rule's label stands for, or null for a label the map does not know. */
export function mappedSeverity(label: string | null, map: Record<string, Severity>): Severity | null {
  return label ? (map[label.toLowerCase()] ?? null) : null;
}

/** The most severe of the rules' mapped severities, with the rule that says so. */
export function highestSeverity(rules: AlertRule[], map: Record<string, Severity>): { severity: Severity; rule: AlertRule } | null {
  let best: { severity: Severity; rule: AlertRule } | null = null;
  for (const rule of rules) {
    const s = mappedSeverity(rule.severity, map);
    if (s && (!best || RANK[s] < RANK[best.severity])) best = { severity: s, rule };
  }
  return best;
}

/** A path on the stable alert URL scheme must be one path segment a static host serves as is. */
export const STABLE_NAME = /^[A-Za-z0-9_.-]+$/;

export const sourceOf = (rule: AlertRule) => `${rule.file}:${rule.line}`;

function uniqueRunbooks(list: RunbookInfo[]): RunbookInfo[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
}

export function buildAlertReport(rules: AlertRule[], runbooks: RunbookInfo[], options: MatchOptions): AlertReport {
  const ci = options.caseInsensitivePaths;
  const fold = (s: string) => (ci ? s.toLowerCase() : s);
  const sorted = [...runbooks].sort((a, b) => a.id.localeCompare(b.id));
  const byPath = new Map(sorted.map((r) => [fold(runbookPath(r.id)), r]));
  // Alert names compare as Prometheus compares them: exactly.
  const listing = new Map<string, RunbookInfo[]>();
  const listingFolded = new Map<string, RunbookInfo[]>();
  for (const r of sorted) {
    for (const name of new Set(r.alerts)) {
      listing.set(name, [...(listing.get(name) ?? []), r]);
      listingFolded.set(name.toLowerCase(), [...(listingFolded.get(name.toLowerCase()) ?? []), r]);
    }
  }

  /** Runbooks a site path leads to: a runbook page, or a stable alert page. */
  const atPath = (path: string): RunbookInfo[] => {
    const runbook = byPath.get(fold(path));
    if (runbook) return [runbook];
    const m = /^\/(?:en\/)?alerts\/([^/]+)\/$/.exec(path);
    if (m) return (ci ? listingFolded.get(m[1].toLowerCase()) : listing.get(m[1])) ?? [];
    const en = /^\/en(\/runbooks\/.*)$/.exec(path);
    return en ? atPath(en[1]) : [];
  };

  const matches: RuleMatch[] = [...rules]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map((rule) => {
      let via: RuleMatch['via'] = null;
      let found: RunbookInfo[] = [];
      let urlPath: string | null = null;
      let unchecked = false;
      let broken = false;
      if (rule.runbookUrl) {
        const resolved = resolveRunbookUrl(rule.runbookUrl, rule.name, options, ci);
        if (resolved.kind === 'site') {
          urlPath = resolved.path;
          found = atPath(resolved.path);
          if (found.length) via = 'url';
          else broken = true;
        } else unchecked = true;
      }
      if (!found.length) {
        found = listing.get(rule.name) ?? [];
        if (found.length) via = 'name';
      }
      const status: RuleStatus = broken ? 'broken' : found.length ? 'covered' : 'missing';
      return { rule, source: sourceOf(rule), status, via, runbooks: found, urlPath, unchecked };
    });

  const byName = Map.groupBy(matches, (m) => m.rule.name);
  const names: NameCoverage[] = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ms]) => ({
      name,
      status: ms.some((m) => m.status === 'broken') ? 'broken' : ms.some((m) => m.status === 'missing') ? 'missing' : 'covered',
      rules: ms,
      runbooks: uniqueRunbooks(ms.flatMap((m) => m.runbooks)),
    }));

  const pointing = new Map<string, RuleMatch[]>();
  for (const m of matches) for (const r of m.runbooks) pointing.set(r.id, [...(pointing.get(r.id) ?? []), m]);
  const runbookRows = sorted.map((runbook) => {
    const ms = pointing.get(runbook.id) ?? [];
    return { runbook, alerts: [...new Set(ms.map((m) => m.rule.name))], rules: ms };
  });
  // A runbook that says it answers alerts, and no alert rule leads to it: stale, or its alert renamed.
  // Without any rules there is nothing to compare with, so nothing is stale.
  const stale = rules.length ? runbookRows.filter((r) => r.rules.length === 0 && r.runbook.alerts.length > 0).map((r) => r.runbook) : [];
  const staleIds = new Set(stale.map((r) => r.id));
  // A name in alerts: of a runbook that other rules do point to, for which no rule exists.
  const unknown = rules.length
    ? runbookRows.filter((r) => !staleIds.has(r.runbook.id)).flatMap((r) => r.runbook.alerts.filter((a) => !byName.has(a)).map((alert) => ({ runbook: r.runbook, alert })))
    : [];

  const problems: Problem[] = [];
  for (const n of names) {
    for (const m of n.rules.filter((m) => m.status === 'broken')) {
      const fallback = m.runbooks.length ? `; ${runbookPath(m.runbooks[0].id)} lists the alert: point the URL there` : '';
      problems.push({ kind: 'broken-url', alert: n.name, source: m.source, message: `runbook_url ${m.rule.runbookUrl} leads nowhere: ${m.urlPath} is not a runbook of this site${fallback}` });
    }
    const without = n.rules.filter((m) => m.runbooks.length === 0);
    if (without.length) {
      const hint = without.some((m) => m.unchecked) ? ' (its runbook_url points outside this site)' : '';
      problems.push({ kind: 'no-runbook', alert: n.name, source: without[0].source, message: `no runbook for ${n.name}${hint}: write one, or list the alert in a runbook's alerts:` });
    }
  }
  for (const row of runbookRows) {
    const highest = highestSeverity(row.rules.map((m) => m.rule), options.severityMap);
    if (highest && highest.severity !== row.runbook.severity) {
      problems.push({
        kind: 'severity',
        alert: highest.rule.name,
        page: runbookPath(row.runbook.id),
        source: sourceOf(highest.rule),
        message: `the runbook ${runbookPath(row.runbook.id)} says severity ${row.runbook.severity}, ${highest.rule.name} is labelled ${highest.rule.severity} (${highest.severity})`,
      });
    }
  }
  for (const r of stale) {
    problems.push({ kind: 'stale', page: runbookPath(r.id), message: `no alert rule points to this runbook (alerts: ${r.alerts.join(', ')}): stale, or the alert was renamed` });
  }
  for (const u of unknown) {
    problems.push({ kind: 'unknown-alert', alert: u.alert, page: runbookPath(u.runbook.id), message: `alerts: lists ${u.alert}, which no alert rule defines: removed, or renamed?` });
  }
  problems.sort((a, b) => PROBLEM_KINDS.indexOf(a.kind) - PROBLEM_KINDS.indexOf(b.kind));

  // Stable alert URLs: every name a runbook lists, and every alert whose URL leads to a runbook page.
  const pageTargets = new Map<string, RunbookInfo[]>();
  for (const [name, list] of listing) pageTargets.set(name, list);
  for (const n of names) {
    const direct = n.rules.filter((m) => m.via === 'url' && m.urlPath && !/\/alerts\//.test(m.urlPath)).flatMap((m) => m.runbooks);
    if (direct.length) pageTargets.set(n.name, uniqueRunbooks(direct));
  }
  const alertPages = [...pageTargets.entries()]
    .filter(([name]) => STABLE_NAME.test(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => ({ name, runbooks: list }));

  return {
    rules: matches,
    names,
    runbooks: runbookRows,
    stale,
    problems,
    summary: {
      rules: matches.length,
      names: names.length,
      covered: names.filter((n) => n.status === 'covered').length,
      without_runbook: names.filter((n) => n.rules.some((m) => m.runbooks.length === 0)).length,
      broken: names.filter((n) => n.status === 'broken').length,
      stale: stale.length,
      unknown_alerts: unknown.length,
      severity: problems.filter((p) => p.kind === 'severity').length,
    },
    alertPages,
  };
}

/** The `--json` shape of the issue: alerts, runbooks, problems. */
export function reportJson(report: AlertReport) {
  return {
    alerts: report.rules.map((m) => ({
      name: m.rule.name,
      severity: m.rule.severity,
      source: m.source,
      runbook_url: m.rule.runbookUrl,
      page: m.runbooks[0] ? runbookPath(m.runbooks[0].id) : null,
    })),
    runbooks: report.runbooks.map((r) => ({ page: runbookPath(r.runbook.id), alerts: r.alerts })),
    problems: report.problems,
  };
}

/** What `--strict` fails on, one phrase each (empty: passes). */
export function strictFailures(report: AlertReport, t: { maxMissing: number; maxBroken: number; maxStale: number; maxUnknown: number; maxSeverity: number }): string[] {
  const s = report.summary;
  const out: string[] = [];
  if (s.without_runbook > t.maxMissing) out.push(`${count(s.without_runbook, 'alert')} without a runbook (allowed ${t.maxMissing})`);
  if (s.broken > t.maxBroken) out.push(`${count(s.broken, 'alert')} whose runbook_url leads nowhere (allowed ${t.maxBroken})`);
  if (s.stale > t.maxStale) out.push(`${count(s.stale, 'runbook')} no alert points to (allowed ${t.maxStale})`);
  if (s.unknown_alerts > t.maxUnknown) out.push(`${count(s.unknown_alerts, 'alert name')} in runbooks that no rule defines (allowed ${t.maxUnknown})`);
  if (s.severity > t.maxSeverity) out.push(`${count(s.severity, 'severity mismatch', 'severity mismatches')} (allowed ${t.maxSeverity})`);
  return out;
}

/** Runbook info from validated front matter. */
export function runbookInfo(id: string, data: Pick<RunbookData, 'title' | 'severity' | 'alerts'>): RunbookInfo {
  return { id, title: data.title, severity: data.severity, alerts: data.alerts };
}

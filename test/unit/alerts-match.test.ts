/** Alerts matched to runbooks: URLs under the site or a mapped prefix, names, stale runbooks, severities. */
import { describe, expect, it } from 'vitest';
import { buildAlertReport, reportJson, strictFailures, type MatchOptions, type RunbookInfo } from '../../src/lib/alerts/match.ts';
import { resolveRunbookUrl } from '../../src/lib/alerts/urls.ts';
import { alertSettings, parseMapArg, DEFAULT_SEVERITY_MAP } from '../../src/lib/alerts/settings.ts';
import type { AlertRule } from '../../src/lib/alerts/rules.ts';

const rule = (name: string, extra: Partial<AlertRule> = {}): AlertRule => ({ name, severity: null, runbookUrl: null, file: 'rules.yaml', line: 1, format: 'prometheus', ...extra });
const runbook = (id: string, alerts: string[], severity: RunbookInfo['severity'] = 'medium'): RunbookInfo => ({ id, title: id, severity, alerts });
const options = (over: Partial<MatchOptions> = {}): MatchOptions => ({
  site: 'https://handbook.example.com',
  base: '/handbook/',
  urlMap: { 'https://runbooks.prometheus-operator.dev/runbooks/': '/runbooks/upstream/' },
  caseInsensitivePaths: false,
  severityMap: DEFAULT_SEVERITY_MAP,
  ...over,
});

describe('runbook URLs', () => {
  const o = options();
  it('a URL under the site and base path is a site path; without the base it is not', () => {
    expect(resolveRunbookUrl('https://handbook.example.com/handbook/runbooks/db/', 'X', o)).toEqual({ kind: 'site', path: '/runbooks/db/' });
    expect(resolveRunbookUrl('https://handbook.example.com/runbooks/db/', 'X', o)).toEqual({ kind: 'external' });
  });
  it('a mapped prefix becomes the site path, with a trailing slash, no query or hash', () => {
    expect(resolveRunbookUrl('https://runbooks.prometheus-operator.dev/runbooks/node/noderaiddegraded', 'X', o)).toEqual({ kind: 'site', path: '/runbooks/upstream/node/noderaiddegraded/' });
    expect(resolveRunbookUrl('https://runbooks.prometheus-operator.dev/runbooks/node/x/?a=1#meaning', 'X', o)).toEqual({ kind: 'site', path: '/runbooks/upstream/node/x/' });
  });
  it('fills the alert name into template URLs; other template parts cannot be checked', () => {
    expect(resolveRunbookUrl('https://handbook.example.com/handbook/alerts/{{ $labels.alertname }}/', 'ApiDown', o)).toEqual({ kind: 'site', path: '/alerts/ApiDown/' });
    expect(resolveRunbookUrl('https://handbook.example.com/handbook/x/{{ $labels.instance }}', 'ApiDown', o)).toEqual({ kind: 'template' });
  });
  it('site paths and other hosts', () => {
    expect(resolveRunbookUrl('/handbook/runbooks/db/', 'X', o)).toEqual({ kind: 'site', path: '/runbooks/db/' });
    expect(resolveRunbookUrl('https://wiki.example.com/db', 'X', o)).toEqual({ kind: 'external' });
  });
  it('compares paths exactly unless asked to ignore case', () => {
    const upper = 'https://runbooks.prometheus-operator.dev/RUNBOOKS/node/x';
    expect(resolveRunbookUrl(upper, 'X', o)).toEqual({ kind: 'external' });
    expect(resolveRunbookUrl(upper, 'X', o, true)).toEqual({ kind: 'site', path: '/runbooks/upstream/node/x/' });
  });
});

describe('the alert report', () => {
  const runbooks = [runbook('db', ['DbDown'], 'critical'), runbook('upstream/node/noderaiddegraded', ['NodeRAIDDegraded']), runbook('old', ['RenamedAway']), runbook('procedure', [])];
  const rules = [
    rule('DbDown', { severity: 'critical', runbookUrl: 'https://handbook.example.com/handbook/alerts/{{ $labels.alertname }}/', line: 3 }),
    rule('NodeRAIDDegraded', { severity: 'critical', runbookUrl: 'https://runbooks.prometheus-operator.dev/runbooks/node/noderaiddegraded', line: 9 }),
    rule('NodeGone', { severity: 'warning', runbookUrl: 'https://runbooks.prometheus-operator.dev/runbooks/node/nodegone', line: 15 }),
    rule('NoLink', { severity: 'info', line: 20 }),
  ];
  const report = buildAlertReport(rules, runbooks, options());

  it('counts covered alerts, alerts without a runbook, broken URLs and stale runbooks', () => {
    expect(report.summary).toEqual({ rules: 4, names: 4, covered: 2, without_runbook: 2, broken: 1, stale: 1, unknown_alerts: 0, severity: 1 });
    expect(report.stale.map((r) => r.id)).toEqual(['old']); // a runbook listing no alerts is a procedure, not stale
  });

  it('gives the issue\'s JSON shape', () => {
    const json = reportJson(report);
    expect(Object.keys(json)).toEqual(['alerts', 'runbooks', 'problems']);
    expect(json.alerts[0]).toEqual({ name: 'DbDown', severity: 'critical', source: 'rules.yaml:3', runbook_url: 'https://handbook.example.com/handbook/alerts/{{ $labels.alertname }}/', page: '/runbooks/db/' });
    expect(json.alerts.find((a) => a.name === 'NodeGone')?.page).toBeNull();
    expect(json.runbooks).toContainEqual({ page: '/runbooks/old/', alerts: [] });
    expect(json.problems.map((p) => [p.kind, p.alert ?? p.page])).toEqual([
      ['broken-url', 'NodeGone'],
      ['no-runbook', 'NodeGone'],
      ['no-runbook', 'NoLink'],
      ['severity', 'NodeRAIDDegraded'],
      ['stale', '/runbooks/old/'],
    ]);
    expect(json.problems[0]).toMatchObject({ source: 'rules.yaml:15', message: expect.stringContaining('/runbooks/upstream/node/nodegone/ is not a runbook') });
    expect(json.problems[3].message).toBe('the runbook /runbooks/upstream/node/noderaiddegraded/ says severity medium, NodeRAIDDegraded is labelled critical (critical)');
  });

  it('matches by name when there is no URL, and falls back to the name when the URL is broken', () => {
    const r = buildAlertReport([rule('DbDown'), rule('DbDown', { runbookUrl: '/handbook/runbooks/nope/', line: 2 })], [runbook('db', ['DbDown'], 'critical')], options());
    expect(r.rules.map((m) => [m.via, m.status, m.runbooks.map((b) => b.id)])).toEqual([
      ['name', 'covered', ['db']],
      ['name', 'broken', ['db']],
    ]);
    expect(r.problems[0].message).toMatch(/\/runbooks\/db\/ lists the alert: point the URL there/);
    expect(r.summary).toMatchObject({ covered: 0, broken: 1, without_runbook: 0 });
  });

  it('names compare case-sensitively, like Prometheus', () => {
    const r = buildAlertReport([rule('dbdown')], [runbook('db', ['DbDown'])], options());
    expect(r.summary.without_runbook).toBe(1);
    expect(r.summary.stale).toBe(1);
  });

  it('case-insensitive paths match a Hugo-style lower-cased URL to a stable alert URL', () => {
    const url = { runbookUrl: 'https://handbook.example.com/handbook/alerts/dbdown/' };
    expect(buildAlertReport([rule('DbDown', url)], [runbook('db', ['DbDown'])], options()).summary.broken).toBe(1);
    expect(buildAlertReport([rule('DbDown', url)], [runbook('db', ['DbDown'])], options({ caseInsensitivePaths: true })).summary.covered).toBe(1);
  });

  it('severity: the most severe rule pointing to a runbook, through the map', () => {
    const rs = [rule('A', { severity: 'warning' }), rule('A', { severity: 'critical', line: 2 })];
    expect(buildAlertReport(rs, [runbook('a', ['A'], 'critical')], options()).summary.severity).toBe(0);
    const high = buildAlertReport(rs, [runbook('a', ['A'], 'high')], options());
    expect(high.problems).toEqual([expect.objectContaining({ kind: 'severity', source: 'rules.yaml:2' })]);
    // Labels the map does not know are not compared.
    expect(buildAlertReport([rule('A', { severity: 'P1' })], [runbook('a', ['A'], 'low')], options()).summary.severity).toBe(0);
  });

  it('reports names in alerts: that no rule defines, but nothing is stale when there are no rules', () => {
    const r = buildAlertReport([rule('A')], [runbook('a', ['A', 'OldA'])], options());
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'unknown-alert', alert: 'OldA', page: '/runbooks/a/' })]);
    expect(buildAlertReport([], [runbook('a', ['A'])], options()).problems).toEqual([]);
  });

  it('stable alert pages: every listed name, leading to the runbook the rule\'s URL names, else the ones listing it', () => {
    const r = buildAlertReport(
      [rule('Burn', { runbookUrl: 'https://handbook.example.com/handbook/runbooks/rollback/' })],
      [runbook('rollback', ['Burn']), runbook('logs', ['Burn', 'Slow']), runbook('odd', ['has space'])],
      options(),
    );
    expect(r.alertPages.map((p) => [p.name, p.runbooks.map((b) => b.id)])).toEqual([
      ['Burn', ['rollback']],
      ['Slow', ['logs']],
    ]);
    const both = buildAlertReport([rule('Burn')], [runbook('rollback', ['Burn']), runbook('logs', ['Burn'])], options());
    expect(both.alertPages[0].runbooks.map((b) => b.id)).toEqual(['logs', 'rollback']);
  });

  it('--strict fails past each threshold', () => {
    const zero = { maxMissing: 0, maxBroken: 0, maxStale: 0, maxUnknown: 0, maxSeverity: 0 };
    expect(strictFailures(report, zero)).toEqual([
      '2 alerts without a runbook (allowed 0)',
      '1 alert whose runbook_url leads nowhere (allowed 0)',
      '1 runbook no alert points to (allowed 0)',
      '1 severity mismatch (allowed 0)',
    ]);
    expect(strictFailures(report, { maxMissing: 2, maxBroken: 1, maxStale: 1, maxUnknown: 0, maxSeverity: 1 })).toEqual([]);
  });
});

describe('alerts settings', () => {
  it('defaults, and the config severity map on top of the built-in one', () => {
    const s = alertSettings(undefined);
    expect(s).toMatchObject({ rules: ['alerts'], urlMap: {}, caseInsensitivePaths: false, strict: { maxMissing: 0, maxStale: 0 } });
    expect(s.severityMap.warning).toBe('medium');
    expect(alertSettings({ severityMap: { P1: 'critical', warning: 'high' } }).severityMap).toMatchObject({ p1: 'critical', warning: 'high', info: 'low' });
  });
  it('a wrong value names the key', () => {
    expect(() => alertSettings({ urlMap: { 'runbooks.example.com': '/runbooks/' } })).toThrow(/^hikitsugi\.config\.mjs: alerts\.urlMap\.runbooks\.example\.com: /);
    expect(() => alertSettings({ severityMap: { warning: 'urgent' } })).toThrow(/alerts\.severityMap\.warning/);
    expect(() => alertSettings({ strict: { maxMising: 1 } })).toThrow(/alerts\.strict/);
  });
  it('--map prefix=path', () => {
    expect(parseMapArg('https://runbooks.prometheus-operator.dev/runbooks/=/runbooks/')).toEqual(['https://runbooks.prometheus-operator.dev/runbooks/', '/runbooks/']);
    expect(() => parseMapArg('/runbooks/')).toThrow(/expected <url prefix>=<site path>/);
  });
});

/** adopt --rules: an adopted runbook gets alerts: and severity from the rules that point to it. */
import { describe, expect, it } from 'vitest';
import { adoptPage } from '../../src/lib/adopt/adopt.ts';
import { fillFromRules, rulesForAdoptedRunbook, type AdoptMatchOptions } from '../../src/lib/alerts/adopt.ts';
import { DEFAULT_SEVERITY_MAP } from '../../src/lib/alerts/settings.ts';
import type { AlertRule } from '../../src/lib/alerts/rules.ts';

const rule = (name: string, extra: Partial<AlertRule> = {}): AlertRule => ({ name, severity: null, runbookUrl: null, file: 'r.yaml', line: 1, format: 'prometheus-rule', ...extra });
const options: AdoptMatchOptions = { base: '/', urlMap: {}, caseInsensitivePaths: false, severityMap: DEFAULT_SEVERITY_MAP };
const target = { sitePath: '/runbooks/node/noderaiddegraded/', relPath: 'node/NodeRAIDDegraded.md', alerts: ['NodeRAIDDegraded'] };

describe('which rules name an adopted runbook', () => {
  it('by a URL ending in its path in the adopted folder (the upstream site lower-cases), by a mapped URL, or by name', () => {
    const upstream = rule('RaidDegradedV2', { runbookUrl: 'https://runbooks.prometheus-operator.dev/runbooks/node/noderaiddegraded' });
    const mapped = rule('Mapped', { runbookUrl: 'https://wiki.example.com/x/y' });
    const byName = rule('NodeRAIDDegraded');
    const other = rule('NodeDown', { runbookUrl: 'https://runbooks.prometheus-operator.dev/runbooks/node/nodedown' });
    const suffixOnly = rule('Tricky', { runbookUrl: 'https://runbooks.prometheus-operator.dev/runbooks/xnode/noderaiddegraded' });
    expect(rulesForAdoptedRunbook(target, [upstream, mapped, byName, other, suffixOnly], { ...options, urlMap: { 'https://wiki.example.com/x/y': '/runbooks/node/noderaiddegraded/' } }).map((r) => r.name)).toEqual([
      'RaidDegradedV2',
      'Mapped',
      'NodeRAIDDegraded',
    ]);
  });
});

describe('filling the adopted page', () => {
  const adopted = adoptPage(
    { relPath: 'node/NodeRAIDDegraded.md', origin: 'runbooks/node/NodeRAIDDegraded.md', rootName: 'runbooks', source: '---\ntitle: Node RAID Degraded\n---\n\n# NodeRAIDDegraded\n\n## Meaning\n\n{{< unknown >}}\n', index: 0 },
    { kind: 'runbooks', owners: [], today: '2026-11-24' },
  );

  it('sets the names and the most severe mapped severity, and drops the "medium by default" note', () => {
    const filled = fillFromRules(adopted, [rule('NodeRAIDDegraded', { severity: 'warning' }), rule('NodeRAIDDegraded', { severity: 'critical', line: 9 })], DEFAULT_SEVERITY_MAP);
    expect(filled.frontMatter).toMatchObject({ severity: 'critical', alerts: ['NodeRAIDDegraded'] });
    expect(filled.text).toMatch(/^---\ntitle: Node RAID Degraded\nowners: \[\]\nreviewed: 2026-11-24\nservice: node\nseverity: critical\nalerts:\n {2}- NodeRAIDDegraded\nadopted_from: runbooks\/node\/NodeRAIDDegraded.md\n---\n\n## Meaning\n/);
    expect(adopted.needsHuman.some((n) => n.startsWith('severity set to "medium" by default'))).toBe(true);
    expect(filled.needsHuman.some((n) => n.startsWith('severity set to'))).toBe(false);
  });

  it('keeps "line N" notes pointing at the right line when the front matter grows', () => {
    const filled = fillFromRules(adopted, [rule('NodeRAIDDegraded', { severity: 'critical' }), rule('RaidV2', { severity: 'critical' })], DEFAULT_SEVERITY_MAP);
    const note = filled.needsHuman.find((n) => n.includes('unknown shortcode'))!;
    const line = Number(/^line (\d+):/.exec(note)![1]);
    expect(filled.text.split('\n')[line - 1]).toContain('{{< unknown >}}');
    expect(filled.notes).toContain('alerts: NodeRAIDDegraded, RaidV2 (from the alert rules; was NodeRAIDDegraded)');
  });

  it('a runbook no rule matches is left as it is, and says so', () => {
    const filled = fillFromRules(adopted, [], DEFAULT_SEVERITY_MAP);
    expect(filled.text).toBe(adopted.text);
    expect(filled.needsHuman).toContain('no alert rule points to this runbook: check `alerts:` (stale, or the alert was renamed?)');
  });
});

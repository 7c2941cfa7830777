import { describe, expect, it } from 'vitest';
import { byTitle, groupRunbooks, newestFirst } from '../../src/lib/content/sorting.ts';
import { nodeVersionProblem } from '../../src/lib/runtime/node-version.ts';

describe('runbook index order', () => {
  it('groups by service and puts the worst severity first', () => {
    const groups = groupRunbooks([
      { service: 'redash', severity: 'low', title: 'b' },
      { service: 'cloud-sql', severity: 'medium', title: 'a' },
      { service: 'cloud-sql', severity: 'critical', title: 'z' },
    ] as const as { service: string; severity: 'low' | 'medium' | 'critical'; title: string }[]);
    expect(groups.map(([s, list]) => [s, list.map((r) => r.title)])).toEqual([
      ['cloud-sql', ['z', 'a']],
      ['redash', ['b']],
    ]);
  });

  it('orders titles the Japanese way, numbers by value', () => {
    const titles = ['障害対応（#10）', 'さくら', 'カタカナ', '障害対応（#9）', 'Backup', 'backup 2', '漢字'];
    expect(titles.map((title) => ({ title })).sort(byTitle).map((t) => t.title)).toEqual(['Backup', 'backup 2', 'カタカナ', 'さくら', '漢字', '障害対応（#9）', '障害対応（#10）']);
  });

  it('lists retros newest first', () => {
    const retros = [
      { date: '2026-07-01', title: 'a' },
      { date: '2026-10-15', title: 'b' },
    ];
    expect(retros.sort(newestFirst).map((r) => r.date)).toEqual(['2026-10-15', '2026-07-01']);
  });
});

describe('runtime check', () => {
  it('refuses the machines’ Node 20 with the fix in the message', () => {
    expect(nodeVersionProblem('20.20.2')).toMatch(/needs Node >= 22\.12.*Node 20\.20\.2.*npm ci installs Node 24/s);
    expect(nodeVersionProblem('22.11.0')).toBeDefined();
  });
  it.each(['22.12.0', '24.21.0', '26.0.0'])('accepts %s', (v) => expect(nodeVersionProblem(v)).toBeUndefined());
});

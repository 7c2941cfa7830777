import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import stringWidth from 'string-width';
import { loadContent } from '../../src/io/content-store.ts';
import { knowledgePages } from '../../src/io/knowledge-input.ts';
import {
  atRiskPages,
  buildKnowledgeReport,
  strictFailures,
  DEFAULT_STRICT,
  type KnowledgePage,
} from '../../src/lib/knowledge/report.ts';
import { renderTextReport } from '../../src/lib/knowledge/text-report.ts';
import { formatTable } from '../../src/lib/text/table.ts';
import { knowledgeSettings } from '../../src/lib/knowledge/settings.ts';
import { escapeMarkdownText, handoverDocument } from '../../src/lib/knowledge/handover.ts';
import { makeSchemas, type Member } from '../../src/lib/content/schema.ts';
import { count } from '../../src/lib/text/count.ts';

const SAMPLE = resolve(import.meta.dirname, '../../content');
const NO_GIT = { available: false as const, reason: 'not needed here' };
const TODAY = '2026-11-24';

describe('the sample content on 2026-11-24', () => {
  const content = loadContent(SAMPLE);
  const report = buildKnowledgeReport(knowledgePages(content), content.roster, NO_GIT, { today: TODAY });
  const page = (suffix: string) => report.pages.find((p) => p.path.endsWith(suffix))!;

  it('loads without problems', () => {
    expect(content.problems).toEqual([]);
  });

  it('has overdue pages, due-soon pages and a page without an active owner', () => {
    expect(page('guideline/toil.mdx')).toMatchObject({ due: '2026-02-28', overdue: true, days_left: -269 });
    expect(page('runbooks/gke-node-pressure.mdx')).toMatchObject({ due: '2026-07-30', overdue: true });
    expect(report.summary.overdue).toBeGreaterThanOrEqual(2);
    expect(report.summary.due_soon).toBeGreaterThanOrEqual(2);
    expect(page('runbooks/redash-dashboard-broken.mdx')).toMatchObject({
      at_risk: true,
      risk: 'no-active-owner',
      departed_owners: ['sato'],
    });
    // Overdue pages come first, the oldest first.
    expect(report.pages[0].path).toMatch(/guideline\/toil\.mdx$/);
  });

  it('ranks at-risk pages worst first and counts exposure per member', () => {
    expect(atRiskPages(report)[0].path).toMatch(/redash-dashboard-broken/);
    const sato = report.members.find((m) => m.id === 'sato')!;
    expect(sato).toMatchObject({ active: false, left: '2026-09-30', exposure: [] });
    const suzuki = report.members.find((m) => m.id === 'suzuki')!;
    // toil.mdx is hers alone; slo-error-budget.mdx is shared with sato, who left.
    expect(suzuki.exposure).toEqual(expect.arrayContaining([page('guideline/toil.mdx').path, page('guideline/slo-error-budget.mdx').path]));
    expect(suzuki.owns.slice(0, suzuki.exposure.length).sort()).toEqual([...suzuki.exposure].sort());
  });

  it('lists open retro actions per owner (status open or missing)', () => {
    const actions = (id: string) => report.members.find((m) => m.id === id)!.open_actions;
    expect(actions('ito')).toEqual([
      expect.objectContaining({ id: 'a-2026-10-15-2', due: '2026-11-30', overdue: false, retro_url: '/retros/2026-10-15-platform-team/' }),
    ]);
    expect(actions('watanabe')[0]).toMatchObject({ due: '2026-11-16', overdue: true });
    expect(actions('takahashi')[0]).toMatchObject({ due: null, overdue: false });
  });

  it('JSON has what scripts rely on', () => {
    const json = JSON.parse(JSON.stringify(report));
    for (const p of json.pages) expect(Object.keys(p)).toEqual(expect.arrayContaining(['path', 'owners', 'due', 'overdue', 'at_risk']));
    for (const m of json.members) expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'exposure']));
    for (const f of json.folders) expect(f).toHaveProperty('bus_factor');
  });

  it('the text report lines up and names the problems', () => {
    const text = renderTextReport(report);
    expect(text).toMatch(/Knowledge report for 2026-11-24: \d+ pages/);
    expect(text).toMatch(/overdue\s+2026-02-28\s+269d ago\s+suzuki\s+\S*guideline\/toil\.mdx\s+トイルの計測と削減/);
    expect(text).toMatch(/no active owner\s+sato \(left 2026-09-30\)/);
    expect(text).toContain('unavailable: not needed here');
  });
});

describe('adopted pages without owners', () => {
  const roster: Member[] = [{ id: 'aoki', name: '青木', role: 'SRE', joined: '2020-01-01', emails: [], git: [] }];
  const adopted: KnowledgePage = {
    kind: 'runbooks',
    id: 'legacy',
    file: 'runbooks/legacy.mdx',
    path: 'content/runbooks/legacy.mdx',
    title: '旧 Wiki の手順',
    owners: [],
    reviewed: '2026-11-01',
    review_every: 90,
    adopted_from: 'https://wiki.example.com/legacy',
    service: 'legacy',
  };
  const report = buildKnowledgeReport([adopted], roster, NO_GIT, { today: TODAY });

  it('are reported as "no owner" at risk, first in the list, and nobody is exposed', () => {
    expect(report.pages[0]).toMatchObject({ risk: 'no-owner', at_risk: true, adopted_from: 'https://wiki.example.com/legacy' });
    expect(atRiskPages(report)[0].id).toBe('legacy');
    expect(report.members[0].exposure).toEqual([]);
    expect(renderTextReport(report)).toMatch(/no owner\s+\(none\)\s+content\/runbooks\/legacy\.mdx/);
  });
});

describe('--strict thresholds', () => {
  const content = loadContent(SAMPLE);
  const report = buildKnowledgeReport(knowledgePages(content), content.roster, NO_GIT, { today: TODAY });

  it('fails on anything overdue or at risk by default', () => {
    const failures = strictFailures(report, DEFAULT_STRICT);
    expect(failures).toEqual([
      `${count(report.summary.overdue, 'page')} overdue for review (allowed: 0)`,
      `${count(report.summary.at_risk, 'page')} at ownership risk (allowed: 0)`,
    ]);
  });

  it('passes within configured limits, and checks the bus factor only when asked and known', () => {
    const loose = { maxOverdue: 99, maxAtRisk: 99, minBusFactor: 2 };
    expect(strictFailures(report, loose)).toEqual([]); // no Git: unknown bus factor never fails
    const withBus = { ...report, folders: [{ ...report.folders[0], bus_factor: 1 }] };
    expect(strictFailures(withBus, loose)).toEqual([`bus factor of guideline is 1 (minimum: 2)`]);
    expect(strictFailures(withBus, { ...loose, minBusFactor: 0 })).toEqual([]);
  });

  it('config: defaults for what is omitted, and a readable error for a bad value', () => {
    expect(knowledgeSettings(undefined)).toEqual({ dueSoonDays: 14, minOwners: 2, strict: DEFAULT_STRICT });
    expect(knowledgeSettings({ strict: { maxAtRisk: 3 } }).strict).toEqual({ ...DEFAULT_STRICT, maxAtRisk: 3 });
    expect(() => knowledgeSettings({ dueSoonDays: -1 })).toThrow(/knowledge\.dueSoonDays/);
    expect(() => knowledgeSettings({ minOwners: 0 })).toThrow(/knowledge\.minOwners/);
  });
});

describe('terminal tables', () => {
  it('pad by display width so Japanese text lines up', () => {
    const text = formatTable(['ID', 'TITLE', 'OWNER'], [
      ['a', 'トイルの計測と削減', 'suzuki'],
      ['bb', 'SLO', 'tanaka'],
    ]);
    const rows = text.split('\n');
    const ownerColumn = rows.map((r) => stringWidth(r.slice(0, r.search(/(OWNER|suzuki|tanaka)$/))));
    expect(new Set(ownerColumn).size).toBe(1);
  });

  it('keep a cell on one line', () => {
    expect(formatTable(['A', 'B'], [['x\ny', 'z']])).toBe('A    B\nx y  z');
  });
});

describe('handover document', () => {
  const content = loadContent(SAMPLE);
  const report = buildKnowledgeReport(knowledgePages(content), content.roster, NO_GIT, { today: TODAY });
  const frontMatter = (text: string) => parse(text.split('\n---\n')[0].replace(/^---\n/, ''));
  const schema = makeSchemas(new Set(content.roster.map((m) => m.id))).handover;

  it('for a member who left: their orphaned page first, valid front matter, site links', () => {
    const doc = handoverDocument({ report, roster: content.roster, member: 'sato', to: 'ito', today: TODAY });
    expect(doc.file).toBe('handover/2026-11-24-sato.mdx');
    const fm = frontMatter(doc.text);
    expect(schema.safeParse(fm).success).toBe(true);
    expect(fm).toMatchObject({ status: 'draft', from: ['sato'], to: ['ito'], owners: ['ito'], reviewed: TODAY });
    const items = doc.text.split('\n').filter((l) => l.startsWith('- [ ] ['));
    expect(items[0]).toContain('](/runbooks/redash-dashboard-broken/)');
    expect(items[0]).toContain('単独オーナー');
    expect(items[1]).toContain('](/guideline/slo-error-budget/)');
    expect(doc.counts).toMatchObject({ pages: 2, soleOwned: 1 });
  });

  it('for an active member without --to: sole-owned pages first, open actions listed', () => {
    const doc = handoverDocument({ report, roster: content.roster, member: 'suzuki', today: TODAY });
    const fm = frontMatter(doc.text);
    expect(fm).toMatchObject({ from: ['suzuki'], to: [], owners: ['suzuki'] });
    expect(schema.safeParse(fm).success).toBe(true);
    const links = [...doc.text.matchAll(/\]\((\/[^)]+)\)/g)].map((m) => m[1]);
    const sole = report.members.find((m) => m.id === 'suzuki')!.exposure.map((p) => report.pages.find((x) => x.path === p)!.url);
    expect(links.slice(0, sole.length).sort()).toEqual([...sole].sort());
    expect(doc.text).toContain('レビュー期限切れ: 2026-02-28');

    const takahashi = handoverDocument({ report, roster: content.roster, member: 'takahashi', today: TODAY });
    expect(takahashi.text).toMatch(/- \[ \] Terraform の apply ジョブ.*\(\/retros\/2026-10-15-platform-team\/\)/);
  });

  it('escapes Markdown and MDX syntax in user text', () => {
    expect(escapeMarkdownText('{process.exit(1)} <script>alert(1)</script> [x](javascript:alert(1)) *a* `b`')).toBe(
      '\\{process.exit\\(1\\)\\} \\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:alert\\(1\\)\\) \\*a\\* \\`b\\`',
    );
    expect(escapeMarkdownText('line\nbreak\n\nimport x from "y"')).toBe('line break import x from "y"');
  });

  it('refuses an unknown member', () => {
    expect(() => handoverDocument({ report, roster: content.roster, member: 'nobody', today: TODAY })).toThrow(/unknown member/);
  });
});


/**
 * `npm run knowledge -- --format markdown`: the issue body the weekly reminder posts, for a fixed
 * day, compared with a hand-written expected file; mentions by GitHub handle, user text that can
 * neither format nor mention, and --format json being the --json of before.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO } from '../support/build.ts';
import { runScript } from '../support/cli.ts';
import { buildKnowledgeReport } from '../../src/lib/knowledge/report.ts';
import { fitForGitHub, GITHUB_BODY_LIMIT, renderMarkdownReport } from '../../src/lib/knowledge/markdown-report.ts';

const LOOP_FILES: Record<string, string> = {
  'team.yaml': `
- { id: aoki, name: 青木 一郎, role: SRE, joined: 2024-04-01, github: aoki-gh }
- { id: baba, name: 馬場 花子, role: テックリード, joined: 2023-10-01, github: "@baba-gh" }
- { id: chiba, name: 千葉 三郎, role: SRE, joined: 2020-01-01, left: 2026-06-30, github: chiba-gh }
- { id: doi, name: 土井 四郎, role: SRE, joined: 2025-01-01 }
`,
  // Overdue since 2026-06-30.
  'guideline/intro.mdx': `---
title: はじめに
order: 1
owners: [aoki, baba]
reviewed: 2026-01-01
---
本文
`,
  // Due in 6 days (2026-09-01 + 90), and owned by one person.
  'runbooks/dns.mdx': `---
title: "DNS を @everyone に *知らせる* [x](javascript:alert(1))"
service: dns
severity: high
owners: [baba]
reviewed: 2026-09-01
---
本文
`,
  // Every owner has left.
  'runbooks/old-queue.mdx': `---
title: 古いキュー
service: queue
severity: low
owners: [chiba]
reviewed: 2026-10-01
---
本文
`,
  // Due in 6 days; the first active owner has no GitHub handle.
  'handover/db.mdx': `---
title: DB 引き継ぎ
system: Cloud SQL
status: draft
from: [doi]
owners: [doi, aoki]
reviewed: 2026-10-01
---
本文
`,
  'retros/2026-10-01-team.mdx': `---
title: 振り返り 2026-10-01
date: 2026-10-01
team: チーム
owners: [aoki, baba]
reviewed: 2026-10-01
---
`,
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

const EXPECTED = readFileSync(join(REPO, 'test/fixtures/knowledge-report.md'), 'utf8');
const LINK_BASE = 'https://github.com/example/handbook/blob/main/';

describe('knowledge --format markdown', { timeout: 60_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'hk-md-'));
  writeTree(join(root, 'content'), LOOP_FILES);
  const cli = (args: string[]) => runScript('knowledge', args, { cwd: root, env: { CONTENT_DIR: 'content', HIKITSUGI_TODAY: '2026-11-24' } });

  it('prints the checklist grouped by owner for a fixed day, as in the expected file', async () => {
    const r = await cli(['--format', 'markdown', '--no-git', '--link-base', LINK_BASE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
  });

  it('--format json is --json, and text stays the default', async () => {
    const json = await cli(['--format', 'json', '--no-git']);
    const legacy = await cli(['--json', '--no-git']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(legacy.stdout);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ overdue: 1, due_soon: 2 });
    expect((await cli(['--no-git'])).stdout).toMatch(/^Knowledge report for 2026-11-24/);
    const bad = await cli(['--format', 'html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: option '--format <format>' argument 'html' is invalid/);
    expect((await cli(['--json', '--format', 'markdown'])).code).toBe(2);
  });

  it('says there is nothing to do when nothing is due and every page has owners', () => {
    const report = buildKnowledgeReport(
      [{ kind: 'guideline', id: 'a', file: 'guideline/a.mdx', path: 'content/guideline/a.mdx', title: 'A', owners: ['aoki', 'baba'], reviewed: '2026-11-01', review_every: 180 }],
      [
        { id: 'aoki', name: '青木', role: 'SRE', joined: '2020-01-01', emails: [], git: [], github: 'aoki-gh' },
        { id: 'baba', name: '馬場', role: 'SRE', joined: '2020-01-01', emails: [], git: [] },
      ],
      { available: false, reason: 'test' },
      { today: '2026-11-24' },
    );
    const md = renderMarkdownReport(report, []);
    expect(md).toContain('Nothing to do: no page is due for review');
    expect(md).not.toContain('- [ ]');
  });

  it('stays within what GitHub accepts as an issue body: lists are capped, and the whole is cut at a line', () => {
    const owners = ['aoki', 'baba'];
    const roster = owners.map((id) => ({ id, name: id, role: 'SRE', joined: '2020-01-01', emails: [], git: [], github: `${id}-gh` }));
    const pages = Array.from({ length: 30 }, (_, i) => ({
      kind: 'runbooks' as const, id: `p${i}`, file: `runbooks/p${i}.mdx`, path: `content/runbooks/p${i}.mdx`, title: `P${i}`, owners, reviewed: '2025-01-01', review_every: 90,
    }));
    const report = buildKnowledgeReport(pages, roster, { available: false, reason: 'test' }, { today: '2026-11-24' });
    const md = renderMarkdownReport(report, roster, { maxItems: 5 });
    expect(md.match(/^- \[ \]/gm)).toHaveLength(5);
    expect(md).toContain('- … and 25 more pages: `npx hikitsugi knowledge` lists them all\n');
    const long = Array.from({ length: 5000 }, (_, i) => `- line ${i} ${'x'.repeat(20)}`).join('\n');
    const cut = fitForGitHub(long, '_cut_');
    expect(cut.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(cut.endsWith('\n\n_cut_\n')).toBe(true);
    expect(cut.split('\n').at(-4)).toMatch(/^- line \d+ x{20}$/);
    expect(fitForGitHub('short\n', '_cut_')).toBe('short\n');
  });
});

/**
 * `npm run knowledge -- --diff <ref>`: a real repository with two commits (the second marks a
 * member as leaving, drops an owner and edits a page without its review date), and uncommitted
 * changes in the working tree; the pure comparison for the cases Git need not be involved in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runScript } from '../support/cli.ts';
import { knowledgeDiff, renderDiffMarkdown, type DiffSide } from '../../src/lib/knowledge/diff.ts';
import type { KnowledgePage } from '../../src/lib/knowledge/report.ts';
import type { Member } from '../../src/lib/content/schema.ts';

const ROSTER = `
- { id: aoki, name: 青木, role: SRE, joined: 2020-01-01, emails: [aoki@example.com] }
- { id: baba, name: 馬場, role: SRE, joined: 2020-01-01, emails: [baba@example.com] }
- { id: chiba, name: 千葉, role: SRE, joined: 2020-01-01, emails: [chiba@example.com] }
`;
const page = (fm: string, body: string) => `---\n${fm.trim()}\n---\n\n${body}\n`;
const FILES: Record<string, string> = {
  'team.yaml': ROSTER,
  'runbooks/dns.mdx': page('title: DNS\nservice: dns\nseverity: high\nowners: [chiba]\nreviewed: 2026-11-01', '## 概要\n'),
  'runbooks/db.mdx': page('title: DB\nservice: db\nseverity: high\nowners: [aoki, baba]\nreviewed: 2026-11-01', '## 概要\n'),
  'handover/cdn.mdx': page('title: CDN\nsystem: CDN\nstatus: draft\nfrom: [chiba]\nowners: [baba, chiba]\nreviewed: 2026-11-01', '## 概要\n'),
  'guideline/intro.mdx': page('title: はじめに\norder: 1\nowners: [aoki, baba]\nreviewed: 2026-11-01', '最初の版。\n'),
};

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com' };
const git = (cwd: string, args: string[], author = ['CI', 'ci@example.com']) =>
  execFileSync('git', args, { cwd, env: { ...GIT_ENV, GIT_AUTHOR_NAME: author[0], GIT_AUTHOR_EMAIL: author[1] }, stdio: 'pipe' });

let repo: string;
const content = (rel: string) => join(repo, 'content', rel);
const edit = (rel: string, from: string, to: string) => {
  const text = readFileSync(content(rel), 'utf8');
  if (!text.includes(from)) throw new Error(`${rel}: no "${from}"`);
  writeFileSync(content(rel), text.replace(from, to));
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'hk-diff-'));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(dirname(content(rel)), { recursive: true });
    writeFileSync(content(rel), text);
  }
  git(repo, ['init', '-q']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'handbook'], ['Saburo Chiba', 'chiba@example.com']);
  // The change under review: chiba announces leaving, baba hands db over, intro is rewritten.
  edit('team.yaml', 'emails: [chiba@example.com] }', 'emails: [chiba@example.com], left: 2026-12-31 }');
  edit('runbooks/db.mdx', 'owners: [aoki, baba]', 'owners: [aoki]');
  edit('guideline/intro.mdx', '最初の版。', '書き直した版。');
  git(repo, ['commit', '-q', '-am', 'chiba leaves'], ['Ichiro Aoki', 'aoki@example.com']);
});

const cli = (args: string[]) => runScript('knowledge', args, { cwd: repo, env: { CONTENT_DIR: 'content', HIKITSUGI_TODAY: '2026-11-24' } });

describe('npm run knowledge -- --diff', { timeout: 60_000 }, () => {
  it('reports the page that loses its last owner, owners lost, the bus factor drop and the unreviewed edit', async () => {
    const r = await cli(['--diff', 'HEAD~1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '<!-- hikitsugi:knowledge-diff -->',
        '### Knowledge: what this change does to ownership and freshness',
        '',
        'Compared with `HEAD~1`.',
        '',
        '**Left without an active owner** (1): find a new owner before this merges.',
        '',
        '- `content/runbooks/dns.mdx` DNS: chiba leaves (left: 2026-12-31)',
        '',
        '**Lose an owner** (2)',
        '',
        '- `content/handover/cdn.mdx` CDN: chiba leaves (left: 2026-12-31); still owned by baba',
        '- `content/runbooks/db.mdx` DB: baba removed from owners; still owned by aoki',
        '',
        // aoki's edits make them a co-author of intro and db: only what chiba alone wrote drops.
        '**Bus factor drops** (2)',
        '',
        '- `runbooks/dns`: 1 → 0',
        '- `handover`: 1 → 0',
        '',
        '**Edited without updating `reviewed`** (1): if the page was checked as a whole, run `npx hikitsugi review <page>`.',
        '',
        '- `content/guideline/intro.mdx` はじめに: reviewed 2026-11-01',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await cli(['--diff', 'HEAD~1', '--format', 'json'])).stdout);
    expect(json.orphaned).toEqual([
      { path: 'content/runbooks/dns.mdx', title: 'DNS', before: ['chiba'], after: [], reasons: ['chiba leaves (left: 2026-12-31)'] },
    ]);
    // What the pull request workflow reads to decide whether to comment at all.
    expect(json.findings).toBe(6);
  });

  it('compares the working tree too: uncommitted changes count, and a clean comparison says so', async () => {
    const same = await cli(['--diff', 'HEAD']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No page loses an owner, no bus factor drops, and every edited page had its review date updated (none moved back).');
    expect(JSON.parse((await cli(['--diff', 'HEAD', '--format', 'json'])).stdout).findings).toBe(0);
    edit('runbooks/db.mdx', 'owners: [aoki]', 'owners: []\nadopted_from: old-wiki');
    try {
      const r = await cli(['--diff', 'HEAD']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('- `content/runbooks/db.mdx` DB: aoki removed from owners\n');
    } finally {
      edit('runbooks/db.mdx', 'owners: []\nadopted_from: old-wiki', 'owners: [aoki]');
    }
  });

  it('fails naming a ref Git does not know, and refuses --diff as text', async () => {
    const r = await cli(['--diff', 'no-such-branch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: --diff: unknown Git ref "no-such-branch"/);
    const text = await cli(['--diff', 'HEAD', '--format', 'text']);
    expect(text.code).toBe(2);
  });
});

describe('knowledgeDiff', () => {
  const member = (id: string, left?: string): Member => ({ id, name: id, role: 'SRE', joined: '2020-01-01', emails: [], git: [], ...(left && { left }) });
  const kp = (id: string, owners: string[], reviewed = '2026-11-01'): KnowledgePage => ({
    kind: 'runbooks', id, file: `runbooks/${id}.mdx`, path: `content/runbooks/${id}.mdx`, title: id, owners, reviewed, review_every: 90, service: 'x',
  });
  const side = (pages: KnowledgePage[], roster: Member[], body = 'a'): DiffSide => ({
    pages, roster, bodies: new Map(pages.map((p) => [p.file, body])), history: { available: false, reason: 'test' },
  });

  it('names a member removed from the roster, ignores new pages, members gone on both sides and reviewed edits', () => {
    const base = side([kp('a', ['aoki', 'gone']), kp('b', ['gone'])], [member('aoki'), member('gone', '2026-01-01'), member('baba')]);
    const head = side([kp('a', ['aoki'], '2026-11-20'), kp('b', ['gone']), kp('new', [])], [member('gone', '2026-01-01'), member('baba')], 'b');
    const d = knowledgeDiff(base, head, { baseLabel: 'main', today: '2026-11-24' });
    expect(d.orphaned).toEqual([{ path: 'content/runbooks/a.mdx', title: 'a', before: ['aoki'], after: [], reasons: ['aoki removed from the roster'] }]);
    expect(d.lost_owner).toEqual([]);
    // b was edited without review: reported; a's review date moved with its edit: not reported.
    expect(d.edited_unreviewed.map((e) => e.path)).toEqual(['content/runbooks/b.mdx']);
    expect(renderDiffMarkdown(d, { historyNote: 'test' })).toContain('_Bus factor not compared: test_');
  });

  it('names a page whose review date moved back, edited or not, and counts it as a finding', () => {
    const base = side([kp('a', ['aoki'], '2026-11-20'), kp('b', ['aoki'], '2026-11-20'), kp('c', ['aoki'], '2026-11-20')], [member('aoki')]);
    const head = side([kp('a', ['aoki'], '2026-08-01'), kp('b', ['aoki'], '2026-11-21'), kp('c', ['aoki'], '2026-11-20')], [member('aoki')]);
    const d = knowledgeDiff(base, head, { baseLabel: 'main', today: '2026-11-24' });
    expect(d.reviewed_backwards).toEqual([{ path: 'content/runbooks/a.mdx', title: 'a', before: '2026-11-20', after: '2026-08-01' }]);
    expect(d.edited_unreviewed).toEqual([]);
    expect(d.findings).toBe(1);
    expect(renderDiffMarkdown(d)).toContain(
      '**`reviewed` moved back** (1): a merge or a copied front matter may have undone a review; keep the later date if that review happened.\n\n' +
        '- `content/runbooks/a.mdx` a: 2026-11-20 → 2026-08-01\n',
    );
    expect(renderDiffMarkdown(d)).not.toContain('No page loses an owner');
  });
});

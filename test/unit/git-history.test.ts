/**
 * The Git reader against real repositories built here: several authors, renames (one into a
 * Japanese file name), a deleted file, files outside the content folder, and a shallow clone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readContentHistory, SHALLOW_REASON } from '../../src/io/git-history.ts';
import { parseLog } from '../../src/lib/knowledge/git-log.ts';
import { authorsByFile, fileAuthorship, fileHistories, truckFactor } from '../../src/lib/knowledge/authorship.ts';
import { identityMap } from '../../src/lib/knowledge/identity.ts';
import { buildKnowledgeReport, type KnowledgePage } from '../../src/lib/knowledge/report.ts';
import type { Member } from '../../src/lib/content/schema.ts';

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_COMMITTER_NAME: 'CI',
  GIT_COMMITTER_EMAIL: 'ci@example.com',
};

function git(cwd: string, args: string[], author?: [string, string]) {
  return execFileSync('git', args, {
    cwd,
    env: author ? { ...GIT_ENV, GIT_AUTHOR_NAME: author[0], GIT_AUTHOR_EMAIL: author[1] } : GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const ALICE: [string, string] = ['Alice Aoki', 'aoki@example.com']; // roster: aoki (by email)
const BOB: [string, string] = ['Bob Baba', 'bob@laptop.local']; // roster: baba (by git name)
const CAROL: [string, string] = ['Carol Sato', 'sato@example.com']; // roster: sato, left
const DAVE: [string, string] = ['Dave Contractor', 'dave@contractor.example']; // not in the roster

const ROSTER: Member[] = [
  { id: 'aoki', name: '青木', role: 'SRE', joined: '2020-01-01', emails: ['aoki@example.com'], git: [] },
  { id: 'baba', name: '馬場', role: 'SRE', joined: '2020-01-01', emails: [], git: ['bob baba'] },
  { id: 'sato', name: '佐藤', role: 'SRE', joined: '2020-01-01', left: '2026-09-30', emails: ['sato@example.com'], git: [] },
];

let repo: string;
let content: string;

function write(rel: string, text: string) {
  const path = join(repo, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n') + '\n';

function commitAll(author: [string, string], message: string) {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], author);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'hk-git-'));
  content = join(repo, 'docs', 'content');
  git(repo, ['init', '-q', '-b', 'main']);
  // 1. Alice writes two runbooks and a guideline chapter; a README outside content/ too.
  write('README.md', 'readme\n');
  write('docs/content/runbooks/db.mdx', lines(20, 'db'));
  write('docs/content/runbooks/cache.mdx', lines(20, 'cache'));
  write('docs/content/guideline/intro.mdx', lines(20, 'intro'));
  commitAll(ALICE, 'first pages');
  // 2. Carol adds a runbook, and one that will be deleted.
  write('docs/content/runbooks/queue.mdx', lines(20, 'queue'));
  write('docs/content/runbooks/tmp.mdx', lines(20, 'tmp'));
  commitAll(CAROL, 'queue runbooks');
  // 3. Bob renames db.mdx into a service folder with a Japanese name, editing it a little.
  git(repo, ['mv', 'docs/content/runbooks/db.mdx', 'docs/content/runbooks/データベース.mdx']);
  write('docs/content/runbooks/データベース.mdx', lines(20, 'db') + 'one more line\n');
  commitAll(BOB, 'rename db runbook');
  // 4. Bob edits the renamed file many times: he becomes its main author.
  for (let i = 0; i < 10; i++) {
    write('docs/content/runbooks/データベース.mdx', lines(20, 'db') + `edit ${i}\n`);
    commitAll(BOB, `db edit ${i}`);
  }
  // 5. Dave deletes tmp.mdx and touches the README (outside content).
  rmSync(join(repo, 'docs/content/runbooks/tmp.mdx'));
  write('README.md', 'readme 2\n');
  commitAll(DAVE, 'cleanup');
  // 6. Dave adds a runbook of his own.
  write('docs/content/runbooks/dns.mdx', lines(5, 'dns'));
  commitAll(DAVE, 'dns');
});

describe('reading the history of the content folder', () => {
  it('returns every commit touching it, oldest first, with paths relative to it', async () => {
    const history = await readContentHistory(content);
    if (!history.available) throw new Error(history.reason);
    expect(history.commits).toHaveLength(15);
    expect(history.commits[0].author).toEqual({ name: 'Alice Aoki', email: 'aoki@example.com' });
    expect(history.commits[0].changes.map((c) => c.path).sort()).toEqual([
      'guideline/intro.mdx',
      'runbooks/cache.mdx',
      'runbooks/db.mdx',
    ]);
    expect(history.commits[2].changes).toEqual([{ status: 'R', from: 'runbooks/db.mdx', path: 'runbooks/データベース.mdx' }]);
    // The README change is outside content/: Dave's cleanup commit only deletes tmp.mdx.
    expect(history.commits[13].changes).toEqual([{ status: 'D', path: 'runbooks/tmp.mdx' }]);
  });

  it('gives DOA, authors and bus factor that follow renames and forget deleted files', async () => {
    const history = await readContentHistory(content);
    if (!history.available) throw new Error(history.reason);
    const ids = identityMap(ROSTER);
    const files = fileHistories(history.commits, ids.developerOf);
    expect([...files.keys()].sort()).toEqual([
      'guideline/intro.mdx',
      'runbooks/cache.mdx',
      'runbooks/dns.mdx',
      'runbooks/queue.mdx',
      'runbooks/データベース.mdx',
    ]);
    const db = files.get('runbooks/データベース.mdx')!;
    expect(db.creator).toBe('aoki'); // created as db.mdx by Alice
    expect(db.deliveries.get('baba')).toBe(11); // the rename + 10 edits
    const doa = fileAuthorship(db);
    expect(doa.map((d) => [d.developer, d.author])).toEqual([
      ['baba', true],
      ['aoki', false],
    ]);
    expect(doa[0].doa).toBeCloseTo(3.293 + 0.164 * 11, 9);
    expect(doa[1].doa).toBeCloseTo(3.293 + 1.098 - 0.321 * Math.log(12), 9);

    const authors = authorsByFile(files);
    expect(Object.fromEntries(authors)).toEqual({
      'guideline/intro.mdx': ['aoki'],
      'runbooks/cache.mdx': ['aoki'],
      'runbooks/dns.mdx': ['git:dave@contractor.example'],
      'runbooks/queue.mdx': ['sato'],
      'runbooks/データベース.mdx': ['baba'],
    });
    expect([...ids.unmapped.values()]).toEqual([{ name: 'Dave Contractor', email: 'dave@contractor.example' }]);

    const runbooks = new Map([...authors].filter(([f]) => f.startsWith('runbooks/')));
    // 4 runbooks, one author each; sato has left, so queue.mdx is already orphaned.
    expect(truckFactor(runbooks)!.truckFactor).toBe(3);
    expect(truckFactor(runbooks, { exclude: ['sato'] })).toMatchObject({ truckFactor: 2, orphaned: 1, files: 4 });
  });

  it('feeds the report: bus factor per folder and main authors per page', async () => {
    const history = await readContentHistory(content);
    const page = (file: string, service?: string): KnowledgePage => ({
      kind: file.startsWith('runbooks/') ? 'runbooks' : 'guideline',
      id: file.replace(/^\w+\//, '').replace('.mdx', ''),
      file,
      path: `docs/content/${file}`,
      title: file,
      owners: ['aoki', 'baba'],
      reviewed: '2026-11-01',
      review_every: 90,
      service,
    });
    const pages = [
      page('guideline/intro.mdx'),
      page('runbooks/cache.mdx', 'cache'),
      page('runbooks/dns.mdx', 'dns'),
      page('runbooks/queue.mdx', 'queue'),
      page('runbooks/データベース.mdx', 'db'),
      page('runbooks/uncommitted.mdx', 'db'),
    ];
    const report = buildKnowledgeReport(pages, ROSTER, history, { today: '2026-11-24' });
    const folder = (key: string) => report.folders.find((f) => f.key === key)!;
    expect(folder('guideline')).toMatchObject({ files: 1, bus_factor: 1, key_people: [{ id: 'aoki', files: 1 }] });
    expect(folder('runbooks')).toMatchObject({ pages: 5, files: 4, bus_factor: 2, orphaned: 1 });
    expect(folder('runbooks/queue')).toMatchObject({ files: 1, bus_factor: 0, orphaned: 1 });
    expect(folder('runbooks/db')).toMatchObject({ pages: 2, files: 1, bus_factor: 1, authors: [{ id: 'baba', files: 1 }] });
    expect(report.members.find((m) => m.id === 'baba')!.main_author_of).toEqual(['docs/content/runbooks/データベース.mdx']);
    expect(report.git).toMatchObject({ available: true, commits: 15 });
  });
});

describe('when the history cannot be trusted or read', () => {
  it('a shallow clone says the history is incomplete instead of giving numbers', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'hk-shallow-'));
    git(clone, ['clone', '-q', '--depth', '1', `file://${repo}`, 'repo']);
    const history = await readContentHistory(join(clone, 'repo', 'docs', 'content'));
    expect(history).toEqual({ available: false, reason: SHALLOW_REASON });
    expect(SHALLOW_REASON).toMatch(/history incomplete.*shallow/);

    const report = buildKnowledgeReport([], ROSTER, history, { today: '2026-11-24' });
    expect(report.folders.every((f) => f.bus_factor === null && f.reason === SHALLOW_REASON)).toBe(true);
    expect(report.git).toMatchObject({ available: false, reason: SHALLOW_REASON });
  });

  it('a folder outside any repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-nogit-'));
    expect(await readContentHistory(dir)).toEqual({ available: false, reason: `${dir} is not in a Git repository` });
  });

  it('a repository without commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-empty-'));
    git(dir, ['init', '-q']);
    expect(await readContentHistory(dir)).toEqual({ available: false, reason: 'the repository has no commits yet' });
  });

  it('a folder that does not exist', async () => {
    expect(await readContentHistory('/no/such/folder')).toEqual({ available: false, reason: '/no/such/folder does not exist' });
  });

  it('git not installed', async () => {
    expect(await readContentHistory(content, { gitBinary: '/nonexistent/git' })).toEqual({
      available: false,
      reason: 'git is not installed (or not on PATH)',
    });
  });
});

describe('parsing git log output', () => {
  it('copes with renames into and out of the folder, copies and odd statuses', () => {
    const out =
      '\x1eabc\x1fAna\x1fana@x\0\n' +
      'R100\0content/a.md\0content/b.md\0' +
      'R090\0elsewhere/c.md\0content/c.md\0' +
      'R100\0content/d.md\0archive/d.md\0' +
      'C075\0content/b.md\0content/b2.md\0' +
      'M\0content/sub dir/e f.md\0' +
      'X\0content/weird\0' +
      'M\0outside.md\0' +
      '\x1edef\x1fBo\x1fbo@x\0\n';
    expect(parseLog(out, 'content/')).toEqual([
      {
        sha: 'abc',
        author: { name: 'Ana', email: 'ana@x' },
        changes: [
          { status: 'R', from: 'a.md', path: 'b.md' },
          { status: 'A', path: 'c.md' },
          { status: 'D', path: 'd.md' },
          { status: 'C', from: 'b.md', path: 'b2.md' },
          { status: 'M', path: 'sub dir/e f.md' },
        ],
      },
      { sha: 'def', author: { name: 'Bo', email: 'bo@x' }, changes: [] },
    ]);
  });
});

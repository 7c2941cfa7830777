/**
 * The knowledge CLIs on a content tree in its own Git repository, and the site built from it:
 * the report's numbers, --strict exit codes, the handover file (which must build, escape hostile
 * text, and never be overwritten), the /knowledge/ page with and without Git history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintContent } from '../../src/io/lint-content.ts';
import { REPO, runAstro, TEST_TODAY } from '../support/build.ts';
import { makeContentDir, VALID_FILES } from '../support/content-fixture.ts';

const HOSTILE_TITLE = '{process.exit(1)} <img src=x onerror=alert(1)> [x](javascript:alert(1)) *強調*';
const HOSTILE_ACTION = "`{1+1}` <script>alert('x')</script> export const a = 1";

const FILES: Record<string, string> = {
  'team.yaml': `
- id: aoki
  name: 青木 一郎
  role: SRE
  joined: 2024-04-01
  emails: [aoki@example.com]
- id: baba
  name: 馬場 花子
  role: テックリード
  joined: 2023-10-01
  git: [Hanako Baba]
- id: chiba
  name: 千葉 三郎
  role: SRE
  joined: 2020-01-01
  left: 2026-06-30
  emails: [chiba@example.com]
`,
  // Overdue (2026-01-01 + 180 = 2026-06-30) and owned by aoki alone.
  'guideline/intro.mdx': VALID_FILES['guideline/intro.mdx'].replace('reviewed: 2026-10-01', 'reviewed: 2026-01-01'),
  'runbooks/dns.mdx': `---
title: ${JSON.stringify(HOSTILE_TITLE)}
service: dns
severity: high
owners: [chiba]
reviewed: 2026-11-01
---

## 概要
`,
  'retros/2026-10-01-team.mdx': `---
title: 振り返り 2026-10-01
date: 2026-10-01
team: チーム
owners: [baba]
reviewed: 2026-10-01
items:
  - { kind: try, text: ${JSON.stringify(HOSTILE_ACTION)}, owner: aoki, due: 2026-12-01, status: open }
  - { kind: try, text: 済んだこと, owner: aoki, status: done }
---
`,
};

/** Aoki commits everything except the DNS runbook, which Chiba (who has since left) wrote. */
function gitInit(dir: string) {
  const env = (name: string, email: string) => ({
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: 'CI',
    GIT_COMMITTER_EMAIL: 'ci@example.com',
  });
  const aoki = env('Ichiro Aoki', 'aoki@example.com');
  execFileSync('git', ['init', '-q'], { cwd: dir, env: aoki });
  execFileSync('git', ['add', '-A', '--', '.', ':!runbooks/dns.mdx'], { cwd: dir, env: aoki });
  execFileSync('git', ['commit', '-q', '-m', 'pages'], { cwd: dir, env: aoki });
  execFileSync('git', ['add', '-A'], { cwd: dir, env: aoki });
  execFileSync('git', ['commit', '-q', '-m', 'dns'], { cwd: dir, env: env('Saburo Chiba', 'chiba@example.com') });
}

function cli(script: 'knowledge' | 'handover', contentDir: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: REPO,
    env: { ...process.env, CONTENT_DIR: contentDir, HIKITSUGI_TODAY: TEST_TODAY, FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = makeContentDir(FILES);
  gitInit(dir);
});

describe('npm run knowledge', () => {
  it('--json gives pages, members and folders for scripts', () => {
    const r = cli('knowledge', dir, ['--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const intro = report.pages.find((p: { path: string }) => p.path.endsWith('guideline/intro.mdx'));
    expect(intro).toMatchObject({ owners: ['aoki'], due: '2026-06-30', overdue: true, at_risk: true, risk: 'single-owner' });
    const dns = report.pages.find((p: { path: string }) => p.path.endsWith('runbooks/dns.mdx'));
    expect(dns).toMatchObject({ at_risk: true, risk: 'no-active-owner', main_author: 'chiba' });
    const handover = report.pages.find((p: { path: string }) => p.path.endsWith('handover/db.mdx'));
    expect(report.members.find((m: { id: string }) => m.id === 'aoki').exposure).toEqual([intro.path, handover.path]);
    // The content folder is outside the current directory: paths are absolute, not ../../..
    expect(intro.path).toBe(join(dir, 'guideline/intro.mdx'));
    // db-failover by aoki, dns by chiba who left: without aoki nothing is covered.
    expect(report.folders.find((f: { key: string }) => f.key === 'runbooks')).toMatchObject({ files: 2, bus_factor: 1, orphaned: 1 });
    expect(report.folders.find((f: { key: string }) => f.key === 'runbooks/dns')).toMatchObject({ files: 1, bus_factor: 0 });
    expect(report.git).toMatchObject({ available: true, commits: 2, unmapped_authors: [] });
  });

  it('prints tables by default', () => {
    const r = cli('knowledge', dir, []);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/REVIEW DUE\nSTATUS\s+DUE/);
    expect(r.stdout).toMatch(/no active owner\s+chiba \(left 2026-06-30\)/);
    expect(r.stdout).toMatch(/BUS FACTOR[^\n]*\nFOLDER\s+FILES\s+BUS FACTOR/);
  });

  it('--strict exits 1 naming what is wrong, and 0 within the thresholds', () => {
    const strict = cli('knowledge', dir, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^error: --strict: 1 page overdue for review \(allowed: 0\); 4 pages at ownership risk \(allowed: 0\)/);
    expect(strict.stdout).toContain('REVIEW DUE'); // the report is still printed
    expect(cli('knowledge', dir, ['--strict', '--max-overdue', '1', '--max-at-risk', '4']).code).toBe(0);
    const bus = cli('knowledge', dir, ['--strict', '--max-overdue', '9', '--max-at-risk', '9', '--min-bus-factor', '2', '--json']);
    expect(bus.code).toBe(1);
    expect(bus.stderr).toMatch(/bus factor of guideline is 1 \(minimum: 2\)/);
    expect(() => JSON.parse(bus.stdout)).not.toThrow();
  });

  it('wrong usage exits 2 with one line', () => {
    for (const args of [['--due-soon-days', 'abc'], ['--today', '2026-02-30'], ['--min-owners', '0'], ['--frobnicate']]) {
      const r = cli('knowledge', dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--today and --due-soon-days move the window', () => {
    const report = JSON.parse(cli('knowledge', dir, ['--json', '--today', '2026-06-01', '--due-soon-days', '30']).stdout);
    expect(report.today).toBe('2026-06-01');
    expect(report.pages.find((p: { path: string }) => p.path.endsWith('intro.mdx'))).toMatchObject({ overdue: false, due_soon: true, days_left: 29 });
  });
});

describe('npm run handover', () => {
  let handoverDir: string;
  let build: Awaited<ReturnType<typeof runAstro>>;
  beforeAll(async () => {
    handoverDir = mkdtempSync(join(tmpdir(), 'hk-handover-'));
    cpSync(dir, handoverDir, { recursive: true });
    rmSync(join(handoverDir, '.git'), { recursive: true });
  });

  it('writes a draft that builds, escapes user text, and refuses to overwrite it', async () => {
    const first = cli('handover', handoverDir, ['--member', 'aoki', '--to', 'baba']);
    expect(first.stderr).toMatch(/note: no Git section/); // this copy is not a repository
    expect(first.code).toBe(0);
    const file = join(handoverDir, 'handover', `${TEST_TODAY}-aoki.mdx`);
    expect(first.stdout).toContain(`wrote ${file}: 3 pages owned (2 alone), 0 runbooks and 0 services as main Git author, 1 open retro action`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: 青木 一郎さんの引き継ぎ（2026-11-24）\n/);
    expect(text).toContain('](/guideline/intro/)');
    expect(text).toContain('](/retros/2026-10-01-team/)');
    expect(text).not.toContain('済んだこと'); // done actions are not handed over

    const second = cli('handover', handoverDir, ['--member', 'aoki', '--to', 'baba']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe(text);

    // chiba left: the orphaned hostile-titled runbook is in chiba's handover.
    expect(cli('handover', handoverDir, ['--member', 'chiba', '--to', 'aoki']).code).toBe(0);

    // The drafts have every section a handover page needs: `hikitsugi lint` (a team's npm test) passes.
    const chibaFile = join(handoverDir, 'handover', `${TEST_TODAY}-chiba.mdx`);
    const lint = await lintContent({ contentDir: handoverDir, files: [file, chibaFile] });
    expect(lint.files).toBe(2);
    expect(lint.messages).toEqual([]);

    build = await runAstro({ contentDir: handoverDir });
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
    const html = readFileSync(join(build.outDir, 'handover', `${TEST_TODAY}-aoki`, 'index.html'), 'utf8');
    expect(html).toContain('<a href="/guideline/intro/">');
    expect(html).toContain('<input type="checkbox" disabled');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
    const chiba = readFileSync(join(build.outDir, 'handover', `${TEST_TODAY}-chiba`, 'index.html'), 'utf8');
    expect(chiba).not.toContain('<img src=x');
    expect(chiba).toContain('{process.exit(1)}');

    // The knowledge page of a content tree without Git explains why there is no bus factor.
    const knowledge = readFileSync(join(build.outDir, 'knowledge', 'index.html'), 'utf8');
    expect(knowledge).toContain('data-testid="bus-factor-unavailable"');
    expect(knowledge).toMatch(/is not in a Git repository/);
  });

  it('wrong member ids exit 2', () => {
    expect(cli('handover', handoverDir, ['--member', 'nobody']).stderr).toMatch(/unknown member "nobody" \(members: aoki, baba, chiba\)/);
    expect(cli('handover', handoverDir, ['--member', 'aoki', '--to', 'chiba']).code).toBe(2); // chiba left
    expect(cli('handover', handoverDir, ['--member', 'aoki', '--to', 'aoki']).code).toBe(2);
    expect(cli('handover', handoverDir, []).code).toBe(2);
  });
});

describe('the site from a content tree with Git history', () => {
  it('renders bus factor per folder and the overdue banner', async () => {
    const result = await runAstro({ contentDir: dir });
    expect(result.code).toBe(0);
    const knowledge = readFileSync(join(result.outDir, 'knowledge', 'index.html'), 'utf8');
    expect(knowledge).toMatch(/data-folder="runbooks" data-bus-factor="1"/);
    expect(knowledge).toMatch(/data-folder="guideline" data-bus-factor="1"/);
    expect(knowledge).toMatch(/data-folder="runbooks\/dns" data-bus-factor="0"/); // its only author left
    expect(existsSync(join(result.outDir, 'en', 'knowledge', 'index.html'))).toBe(true);
    const intro = readFileSync(join(result.outDir, 'guideline', 'intro', 'index.html'), 'utf8');
    expect(intro).toContain('data-testid="review-overdue"');
    expect(intro).toMatch(/data-testid="review-overdue"[^]*<time datetime="2026-06-30"[^>]*>2026-06-30<\/time>/);
    const shared = readFileSync(join(result.outDir, 'runbooks', 'db-failover', 'index.html'), 'utf8');
    expect(shared).not.toContain('data-testid="review-overdue"');
    expect(shared).not.toContain('data-testid="no-active-owner"');
    const orphan = readFileSync(join(result.outDir, 'runbooks', 'dns', 'index.html'), 'utf8');
    expect(orphan).toContain('data-testid="no-active-owner"');
  });
});

/** `npm run retro:actions` as a user runs it: real process, fixture content, exit codes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, TEST_TODAY } from '../support/build.ts';
import { makeContentDir } from '../support/content-fixture.ts';

const TSX = join(REPO, 'node_modules/tsx/dist/cli.mjs');

function run(args: string[], contentDir: string) {
  const r = spawnSync(process.execPath, [TSX, join(REPO, 'scripts/retro-actions.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, CONTENT_DIR: contentDir, HIKITSUGI_TODAY: TEST_TODAY },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const retro = (slug: string, date: string, items: string) => ({
  [`retros/${slug}.mdx`]: `---\ntitle: 振り返り ${date}\ndate: ${date}\nteam: チーム\nowners: [baba]\nreviewed: ${date}\nitems:\n${items}\n---\n`,
});

const CONTENT = {
  ...retro(
    '2026-09-01-team',
    '2026-09-01',
    `  - { kind: try, text: 監視の閾値を見直す, id: t-1, owner: aoki, due: 2026-10-01 }
  - { kind: try, text: 手順書を消す, id: t-2, owner: baba, status: done, closed: 2026-09-10 }`,
  ),
  ...retro('2026-10-01-team', '2026-10-01', `  - { kind: try, text: "Runbook を書く", id: t-3 }`),
};

describe.concurrent('npm run retro:actions', () => {
  const dir = makeContentDir(CONTENT);

  it('prints the open actions oldest first as a table and exits 0', ({ expect }) => {
    const r = run([], dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID +OWNER +AGE +RETROS +DUE +CREATED +ACTION$/);
    expect(lines[1]).toMatch(/^t-1 +青木 一郎 +84d +1 +2026-10-01 overdue +2026-09-01 +監視の閾値を見直す$/);
    expect(lines[2]).toMatch(/^t-3 +- +54d +0 +- +2026-10-01 +Runbook を書く$/);
    expect(r.stdout).not.toContain('t-2');
    expect(r.stdout).toContain('2 open actions, 1 overdue (as of 2026-11-24).');
  });

  it('prints JSON for scripts', ({ expect }) => {
    const r = run(['--json'], dir);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.map((a: { id: string; age_days: number; age_retros: number }) => [a.id, a.age_days, a.age_retros])).toEqual([
      ['t-1', 84, 1],
      ['t-3', 54, 0],
    ]);
  });

  it('filters by owner, and "none" lists the unassigned', ({ expect }) => {
    expect(JSON.parse(run(['--json', '--owner', 'aoki'], dir).stdout).map((a: { id: string }) => a.id)).toEqual(['t-1']);
    expect(JSON.parse(run(['--json', '--owner', 'none'], dir).stdout).map((a: { id: string }) => a.id)).toEqual(['t-3']);
    const baba = run(['--owner', 'baba'], dir);
    expect(baba.code).toBe(0);
    expect(baba.stdout.trim()).toBe('No open actions for baba.');
  });

  it('exits 2 with one clear line for an unknown owner or option', ({ expect }) => {
    const r = run(['--owner', 'yamada'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown owner "yamada": use a member id from team\.yaml \(aoki, baba\) or "none"\n\(see --help\)\n$/);
    expect(r.stdout).toBe('');
    const bad = run(['--frobnicate'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown option '--frobnicate'\n/);
    expect(run(['--today', '2026-02-30'], dir).code).toBe(2);
  });

  it('exits 1 naming the file when a retro is invalid', ({ expect }) => {
    const broken = makeContentDir({
      ...CONTENT,
      ...retro('2026-11-01-team', '2026-11-01', `  - { kind: try, text: x, id: t-1 }\n  - { kind: try, text: y, id: t-9, status: finished }`),
    });
    const r = run([], broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2026-11-01-team\.mdx: items\.1\.status/);
    // Nothing is listed from content that is known to be wrong.
    expect(r.stdout).toBe('');
  });

  it('exits 1 naming both files for a duplicate action id', ({ expect }) => {
    const dup = makeContentDir({ ...CONTENT, ...retro('2026-11-01-team', '2026-11-01', `  - { kind: try, text: x, id: t-1 }`) });
    const r = run([], dup);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2026-11-01-team\.mdx: items\.0 \(action "t-1"\): action id already used in .*2026-09-01-team\.mdx/);
  });

  it('is not stopped by a broken page of another kind', ({ expect }) => {
    const other = makeContentDir({ ...CONTENT, 'runbooks/db-failover.mdx': '---\ntitle: [broken\n---\n' });
    expect(run(['--json'], other).code).toBe(0);
  });
});

/**
 * `npm run new`: what it writes builds and lints as is, and it never overwrites a page.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAstro, TEST_TODAY } from '../support/build.ts';
import { runScript } from '../support/cli.ts';
import { FIXTURE_ROSTER, makeContentDir } from '../support/content-fixture.ts';

const newPage = (dir: string, ...args: string[]) => runScript('new', [...args, '--content-dir', dir]);

describe('npm run new', () => {
  it('creates a page of each kind that lints clean and builds, unchanged', async () => {
    const dir = makeContentDir();
    const made = [
      await newPage(dir, 'runbook', 'Cloud SQL のフェイルオーバー', '--owner', 'aoki', '--service', 'cloud-sql', '--severity', 'critical'),
      await newPage(dir, 'guideline', 'オンコールの心得', '--owner', 'baba'),
      await newPage(dir, 'handover', 'Redash: 引き継ぎ', '--owner', 'aoki', '--system', 'Redash'),
    ];
    for (const r of made) expect(r.code, r.stderr).toBe(0);
    const files = [
      join(dir, 'runbooks/cloud-sql.mdx'),
      join(dir, `guideline/guideline-${TEST_TODAY}.mdx`),
      join(dir, 'handover/redash.mdx'),
    ];
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(made[0].stdout).toMatch(/created .*runbooks\/cloud-sql\.mdx\n {2}URL: \/runbooks\/cloud-sql\//);
    expect(readFileSync(files[0], 'utf8')).toMatch(/^reviewed: 2026-11-24$/m);
    // The guideline is placed after the fixture's chapter (order 1).
    expect(readFileSync(files[1], 'utf8')).toMatch(/^order: 2$/m);

    const lint = await runScript('lint-content', ['--content-dir', dir, ...files]);
    expect(lint.stdout).toBe('');
    expect(lint.code).toBe(0);

    const built = await runAstro({ contentDir: dir });
    expect(built.code, built.output).toBe(0);
    const html = readFileSync(join(built.outDir, 'runbooks/cloud-sql/index.html'), 'utf8');
    expect(html).toContain('Cloud SQL のフェイルオーバー');
    expect(html).toContain('id="切り戻し"');
    expect(existsSync(join(built.outDir, `guideline/guideline-${TEST_TODAY}/index.html`))).toBe(true);
    expect(existsSync(join(built.outDir, 'handover/redash/index.html'))).toBe(true);
  });

  it('refuses to overwrite an existing page, and leaves it as it was', async () => {
    const dir = makeContentDir();
    const first = await newPage(dir, 'runbook', 'DB Failover', '--owner', 'aoki', '--slug', 'db-failover');
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/runbooks\/db-failover\.mdx already exists; refusing to overwrite it/);
    expect(readFileSync(join(dir, 'runbooks/db-failover.mdx'), 'utf8')).toContain('title: DB フェイルオーバー');
    // Same URL from another file name (.md beside .mdx) is refused too.
    writeFileSync(join(dir, 'runbooks/disk-full.md'), readFileSync(join(dir, 'runbooks/db-failover.mdx'), 'utf8'));
    const clash = await newPage(dir, 'runbook', 'Disk full', '--owner', 'aoki');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/disk-full\.md already has the URL \/runbooks\/disk-full\//);
  });

  it('a second page with a Japanese-only title on the same day gets the next free name', async () => {
    const dir = makeContentDir();
    const made = [await newPage(dir, 'runbook', 'DB 接続数の枯渇', '--owner', 'aoki'), await newPage(dir, 'runbook', 'ディスク容量の逼迫', '--owner', 'aoki')];
    for (const r of made) expect(r.code, r.stderr).toBe(0);
    expect(made[0].stdout).toContain(`URL: /runbooks/runbook-${TEST_TODAY}/`);
    expect(made[1].stdout).toContain(`URL: /runbooks/runbook-${TEST_TODAY}-2/`);
    expect(readFileSync(join(dir, `runbooks/runbook-${TEST_TODAY}.mdx`), 'utf8')).toContain('title: DB 接続数の枯渇');
    expect(readFileSync(join(dir, `runbooks/runbook-${TEST_TODAY}-2.mdx`), 'utf8')).toContain('title: ディスク容量の逼迫');
  });

  it('wrong usage exits 2 with one line: unknown kind, unknown owner, bad slug', async () => {
    const dir = makeContentDir();
    const cases = [
      ['retro', 'x', '--owner', 'aoki'],
      ['runbook', 'x', '--owner', 'yamada'],
      ['runbook', 'x', '--owner', 'aoki', '--slug', '../escape'],
      ['runbook', '   ', '--owner', 'aoki'],
    ];
    for (const args of cases) {
      const r = await newPage(dir, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: .+\n\(see --help\)\n$/);
    }
  });

  it('the owner defaults to the member whose email is your git user.email', async () => {
    const roster = FIXTURE_ROSTER.replace('  joined: 2023-10-01', '  joined: 2023-10-01\n  emails: [baba@example.com]');
    const dir = makeContentDir({ 'team.yaml': roster });
    const home = mkdtempSync(join(tmpdir(), 'hk-git-'));
    writeFileSync(join(home, 'gitconfig'), '[user]\n\temail = Baba@Example.com\n\tname = Hanako\n');
    const env = { GIT_CONFIG_GLOBAL: join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
    const r = await runScript('new', ['runbook', 'Redis latency', '--content-dir', dir], { cwd: home, env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'runbooks/redis-latency.mdx'), 'utf8')).toMatch(/^owners: \[baba\]$/m);
    // Nobody matches: the owner must be given.
    writeFileSync(join(home, 'gitconfig'), '[user]\n\temail = someone@else.example\n');
    const none = await runScript('new', ['runbook', 'Other', '--content-dir', dir], { cwd: home, env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--owner <id> is required/);
  });
});

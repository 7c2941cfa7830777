/**
 * `npm run kpt:import` as a user runs it: the real script, the real client, a Miro-shaped server
 * on 127.0.0.1, a temp content folder. Failures write nothing and never show the token.
 */
import { runScript, type CliResult } from '../support/cli.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/io/content-store.ts';
import { makeContentDir } from '../support/content-fixture.ts';
import { framesBoard, startMiroServer, TEST_TOKEN, type MiroServer } from '../../bench/harness/miro-server.ts';

const board = framesBoard('ja');
const BOARD_URL = `https://miro.com/app/board/${board.board.id}/?share_link_id=123`;

let server: MiroServer;
beforeAll(async () => {
  server = await startMiroServer({ boards: [board] });
});
afterAll(() => server.close());

type Run = CliResult;

function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = mkdtempSync(join(tmpdir(), 'hk-cli-'))): Promise<Run> {
  return runScript('kpt-import', args, { cwd, env: { MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: server.url, ...env } });
}

const CONFIG_BAD = join(mkdtempSync(join(tmpdir(), 'hk-cfg-')), 'bad.yaml');
writeFileSync(CONFIG_BAD, 'colors:\n  red: urgent\n');

const retros = (dir: string) => readdirSync(join(dir, 'retros')).sort();
const noToken = (r: Run) => {
  expect(r.stdout).not.toContain(TEST_TOKEN);
  expect(r.stderr).not.toContain(TEST_TOKEN);
};

describe('kpt:import', { timeout: 60_000 }, () => {
  const dir = makeContentDir();
  const base = ['--board', BOARD_URL, '--content-dir', dir];
  let path = '';

  it('writes a dated page, prints its path and reports what it left out', async () => {
    const r = await cli([...base, '--team', 'SRE チーム', '--owner', 'aoki']);
    expect(r.stderr).toMatch(/Keep 3 \/ Problem 2 \/ Try 2/);
    expect(r.stderr).toMatch(/1 sticky fits no Keep \/ Problem \/ Try.*\n  - 駐車場: 次回話す/);
    expect(r.code).toBe(0);
    path = r.stdout.trim();
    expect(path).toBe(join(dir, 'retros', '2025-06-12-sre.mdx'));
    noToken(r);
    const content = loadContent(dir);
    expect(content.problems).toEqual([]);
    const page = content.pages.find((p) => p.path.endsWith('2025-06-12-sre.mdx'))!;
    expect(page.data).toMatchObject({ date: '2025-06-12', team: 'SRE チーム', owners: ['aoki'], source: { board_id: board.board.id } });
  });

  it('re-import: same file, byte-identical when the board did not change, not even touched', async () => {
    const before = readFileSync(path, 'utf8');
    const mtime = statSync(path).mtimeMs;
    const r = await cli(base);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(path);
    expect(r.stderr).toMatch(/unchanged/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('re-import keeps what people wrote, even after the file was renamed', async () => {
    const edited = readFileSync(path, 'utf8')
      .replace(/(text: アラートを毎週棚卸しする\n(?:.*\n)*?    id: .*\n)/, '$1    owner: baba\n    due: 2025-07-01\n')
      .replace('## メモ\n', '## メモ\n\n進行役: 青木。{/* MDX comment written by a person */}\n');
    const renamed = join(dir, 'retros', '2025-06-12-june.mdx');
    writeFileSync(renamed, edited);
    const { rmSync } = await import('node:fs');
    rmSync(path);
    board.items.find((i) => i.data?.content === '<p>夜間の呼び出しが多い</p>')!.data!.content = '<p>夜間の呼び出しが多い（11 件）</p>';
    const r = await cli(base);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(renamed);
    expect(retros(dir)).toEqual(['2025-06-12-june.mdx', '2026-10-01-team.mdx']);
    expect(r.stderr).toMatch(/0 new, 1 changed, 0 removed/);
    expect(readFileSync(renamed, 'utf8')).toBe(edited.replace('夜間の呼び出しが多い\n', '夜間の呼び出しが多い（11 件）\n'));
    path = renamed;
  });

  it('--dry-run prints the page and writes nothing', async () => {
    const other = makeContentDir();
    const r = await cli(['--board', board.board.id, '--content-dir', other, '--dry-run', '--team', 'SRE']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: 振り返り 2025-06-12（SRE）\n/);
    expect(r.stderr).toMatch(/dry run: .*2025-06-12-sre\.mdx not written/);
    expect(retros(other)).toEqual(['2026-10-01-team.mdx']);
  });

  it('--snapshot then --from-snapshot (no token, no network) gives the same page', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hk-snap-'));
    const snap = join(work, 'board.json');
    const [a, b] = [makeContentDir(), makeContentDir()];
    const served = server.requests.length;
    const first = await cli(['--board', board.board.id, '--content-dir', a, '--team', 'SRE', '--snapshot', snap]);
    expect(first.code).toBe(0);
    expect(readFileSync(snap, 'utf8')).not.toContain(TEST_TOKEN);
    const afterFirst = server.requests.length;
    expect(afterFirst).toBeGreaterThan(served);
    const second = await cli(['--board', board.board.id, '--content-dir', b, '--team', 'SRE', '--from-snapshot', snap], {
      MIRO_ACCESS_TOKEN: undefined,
      MIRO_API_URL: 'http://127.0.0.1:9',
    });
    expect(second.code).toBe(0);
    expect(server.requests.length).toBe(afterFirst);
    expect(readFileSync(second.stdout.trim(), 'utf8')).toBe(readFileSync(first.stdout.trim(), 'utf8'));
  });

  it('reads hikitsugi.kpt.yaml from the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hk-cfg-'));
    writeFileSync(join(cwd, 'hikitsugi.kpt.yaml'), 'team: 設定のチーム\nauthors: false\nowners: [baba]\n');
    const r = await cli(['--board', board.board.id, '--content-dir', makeContentDir(), '--dry-run'], {}, cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^team: 設定のチーム$/m);
    expect(r.stdout).toMatch(/^owners: \[baba\]$/m);
    expect(r.stdout).not.toMatch(/author:/);
  });

  it('says what it waits for when Miro rate-limits or fails for a moment, then imports', async () => {
    server.faults.push(
      { match: /\/items/, fault: { kind: 'rate-limit', resetInSeconds: 1 } },
      { match: /\/items/, fault: { kind: 'status', status: 503 } },
    );
    const r = await cli(['--board', board.board.id, '--content-dir', makeContentDir(), '--dry-run']);
    expect(r.code).toBe(0);
    expect(server.faults).toEqual([]);
    expect(r.stderr).toMatch(/^Miro: rate limited \(429\), waiting [12]\.\d s for the limit to reset \(retry 1\)$/m);
    expect(r.stderr).toMatch(/^Miro: server error 503, trying again in 0\.5 s \(retry 1\)$/m);
    expect(r.stdout).toMatch(/^team: /m);
    noToken(r);
  });

  describe('failures: one line, non-zero exit, nothing written or changed', () => {
    const snapshotOf = (d: string) => readdirSync(join(d, 'retros')).map((f) => [f, readFileSync(join(d, 'retros', f), 'utf8')]);

    it.each([
      ['no token', [], { MIRO_ACCESS_TOKEN: undefined }, 1, /^error: MIRO_ACCESS_TOKEN is not set: .*boards:read/],
      ['a rejected token (401)', [], { MIRO_ACCESS_TOKEN: 'not-the-token-9c1e' }, 1, /^error: Miro rejected the access token \(401\): set MIRO_ACCESS_TOKEN/],
      ['an unknown board (404)', ['--board', 'uXjVNoSuch0='], {}, 1, /^error: board uXjVNoSuch0= not found on Miro \(404\)/],
      ['an invalid board URL', ['--board', 'https://miro.com/app/dashboard/'], {}, 2, /^error: .* is not a Miro board URL/],
      ['a bad --date', ['--date', '2025-02-30'], {}, 2, /^error: --date "2025-02-30" is not a day/],
      ['an unknown --owner', ['--owner', 'nobody'], {}, 2, /^error: unknown member id "nobody"/],
      ['a config with an unknown kind', ['--config', CONFIG_BAD], {}, 2, /^error: .*bad\.yaml: colors\.red: /],
      ['a missing snapshot', ['--from-snapshot', '/nonexistent/x.json'], {}, 1, /^error: cannot read snapshot \/nonexistent\/x\.json: ENOENT/],
      ['an unreachable server', [], { MIRO_API_URL: 'http://127.0.0.1:9', MIRO_RETRIES: '0' }, 1, /^error: Miro did not answer GET .* \(last: ECONNREFUSED\)/],
    ] as [string, string[], Record<string, string | undefined>, number, RegExp][])('%s', async (_, args, env, code, message) => {
      const before = snapshotOf(dir);
      const snap = join(mkdtempSync(join(tmpdir(), 'hk-snap-')), 'never.json');
      const withBoard = args.includes('--board') ? ['--content-dir', dir, ...args] : [...base, ...args];
      const r = await cli(args.includes('--from-snapshot') ? withBoard : [...withBoard, '--snapshot', snap], env);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').filter((l) => l && l !== '(see --help)')).toHaveLength(1);
      expect(r.stdout).toBe('');
      noToken(r);
      expect(r.stderr).not.toContain('not-the-token-9c1e');
      expect(snapshotOf(dir)).toEqual(before);
      expect(existsSync(snap)).toBe(false);
    });
  });

  it('--help explains the flags, the environment and the board shapes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['--board', '--date', '--team', '--dry-run', '--snapshot', '--from-snapshot', '--owner', 'MIRO_ACCESS_TOKEN', 'MIRO_API_URL', 'hikitsugi.kpt.yaml', 'Examples:']) {
      expect(r.stdout).toContain(s);
    }
  });
});

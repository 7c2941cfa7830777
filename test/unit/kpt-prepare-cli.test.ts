/**
 * `npm run kpt:prepare` as a facilitator runs it: the real script and the real client against
 * the Miro-shaped server, which records every write. What it writes, that a second run writes
 * nothing, that the team's items are never touched, failures (401, 429, a lost reply), hostile
 * text, and the whole cycle: prepare, hold the retro (move stickies), import, prepare again.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { htmlToText } from '../../src/lib/kpt/index.ts';
import { REPO } from '../support/build.ts';
import { runScript, type CliResult } from '../support/cli.ts';
import { makeContentDir } from '../support/content-fixture.ts';
import { framesBoard, startMiroServer, TEST_TOKEN, type BoardFixture, type MiroServer } from '../../bench/harness/miro-server.ts';

const emptyBoard = (id: string): BoardFixture => ({
  board: { id, name: 'KPT 2026-11-24', createdAt: '2026-11-24T01:00:00Z', modifiedAt: '2026-11-24T01:00:00Z' },
  items: [],
  tags: [],
  tagItems: {},
  members: [],
});

/** The sample retros of the repository, in a temp copy. */
function sampleContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hk-prepare-'));
  cpSync(join(REPO, 'content'), dir, { recursive: true });
  return dir;
}
/** Open actions of content/retros on TEST_TODAY (2026-11-24), oldest first. */
const SAMPLE_OPEN = ['a-2026-07-15-2', 'a-2026-08-19-2', 'a-2026-10-15-1', 'a-2026-10-15-2', 'a-2026-10-15-3'];

let server: MiroServer;
beforeAll(async () => {
  server = await startMiroServer({ boards: ['uXjVEmpty01=', 'uXjVEmpty02=', 'uXjVEmpty03=', 'uXjVEmpty04=', 'uXjVEmpty05=', 'uXjVRound01=', 'uXjVRound02=', 'uXjVStartJa=', 'uXjVStartEn='].map(emptyBoard).concat([framesBoard('ja', 'uXjVTeams01=')]) });
});
afterAll(() => server.close());

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runScript('kpt-prepare', args, { cwd: mkdtempSync(join(tmpdir(), 'hk-cwd-')), env: { MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: server.url, MIRO_RETRIES: '0', ...env } });
}

/** What the server saw during `run`. */
async function watch(run: () => Promise<CliResult>) {
  const r0 = server.requests.length;
  const w0 = server.writes.length;
  const r = await run();
  return { r, requests: server.requests.slice(r0), writes: server.writes.slice(w0) };
}

const noToken = (r: CliResult) => {
  expect(r.stdout + r.stderr).not.toContain(TEST_TOKEN);
};
const stickyIds = (writes: MiroServer['writes']) =>
  writes.filter((w) => w.path.endsWith('/sticky_notes')).map((w) => htmlToText(String((w.body.data as { content: string }).content)).split('\n').at(-1)!.replace('ID: ', ''));
const board = (id: string) => server.boards.get(id)!;

describe('kpt:prepare', { timeout: 120_000 }, () => {
  const content = sampleContent();
  const base = (id: string) => ['--board', `https://miro.com/app/board/${id}/`, '--content-dir', content];

  it('on an empty board: the frames, the instructions and one sticky per open action, in 1 read and 11 writes', async () => {
    const { r, requests, writes } = await watch(() => cli(base('uXjVEmpty01=')));
    expect(r.stderr).toMatch(/5 open actions of プラットフォームチーム as of 2026-11-24; created 11 items; 12 requests \(1 read, 11 write\)/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('https://miro.com/app/board/uXjVEmpty01=/\n');
    noToken(r);
    expect(requests.map((q) => `${q.method} ${q.path.replace(/.*uXjVEmpty01=/, '')}`)).toEqual([
      'GET /items',
      ...Array(5).fill('POST /frames'),
      'POST /shapes',
      ...Array(5).fill('POST /sticky_notes'),
    ]);
    const frames = board('uXjVEmpty01=').items.filter((i) => i.type === 'frame');
    expect(frames.map((f) => f.data?.title)).toEqual(['はじめに・進め方', '前回からの持ち越し', 'Keep（続けること）', 'Problem（困っていること）', 'Try（次に試すこと）']);
    // Side by side: one row, left to right.
    expect(new Set(frames.map((f) => f.position?.y)).size).toBe(1);
    expect(frames.map((f) => f.position!.x!)).toEqual([...frames.map((f) => f.position!.x!)].sort((a, b) => a - b));
    const carried = frames[1];
    const stickies = board('uXjVEmpty01=').items.filter((i) => i.type === 'sticky_note');
    expect(stickies.every((s) => s.parent?.id === carried.id)).toBe(true);
    expect(stickyIds(writes)).toEqual(SAMPLE_OPEN);
    // The oldest (carried for the 3rd time or more) is red; the ones from the last retro are new.
    expect(htmlToText(stickies[0].data!.content)).toBe(
      'アラートごとに、対応するランブックへのリンクを通知文に入れる\n担当: 鈴木 花子　期限: 2026-09-30（期限切れ）\n持ち越し 4 回目・132 日経過\nID: a-2026-07-15-2',
    );
    expect(stickies.map((s) => s.style?.fillColor)).toEqual(['red', 'red', 'light_yellow', 'light_yellow', 'light_yellow']);
    const panel = board('uXjVEmpty01=').items.find((i) => i.type === 'shape')!;
    expect(panel.parent?.id).toBe(frames[0].id);
    expect(htmlToText(panel.data!.content)).toMatch(/はじめて参加する方へ[\s\S]*ルール[\s\S]*時間配分（60 分）[\s\S]*なぜこのやり方なのか/);
  });

  it('a second run finds its own items and writes nothing', async () => {
    const { r, requests, writes } = await watch(() => cli(base('uXjVEmpty01=')));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/nothing to add: the board has it all; 1 request \(1 read, 0 write\)/);
    expect(r.stderr).toMatch(/already on the board, left as it is: 5 carried-over stickies, frame "はじめに・進め方" and its panel, frame "前回からの持ち越し", frame "Keep（続けること）"/);
    expect(writes).toEqual([]);
    expect(requests.every((q) => q.method === 'GET')).toBe(true);
  });

  it("on a board with the team's own frames and stickies: adds around them, touches none of them", async () => {
    const before = JSON.stringify(board('uXjVTeams01=').items);
    const own = board('uXjVTeams01=').items.length;
    const { r, requests, writes } = await watch(() => cli(base('uXjVTeams01=')));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/already on the board, left as it is: .*frame "Keep（続けること）"/);
    expect(requests.every((q) => q.method === 'GET' || q.method === 'POST')).toBe(true);
    expect(writes.every((w) => w.method === 'POST')).toBe(true);
    // The Keep / Problem / Try frames were there: only the instructions, the carry-over and the stickies are new.
    expect(writes.filter((w) => w.path.endsWith('/frames')).map((w) => (w.body.data as { title: string }).title)).toEqual(['はじめに・進め方', '前回からの持ち越し']);
    expect(JSON.stringify(board('uXjVTeams01=').items.slice(0, own))).toBe(before);
    // Nothing of ours sits on the team's items: the new row is above everything.
    const top = Math.min(...JSON.parse(before).filter((i: { parent?: unknown }) => !i.parent).map((i: { position: { y: number }; geometry: { height: number } }) => i.position.y - i.geometry.height / 2));
    for (const w of writes.filter((x) => x.path.endsWith('/frames'))) {
      const { position, geometry } = w.body as { position: { y: number }; geometry: { height: number } };
      expect(position.y + geometry.height / 2).toBeLessThan(top);
    }
  });

  it('a 401: one line naming the scope, nothing written, no token shown', async () => {
    const { r, writes } = await watch(() => cli(base('uXjVEmpty02='), { MIRO_ACCESS_TOKEN: 'wrong-token-abc' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: Miro rejected the access token (401): set MIRO_ACCESS_TOKEN to a valid token with the boards:write scope\n');
    expect(r.stdout).toBe('');
    expect(writes).toEqual([]);
    expect(r.stderr).not.toContain('wrong-token-abc');
    noToken(r);
  });

  it('no token: says how to get one, sends nothing', async () => {
    const { r, requests } = await watch(() => cli(base('uXjVEmpty02='), { MIRO_ACCESS_TOKEN: undefined }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: MIRO_ACCESS_TOKEN is not set: .*boards:write/);
    expect(requests).toEqual([]);
  });

  it('a 429 in the middle: waits for the reset, then finishes with no duplicate', async () => {
    server.faults.push({ method: 'POST', match: /sticky_notes/, fault: { kind: 'rate-limit', resetInSeconds: 1 } });
    const { r, requests, writes } = await watch(() => cli(base('uXjVEmpty02=')));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Miro: rate limited \(429\), waiting .* s for the limit to reset \(retry 1\)/);
    expect(requests.filter((q) => q.method === 'POST')).toHaveLength(12);
    expect(writes).toHaveLength(11);
    expect(stickyIds(writes)).toEqual(SAMPLE_OPEN);
    expect(board('uXjVEmpty02=').items.filter((i) => i.type === 'sticky_note')).toHaveLength(5);
  });

  it('a reply lost after the write: stops, says to run again, and the next run adds only what is missing', async () => {
    server.faults.push({ method: 'POST', match: /sticky_notes/, fault: { kind: 'status', status: 502 } });
    const first = await watch(() => cli(base('uXjVEmpty03=')));
    expect(first.r.code).toBe(1);
    expect(first.r.stderr).toMatch(/\+ instructions panel in "はじめに・進め方" \(21 lines\)\nerror: Miro did not confirm POST \/v2\/boards\/uXjVEmpty03%3D\/sticky_notes \(server error 502\); run the command again: it adds only what is still missing\n$/);
    expect(first.writes).toHaveLength(6);
    const second = await watch(() => cli(base('uXjVEmpty03=')));
    expect(second.r.code).toBe(0);
    expect(second.writes.map((w) => w.path.split('/').at(-1))).toEqual(Array(5).fill('sticky_notes'));
    expect(board('uXjVEmpty03=').items.filter((i) => i.type === 'frame')).toHaveLength(5);
    expect(stickyIds(second.writes)).toEqual(SAMPLE_OPEN);
  });

  it('--dry-run prints what it would create and sends no write', async () => {
    const { r, requests, writes } = await watch(() => cli([...base('uXjVEmpty04='), '--dry-run']));
    expect(r.code).toBe(0);
    expect(writes).toEqual([]);
    expect(requests.map((q) => q.method)).toEqual(['GET']);
    expect(r.stdout).toMatch(/^\+ frame "はじめに・進め方"\n\+ frame "前回からの持ち越し"\n/);
    expect(r.stdout).toMatch(/\+ sticky a-2026-10-15-3 \(light_yellow\): Terraform/);
    expect(r.stdout).toMatch(/instructions panel "はじめに・進め方":\n  このパネルは/);
    expect(r.stderr).toMatch(/would create 11 items \(dry run: nothing sent\)/);
  });

  it('--new creates the board, then writes on it without reading it', async () => {
    const { r, requests, writes } = await watch(() => cli(['--new', '2026-11-24 KPT', '--content-dir', content]));
    expect(r.code).toBe(0);
    expect(requests.map((q) => q.method)).toEqual(Array(12).fill('POST'));
    expect(writes[0]).toMatchObject({ path: '/v2/boards', body: { name: '2026-11-24 KPT' } });
    const id = writes[0].created.id;
    expect(r.stdout).toBe(`https://miro.com/app/board/${id}\n`);
    expect(r.stderr).toMatch(new RegExp(`created board "2026-11-24 KPT" \\(${id}\\); next time, pass --board ${id}`));
    expect(board(id).items).toHaveLength(11);
  });

  it('text is text: an action with <script>, Markdown and entities arrives as those characters', async () => {
    const hostile = '<script>alert(1)</script> **急ぎ** &amp; &lt;b&gt; <img src=x onerror=alert(1)>';
    const dir = makeContentDir({
      'retros/2026-10-01-team.mdx': `---\ntitle: 振り返り\ndate: 2026-10-01\nteam: チーム\nowners: [baba]\nreviewed: 2026-10-01\nitems:\n  - kind: try\n    id: a-hostile\n    text: ${JSON.stringify(hostile)}\n---\n`,
    });
    const { r, writes } = await watch(() => cli(['--board', 'uXjVEmpty05=', '--content-dir', dir, '--instructions', join(content, 'retros/_kpt-board.md')]));
    expect(r.code).toBe(0);
    const sticky = writes.find((w) => w.path.endsWith('/sticky_notes'))!;
    const html = (sticky.body.data as { content: string }).content;
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html.startsWith('<p>&lt;script&gt;alert(1)&lt;/script&gt; **急ぎ** &amp;amp; &amp;lt;b&amp;gt; &lt;img')).toBe(true);
    expect(htmlToText(html).split('\n')[0]).toBe(hostile);
  });

  it.each([
    ['ja', 'uXjVStartJa=', ['はじめに・進め方', 'Keep（続けること）', 'Problem（困っていること）', 'Try（次に試すこと）'], /^このパネルは[\s\S]*ルール[\s\S]*時間配分（45 分）/],
    ['en', 'uXjVStartEn=', ['How we run this retro', 'Keep', 'Problem', 'Try'], /^npx hikitsugi kpt prepare writes this panel[\s\S]*Rules[\s\S]*Time boxes \(45 minutes\)/],
  ] as const)('a handbook fresh from init --lang %s prepares its first board: frames in its language and the starter panel', async (lang, id, titles, panelText) => {
    const cwd = mkdtempSync(join(tmpdir(), 'hk-starter-'));
    expect((await runScript('init', ['hb', '--lang', lang], { cwd })).code).toBe(0);
    const { r } = await watch(() =>
      runScript('kpt-prepare', ['--board', id], { cwd: join(cwd, 'hb'), env: { MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: server.url, MIRO_RETRIES: '0' } }),
    );
    expect(r.stderr).toMatch(/no retros yet, so no actions as of \d{4}-\d\d-\d\d; created 5 items/);
    expect(r.code).toBe(0);
    expect(board(id).items.filter((i) => i.type === 'frame').map((f) => f.data?.title)).toEqual(titles);
    const panel = board(id).items.find((i) => i.type === 'shape')!;
    expect(htmlToText(panel.data!.content)).toMatch(panelText);
  });

  it('no instructions file: one line naming it and what it holds, nothing sent', async () => {
    const dir = makeContentDir({});
    const { r, requests } = await watch(() => cli(['--board', 'uXjVEmpty05=', '--content-dir', dir]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${join(dir, 'retros/_kpt-board.md')} does not exist: it is the board's instructions panel (a front matter title, then the team's rules in Markdown); write it, or pass --instructions FILE\n`);
    expect(requests).toEqual([]);
  });

  it('wrong usage: exit 2 with one line', async () => {
    for (const args of [[], ['--board', 'uXjVEmpty05=', '--new', 'x'], ['--board', 'not a board'], ['--board', 'uXjVEmpty05=', '--today', '2026-13-01'], ['--new', 'x'.repeat(61)]]) {
      const { r, requests } = await watch(() => cli([...args, '--content-dir', content]));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: .*\n\(see --help\)\n$/);
      expect(requests).toEqual([]);
    }
  });

  it('--help shows every flag and the token it needs', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--board', '--new', '--team', '--today', '--instructions', '--dry-run', '--config', '--content-dir', '--help', 'MIRO_ACCESS_TOKEN', 'boards:write']) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe('the retro cycle: prepare, hold the retro, import, prepare again', { timeout: 120_000 }, () => {
  it('the two actions moved into Keep are closed; the rest stay open and are carried to the next board', async () => {
    const content = sampleContent();
    const prepared = await cli(['--board', 'uXjVRound01=', '--content-dir', content]);
    expect(prepared.code).toBe(0);

    // At the retro: two carried-over stickies are done and are moved into Keep.
    const b = board('uXjVRound01=');
    const keep = b.items.find((i) => i.type === 'frame' && i.data?.title === 'Keep（続けること）')!;
    const moved = ['a-2026-07-15-2', 'a-2026-10-15-1'];
    moved.forEach((id, n) => {
      const s = b.items.find((i) => i.type === 'sticky_note' && htmlToText(i.data?.content).endsWith(`ID: ${id}`))!;
      s.parent = { id: keep.id };
      s.position = { x: 300 + 350 * n, y: 400, origin: 'center', relativeTo: 'parent_top_left' };
    });

    const imported = await runScript('kpt-import', ['--board', 'uXjVRound01=', '--content-dir', content, '--team', 'プラットフォームチーム', '--owner', 'tanaka'], {
      cwd: mkdtempSync(join(tmpdir(), 'hk-cwd-')),
      env: { MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: server.url },
    });
    expect(imported.stderr).toMatch(/closed a-2026-07-15-2 in .*2026-07-15-platform-team\.mdx \(Keep naming its id\)/);
    expect(imported.stderr).toMatch(/\n3 carried-over actions were left in the carry-over frame: still open\n/);
    expect(imported.stderr).not.toMatch(/fit no Keep/);
    expect(imported.stderr).toMatch(/closed a-2026-10-15-1 in /);
    expect(imported.code).toBe(0);
    const page = imported.stdout.trim();
    expect(page).toBe(join(content, 'retros', '2026-11-24-kpt.mdx'));

    const statusOf = (file: string, id: string) => {
      const fm = parse(readFileSync(join(content, 'retros', file), 'utf8').split('---')[1]) as { items: { id?: string; status?: string; closed_in?: string }[] };
      return fm.items.find((i) => i.id === id);
    };
    expect(statusOf('2026-07-15-platform-team.mdx', 'a-2026-07-15-2')).toMatchObject({ status: 'done', closed_in: '2026-11-24-kpt' });
    expect(statusOf('2026-10-15-platform-team.mdx', 'a-2026-10-15-1')).toMatchObject({ status: 'done', closed_in: '2026-11-24-kpt' });
    for (const [file, id] of [['2026-08-19-platform-team.mdx', 'a-2026-08-19-2'], ['2026-10-15-platform-team.mdx', 'a-2026-10-15-2'], ['2026-10-15-platform-team.mdx', 'a-2026-10-15-3']]) {
      expect(statusOf(file, id)?.status, id).toBe('open');
    }

    // The next retro's board carries the three still open, no more.
    const w0 = server.writes.length;
    const next = await cli(['--board', 'uXjVRound02=', '--content-dir', content]);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/3 open actions of プラットフォームチーム/);
    expect(stickyIds(server.writes.slice(w0))).toEqual(['a-2026-08-19-2', 'a-2026-10-15-2', 'a-2026-10-15-3']);
    // The sticky left where it was is still counted as carried once more.
    const again = board('uXjVRound02=').items.find((i) => i.type === 'sticky_note' && htmlToText(i.data?.content).endsWith('ID: a-2026-10-15-2'))!;
    expect(htmlToText(again.data?.content)).toMatch(/持ち越し 2 回目/);
  });
});

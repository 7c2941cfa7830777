/**
 * `npm run kpt:import` closing earlier actions from the board: a sticky in a 完了 frame or a Keep
 * quoting a Try marks the earlier page's action done, in the same write as the new page.
 */
import { runScript, type CliResult } from '../support/cli.ts';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/io/content-store.ts';
import { checkRetros, RetroHistory, type RetroInput } from '../../src/lib/retro/history.ts';
import type { RetroData } from '../../src/lib/content/schema.ts';
import { makeContentDir } from '../support/content-fixture.ts';
import { frame, framesBoard, sticky, startMiroServer, TEST_TOKEN, type MiroServer } from '../../bench/harness/miro-server.ts';


// The team's retro two weeks before the board (2025-06-12), with two open actions.
const EARLIER = `---
title: 振り返り 2025-05-29
date: 2025-05-29
team: SRE
owners: [aoki]
reviewed: 2025-05-29
items:
  - kind: problem
    text: Redash を知る人が一人
  - kind: try
    text: Redash のランブックをステージングでなぞる
    id: t-redash
    owner: baba
    status: open
  - kind: try
    text: アラートを毎週棚卸しする
    id: t-alerts
    status: open # 担当は次回決める
  - kind: try
    text: ポストモーテムのテンプレートを作る
    id: t-postmortem
---

## メモ
`;

const board = framesBoard('ja', 'uXjVCloseIt=');
const done = frame(board.board.id, '前回の Try: 完了', 4200, 0);
board.items.push(
  done,
  sticky(board.board.id, '<p>Redash のランブックをなぞった</p>', { x: 150, y: 300, parent: done.id }),
);
// A Keep quoting the earlier Try.
const keepFrame = board.items.find((i) => i.type === 'frame' && String(i.data?.title).startsWith('Keep'))!;
board.items.push(sticky(board.board.id, '<p>「ポストモーテムのテンプレートを作る」のおかげで書き始めが楽</p>', { x: 450, y: 900, parent: keepFrame.id }));

let server: MiroServer;
beforeAll(async () => {
  server = await startMiroServer({ boards: [board] });
});
afterAll(() => server.close());

function cli(args: string[]): Promise<CliResult> {
  return runScript('kpt-import', ['--board', board.board.id, '--team', 'SRE', ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'hk-cli-')),
    env: { MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: server.url },
  });
}

const earlierPath = (dir: string) => join(dir, 'retros', '2025-05-29-sre.mdx');

describe('kpt:import closes earlier actions', { timeout: 60_000 }, () => {
  it('marks the actions the board closes done in the earlier page, leaving the rest of it as written', async () => {
    const dir = makeContentDir({ 'retros/2025-05-29-sre.mdx': EARLIER });
    const r = await cli(['--content-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/closed t-redash in .*2025-05-29-sre\.mdx \(sticky in "前回の Try: 完了"\): Redash のランブックをステージングでなぞる/);
    expect(r.stderr).toMatch(/closed t-postmortem in .*2025-05-29-sre\.mdx \(Keep quoting it\)/);
    expect(r.stderr).not.toMatch(/t-alerts/);

    const after = readFileSync(earlierPath(dir), 'utf8');
    expect(after).toBe(
      EARLIER.replace('    owner: baba\n    status: open\n', '    owner: baba\n    status: done\n    closed_in: 2025-06-12-sre\n').replace(
        '    id: t-postmortem\n',
        '    id: t-postmortem\n    status: done\n    closed_in: 2025-06-12-sre\n',
      ),
    );

    // The content builds, and the new retro reports both actions closed.
    const content = loadContent(dir);
    expect(content.problems).toEqual([]);
    const retros: RetroInput[] = content.pages
      .filter((p) => p.kind === 'retros')
      .map((p) => ({ id: p.id, path: p.path, ...(p.data as RetroData) }));
    expect(checkRetros(retros)).toEqual([]);
    const history = new RetroHistory(retros);
    expect(history.closedAt('2025-06-12-sre').map((a) => a.id)).toEqual(['t-redash', 't-postmortem']);
    expect(history.followUps('2025-06-12-sre').map((f) => [f.action.id, f.state])).toEqual([
      ['t-alerts', 'open'],
      ['t-redash', 'closed'],
      ['t-postmortem', 'closed'],
    ]);

    // Importing the board again changes nothing.
    const before = readdirSync(join(dir, 'retros')).map((f) => readFileSync(join(dir, 'retros', f), 'utf8'));
    const again = await cli(['--content-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/closed t-/);
    expect(readdirSync(join(dir, 'retros')).map((f) => readFileSync(join(dir, 'retros', f), 'utf8'))).toEqual(before);
  });

  it('--dry-run says what it would close and writes nothing', async () => {
    const dir = makeContentDir({ 'retros/2025-05-29-sre.mdx': EARLIER });
    const r = await cli(['--content-dir', dir, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/would close t-redash in /);
    expect(readFileSync(earlierPath(dir), 'utf8')).toBe(EARLIER);
    expect(readdirSync(join(dir, 'retros')).sort()).toEqual(['2025-05-29-sre.mdx', '2026-10-01-team.mdx']);
  });

  it('--no-close leaves earlier actions alone', async () => {
    const dir = makeContentDir({ 'retros/2025-05-29-sre.mdx': EARLIER });
    const r = await cli(['--content-dir', dir, '--no-close']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/close/);
    expect(readFileSync(earlierPath(dir), 'utf8')).toBe(EARLIER);
    expect(readdirSync(join(dir, 'retros'))).toContain('2025-06-12-sre.mdx');
  });
});

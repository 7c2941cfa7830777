/**
 * Creating items through the real client and retry layer (kpt:prepare's writes), in process: a
 * create is sent again only when Miro surely did not act on it, so a retry never duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFetcher, MiroError, type NetworkFetcherOptions } from '../../src/io/miro/fetcher.ts';
import { prepareBoard } from '../../src/io/miro/prepare.ts';
import { instructionsFromMarkdown } from '../../src/lib/kpt/board-html.ts';
import { kptBoardSettings } from '../../src/lib/kpt/board-settings.ts';
import { DEFAULT_KPT_CONFIG } from '../../src/lib/kpt/index.ts';
import { startMiroServer, TEST_TOKEN, type FaultRule, type MiroServer } from '../../bench/harness/miro-server.ts';

let server: MiroServer;
beforeAll(async () => {
  server = await startMiroServer();
});
afterAll(() => server.close());

let seq = 0;
function freshBoard(): string {
  const id = `uXjVCreate${String(++seq).padStart(2, '0')}=`;
  server.boards.set(id, { board: { id, name: id }, items: [], tags: [], tagItems: {}, members: [] });
  return id;
}

const sleeps: number[] = [];
const fast: Partial<NetworkFetcherOptions> = { backoffMs: 5, timeoutMs: 2500, sleep: async (ms) => void sleeps.push(ms), scope: 'boards:write' };
const actions = [1, 2, 3].map((n) => ({ id: `a-${n}`, text: `アクション ${n}`, ageDays: 10, ageRetros: 0, overdue: false }));

function prepare(boardId: string, faults: FaultRule[] = [], options: Partial<NetworkFetcherOptions> = {}) {
  server.faults.push(...faults);
  const writer = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: server.url, ...fast, ...options });
  return prepareBoard({ writer, boardId, settings: kptBoardSettings(undefined), config: DEFAULT_KPT_CONFIG, instructions: instructionsFromMarkdown('# 進め方\n\n本文\n'), actions }).finally(() => writer.close());
}

describe('creating items', () => {
  it('a clean run: one read, one POST per item, parents filled in from the frames created', async () => {
    const id = freshBoard();
    const r = await prepare(id);
    expect([r.reads, r.writes, r.requests]).toEqual([1, 9, 10]);
    const items = server.boards.get(id)!.items;
    const carried = items.find((i) => i.data?.title === '前回からの持ち越し')!;
    expect(items.filter((i) => i.type === 'sticky_note').every((s) => s.parent?.id === carried.id)).toBe(true);
  });

  it('429 on a create: waits for the reset, sends it again, makes it once', async () => {
    const id = freshBoard();
    sleeps.length = 0;
    const r = await prepare(id, [{ method: 'POST', match: /sticky_notes/, fault: { kind: 'rate-limit', resetInSeconds: 2 } }]);
    expect(server.faults).toEqual([]);
    expect(sleeps).toHaveLength(1);
    expect(r.requests).toBe(11);
    expect(server.boards.get(id)!.items.filter((i) => i.type === 'sticky_note')).toHaveLength(3);
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 }, /server error 500/],
    ['a cut-off reply', { kind: 'truncate' }, /truncated or empty reply|no answer within/],
    ['a reset connection', { kind: 'reset' }, /ECONNRESET|network error|socket/],
  ] as const)('%s on a create is not sent again (Miro may have made it): run again', async (_, fault, reason) => {
    const id = freshBoard();
    const before = server.requests.length;
    const e = await prepare(id, [{ method: 'POST', match: /shapes/, fault }]).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(MiroError);
    expect((e as Error).message).toMatch(reason);
    expect((e as Error).message).toMatch(/run the command again: it adds only what is still missing$/);
    // The read, five frames, then the panel's one try.
    expect(server.requests.length - before).toBe(7);
    const again = await prepare(id);
    expect(again.writes).toBe(4);
    expect(server.boards.get(id)!.items.filter((i) => i.type === 'frame')).toHaveLength(5);
  });

  it('403 on a create names the scope it needs, sends nothing more', async () => {
    const id = freshBoard();
    const before = server.requests.length;
    await expect(prepare(id, [{ method: 'POST', fault: { kind: 'status', status: 403 } }])).rejects.toThrow(/403\): the token needs the boards:write scope/);
    expect(server.requests.length - before).toBe(2);
  });

  it('a board that is not there: one read, a message naming it', async () => {
    await expect(prepare('uXjVMissing0=')).rejects.toThrow(/board uXjVMissing0= not found on Miro \(404\)/);
  });
});

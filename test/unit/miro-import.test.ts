/**
 * The real @mirohq/miro-api client against a Miro-shaped server on 127.0.0.1: each board shape,
 * paging, snapshots, and the faults a real import meets (429, 5xx, hangs, cut-off bodies, 401).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import http, { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createNetworkFetcher, MiroError, type NetworkFetcherOptions } from '../../src/io/miro/fetcher.ts';
import { importBoard } from '../../src/io/miro/import.ts';
import { parseSnapshot, recordingFetcher, serializeSnapshot, snapshotFetcher } from '../../src/io/miro/snapshot.ts';
import { DEFAULT_KPT_CONFIG, parseBoardRef } from '../../src/lib/kpt/index.ts';
import {
  bigBoard,
  columnsBoard,
  framesBoard,
  hostileBoard,
  startMiroServer,
  tagsBoard,
  TEST_TOKEN,
  type BoardFixture,
  type FaultRule,
  type MiroServer,
} from '../../bench/harness/miro-server.ts';

const boards = {
  en: framesBoard('en'),
  ja: framesBoard('ja'),
  columns: columnsBoard(),
  tags: tagsBoard(),
  hostile: hostileBoard(),
  big: bigBoard(2000),
};

let server: MiroServer;
beforeAll(async () => {
  server = await startMiroServer({ boards: Object.values(boards) });
});
afterAll(() => server.close());

// Timeouts long enough for a loaded CI machine: a spurious timeout would add a request. Waits
// (backoff, rate limits) go to an injected sleep that records them instead of passing real time.
const sleeps: number[] = [];
const fast: Partial<NetworkFetcherOptions> = { backoffMs: 5, timeoutMs: 2500, sleep: async (ms) => void sleeps.push(ms) };

async function run(board: BoardFixture, options: Partial<NetworkFetcherOptions> = fast, faults: FaultRule[] = []) {
  server.faults.splice(0, server.faults.length, ...faults);
  const before = server.requests.length;
  const fetcher = recordingFetcher(createNetworkFetcher({ token: TEST_TOKEN, baseUrl: server.url, ...options }));
  try {
    const imported = await importBoard({ fetcher, ref: parseBoardRef(board.board.id), config: DEFAULT_KPT_CONFIG, timeZone: 'Asia/Tokyo', team: 'SRE' });
    return { ...imported, served: server.requests.slice(before), snapshot: fetcher.snapshot(board.board.id) };
  } finally {
    fetcher.close();
  }
}

const clean = new Map<string, string>();
async function cleanPage(board: BoardFixture): Promise<string> {
  if (!clean.has(board.board.id)) clean.set(board.board.id, (await run(board)).result.content);
  return clean.get(board.board.id)!;
}

describe('each board shape through the real client', () => {
  it.each([
    ['frames (English)', boards.en, 'frame'],
    ['frames (Japanese)', boards.ja, 'frame'],
    ['columns', boards.columns, 'column'],
    ['tags', boards.tags, 'tag'],
  ] as const)('%s', async (_, board, via) => {
    const r = await run(board);
    const c = r.result.classification;
    expect(c.via[via]).toBe(7);
    expect(c.entries.map((e) => e.kind).join(',')).toBe('keep,keep,keep,problem,problem,try,try');
    expect(c.entries.some((e) => e.author)).toBe(true);
    expect(r.result.content).toContain('ランブックどおりに復旧できた');
    expect(server.unauthorized).toBe(0);
  });

  it('reads tags through the tag endpoints, only for Keep / Problem / Try tags', async () => {
    const r = await run(boards.tags);
    const byTag = r.served.filter((q) => q.query.tag_id).map((q) => q.query.tag_id);
    expect(byTag.sort()).toEqual(['3458764000000000101', '3458764000000000102', '3458764000000000103']);
  });

  it('keeps the hostile texts as data', async () => {
    const r = await run(boards.hostile);
    expect(r.result.content).toContain('text: "[x](javascript:alert(1))"');
    expect(r.result.content).toContain('text: </script><script>alert(5)</script>');
  });
});

describe('optional parts', () => {
  it('members refused (403): the page has no authors, and a snapshot replays the same way', async () => {
    const r = await run(boards.en, fast, [{ match: /\/members/, fault: { kind: 'status', status: 403 } }]);
    expect(r.result.classification.entries).toHaveLength(7);
    expect(r.result.content).not.toContain('author:');
    const replayed = await importBoard({
      fetcher: snapshotFetcher(parseSnapshot(serializeSnapshot(r.snapshot), 's.json')),
      ref: parseBoardRef(boards.en.board.id),
      config: DEFAULT_KPT_CONFIG,
      timeZone: 'Asia/Tokyo',
      team: 'SRE',
    });
    expect(replayed.result.content).toBe(r.result.content);
  });
});

describe('a board of 2,000 stickies', () => {
  it('reads each page once, plus a few requests', async () => {
    const r = await run(boards.big);
    const itemPages = Math.ceil(boards.big.items.length / 50); // 2,003 items -> 41 pages of 50
    expect(r.result.classification.entries).toHaveLength(2000);
    const pages = r.served.filter((q) => q.path.endsWith('/items'));
    expect(pages).toHaveLength(itemPages);
    expect(pages.every((q) => q.query.limit === '50')).toBe(true);
    // board + item pages + tags + members
    expect(r.requests).toBe(itemPages + 3);
    expect(r.served).toHaveLength(r.requests);
  });
});

describe('snapshots', () => {
  it('replays to the same page with no network, and hold no token', async () => {
    for (const board of [boards.tags, boards.hostile]) {
      const r = await run(board);
      const text = serializeSnapshot(r.snapshot);
      expect(text).not.toContain(TEST_TOKEN);
      // Raw replies, keyed by path only: a snapshot replays against no particular host.
      expect(Object.keys(r.snapshot.responses).every((k) => k.startsWith('/v2/boards/'))).toBe(true);
      const before = server.requests.length;
      const replayed = await importBoard({
        fetcher: snapshotFetcher(parseSnapshot(text, 'x.json')),
        ref: parseBoardRef(board.board.id),
        config: DEFAULT_KPT_CONFIG,
        timeZone: 'Asia/Tokyo',
        team: 'SRE',
      });
      expect(server.requests.length).toBe(before);
      expect(replayed.requests).toBe(0);
      expect(replayed.result.content).toBe(r.result.content);
    }
  });

  it('a snapshot that lacks a reply says so', async () => {
    const r = await run(boards.en);
    const tags = Object.keys(r.snapshot.responses).find((k) => k.includes('/tags'))!;
    delete r.snapshot.responses[tags];
    await expect(
      importBoard({ fetcher: snapshotFetcher(r.snapshot), ref: parseBoardRef(boards.en.board.id), config: DEFAULT_KPT_CONFIG, timeZone: 'Asia/Tokyo' }),
    ).rejects.toThrow(/no reply for GET \/v2\/boards\/uXjVFramesEN%3D\/tags/);
  });

  it('rejects files that are not snapshots', () => {
    expect(() => parseSnapshot('{"data": []}', 'a.json')).toThrow(/not a hikitsugi Miro snapshot/);
    expect(() => parseSnapshot('{"format": "hikitsugi/miro-sn', 'a.json')).toThrow(/not valid JSON/);
  });
});

describe('recoverable faults give the same page as a clean run', () => {
  const items = /\/items\?/;
  it.each([
    ['429 then success (waits for X-RateLimit-Reset)', [{ match: items, fault: { kind: 'rate-limit', resetInSeconds: 1 } }]],
    ['429 without a reset header', [{ match: items, fault: { kind: 'status', status: 429 } }]],
    ['500 twice', [{ match: items, times: 2, fault: { kind: 'status', status: 500 } }]],
    ['503 on the board itself', [{ match: /^\/v2\/boards\/[^/]+$/, fault: { kind: 'status', status: 503 } }]],
    ['a hung request (times out, retried)', [{ match: /cursor=/, fault: { kind: 'hang' } }]],
    ['a truncated body', [{ match: items, fault: { kind: 'truncate' } }]],
    ['a reset connection', [{ match: /\/tags/, fault: { kind: 'reset' } }]],
  ] as [string, FaultRule[]][])('%s', async (_, faults) => {
    const board = boards.big; // many pages: faults land in the middle of paging
    const extra = faults[0].times ?? 1;
    sleeps.length = 0;
    const r = await run(board, fast, faults);
    expect(server.faults).toEqual([]); // the fault was hit
    expect(r.result.content).toBe(await cleanPage(board));
    expect(r.requests).toBe(Math.ceil(board.items.length / 50) + 3 + extra);
    // The reset is 1 s after the second the 429 was sent in: the wait is to then, plus 100 ms.
    if (faults[0].fault.kind === 'rate-limit') expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
  });
});

describe('faults that stop the import', () => {
  const expectError = async (promise: Promise<unknown>, kind: string, message: RegExp) => {
    const e = await promise.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(MiroError);
    expect((e as MiroError).kind).toBe(kind);
    expect((e as Error).message).toMatch(message);
    expect((e as Error).message).not.toContain(TEST_TOKEN);
    expect((e as Error).message.split('\n')).toHaveLength(1);
  };

  it('401: a bad token, not retried', async () => {
    const before = server.requests.length;
    const fetcher = createNetworkFetcher({ token: 'wrong-token', baseUrl: server.url, ...fast });
    await expectError(
      importBoard({ fetcher, ref: parseBoardRef(boards.en.board.id), config: DEFAULT_KPT_CONFIG, timeZone: 'Asia/Tokyo' }),
      'auth',
      /401.*MIRO_ACCESS_TOKEN/,
    );
    expect(server.requests.length - before).toBe(1);
  });

  it('403: missing scope', async () => {
    await expectError(run(boards.en, fast, [{ fault: { kind: 'status', status: 403 } }]), 'forbidden', /403.*boards:read/);
  });

  it('404: no such board', async () => {
    await expectError(run({ ...boards.en, board: { ...boards.en.board, id: 'uXjVNoSuch0=' } }), 'not-found', /uXjVNoSuch0=.*404/);
  });

  it('500 every time: gives up after a bounded number of tries', async () => {
    await expectError(run(boards.en, { ...fast, retries: 3 }, [{ times: 100, fault: { kind: 'status', status: 500 } }]), 'unavailable', /after 4 tries.*server error 500/);
    server.faults.length = 0;
  });

  it('a server that never answers: each try times out, then it gives up', async () => {
    const started = Date.now();
    await expectError(run(boards.en, { ...fast, retries: 1, timeoutMs: 200 }, [{ times: 100, fault: { kind: 'hang' } }]), 'unavailable', /no answer within 0.2 s/);
    expect(Date.now() - started).toBeLessThan(5000);
    server.faults.length = 0;
  });

  it('a rate limit that resets too far away: stops and says when', async () => {
    await expectError(run(boards.en, { ...fast, maxRateLimitWaitMs: 1000 }, [{ fault: { kind: 'rate-limit', resetInSeconds: 600 } }]), 'rate-limited', /resets at \d\d:\d\d:\d\d UTC/);
  });

  it('nothing listening: network errors are retried, then reported', async () => {
    const fetcher = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: 'http://127.0.0.1:9', ...fast, retries: 2 });
    await expectError(
      importBoard({ fetcher, ref: parseBoardRef('uXjVOabc123='), config: DEFAULT_KPT_CONFIG, timeZone: 'Asia/Tokyo' }),
      'unavailable',
      /after 3 tries \(last: ECONNREFUSED\)/,
    );
  });
});

describe('the transport (the official client, given our agent and an abort signal)', () => {
  /** A server that answers `/ok` and never answers anything else; it tells when a connection closes. */
  async function bareServer(): Promise<{ url: string; server: Server; connections: Socket[] }> {
    const connections: Socket[] = [];
    const server = createServer((req, res) => {
      if (req.url === '/ok') res.end('{"ok":true}');
    });
    server.on('connection', (s) => connections.push(s));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connections };
  }

  it('a timeout aborts the request: the server sees its connection closed, long before the client would give up', async () => {
    const { url, server, connections } = await bareServer();
    const fetcher = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: url, ...fast, retries: 0, timeoutMs: 200 });
    try {
      await expect(fetcher.get('/hang')).rejects.toThrow(/no answer within 0.2 s/);
      // Without the abort the socket would stay open until the client's own 15 s timer (this test's limit is 5 s).
      if (!connections[0].destroyed) await once(connections[0], 'close');
      expect(connections[0].destroyed).toBe(true);
    } finally {
      fetcher.close();
      server.close();
    }
  });

  it("close() drops the fetcher's own kept-alive sockets and leaves Node's global agents alone", async () => {
    const { url, server, connections } = await bareServer();
    const destroyGlobal = vi.spyOn(http.globalAgent, 'destroy');
    const fetcher = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: url, ...fast, retries: 0, timeoutMs: 200 });
    try {
      expect(await fetcher.get('/ok')).toEqual({ ok: true });
      await expect(fetcher.get('/hang')).rejects.toThrow(/no answer/);
      const kept = connections[0];
      expect(kept.destroyed).toBe(false); // kept alive for the next request
      fetcher.close();
      if (!kept.destroyed) await once(kept, 'close');
      expect(destroyGlobal).not.toHaveBeenCalled();
    } finally {
      destroyGlobal.mockRestore();
      server.close();
    }
  });
});

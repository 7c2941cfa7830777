/**
 * Import benchmark: a 2,000-sticky board served by the local Miro-shaped test server, imported
 * through the real client and retry layer by the KPT importer (#3), the way `npm run kpt:import`
 * does. `importBoard` times reading the board (network) and our own processing (classification,
 * merge, YAML) apart; writing the page is timed here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNetworkFetcher, importBoard, prepareBoard } from '../src/io/miro/index.ts';
import { instructionsFromMarkdown } from '../src/lib/kpt/board-html.ts';
import { kptBoardSettings } from '../src/lib/kpt/board-settings.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { DEFAULT_KPT_CONFIG, parseBoardRef } from '../src/lib/kpt/index.ts';
import { bigBoard, startMiroServer, TEST_TOKEN } from './harness/miro-server.ts';
import { WORK } from './projects.ts';
import { median, type ImportResult } from './report.ts';

export const IMPORT_STICKIES = 2000;
const RUNS = 5;

export async function importBenchmark(): Promise<ImportResult> {
  const board = bigBoard(IMPORT_STICKIES);
  const server = await startMiroServer({ boards: [board] });
  const file = join(WORK, 'import', 'retro.mdx');
  const runs: { requests: number; served: number; wallMs: number; readMs: number; processMs: number; writeMs: number }[] = [];
  const reimportMs: number[] = [];
  let prepared = { first: 0, firstMs: 0, second: 0 };
  try {
    let content = '';
    // Run 0 warms up the JIT and is not counted.
    for (let i = 0; i <= RUNS; i++) {
      const before = server.requests.length;
      const fetcher = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: server.url });
      const started = performance.now();
      try {
        const imported = await importBoard({
          fetcher,
          ref: parseBoardRef(board.board.id),
          config: DEFAULT_KPT_CONFIG,
          timeZone: 'Asia/Tokyo',
          team: 'SRE',
        });
        const written = performance.now();
        writeFileAtomic(file, imported.result.content);
        const done = performance.now();
        content = imported.result.content;
        if (i > 0) {
          runs.push({
            requests: imported.requests,
            served: server.requests.length - before,
            wallMs: done - started,
            readMs: imported.readMs,
            processMs: imported.processMs,
            writeMs: done - written,
          });
        }
      } finally {
        fetcher.close();
      }
    }
    // Re-import onto the page written above: the merge that keeps human edits, on 2,000 items.
    const fetcher = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: server.url });
    try {
      for (let i = 0; i < RUNS; i++) {
        const again = await importBoard({
          fetcher,
          ref: parseBoardRef(board.board.id),
          config: DEFAULT_KPT_CONFIG,
          timeZone: 'Asia/Tokyo',
          team: 'SRE',
          existingSource: content,
        });
        reimportMs.push(again.processMs);
      }
    } finally {
      fetcher.close();
    }
    prepared = await prepareBenchmark(server);
  } finally {
    await server.close();
  }
  const requests = Math.max(...runs.map((r) => r.requests));
  const served = Math.max(...runs.map((r) => r.served));
  return {
    status: 'measured',
    items: board.items.length,
    requests,
    wallMs: median(runs.map((r) => r.wallMs)),
    ownMs: median(runs.map((r) => r.processMs + r.writeMs)),
    detail: {
      stickies: IMPORT_STICKIES,
      'requests the server saw': served,
      runs: RUNS,
      'reading the board (network, median)': `${median(runs.map((r) => r.readMs)).toFixed(0)} ms`,
      'classify, merge, YAML (median)': `${median(runs.map((r) => r.processMs)).toFixed(0)} ms`,
      'write the page (median)': `${median(runs.map((r) => r.writeMs)).toFixed(1)} ms`,
      're-import onto the written page, own processing (median)': `${median(reimportMs).toFixed(0)} ms`,
      'page size': `${(Buffer.byteLength(readFileSync(file, 'utf8')) / 1000).toFixed(0)} KB`,
      [`kpt:prepare, ${PREPARE_ACTIONS} open actions on an empty board: requests (1st run / 2nd run)`]: `${prepared.first} / ${prepared.second} (${prepared.firstMs.toFixed(0)} ms)`,
    },
  };
}

const PREPARE_ACTIONS = 20;

/**
 * kpt:prepare's request count: one paged read of the board, then one create per frame, panel
 * and carried-over sticky; a second run only reads.
 */
async function prepareBenchmark(server: Awaited<ReturnType<typeof startMiroServer>>) {
  const boardId = 'uXjVBenchPrep=';
  server.boards.set(boardId, { board: { id: boardId, name: 'bench' }, items: [], tags: [], tagItems: {}, members: [] });
  const actions = Array.from({ length: PREPARE_ACTIONS }, (_, i) => ({ id: `a-bench-${i + 1}`, text: `アクション ${i + 1}`, ageDays: 30 + i, ageRetros: i % 3, overdue: i % 4 === 0 }));
  const run = async () => {
    const writer = createNetworkFetcher({ token: TEST_TOKEN, baseUrl: server.url, scope: 'boards:write' });
    const started = performance.now();
    try {
      const r = await prepareBoard({
        writer,
        boardId,
        settings: kptBoardSettings(undefined),
        config: DEFAULT_KPT_CONFIG,
        instructions: instructionsFromMarkdown('# 進め方\n\n- 書く\n- 話す\n'),
        actions,
      });
      return { requests: r.requests, ms: performance.now() - started };
    } finally {
      writer.close();
    }
  };
  const first = await run();
  const second = await run();
  return { first: first.requests, firstMs: first.ms, second: second.requests };
}

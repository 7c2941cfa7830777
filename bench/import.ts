/**
 * Import benchmark: a 2,000-sticky board served by the local Miro-shaped test server, imported
 * through the real client and retry layer by the KPT importer (#3), the way `npm run kpt:import`
 * does. `importBoard` times reading the board (network) and our own processing (classification,
 * merge, YAML) apart; writing the page is timed here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNetworkFetcher, importBoard } from '../src/io/miro/index.ts';
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
    },
  };
}

/**
 * One board in, one page out: reads the board (network or snapshot) and runs the pure import,
 * timing the two apart. The benchmark calls this with its own fetcher to count requests and to
 * see local processing time separately from network time.
 */
import { performance } from 'node:perf_hooks';
import { buildRetro, isKptTagTitle, parsePage, type RetroOptions, type RetroResult } from '../../lib/kpt/index.ts';
import type { BoardData } from '../../lib/kpt/miro-types.ts';
import type { MiroFetcher } from './fetcher.ts';
import { readBoard, type ReadProgress } from './read-board.ts';

export interface ImportBoardOptions extends RetroOptions {
  fetcher: MiroFetcher;
  /** The text of the page an earlier import wrote, parsed inside the timed pure step. */
  existingSource?: string;
  onProgress?: (p: ReadProgress) => void;
  onWarning?: (message: string) => void;
}

export interface ImportBoardResult {
  result: RetroResult;
  data: BoardData;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Wall time spent reading the board (network, retries, waits). */
  readMs: number;
  /** Wall time of the pure import: reading the existing page, classification, merge and YAML. */
  processMs: number;
}

export async function importBoard(options: ImportBoardOptions): Promise<ImportBoardResult> {
  const { fetcher } = options;
  const t0 = performance.now();
  const data = await readBoard(fetcher, options.ref.id, {
    isKptTag: isKptTagTitle(options.config),
    members: options.config.authors,
    onProgress: options.onProgress,
    onWarning: options.onWarning,
  });
  const t1 = performance.now();
  const existing = options.existing ?? (options.existingSource !== undefined ? parsePage(options.existingSource) : undefined);
  const result = buildRetro(data, { ...options, existing });
  const t2 = performance.now();
  return { result, data, requests: fetcher.requests, readMs: t1 - t0, processMs: t2 - t1 };
}

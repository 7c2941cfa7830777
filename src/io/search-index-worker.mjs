// Builds the search index on a worker thread (see writeSearchIndexInWorker in search-index.ts).
// TypeScript through tsx, as the integration itself is loaded (src/integration/entry.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { writeSearchIndex } = await tsImport('./search-index.ts', import.meta.url);
parentPort.postMessage(writeSearchIndex(workerData.outDir));

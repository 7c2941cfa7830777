// Builds the search index on a worker thread (see writeSearchIndexInWorker in search-index.ts),
// from the prebuilt bundle when it matches the sources, else from them through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { importPrebuilt } from './prebuilt-bundles.mjs';

const { writeSearchIndex } = await importPrebuilt('searchIndex');
parentPort.postMessage(writeSearchIndex(workerData.outDir));

// Builds the search index on a worker thread (see writeSearchIndexInWorker in search-index.ts),
// from the prebuilt bundle when it matches the sources, else from them through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { freshBundle } from './prebuilt-bundles.mjs';

const bundle = freshBundle(undefined, 'searchIndex');
const { writeSearchIndex } = bundle ? await import(bundle) : await (await import('tsx/esm/api')).tsImport('./search-index.ts', import.meta.url);
parentPort.postMessage(writeSearchIndex(workerData.outDir));

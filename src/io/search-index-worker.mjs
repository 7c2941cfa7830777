// Builds the search index on a worker thread (see startSearchIndex in search-index.ts), from the
// prebuilt bundle when it matches the sources, else from them through tsx. Pages arrive as
// messages while the CSP step reads them (their bytes: decoding them is this thread's work), and
// each is read and segmented as it comes (the CSP step is still reading); `done` means there are no more.
import { parentPort, workerData } from 'node:worker_threads';
import { importPrebuilt } from './prebuilt-bundles.mjs';

const { searchDoc, docTerms, writeSearchIndex } = await importPrebuilt('searchIndex');
const pages = [];
const utf8 = new TextDecoder();
parentPort.on('message', (message) => {
  if (!message.done) {
    const doc = searchDoc(message.file, utf8.decode(message.page));
    if (doc) pages.push({ file: message.file, doc, terms: docTerms(doc) });
    return;
  }
  // In the order of the files' names, as readSearchDocs lists them, whatever order they came in.
  pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  parentPort.postMessage(writeSearchIndex(workerData.outDir, pages.map((p) => p.doc), (_, id) => pages[id].terms));
  parentPort.close();
});

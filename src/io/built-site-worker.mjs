// The post-build step's worker thread (see startBuiltSite in built-site.ts), from the prebuilt
// bundle when it matches the sources, else from them through tsx. Pages arrive as messages while
// Astro renders the next ones, each read as it comes; `done` carries the step's options and means
// the build is done: every page on disk is made safe, the index written, the report sent back.
import { parentPort } from 'node:worker_threads';
import { importPrebuilt } from './prebuilt-bundles.mjs';

const { createBuiltSiteStep } = await importPrebuilt('builtSite');
const step = createBuiltSiteStep();
parentPort.on('message', (message) => {
  if (message.done === undefined) {
    step.page(message.file, Buffer.from(message.page.buffer, message.page.byteOffset, message.page.byteLength));
    return;
  }
  parentPort.postMessage(step.finish(message.done));
  parentPort.close();
});

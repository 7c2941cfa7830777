// The post-build step's worker thread (see startBuiltSite in built-site.ts), from the prebuilt
// bundle when it matches the sources, else from them through tsx. Pages arrive as messages while
// Astro renders the next ones, each read as it comes; `done` carries the step's options and means
// the build is done: every page on disk is made safe, the index written, the report sent back.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { importPrebuilt } from './prebuilt-bundles.mjs';

// While Astro renders, this thread should take the cores' spare time, not the rendering thread's:
// on Linux a thread has its own nice value. At 1,000 runbooks the build's median of four
// interleaved rounds was 16.7 s against 17.4 s without it (and 15.3 against 15.7 s, 16.8 against
// 17.4 s at 19). 10, not 19: the step after the build runs at this priority too (it cannot be
// raised back without privileges), and on a busy machine a tenth of a core is enough, a fiftieth
// is not. Elsewhere there is no /proc/thread-self, and the thread keeps its priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {}

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

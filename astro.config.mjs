// @ts-check
// This repository's own handbook, set up the way any team's is: the hikitsugi integration reads
// hikitsugi.config.mjs and does the rest.
import { defineConfig } from 'astro/config';
import hikitsugi from 'hikitsugi';

export default defineConfig({
  // Separate output and cache folders let tests and benchmarks build side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.CACHE_DIR || './node_modules/.astro',
  integrations: [hikitsugi()],
});

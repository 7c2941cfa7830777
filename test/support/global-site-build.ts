/**
 * Builds the sample site once for all site tests: at the root and under a base path,
 * and serves both on 127.0.0.1; each also a second time with the headers of its own `_headers`
 * file (the strict Content-Security-Policy), as Netlify or Cloudflare Pages would send them.
 */
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../bench/harness/browser.ts';
import { runAstro } from './build.ts';
import { serveStatic, type StaticSite } from '../../bench/harness/static-server.ts';

export const SUB_BASE = '/handbook/';

declare module 'vitest' {
  export interface ProvidedContext {
    rootSite: { url: string; outDir: string };
    subSite: { url: string; outDir: string };
    /** The same builds, served with the security headers the build wrote. */
    rootSecureSite: { url: string; outDir: string };
    subSecureSite: { url: string; outDir: string };
    /** Each build's log line of the post-build step ("Content-Security-Policy: N pages (M read while rendered), ..."). */
    postBuildLines: { root: string; sub: string };
  }
}

export default async function setup(project: TestProject) {
  console.log(`browser tests: ${(await findBrowser()).description}`);
  // The root build's post-build step reads each page while Astro renders it, as on a large site;
  // the other, the sample site being small, reads them after the build.
  const [root, sub] = await Promise.all([runAstro({ env: { HIKITSUGI_OVERLAP_MIN_PAGES: '0' } }), runAstro({ base: SUB_BASE })]);
  for (const [name, result] of [['root', root], [SUB_BASE, sub]] as const) {
    if (result.code !== 0) throw new Error(`sample site build (${name}) failed:\n${result.output.slice(-4000)}`);
  }
  const servers: StaticSite[] = [
    await serveStatic(root.outDir, '/'),
    await serveStatic(sub.outDir, SUB_BASE),
    await serveStatic(root.outDir, '/', { hostHeaders: true }),
    await serveStatic(sub.outDir, SUB_BASE, { hostHeaders: true }),
  ];
  project.provide('rootSite', { url: servers[0].url, outDir: root.outDir });
  project.provide('subSite', { url: servers[1].url, outDir: sub.outDir });
  project.provide('rootSecureSite', { url: servers[2].url, outDir: root.outDir });
  project.provide('subSecureSite', { url: servers[3].url, outDir: sub.outDir });
  const postBuildLine = (output: string) => output.split('\n').find((line) => line.includes('Content-Security-Policy: ')) ?? '';
  project.provide('postBuildLines', { root: postBuildLine(root.output), sub: postBuildLine(sub.output) });
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}

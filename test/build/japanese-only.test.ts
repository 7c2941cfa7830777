/**
 * A team that does not need the English UI builds the Japanese one only (HIKITSUGI_UI=ja): half
 * the pages, no /en/ copies, no language picker, search and links as before. A `ui` value that is
 * not "ja" or "ja,en" stops the build saying so.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILING_BUILD_FLAGS, runAstro, type BuildResult } from '../support/build.ts';
import { readSearchMeta } from '../../src/io/search-index.ts';

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));

describe('the sample site with the Japanese UI only', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await runAstro({ env: { HIKITSUGI_UI: 'ja' } });
  }, 300_000);
  afterAll(() => {
    if (build) rmSync(dirname(build.outDir), { recursive: true, force: true });
  });

  it('builds every page once, in Japanese, and nothing under /en/', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(existsSync(join(build.outDir, 'en'))).toBe(false);
    for (const path of ['index.html', 'runbooks/index.html', 'runbooks/cloud-sql-failover/index.html', 'knowledge/index.html', 'retros/actions/index.html']) {
      expect(readFileSync(join(build.outDir, path), 'utf8'), path).toMatch(/^<!DOCTYPE html><html lang="ja"/);
    }
  });

  it('has no language picker and no link into an English UI', () => {
    for (const file of htmlFiles(build.outDir)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('starlight-lang-select');
      expect(html, file).not.toMatch(/href="\/en\//);
    }
  });

  // Our own index since #14 (Pagefind's pagefind-entry.json with languages: ['ja'] before): the
  // Japanese pages, once each.
  it('indexes the pages for search', () => {
    const meta = readSearchMeta(build.outDir);
    expect(meta.pages.length).toBeGreaterThan(15);
    expect(meta.pages.filter(([url]) => url.startsWith('en/'))).toEqual([]);
    expect(existsSync(join(build.outDir, 'pagefind'))).toBe(false);
  });
});

it('a ui setting other than "ja" or "ja,en" stops the build and says which values work', async () => {
  const build = await runAstro({ command: 'sync', env: { HIKITSUGI_UI: 'en' }, nodeFlags: FAILING_BUILD_FLAGS });
  expect(build.code).not.toBe(0);
  expect(build.output).toMatch(/hikitsugi\.config\.mjs: ui \(or HIKITSUGI_UI\) must be "ja" \(Japanese UI only\) or "ja,en" .*not "en"/);
});

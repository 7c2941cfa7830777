/** The post-build step on a small dist/ folder: what it rewrites, the files it writes, the settings it follows. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secureSite } from '../../src/io/site-security.ts';
import { hashSource } from '../../src/lib/security/policy.ts';
import { tempDist } from '../support/temp-dist.ts';

const dist = (files: Record<string, string>) => tempDist(files, 'hk-csp-');

const SCRIPT = 'document.documentElement.dataset.x = "1";';
const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"/>${head}<title>t</title><script>${SCRIPT}</script></head><body>${body}</body></html>`;
const EC_CSS = ".expressive-code .ec-line :where(span[style^='--']:not([class])){color:var(--0)}";

describe('secureSite', () => {
  it('moves style attributes to one stylesheet, hashes the inline script, and writes the three host files under the base', () => {
    const dir = dist({
      'index.html': page('<span style="--0:#fff;--1:#000">a</span><p style="margin:0">b</p>'),
      'runbooks/x/index.html': page('<span style="--0: #fff; --1: #000">c</span>', '<meta name="robots" content="noindex">'),
      '_astro/ec.abc.css': EC_CSS,
    });
    const report = secureSite(dir, { base: '/handbook/', security: { noindex: true, allow: { 'img-src': ['https://img.example.com'] } } });
    expect(report).toMatchObject({ pages: 2, scriptsHashed: 1, stylesHashed: 0, attributesMoved: 3, classes: 2, selectorsRewritten: 1, warnings: [] });
    const css = report.stylesheet!.file;
    expect(css).toMatch(/^_astro\/hk-inline-styles\.[\w-]{8}\.css$/);
    expect(readFileSync(join(dir, css), 'utf8')).toBe('.hk-v0{--0:#fff!important;--1:#000!important}\n.hk-s1{margin:0!important}\n');
    expect(readFileSync(join(dir, '_astro/ec.abc.css'), 'utf8')).toBe(".expressive-code .ec-line :where(span[class^='hk-v']){color:var(--0)}");

    const html = readFileSync(join(dir, 'runbooks/x/index.html'), 'utf8');
    expect(html).toContain('<span class="hk-v0">c</span>');
    expect(html).toContain(`<link rel="stylesheet" href="/handbook/${css}"></head>`);
    expect(html).toContain(`<meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${hashSource(SCRIPT)}; style-src 'self'; img-src 'self' data: https://img.example.com;`);
    // One robots meta, the site's.
    expect(html.match(/name="robots"/g)).toHaveLength(1);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');

    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toContain(`/handbook/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' ${hashSource(SCRIPT)};`);
    expect(headers).toContain("frame-ancestors 'none'\n");
    expect(headers).toContain('  X-Robots-Tag: noindex, nofollow\n');
    expect(readFileSync(join(dir, 'security-headers.nginx.conf'), 'utf8')).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(readFileSync(join(dir, '.htaccess'), 'utf8')).toContain('Header always set Referrer-Policy "same-origin"');
    // Atomic writes leave no temp files behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('with noindex off, says nothing about robots and keeps a page its own robots meta', () => {
    const dir = dist({ 'index.html': page('x'), 'alerts/a/index.html': page('y', '<meta name="robots" content="noindex">') });
    secureSite(dir, { base: '/', security: { noindex: false, allow: {} } });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('robots');
    expect(readFileSync(join(dir, 'alerts/a/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(join(dir, '_headers'), 'utf8')).not.toContain('X-Robots-Tag');
    expect(readFileSync(join(dir, '_headers'), 'utf8').split('\n')[1]).toBe('/*');
  });

  it('warns about handlers and javascript: links, which no policy entry can allow', () => {
    const dir = dist({ 'a/index.html': page('<button onclick="go()">x</button><a href="javascript:void 0">y</a>') });
    const { warnings } = secureSite(dir, { base: '/', security: { noindex: true, allow: {} } });
    expect(warnings).toEqual([
      'a/index.html: <button onclick> will not run under the Content-Security-Policy',
      'a/index.html: <a href="javascript:…"> will not run under the Content-Security-Policy',
    ]);
  });

  // The search index reads the pages only through onPage (src/io/search-index.ts), which is what
  // lets this step rewrite them in place: no one else reads a page meanwhile.
  it('hands each page to onPage as built, and says when all are read, before it rewrites any', () => {
    const before = page('<p style="margin:0">b</p>');
    const dir = dist({ 'runbooks/x/index.html': before, 'index.html': page('a') });
    const seen: Array<[string, string]> = [];
    let atPagesRead: { handed: number; page: string } | undefined;
    secureSite(dir, {
      base: '/',
      security: { noindex: true, allow: {} },
      onPage: (file, bytes) => seen.push([file, bytes.toString('utf8')]),
      // The search index is told there are no more pages once all were handed, before any rewrite.
      onPagesRead: () => (atPagesRead = { handed: seen.length, page: readFileSync(join(dir, 'runbooks/x/index.html'), 'utf8') }),
    });
    expect(seen).toEqual([
      ['index.html', page('a')],
      ['runbooks/x/index.html', before],
    ]);
    expect(atPagesRead).toEqual({ handed: 2, page: before });
    expect(readFileSync(join(dir, 'runbooks/x/index.html'), 'utf8')).toContain('class="hk-s0"');
  });

  it('leaves one policy meta when it runs twice', () => {
    const dir = dist({ 'index.html': page('<p style="margin:0">b</p>') });
    secureSite(dir, { base: '/', security: { noindex: true, allow: {} } });
    const once = readFileSync(join(dir, 'index.html'), 'utf8');
    secureSite(dir, { base: '/', security: { noindex: true, allow: {} } });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(once);
  });
});

import { describe, expect, it } from 'vitest';
import { localImageFile, localizeSiteLinks, resolveLink, type LinkContext } from '../../src/lib/links/internal-links.ts';
import { slugForFile } from '../../src/lib/content/slugs.ts';

const ctx = (base = '/'): LinkContext => ({
  sourcePath: '/repo/content/guideline/intro.mdx',
  base,
  routes: new Set(['/', '/runbooks/', '/runbooks/db-failover/', '/guideline/intro/', '/en/runbooks/db-failover/']),
  routeOfFile: new Map([
    ['/repo/content/runbooks/db-failover.mdx', '/runbooks/db-failover/'],
    ['/repo/content/guideline/intro.mdx', '/guideline/intro/'],
  ]),
});

describe('internal links', () => {
  it.each([
    ['/runbooks/db-failover/', '/handbook/runbooks/db-failover/'],
    ['/runbooks/db-failover', '/handbook/runbooks/db-failover/'],
    ['/runbooks/db-failover/#切り戻し', '/handbook/runbooks/db-failover/#切り戻し'],
    ['../runbooks/db-failover.mdx', '/handbook/runbooks/db-failover/'],
    ['../runbooks/db-failover.mdx#impact', '/handbook/runbooks/db-failover/#impact'],
    ['../../runbooks/db-failover/', '/handbook/runbooks/db-failover/'],
    ['/en/runbooks/db-failover/', '/handbook/en/runbooks/db-failover/'],
  ])('%s becomes %s under a base path', (href, expected) => {
    expect(resolveLink(href, ctx('/handbook/'))).toEqual({ kind: 'internal', href: expected });
  });

  it('leaves external links, mailto and same-page anchors alone', () => {
    for (const href of ['https://console.cloud.google.com/', 'mailto:sre@example.com', '#概要', '//cdn.example.com/x'])
      expect(resolveLink(href, ctx()).kind).toBe('external');
  });

  it.each([
    ['/runbooks/no-such/', /\/runbooks\/no-such\/, which is not a page/],
    ['../runbooks/missing.mdx', /\/repo\/content\/runbooks\/missing\.mdx, which is not a page/],
    ['../runbooks/nothing/', /not a page of this site/],
    ['/runbooks/%E0%A4%A/', /not a valid URL/],
  ])('%s is broken', (href, message) => {
    const result = resolveLink(href, ctx());
    expect(result.kind).toBe('broken');
    expect(result.kind === 'broken' && result.message).toMatch(message);
  });
});

describe('slugs', () => {
  it.each([
    ['cloud-sql-failover.mdx', 'cloud-sql-failover'],
    ['gcp/Cloud SQL.md', 'gcp/cloud-sql'],
    ['gcp/index.md', 'gcp'],
    ['NodeFilesystemFilesFillingUp.md', 'nodefilesystemfilesfillingup'],
    ['障害対応.mdx', '障害対応'],
  ])('%s -> %s', (file, slug) => expect(slugForFile(file)).toBe(slug));
});

describe('links in content shown in the English UI', () => {
  const html = [
    '<a href="/handbook/runbooks/db/">DB</a>',
    '<a class="x" href="/handbook/guideline/intro/#概要">intro</a>',
    '<a href="/handbook/">home</a>',
    '<a href="/handbook/en/runbooks/db/">already English</a>',
    '<a href="/handbook/_astro/file.pdf">asset</a>',
    '<a href="/handbook/files/diagram.png">file</a>',
    '<a href="https://example.com/handbook/runbooks/">external</a>',
    '<a href="#local">anchor</a>',
    '<img src="/handbook/runbooks/x.png">',
  ].join('\n');

  it('point at the English copy of site pages, and leave everything else alone', () => {
    expect(localizeSiteLinks(html, '/handbook/', 'en', ['en']).split('\n')).toEqual([
      '<a href="/handbook/en/runbooks/db/">DB</a>',
      '<a class="x" href="/handbook/en/guideline/intro/#概要">intro</a>',
      '<a href="/handbook/en/">home</a>',
      '<a href="/handbook/en/runbooks/db/">already English</a>',
      '<a href="/handbook/_astro/file.pdf">asset</a>',
      '<a href="/handbook/files/diagram.png">file</a>',
      '<a href="https://example.com/handbook/runbooks/">external</a>',
      '<a href="#local">anchor</a>',
      '<img src="/handbook/runbooks/x.png">',
    ]);
  });

  it('works at the domain root without touching protocol-relative links', () => {
    expect(localizeSiteLinks('<a href="/runbooks/db/">a</a><a href="//cdn.example.com/x/">b</a>', '/', 'en', ['en'])).toBe(
      '<a href="/en/runbooks/db/">a</a><a href="//cdn.example.com/x/">b</a>',
    );
  });
});

describe('local images', () => {
  it.each([
    ['./diagram.png', '/repo/content/guideline/diagram.png'],
    ['diagram.png', '/repo/content/guideline/diagram.png'],
    ['../assets/構成図.svg', '/repo/content/assets/構成図.svg'],
    ['../assets/%E6%A7%8B%E6%88%90%E5%9B%B3.svg', '/repo/content/assets/構成図.svg'],
    ['./diagram.svg?v=2#top', '/repo/content/guideline/diagram.svg'],
  ])('%s is the file %s beside the page', (url, file) => {
    expect(localImageFile(url, '/repo/content/guideline/intro.mdx')).toBe(file);
  });

  it('are not remote images, site paths served from public/ or data URLs', () => {
    for (const url of ['https://example.com/a.png', '//cdn.example.com/a.png', '/logo.png', 'data:image/png;base64,AAAA', ''])
      expect(localImageFile(url, '/repo/content/guideline/intro.mdx')).toBeUndefined();
  });
});

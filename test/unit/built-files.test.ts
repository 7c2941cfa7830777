/** Which file a prerendered page's URL becomes, as Astro writes it: the key the post-build step matches pages by. */
import { describe, expect, it } from 'vitest';
import { builtFileOf, type BuiltFileOptions } from '../../src/lib/site/built-files.ts';

const dir: BuiltFileOptions = { base: '/', format: 'directory', statusPage: false };

describe('builtFileOf', () => {
  it('names the index.html of a folder for directory URLs, at the root and under a base path', () => {
    expect(builtFileOf('/', dir)).toBe('index.html');
    expect(builtFileOf('/runbooks/cloud-sql/', dir)).toBe('runbooks/cloud-sql/index.html');
    expect(builtFileOf('/handbook/', { ...dir, base: '/handbook/' })).toBe('index.html');
    expect(builtFileOf('/handbook', { ...dir, base: '/handbook' })).toBe('index.html');
    expect(builtFileOf('/handbook/en/runbooks/x/', { ...dir, base: '/handbook' })).toBe('en/runbooks/x/index.html');
    // trailingSlash: 'never'
    expect(builtFileOf('/runbooks/x', dir)).toBe('runbooks/x/index.html');
  });

  it('names the 404 and 500 pages as Astro writes them in every format', () => {
    expect(builtFileOf('/404/', { ...dir, statusPage: true })).toBe('404.html');
    expect(builtFileOf('/handbook/404/', { ...dir, base: '/handbook/', statusPage: true })).toBe('404.html');
    expect(builtFileOf('/500.html', { ...dir, format: 'file', statusPage: true })).toBe('500.html');
  });

  it('keeps file URLs as they are, and decodes what the URL encodes', () => {
    expect(builtFileOf('/runbooks/x.html', { ...dir, format: 'file' })).toBe('runbooks/x.html');
    expect(builtFileOf('/index.html', { ...dir, format: 'file' })).toBe('index.html');
    expect(builtFileOf('/runbooks/%E6%89%8B%E9%A0%86/', dir)).toBe('runbooks/手順/index.html');
    expect(builtFileOf('/runbooks/x', { ...dir, format: 'file' })).toBeUndefined();
  });

  it('answers nothing for a URL outside the base, broken encoding or a way out of the folder', () => {
    expect(builtFileOf('/other/x/', { ...dir, base: '/handbook/' })).toBeUndefined();
    expect(builtFileOf('/handbookx/', { ...dir, base: '/handbook/' })).toBeUndefined();
    expect(builtFileOf('/runbooks/%E6%89/', dir)).toBeUndefined();
    expect(builtFileOf('/runbooks/%2e%2e/%2e%2e/etc/', dir)).toBeUndefined();
  });
});

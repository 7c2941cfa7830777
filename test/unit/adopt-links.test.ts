/**
 * Adopting a whole folder: generator syntax becomes what the site renders (or literal text),
 * links between the source's pages point at the adopted pages with their anchors, the files
 * they use are listed for copying, and what cannot be carried over is visible text, reported.
 */
import { describe, expect, it } from 'vitest';
import { convertGeneratorSyntax } from '../../src/lib/adopt/generators.ts';
import { FolderIndex, rewritePageLinks, type FolderPage, type LinkSettings } from '../../src/lib/adopt/links.ts';
import { adoptPage } from '../../src/lib/adopt/adopt.ts';

describe('convertGeneratorSyntax', () => {
  it('drops VitePress heading ids and keeps them as aliases of the heading', () => {
    const r = convertGeneratorSyntax('## 算出プロパティ {#computed-properties}\n\ntext\n\n## 書き込み可能 `computed` {#writable-computed}\n');
    expect(r.body).toBe('## 算出プロパティ\n\ntext\n\n## 書き込み可能 `computed`\n');
    expect(r.aliases).toEqual([
      { id: 'computed-properties', text: '算出プロパティ', nth: 0 },
      { id: 'writable-computed', text: '書き込み可能 computed', nth: 0 },
    ]);
  });

  it('drops HTML comments, and remembers the English heading an mdBook translation kept in one', () => {
    const r = convertGeneratorSyntax('<!--\n## What Is Ownership?\n-->\n\n## 所有権とは？\n\n<!--\nRust’s central feature is *ownership*.\n-->\n\nRustの中心的な機能は、\n*所有権*です。 <!-- inline -->\n');
    expect(r.body).not.toMatch(/ownership|inline|<!--/i);
    expect(r.body).toContain('## 所有権とは？');
    expect(r.body).toContain('Rustの中心的な機能は、\n*所有権*です。');
    expect(r.comments).toBe(3);
    expect(r.aliases).toEqual([{ id: 'what-is-ownership', text: '所有権とは？', nth: 0 }]);
  });

  it('turns VitePress containers into Starlight asides and <details>, and keeps unknown ones as <div>', () => {
    const r = convertGeneratorSyntax('::: tip 注意\n本文\n:::\n\n:::warning\nw\n:::\n\n::: details 詳細\nd\n:::\n\n::: code-group\n```js\nx\n```\n:::\n\n::: v-pre\n{{ x }}\n:::\n\n```md\n::: tip\n```\n');
    expect(r.body).toBe(':::tip[注意]\n本文\n:::\n\n:::caution\nw\n:::\n\n<details>\n<summary>詳細</summary>\n\nd\n\n</details>\n\n\n\n```js\nx\n```\n\n\n<div class="v-pre">\n\n{{ x }}\n\n</div>\n\n\n```md\n::: tip\n```\n');
  });

  it('turns MkDocs admonitions (indented text, a code block elsewhere) into asides and <details>', () => {
    const r = convertGeneratorSyntax('!!! warning "Data loss"\n    Back up first.\n\n    Really.\n\n??? note\n    Hidden.\n\nAfter.\n');
    expect(r.body).toBe(':::caution[Data loss]\nBack up first.\n\nReally.\n:::\n\n<details>\n<summary>note</summary>\n\nHidden.\n\n</details>\n\nAfter.\n');
  });

  it('turns a Vue component that is a link into a link, keeping its title as the words', () => {
    const r = convertGeneratorSyntax('<div class="options-api">\n  <VueSchoolLink href="https://vueschool.io/x" title="無料動画レッスン"/>\n</div>\n');
    expect(r.body).toBe('<div class="options-api">\n  <a href="https://vueschool.io/x">無料動画レッスン</a>\n</div>\n');
  });

  it('turns GitHub wiki links into links from the wiki root', () => {
    expect(convertGeneratorSyntax('See [[Home]] and [[the runbook|Disk Full]].\n\n[[toc]]\n').body).toBe('See [Home](</Home>) and [the runbook](</Disk-Full>).\n\n[[toc]]\n');
  });

  it("keeps mdBook's code attributes as words after the language", () => {
    expect(convertGeneratorSyntax('```rust,should_panic\npanic!()\n```\n').body).toBe('```rust should_panic\npanic!()\n```\n');
  });

  it('keeps <script setup> and <style> as code (a browser would run them), and placeholders as text', () => {
    const r = convertGeneratorSyntax('<script setup>\nimport { ref } from "vue"\n</script>\n\nRun `x` on <iface> and <AlertName>.\n\n<span>kept</span>\n');
    expect(r.body).toBe('```html title="script of the source page"\n<script setup>\nimport { ref } from "vue"\n</script>\n```\n\nRun `x` on \\<iface> and \\<AlertName>.\n\n<span>kept</span>\n');
  });

  it('keeps mdBook directives outside code as code; inside code they stay as they are', () => {
    const r = convertGeneratorSyntax('See {{#include ../x.rs}} here.\n\n```rust\n{{#rustdoc_include ../listings/a.rs}}\n```\n');
    expect(r.body).toBe('See `{{#include ../x.rs}}` here.\n\n```rust\n{{#rustdoc_include ../listings/a.rs}}\n```\n');
  });
});

const SETTINGS: LinkSettings = { rootName: 'docs', files: new Set(['img/a.png', 'guide/diagram.svg', 'files/manual.pdf']), publicPrefix: '/adopted/runbooks/docs/', base: '/' };

/** Pages as adopt makes them, at /runbooks/docs/<path>/. */
function folder(files: Record<string, string>, settings = SETTINGS) {
  const pages: FolderPage[] = Object.entries(files).map(([relPath, source], index) => {
    const page = adoptPage({ relPath, origin: `docs/${relPath}`, rootName: 'docs', source, index }, { kind: 'guideline', owners: ['aoki'], today: '2026-11-24' });
    const slug = page.targetPath.replace(/\.md$/, '').replace(/(^|\/)index$/, '').toLowerCase();
    return { relPath, targetPath: page.targetPath, route: `/runbooks/docs/${slug}${slug ? '/' : ''}`, text: page.text, aliases: page.aliases, titleHeading: page.titleHeading };
  });
  const index = new FolderIndex(pages, settings);
  return (relPath: string) => {
    const page = pages.find((p) => p.relPath === relPath)!;
    const r = rewritePageLinks(page, index, settings);
    return { ...r, body: r.text.slice(r.text.indexOf('\n---\n') + 5) };
  };
}

describe('rewritePageLinks', () => {
  it('points VitePress extensionless site-absolute links at the adopted page, mapping {#id} anchors', () => {
    const links = folder({
      'guide/a.md': '# A\n\nSee [computed](/guide/essentials/computed#writable-computed) and [top](/guide/essentials/computed).\n',
      'guide/essentials/computed.md': '# 算出プロパティ {#computed-properties}\n\n## 書き込み可能 {#writable-computed}\n',
    });
    const r = links('guide/a.md');
    expect(r.body).toBe('\nSee [computed](/runbooks/docs/guide/essentials/computed/#書き込み可能) and [top](/runbooks/docs/guide/essentials/computed/).\n');
    expect(r.rewritten).toBe(2);
    expect(r.needsHuman).toEqual([]);
  });

  it("maps mdBook's chapter.html#english-anchor and reference definitions to the translated heading", () => {
    const links = folder({
      'ch01.md': '## はじめに\n\n[インストール][installation]を見てください。[所有権](ch04.html#what-is-ownership)\n\n[installation]: ch02.html#installation\n',
      'ch02.md': '## 入門\n\n<!--\n### Installation\n-->\n\n### インストール\n',
      'ch04.md': '<!--\n## What Is Ownership?\n-->\n\n## 所有権とは？\n\n本文\n',
    });
    const r = links('ch01.md');
    // What Is Ownership? was ch04's title: it is the page's h1 now, so the link goes to the page.
    expect(r.body).toBe('\n[インストール][installation]を見てください。[所有権](/runbooks/docs/ch04/)\n\n[installation]: /runbooks/docs/ch02/#インストール\n');
    expect(r.rewritten).toBe(2);
  });

  it('keeps a relative .md link that still names the same file, and maps Hugo-style ../x/ page-URL links', () => {
    const links = folder({
      'node/a.md': '# A\n\n[B](./b.md) [B again](../b/#impact) [C](c)\n',
      'node/b.md': '# B\n\n## Impact\n',
      'node/c.md': '# C\n',
    });
    expect(links('node/a.md').body).toBe('\n[B](./b.md) [B again](/runbooks/docs/node/b/#impact) [C](/runbooks/docs/node/c/)\n');
  });

  it('finds site-absolute links written from the generator\'s content root inside the folder (Hugo content/)', () => {
    const links = folder({ 'content/_index.md': '# Welcome\n\nSee [add](/docs/add-runbook).\n', 'content/docs/add-runbook.md': '# Add\n' });
    expect(links('content/_index.md').body).toBe('\nSee [add](/runbooks/docs/content/docs/add-runbook/).\n');
  });

  it('GitHub wiki links lead to the wiki pages, and a link to a Hugo draft (not published) is written as text', () => {
    const links = folder({ 'Home.md': '# Home\n\n[[Disk Full]] and [[Old|Old page]]\n', 'Disk-Full.md': '# Disk Full\n', 'Old-page.md': '---\ndraft: true\n---\n# Old\n' });
    const r = links('Home.md');
    expect(r.body).toBe('\n[Disk Full](/runbooks/docs/disk-full/) and Old\n');
    expect(r.needsHuman).toEqual(['line 10: link target "/Old-page" is a draft, which is not published: written as text']);
  });

  it('keeps shown images beside the page and serves linked files from public/, relative to the source file', () => {
    const links = folder({
      'guide/x.md': '# X\n\n![shot](../img/a.png) [diagram](./diagram.svg) [manual](/files/manual.pdf)\n',
    });
    const r = links('guide/x.md');
    expect(r.body).toBe('\n![shot](../img/a.png) [diagram](/adopted/runbooks/docs/guide/diagram.svg) [manual](/adopted/runbooks/docs/files/manual.pdf)\n');
    expect(r.assets).toEqual([
      { file: 'img/a.png', place: 'page' },
      { file: 'guide/diagram.svg', place: 'public' },
      { file: 'files/manual.pdf', place: 'public' },
    ]);
  });

  it('writes a link, image or reference whose target exists nowhere as text, and reports it with the line', () => {
    const links = folder({
      'a.md': '# A\n\n[union][u] and [std](../std/index.html).\n\n![ferris](img/ferris.svg)\n\n<img alt="メモリ" src="img/trpl04-01.svg" class="center" />\n\n[u]: ../reference/unions.html\n',
    });
    const r = links('a.md');
    expect(r.body).toBe('\nunion and std.\n\nferris (`img/ferris.svg`)\n\nメモリ\n\n\n');
    expect(r.needsHuman).toEqual([
      'line 10: link target "../std/index.html" is not in the source folder: written as text',
      'line 12: image target "img/ferris.svg" is not in the source folder: written as text',
      'line 14: image target "img/trpl04-01.svg" is not in the source folder: image replaced by its alt text',
      'line 16: reference [u] target "../reference/unions.html" is not in the source folder: its uses are written as text',
    ]);
  });

  it('keeps a link to a page whose anchor names no heading, without the anchor, and says so', () => {
    const links = folder({ 'a.md': '# A\n\n[b](b.md#gone) [self](#nowhere)\n', 'b.md': '# B\n' });
    const r = links('a.md');
    expect(r.body).toBe('\n[b](/runbooks/docs/b/) [self](#)\n');
    expect(r.needsHuman).toEqual([
      'line 10: anchor "#gone" names no heading on b.md: linked to the page',
      'line 10: anchor "#nowhere" names no heading on this page: link kept without it',
    ]);
  });

  it('rewrites raw HTML links relative to the page URL (works under any base and locale)', () => {
    const links = folder({ 'guide/a.md': '# A\n\n<a href="/guide/b#x">b</a>\n', 'guide/b.md': '# B\n\n## X\n' });
    expect(links('guide/a.md').body).toBe('\n<a href="../b/#x">b</a>\n');
  });

  it('lists mdBook includes kept as code with their line', () => {
    const links = folder({ 'ch02.md': '## 入門\n\n```rust\n{{#rustdoc_include ../listings/a/src/main.rs:here}}\n```\n' });
    expect(links('ch02.md').needsHuman).toEqual(['line 11: mdBook {{#rustdoc_include}} kept as code: ../listings/a/src/main.rs is not in the source folder']);
  });
});

/**
 * The readable text of a Markdown source and of a built page, to check that nothing written
 * in one is missing from the other. Both sides are compared without whitespace (Japanese prose
 * is hard-wrapped mid-sentence) and without the characters typography changes (quotes, dashes).
 */
import { Parser } from 'htmlparser2';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { Nodes, Root } from 'mdast';

/**
 * Without whitespace and typography; `<placeholder>` text (which adopt keeps visible and the
 * source's parser reads as a tag) is left out on both sides.
 */
export const normalize = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/<[A-Za-z][\w.:-]*>/g, '')
    .replace(/[\s"'“”‘’„«»–—―…‐-]/g, '')
    .replace(/\.{2,}/g, '');

/** Sentences of the prose outside code, raw HTML and comments, each as written in the source. */
export function sourceSentences(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).parse(markdown) as Root;
  const blocks: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') return SKIP;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(toString(node, { includeHtml: false, includeImageAlt: false }));
      return SKIP;
    }
    return undefined;
  });
  return blocks
    .map((b) =>
      b
        // Generator syntax that adopt converts on purpose: Hugo shortcodes (a link whose target is one
        // is no link in Markdown, so it is text here), heading ids, container markers.
        .replace(/\[([^\]]*)\]\([^)]*\{\{[<%][^)]*\)/g, '$1')
        .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '')
        .replace(/\s*\{:?\s*#[^\s}]+[^}]*\}\s*$/, '')
        .replace(/^:::+.*$/gm, ''),
    )
    .flatMap((b) => b.split(/(?<=[。！？!?])|(?<=[.:;])\s+/))
    .map((s) => s.trim())
    .filter((s) => normalize(s).length > 0);
}

/** Sentences written only inside HTML comments of the source (mdBook's English originals). */
export function commentSentences(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).parse(markdown) as Root;
  const out: string[] = [];
  visit(tree, 'html', (node) => {
    for (const m of node.value.matchAll(/<!--([\s\S]*?)-->/g)) out.push(...m[1].split(/(?<=[.!?])\s+/).map((s) => s.trim()));
  });
  return out;
}

/** Text of a built page as a reader sees it: no tags, comments, scripts or styles; entities decoded. */
export function htmlText(html: string): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style' || name === 'template') hidden++;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'template') hidden--;
      },
      ontext(data) {
        if (!hidden) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}

/** `href`/`src` of links and images inside the page's Markdown content (Starlight's `.sl-markdown-content`). */
export function contentUrls(html: string): { tag: string; url: string }[] {
  const start = html.indexOf('sl-markdown-content');
  const part = start === -1 ? html : html.slice(start);
  const urls: { tag: string; url: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'a' && attrs.href !== undefined) urls.push({ tag: 'a', url: attrs.href });
        if ((name === 'img' || name === 'source') && attrs.src) urls.push({ tag: name, url: attrs.src });
      },
    },
    { decodeEntities: true },
  );
  parser.write(part);
  parser.end();
  return urls;
}

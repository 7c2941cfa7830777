/**
 * What search indexes of a built page, read from its HTML the way Pagefind reads it: only pages
 * whose `<main>` carries `data-pagefind-body` (Starlight sets it unless a page says
 * `pagefind: false`; our routes index only the Japanese UI copy), the text inside it minus the
 * elements marked `data-pagefind-ignore` (the page's owners and review dates, the facts tables,
 * heading-anchor labels). The title is the page's `<h1>`; headings h2-h6 are kept apart for ranking.
 * Inside an ignored block, an element marked `data-search-keyword` (a runbook's alert names) is
 * still found: it counts like a heading, and is never an excerpt.
 * htmlparser2 tokenizes like a browser, so the text is what a reader sees.
 */
import { Parser } from 'htmlparser2';
import type { SearchDoc } from './index-format.ts';

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCK = /^(p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|pre|blockquote|section|article|aside|h[1-6]|figure|figcaption|details|summary|br|hr)$/;

/** NFKC and whitespace folded: the stored form, so that offsets hold between text and its lower case. */
export const storedText = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The attribute of an indexed page's `<main>`: a page without it is not indexed. */
export const INDEXED_MARKER = 'data-pagefind-body';

/** The indexed part of one built page, or null when the page is not indexed. */
export function extractPage(html: string, url: string): SearchDoc | null {
  // Most built pages are not indexed (the English UI's copies, index pages): skip their parse.
  if (!html.includes(INDEXED_MARKER)) return null;
  let inBody = 0; // depth inside main[data-pagefind-body]; 0: outside
  let found = false;
  let ignore = 0; // depth inside an ignored or skipped element
  let heading: string[] | null = null;
  let keyword: string[] | null = null;
  let keywordDepth = 0;
  let h1: string[] | null = null;
  let title = '';
  let outerTitle = '';
  let h1InBody = false;
  const headings: string[] = [];
  const body: string[] = [];
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (VOID.has(name)) {
          if (inBody && !ignore && name === 'br') body.push(' ');
          return;
        }
        stack.push(name);
        if (!inBody) {
          if (name === 'main' && 'data-pagefind-body' in attrs) {
            inBody = stack.length;
            found = true;
          } else if (name === 'h1' && !outerTitle) {
            h1 = [];
            h1InBody = false;
          }
          return;
        }
        if ('data-search-keyword' in attrs && !keyword) {
          keyword = [];
          keywordDepth = stack.length;
        }
        if (ignore || 'data-pagefind-ignore' in attrs || SKIP.has(name)) {
          ignore ||= stack.length;
          return;
        }
        if (/^h[2-6]$/.test(name)) heading = [];
        else if (name === 'h1' && !title) {
          h1 = [];
          h1InBody = true;
        }
        if (BLOCK.test(name)) body.push(' ');
      },
      ontext(text) {
        if (h1 && !ignore) h1.push(text);
        if (keyword) keyword.push(text);
        if (!inBody || ignore) return;
        if (heading) heading.push(text);
        else if (!h1) body.push(text);
      },
      onclosetag(name, implied) {
        if (VOID.has(name) && !implied) return;
        if (VOID.has(name)) return;
        const depth = stack.length;
        stack.pop();
        if (keyword && keywordDepth === depth) {
          const text = storedText(keyword.join(''));
          if (text) headings.push(text);
          keyword = null;
        }
        if (ignore === depth) ignore = 0;
        if (inBody === depth) inBody = 0;
        if (name === 'h1' && h1) {
          if (h1InBody) title = storedText(h1.join(''));
          else outerTitle = storedText(h1.join(''));
          h1 = null;
        }
        if (heading && /^h[2-6]$/.test(name)) {
          const text = storedText(heading.join(''));
          if (text) headings.push(text);
          body.push(' ');
          heading = null;
        } else if (inBody && BLOCK.test(name)) body.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (!found) return null;
  return { url, title: title || outerTitle, headings: [...new Set(headings)], body: storedText(body.join('')) };
}

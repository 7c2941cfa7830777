/**
 * Order of the pages that hold the exact phrase: in the title before in a heading before only in
 * the text; then more occurrences for the page's length (a short page about the word before a
 * long page that mentions it once).
 */
import { phraseForm } from './segment.ts';

export type Place = 'title' | 'heading' | 'body';
const PLACE_ORDER: Record<Place, number> = { title: 0, heading: 1, body: 2 };

export interface PageText {
  title: string;
  headings: string[];
  body: string;
}

export interface ExactHit {
  place: Place;
  /** Occurrences in title, headings and text. */
  count: number;
  /** Characters of the page's text. */
  length: number;
}

export function countOf(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Where the exact phrase occurs in a page, or null when it does not. */
export function locate(phrase: string, page: PageText): ExactHit | null {
  const p = phraseForm(phrase);
  if (!p) return null;
  const title = countOf(phraseForm(page.title), p);
  const heading = page.headings.reduce((n, h) => n + countOf(phraseForm(h), p), 0);
  const body = countOf(phraseForm(page.body), p);
  if (title + heading + body === 0) return null;
  return { place: title ? 'title' : heading ? 'heading' : 'body', count: title + heading + body, length: page.body.length };
}

/** Occurrences per 1,000 characters, damped so that length decides only between close pages. */
export function density(hit: Pick<ExactHit, 'count' | 'length'>): number {
  return hit.count / Math.log2(2 + hit.length / 1000);
}

export function compareExact(a: ExactHit, b: ExactHit): number {
  return PLACE_ORDER[a.place] - PLACE_ORDER[b.place] || density(b) - density(a) || a.length - b.length;
}

/**
 * The excerpt under a result: a window of the page's text around the first exact hit (or the
 * first hit of a part of the query), with the hits marked. It returns plain parts; the browser
 * builds the <mark> elements with textContent, so page text can never become markup.
 */
import { runs, terms } from './segment.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Characters before and after the hit. */
const BEFORE = 30;
const LENGTH = 110;

function findAll(lower: string, needles: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const n of needles) {
    if (!n) continue;
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) spans.push([i, i + n.length]);
  }
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  return merged;
}

export function excerpt(text: string, query: string): ExcerptPart[] {
  // Index text is NFKC with whitespace folded already; lower-casing keeps offsets for it.
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const phrase = query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const exact = same ? findAll(lower, [phrase]) : [];
  // No exact hit: the query's words and Japanese runs, else its bigrams (parts of a compound).
  const whole = same && !exact.length ? findAll(lower, runs(query)) : [];
  const parts = whole.length || !same || exact.length ? whole : findAll(lower, terms(query).filter((t) => t.length > 1));
  const anchor = exact[0] ?? parts[0];
  let start = anchor ? Math.max(0, anchor[0] - BEFORE) : 0;
  // Start at a sentence or word boundary when one is near.
  if (start > 0) {
    const cut = text.slice(start, anchor![0]).search(/[。．、，,.!?！？\s]/);
    if (cut >= 0 && start + cut + 1 <= anchor![0]) start += cut + 1;
  }
  const end = Math.min(text.length, start + LENGTH);
  const marks = (exact.length ? exact : parts).filter(([s, e]) => e > start && s < end);
  const out: ExcerptPart[] = [];
  let at = start;
  for (const [s, e] of marks) {
    const from = Math.max(s, start);
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(from, Math.min(e, end)), mark: true });
    at = Math.min(e, end);
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: false });
  if (start > 0) out.unshift({ text: '…', mark: false });
  if (end < text.length) out.push({ text: '…', mark: false });
  return out;
}

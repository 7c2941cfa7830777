/**
 * Text similarity that works for Japanese (no spaces between words) and English alike:
 * character bigrams of the normalised text, compared with the Dice coefficient.
 *
 * Normalisation: NFKC (full-width ａ１ → a1, half-width ｶﾅ → カナ), lower case, details in
 * brackets dropped (「夜間の呼び出しが多い（9 月は 11 件）」 keeps only the sentence), then the
 * text is cut at whitespace, punctuation and symbols. Bigrams never span a cut, so English
 * words do not glue together, while a Japanese sentence stays one run.
 */

/** Brackets whose content is a detail (counts, dates, names), not the problem itself. */
const DETAIL = /[（(［\[【][^）)］\]】]*[）)］\]】]/g;
const SEPARATORS = /[\p{White_Space}\p{P}\p{S}]+/u;
/**
 * Hiragana carries particles and endings (の, が, すぎる, ている), which every sentence has.
 * A bigram counts 1 when both characters are content (kanji, katakana, Latin, digits), 1/2 when
 * one is hiragana (が多, 出し) and 1/4 when both are (すぎ, ている), so 「アラートが多すぎる」 and
 * 「会議が多すぎる」 are not the same problem just because both are "too many".
 */
const HIRAGANA = /^\p{Script=Hiragana}$/u;
function weight(gram: string): number {
  const kana = [...gram].filter((c) => HIRAGANA.test(c)).length;
  return kana === 0 ? 1 : kana === 1 && gram.length > 1 ? 0.5 : 0.25;
}

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DETAIL, ' ').trim();
}

/** Bigram multiset of a text, as n-gram -> weight. A one-character run counts as itself. */
export function ngrams(text: string, n = 2): Map<string, number> {
  const grams = new Map<string, number>();
  for (const run of normalizeText(text).split(SEPARATORS)) {
    const chars = [...run];
    if (chars.length === 0) continue;
    const list = chars.length < n ? [run] : chars.slice(0, chars.length - n + 1).map((_, i) => chars.slice(i, i + n).join(''));
    for (const g of list) grams.set(g, (grams.get(g) ?? 0) + weight(g));
  }
  return grams;
}

/** Weighted Dice coefficient of two n-gram bags: 1 for the same text, 0 for nothing shared. */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const w of a.values()) total += w;
  for (const w of b.values()) total += w;
  if (total === 0) return 0;
  for (const [g, w] of a) {
    const v = b.get(g);
    if (v !== undefined) shared += Math.min(w, v);
  }
  return (2 * shared) / total;
}

export function similarity(a: string, b: string): number {
  return dice(ngrams(a), ngrams(b));
}

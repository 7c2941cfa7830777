/**
 * How search splits text into terms, the same on both sides: the index is built with these
 * functions at build time and the browser splits the query with them, so a Japanese word is
 * looked up exactly as it was stored (Pagefind's index and browser split Japanese differently).
 *
 * Japanese has no spaces, so runs of Japanese script become character bigrams (a one-character
 * run stays one character): every word inside a sentence is found by the bigrams it is made of,
 * and the exact text is verified afterwards (engine.ts). Latin letters and digits become words;
 * camelCase alert names (CloudSQLInstanceDown) give their parts as well as the whole name.
 */

/** NFKC (full-width letters, half-width katakana) and lower case: how text is compared everywhere. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Han (with 々 〆), hiragana, katakana (with the prolonged sound mark ー): one Japanese run.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]/u;
const WORD = /[\p{L}\p{N}]/u;
// A word is letters and digits of other scripts: Japanese letters are \p{L} too, and must end it
// ("Arcをクローン" is "arc" then a Japanese run).
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー])[\p{L}\p{N}])+/gu;

/** Runs of Japanese script or of letters and digits, normalised; anything else separates. */
export function runs(text: string): string[] {
  return [...normalise(text).matchAll(RUN)].map((m) => m[0]);
}

/** The bigrams of a Japanese run; a run of one character is its own term. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** CloudSQLInstanceDown -> Cloud, SQL, Instance, Down; kube_pod_crash -> kube, pod, crash (as written). */
export function camelParts(word: string): string[] {
  return word.match(/\p{Lu}+(?![\p{Ll}])|\p{Lu}?\p{Ll}+|\p{N}+|\p{L}+/gu) ?? [word];
}

/**
 * Terms of a text, in order, with repeats: what the index stores for a page and what a query
 * looks up. Words keep the whole token and add their camelCase parts.
 */
export function terms(text: string): string[] {
  const nfkc = text.normalize('NFKC');
  const out: string[] = [];
  for (const m of nfkc.matchAll(RUN)) {
    const raw = m[0];
    if (CJK.test(raw[0])) {
      out.push(...bigrams(raw.toLowerCase()));
      continue;
    }
    out.push(raw.toLowerCase());
    const parts = camelParts(raw);
    if (parts.length > 1) for (const p of parts) out.push(p.toLowerCase());
  }
  return out;
}

/** Distinct terms, first-seen order. */
export function uniqueTerms(text: string): string[] {
  return [...new Set(terms(text))];
}

export const isWordTerm = (term: string) => WORD.test(term[0]) && !CJK.test(term[0]);

/** Whitespace folded to one space, normalised: the form in which exact phrases are compared. */
export function phraseForm(text: string): string {
  return normalise(text).replace(/\s+/g, ' ').trim();
}

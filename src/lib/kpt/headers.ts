/**
 * Is this frame title, column header or tag a Keep, a Problem or a Try? Titles come decorated
 * (`Keep（続けること）`, `KEEP 👍`, `Ｐｒｏｂｌｅｍ：問題`, `【Try】次に試すこと`), so the match
 * normalizes width and case (NFKC), drops emoji, brackets and what they hold, and compares the
 * leading word, or the whole label, with the header words.
 */
import { KPT_KINDS } from '../content/schema.ts';

export type KptKind = (typeof KPT_KINDS)[number];
export type HeaderWords = Record<KptKind, readonly string[]>;

export const DEFAULT_HEADER_WORDS: HeaderWords = {
  keep: ['keep', 'keeps', 'キープ', '続けること', '続けたいこと', '良かったこと', 'よかったこと', 'good'],
  problem: ['problem', 'problems', 'プロブレム', '問題', '問題点', '課題', '困ったこと', 'bad'],
  try: ['try', 'tries', 'トライ', '次に試すこと', '試すこと', '試したいこと', 'やってみること', 'next action', 'next actions', 'action items', 'アクション'],
};

/** Single letters count only on a board that has all three as headers (frames or columns). */
const LETTERS: Record<string, KptKind> = { k: 'keep', p: 'problem', t: 'try' };

export function normalizeLabel(label: string): string {
  return (
    label
      .normalize('NFKC')
      .toLowerCase()
      // Bracketed glosses: Keep（続けること） -> keep. NFKC has turned （） into ().
      .replace(/\(([^)]*)\)|\[([^\]]*)\]|【([^】]*)】|「([^」]*)」|『([^』]*)』|〈([^〉]*)〉|《([^》]*)》/g, (m) => `\u0000${m.slice(1, -1)}\u0000`)
      .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]/gu, ' ')
      .replace(/[^\p{L}\p{N}\u0000]+/gu, ' ')
      .trim()
  );
}

function candidates(label: string): string[] {
  const norm = normalizeLabel(label);
  // Outside the brackets first (Keep（続けること）), then inside them (【Try】次に試すこと).
  const outside = norm.replace(/\u0000[^\u0000]*\u0000/g, ' ').replace(/\s+/g, ' ').trim();
  const inside = [...norm.matchAll(/\u0000([^\u0000]*)\u0000/g)].map((m) => m[1].replace(/\s+/g, ' ').trim());
  const out: string[] = [];
  for (const text of [outside, ...inside]) {
    if (!text) continue;
    out.push(text);
    // A decorated header is short (`KEEP 良かったこと`); a sentence that starts with "Try" is not one.
    const words = text.split(' ');
    if (words.length > 1 && words.length <= 4) out.push(words[0], words.slice(0, 2).join(' '));
  }
  return out;
}

export interface HeaderMatcher {
  /** The kind a label names, or undefined. `letters` also accepts a bare K / P / T. */
  match(label: string, letters?: boolean): KptKind | undefined;
}

export function headerMatcher(words: HeaderWords = DEFAULT_HEADER_WORDS): HeaderMatcher {
  const table = new Map<string, KptKind>();
  for (const kind of KPT_KINDS) {
    for (const word of words[kind]) {
      const key = normalizeLabel(word).replace(/\u0000/g, '').replace(/\s+/g, ' ').trim();
      if (key && !table.has(key)) table.set(key, kind);
    }
  }
  return {
    match(label, letters = false) {
      if (!label) return undefined;
      for (const c of candidates(label)) {
        const kind = table.get(c) ?? (letters ? LETTERS[c] : undefined);
        if (kind) return kind;
      }
      return undefined;
    },
  };
}

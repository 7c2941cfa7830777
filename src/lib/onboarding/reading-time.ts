/**
 * How long a page takes to read, from its Markdown/MDX source. Japanese has no spaces between
 * words, so it is measured in characters; English and other Latin text in words; code in lines.
 * A page mixing the three (most of ours: Japanese prose, English product names, shell commands)
 * simply adds them up.
 */
import { bodyOf } from '../content/front-matter.ts';

/** Japanese prose: about 500 characters a minute (kana and kanji; punctuation not counted). */
export const JA_CHARS_PER_MINUTE = 500;
/** English prose: about 230 words a minute (the middle of the usual 200–250). */
export const EN_WORDS_PER_MINUTE = 230;
/** Code blocks are read line by line, slower than prose: about 20 lines a minute. */
export const CODE_LINES_PER_MINUTE = 20;

export interface ReadingTime {
  /** Whole minutes, rounded up, at least 1. */
  minutes: number;
  /** Kanji, hiragana, katakana (and hangul) outside code blocks. */
  cjkChars: number;
  /** Words of Latin (and other space-separated) script outside code blocks; numbers count as words. */
  words: number;
  /** Non-blank lines inside fenced code blocks. */
  codeLines: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\uFF66-\uFF9F]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.\-_][\p{L}\p{N}]+)*/gu;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits a source into prose (with Markdown/MDX syntax removed) and the number of code lines. */
export function proseOf(source: string): { prose: string; codeLines: number } {
  // Front matter (after a BOM too), when the body still has it.
  const text = bodyOf(source);
  const kept: string[] = [];
  let codeLines = 0;
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (fence) {
      // A fence closes with at least as many of the same character, and nothing else.
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1]) {
        fence = undefined;
      } else if (line.trim() !== '') {
        codeLines++;
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    // MDX module lines and link reference definitions are not read.
    if (/^(import|export)\s/.test(line) || /^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue;
    // Table delimiter rows (| --- | :---: |).
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue;
    kept.push(line);
  }
  const prose = kept
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    // Images: the alt text is what a reader takes in.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Links: keep the text, drop the target.
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    // Autolinks and bare URLs are skimmed, not read.
    .replace(/<(?:https?:|mailto:)[^>\s]+>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    // HTML and JSX tags (their text content stays).
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  return { prose, codeLines };
}

/** Counts what a reader reads in a Markdown/MDX source. */
export function readingTime(source: string): ReadingTime {
  const { prose, codeLines } = proseOf(source);
  const cjkChars = prose.match(CJK)?.length ?? 0;
  const words = prose.replace(CJK, ' ').match(WORD)?.length ?? 0;
  const exact = cjkChars / JA_CHARS_PER_MINUTE + words / EN_WORDS_PER_MINUTE + codeLines / CODE_LINES_PER_MINUTE;
  // The epsilon keeps 500 characters at exactly one minute despite floating point.
  return { minutes: Math.max(1, Math.ceil(exact - 1e-9)), cjkChars, words, codeLines };
}

/** Whole minutes to read a Markdown/MDX source (rounded up, at least 1). */
export function readingMinutes(source: string): number {
  return readingTime(source).minutes;
}

export { formatMinutes } from './format-minutes.ts';

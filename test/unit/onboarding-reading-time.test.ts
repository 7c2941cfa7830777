import { describe, expect, it } from 'vitest';
import { formatMinutes, proseOf, readingMinutes, readingTime } from '../../src/lib/onboarding/reading-time.ts';

const ja = (n: number) => 'あ'.repeat(n);
const en = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('reading time of Japanese text (no spaces: counted in characters, ~500 a minute)', () => {
  it('counts kana and kanji one by one, though there is no space between words', () => {
    const r = readingTime('障害対応の最初の十五分でやることを決めておきます。');
    // 障害対応(4) の(1) 最初(2) の(1) 十五分(3) で(1) やること(4) を(1) 決めておきます(7); 。 is punctuation.
    expect(r.cjkChars).toBe(24);
    expect(r.words).toBe(0);
  });

  it('500 characters are one minute, 501 round up to two', () => {
    expect(readingMinutes(ja(500))).toBe(1);
    expect(readingMinutes(ja(501))).toBe(2);
    expect(readingMinutes(ja(2500))).toBe(5);
  });

  it('a long Japanese paragraph without any space is not read as a single word', () => {
    const r = readingTime(ja(3000));
    expect(r.words).toBe(0);
    expect(r.minutes).toBe(6);
  });

  it('counts katakana with the long vowel mark, and half-width katakana', () => {
    expect(readingTime('データベース').cjkChars).toBe(6);
    expect(readingTime('ﾃﾞｰﾀ').cjkChars).toBe(4);
  });

  it('does not count Japanese punctuation and brackets as characters read', () => {
    expect(readingTime('「」、。・（）').cjkChars).toBe(0);
  });
});

describe('reading time of English text (counted in words, ~230 a minute)', () => {
  it('230 words are one minute, 231 are two, 1150 are five', () => {
    expect(readingMinutes(en(230))).toBe(1);
    expect(readingMinutes(en(231))).toBe(2);
    expect(readingMinutes(en(1150))).toBe(5);
  });

  it('keeps hyphenated names and versions as one word each', () => {
    expect(readingTime("acme-prod-main can't fail over to v1.2.3 twice").words).toBe(7);
  });
});

describe('mixed and Markdown text', () => {
  it('adds Japanese characters and English words of the same text', () => {
    // 250 characters (half a minute) + 115 words (half a minute) = exactly one minute.
    expect(readingTime(`${ja(250)} ${en(115)}`)).toMatchObject({ cjkChars: 250, words: 115, minutes: 1 });
    expect(readingMinutes(`${ja(251)} ${en(115)}`)).toBe(2);
  });

  it('counts English product names inside Japanese sentences as words', () => {
    const r = readingTime('Cloud SQL のフェイルオーバーは IC の判断で行います');
    expect(r.words).toBe(3); // Cloud, SQL, IC
    expect(r.cjkChars).toBe(18); // のフェイルオーバーは(10) の判断で行います(8)
  });

  it('skips front matter', () => {
    const r = readingTime(`---\ntitle: ${ja(2000)}\nowners: [aoki]\n---\n本文`);
    expect(r.cjkChars).toBe(2);
  });

  it('skips front matter after a BOM and with CRLF line ends', () => {
    expect(readingTime(`\uFEFF---\r\ntitle: ${ja(2000)}\r\n---\r\n本文`).cjkChars).toBe(2);
  });

  it('counts code blocks in lines (20 a minute), not as prose', () => {
    const code = Array.from({ length: 40 }, (_, i) => `gcloud sql instances describe db-${i} --project acme`).join('\n');
    const r = readingTime(`手順\n\n\`\`\`bash\n${code}\n\n\`\`\`\n`);
    expect(r).toMatchObject({ codeLines: 40, words: 0, cjkChars: 2, minutes: 3 });
  });

  it('handles ~~~ fences, longer fences and an unclosed fence', () => {
    expect(readingTime('~~~\na\nb\n~~~\n本文').codeLines).toBe(2);
    expect(readingTime('````md\n```\ninner\n```\n````\n後').codeLines).toBe(3);
    expect(readingTime('前\n```\nnever closed\nstill code')).toMatchObject({ codeLines: 2, cjkChars: 1 });
  });

  it('reads link text, not link targets, and skips bare URLs', () => {
    const r = readingTime('[ランブック](/runbooks/cloud-sql-failover/) と https://example.com/a/b/c を見る');
    expect(r.words).toBe(0);
    expect(r.cjkChars).toBe(9); // ランブック(5) と(1) を(1) 見る(2)
  });

  it('skips MDX imports, JSX tags, HTML comments and table delimiter rows', () => {
    const source = [
      "import Aside from '../components/Aside.astro';",
      '<Aside type="caution">注意</Aside>',
      '<!-- hidden comment words here -->',
      '{/* mdx comment words */}',
      '| 項目 | 値 |',
      '| --- | :---: |',
    ].join('\n');
    const r = readingTime(source);
    expect(r).toMatchObject({ cjkChars: 5, words: 0 });
    expect(proseOf(source).prose).not.toMatch(/import|Aside|---/);
  });

  it('keeps the words inside inline code', () => {
    expect(readingTime('`terraform force-unlock` を実行').words).toBe(2);
  });

  it('an empty page still takes a minute to open and look at', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('---\ntitle: x\n---\n')).toBe(1);
  });
});

describe('formatMinutes', () => {
  it('shows minutes, and hours with minutes from 60 on', () => {
    expect(formatMinutes(7, 'ja')).toBe('7 分');
    expect(formatMinutes(60, 'ja')).toBe('1 時間');
    expect(formatMinutes(113, 'ja')).toBe('1 時間 53 分');
    expect(formatMinutes(7, 'en')).toBe('7 min');
    expect(formatMinutes(125, 'en')).toBe('2 h 5 min');
  });
});

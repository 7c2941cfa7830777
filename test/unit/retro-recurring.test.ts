import { describe, expect, it } from 'vitest';
import { ngrams, normalizeText, similarity } from '../../src/lib/retro/similarity.ts';
import { RECURRING_THRESHOLD, RecurringProblems } from '../../src/lib/retro/recurring.ts';
import type { RetroInput } from '../../src/lib/retro/history.ts';
import { series } from '../support/retro-series.ts';

describe('text normalisation and bigrams', () => {
  it('folds full-width and half-width forms and case, and drops bracketed details', () => {
    expect(normalizeText('ＧＫＥ のﾉｰﾄﾞが落ちる（9 月は 3 回）')).toBe('gke のノードが落ちる');
    expect(normalizeText('Deploys (on Fridays) are SLOW')).toBe('deploys   are slow');
  });

  it('never makes a bigram across spaces or punctuation', () => {
    expect([...ngrams('CI is slow').keys()]).toEqual(['ci', 'is', 'sl', 'lo', 'ow']);
    expect([...ngrams('遅い、重い').keys()]).toEqual(['遅い', '重い']);
  });

  it('weighs bigrams made of hiragana (particles, endings) less than content characters', () => {
    const g = ngrams('夜間のアラート');
    expect(g.get('夜間')).toBe(1);
    expect(g.get('間の')).toBe(0.5);
    expect(ngrams('している').get('てい')).toBe(0.25);
  });

  it('scores a text against itself 1 and against nothing in common 0', () => {
    expect(similarity('夜間のオンコール呼び出しが多い', '夜間のオンコール呼び出しが多い')).toBe(1);
    expect(similarity('レビューが遅い', 'Terraform apply fails')).toBe(0);
    expect(similarity('', '')).toBe(0);
  });
});

// Pairs from real retros: [a, b, same problem?]
const PAIRS: [string, string, boolean][] = [
  ['夜間のオンコール呼び出しが多い', 'オンコールの夜間呼び出しが多すぎる', true],
  ['夜間のオンコール呼び出しが多い（9 月は 11 件、うち 6 件は対応不要だった）', 'オンコールの夜間呼び出しが多すぎる', true],
  ['ステージング環境のコストが毎月増えている', 'ステージングのコストが増え続けている', true],
  ['Too many pages at night', 'Too many night-time pages for the on-call', true],
  ['ＲｅｄａｓｈのＷｏｒｋｅｒがよく止まる', 'Redash の worker がよく止まる', true],
  ['オンコールの夜間呼び出しが多すぎる', 'オンコールの引き継ぎが口頭だけで漏れがある', false],
  ['アラートが多すぎる', '会議が多すぎる', false],
  ['夜間のオンコール呼び出しが多い', '夜間バッチの失敗に朝まで気づかない', false],
  ['夜間のオンコール呼び出しが多い', 'レビュー待ちのプルリクエストが多い', false],
  ['レビュー待ちのプルリクエストが多い', 'レビュー期限を過ぎたページが増えていて、トイルの章は 1 年以上見直されていない', false],
  ['Terraform の state ロックが残ってデプロイが止まった', 'Redash を分かる人が一人しかいない', false],
  ['Deploys are slow on Fridays', 'Too many pages at night', false],
];

describe(`problem similarity against the threshold (${RECURRING_THRESHOLD})`, () => {
  for (const [a, b, same] of PAIRS) {
    it(`${same ? 'groups' : 'keeps apart'} 「${a}」 and 「${b}」`, () => {
      const s = similarity(a, b);
      if (same) expect(s).toBeGreaterThanOrEqual(RECURRING_THRESHOLD);
      else expect(s).toBeLessThan(RECURRING_THRESHOLD);
      expect(similarity(b, a)).toBe(s);
    });
  }

  it('scores the two phrasings from the issue 0.725 and unrelated on-call problems at most 0.42', () => {
    expect(similarity('夜間のオンコール呼び出しが多い', 'オンコールの夜間呼び出しが多すぎる')).toBeCloseTo(0.725, 3);
    expect(similarity('オンコールの夜間呼び出しが多すぎる', 'オンコールの引き継ぎが口頭だけで漏れがある')).toBeLessThan(0.43);
  });
});

describe('recurring problems across a series of retros', () => {
  const recurring = new RecurringProblems(series());

  it('groups a Japanese problem that comes back phrased differently', () => {
    const night = recurring.groups.find((g) => g.occurrences.some((o) => o.text.startsWith('夜間のオンコール')))!;
    expect(night.occurrences.map((o) => [o.retro.date, o.text])).toEqual([
      ['2026-08-19', 'オンコールの夜間呼び出しが多すぎる'],
      ['2026-10-15', '夜間のオンコール呼び出しが多い（9 月は 11 件、うち 6 件は対応不要だった）'],
    ]);
    expect(night.retroCount).toBe(2);
  });

  it('tells a retro page which of its problems came up before, with a link target and the score', () => {
    const mentions = recurring.earlierMentions('2026-10-15-platform', 1);
    expect(mentions).toHaveLength(1);
    expect(mentions[0].retro.id).toBe('2026-08-19-platform');
    expect(mentions[0].text).toBe('オンコールの夜間呼び出しが多すぎる');
    expect(mentions[0].similarity).toBeCloseTo(0.725, 3);
    expect([...recurring.recurringIn('2026-10-15-platform').keys()]).toEqual([1]);
    // The first mention has nothing before it.
    expect(recurring.earlierMentions('2026-08-19-platform', 0)).toEqual([]);
  });

  it('does not group unrelated problems', () => {
    const grouped = recurring.groups.flatMap((g) => g.occurrences.map((o) => o.text));
    expect(grouped).not.toContain('レビュー待ちのプルリクエストが多い');
    expect(grouped).not.toContain('Terraform の state ロックが残ってデプロイが止まった');
    expect(grouped).not.toContain('GitHub Actions のジョブがタイムアウトする');
    expect(recurring.groups).toHaveLength(2); // night calls, staging cost
  });

  it('does not link problems of different teams', () => {
    // The data team's identical sentence is not the platform team's problem.
    expect(recurring.earlierMentions('2026-10-15-platform', 1).map((m) => m.retro.team)).toEqual(['プラットフォームチーム']);
    expect(recurring.recurringIn('2026-09-01-data').size).toBe(0);
  });

  it('counts retros, not stickies, and lists earlier retros newest first', () => {
    const retros: RetroInput[] = [1, 2, 3, 4].map((n) => ({
      id: `r${n}`,
      title: `r${n}`,
      date: `2026-0${n}-01`,
      team: 't',
      items: [
        { kind: 'problem', text: n % 2 ? '夜間のオンコール呼び出しが多い' : 'オンコールの夜間呼び出しが多すぎる' },
        // Two stickies of the same problem in one retro.
        ...(n === 2 ? [{ kind: 'problem' as const, text: '夜間のオンコール呼び出しが多すぎる' }] : []),
        { kind: 'problem', text: `無関係な問題その${'一二三四'[n - 1]}: 会議室の予約が取れない` },
      ],
    }));
    // The unrelated problems share a long phrase, so they form a group too: that is correct.
    const r = new RecurringProblems(retros);
    const mentions = r.earlierMentions('r4', 0);
    expect(mentions.map((m) => m.retro.id)).toEqual(['r3', 'r2', 'r1']);
    // r2 has two phrasings; the closest one to r4's is reported.
    expect(mentions[1]).toMatchObject({ text: 'オンコールの夜間呼び出しが多すぎる', similarity: 1 });
    const night = r.groups.find((g) => g.occurrences[0].text === '夜間のオンコール呼び出しが多い')!;
    expect(night.occurrences).toHaveLength(5);
    expect(night.retroCount).toBe(4);
    expect(r.earlierMentions('r2', 1).map((m) => m.retro.id)).toEqual(['r1']);
  });

  it('a problem resembling two different problems joins the closer one and does not merge them', () => {
    const texts = ['アラートが多すぎる', 'オンコールの夜間呼び出しが多すぎる', '夜間のオンコールのアラートが多すぎる', 'アラートが多すぎる'];
    // The third resembles both the first (0.59) and the second (0.63).
    expect(similarity(texts[2], texts[0])).toBeGreaterThanOrEqual(RECURRING_THRESHOLD);
    expect(similarity(texts[2], texts[1])).toBeGreaterThan(similarity(texts[2], texts[0]));
    const r = new RecurringProblems(
      texts.map((text, i) => ({ id: `r${i + 1}`, title: `r${i + 1}`, date: `2026-0${i + 1}-01`, team: 't', items: [{ kind: 'problem', text }] })),
    );
    expect(r.groups.map((g) => g.occurrences.map((o) => o.retro.id))).toEqual([
      ['r1', 'r4'],
      ['r2', 'r3'],
    ]);
    expect(r.earlierMentions('r3', 0).map((m) => m.retro.id)).toEqual(['r2']);
  });
});

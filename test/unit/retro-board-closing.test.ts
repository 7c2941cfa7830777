import { describe, expect, it } from 'vitest';
import { actionsClosedByBoard, isDoneArea, quotesIn, type BoardSticky } from '../../src/lib/retro/board-closing.ts';

const OPEN = [
  { id: 'a-2026-10-15-1', text: '対応不要だったアラートを毎週月曜の引き継ぎで棚卸しし、閾値の変更か廃止を決める' },
  { id: 'a-2026-10-15-2', text: 'Redash のランブックを伊藤さんがステージングでなぞり、オーナーを伊藤さんに変更する' },
  { id: 'a-2026-10-15-3', text: 'Terraform の apply ジョブのタイムアウトを 30 分から 60 分に延ばし、キャンセル時にロックを解放する後処理を入れる' },
  { id: 'a-2026-07-15-1', text: 'アラートごとにランブックへのリンクを付ける' },
];

const closedIds = (stickies: BoardSticky[]) => actionsClosedByBoard(OPEN, stickies).closed.map((c) => c.actionId);

describe('which frame or column titles mean "done"', () => {
  it.each(['Done', 'DONE ✅', '完了', '前回の Try: 完了', '済', '済み', '完了した Try', 'Try (done)'])('%s is a Done area', (title) => {
    expect(isDoneArea(title)).toBe(true);
  });
  it.each(['未完了', 'Not done', 'Undone', 'Keep', 'Try', '返済計画', 'Doneness', '', undefined])('%s is not', (title) => {
    expect(isDoneArea(title)).toBe(false);
  });
});

describe('quotes in a Keep', () => {
  it('finds 「」, 『』, “” and "" passages', () => {
    expect(quotesIn('「アラートの棚卸し」が効いた、"weekly review" も')).toEqual(['アラートの棚卸し', 'weekly review']);
    expect(quotesIn('『A』と“B”')).toEqual(['A', 'B']);
    expect(quotesIn('引用なし')).toEqual([]);
  });
});

describe('actions closed by the board', () => {
  it('closes the action a Done-area sticky copies', () => {
    expect(closedIds([{ id: 's1', text: OPEN[2].text, area: '完了' }])).toEqual(['a-2026-10-15-3']);
  });

  it('closes the action a Done-area sticky summarises, when one action clearly matches best', () => {
    const { closed } = actionsClosedByBoard(OPEN, [{ id: 's1', text: 'Redash のランブックをステージングでなぞった', area: 'Done' }]);
    expect(closed.map((c) => [c.actionId, c.reason])).toEqual([['a-2026-10-15-2', 'done-area']]);
    expect(closed[0].score).toBeGreaterThanOrEqual(0.7);
    expect(closed[0].sticky.id).toBe('s1');
  });

  it('closes every action a sticky names by id', () => {
    expect(closedIds([{ text: 'a-2026-10-15-1 と a-2026-07-15-1 は終わった', area: '完了' }])).toEqual(['a-2026-10-15-1', 'a-2026-07-15-1']);
  });

  it('does not take an id that is only a prefix of another', () => {
    expect(closedIds([{ text: 'a-2026-10-15-10 done', area: 'Done' }])).toEqual([]);
  });

  it('reports a sticky that could mean two actions instead of guessing', () => {
    const both = [
      { id: 'x1', text: 'アラートの棚卸しをする' },
      { id: 'x2', text: 'アラートの棚卸しをする（週次）' },
    ];
    const result = actionsClosedByBoard(both, [{ id: 's', text: 'アラートの棚卸しをする', area: 'Done' }]);
    expect(result.closed).toEqual([]);
    expect(result.ambiguous.map((a) => a.candidates.sort())).toEqual([['x1', 'x2']]);
  });

  it('closes the action a Keep quotes', () => {
    const { closed } = actionsClosedByBoard(OPEN, [
      { id: 'k1', kind: 'keep', text: '「アラートごとにランブックへのリンクを付ける」をやったら一次対応が速くなった' },
    ]);
    expect(closed.map((c) => [c.actionId, c.reason, c.score])).toEqual([['a-2026-07-15-1', 'keep-quote', 1]]);
  });

  it('does not close an action from a Keep that only talks about the same topic', () => {
    expect(closedIds([{ kind: 'keep', text: 'アラートごとにランブックへのリンクがあるのは便利' }])).toEqual([]);
    expect(closedIds([{ kind: 'keep', text: '「ランブック」が読みやすい' }])).toEqual([]);
  });

  it('ignores Problems and Tries outside a Done area, and stickies in other areas', () => {
    expect(
      closedIds([
        { kind: 'problem', text: `「${OPEN[0].text}」ができていない` },
        { kind: 'try', text: OPEN[1].text, area: 'Try' },
        { text: OPEN[2].text, area: '未完了' },
      ]),
    ).toEqual([]);
  });

  it('closes nothing from short or unrelated stickies in a Done area', () => {
    expect(closedIds([{ text: 'OK!', area: 'Done' }, { text: '🎉', area: 'Done' }, { text: '新しいダッシュボードを作った', area: 'Done' }])).toEqual([]);
  });

  it('closes each action once, keeping the best match', () => {
    const { closed } = actionsClosedByBoard(OPEN, [
      { id: 'weak', text: 'Redash のランブックをなぞった', area: 'Done' },
      { id: 'exact', text: OPEN[1].text, area: 'Done' },
    ]);
    expect(closed).toHaveLength(1);
    expect(closed[0].sticky.id).toBe('exact');
  });

  it('handles hostile text as plain text', () => {
    const hostile = '</script><img src=x onerror=alert(1)> ${process.exit()} (.*)+ a-2026-10-15-1.*';
    // Regex characters in the text are not patterns; the id in it still counts.
    expect(closedIds([{ text: hostile, area: 'Done' }])).toEqual(['a-2026-10-15-1']);
    expect(closedIds([{ text: '(.*)+[', area: 'Done' }])).toEqual([]);
  });
});

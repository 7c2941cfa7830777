import { describe, expect, it } from 'vitest';
import { classify, DEFAULT_KPT_CONFIG, type BoardData } from '../../src/lib/kpt/index.ts';
import { closingStickies } from '../../src/lib/retro/board-stickies.ts';
import { framesBoard, columnsBoard, frame, sticky, text, type BoardFixture } from '../../bench/harness/miro-boards.ts';

const data = (f: BoardFixture): BoardData => ({ board: f.board, items: f.items, tags: f.tags, taggedItems: f.tagItems, members: f.members });
const stickiesOf = (f: BoardFixture) => {
  const d = data(f);
  return closingStickies(d, classify(d, DEFAULT_KPT_CONFIG), DEFAULT_KPT_CONFIG);
};

describe('stickies for closing actions', () => {
  it('names the Done frame a sticky sits in, at any depth, and keeps the KPT kinds', () => {
    const f = framesBoard('ja', 'uXjVDoneFrm=');
    const done = frame(f.board.id, '前回の Try: 完了 🎉', 4200, 0);
    const inner = { ...frame(f.board.id, 'Redash', 300, 300, 500, 500), parent: { id: done.id } };
    f.items.push(
      done,
      inner,
      sticky(f.board.id, '<p>アラートの棚卸し</p>', { x: 150, y: 300, parent: done.id }),
      sticky(f.board.id, '<p>ランブックをなぞった</p>', { x: 100, y: 100, parent: inner.id }),
    );
    const list = stickiesOf(f);
    expect(list.filter((s) => s.area).map((s) => [s.text, s.area])).toEqual([
      ['アラートの棚卸し', '前回の Try: 完了 🎉'],
      ['ランブックをなぞった', '前回の Try: 完了 🎉'],
    ]);
    expect(list.find((s) => s.text === 'ランブックどおりに復旧できた')).toMatchObject({ kind: 'keep' });
    expect(list.find((s) => s.text === 'ランブックどおりに復旧できた')!.area).toBeUndefined();
    // Empty stickies say nothing.
    expect(list.some((s) => s.text === '')).toBe(false);
  });

  it('puts stickies under a DONE column header in the Done area, not those under TRY', () => {
    const f = columnsBoard('uXjVDoneCol=');
    f.items.push(text(f.board.id, '<p>DONE ✅</p>', 1800, 0));
    f.items.push(sticky(f.board.id, '<p>Terraform のロック解除を自動化した</p>', { x: 1790, y: 260 }));
    const list = stickiesOf(f);
    expect(list.find((s) => s.text === 'Terraform のロック解除を自動化した')).toMatchObject({ area: 'DONE ✅' });
    expect(list.find((s) => s.text === 'Terraform のロック解除を自動化')).toMatchObject({ kind: 'try' });
    expect(list.find((s) => s.text === 'Terraform のロック解除を自動化')!.area).toBeUndefined();
    // A sticky far from every column is in no area.
    expect(list.find((s) => s.text === 'far away, in no column')!.area).toBeUndefined();
  });

  it('finds no Done area on a board without one', () => {
    expect(stickiesOf(framesBoard('en', 'uXjVNoDone=')).every((s) => s.area === undefined)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planBoardClosings, type RetroFile } from '../../src/lib/retro/close-on-import.ts';
import { checkRetros, RetroHistory, type RetroInput } from '../../src/lib/retro/history.ts';
import { frontMatterOf } from '../../src/lib/content/front-matter.ts';

const RETROS = resolve(import.meta.dirname, '../../content/retros');
const sample = (name: string): RetroFile => ({
  path: `content/retros/${name}.mdx`,
  id: name,
  source: readFileSync(join(RETROS, `${name}.mdx`), 'utf8'),
});
const FILES = ['2026-07-15-platform-team', '2026-08-19-platform-team', '2026-09-16-platform-team', '2026-10-15-platform-team'].map(sample);
const NOVEMBER = { id: '2026-11-19-platform-team', date: '2026-11-19', team: 'プラットフォームチーム' };

const asInput = (f: RetroFile): RetroInput => {
  const data = parse(frontMatterOf(f.source));
  return { id: f.id, path: f.path, title: data.title, date: data.date, team: data.team, items: data.items };
};

describe('closing earlier actions from an imported board (sample retros)', () => {
  const plan = planBoardClosings(FILES, NOVEMBER, [
    { id: 's1', text: '月曜のアラート棚卸し', area: '完了' },
    { id: 's2', kind: 'keep', text: '「アラートごとに、対応するランブックへのリンクを通知文に入れる」のおかげで夜中も迷わなかった' },
    { id: 's3', kind: 'problem', text: '「ステージングの費用を月次で確認し、使っていない環境を止める」がまだできていない' },
    { id: 's4', text: 'ステージング環境を 2 つ止めた', area: '来月やること' },
  ]);

  it('closes the action a Done sticky summarises and the one a Keep quotes, nothing else', () => {
    expect(plan.closings.map((c) => [c.actionId, c.reason, c.path])).toEqual([
      ['a-2026-07-15-2', 'keep-quote', 'content/retros/2026-07-15-platform-team.mdx'],
      ['a-2026-10-15-1', 'done-area', 'content/retros/2026-10-15-platform-team.mdx'],
    ]);
    expect(plan.ambiguous).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('changes only the closed items: status done and closed_in, the rest of the file byte for byte', () => {
    expect(plan.edits.map((e) => e.path)).toEqual(['content/retros/2026-07-15-platform-team.mdx', 'content/retros/2026-10-15-platform-team.mdx']);
    const oct = plan.edits[1];
    const removed = oct.before.split('\n').filter((l) => !oct.after.split('\n').includes(l));
    const added = oct.after.split('\n').filter((l) => !oct.before.split('\n').includes(l));
    expect(added).toEqual(['    status: done', '    closed_in: 2026-11-19-platform-team']);
    // The other two Tries keep their `status: open` lines.
    expect(removed).toEqual([]);
    expect(oct.after.replace('    status: done\n    closed_in: 2026-11-19-platform-team\n', '    status: open\n')).toBe(oct.before);
    expect(oct.after.endsWith(oct.before.slice(oct.before.indexOf('\n## 振り返りメモ')))).toBe(true);
  });

  it('leaves valid retros whose history now shows the actions closed at the new retro', () => {
    const files = FILES.map((f) => ({ ...f, source: plan.edits.find((e) => e.path === f.path)?.after ?? f.source }));
    const nov: RetroInput = { id: NOVEMBER.id, title: '11 月', date: NOVEMBER.date, team: NOVEMBER.team, items: [] };
    const inputs = [...files.map(asInput), nov];
    expect(checkRetros(inputs)).toEqual([]);
    const history = new RetroHistory(inputs);
    expect(history.closedAt(NOVEMBER.id).map((a) => a.id)).toEqual(['a-2026-07-15-2', 'a-2026-10-15-1']);
    expect(history.openActions('2026-11-24').map((o) => o.action.id)).toEqual(['a-2026-08-19-2', 'a-2026-10-15-2', 'a-2026-10-15-3']);
  });

  it('importing the same board again changes nothing more', () => {
    const files = FILES.map((f) => ({ ...f, source: plan.edits.find((e) => e.path === f.path)?.after ?? f.source }));
    const again = planBoardClosings(files, NOVEMBER, [{ text: '月曜のアラート棚卸し', area: '完了' }]);
    expect(again.closings).toEqual([]);
    expect(again.edits).toEqual([]);
  });

  it('never closes actions of later retros, of another team, or of the retro being imported', () => {
    const stickies = [{ text: 'a-2026-10-15-1 a-2026-07-15-2', area: 'Done' }];
    expect(planBoardClosings(FILES, { ...NOVEMBER, date: '2026-09-30' }, stickies).closings.map((c) => c.actionId)).toEqual(['a-2026-07-15-2']);
    expect(planBoardClosings(FILES, { ...NOVEMBER, team: 'データチーム' }, stickies).closings).toEqual([]);
    const self = planBoardClosings(FILES, { id: '2026-10-15-platform-team', date: '2026-10-15', team: 'プラットフォームチーム' }, stickies);
    expect(self.closings.map((c) => c.actionId)).toEqual(['a-2026-07-15-2']);
  });
});

describe('editing a retro file', () => {
  const file = (source: string, id = '2026-01-07-team'): RetroFile => ({ path: `retros/${id}.mdx`, id, source });
  const PAGE = `---
# 手で書いたコメント
title: "1 月"
date: 2026-01-07
team: チーム
items:
  - { kind: try, text: 手順書を直す, id: t-1 }
  - kind: try
    text: >-
      長い文章の
      アクション
---
本文 {/* MDX */}
`;

  it('keeps comments, flow style, block scalars and the body', () => {
    const plan = planBoardClosings([file(PAGE)], { id: 'next', date: '2026-02-04', team: 'チーム' }, [{ text: 't-1 done', area: 'Done' }]);
    expect(plan.edits[0].after).toBe(PAGE.replace('id: t-1 }', 'id: t-1, status: done, closed_in: next }'));
  });

  it('closes a Try without an id by its position', () => {
    const plan = planBoardClosings([file(PAGE)], { id: 'next', date: '2026-02-04', team: 'チーム' }, [{ text: '長い文章のアクション', area: '完了' }]);
    expect(plan.closings.map((c) => c.actionId)).toEqual(['2026-01-07-team#2']);
    expect(plan.edits[0].after).toContain('      アクション\n    status: done\n    closed_in: next\n---');
  });

  it('quotes a closing retro slug that a YAML reader would take for a date', () => {
    const plan = planBoardClosings([file(PAGE)], { id: '2026-02-04', date: '2026-02-04', team: 'チーム' }, [{ text: 't-1', area: 'Done' }]);
    expect(plan.edits[0].after).toContain('closed_in: "2026-02-04" }');
  });

  it('keeps Windows line endings', () => {
    const crlf = PAGE.replace(/\n/g, '\r\n');
    const plan = planBoardClosings([file(crlf)], { id: 'next', date: '2026-02-04', team: 'チーム' }, [{ text: 't-1', area: 'Done' }]);
    expect(plan.edits[0].after).toBe(crlf.replace('id: t-1 }', 'id: t-1, status: done, closed_in: next }'));
  });

  it('skips a file it cannot read, saying which, and still closes elsewhere', () => {
    const plan = planBoardClosings(
      [file('---\ntitle: [broken\n---\n', 'broken'), file(PAGE)],
      { id: 'next', date: '2026-02-04', team: 'チーム' },
      [{ text: 't-1', area: 'Done' }],
    );
    expect(plan.warnings).toEqual([expect.stringMatching(/^retros\/broken\.mdx: front matter is not valid YAML/)]);
    expect(plan.closings.map((c) => c.actionId)).toEqual(['t-1']);
  });
});

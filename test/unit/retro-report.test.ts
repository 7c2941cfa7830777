import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { RetroHistory } from '../../src/lib/retro/history.ts';
import { openActionsJson, openActionsTable } from '../../src/lib/retro/report.ts';
import { formatTable } from '../../src/lib/text/table.ts';
import type { Member } from '../../src/lib/content/schema.ts';
import { series } from '../support/retro-series.ts';

const ROSTER: Member[] = [
  { id: 'suzuki', name: '鈴木 花子', role: 'SRE', joined: '2020-10-01', emails: [], git: [] },
  { id: 'watanabe', name: '渡辺 大輔', role: 'SRE', joined: '2024-06-01', left: '2026-11-01', emails: [], git: [] },
];

describe('open actions report', () => {
  const open = new RetroHistory(series()).openActions('2026-11-24');
  const json = openActionsJson(open, ROSTER, '2026-11-24');

  it('gives scripts every fact of an open action, with null for what is missing', () => {
    expect(json[0]).toEqual({
      id: 'a1',
      text: 'アラートごとにランブックへのリンクを付ける',
      owner: 'suzuki',
      owner_name: '鈴木 花子',
      owner_left: false,
      due: '2026-09-30',
      overdue: true,
      age_days: 132,
      age_retros: 3,
      retro: { id: '2026-07-15-platform', title: '7 月の振り返り', date: '2026-07-15', team: 'プラットフォームチーム', path: 'content/retros/2026-07-15-platform.mdx' },
    });
    expect(json.find((a) => a.id === 'b2')).toMatchObject({ owner: null, owner_name: null, due: null, overdue: false });
  });

  it('marks an action whose owner has left the team', () => {
    expect(json.find((a) => a.id === 'd1')).toMatchObject({ owner: 'watanabe', owner_left: true });
    expect(openActionsTable(json)).toMatch(/d1 +渡辺 大輔 \(left\)/);
  });

  it('lines columns up by display width, Japanese included', () => {
    const lines = openActionsTable(json).split('\n');
    expect(lines).toHaveLength(1 + json.length);
    const column = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    const actionColumn = column(lines[0], 'ACTION');
    json.forEach((a, i) => expect(column(lines[i + 1], a.text)).toBe(actionColumn));
  });

  it('keeps a multi-line sticky on one row', () => {
    expect(formatTable(['A', 'B'], [['x\ny', '1\n2']])).toBe('A    B\nx y  1 2');
  });
});

/**
 * kpt:prepare's pure part: settings checked against the import's rules, text escaped for Miro's
 * HTML, the instructions Markdown, and the plan: what is created where, what is found and left.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, instructionsFromMarkdown, linesToHtml } from '../../src/lib/kpt/board-html.ts';
import { boardSettingsProblems, kptBoardSettings } from '../../src/lib/kpt/board-settings.ts';
import { carriedLines, planBoard, type CarriedAction, type PlanInput } from '../../src/lib/kpt/board-plan.ts';
import { classify, DEFAULT_KPT_CONFIG, htmlToText, parseKptConfig, positions, type MiroItem } from '../../src/lib/kpt/index.ts';
import { carriedActions, teamOfRetros } from '../../src/lib/retro/carry-over.ts';
import { RetroHistory } from '../../src/lib/retro/history.ts';
import { frame, sticky, text } from '../../bench/harness/miro-boards.ts';

const settings = kptBoardSettings(undefined);
const action = (id: string, extra: Partial<CarriedAction> = {}): CarriedAction => ({ id, text: `アクション ${id}`, ageDays: 30, ageRetros: 0, overdue: false, ...extra });
const input = (items: MiroItem[], actions: CarriedAction[] = [action('a-1'), action('a-2')], more: Partial<PlanInput> = {}): PlanInput => ({
  items,
  settings,
  config: DEFAULT_KPT_CONFIG,
  instructions: instructionsFromMarkdown('# 進め方\n\n本文'),
  actions,
  ...more,
});

/** The board after the plan is carried out, as Miro would hold it. */
function apply(items: MiroItem[], plan: ReturnType<typeof planBoard>): MiroItem[] {
  const ids = new Map<string, string>();
  const out = [...items];
  for (const p of [...plan.frames, ...plan.children]) {
    const id = `new-${p.key}`;
    ids.set(p.key, id);
    const parent = p.parent ? ('id' in p.parent ? p.parent.id : ids.get(p.parent.key)!) : undefined;
    const pos = p.body.position as { x: number; y: number };
    const geometry = p.body.geometry as { width: number; height?: number };
    out.push({
      id,
      type: { frames: 'frame', sticky_notes: 'sticky_note', shapes: 'shape', texts: 'text' }[p.endpoint],
      data: p.body.data as MiroItem['data'],
      style: p.body.style as MiroItem['style'],
      position: { ...pos, relativeTo: parent ? 'parent_top_left' : 'canvas_center' },
      geometry: { width: geometry.width, height: geometry.height ?? geometry.width * 1.14 },
      ...(parent ? { parent: { id: parent } } : {}),
    });
  }
  return out;
}

describe('settings', () => {
  it('defaults to the Japanese titles, read back by the import as Keep / Problem / Try', () => {
    expect(settings.titles).toEqual({ keep: 'Keep（続けること）', problem: 'Problem（困っていること）', try: 'Try（次に試すこと）', carried: '前回からの持ち越し' });
    expect(boardSettingsProblems(settings, DEFAULT_KPT_CONFIG)).toEqual([]);
  });

  it('refuses titles the import would misread, and colours the colour code turns into Keeps', () => {
    const bad = kptBoardSettings({ titles: { keep: '良い点', carried: '完了したこと' }, ageColors: ['light_green'] });
    const config = parseKptConfig({ colors: { light_green: 'keep' } });
    const problems = boardSettingsProblems(bad, config);
    expect(problems.join('\n')).toMatch(/titles\.keep "良い点" is read by kpt:import as no Keep/);
    expect(problems.join('\n')).toMatch(/titles\.carried "完了したこと" .*Done area/);
    expect(problems.join('\n')).toMatch(/ageColors: "light_green" means keep/);
    expect(() => kptBoardSettings({ ageColors: ['purple'] })).toThrow(/kptBoard\.ageColors\.0/);
    expect(() => kptBoardSettings({ titles: { keep: '' } })).toThrow(/kptBoard\.titles\.keep/);
  });
});

describe('text for the board', () => {
  const hostile = '<script>alert(1)</script> **太字** &amp; &lt;b&gt; "q" \'s\'';

  it('escapes every character HTML gives a meaning, so the text reads back as written', () => {
    expect(escapeHtml('<a href="x">&amp;</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;');
    const html = linesToHtml([hostile]);
    expect(html).not.toMatch(/<script/);
    expect(htmlToText(html)).toBe(hostile);
  });

  it('turns the instructions Markdown into Miro paragraphs; raw HTML and script links stay text', () => {
    const md = '---\nx: 1\n---\n# 進め方 <b>\n\n## ルール\n\n- **責めない** と *決める*\n- [手順](https://example.com/a?b=1&c=2) [悪い](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n1. 書く\n2. 話す\n';
    const r = instructionsFromMarkdown(md);
    expect(r.title).toBe('進め方 <b>');
    expect(r.html).toContain('<p><strong>ルール</strong></p>');
    expect(r.html).toContain('<p>・<strong>責めない</strong> と <em>決める</em></p>');
    expect(r.html).toContain('<a href="https://example.com/a?b=1&amp;c=2">手順</a>');
    expect(r.html).not.toContain('javascript:');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).not.toMatch(/<img/);
    expect(r.text).toEqual(['ルール', '・責めない と 決める', '・手順 悪い', '<img src=x onerror=alert(1)>', '1. 書く', '2. 話す']);
  });

  it("the panel's title is the front matter title, as on every page; bad YAML is an error", () => {
    const r = instructionsFromMarkdown('---\ntitle: はじめに\n---\n\n## ルール\n\n本文\n');
    expect(r.title).toBe('はじめに');
    expect(r.text).toEqual(['ルール', '本文']);
    expect(() => instructionsFromMarkdown('---\ntitle: [\n---\n')).toThrow(/front matter is not valid YAML/);
  });

  it('a carried-over sticky says what, who, until when, how long, and ends with the id', () => {
    const lines = carriedLines(action('a-2026-10-15-1', { text: '棚卸しする', owner: '渡辺 健', due: '2026-11-16', overdue: true, ageRetros: 2, ageDays: 40 }));
    expect(lines).toEqual(['棚卸しする', '担当: 渡辺 健　期限: 2026-11-16（期限切れ）', '持ち越し 3 回目・40 日経過', 'ID: a-2026-10-15-1']);
    expect(carriedLines(action('x'))[1]).toBe('担当: 未定　期限: なし');
  });
});

describe('planBoard', () => {
  it('on an empty board: five frames side by side, then the panel and one sticky per action in them', () => {
    const plan = planBoard(input([]));
    expect(plan.problems).toEqual([]);
    expect(plan.frames.map((f) => (f.body.data as { title: string }).title)).toEqual(['進め方', '前回からの持ち越し', 'Keep（続けること）', 'Problem（困っていること）', 'Try（次に試すこと）']);
    const ys = new Set(plan.frames.map((f) => (f.body.position as { y: number }).y));
    expect(ys.size).toBe(1);
    const xs = plan.frames.map((f) => (f.body.position as { x: number }).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(plan.children.map((c) => [c.key, c.endpoint, c.parent])).toEqual([
      ['panel', 'shapes', { key: 'frame:instructions' }],
      ['action:a-1', 'sticky_notes', { key: 'frame:carried' }],
      ['action:a-2', 'sticky_notes', { key: 'frame:carried' }],
    ]);
  });

  it('the board it leaves imports as meant: carried stickies are unplaced, nothing else is a sticky', () => {
    const board = apply([], planBoard(input([])));
    const c = classify({ board: { id: 'b' }, items: board, tags: [], taggedItems: {}, members: [] }, DEFAULT_KPT_CONFIG);
    expect(c.entries).toEqual([]);
    expect(c.unplaced.map((u) => u.text.split('\n').at(-1))).toEqual(['ID: a-1', 'ID: a-2']);
    // Every sticky lies inside its frame.
    const where = positions(board);
    const carried = board.find((i) => i.data?.title === '前回からの持ち越し')!;
    for (const s of board.filter((i) => i.type === 'sticky_note')) {
      const p = where.get(s.id)!;
      const f = where.get(carried.id)!;
      expect(Math.abs(p.x - f.x)).toBeLessThan(carried.geometry!.width! / 2);
      expect(Math.abs(p.y - f.y)).toBeLessThan(carried.geometry!.height! / 2);
    }
  });

  it('a second plan on the board the first one made adds nothing', () => {
    const board = apply([], planBoard(input([])));
    const again = planBoard(input(board));
    expect([...again.frames, ...again.children]).toEqual([]);
    expect(again.present).toEqual([
      'sticky for a-1',
      'sticky for a-2',
      'frame "進め方" and its panel',
      'frame "前回からの持ち越し"',
      'frame "Keep（続けること）"',
      'frame "Problem（困っていること）"',
      'frame "Try（次に試すこと）"',
    ]);
  });

  it('finds what a run that stopped half-way made, and adds only the rest into the frames that are there', () => {
    const first = planBoard(input([]));
    const partial = apply([], { ...first, children: first.children.slice(0, 2) });
    const again = planBoard(input(partial));
    expect(again.frames).toEqual([]);
    expect(again.children.map((c) => [c.key, c.parent])).toEqual([['action:a-2', { id: 'new-frame:carried' }]]);
  });

  it('an action is there wherever its sticky was moved, even into Keep', () => {
    const keep = frame('b', 'Keep', 0, 0);
    const moved = sticky('b', '<p>終わった</p><p>ID: a-1</p>', { x: 100, y: 100, parent: keep.id });
    const plan = planBoard(input([keep, moved]));
    expect(plan.children.filter((c) => c.endpoint === 'sticky_notes').map((c) => c.key)).toEqual(['action:a-2']);
    expect(plan.frames.map((f) => f.key)).toEqual(['frame:instructions', 'frame:carried', 'frame:problem', 'frame:try']);
    expect(plan.present).toContain('frame "Keep"');
  });

  it("on a board with the team's content, the new frames go in a row above all of it", () => {
    const items = [text('b', '<p>KEEP</p>', 0, 0), text('b', '<p>PROBLEM</p>', 600, 0), sticky('b', '<p>付箋</p>', { x: 0, y: 300 })];
    const plan = planBoard(input(items));
    expect(plan.frames.map((f) => f.key)).toEqual(['frame:instructions', 'frame:carried', 'frame:try']);
    for (const f of plan.frames) {
      const { y } = f.body.position as { y: number };
      const { height } = f.body.geometry as { height: number };
      expect(y + height / 2).toBeLessThan(-40);
    }
    expect(plan.problems).toEqual([]);
  });

  it('says when the import would read a carried sticky as a Keep, and then plans nothing to be written', () => {
    const config = parseKptConfig({ colors: { light_yellow: 'keep' } });
    const plan = planBoard(input([], undefined, { config }));
    expect(plan.problems).toHaveLength(2);
    expect(plan.problems[0]).toMatch(/sticky a-1 .*would read it as a keep/);
  });

  it('with no open actions there is no carry-over frame', () => {
    const plan = planBoard(input([], []));
    expect(plan.frames.map((f) => f.key)).toEqual(['frame:instructions', 'frame:keep', 'frame:problem', 'frame:try']);
  });
});

describe('carriedActions', () => {
  const history = new RetroHistory([
    { id: 'r1', title: 'r1', date: '2026-09-01', team: 'SRE', items: [{ kind: 'try', text: '古い', owner: 'aoki', due: '2026-09-15' }, { kind: 'try', text: '済', status: 'done' }] },
    { id: 'r2', title: 'r2', date: '2026-10-01', team: 'ＳＲＥ', items: [{ kind: 'try', text: '新しい', id: 'a-x' }] },
    { id: 'o1', title: 'o1', date: '2026-10-01', team: 'Other', items: [{ kind: 'try', text: '他チーム' }] },
  ]);

  it("the team's open actions, oldest first, owner by name, with age and overdue", () => {
    const carried = carriedActions(history.openActions('2026-10-31'), 'sre', [{ id: 'aoki', name: '青木 一郎' }]);
    expect(carried).toEqual([
      { id: 'r1#1', text: '古い', owner: '青木 一郎', due: '2026-09-15', ageDays: 60, ageRetros: 1, overdue: true },
      { id: 'a-x', text: '新しい', ageDays: 30, ageRetros: 0, overdue: false },
    ]);
  });

  it('the team is the only one with retros, or must be named', () => {
    expect(teamOfRetros(['SRE', 'ＳＲＥ'])).toEqual({ team: 'SRE', several: [] });
    expect(teamOfRetros(['SRE', 'Other']).several).toEqual(['SRE', 'Other']);
  });
});

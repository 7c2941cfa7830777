import { describe, expect, it } from 'vitest';
import { RetroHistory, byOwner, checkRetros, reservedRetroSlug, type RetroInput } from '../../src/lib/retro/history.ts';
import { ROUTES } from '../../src/lib/site/routes.ts';
import { series, TEAM } from '../support/retro-series.ts';

const TODAY = '2026-11-24';
const ids = (list: { action: { id: string } }[]) => list.map((f) => f.action.id);

describe('actions across a series of retros', () => {
  const history = new RetroHistory(series());

  it('makes every Try an action with its retro, owner, due date and status (open by default)', () => {
    // In the order of creation: x1's retro (09-01, another team) sits between August and September.
    expect(history.actions.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'x1', 'c1', 'c2', 'd1']);
    const d1 = history.actions.find((a) => a.id === 'd1')!;
    expect(d1).toMatchObject({ status: 'open', owner: 'watanabe', due: '2026-11-16', itemIndex: 3 });
    expect(d1.retro).toMatchObject({ id: '2026-10-15-platform', date: '2026-10-15', title: '10 月の振り返り' });
  });

  it('lists open actions oldest first with their age in days and in retros of their team', () => {
    const open = history.openActions(TODAY);
    expect(ids(open)).toEqual(['a1', 'b2', 'x1', 'd1']);
    const age = Object.fromEntries(open.map((o) => [o.action.id, [o.ageDays, o.ageRetros]]));
    // 2026-07-15 -> 2026-11-24 is 132 days; the team held 3 retros since (Aug, Sep, Oct).
    expect(age).toEqual({ a1: [132, 3], b2: [97, 2], x1: [84, 0], d1: [40, 0] });
  });

  it('flags an open action whose due date has passed', () => {
    const open = history.openActions(TODAY);
    expect(open.find((o) => o.action.id === 'a1')!.overdue).toBe(true);
    expect(open.find((o) => o.action.id === 'd1')!.overdue).toBe(true);
    expect(open.find((o) => o.action.id === 'b2')!.overdue).toBe(false);
    expect(history.openActions('2026-11-10').find((o) => o.action.id === 'd1')!.overdue).toBe(false);
  });

  it('counts ages as of the given day and leaves out actions created after it', () => {
    const sep = history.openActions('2026-09-20');
    expect(sep.find((o) => o.action.id === 'a1')).toMatchObject({ ageDays: 67, ageRetros: 2 });
    expect(ids(sep)).toEqual(['a1', 'b2', 'x1']);
  });

  it('carries over into the next retro the actions still open, with how many retros each has stayed open', () => {
    const aug = history.followUps('2026-08-19-platform');
    expect(aug.map((f) => [f.action.id, f.state, f.retrosOpen, f.daysOpen])).toEqual([
      ['a1', 'open', 1, 35],
      // closed 07-30, reported at the August retro; dropped without a date: assumed by the next retro.
      ['a2', 'closed', 1, 35],
      ['a3', 'closed', 1, 35],
    ]);
  });

  it('shows on an older retro an action that was open then and closed later', () => {
    const sep = history.followUps('2026-09-16-platform');
    expect(sep.map((f) => [f.action.id, f.state, f.retrosOpen])).toEqual([
      ['a1', 'open', 2],
      ['b2', 'open', 1],
      ['b1', 'closed-later', 1],
    ]);
  });

  it('carries over the right actions with the right ages into the fourth retro', () => {
    const oct = history.followUps('2026-10-15-platform');
    expect(oct.map((f) => [f.action.id, f.state, f.retrosOpen, f.daysOpen])).toEqual([
      ['a1', 'open', 3, 92],
      ['b2', 'open', 2, 57],
      ['b1', 'closed', 2, 57],
      ['c1', 'closed', 1, 29],
      ['c2', 'closed', 1, 29],
    ]);
  });

  it('never carries actions over from another team, nor into the first retro', () => {
    expect(history.followUps('2026-07-15-platform')).toEqual([]);
    expect(history.followUps('2026-09-01-data')).toEqual([]);
    for (const r of history.teamRetros(TEAM)) expect(ids(history.followUps(r.id))).not.toContain('x1');
  });

  it('counts the actions closed at each retro', () => {
    const closed = Object.fromEntries(history.teamRetros(TEAM).map((r) => [r.date, history.closedAt(r.id).map((a) => a.id)]));
    expect(closed).toEqual({
      '2026-07-15': [],
      '2026-08-19': ['a2', 'a3'],
      '2026-09-16': [],
      '2026-10-15': ['b1', 'c1', 'c2'],
    });
  });

  it('a done action stops appearing in open actions and in later carried-over lists', () => {
    const retros = series();
    const aug = retros[1].items[3];
    expect(aug.id).toBe('b2');
    retros[1] = { ...retros[1], items: retros[1].items.map((i) => (i.id === 'b2' ? { ...i, status: 'done' as const, closed: '2026-09-10' } : i)) };
    const after = new RetroHistory(retros);
    expect(ids(after.openActions(TODAY))).toEqual(['a1', 'x1', 'd1']);
    // Closed on 09-10: reported at the September retro, gone from October's list.
    expect(after.followUps('2026-09-16-platform').find((f) => f.action.id === 'b2')!.state).toBe('closed');
    expect(ids(after.followUps('2026-10-15-platform'))).not.toContain('b2');
    expect(after.closedAt('2026-09-16-platform').map((a) => a.id)).toEqual(['b2']);
  });

  it('an action closed after the latest retro waits for the next one to be reported', () => {
    const retros = series();
    retros[3] = { ...retros[3], items: retros[3].items.map((i) => (i.id === 'd1' ? { ...i, status: 'done' as const, closed: '2026-11-01' } : i)) };
    const after = new RetroHistory(retros);
    const d1 = after.actions.find((a) => a.id === 'd1')!;
    expect(d1.closedOn).toBe('2026-11-01');
    expect(d1.closedAt).toBeUndefined();
    expect(after.teamRetros(TEAM).flatMap((r) => after.closedAt(r.id)).map((a) => a.id)).not.toContain('d1');
  });

  it('gives a Try without an id a stable id from its retro and position', () => {
    const h = new RetroHistory([
      { id: 'r', title: 'r', date: '2026-01-01', team: 't', items: [{ kind: 'keep', text: 'k' }, { kind: 'try', text: 'x' }, { kind: 'try', text: 'y' }] },
    ]);
    expect(h.actions.map((a) => a.id)).toEqual(['r#1', 'r#2']);
  });
});

describe('open actions by owner', () => {
  it('puts unassigned actions first, then owners by their oldest open action', () => {
    const open = new RetroHistory(series()).openActions(TODAY);
    expect(byOwner(open).map(([owner, list]) => [owner, list.map((o) => o.action.id)])).toEqual([
      [undefined, ['b2']],
      ['suzuki', ['a1']],
      ['ito', ['x1']],
      ['watanabe', ['d1']],
    ]);
  });

  it('keeps each owner\'s actions oldest first', () => {
    const retros = series();
    retros[3].items = [...retros[3].items, { kind: 'try', text: 'もう一つ', id: 'd2', owner: 'suzuki' }];
    const groups = byOwner(new RetroHistory(retros).openActions(TODAY));
    expect(groups.find(([o]) => o === 'suzuki')![1].map((o) => o.action.id)).toEqual(['a1', 'd2']);
  });
});

describe('checks across retro files', () => {
  const base = (): RetroInput[] => series();

  it('accepts the series', () => {
    expect(checkRetros(base())).toEqual([]);
  });

  it('rejects an action id used in two files, naming both', () => {
    const retros = base();
    retros[2].items = [...retros[2].items, { kind: 'try', text: 'dup', id: 'a1' }];
    const problems = checkRetros(retros);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/content\/retros\/2026-09-16-platform\.mdx: items\.5 \(action "a1"\)/);
    expect(problems[0]).toMatch(/already used in content\/retros\/2026-07-15-platform\.mdx/);
  });

  it('rejects closed_in naming no retro, a retro of another team, or an earlier retro', () => {
    const retros = base();
    const set = (i: number, id: string, patch: object) =>
      (retros[i].items = retros[i].items.map((it) => (it.id === id ? { ...it, ...patch } : it)));
    set(1, 'b1', { closed_in: '2026-10-51-typo' });
    set(2, 'c1', { closed_in: '2026-09-01-data', closed: undefined });
    set(2, 'c2', { closed_in: '2026-07-15-platform', closed: undefined });
    const problems = checkRetros(retros).join('\n');
    expect(problems).toMatch(/2026-08-19-platform\.mdx.*"b1".*closed_in "2026-10-51-typo" is not a retro/);
    expect(problems).toMatch(/2026-09-16-platform\.mdx.*"c1".*another team/);
    expect(problems).toMatch(/2026-09-16-platform\.mdx.*"c2".*not later than/);
  });

  it('rejects closing fields on an open action and a closing day before the retro', () => {
    const retros = base();
    retros[0].items = retros[0].items.map((it) =>
      it.id === 'a1' ? { ...it, closed: '2026-08-01' } : it.id === 'a2' ? { ...it, closed: '2026-07-01' } : it,
    );
    const problems = checkRetros(retros).join('\n');
    expect(problems).toMatch(/"a1".*status is open but closed is set/);
    expect(problems).toMatch(/"a2".*closed 2026-07-01 is before the retro that created it \(2026-07-15\)/);
  });

  it('rejects a retro file whose slug is a page of its own', () => {
    const problems = checkRetros([{ id: 'actions', path: 'content/retros/actions.mdx', title: 'x', date: '2026-01-01', team: 't', items: [] }]);
    expect(problems).toEqual(['content/retros/actions.mdx: the slug "actions" is reserved for the page /retros/actions/; rename the file']);
  });

  it('rejects retro slugs and folders that would be pages of the open actions or the list of retros', () => {
    const retro = (id: string) => ({ id, path: `content/retros/${id}.mdx`, title: 'x', date: '2026-01-01', team: 't', items: [] });
    expect(checkRetros([retro('all')])).toEqual(['content/retros/all.mdx: the slug "all" is reserved for the page /retros/all/; rename the file']);
    // /retros/all/2/ is page 2 of the list, /retros/actions/suzuki/ an owner's open actions.
    expect(checkRetros([retro('all/2')])).toEqual(['content/retros/all/2.mdx: the slug "all" is reserved for the page /retros/all/; rename the folder']);
    expect(checkRetros([retro('actions/suzuki')])).toHaveLength(1);
    // Only the whole first segment is reserved.
    expect(checkRetros([retro('allhands'), retro('2026/actions'), retro('all-hands/2026-01')])).toEqual([]);
  });

  it('reserves every static route under /retros/', () => {
    const under = ROUTES.map((r) => r.pattern).filter((p) => p.startsWith('/retros/') && p !== '/retros/[...slug]');
    expect(under.length).toBeGreaterThan(0);
    for (const pattern of under) expect(reservedRetroSlug(pattern.slice('/retros/'.length)), pattern).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { makeOnboardingSchema } from '../../src/lib/content/schema.ts';
import { freshness } from '../../src/lib/knowledge/freshness.ts';
import { membershipByPage, pathIdForFile, resolvePath, sortPaths, type PageInfo } from '../../src/lib/onboarding/paths.ts';

const TODAY = '2026-11-24';
const PAGES = new Map<string, PageInfo>([
  ['guideline/values', { title: '大切にしていること', description: '', minutes: 4, reviewed: '2026-09-10', reviewEvery: 180 }],
  ['runbooks/db', { title: 'DB フェイルオーバー', description: 'DB', minutes: 6, reviewed: '2026-05-01', reviewEvery: 90 }],
  ['guideline/toil', { title: 'トイル', description: '', minutes: 4, reviewed: '2025-09-01', reviewEvery: 180 }],
]);
const schema = makeOnboardingSchema(new Set(['aoki']), new Set(PAGES.keys()));

const firstDay = schema.parse({
  title: '初日',
  audience: '初日',
  steps: [
    { page: 'guideline/values', why: '土台' },
    { task: 'Slack に参加する', why: '連絡', minutes: 5 },
    { page: 'runbooks/db', why: '重要', minutes: 20 },
    { task: 'BigQuery の権限を申請する', why: '調査', optional: true },
    { page: 'guideline/toil', why: 'トイル', optional: true },
  ],
});

describe('the overdue check steps use (knowledge freshness)', () => {
  const reviewState = (reviewed: string, reviewEvery: number, today: string) => {
    const f = freshness({ reviewed, review_every: reviewEvery }, today);
    return { due: f.due, overdue: f.status === 'overdue' };
  };
  it('is due review_every days after reviewed, overdue only once that day has passed', () => {
    expect(reviewState('2026-05-01', 90, TODAY)).toEqual({ due: '2026-07-30', overdue: true });
    expect(reviewState('2026-08-26', 90, TODAY)).toEqual({ due: '2026-11-24', overdue: false }); // due today
    expect(reviewState('2026-08-25', 90, TODAY)).toEqual({ due: '2026-11-23', overdue: true });
  });
});

describe('resolvePath', () => {
  const path = resolvePath('first-day', firstDay, PAGES, TODAY);

  it('numbers the steps and joins each page step with its page', () => {
    expect(path.steps.map((s) => [s.number, s.type, s.page?.title ?? s.task])).toEqual([
      [1, 'page', '大切にしていること'],
      [2, 'task', 'Slack に参加する'],
      [3, 'page', 'DB フェイルオーバー'],
      [4, 'task', 'BigQuery の権限を申請する'],
      [5, 'page', 'トイル'],
    ]);
  });

  it('uses the computed reading time unless the path gives minutes', () => {
    expect(path.steps.map((s) => [s.minutes, s.computed])).toEqual([
      [4, true],
      [5, false],
      [20, false],
      [undefined, false],
      [4, true],
    ]);
  });

  it('totals the time, without optional steps too, and counts tasks with no estimate', () => {
    expect(path).toMatchObject({ totalMinutes: 33, requiredMinutes: 29, untimed: 1 });
  });

  it('marks steps whose page is past its review date', () => {
    expect(path.steps.map((s) => s.page?.overdue)).toEqual([false, undefined, true, undefined, true]);
    expect(path.steps[2].page?.due).toBe('2026-07-30');
    expect(path.overdue).toBe(2);
  });

  it('keys progress by page or task, not by position', () => {
    expect(path.steps.map((s) => s.key)).toEqual([
      'page:guideline/values',
      'task:Slack に参加する',
      'page:runbooks/db',
      'task:BigQuery の権限を申請する',
      'page:guideline/toil',
    ]);
  });

  it('fails loudly if a page vanished after validation', () => {
    expect(() => resolvePath('x', firstDay, new Map(), TODAY)).toThrow(/onboarding path "x", step 1: no page "guideline\/values"/);
  });
});

describe('membershipByPage (the "Step 3 of 12" banner)', () => {
  const first = resolvePath('first-day', firstDay, PAGES, TODAY);
  const oncall = resolvePath(
    'before-oncall',
    schema.parse({ title: 'オンコール前', audience: 'オンコール参加前', steps: [{ page: 'runbooks/db', why: 'a' }, { task: 'PagerDuty', why: 'b' }] }),
    PAGES,
    TODAY,
  );
  const byPage = membershipByPage([first, oncall]);

  it('gives position, total and neighbours; a task neighbour has no page', () => {
    expect(byPage.get('runbooks/db')?.[0]).toEqual({
      pathId: 'first-day',
      pathTitle: '初日',
      number: 3,
      total: 5,
      key: 'page:runbooks/db',
      optional: false,
      prev: { number: 2, label: 'Slack に参加する' },
      next: { number: 4, label: 'BigQuery の権限を申請する' },
    });
  });

  it('lists every path a page is in', () => {
    expect(byPage.get('runbooks/db')?.map((m) => [m.pathId, m.number, m.total])).toEqual([
      ['first-day', 3, 5],
      ['before-oncall', 1, 2],
    ]);
  });

  it('has no previous step on the first page and no next step on the last', () => {
    const firstStep = byPage.get('guideline/values')![0];
    expect(firstStep.prev).toBeUndefined();
    expect(firstStep.next).toEqual({ number: 2, label: 'Slack に参加する' });
    const lastStep = byPage.get('guideline/toil')![0];
    expect(lastStep.next).toBeUndefined();
    expect(lastStep.optional).toBe(true);
  });

  it('has no entry for pages in no path', () => {
    expect(byPage.has('retros/x')).toBe(false);
  });
});

describe('sortPaths and pathIdForFile', () => {
  it('orders by `order`, paths without one last, then by id', () => {
    const sorted = sortPaths([{ id: 'z' }, { id: 'b', order: 2 }, { id: 'a' }, { id: 'c', order: 1 }]);
    expect(sorted.map((p) => p.id)).toEqual(['c', 'b', 'a', 'z']);
  });

  it('takes the path id from the file name', () => {
    expect(pathIdForFile('first-day.yaml')).toBe('first-day');
    expect(pathIdForFile('content/onboarding/Before Oncall.yml')).toBe('before-oncall');
  });
});

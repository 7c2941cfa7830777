import { describe, expect, it } from 'vitest';
import { freshness, reviewDue } from '../../src/lib/knowledge/freshness.ts';
import { todayIn } from '../../src/lib/content/dates.ts';

describe('review due date = reviewed + review_every days', () => {
  it.each([
    ['2026-06-01', 180, '2026-11-28'],
    ['2025-09-01', 180, '2026-02-28'],
    ['2026-05-01', 90, '2026-07-30'],
    // Leap years: February 29 exists in 2024 and 2028, not in 2025-2027 or 2100.
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-02-29', 365, '2025-02-28'],
    ['2027-12-01', 90, '2028-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    // Across a year end and across DST changes elsewhere: whole calendar days only.
    ['2026-12-20', 14, '2027-01-03'],
    ['2026-03-01', 7, '2026-03-08'],
    ['2026-10-25', 7, '2026-11-01'],
  ])('%s + %i days is %s', (reviewed, days, due) => {
    expect(reviewDue(reviewed, days)).toBe(due);
  });
});

describe('freshness status on a given day', () => {
  const page = { reviewed: '2026-06-01', review_every: 180 }; // due 2026-11-28

  it('is fine on the due day itself and overdue from the next day', () => {
    expect(freshness(page, '2026-11-28')).toEqual({ due: '2026-11-28', daysLeft: 0, status: 'due-soon' });
    expect(freshness(page, '2026-11-29')).toEqual({ due: '2026-11-28', daysLeft: -1, status: 'overdue' });
  });

  it('is due soon within the window (default 14 days) and ok before it', () => {
    expect(freshness(page, '2026-11-14').status).toBe('due-soon'); // 14 days left
    expect(freshness(page, '2026-11-13').status).toBe('ok'); // 15 days left
    expect(freshness(page, '2026-11-24', 3).status).toBe('ok');
    expect(freshness(page, '2026-11-25', 3)).toMatchObject({ daysLeft: 3, status: 'due-soon' });
  });

  it('counts days correctly across a leap day', () => {
    const leap = { reviewed: '2024-02-01', review_every: 30 }; // due 2024-03-02 (Feb has 29 days)
    expect(freshness(leap, '2024-03-02').status).toBe('due-soon');
    expect(freshness(leap, '2024-03-03')).toMatchObject({ daysLeft: -1, status: 'overdue' });
    expect(freshness({ reviewed: '2024-02-29', review_every: 1 }, '2024-03-01').daysLeft).toBe(0);
  });

  it('a page reviewed long ago reports how late it is', () => {
    expect(freshness({ reviewed: '2025-09-01', review_every: 180 }, '2026-11-24')).toEqual({
      due: '2026-02-28',
      daysLeft: -269,
      status: 'overdue',
    });
  });
});

describe('"today" is a calendar day in the team time zone', () => {
  // 00:30 on 2026-11-24 in Tokyo is still the 23rd in UTC and in California.
  const instant = new Date('2026-11-23T15:30:00Z');
  const page = { reviewed: '2026-05-27', review_every: 180 }; // due 2026-11-23

  it('the same instant is a different day in different zones', () => {
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-11-24');
    expect(todayIn('UTC', instant)).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-23');
  });

  it('so a page becomes overdue at midnight in the team zone, not the build machine zone', () => {
    expect(freshness(page, todayIn('Asia/Tokyo', instant)).status).toBe('overdue');
    expect(freshness(page, todayIn('UTC', instant))).toMatchObject({ daysLeft: 0, status: 'due-soon' });
  });

  it('a DST change does not shift the day', () => {
    // New York springs forward at 2026-03-08 02:00 local: 06:30Z is 01:30 EST, 07:30Z is 03:30 EDT.
    expect(todayIn('America/New_York', new Date('2026-03-08T06:30:00Z'))).toBe('2026-03-08');
    expect(todayIn('America/New_York', new Date('2026-03-08T07:30:00Z'))).toBe('2026-03-08');
    expect(todayIn('America/New_York', new Date('2026-03-09T03:59:00Z'))).toBe('2026-03-08');
    expect(todayIn('America/New_York', new Date('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
  });
});

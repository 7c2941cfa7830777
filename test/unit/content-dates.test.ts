import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isIsoDate, toIsoDate, todayIn } from '../../src/lib/content/dates.ts';
import { findImpossibleDates } from '../../src/lib/content/raw-dates.ts';
import { frontMatterOf } from '../../src/lib/content/front-matter.ts';

describe('calendar days', () => {
  it.each(['2024-02-29', '2026-12-31', '2000-02-29'])('%s is a day', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-4-1', '2026/04/01', ''])('%s is not', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-24', 90)).toBe('2027-02-22');
    expect(dayNumber('2026-03-09') - dayNumber('2026-03-07')).toBe(2); // across a US DST change
  });

  it('reads YAML dates (UTC midnight) as the same day', () => {
    expect(toIsoDate(new Date('2026-06-12T00:00:00Z'))).toBe('2026-06-12');
    expect(toIsoDate(new Date('nope'))).toBeUndefined();
  });

  it("takes today in the team's time zone, not the machine's", () => {
    const instant = new Date('2026-11-24T16:30:00Z'); // 01:30 on the 25th in Tokyo
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-11-25');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-24');
  });
});

describe('impossible dates in raw front matter (YAML would roll them over)', () => {
  it('finds them with their line', () => {
    const fm = 'title: 2026-02-30 の障害\nreviewed: 2026-02-30\nitems:\n  - { kind: try, due: 2026-04-31 }\ndates: [2026-01-01, 2026-13-01]';
    expect(findImpossibleDates(fm)).toEqual([
      { line: 2, value: '2026-02-30', text: 'reviewed: 2026-02-30' },
      { line: 4, value: '2026-04-31', text: '- { kind: try, due: 2026-04-31 }' },
      { line: 5, value: '2026-13-01', text: 'dates: [2026-01-01, 2026-13-01]' },
    ]);
  });

  it('leaves real days and quoted text alone', () => {
    expect(findImpossibleDates('reviewed: 2024-02-29\ntitle: "見直し 2026-02-30 予定"')).toEqual([]);
  });

  it('extracts the front matter block', () => {
    expect(frontMatterOf('---\na: 1\n---\nbody')).toBe('a: 1');
    expect(frontMatterOf('\uFEFF---\r\na: 1\r\n---\r\n')).toBe('a: 1');
    expect(frontMatterOf('no front matter')).toBe('');
  });
});
